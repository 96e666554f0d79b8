"""每日核查台账 as PDF (reportlab): A4 landscape, the header row on every page, long
cells wrapped, "第 N 页 / 共 M 页" in the footer, and the totals at the end.

Rows are measured once and laid out page by page here (one table per page), not
by letting one long table split itself: that keeps 2,000 rows linear in time and
lets progress and cancel work per page. Chinese is set in the embedded TrueType
subset of creditdesk.slips.fonts.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from creditdesk.services.ledger import (
    OUTCOME_LABELS,
    PDF_COLUMNS,
    AtomicTarget,
    ExportMeta,
    LedgerRow,
    Ticker,
    totals,
)
from creditdesk.slips.fonts import cjk_font_name

PAGE = landscape(A4)
MARGIN_X = 10 * mm
MARGIN_TOP = 12 * mm
MARGIN_BOTTOM = 13 * mm
FONT_SIZE = 7.2
LEADING = FONT_SIZE * 1.3
PAD_X, PAD_Y = 2.5, 2.2
FRAME_PAD = 6  # SimpleDocTemplate's frame padding, each side

INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#5F6368")
RULE = colors.HexColor("#B0B5BA")
HEAD_BG = colors.HexColor("#E8EEF6")
ZEBRA = colors.HexColor("#F7F8FA")
OUTCOME_COLOURS = {  # as on the printed slip (creditdesk/slips/render.py)
    "prohibit": (colors.HexColor("#B3261E"), colors.HexColor("#FCEBEA")),
    "strict": (colors.HexColor("#C75B00"), colors.HexColor("#FFF3E0")),
    "incentive": (colors.HexColor("#2E7D32"), colors.HexColor("#EAF5EA")),
    "normal": (colors.HexColor("#1F5FA8"), colors.HexColor("#EAF1FA")),
}
# Columns that take what the fixed ones leave, by weight; the others are as wide as their widest value.
FLEX = {"matter_name": 0.9, "subject_name": 2.0, "measures": 2.6, "departure_reason": 1.0}
FIXED_CAP = {"officer_name": 60, "window": 52, "version": 52, "outcome_label": 80}
DEFAULT_CAP = 92
MIN_WIDTH = 2 * FONT_SIZE + 2 * PAD_X  # two Chinese characters


def _pdf_value(col, row: LedgerRow, one_day: bool) -> str:  # noqa: ANN001
    if col.key == "time":
        return row.finalised_at[11:19] if one_day else row.finalised_at[5:16].replace("T", " ")
    value = col.value(row)
    return "" if value is None else str(value)


class _NumberedCanvas(Canvas):
    """Holds the pages back so each footer can say "第 N 页 / 共 M 页"."""

    def __init__(self, *args, font: str, left_text: str, **kwargs) -> None:  # noqa: ANN002, ANN003
        super().__init__(*args, **kwargs)
        self._pages: list[dict] = []
        self._font, self._left_text = font, left_text

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            self.saveState()
            self.setFillColor(GREY)
            self.setFont(self._font, 7.5)
            y = 6 * mm
            self.drawString(MARGIN_X, y, self._left_text)
            self.drawRightString(PAGE[0] - MARGIN_X, y, f"第 {self._pageNumber} 页 / 共 {total} 页")
            self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


def write_pdf(
    rows: Sequence[LedgerRow],
    path: str | Path,
    meta: ExportMeta,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    font = cjk_font_name()
    n = len(rows)
    tick = Ticker(2 * n, progress, should_cancel, step=100)
    cols = PDF_COLUMNS
    cell = ParagraphStyle("cell", fontName=font, fontSize=FONT_SIZE, leading=LEADING, wordWrap="CJK", textColor=INK)
    head = ParagraphStyle("head", parent=cell, textColor=colors.HexColor("#1F3A5F"))
    title_style = ParagraphStyle("title", fontName=font, fontSize=15, leading=20, textColor=INK, wordWrap="CJK")
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=11, textColor=GREY, wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, textColor=INK, wordWrap="CJK")

    one_day = len({r.day for r in rows}) <= 1
    texts = [[_pdf_value(c, r, one_day) for c in cols] for r in rows]

    # -- column widths: fixed columns as wide as their widest value, the rest share what is left
    frame_w = PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PAD
    widths: list[float] = []
    for j, c in enumerate(cols):
        if c.key in FLEX:
            widths.append(0.0)
            continue
        widest = max((stringWidth(t[j], font, FONT_SIZE) for t in texts), default=0.0)
        widest = max(widest, stringWidth(c.header[:4], font, FONT_SIZE))
        widths.append(max(MIN_WIDTH, min(widest + 2 * PAD_X + 0.5, FIXED_CAP.get(c.key, DEFAULT_CAP))))
    left = max(frame_w - sum(widths), 120.0)
    weight = sum(FLEX[c.key] for c in cols if c.key in FLEX)
    widths = [left * FLEX[c.key] / weight if c.key in FLEX else w for c, w in zip(cols, widths)]
    scale = frame_w / sum(widths)
    widths = [w * scale for w in widths] if scale < 1 else widths

    # -- cells: a plain string when it fits on one line, else a wrapping Paragraph; row heights once
    def make(text: str, w: float, style: ParagraphStyle):  # noqa: ANN202
        inner = w - 2 * PAD_X
        if "\n" not in text and stringWidth(text, font, style.fontSize) <= inner:
            return text, LEADING
        p = Paragraph(escape(text).replace("\n", "<br/>"), style)
        return p, p.wrap(inner, 10_000)[1]

    header_cells, header_h = [], 0.0
    for c, w in zip(cols, widths):
        p = Paragraph(escape(c.header), head)
        header_cells.append(p)
        header_h = max(header_h, p.wrap(w - 2 * PAD_X, 10_000)[1])
    header_h += 2 * PAD_Y
    body_cells: list[list] = []
    heights: list[float] = []
    for i, t in enumerate(texts, 1):
        made = [make(text, w, cell) for text, w in zip(t, widths)]
        body_cells.append([m[0] for m in made])
        heights.append(max(m[1] for m in made) + 2 * PAD_Y)
        tick(i)

    # -- first page: title; then pages of rows, each a table with the header row
    story: list = []
    top = [Paragraph(escape(meta.title), title_style)]
    sub = "；".join(p for p in (meta.filter_text and f"筛选：{meta.filter_text}", f"共 {n} 条核查记录") if p)
    top.append(Paragraph(escape(sub), small))
    top.append(Spacer(1, 3 * mm))
    frame_h = PAGE[1] - MARGIN_TOP - MARGIN_BOTTOM - 2 * FRAME_PAD - 1
    first_h = frame_h - sum(f.wrap(frame_w, frame_h)[1] for f in top)
    story.extend(top)

    pages: list[tuple[int, int]] = []  # (start, end) row indexes per page
    start, used, room = 0, header_h, first_h
    for i, h in enumerate(heights):
        if used + h > room and i > start:
            pages.append((start, i))
            start, used, room = i, header_h, frame_h
        used += h
    if n:
        pages.append((start, n))
    ends = [e for _, e in pages]

    for k, (a, b) in enumerate(pages):
        data = [header_cells] + body_cells[a:b]
        style = [
            ("FONT", (0, 0), (-1, -1), font, FONT_SIZE, LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.HexColor("#7F93AD")),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F93AD")),
        ]  # fmt: skip
        oc = next(j for j, c in enumerate(cols) if c.key == "outcome_label")
        for r_i, row in enumerate(rows[a:b], 1):
            if r_i % 2 == 0:
                style.append(("BACKGROUND", (0, r_i), (-1, r_i), ZEBRA))
            fg_bg = OUTCOME_COLOURS.get(row.outcome)
            if fg_bg:
                style.append(("BACKGROUND", (oc, r_i), (oc, r_i), fg_bg[1]))
                style.append(("TEXTCOLOR", (oc, r_i), (oc, r_i), fg_bg[0]))
        table = Table(data, colWidths=widths, rowHeights=[header_h] + heights[a:b], repeatRows=1)
        table.setStyle(TableStyle(style))
        story.append(table)
        if k < len(pages) - 1:
            story.append(PageBreak())
    if not n:
        story.append(Table([header_cells], colWidths=widths, rowHeights=[header_h],
                           style=TableStyle([("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
                                             ("BOX", (0, 0), (-1, -1), 0.5, RULE)])))  # fmt: skip
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph("该日期没有核查记录", body))

    # -- totals
    sums = totals(rows)
    block: list = [Spacer(1, 5 * mm), Paragraph("汇总", ParagraphStyle("h", parent=body, fontSize=11, leading=15)),
                   Spacer(1, 1.5 * mm)]
    lines = sums.lines()
    label_to_outcome = {v: k for k, v in OUTCOME_LABELS.items()}
    tdata = [[label, str(count)] for label, count in lines]
    tstyle = [
        ("FONT", (0, 0), (-1, -1), font, 9, 12),
        ("ALIGN", (1, 0), (1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
        ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F93AD")),
        ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
    ]
    for i, (label, _) in enumerate(lines):
        o = label_to_outcome.get(label)
        if o in OUTCOME_COLOURS:
            tstyle.append(("TEXTCOLOR", (0, i), (0, i), OUTCOME_COLOURS[o][0]))
    summary = Table(tdata, colWidths=[42 * mm, 20 * mm], hAlign="LEFT", style=TableStyle(tstyle))
    block += [summary, Spacer(1, 3 * mm), Paragraph(escape(meta.generated_text), small)]
    story.append(KeepTogether(block))  # the totals never split across pages

    def on_page(canvas, doc) -> None:  # noqa: ANN001
        page = doc.page
        if page > 1:
            canvas.saveState()
            canvas.setFillColor(GREY)
            canvas.setFont(font, 7.5)
            y = PAGE[1] - MARGIN_TOP + 3 * mm
            canvas.drawString(MARGIN_X, y, f"{meta.title}（续）")
            canvas.restoreState()
        done = ends[min(page, len(ends)) - 1] if ends else 0
        tick(n + done, force=True)

    maker = functools.partial(_NumberedCanvas, font=font, left_text=meta.generated_text)
    with AtomicTarget(Path(path)) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=meta.title, author="CreditDesk", subject="每日核查台账",
            creator="CreditDesk 信用核查窗口助手", initialFontName=font,
        )  # fmt: skip
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=maker)
    return n
