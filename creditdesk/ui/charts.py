"""Small charts drawn with QPainter (QtCharts is not installed): stacked bars and a donut.

Both take plain data (labels, numbers, colours) and repaint when it changes;
Chinese labels are drawn in the widget's font, elided when too long (the full
text is in the tooltip). Colours come from creditdesk.services.usage.OUTCOME_COLOURS,
the outcome colours of the slip and the review panel.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

AXIS = QColor("#9AA0A6")
GRID = QColor("#E3E6EA")
TEXT = QColor("#202124")
MUTED = QColor("#5F6368")


def nice_scale(value: float, ticks: int = 5) -> tuple[float, float]:
    """(axis maximum, step): whole-number steps of 1/2/5 × 10^k (2.5 from 25 up)."""
    if value <= ticks:
        return float(ticks), 1.0
    rough = value / ticks
    magnitude = 10 ** (len(str(int(rough))) - 1)
    multiples = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)
    step = next(m * magnitude for m in multiples if m * magnitude >= rough)
    return float(math.ceil(value / step) * step), float(step)


def _draw_title(p: QPainter, fm: QFontMetrics, chart: QWidget, rect: QRectF, gap: float) -> float:
    """The chart's title in bold at the top left of ``rect``; where what follows starts (y)."""
    y = rect.top()
    if chart.title:
        bold = QFont(chart.font())
        bold.setBold(True)
        p.setFont(bold)
        p.setPen(TEXT)
        p.drawText(QPointF(rect.left(), y + fm.ascent()), chart.title)
        p.setFont(chart.font())
        y += fm.height() + gap
    return y


class _Legend:
    """Coloured squares with names, laid out left to right."""

    @staticmethod
    def width(fm: QFontMetrics, series: Sequence[tuple[str, QColor]]) -> int:
        return sum(14 + fm.horizontalAdvance(name) + 16 for name, _ in series)

    @staticmethod
    def draw(p: QPainter, fm: QFontMetrics, x: float, y: float, series: Sequence[tuple[str, QColor]]) -> None:
        for name, colour in series:
            p.fillRect(QRectF(x, y + (fm.height() - 10) / 2, 10, 10), colour)
            p.setPen(TEXT)
            p.drawText(QPointF(x + 14, y + fm.ascent()), name)
            x += 14 + fm.horizontalAdvance(name) + 16


class StackedBarChart(QWidget):
    """Stacked bars, one per category, one segment per series.

    ``orientation`` Horizontal: categories down the left (long Chinese names fit),
    bars to the right with their totals at the end. Vertical: columns along the
    bottom (days or weeks), labels thinned out when crowded.
    """

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Horizontal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.orientation = orientation
        self.title = ""
        self.empty_text = self.tr("暂无数据")
        self.categories: list[str] = []
        self.series: list[tuple[str, QColor]] = []
        self.values: list[list[int]] = []  # [series][category]
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(160)

    def set_data(self, categories: Sequence[str], series: Sequence[tuple[str, str | QColor]],
                 values: Sequence[Sequence[int]], title: str = "") -> None:  # fmt: skip
        self.categories = list(categories)
        self.series = [(name, QColor(colour)) for name, colour in series]
        self.values = [list(v) for v in values]
        self.title = title
        self.setToolTip("\n".join(
            f"{c}：{sum(v[i] for v in self.values)}" for i, c in enumerate(self.categories)
        ) if self.orientation == Qt.Orientation.Horizontal else "")  # fmt: skip
        if self.orientation == Qt.Orientation.Horizontal:  # room for every category's name
            self.setMinimumHeight(self.sizeHint().height())
        self.updateGeometry()
        self.update()

    def totals(self) -> list[int]:
        return [sum(v[i] for v in self.values) for i in range(len(self.categories))]

    def sizeHint(self) -> QSize:  # noqa: N802
        if self.orientation == Qt.Orientation.Horizontal:
            fm = self.fontMetrics()
            return QSize(520, max(160, 3 * fm.height() + 28 + len(self.categories) * (fm.height() + 6)))
        return QSize(720, 240)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        fm = p.fontMetrics()
        rect = QRectF(self.rect()).adjusted(6, 4, -8, -4)
        y = _draw_title(p, fm, self, rect, gap=4)
        _Legend.draw(p, fm, rect.left(), y, self.series)
        y += fm.height() + 8
        plot = QRectF(rect.left(), y, rect.width(), rect.bottom() - y)
        totals = self.totals()
        if not self.categories or not any(totals):
            p.setPen(MUTED)
            p.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            p.end()
            return
        top, step = nice_scale(max(totals))
        if self.orientation == Qt.Orientation.Horizontal:
            self._paint_horizontal(p, fm, plot, totals, top, step)
        else:
            self._paint_vertical(p, fm, plot, totals, top, step)
        p.end()

    def _paint_horizontal(self, p: QPainter, fm: QFontMetrics, plot: QRectF, totals: list[int], top: float,
                          step: float) -> None:  # fmt: skip
        label_w = min(max(fm.horizontalAdvance(c) for c in self.categories) + 10, plot.width() * 0.38)
        total_w = fm.horizontalAdvance(str(max(totals))) + 8
        area = QRectF(plot.left() + label_w, plot.top(), plot.width() - label_w - total_w, plot.height() - fm.height() - 4)
        n = len(self.categories)
        row_h = area.height() / n
        bar_h = max(4.0, min(row_h * 0.68, 22.0))
        scale = area.width() / top
        # grid and value axis
        p.setPen(QPen(GRID, 1))
        ticks = int(round(top / step))
        for i in range(ticks + 1):
            x = area.left() + i * step * scale
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()))
            p.setPen(MUTED)
            text = f"{int(i * step)}"
            p.drawText(QPointF(x - fm.horizontalAdvance(text) / 2, area.bottom() + fm.ascent() + 3), text)
        for c, name in enumerate(self.categories):
            cy = area.top() + row_h * c + row_h / 2
            p.setPen(TEXT)
            label = fm.elidedText(name, Qt.TextElideMode.ElideMiddle, int(label_w - 10))
            p.drawText(QRectF(plot.left(), cy - fm.height() / 2, label_w - 8, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, label)  # fmt: skip
            x = area.left()
            for s, (_, colour) in enumerate(self.series):
                w = self.values[s][c] * scale
                if w > 0:
                    p.fillRect(QRectF(x, cy - bar_h / 2, w, bar_h), colour)
                x += w
            p.setPen(MUTED)
            p.drawText(QPointF(x + 4, cy + fm.ascent() / 2 - 1), str(totals[c]))
        p.setPen(QPen(AXIS, 1))
        p.drawLine(QPointF(area.left(), area.top()), QPointF(area.left(), area.bottom()))

    def _paint_vertical(self, p: QPainter, fm: QFontMetrics, plot: QRectF, totals: list[int], top: float,
                        step: float) -> None:  # fmt: skip
        axis_w = fm.horizontalAdvance(str(int(top))) + 8
        area = QRectF(plot.left() + axis_w, plot.top() + 2, plot.width() - axis_w, plot.height() - fm.height() - 8)
        n = len(self.categories)
        col_w = area.width() / n
        bar_w = max(2.0, col_w * 0.7)
        scale = area.height() / top
        ticks = int(round(top / step))
        for i in range(ticks + 1):
            y = area.bottom() - i * step * scale
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y))
            p.setPen(MUTED)
            text = f"{int(i * step)}"
            p.drawText(QRectF(plot.left(), y - fm.height() / 2, axis_w - 6, fm.height()),
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)  # fmt: skip
        widest = max(fm.horizontalAdvance(c) for c in self.categories) + 8
        every = max(1, math.ceil(widest / col_w))
        for c, name in enumerate(self.categories):
            x = area.left() + col_w * c + (col_w - bar_w) / 2
            y = area.bottom()
            for s, (_, colour) in enumerate(self.series):
                h = self.values[s][c] * scale
                if h > 0:
                    p.fillRect(QRectF(x, y - h, bar_w, h), colour)
                y -= h
            if c % every == 0:
                p.setPen(MUTED)
                cx = area.left() + col_w * c + col_w / 2
                p.drawText(QPointF(cx - fm.horizontalAdvance(name) / 2, area.bottom() + fm.ascent() + 4), name)
        p.setPen(QPen(AXIS, 1))
        p.drawLine(QPointF(area.left(), area.bottom()), QPointF(area.right(), area.bottom()))


class DonutChart(QWidget):
    """Shares of a whole: a ring with the total in the middle and a legend with counts and percentages."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.centre_caption = self.tr("合计")
        self.empty_text = self.tr("暂无数据")
        self.slices: list[tuple[str, int, QColor]] = []
        self.setMinimumSize(300, 170)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    def set_data(self, slices: Sequence[tuple[str, int, str | QColor]], title: str = "") -> None:
        self.slices = [(name, int(value), QColor(colour)) for name, value, colour in slices]
        self.title = title
        self.update()

    @property
    def total(self) -> int:
        return sum(v for _, v, _ in self.slices)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(360, 200)

    def paintEvent(self, event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        fm = p.fontMetrics()
        rect = QRectF(self.rect()).adjusted(6, 4, -6, -4)
        y = _draw_title(p, fm, self, rect, gap=6)
        area = QRectF(rect.left(), y, rect.width(), rect.bottom() - y)
        total = self.total
        side = min(area.height(), area.width() * 0.45)
        ring = QRectF(area.left() + 4, area.top() + (area.height() - side) / 2, side, side)
        thickness = side * 0.24
        if total <= 0:
            p.setPen(QPen(GRID, thickness, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
            inner = ring.adjusted(thickness / 2, thickness / 2, -thickness / 2, -thickness / 2)
            p.drawEllipse(inner)
            p.setPen(MUTED)
            p.drawText(ring, Qt.AlignmentFlag.AlignCenter, self.empty_text)
        else:
            angle = 90.0 * 16
            inner = ring.adjusted(thickness, thickness, -thickness, -thickness)
            for _, value, colour in self.slices:
                if value <= 0:
                    continue
                span = -360.0 * 16 * value / total
                path = QPainterPath()
                path.arcMoveTo(ring, angle / 16)
                path.arcTo(ring, angle / 16, span / 16)
                path.arcTo(inner, (angle + span) / 16, -span / 16)
                path.closeSubpath()
                p.fillPath(path, colour)
                angle += span
            big = QFont(self.font())
            big.setBold(True)
            big.setPointSizeF(self.font().pointSizeF() * 1.5)
            p.setFont(big)
            p.setPen(TEXT)
            bfm = QFontMetrics(big)
            p.drawText(QRectF(inner.left(), inner.center().y() - bfm.height() + 2, inner.width(), bfm.height()),
                       Qt.AlignmentFlag.AlignCenter, str(total))  # fmt: skip
            p.setFont(self.font())
            p.setPen(MUTED)
            p.drawText(QRectF(inner.left(), inner.center().y() + 2, inner.width(), fm.height()),
                       Qt.AlignmentFlag.AlignCenter, self.centre_caption)  # fmt: skip
        # legend
        lx = ring.right() + 18
        line_h = fm.height() + 8
        ly = area.top() + max(0.0, (area.height() - line_h * len(self.slices)) / 2)
        for name, value, colour in self.slices:
            p.fillRect(QRectF(lx, ly + (fm.height() - 11) / 2, 11, 11), colour)
            p.setPen(TEXT)
            share = f"{value / total * 100:.1f}%" if total else "—"
            text = f"{name}  {value}（{share}）"
            p.drawText(QPointF(lx + 17, ly + fm.ascent()), fm.elidedText(text, Qt.TextElideMode.ElideRight,
                                                                           int(rect.right() - lx - 17)))  # fmt: skip
            ly += line_h
        p.end()
