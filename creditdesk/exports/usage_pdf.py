"""The usage report (使用情况报送) as an A4 portrait PDF, with charts (reportlab.graphics).

Title, the summary figures, a stacked bar chart of reviews by matter and outcome,
the outcome shares (pie), the trend by day or week (stacked bars), commitments,
objections, departures, officers (when the viewer may see them), the reporting
deadline and the definitions; every page has a footer with "第 X 页 共 Y 页" and
when and by whom it was generated. Chinese is set in the embedded TrueType CJK
font of creditdesk.slips.fonts, charts' labels included. No Qt.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import CondPageBreak, KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from creditdesk.slips.pdfpages import PageFooter, numbered_canvas
from creditdesk.safetext import clean_text
from creditdesk.rows.usage import (
    COMMITMENT_STATUS_LABELS,
    OBJECTION_STATUS_LABELS,
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    OUTCOMES,
    ReportingSchedule,
    UsageReport,
)
from creditdesk.slips.fonts import cjk_font_name

__all__ = ["render_usage_pdf"]

INK = colors.HexColor("#1A1A1A")
GREY = colors.HexColor("#5F6368")
RULE = colors.HexColor("#9AA0A6")
HEAD_BG = colors.HexColor("#E8EEF6")
LABEL_BG = colors.HexColor("#F1F3F4")
FILL = {o: colors.HexColor(c) for o, c in OUTCOME_COLOURS.items()}

PAGE_W, PAGE_H = A4
MARGIN_X = 18 * mm
CONTENT_W = PAGE_W - 2 * MARGIN_X


def _x(text) -> str:  # noqa: ANN001
    return escape(clean_text(text if text is not None else ""))  # control characters removed (safetext)


def _when(iso: str) -> str:
    try:
        return dt.datetime.fromisoformat(iso).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(iso or "")


class _Styles:
    def __init__(self, font: str) -> None:
        common = dict(fontName=font, wordWrap="CJK", textColor=INK)
        self.title = ParagraphStyle("title", fontSize=16, leading=22, alignment=TA_CENTER, spaceAfter=4, **common)
        self.sub = ParagraphStyle("sub", fontSize=9, leading=13, alignment=TA_CENTER, **{**common, "textColor": GREY})
        self.section = ParagraphStyle("section", fontSize=12, leading=17, spaceBefore=9, spaceAfter=4, **common)
        self.body = ParagraphStyle("body", fontSize=9.5, leading=14, **common)
        self.cell = ParagraphStyle("cell", fontSize=9, leading=12, **common)
        self.small = ParagraphStyle("small", fontSize=8, leading=11.5, **{**common, "textColor": GREY})


def _table(rows, widths, *, head_rows: int = 1, label_col: bool = False, align_right_from: int | None = 1) -> Table:  # noqa: ANN001
    t = Table(rows, colWidths=widths, repeatRows=head_rows)
    style = [
        ("FONT", (0, 0), (-1, -1), cjk_font_name(), 9),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
    ]
    if head_rows:
        style.append(("BACKGROUND", (0, 0), (-1, head_rows - 1), HEAD_BG))
    if label_col:
        style.append(("BACKGROUND", (0, head_rows), (0, -1), LABEL_BG))
    if align_right_from is not None:
        style.append(("ALIGN", (align_right_from, head_rows), (-1, -1), "RIGHT"))
    t.setStyle(TableStyle(style))
    return t


# -- charts ------------------------------------------------------------------------------


def _legend(font: str, x: float, y: float, columns: int = 4) -> Legend:
    lg = Legend()
    lg.x, lg.y = x, y
    lg.fontName, lg.fontSize = font, 8.5
    lg.alignment = "right"
    lg.columnMaximum = 1 if columns >= 4 else 4
    lg.dx, lg.dy, lg.deltax, lg.deltay = 8, 8, 62, 11
    lg.boxAnchor = "nw"
    lg.colorNamePairs = [(FILL[o], OUTCOME_LABELS[o]) for o in OUTCOMES]
    lg.strokeColor = None
    return lg


def _nice_scale(value: int, ticks: int = 5) -> tuple[float, float]:
    """(axis maximum, step): a 1/2/2.5/5 × 10^k step, at most ``ticks`` steps, the maximum at or above ``value``."""
    if value <= ticks:
        return float(ticks), 1.0
    rough = value / ticks
    magnitude = 10 ** (len(str(int(rough))) - 1)
    multiples = (1, 2, 2.5, 5, 10) if magnitude >= 10 else (1, 2, 5, 10)  # counts: whole-number ticks
    step = next(m * magnitude for m in multiples if m * magnitude >= rough)
    top = -(-value // step) * step
    return float(top), float(step)


def _matter_chart(report: UsageReport, font: str) -> Drawing:
    """Stacked horizontal bars: one per matter (most first, top), split by outcome."""
    rows = list(report.by_matter)
    n = len(rows)
    bar_h = 15
    plot_h = max(n * (bar_h + 7), 40)
    label_w = 128
    height = plot_h + 48
    d = Drawing(CONTENT_W, height)
    ch = HorizontalBarChart()
    ch.x, ch.y = label_w, 22
    ch.width, ch.height = CONTENT_W - label_w - 16, plot_h
    # the first category is drawn at the bottom: reverse so the largest matter is on top
    ch.data = [[r.counts.get(o) for r in reversed(rows)] for o in OUTCOMES]
    ch.categoryAxis.categoryNames = [r.name for r in reversed(rows)]
    ch.categoryAxis.style = "stacked"
    ch.categoryAxis.labels.fontName = font
    ch.categoryAxis.labels.fontSize = 8.5
    ch.categoryAxis.labels.boxAnchor = "e"
    ch.categoryAxis.labels.dx = -4
    ch.categoryAxis.strokeColor = RULE
    ch.valueAxis.labels.fontName = font
    ch.valueAxis.labels.fontSize = 8
    ch.valueAxis.valueMin = 0
    ch.valueAxis.valueMax, ch.valueAxis.valueStep = _nice_scale(max((r.total for r in rows), default=0))
    ch.valueAxis.strokeColor = RULE
    ch.valueAxis.visibleGrid = True
    ch.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    ch.barWidth = bar_h
    ch.barSpacing = 0
    ch.groupSpacing = 7
    for i, o in enumerate(OUTCOMES):
        ch.bars[i].fillColor = FILL[o]
        ch.bars[i].strokeColor = colors.white
        ch.bars[i].strokeWidth = 0.4
    d.add(ch)
    # totals at the bar ends
    scale = ch.width / ch.valueAxis.valueMax
    step = ch.height / max(n, 1)
    for i, r in enumerate(reversed(rows)):
        y = ch.y + step * (i + 0.5) - 3
        d.add(String(ch.x + r.total * scale + 3, y, str(r.total), fontName=font, fontSize=7.5, fillColor=GREY))
    d.add(_legend(font, label_w, height - 4))
    return d


def _pie_chart(report: UsageReport, font: str) -> Drawing:
    """Outcome shares: a pie, with a legend naming count and share."""
    d = Drawing(CONTENT_W, 150)
    pie = Pie()
    pie.x, pie.y, pie.width, pie.height = 40, 12, 126, 126
    present = [(o, n) for o, n in report.outcomes.items() if n > 0]
    pie.data = [n for _, n in present]
    pie.labels = None
    pie.startAngle = 90
    pie.direction = "clockwise"
    pie.slices.strokeColor = colors.white
    pie.slices.strokeWidth = 1
    for i, (o, _) in enumerate(present):
        pie.slices[i].fillColor = FILL[o]
    d.add(pie)
    lg = Legend()
    lg.x, lg.y = 220, 118
    lg.fontName, lg.fontSize = font, 10
    lg.boxAnchor = "nw"
    lg.dx = lg.dy = 10
    lg.deltay = 22
    lg.columnMaximum = len(OUTCOMES)  # one column
    lg.alignment = "right"
    lg.strokeColor = None
    total = report.total or 1
    lg.colorNamePairs = [
        (FILL[o], f"{OUTCOME_LABELS[o]}　{n} 件（{n / total * 100:.1f}%）") for o, n in report.outcomes.items()
    ]
    d.add(lg)
    return d


def _trend_chart(report: UsageReport, font: str) -> Drawing:
    """Stacked columns by day (a month) or by week (a quarter or half-year)."""
    pts = list(report.trend)
    height = 190
    d = Drawing(CONTENT_W, height)
    ch = VerticalBarChart()
    ch.x, ch.y = 36, 22
    ch.width, ch.height = CONTENT_W - 50, height - 58
    ch.data = [[p.counts.get(o) for p in pts] for o in OUTCOMES]
    # upright labels, thinned out so that they never touch
    label_w = max((stringWidth(p.label, font, 7.5) for p in pts), default=0) + 6
    every = max(1, math.ceil(label_w / (ch.width / max(len(pts), 1))))
    ch.categoryAxis.categoryNames = [p.label if i % every == 0 else "" for i, p in enumerate(pts)]
    ch.categoryAxis.style = "stacked"
    ch.categoryAxis.labels.fontName = font
    ch.categoryAxis.labels.fontSize = 7.5
    ch.categoryAxis.labels.boxAnchor = "n"
    ch.categoryAxis.strokeColor = RULE
    ch.valueAxis.labels.fontName = font
    ch.valueAxis.labels.fontSize = 8
    ch.valueAxis.valueMin = 0
    ch.valueAxis.valueMax, ch.valueAxis.valueStep = _nice_scale(max((p.counts.total for p in pts), default=0))
    ch.valueAxis.strokeColor = RULE
    ch.valueAxis.visibleGrid = True
    ch.valueAxis.gridStrokeColor = colors.HexColor("#E0E0E0")
    ch.groupSpacing = 2 if len(pts) > 16 else 6
    for i, o in enumerate(OUTCOMES):
        ch.bars[i].fillColor = FILL[o]
        ch.bars[i].strokeColor = None
    d.add(ch)
    d.add(_legend(font, 36, height - 2))
    unit = "按日" if report.trend_unit == "day" else "按周（标注每周首日）"
    d.add(String(CONTENT_W - 4, height - 12, unit, fontName=font, fontSize=8, fillColor=GREY, textAnchor="end"))
    return d


# -- page furniture ----------------------------------------------------------------------------


def _running_head(report: UsageReport, font: str):  # noqa: ANN202
    def draw(c: Canvas, doc) -> None:  # noqa: ANN001
        if doc.page == 1:
            return
        c.saveState()
        c.setFillColor(GREY)
        c.setFont(font, 8)
        y = PAGE_H - 12 * mm
        c.drawString(MARGIN_X, y, f"{report.unit_label} · 信用核查使用情况报送（续）")
        c.drawRightString(PAGE_W - MARGIN_X, y, report.period.label)
        c.setStrokeColor(RULE)
        c.line(MARGIN_X, y - 1.5 * mm, PAGE_W - MARGIN_X, y - 1.5 * mm)
        c.restoreState()

    return draw


# -- the document ----------------------------------------------------------------------------


def render_usage_pdf(report: UsageReport, schedule: ReportingSchedule | None = None) -> bytes:
    font = cjk_font_name()
    st = _Styles(font)
    p = report.period
    story: list = [
        Paragraph(_x(report.title), st.title),
        Paragraph(_x(f"统计期间：{p.start:%Y年%m月%d日} 至 {p.end:%Y年%m月%d日}（{p.label}）"), st.sub),
        Spacer(1, 4 * mm),
    ]
    sections = iter("一二三四五六七八九十")

    def section(text: str) -> Paragraph:
        return Paragraph(_x(f"{next(sections)}、{text}"), st.section)

    # summary: two (label, value) pairs a row
    pairs = report.summary_rows()
    rows = []
    for i in range(0, len(pairs), 2):
        a, b = pairs[i], pairs[i + 1] if i + 1 < len(pairs) else ("", "")
        rows.append([a[0], a[1], b[0], b[1]])
    w = CONTENT_W / 4
    summary = Table(rows, colWidths=[w * 0.95, w * 1.05, w * 0.95, w * 1.05])
    summary.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, 9.5), ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BOX", (0, 0), (-1, -1), 0.9, INK), ("BACKGROUND", (0, 0), (0, -1), LABEL_BG),
        ("BACKGROUND", (2, 0), (2, -1), LABEL_BG), ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 3), ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))  # fmt: skip
    story += [section("总体情况"), summary]

    if report.total == 0:
        story += [Spacer(1, 3 * mm), Paragraph(_x("本期间没有完成的核查记录。"), st.body)]
    else:
        story += [CondPageBreak(90 * mm), section("按事项和结论"), _matter_chart(report, font), Spacer(1, 2 * mm)]
        head = ["事项", *[OUTCOME_LABELS[o] for o in OUTCOMES], "合计"]
        body = [[Paragraph(_x(m.name), st.cell), *[m.counts.get(o) for o in OUTCOMES], m.total] for m in report.by_matter]
        body.append(["合计", *[report.outcomes.get(o) for o in OUTCOMES], report.total])
        t = _table([head, *body], [CONTENT_W * 0.4] + [CONTENT_W * 0.12] * 5)
        t.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), LABEL_BG)]))
        story.append(t)
        story += [CondPageBreak(70 * mm), section("结论构成"), _pie_chart(report, font)]
        story += [CondPageBreak(80 * mm),
                  section("核查趋势" + ("（按日）" if report.trend_unit == "day" else "（按周）")),
                  _trend_chart(report, font)]  # fmt: skip

    c = report.commitments
    commitments = _table(
        [["项目", "件数"],
         ["期内签署信用承诺", c.signed], ["其中纸质签署", c.signed_on_paper],
         [f"期内签署、目前{COMMITMENT_STATUS_LABELS['in_force']}", c.now_in_force],
         [f"期内签署、目前{COMMITMENT_STATUS_LABELS['fulfilled']}", c.now_fulfilled],
         [f"期内签署、目前{COMMITMENT_STATUS_LABELS['breached']}", c.now_breached],
         ["期内标记履约（含此前签署）", c.fulfilled_in_period], ["期内标记违约（含此前签署）", c.breached_in_period]],
        [CONTENT_W * 0.7, CONTENT_W * 0.3], label_col=False,
    )  # fmt: skip
    story += [KeepTogether([section("信用承诺"), commitments])]
    o = report.objections
    objections = _table(
        [["状态", "件数"], *[[OBJECTION_STATUS_LABELS.get(s, s), n] for s, n in o.by_status], ["期内受理异议合计", o.filed]],
        [CONTENT_W * 0.7, CONTENT_W * 0.3],
    )
    objections.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), LABEL_BG)]))
    story += [KeepTogether([section("异议"), objections])]

    rows = [["系统结论", "最终结论", "件数"]] + [
        [OUTCOME_LABELS.get(d.computed, d.computed), OUTCOME_LABELS.get(d.final, d.final), d.count]
        for d in report.departure_rows
    ]
    dep = [section("改变系统结论"), Paragraph(_x(
        f"期内共 {report.departures} 件核查的最终结论与系统结论不一致（均已填写理由）；更正核查记录 {report.corrections} 件。"
    ), st.body)]  # fmt: skip
    if report.departure_rows:
        dep += [Spacer(1, 2 * mm), _table(rows, [CONTENT_W * 0.35, CONTENT_W * 0.35, CONTENT_W * 0.3], align_right_from=2)]
    story.append(KeepTogether(dep))

    if report.officers_visible and report.by_officer:
        head = ["经办人", *[OUTCOME_LABELS[x] for x in OUTCOMES], "合计", "改变结论", "离线"]
        body = [[Paragraph(_x(r.officer), st.cell), *[r.counts.get(x) for x in OUTCOMES], r.total, r.departures, r.offline]
                for r in report.by_officer]  # fmt: skip
        story += [CondPageBreak(40 * mm), section("按经办人"),
                  _table([head, *body], [CONTENT_W * 0.23] + [CONTENT_W * 0.11] * 7)]  # fmt: skip

    if schedule is not None:
        lines = [schedule.note] + [
            f"{d.due_label}：{d.what}" + (f"（{d.period.label}）" if d.period else "") + f"，报{d.to}。依据：{d.basis}"
            for d in schedule.deadlines
        ]
        story += [KeepTogether([section("报送期限"), *[Paragraph(_x(x), st.body) for x in lines]])]

    notes = [
        "核查总数按每次核查的最新版本计一次；被更正取代的版本不计，更正版本计入其完成的期间。",
        "核验信用报告：核查记录中载有信用报告核验结论；不予采信：该结论为不可采用（编号不存在、过期、撤销、主体不符、机构不符合要求等）。",
        "离线核查：窗口离线时依据本机数据完成；依据过期数据：核查时本机数据超过设定时限未更新。",
        "信用承诺：期内签署的承诺及其目前状态；期内标记履约/违约按状态变更记录的日期统计。异议按登记日期统计、按目前状态分列。",
    ]
    notes += list(report.notes)
    story += [KeepTogether([section("统计口径"), *[Paragraph(_x(f"{i}. {x}"), st.small) for i, x in enumerate(notes, 1)]])]

    by = report.generated_by or "未署名"
    footer = f"{report.unit_label} · {p.label} · 生成于 {_when(report.generated_at)} · 生成人 {by} · CreditDesk"
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=18 * mm, bottomMargin=20 * mm,
        title=report.title, subject=f"信用核查使用情况 {p.label}", author="CreditDesk",
        creator="CreditDesk 信用核查窗口助手", initialFontName=font,
    )  # fmt: skip
    head = _running_head(report, font)
    doc.build(story, onFirstPage=head, onLaterPages=head,
              canvasmaker=numbered_canvas(PageFooter(font, 8, 9.5 * mm, MARGIN_X, left_text=footer, colour=GREY,
                                                     rule_y=14 * mm, rule_colour=RULE, rule_width=0.5)))  # fmt: skip
    return buf.getvalue()
