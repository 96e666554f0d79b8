"""每日核查台账 as PDF (reportlab): A4 landscape, the header row on every page, long
cells wrapped, "第 N 页 / 共 M 页" in the footer, and the totals at the end.

Rows are measured once and laid out page by page here (one table per page), not
by letting one long table split itself: that keeps 2,000 rows linear in time and
lets progress and cancel work per page. Chinese is set in the embedded TrueType
subset of creditdesk.slips.fonts.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from creditdesk.atomic import atomic_path
from creditdesk.cancel import CancelToken
from creditdesk.slips.pdfpages import PageFooter, numbered_canvas
from creditdesk.outcomes import OUTCOMES, PRINT_BG, PRINT_FG
from creditdesk.safetext import clean_text, shorten
from creditdesk.rows.ledger import (
    OUTCOME_LABELS,
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
OUTCOME_COLOURS = {o: (colors.HexColor(PRINT_FG[o]), colors.HexColor(PRINT_BG[o])) for o in OUTCOMES}  # as on the slip
# The PDF's columns: officer and window, subject name and code share a cell (second line grey),
# so that the measures have room on a landscape page. (key, header, value, flex cap or None)
SEP = "\x1f"  # between a cell's first line and its grey second line


@dataclass(frozen=True)
class PdfColumn:
    key: str
    header: str
    value: Callable[[LedgerRow, bool], str]
    flex: float | None = None  # shares the width left by the fixed columns, by this weight
    cap: float = 92.0  # at most this wide (a flex column: wants at most this much)


def _time(r: LedgerRow, one_day: bool) -> str:
    return r.finalised_at[11:19] if one_day else r.finalised_at[5:16].replace("T", " ")


def _ack_and_review(r: LedgerRow) -> str:
    """The acknowledgement of records no rule covers and the 信用审查 on file, one line each (as in the CSV)."""
    return "\n".join(f"{label}：{text}" for label, text in (("确认", r.acknowledgement), ("信用审查", r.credit_review))
                     if text)  # fmt: skip


PDF_COLUMNS: tuple[PdfColumn, ...] = (
    PdfColumn("time", "核查时间", _time, cap=70),
    PdfColumn("officer", "经办人 / 窗口", lambda r, _: f"{r.officer_name}{SEP}{r.window or ''}", cap=62),
    PdfColumn("matter_name", "事项", lambda r, _: r.matter_name, flex=0.8, cap=90),
    PdfColumn("subject", "主体名称 / 代码", lambda r, _: f"{r.subject_name or ''}{SEP}{r.subject_code_display or ''}",
              flex=1.8, cap=160),
    PdfColumn("computed_label", "系统结论", lambda r, _: r.computed_label, cap=62),
    PdfColumn("outcome_label", "最终结论", lambda r, _: r.outcome_label, cap=80),
    PdfColumn("measures", "措施", lambda r, _: r.measures, flex=2.6, cap=260),
    PdfColumn("departure_reason", "偏离理由 / 审批",
              lambda r, _: (r.departure_reason or "") + (f"{SEP}{r.approval_text}" if r.approval_text else ""),
              flex=1.2, cap=130),
    PdfColumn("acknowledgement_review", "未规定措施确认 / 信用审查", lambda r, _: _ack_and_review(r), flex=1.4, cap=150),
    PdfColumn("commitment_number", "承诺书编号", lambda r, _: r.commitment_number or ""),
    PdfColumn("verification_code", "信用核查码", lambda r, _: r.verification_code),
    PdfColumn("offline", "离线", lambda r, _: r.offline_label),
    PdfColumn("data_as_of", "数据截至", lambda r, _: (r.data_as_of or "")[5:16].replace("T", " ") or "—"),
    PdfColumn("version", "版本", lambda r, _: r.version_label, cap=52),
)  # fmt: skip
MIN_WIDTH = 2 * FONT_SIZE + 2 * PAD_X  # two Chinese characters
# A cell of the PDF holds at most this many characters and lines (a 10,000-character name made
# a row taller than the page, and reportlab gave up): cut with "…"; the full value stays in the
# database and in the CSV and XLSX exports.
PDF_CELL_CHARS = 400
MAX_CELL_LINES = 24


def _pdf_text(text: str) -> str:
    """A cell's text for reportlab: control characters removed, each part (see SEP) shortened."""
    return SEP.join(shorten(clean_text(part, multiline=True), PDF_CELL_CHARS) for part in text.split(SEP))


def _widths(cols: Sequence[PdfColumn], texts: list[list[str]], font: str, frame_w: float) -> list[float]:
    """Fixed columns as wide as their widest line; flex columns share the rest by weight, none
    wider than its widest line (what one does not need goes to the others)."""

    def widest(j: int) -> float:
        # The header's words fit unbroken (an empty ledger still has a readable header).
        w = max(stringWidth(part.strip(), font, FONT_SIZE) for part in cols[j].header.split("/"))
        for t in texts:
            for part in t[j].replace("\n", SEP).split(SEP):
                w = max(w, stringWidth(part, font, FONT_SIZE))
        return w + 2 * PAD_X + 2

    widths: dict[int, float] = {}
    want: dict[int, float] = {}
    for j, c in enumerate(cols):
        least = max(MIN_WIDTH, stringWidth(c.header.split(" ")[0][:4], font, FONT_SIZE) + 2 * PAD_X + 2)
        if c.flex is None:
            widths[j] = max(least, min(widest(j), c.cap))
        else:
            want[j] = max(least, min(widest(j), c.cap))
    left = max(frame_w - sum(widths.values()), 40.0 * len(want))
    open_cols = dict(want)
    while open_cols:
        weight = sum(cols[j].flex for j in open_cols)
        share = {j: left * cols[j].flex / weight for j in open_cols}
        done = {j for j in open_cols if want[j] <= share[j]}
        if not done:
            widths.update(share)
            break
        for j in done:
            widths[j] = want[j]
            left -= want[j]
            del open_cols[j]
    else:  # every flex column got all it wants: the spare goes to the measures
        spare = frame_w - sum(widths.values())
        m = next((j for j, c in enumerate(cols) if c.key == "measures"), None)
        if spare > 0 and m is not None:
            widths[m] += spare
    out = [widths[j] for j in range(len(cols))]
    scale = frame_w / sum(out)
    return [w * scale for w in out] if scale < 1 else out

NO_LINE_START = set("，。、；：！？）》」』”’,.;:!?)]}%…")


class _Measure:
    """Character widths of one font and size, cached; greedy line breaking for table cells."""

    def __init__(self, font: str, size: float) -> None:
        self.font, self.size = font, size
        self._w: dict[str, float] = {}

    def char(self, ch: str) -> float:
        w = self._w.get(ch)
        if w is None:
            w = self._w[ch] = stringWidth(ch, self.font, self.size)
        return w

    def width(self, text: str) -> float:
        return sum(self.char(ch) for ch in text)

    def wrap(self, text: str, width: float) -> list[str]:
        """Lines of at most ``width`` (a closing punctuation mark stays on the line it closes;
        Latin words are kept whole when they fit on a line of their own)."""
        lines: list[str] = []
        for para in text.split("\n"):
            line, used = "", 0.0
            i = 0
            while i < len(para):
                ch = para[i]
                token = ch
                if ch.isascii() and ch.isalnum():  # a Latin word or a number: as one piece if it fits
                    j = i
                    while j < len(para) and para[j].isascii() and para[j].isalnum():
                        j += 1
                    token = para[i:j]
                    if self.width(token) > width:
                        token = ch
                tw = self.width(token)
                if line and used + tw > width and not (len(token) == 1 and token in NO_LINE_START):
                    lines.append(line.rstrip())
                    line, used = "", 0.0
                    if token == " ":
                        i += 1
                        continue
                line += token
                used += tw
                i += len(token)
            lines.append(line)
        return lines or [""]


class _Lines(Flowable):
    """Pre-broken lines of text, each in its own colour: what a table cell needs, drawn fast."""

    def __init__(self, lines: list[tuple[str, object]], font: str, size: float, leading: float) -> None:
        super().__init__()
        self.lines, self.font, self.size, self.leading = lines, font, size, leading

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.width, self.height = avail_w, len(self.lines) * self.leading
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.setFont(self.font, self.size)
        y = self.height - self.size  # first baseline, as a Paragraph sets it
        for text, colour in self.lines:
            c.setFillColor(colour)
            c.drawString(0, y, text)
            y -= self.leading


def write_pdf(
    rows: Sequence[LedgerRow],
    path: str | Path,
    meta: ExportMeta,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
) -> int:
    font = cjk_font_name()
    n = len(rows)
    tick = Ticker(2 * n, progress, cancel, step=100)
    cols = PDF_COLUMNS
    cell = ParagraphStyle("cell", fontName=font, fontSize=FONT_SIZE, leading=LEADING, wordWrap="CJK", textColor=INK)
    head = ParagraphStyle("head", parent=cell, textColor=colors.HexColor("#1F3A5F"))
    title_style = ParagraphStyle("title", fontName=font, fontSize=15, leading=20, textColor=INK, wordWrap="CJK")
    small = ParagraphStyle("small", fontName=font, fontSize=8, leading=11, textColor=GREY, wordWrap="CJK")
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=13, textColor=INK, wordWrap="CJK")

    one_day = len({r.day for r in rows}) <= 1
    texts = [[_pdf_text(c.value(r, one_day)) for c in cols] for r in rows]

    frame_w = PAGE[0] - 2 * MARGIN_X - 2 * FRAME_PAD
    widths = _widths(cols, texts, font, frame_w)

    # -- cells: a plain string when it fits on one line, else pre-broken lines; row heights once.
    # (Paragraphs would be wrapped three times each by the table: ten times slower on 2,000 rows.)
    measure = _Measure(font, FONT_SIZE)
    oc = next(j for j, c in enumerate(cols) if c.key == "outcome_label")

    def make(text: str, w: float, colour):  # noqa: ANN001, ANN202
        inner = w - 2 * PAD_X
        if SEP not in text and "\n" not in text and measure.width(text) <= inner:
            return text, LEADING
        lines: list[tuple[str, object]] = []
        for k, part in enumerate(text.split(SEP)):
            if part or k == 0:
                lines += [(line, colour if k == 0 else GREY) for line in measure.wrap(part, inner)]
        if len(lines) > MAX_CELL_LINES:  # never taller than a page
            last, last_colour = lines[MAX_CELL_LINES - 1]
            lines = lines[: MAX_CELL_LINES - 1] + [(last[:-1] + "…", last_colour)]
        return _Lines(lines, font, FONT_SIZE, LEADING), len(lines) * LEADING

    header_cells, header_h = [], 0.0
    for c, w in zip(cols, widths):
        p = Paragraph(escape(c.header), head)
        header_cells.append(p)
        header_h = max(header_h, p.wrap(w - 2 * PAD_X, 10_000)[1])
    header_h += 2 * PAD_Y
    body_cells: list[list] = []
    heights: list[float] = []
    for i, (t, row) in enumerate(zip(texts, rows), 1):
        fg = OUTCOME_COLOURS.get(row.outcome, (INK,))[0]
        made = [make(text, w, fg if j == oc else INK) for j, (text, w) in enumerate(zip(t, widths))]
        body_cells.append([m[0] for m in made])
        heights.append(max(m[1] for m in made) + 2 * PAD_Y)
        tick(i)

    # -- first page: title; then pages of rows, each a table with the header row
    story: list = []
    top = [Paragraph(escape(shorten(clean_text(meta.title), 200)), title_style)]
    sub = "；".join(p for p in (meta.filter_text and f"筛选：{meta.filter_text}", f"共 {n} 条核查记录") if p)
    top.append(Paragraph(escape(shorten(clean_text(sub), 600)), small))
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
        story.append(Table([header_cells], colWidths=widths, rowHeights=[header_h], style=TableStyle([
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_X), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_Y), ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
            ("VALIGN", (0, 0), (-1, -1), "TOP"), ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#7F93AD"))])))  # fmt: skip
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

    maker = numbered_canvas(PageFooter(font, 7.5, 6 * mm, MARGIN_X, page_text="第 {page} 页 / 共 {total} 页",
                                       left_text=meta.generated_text, colour=GREY))
    with atomic_path(path) as tmp:
        doc = SimpleDocTemplate(
            str(tmp), pagesize=PAGE, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM, title=meta.title, author="CreditDesk", subject="每日核查台账",
            creator="CreditDesk 信用核查窗口助手", initialFontName=font,
        )  # fmt: skip
        doc.build(story, onFirstPage=on_page, onLaterPages=on_page, canvasmaker=maker)
    return n
