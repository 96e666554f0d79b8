"""The usage report (使用情况报送) as an XLSX workbook (openpyxl), with native charts.

Sheets: 概览 (the figures, commitments, objections, departures; a pie of the
outcomes), 按事项 (matter × outcome; a stacked bar chart), 按经办人 (only when
the viewer may see counts by officer; a stacked bar chart), 趋势 (by day or
week; a stacked column chart). Headers bold, widths set, panes frozen under the
headers; numbers are numbers. No Qt.
"""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.chart.series import SeriesLabel
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from creditdesk.safetext import xlsx_cell
from creditdesk.rows.usage import (
    COMMITMENT_STATUS_LABELS,
    OBJECTION_STATUS_LABELS,
    OUTCOME_COLOURS,
    OUTCOME_LABELS,
    OUTCOMES,
    ReportingSchedule,
    UsageReport,
)

__all__ = ["render_usage_xlsx", "SHEETS"]

SHEETS = ("概览", "按事项", "按经办人", "趋势")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
GREY = Font(color="5F6368", size=9)
HEAD_FILL = PatternFill("solid", fgColor="E8EEF6")
PCT = "0.0%"


def _head(ws, row: int, values: list, col: int = 1) -> None:  # noqa: ANN001
    for i, v in enumerate(values):
        cell = xlsx_cell(ws, row, col + i, v)
        cell.font = BOLD
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center")


def _widths(ws, widths: list[float]) -> None:  # noqa: ANN001
    for i, w in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = w


def _colour_series(chart, outcomes=OUTCOMES) -> None:  # noqa: ANN001
    for s, o in zip(chart.series, outcomes):
        s.graphicalProperties.solidFill = OUTCOME_COLOURS[o].lstrip("#")
        s.graphicalProperties.line.solidFill = OUTCOME_COLOURS[o].lstrip("#")


def _stacked(kind: str, title: str, y_title: str | None = None) -> BarChart:
    ch = BarChart()
    ch.type = kind  # "bar" (horizontal) | "col"
    ch.grouping = "stacked"
    ch.overlap = 100
    ch.title = title
    ch.style = 10
    if y_title:
        ch.y_axis.title = y_title
    ch.y_axis.majorGridlines = None if kind == "bar" else ch.y_axis.majorGridlines
    ch.legend.position = "b"
    # openpyxl >= 3.1 hides axes unless told (delete=False)
    ch.x_axis.delete = False
    ch.y_axis.delete = False
    return ch


def _overview(ws, report: UsageReport, schedule: ReportingSchedule | None) -> None:  # noqa: ANN001
    p = report.period
    ws["A1"] = report.title
    ws["A1"].font = TITLE
    ws["A2"] = f"统计期间 {p.start.isoformat()} 至 {p.end.isoformat()}（{p.label}）"
    gen = report.generated_at
    try:
        gen = dt.datetime.fromisoformat(gen).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        pass
    ws["A3"] = f"生成于 {gen} · 生成人 {report.generated_by or '未署名'}"
    for ref in ("A2", "A3"):
        ws[ref].font = GREY
    row = 5
    _head(ws, row, ["项目", "数值", "占比"])
    total = report.total
    c, o = report.commitments, report.objections

    def share(n: int) -> float:
        return n / total if total else 0.0

    figures = [
        ("核查总数", total, None),
        *[(f"结论：{OUTCOME_LABELS[k]}", v, share(v)) for k, v in report.outcomes.items()],
        ("核验信用报告", report.reports_checked, share(report.reports_checked)),
        ("其中不予采信", report.reports_refused, None),
        ("离线核查", report.offline, share(report.offline)),
        ("依据过期数据", report.stale, share(report.stale)),
        ("改变系统结论", report.departures, share(report.departures)),
        ("更正核查记录", report.corrections, None),
        ("经办人数", report.officer_count, None),
        ("期内签署信用承诺", c.signed, None),
        ("其中纸质签署", c.signed_on_paper, None),
        (f"期内签署、目前{COMMITMENT_STATUS_LABELS['in_force']}", c.now_in_force, None),
        (f"期内签署、目前{COMMITMENT_STATUS_LABELS['fulfilled']}", c.now_fulfilled, None),
        (f"期内签署、目前{COMMITMENT_STATUS_LABELS['breached']}", c.now_breached, None),
        ("期内标记履约", c.fulfilled_in_period, None),
        ("期内标记违约", c.breached_in_period, None),
        ("期内受理异议", o.filed, None),
        *[(f"异议：{OBJECTION_STATUS_LABELS.get(s, s)}", n, None) for s, n in o.by_status],
    ]
    outcome_rows = (row + 2, row + 1 + len(OUTCOMES))  # rows of the four outcomes
    for label, value, pct in figures:
        row += 1
        xlsx_cell(ws, row, 1, label)
        xlsx_cell(ws, row, 2, value)
        if pct is not None:
            xlsx_cell(ws, row, 3, pct).number_format = PCT
    if report.departure_rows:
        row += 2
        _head(ws, row, ["系统结论", "最终结论", "件数"])
        for d in report.departure_rows:
            row += 1
            xlsx_cell(ws, row, 1, OUTCOME_LABELS.get(d.computed, d.computed))
            xlsx_cell(ws, row, 2, OUTCOME_LABELS.get(d.final, d.final))
            xlsx_cell(ws, row, 3, d.count)
    if schedule is not None:
        row += 2
        xlsx_cell(ws, row, 1, "报送期限").font = BOLD
        for line in [schedule.note] + [
            f"{d.due_label}：{d.what}" + (f"（{d.period.label}）" if d.period else "") + f"，报{d.to}" for d in schedule.deadlines
        ]:
            row += 1
            xlsx_cell(ws, row, 1, line)
    _widths(ws, [30, 12, 10])
    ws.freeze_panes = "A6"
    if total:
        pie = PieChart()
        pie.title = "结论构成"
        labels = Reference(ws, min_col=1, min_row=outcome_rows[0], max_row=outcome_rows[1])
        data = Reference(ws, min_col=2, min_row=outcome_rows[0], max_row=outcome_rows[1])
        pie.add_data(data, titles_from_data=False)
        pie.set_categories(labels)
        pie.series[0].tx = SeriesLabel(v="核查件数")
        from openpyxl.chart.series import DataPoint

        for i, o_ in enumerate(OUTCOMES):
            pt = DataPoint(idx=i)
            pt.graphicalProperties.solidFill = OUTCOME_COLOURS[o_].lstrip("#")
            pie.series[0].dPt.append(pt)
        pie.dataLabels = DataLabelList()
        pie.dataLabels.showPercent = True
        pie.height, pie.width = 8, 12
        ws.add_chart(pie, "E5")


def _matters(ws, report: UsageReport) -> None:  # noqa: ANN001
    _head(ws, 1, ["事项代码", "事项", *[OUTCOME_LABELS[o] for o in OUTCOMES], "合计"])
    for r, m in enumerate(report.by_matter, 2):
        xlsx_cell(ws, r, 1, m.code)
        xlsx_cell(ws, r, 2, m.name)
        for i, o in enumerate(OUTCOMES):
            xlsx_cell(ws, r, 3 + i, m.counts.get(o))
        xlsx_cell(ws, r, 7, m.total)
    last = 1 + len(report.by_matter)
    xlsx_cell(ws, last + 1, 2, "合计").font = BOLD
    for i, o in enumerate(OUTCOMES):
        xlsx_cell(ws, last + 1, 3 + i, report.outcomes.get(o)).font = BOLD
    xlsx_cell(ws, last + 1, 7, report.total).font = BOLD
    _widths(ws, [18, 28, 9, 9, 9, 9, 10])
    ws.freeze_panes = "C2"
    if report.by_matter:
        ch = _stacked("bar", "按事项和结论", "核查件数")
        ch.add_data(Reference(ws, min_col=3, max_col=6, min_row=1, max_row=last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=2, min_row=2, max_row=last))
        ch.x_axis.scaling.orientation = "maxMin"  # the biggest matter on top, as in the table
        _colour_series(ch)
        ch.height, ch.width = max(7.5, 1.0 * len(report.by_matter) + 3), 18
        ws.add_chart(ch, "I2")


def _officers(ws, report: UsageReport) -> None:  # noqa: ANN001
    _head(ws, 1, ["经办人", *[OUTCOME_LABELS[o] for o in OUTCOMES], "合计", "改变系统结论", "离线核查"])
    for r, x in enumerate(report.by_officer, 2):
        xlsx_cell(ws, r, 1, x.officer)
        for i, o in enumerate(OUTCOMES):
            xlsx_cell(ws, r, 2 + i, x.counts.get(o))
        xlsx_cell(ws, r, 6, x.total)
        xlsx_cell(ws, r, 7, x.departures)
        xlsx_cell(ws, r, 8, x.offline)
    _widths(ws, [16, 9, 9, 9, 9, 10, 14, 10])
    ws.freeze_panes = "B2"
    last = 1 + len(report.by_officer)
    if report.by_officer:
        ch = _stacked("bar", "按经办人", "核查件数")
        ch.add_data(Reference(ws, min_col=2, max_col=5, min_row=1, max_row=last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        ch.x_axis.scaling.orientation = "maxMin"
        _colour_series(ch)
        ch.height, ch.width = max(7.5, 0.8 * len(report.by_officer) + 3), 16
        ws.add_chart(ch, "J2")


def _trend(ws, report: UsageReport) -> None:  # noqa: ANN001
    first = "日期" if report.trend_unit == "day" else "周（首日）"
    _head(ws, 1, [first, "起", "止", *[OUTCOME_LABELS[o] for o in OUTCOMES], "合计"])
    for r, p in enumerate(report.trend, 2):
        xlsx_cell(ws, r, 1, p.label)
        xlsx_cell(ws, r, 2, p.start).number_format = "yyyy-mm-dd"
        xlsx_cell(ws, r, 3, p.end).number_format = "yyyy-mm-dd"
        for i, o in enumerate(OUTCOMES):
            xlsx_cell(ws, r, 4 + i, p.counts.get(o))
        xlsx_cell(ws, r, 8, p.counts.total)
    _widths(ws, [12, 12, 12, 8, 8, 8, 8, 9])
    ws.freeze_panes = "B2"
    last = 1 + len(report.trend)
    if report.trend:
        ch = _stacked("col", "核查趋势（按日）" if report.trend_unit == "day" else "核查趋势（按周）", "核查件数")
        ch.add_data(Reference(ws, min_col=4, max_col=7, min_row=1, max_row=last), titles_from_data=True)
        ch.set_categories(Reference(ws, min_col=1, min_row=2, max_row=last))
        ch.gapWidth = 40
        _colour_series(ch)
        ch.height, ch.width = 9, 24
        ws.add_chart(ch, "J2")


def render_usage_xlsx(report: UsageReport, schedule: ReportingSchedule | None = None) -> bytes:
    wb = Workbook()
    ws = wb.active
    ws.title = "概览"
    _overview(ws, report, schedule)
    _matters(wb.create_sheet("按事项"), report)
    if report.officers_visible:
        _officers(wb.create_sheet("按经办人"), report)
    _trend(wb.create_sheet("趋势"), report)
    wb.properties.title = report.title
    wb.properties.creator = "CreditDesk"
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
