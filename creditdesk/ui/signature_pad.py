"""手写签名板: mouse, pen (tablet) and touch draw smooth strokes; 清除 starts over; PNG out.

The pad keeps the strokes as point lists in widget coordinates and draws each
as a quadratic curve through the midpoints of its points, so a shaky hand or a
coarse touch screen still gives a smooth line. ``png_bytes()`` renders the
strokes on white, trimmed to the ink with a small margin.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QEvent, QIODevice, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

INK = QColor("#10204a")
PEN_WIDTH = 2.6
MARGIN = 8


def _path(points: list[QPointF]) -> QPainterPath:
    path = QPainterPath(points[0])
    if len(points) == 1:
        path.lineTo(points[0] + QPointF(0.01, 0.01))  # a dot
        return path
    for a, b in zip(points[1:-1], points[2:]):
        path.quadTo(a, (a + b) / 2)
    path.lineTo(points[-1])
    return path


class SignatureCanvas(QWidget):
    """The drawing surface itself."""

    changed = Signal(bool)  # whether anything is drawn

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signatureCanvas")
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self.setMinimumSize(320, 130)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setCursor(Qt.CursorShape.CrossCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab skips the pad: a signature is never typed
        self._strokes: list[list[QPointF]] = []
        self._drawing = False

    # -- state -----------------------------------------------------------------
    def has_ink(self) -> bool:
        return any(self._strokes)

    def clear(self) -> None:
        had = self.has_ink()
        self._strokes.clear()
        self._drawing = False
        self.update()
        if had:
            self.changed.emit(False)

    # -- input -----------------------------------------------------------------
    def _begin(self, pos: QPointF) -> None:
        was = self.has_ink()
        self._strokes.append([QPointF(pos)])
        self._drawing = True
        self.update()
        if not was:
            self.changed.emit(True)

    def _extend(self, pos: QPointF) -> None:
        if not self._drawing or not self._strokes:
            return
        last = self._strokes[-1][-1]
        if (pos - last).manhattanLength() < 1.0:
            return
        self._strokes[-1].append(QPointF(pos))
        self.update()

    def _end(self, pos: QPointF | None = None) -> None:
        if self._drawing and pos is not None:
            self._extend(pos)
        self._drawing = False

    def mousePressEvent(self, event) -> None:  # noqa: ANN001, N802 - Qt API
        if event.button() == Qt.MouseButton.LeftButton:
            self._begin(event.position())

    def mouseMoveEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.buttons() & Qt.MouseButton.LeftButton:
            self._extend(event.position())

    def mouseReleaseEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.button() == Qt.MouseButton.LeftButton:
            self._end(event.position())

    def tabletEvent(self, event) -> None:  # noqa: ANN001, N802
        kind = event.type()
        if kind == QEvent.Type.TabletPress:
            self._begin(event.position())
        elif kind == QEvent.Type.TabletMove and event.pressure() > 0:
            self._extend(event.position())
        elif kind == QEvent.Type.TabletRelease:
            self._end(event.position())
        event.accept()  # no synthesised mouse events on top of the pen's

    def event(self, event) -> bool:  # noqa: ANN001
        kind = event.type()
        if kind in (QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            points = event.points()
            if points:
                pos = points[0].position()
                if kind == QEvent.Type.TouchBegin:
                    self._begin(pos)
                elif kind == QEvent.Type.TouchUpdate:
                    self._extend(pos)
                else:
                    self._end(pos)
            event.accept()
            return True
        return super().event(event)

    # -- drawing ---------------------------------------------------------------
    def _pen(self) -> QPen:
        pen = QPen(INK, PEN_WIDTH)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        return pen

    def paintEvent(self, _event) -> None:  # noqa: ANN001, N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), Qt.GlobalColor.white)
        # A baseline to sign on, as on paper.
        p.setPen(QPen(QColor("#c8ced8"), 1, Qt.PenStyle.DashLine))
        y = self.height() - 28
        p.drawLine(16, y, self.width() - 16, y)
        if not self.has_ink():
            p.setPen(QColor("#9aa3b2"))
            p.drawText(self.rect().adjusted(0, 0, 0, -34), Qt.AlignmentFlag.AlignCenter, self.tr("请在此处手写签名"))
        p.setPen(self._pen())
        p.setBrush(Qt.BrushStyle.NoBrush)
        for stroke in self._strokes:
            if stroke:
                p.drawPath(_path(stroke))
        p.setPen(QPen(QColor("#8a94a6"), 1))
        p.drawRect(self.rect().adjusted(0, 0, -1, -1))

    def ink_rect(self) -> QRectF:
        rect = QRectF()
        for stroke in self._strokes:
            if stroke:
                rect = rect.united(_path(stroke).boundingRect())
        return rect

    def png_bytes(self) -> bytes:
        """The signature on white, trimmed to the ink; b"" when nothing is drawn."""
        if not self.has_ink():
            return b""
        ink = self.ink_rect().adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)
        image = QImage(max(1, int(ink.width()) + 1), max(1, int(ink.height()) + 1), QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        p = QPainter(image)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.translate(-ink.topLeft())
        p.setPen(self._pen())
        for stroke in self._strokes:
            if stroke:
                p.drawPath(_path(stroke))
        p.end()
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())


class SignaturePad(QWidget):
    """The canvas with its 清除 button and a line saying whether it is signed."""

    changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.canvas = SignatureCanvas()
        self.clear_button = QPushButton(self.tr("清除"))
        self.clear_button.setObjectName("signatureClear")
        self.clear_button.setEnabled(False)
        self.state_label = QLabel()
        self.state_label.setStyleSheet("color:#6b6b6b;")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.state_label, 1)
        row.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.canvas)
        layout.addLayout(row)
        self.clear_button.clicked.connect(self.canvas.clear)
        self.canvas.changed.connect(self._changed)
        self._changed(False)

    def _changed(self, inked: bool) -> None:
        self.clear_button.setEnabled(inked)
        self.state_label.setText(self.tr("已签名") if inked else self.tr("可用鼠标、手写笔或触摸屏签名"))
        self.changed.emit(inked)

    def has_ink(self) -> bool:
        return self.canvas.has_ink()

    def clear(self) -> None:
        self.canvas.clear()

    def png_bytes(self) -> bytes:
        return self.canvas.png_bytes()
