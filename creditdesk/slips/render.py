"""Render :class:`~.model.ReviewSlip` and :class:`~.model.CommitmentSlip` as PDF (reportlab platypus).

Layout of a government form: unit name and title, a header table, the subject,
the outcome in a coloured box with its measures and the clauses they rest on,
the records considered, the report, the requirements, and on every page a
footer with the QR code (bottom right), the 信用核查码 under it and
"第 X 页 共 Y 页".  Chinese is set in an embedded TrueType subset (:mod:`.fonts`).
A4 and A5; A5 uses smaller margins and type.
"""

from __future__ import annotations

import datetime
import functools
import io
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from creditdesk.slips.pdfpages import PageFooter, numbered_canvas
from creditdesk.outcomes import OUTCOMES, PRINT_BG, PRINT_FG
from creditdesk.policy.model import RESTRICTIVENESS
from creditdesk.safetext import clean_text

from .fonts import cjk_font_name
from .model import OUTCOME_LABELS, CommitmentSlip, DueItem, ReviewSlip

__all__ = ["render_commitment", "render_review_slip", "VERIFY_HINT"]

VERIFY_HINT = "可在 CreditDesk 中输入核查码或扫码验证"
DUE_HEADING = "承诺补交材料"
ESTIMATED_MARK = "（估算）"
WORKING_DAYS_NOTE = "期限按工作日计算，依国务院办公厅公布的节假日安排，法定节假日不计入，调休上班日计入。"
WORKING_DAYS_SHORT = "期限按工作日计算（依国务院节假日安排，调休上班日计入）"
ESTIMATED_SHORT = "；标“（估算）”的按周一至周五估算"
ESTIMATED_NOTE = "标“（估算）”的截止日期因当年节假日安排尚未公布，按周一至周五估算，以届时公布的安排为准。"

INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#5F6368")
RULE = colors.HexColor("#9AA0A6")
LABEL_BG = colors.HexColor("#F1F3F4")
OFFLINE_RED = colors.HexColor("#C62828")

# outcome -> (strong colour, light tint)
OUTCOME_COLOURS = {o: (colors.HexColor(PRINT_FG[o]), colors.HexColor(PRINT_BG[o])) for o in OUTCOMES}
# The slip's sentence under each verdict: deliberately its own wording, not the counter's long labels.
OUTCOME_NOTES = {
    "prohibit": "依法禁止办理或限制参与",
    "strict": "从严审核，加强事中事后监管",
    "incentive": "守信激励，可适用便利措施",
    "normal": "未发现须采取措施的信用记录，按常规程序办理",
}


@dataclass(frozen=True)
class _Geometry:
    pagesize: tuple[float, float]
    margin_x: float
    margin_top: float
    footer_h: float  # reserved above the bottom edge for the footer
    base: float  # body type size
    small: float
    title: float
    qr: float  # QR side


_GEOMETRY = {
    "A4": _Geometry(A4, 18 * mm, 15 * mm, 40 * mm, 10.0, 8.0, 22.0, 24 * mm),
    "A5": _Geometry(A5, 10 * mm, 9 * mm, 31 * mm, 8.5, 7.0, 17.0, 19 * mm),
}


def _geometry(page_size: str) -> _Geometry:
    try:
        return _GEOMETRY[page_size.upper()]
    except (KeyError, AttributeError):
        raise ValueError(f'page_size must be "A4" or "A5", got {page_size!r}') from None


def _when(value) -> str:
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime("%Y-%m-%d")
    return str(value or "")


_GAP = "\u00a0" * 2  # Paragraph collapses U+3000 like any space; no-break spaces it keeps


def _x(text) -> str:
    """Escape for Paragraph markup, control characters removed (safetext); newlines become line breaks."""
    return escape(clean_text(text or "", multiline=True)).replace("\n", "<br/>")


# ---------------------------------------------------------------------------
# Styles
# ---------------------------------------------------------------------------


class _Styles:
    def __init__(self, font: str, g: _Geometry):
        b, s = g.base, g.small
        common = dict(fontName=font, wordWrap="CJK", textColor=INK)
        self.body = ParagraphStyle("body", fontSize=b, leading=b * 1.45, **common)
        self.cell = ParagraphStyle("cell", fontSize=b, leading=b * 1.35, **common)
        self.label = ParagraphStyle("label", parent=self.cell, textColor=GREY)
        self.small = ParagraphStyle("small", fontSize=s, leading=s * 1.4, **{**common, "textColor": GREY})
        self.small_cell = ParagraphStyle("small_cell", fontSize=s + 0.5, leading=(s + 0.5) * 1.35, **common)
        self.unit = ParagraphStyle("unit", fontSize=b + 2, leading=(b + 2) * 1.4, alignment=TA_CENTER, **common)
        self.section = ParagraphStyle(
            "section", fontSize=b + 1.5, leading=(b + 1.5) * 1.4, spaceBefore=b * 0.9, spaceAfter=b * 0.35, **common
        )
        self.outcome = ParagraphStyle(
            "outcome", fontSize=b * 2.2, leading=b * 2.6, alignment=TA_CENTER, **{**common, "textColor": colors.white}
        )
        self.para = ParagraphStyle(
            "para", fontSize=b + 0.5, leading=(b + 0.5) * 1.7, firstLineIndent=2 * (b + 0.5), spaceAfter=b * 0.3,
            **common,
        )
        self.right = ParagraphStyle("right", parent=self.body, alignment=TA_RIGHT)
        self.due_heading = ParagraphStyle(
            "due_heading", fontSize=b + 0.5, leading=(b + 0.5) * 1.4, spaceBefore=b * 0.4, spaceAfter=b * 0.35, **common
        )
        self.due_note = ParagraphStyle(
            "due_note", fontSize=s, leading=s * 1.4, spaceBefore=s * 0.4, **{**common, "textColor": GREY}
        )
        self.offline = ParagraphStyle(
            "offline", fontSize=b, leading=b * 1.4, alignment=TA_LEFT, **{**common, "textColor": OFFLINE_RED}
        )


class _Title(Flowable):
    """The form's title: centred, letter-spaced, set heavier (fill + stroke)."""

    def __init__(self, text: str, font: str, size: float, space_after: float):
        super().__init__()
        self.text, self.font, self.size, self.space_after = text, font, size, space_after
        self.char_space = size * 0.35

    def wrap(self, avail_w, avail_h):
        self.width = avail_w
        return avail_w, self.size * 1.3 + self.space_after

    def draw(self):
        c = self.canv
        w = stringWidth(self.text, self.font, self.size) + self.char_space * (len(self.text) - 1)
        c.saveState()
        c.setFillColor(INK)
        c.setStrokeColor(INK)
        c.setLineWidth(self.size * 0.035)
        t = c.beginText((self.width - w) / 2, self.space_after + self.size * 0.3)
        t.setFont(self.font, self.size)
        t.setCharSpace(self.char_space)
        t.setTextRenderMode(2)
        t.textOut(self.text)
        c.drawText(t)
        c.restoreState()


# ---------------------------------------------------------------------------
# Page furniture: footer with the QR code, running header, page numbers
# ---------------------------------------------------------------------------


@functools.lru_cache(maxsize=64)  # a slip is often rendered twice: preview, then print
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


def _qr_ops(modules: tuple[tuple[bool, ...], ...], x: float, y: float, side: float) -> str:
    """Raw PDF operators filling the dark modules (runs merged per row), black, in its own q/Q.

    Written as one literal: through the canvas path API the few hundred rectangles cost
    more number formatting than the rest of a one-page slip."""
    n = len(modules)
    box = side / n
    ops = ["q 0 g"]
    for r, row in enumerate(modules):
        top = y + side - (r + 1) * box
        col = 0
        while col < n:
            if row[col]:
                start = col
                while col < n and row[col]:
                    col += 1
                ops.append(f"{x + start * box:.3f} {top:.3f} {(col - start) * box:.3f} {box:.3f} re")
            else:
                col += 1
    ops.append("f Q")
    return "\n".join(ops)


class _Furniture:
    """Draws the footer and the running header of every page (onPage callback)."""

    def __init__(self, font: str, g: _Geometry, *, title: str, unit: str, ident: str,
                 code: str, payload: str, offline: bool, footer_left: list[str], subject: str = ""):
        self.font, self.g = font, g
        self.subject = clean_text(subject)[:60]
        self.title, self.unit, self.ident, self.code = title, unit, ident, code
        self.offline = offline
        self.footer_left = footer_left
        self.modules = _qr_modules(payload)
        self._qr_literal: str | None = None

    def __call__(self, c: Canvas, doc) -> None:
        g, font = self.g, self.font
        page_w, _ = g.pagesize
        right = page_w - g.margin_x
        c.saveState()
        # footer: rule, QR bottom right, code under it, the hint to its left
        page_no_y = 6 * mm if g.pagesize == A4 else 4.5 * mm
        code_y = page_no_y + g.small * 1.6
        qr_y = code_y + g.small * 1.3
        qr_x = right - g.qr
        rule_y = qr_y + g.qr + 2.5 * mm
        c.setStrokeColor(RULE)
        c.setLineWidth(0.5)
        c.line(g.margin_x, rule_y, right, rule_y)
        if self._qr_literal is None:  # same place on every page
            self._qr_literal = _qr_ops(self.modules, qr_x, qr_y, g.qr)
        c.addLiteral(self._qr_literal)
        c.setFillColor(INK)
        c.setFont(font, g.small + 0.5)
        c.drawCentredString(qr_x + g.qr / 2, code_y, self.code)
        text_right = qr_x - 3 * mm
        c.setFont(font, g.small + 0.5)
        c.drawRightString(text_right, qr_y + g.small * 0.2, VERIFY_HINT)
        c.setFillColor(GREY)
        c.setFont(font, g.small)
        y = qr_y + g.small * 1.7
        for line in self.footer_left:
            c.drawRightString(text_right, y, line)
            y += g.small * 1.5
        if self.offline:
            c.setFillColor(OFFLINE_RED)
            c.setFont(font, g.small + 0.5)
            c.drawRightString(text_right, y, "【离线核查】本单依据本机离线数据生成")
        # running header from page 2 on
        if doc.page > 1:  # the unit, the title and the subject; on the right (NumberedCanvas) 核查编号 and 第 N 页 共 M 页
            y = _header_y(g)
            c.setFillColor(GREY)
            c.setFont(font, g.small)
            c.drawString(g.margin_x, y, f"{self.unit} · {self.title}（续）" + (f" · {self.subject}" if self.subject else ""))
            if self.offline:
                c.setFillColor(OFFLINE_RED)
                c.drawCentredString(page_w / 2, y, "【离线核查】")
            c.setStrokeColor(RULE)
            c.line(g.margin_x, y - 1.5 * mm, right, y - 1.5 * mm)
        c.restoreState()


def _build(story, g: _Geometry, font: str, furniture: _Furniture, title: str, subject: str) -> bytes:
    return _build_counted(story, g, font, furniture, title, subject)[0]


def _header_y(g: _Geometry) -> float:
    """The running header's baseline (pages 2 on), above the bottom edge."""
    return g.pagesize[1] - g.margin_top + 2 * mm


def _build_counted(story, g: _Geometry, font: str, furniture: _Furniture, title: str, subject: str) -> tuple[bytes, int]:
    """The PDF bytes and the number of pages."""
    buf = io.BytesIO()
    running_header = 7 * mm
    doc = SimpleDocTemplate(
        buf,
        pagesize=g.pagesize,
        leftMargin=g.margin_x,
        rightMargin=g.margin_x,
        topMargin=g.margin_top + running_header * 0.6,
        bottomMargin=g.footer_h,
        title=title,
        subject=clean_text(subject)[:200],
        author="CreditDesk",
        creator="CreditDesk 信用核查窗口助手",
        initialFontName=font,  # else every page's preamble references a non-embedded Helvetica
    )
    page_y = 6 * mm if g.pagesize == A4 else 4.5 * mm
    # pages 2 on: the running header's right side, with the page count (第 N 页 共 M 页)
    header = furniture.ident.replace("{", "{{").replace("}", "}}") + " · 第 {page} 页 共 {total} 页"
    maker = numbered_canvas(PageFooter(font, g.small, page_y, g.margin_x, align="centre", colour=GREY,
                                       header_text=header, header_y=_header_y(g)))  # fmt: skip
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture, canvasmaker=maker)
    return buf.getvalue(), doc.page


# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------


def _style(cmds) -> TableStyle:
    """A TableStyle whose plain-string cells use the CJK font too (reportlab's default is Helvetica)."""
    return TableStyle([("FONT", (0, 0), (-1, -1), cjk_font_name())] + list(cmds))


def _grid(rows, widths, *, label_cols=(0,), extra=()) -> Table:
    t = Table(rows, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    for col in label_cols:
        style.append(("BACKGROUND", (col, 0), (col, -1), LABEL_BG))
    for cmd in extra:  # a value spanning a label column is not a label
        if cmd[0] == "SPAN":
            style.append(("BACKGROUND", (cmd[1][0], cmd[1][1]), cmd[2], colors.white))
    t.setStyle(_style(style + list(extra)))
    return t


class _Sections:
    NUMERALS = "一二三四五六七八九十"

    def __init__(self, st: _Styles):
        self.st, self.n = st, 0

    def __call__(self, text: str) -> Paragraph:
        self.n += 1
        return Paragraph(f"{self.NUMERALS[self.n - 1]}、{_x(text)}", self.st.section)


def _offline_banner(st: _Styles, width: float, as_of: str) -> Table:
    text = f"<font size={st.body.fontSize + 3}>离线核查</font>{_GAP * 2}本单依据本机离线数据生成"
    if as_of:
        text += f"（数据截至 {_x(as_of)}）"
    text += "，联网后请以市公共信用信息平台数据为准。"
    t = Table([[Paragraph(text, st.offline)]], colWidths=[width])
    t.setStyle(_style([
        ("BOX", (0, 0), (-1, -1), 1.6, OFFLINE_RED),
        ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFF5F5")),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    ]))
    return t


def _head(st: _Styles, g: _Geometry, font: str, unit: str, title: str) -> list:
    return [
        Paragraph(_x(unit), st.unit),
        Spacer(1, g.base * 0.3),
        _Title(title, font, g.title, g.base * 0.8),
    ]


# ---------------------------------------------------------------------------
# 承诺补交材料 (容缺受理): on the 信用承诺书 as a table, on the 信用核查单 as lines
# ---------------------------------------------------------------------------


def _due_date(item: DueItem) -> str:
    return _x(item.due or "—") + (ESTIMATED_MARK if item.estimated and item.due else "")


def _due_note(items: list[DueItem]) -> str:
    note = WORKING_DAYS_NOTE
    if any(i.estimated for i in items):
        note += ESTIMATED_NOTE
    return note


def _due_table(items: list[DueItem], st: _Styles, width: float) -> list:
    """Heading, the table 序号 / 材料 / 期限（工作日） / 截止日期, and the note on counting working days."""
    if not items:
        return []
    widths = [width * f for f in (0.08, 0.48, 0.18, 0.26)]
    C = lambda text: Paragraph(text, st.small_cell)  # noqa: E731
    rows = [[C("序号"), C("材料"), C("期限（工作日）"), C("截止日期")]]
    for n, item in enumerate(items, 1):
        days = "—" if item.working_days is None else str(item.working_days)
        rows.append([C(str(n)), C(_x(item.item)), C(days), C(_due_date(item))])
    heading = Paragraph(DUE_HEADING, st.due_heading)
    return [KeepTogether([heading, _findings_grid(rows, widths)]),
            Paragraph(_x(_due_note(items)), st.due_note)]  # fmt: skip


def _due_lines(items: list[DueItem], st: _Styles) -> str:
    """The review slip's brief version, after "已签署，编号 …": the heading with the count,
    one line per item, and a short note in small grey type."""
    lines = [f"；{DUE_HEADING} {len(items)} 项："]
    for n, item in enumerate(items, 1):
        days = "" if item.working_days is None else f"，{item.working_days} 个工作日内"
        lines.append(f"{n}. {_x(item.item)}{days}，截止 {_due_date(item)}")
    note = WORKING_DAYS_SHORT + (ESTIMATED_SHORT if any(i.estimated for i in items) else "") + "。"
    lines.append(f"<font size={st.small.fontSize} color='#5F6368'>{_x(note)}</font>")
    return lines[0] + "<br/>" + "<br/>".join(lines[1:])


# ---------------------------------------------------------------------------
# 信用核查单
# ---------------------------------------------------------------------------


def outcome_note(slip: ReviewSlip) -> str:
    """The sentence under the verdict. Never 未发现须采取措施 when the rules computed measures or
    another conclusion: the computed conclusion is then named (issue 11 item 5)."""
    computed = slip.computed_outcome
    if slip.outcome == "normal" and (slip.measures or (computed is not None and computed != "normal")):
        basis = OUTCOME_LABELS.get(computed or "normal", "")
        if slip.override_status == "approved":
            return f"系统计算结论为「{basis}」，经科室负责人批准按常规程序办理（见下）"
        return f"系统计算结论为「{basis}」，经办人按常规程序办理（见下）"
    return OUTCOME_NOTES[slip.outcome]


def _override_text(slip: ReviewSlip) -> str | None:
    """The headline block's account of a departure: computed, final, who approved and why."""
    if slip.computed_outcome is None and slip.override_status is None:
        return None
    col = lambda o: OUTCOME_COLOURS[o][0].hexval()  # noqa: E731
    computed = slip.computed_outcome or slip.outcome
    asked = slip.requested_outcome or slip.outcome
    c_label, a_label = OUTCOME_LABELS[computed], OUTCOME_LABELS[asked]
    why = []
    if slip.override_category:
        why.append(f"理由类别：{_x(slip.override_category)}")
    if slip.departure_reason:
        why.append(f"理由：{_x(slip.departure_reason)}")
    reason = "<br/>".join(why)
    by = _x(slip.approved_by or "")
    when = _x(_when(slip.approved_at))
    note = f"（{_x(slip.approval_note)}）" if slip.approval_note else ""
    if slip.override_status == "pending":
        return (f"<b>结论调整待复核</b>：经办人拟将系统计算结论 <font color='{col(computed)}'>{c_label}</font> 调整为 "
                f"<font color='{col(asked)}'>{a_label}</font>，尚未经科室负责人批准。<b>批准前以系统计算结论为准</b>，"
                f"本单不作为按「{a_label}」办理的依据。<br/>{reason}")
    if slip.override_status == "rejected":
        return (f"经办人拟调整为 <font color='{col(asked)}'>{a_label}</font>，已由 {by} 于 {when} 驳回{note}；"
                f"以系统计算结论 <font color='{col(computed)}'>{c_label}</font> 为准。<br/>{reason}")
    head = (f"系统计算结论：<font color='{col(computed)}'>{c_label}</font>{_GAP}→{_GAP}最终结论："
            f"<font color='{col(slip.outcome)}'>{OUTCOME_LABELS[slip.outcome]}</font>")
    if slip.override_status == "approved":
        head += f"<br/>批准：{by}（科室负责人）{_GAP}{when}{note}"
    elif RESTRICTIVENESS[slip.outcome] < RESTRICTIVENESS[computed]:
        head += "<br/>本记录早于负责人审批要求，无审批信息"
    else:
        head += "<br/>经办人从严调整，无须审批"
    return head + (f"<br/>{reason}" if reason else "")


def _measure_groups(measures) -> list[tuple[tuple[str, str, str], list[str]]]:
    """Measures under their citation, each citation once, in the order first met."""
    groups: dict[tuple[str, str, str], list[str]] = {}
    for m in measures:
        texts = groups.setdefault((m.document, m.clause, m.quote), [])
        if m.text not in texts:
            texts.append(m.text)
    return list(groups.items())


def _outcome_box(slip: ReviewSlip, st: _Styles, width: float) -> list:
    """The coloured outcome box (the headline block: the verdict in force, and for a departure the
    computed conclusion, the final one, who approved and why), and under it (joined, one column so
    long text can split across pages) the measures, grouped under the citation they rest on."""
    strong, tint = OUTCOME_COLOURS[slip.outcome]
    label_w = max(width * 0.2, st.outcome.fontSize * 3.2)
    basis = f"依据：{_x(slip.profile_name)}（{_x(slip.profile_version)}版）"
    head = Paragraph(
        f"<font size={st.body.fontSize + 2.5} color='{strong.hexval()}'>核查结果：{_x(slip.outcome_label)}</font>"
        f"<br/>{_x(outcome_note(slip))}<br/><font size={st.small.fontSize} color='#5F6368'>{basis}</font>",
        st.body,
    )
    pads = [
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
    ]
    rows_top = [[Paragraph(_x(slip.outcome_label), st.outcome), head]]
    override = _override_text(slip)
    style_top = [
        ("BOX", (0, 0), (-1, -1), 1.6, strong),
        ("BACKGROUND", (0, 0), (0, 0), strong),
        ("BACKGROUND", (1, 0), (1, 0), tint),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    top = Table(rows_top, colWidths=[label_w, width - label_w])
    top.setStyle(_style(pads + style_top))
    head_block = [top]
    if override:  # part of the headline block, joined under it; one column so a long reason can split
        block = Table([[Paragraph(override, st.body)]], colWidths=[width], splitInRow=1)
        block.setStyle(_style(pads + [
            ("LINEBEFORE", (0, 0), (0, -1), 1.6, strong), ("LINEAFTER", (0, 0), (0, -1), 1.6, strong),
            ("LINEBELOW", (0, -1), (0, -1), 1.6, strong), ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#FFFBE6")),
        ]))  # fmt: skip
        head_block.append(block)
    if not slip.measures:
        return head_block
    computed_only = slip.outcome != (slip.computed_outcome or slip.outcome)
    rows = [[Paragraph("系统计算的措施" if computed_only else "应采取的措施", st.label)]]
    n = 0
    for (document, clause, quote), texts in _measure_groups(slip.measures):
        lines = []
        for t in texts:
            n += 1
            lines.append(Paragraph(f"{n}. {_x(t)}", st.body))
        cite = f"依据：《{_x(document)}》{_x(clause)}"
        if quote:
            cite += f"：“{_x(quote)}”"
        rows.append([[*lines, Paragraph(cite, st.small)]])
    body = Table(rows, colWidths=[width], splitByRow=1, splitInRow=1)
    body.setStyle(_style(pads + [
        ("LINEBEFORE", (0, 0), (0, -1), 1.6, strong),
        ("LINEAFTER", (0, 0), (0, -1), 1.6, strong),
        ("LINEBELOW", (0, -1), (0, -1), 1.6, strong),
        ("BACKGROUND", (0, 0), (-1, -1), tint),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BOTTOMPADDING", (0, 0), (0, 0), 1),
        ("TOPPADDING", (0, 1), (-1, -1), 2),
    ]))
    return [*head_block, body]


def _findings_table(slip: ReviewSlip, st: _Styles, width: float):
    if not slip.findings:
        return Paragraph("未发现须考虑的信用记录。", st.body)
    fr = [0.07, 0.15, 0.37, 0.19, 0.08, 0.14]
    widths = [width * f for f in fr]
    head = [Paragraph(h, st.small_cell) for h in ("序号", "类别", "记录", "文号", "状态", "认定")]
    rows = [head]
    for i, f in enumerate(slip.findings, 1):
        live = "有效" if f.in_force else "已失效"
        rows.append([
            Paragraph(str(i), st.small_cell),
            Paragraph(_x(f.category_label), st.small_cell),
            Paragraph(_x(f.title), st.small_cell),
            Paragraph(_x(f.doc_no), st.small_cell),
            Paragraph(live if f.in_force else f"<font color='#5F6368'>{live}</font>", st.small_cell),
            Paragraph(_x(f.reason_label), st.small_cell),
        ])
    return _findings_grid(rows, widths)


def _findings_grid(rows, widths) -> Table:
    t = Table(rows, colWidths=widths, repeatRows=1, splitInRow=1)
    t.setStyle(_style([
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("BACKGROUND", (0, 0), (-1, 0), LABEL_BG),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]))
    return t


def _review_day(slip: ReviewSlip) -> str:
    return (_when(slip.day) or _when(slip.finalised_at))[:10]


def short_ident(slip: ReviewSlip) -> str:
    """The human 核查编号: the 信用核查码 and the date (the review's UUID only inside the QR payload)."""
    day = _review_day(slip)
    return f"{slip.verification_code} · {day}" if day else slip.verification_code


# What the office must do, by the conclusion in force: nothing here contradicts the headline.
OFFICE_MUST_DO = {
    "prohibit": "依规不予办理或限制参与；书面告知申请人限制的依据，以及提出异议和申请信用修复的途径。",
    "strict": "从严审核：落实上列措施，加强事中事后监管；不适用告知承诺、容缺受理等便利措施。",
    "normal": "按常规程序办理。",
    "incentive": "可适用上列激励措施（如绿色通道、容缺受理），按承诺和规定时限补齐材料。",
}


def office_must_do(slip: ReviewSlip) -> list[str]:
    items = [OFFICE_MUST_DO[slip.outcome]]
    if slip.override_status == "pending":
        items.insert(0, "结论调整待科室负责人复核：复核前按系统计算结论办理。")
    items += list(slip.requirements)
    return items


def render_review_slip(slip: ReviewSlip, page_size: str = "A4") -> bytes:
    """The 信用核查单 as PDF bytes, on A4 or A5."""
    g = _geometry(page_size)
    font = cjk_font_name()
    st = _Styles(font, g)
    width = g.pagesize[0] - 2 * g.margin_x
    sec = _Sections(st)
    as_of = _when(slip.data_as_of)
    seq = f"（序号 {slip.data_seq}）" if slip.data_seq is not None else ""

    story: list = _head(st, g, font, slip.unit_name, "信用核查单")
    if slip.offline:
        story += [_offline_banner(st, width, as_of), Spacer(1, g.base * 0.6)]

    P = lambda text, style=st.cell: Paragraph(text, style)  # noqa: E731
    L = lambda text: Paragraph(text, st.label)  # noqa: E731
    lw, vw = width * 0.15, width * 0.35
    ident = short_ident(slip)
    version = f"，第 {slip.version} 版" if slip.version and slip.version > 1 else ""
    rows = [
        [L("核查编号"), P(f"<font size={st.cell.fontSize + 1.5}>{_x(slip.verification_code)}</font>"
                          f"<font color='#5F6368'>（{_x(_review_day(slip))}{version}）</font>"),
         L("窗口"), P(_x(slip.window))],
        [L("经办人"), P(_x(slip.officer)), L("核查时间"), P(_x(_when(slip.finalised_at)))],
        [L("数据截至"), P(_x(as_of + seq) + ("<br/><font color='#C62828'>离线数据</font>" if slip.offline else "")),
         "", ""],
    ]
    extra = [("SPAN", (1, 2), (-1, 2))]
    if slip.commitment_number:
        signed = f"已签署，编号 {_x(slip.commitment_number)}"
        if slip.signer_role_label and slip.principal:
            signed += (f"；{_x(slip.signer_role_label)} {_x(slip.signer_name or '')} 以 {_x(slip.subject_name)}"
                       f"（法定代表人 {_x(slip.principal)}）名义签署，依据{_x(slip.authority or '授权委托书')}")
        if slip.commitment_due_items:
            signed += _due_lines(slip.commitment_due_items, st)
        rows.append([L("信用承诺书"), P(signed), "", ""])
        extra.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
    story.append(_grid(rows, [lw, vw, lw, vw], label_cols=(0, 2), extra=extra))

    story.append(sec("核查对象"))
    rows = [
        [L("名称"), P(f"<font size={st.cell.fontSize + 1.5}>{_x(slip.subject_name)}</font>"), "", ""],
        [L("主体类型"), P(_x(slip.subject_kind_label)), L("代码/证件号码"), P(_x(slip.subject_code_display))],
        [L("办理事项"), P(_x(slip.matter_label)), "", ""],
    ]
    story.append(_grid(rows, [lw, vw, lw, vw], label_cols=(0, 2), extra=[
        ("SPAN", (1, 0), (-1, 0)), ("SPAN", (1, 2), (-1, 2))]))

    story.append(sec("核查结果"))
    story += _outcome_box(slip, st, width)

    story.append(CondPageBreak(g.base * 8))
    story.append(sec("信用记录"))
    story.append(_findings_table(slip, st, width))

    # the short sections' headings stay on the page with their first lines
    if slip.report_line:
        story.append(KeepTogether([sec("信用报告"), Paragraph(_x(slip.report_line), st.body)]))

    todo = office_must_do(slip)
    lines = [Paragraph(f"{i}. {_x(r)}" if len(todo) > 1 else _x(r), st.body) for i, r in enumerate(todo, 1)]
    story += [KeepTogether([sec("办理要求"), lines[0]]), *lines[1:]]
    if slip.credit_review_line:
        story.append(KeepTogether([sec("信用审查"), Paragraph(_x(slip.credit_review_line), st.body)]))
    if slip.unruled:  # never a silent 正常办理: the records no rule covers, named, and who acknowledged them
        lines = [Paragraph(f"{i}. {_x(u)}", st.body) for i, u in enumerate(slip.unruled, 1)]
        if slip.acknowledged_by:
            lines.append(Paragraph(f"经办人 {_x(slip.acknowledged_by)} 已于 {_x(_when(slip.acknowledged_at))} "
                                   "确认阅知上述记录及档案说明。", st.small))  # fmt: skip
        story += [KeepTogether([sec("本市档案未规定措施的不良记录（经办人已确认）"), lines[0]]), *lines[1:]]

    # The signature closes the decision; the profile's notes (reference, often long) follow it as an annex,
    # so they never push the signature onto a page of its own.
    story.append(Spacer(1, g.base * 1.6))
    story.append(KeepTogether([Paragraph(
        f"经办人（签字）：________________{_GAP * 4}日期：{_x(_when(slip.finalised_at))[:10]}", st.right)]))
    if slip.notes:
        notes = [Paragraph(f"{i}. {_x(n)}" if len(slip.notes) > 1 else _x(n), st.small) for i, n in enumerate(slip.notes, 1)]
        story += [Spacer(1, g.base * 0.8), KeepTogether([Paragraph("附：档案说明", st.small), notes[0]]), *notes[1:]]

    furniture = _Furniture(
        font, g, title="信用核查单", unit=slip.unit_name, ident=f"核查编号 {ident}",
        code=slip.verification_code, payload=slip.verify_payload, offline=slip.offline,
        footer_left=[f"核查编号 {ident}" + (f" · 第 {slip.version} 版" if slip.version and slip.version > 1 else "")],
        subject=slip.subject_name,
    )
    return _build(story, g, font, furniture, "信用核查单", slip.subject_name)


# ---------------------------------------------------------------------------
# 信用承诺书
# ---------------------------------------------------------------------------


def _template_paragraphs(text: str) -> list[str]:
    blocks = [b.strip() for b in text.replace("\r\n", "\n").split("\n\n")]
    if len([b for b in blocks if b]) <= 1:
        blocks = [line.strip() for line in text.splitlines()]
    return [b for b in blocks if b]


class _SignatureBox(Flowable):
    """A bordered box with the signature image fitted inside, or empty with a faint label."""

    def __init__(self, width: float, height: float, png: bytes | None, label: str, font: str, size: float):
        super().__init__()
        self.width, self.height = width, height
        self.png, self.label, self.font, self.size = png, label, font, size

    def wrap(self, aw, ah):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.saveState()
        c.setStrokeColor(INK)
        c.setLineWidth(0.8)
        c.rect(0, 0, self.width, self.height)
        c.setFillColor(colors.HexColor("#9AA0A6"))
        c.setFont(self.font, self.size)
        c.drawString(3, self.height - self.size - 2, self.label)
        if self.png:
            img = ImageReader(io.BytesIO(self.png))
            iw, ih = img.getSize()
            pad = 4
            box_w, box_h = self.width - 2 * pad, self.height - 2 * pad - self.size
            scale = min(box_w / iw, box_h / ih)
            w, h = iw * scale, ih * scale
            c.drawImage(img, (self.width - w) / 2, pad + (box_h - h) / 2, w, h, mask="auto")
        c.restoreState()


def render_commitment(slip: CommitmentSlip, page_size: str = "A4") -> bytes:
    """The 信用承诺书 as signed, as PDF bytes, on A4 or A5.

    With promised items (承诺补交材料) that push the signing block onto a second page, it is
    set once more with the signature box beside the signer's lines, smaller gaps and leading, and
    kept if that saves a page (the signature then stays on the page with what was signed)."""
    g = _geometry(page_size)
    font = cjk_font_name()
    furniture = _Furniture(
        font, g, title="信用承诺书", unit=slip.unit_name, ident=f"承诺书编号 {slip.number}",
        code=slip.verification_code, payload=slip.verify_payload, offline=slip.offline,
        footer_left=[f"承诺书编号 {slip.number}"], subject=slip.subject_name,
    )
    pdf, pages = _build_counted(_commitment_story(slip, g, font, compact=False), g, font, furniture,
                                "信用承诺书", slip.subject_name)  # fmt: skip
    if pages > 1 and slip.due_items:
        tight, tight_pages = _build_counted(_commitment_story(slip, g, font, compact=True), g, font, furniture,
                                            "信用承诺书", slip.subject_name)  # fmt: skip
        if tight_pages < pages:
            return tight
    return pdf


def _commitment_story(slip: CommitmentSlip, g: _Geometry, font: str, *, compact: bool) -> list:
    st = _Styles(font, g)
    if compact:
        st.para.leading = st.para.fontSize * 1.55
    gap = 0.6 if compact else 1.0
    width = g.pagesize[0] - 2 * g.margin_x

    story: list = _head(st, g, font, slip.unit_name, "信用承诺书")
    story.append(Paragraph(
        f"编号：{_x(slip.number)}{_GAP * 2}信用核查码：{_x(slip.verification_code)}", st.right))
    story.append(Spacer(1, g.base * 0.5))
    if slip.offline:
        story += [_offline_banner(st, width, ""), Spacer(1, g.base * 0.6)]

    lw = width * 0.22
    L = lambda text: Paragraph(text, st.label)  # noqa: E731
    rows = [
        [L("承诺主体"), Paragraph(f"<font size={st.cell.fontSize + 1.5}>{_x(slip.subject_name)}</font>", st.cell)],
        [L("统一社会信用代码/证件号码"), Paragraph(_x(slip.subject_code_display), st.cell)],
        [L("办理事项"), Paragraph(_x(slip.matter_label), st.cell)],
    ]
    story.append(_grid(rows, [lw, width - lw]))
    story.append(Spacer(1, g.base * gap))
    story += [Paragraph(_x(p), st.para) for p in _template_paragraphs(slip.template_text)]
    story += _due_table(slip.due_items, st, width)
    if slip.principal:  # signed by an agent: in whose name and on what authority (授权委托)
        story.append(Spacer(1, g.base * 0.4 * gap))
        story.append(Paragraph(
            f"本承诺书由{_x(slip.signer_role_label)} {_x(slip.signer_name)} 以 {_x(slip.subject_name)}"
            f"（法定代表人 {_x(slip.principal)}）名义签署，授权依据：{_x(slip.authority or '授权委托书')}"
            "（原件附后存档）。", st.body))
    story.append(Spacer(1, g.base * 1.5 * gap))

    box_w = min(width * 0.45, 70 * mm)
    box_h = box_w * 0.42
    label = "签名（纸质签署，请手写）" if slip.signed_on_paper else "签名"
    box = _SignatureBox(box_w, box_h, slip.signature_png, label, font, g.small)
    signed_date = _when(slip.signed_at)
    if slip.signed_on_paper:
        signed_date = signed_date or "________年____月____日"
    who = [
        (Paragraph("承诺人：", st.right), Paragraph(_x(slip.subject_name), st.body)),
        (Paragraph(f"{_x(slip.signer_role_label)}：", st.right), Paragraph(_x(slip.signer_name), st.body)),
    ]
    dated = (Paragraph("日期：", st.right), Paragraph(_x(signed_date), st.body))
    style = [("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 2),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]  # fmt: skip
    if compact:  # the signature box beside the signer's lines, not under them
        key_w = stringWidth(f"{slip.signer_role_label}：", font, g.base) + 14  # + the cell paddings
        sign_rows = [[*who[0], box], [*who[1], ""], [*dated, ""]]
        t = Table(sign_rows, colWidths=[key_w, width - key_w - box_w - 6, box_w + 6])
        style += [("SPAN", (2, 0), (2, -1)), ("LEFTPADDING", (2, 0), (2, -1), 6), ("RIGHTPADDING", (2, 0), (2, -1), 0)]
    else:
        sign_rows = [[*who[0]], [*who[1]], [Paragraph("签名：", st.right), box], [*dated]]
        label_w = width - box_w - 6
        t = Table(sign_rows, colWidths=[label_w, box_w + 6])
        style += [("VALIGN", (0, 2), (0, 2), "TOP"), ("LEFTPADDING", (1, 0), (1, -1), 0)]
    t.setStyle(_style(style))
    story.append(KeepTogether([t]))
    return story
