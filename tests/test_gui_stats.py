"""The statistics page, offscreen: pick a period, the cards and charts show the figures; role scoping; export."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from creditdesk.app import open_app
from creditdesk.services.usage import Period
from creditdesk.ui.stats_page import StatsPage
from creditdesk.ui.tasks import TaskRunner
from test_usage import OFFICER, SUPERVISOR, UNIT, build

TODAY = dt.date(2026, 12, 3)  # Fuzhou's next report: November, due 20 December


@pytest.fixture
def ctx(tmp_path):
    c = open_app(tmp_path / "home")
    c.settings.unit_name, c.settings.profile_id = UNIT, "fuzhou"
    build(c.engine)
    yield c
    c.close()


@pytest.fixture
def page(qtbot, ctx):
    runner = TaskRunner()
    p = StatsPage(ctx, runner, today=TODAY)
    qtbot.addWidget(p)
    p.resize(1200, 900)
    p.show()
    yield p
    runner.wait(10000)


def card(page: StatsPage, key: str) -> str:
    return page.cards[key].value_label.text()


def test_opens_on_the_period_due_next_and_shows_its_figures(qtbot, page, ctx):
    ctx.user = SUPERVISOR
    assert page.period() == Period.parse("2026-11")  # the month Fuzhou's next report covers
    assert "2026年12月20日前" in page.deadline_label.text() and "月度工作进展" in page.deadline_label.text()
    with qtbot.waitSignal(page.loaded, timeout=10000) as got:
        page.refresh()
    assert got.args[0].total == 10
    assert [card(page, k) for k in ("total", "prohibit", "strict", "incentive", "offline")] == ["10", "2", "2", "1", "20.0%"]
    assert [card(page, k) for k in ("signed", "fulfilled", "breached", "objections", "reports")] == ["3", "2", "1", "4", "4"]
    assert page.cards["prohibit"].detail_label.text() == "20.0%"
    assert page.matter_chart.categories == ["行政审批、许可与市场准入", "招标投标", "政府采购", "其他"]
    assert page.matter_chart.totals() == [3, 3, 3, 1]
    assert page.outcome_chart.total == 10
    assert len(page.trend_chart.categories) == 30 and sum(page.trend_chart.totals()) == 10
    assert page.officer_box.isVisible() and page.officer_table.rowCount() == 3
    assert page.officer_table.item(0, 0).text() == "王芳" and page.officer_table.item(0, 5).text() == "5"
    assert page.pdf_button.isEnabled() and page.xlsx_button.isEnabled()


def test_picking_a_quarter_a_month_and_an_empty_month(qtbot, page, ctx):
    ctx.user = SUPERVISOR
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.kind_box.setCurrentIndex(page.kind_box.findData("quarter"))  # picks the current quarter: Q4
    assert page.period() == Period.parse("2026-Q4")
    assert card(page, "total") == "13" and page.trend_chart.categories[0] == "10-01"
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.kind_box.setCurrentIndex(page.kind_box.findData("month"))
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.which_box.setCurrentIndex(page.which_box.findData(10))
    assert page.period() == Period.parse("2026-10") and card(page, "total") == "2"
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.year_box.setValue(2025)
    assert card(page, "total") == "0" and card(page, "offline") == "—"
    assert "没有完成的核查记录" in page.status_label.text()
    assert page.matter_chart.categories == [] and page.outcome_chart.total == 0


def test_an_officer_sees_unit_totals_without_the_officer_table(qtbot, page, ctx):
    ctx.user = OFFICER
    with qtbot.waitSignal(page.loaded, timeout=10000) as got:
        page.refresh()
    assert not got.args[0].officers_visible
    assert card(page, "total") == "10"
    assert not page.officer_box.isVisible() and page.officer_table.rowCount() == 0


def test_export_pdf_and_excel_from_the_page(qtbot, page, ctx, tmp_path):
    ctx.user = OFFICER
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()
    pdf, xlsx = tmp_path / "out" / "usage.pdf", tmp_path / "out" / "usage.xlsx"
    pdf.parent.mkdir()
    with qtbot.waitSignal(page.exported, timeout=30000) as got:
        page.export("pdf", str(pdf))
    assert not isinstance(got.args[0], BaseException), got.args[0]
    assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in page.message.text()
    assert page.pdf_button.isEnabled() and not page.progress.isVisible()
    with qtbot.waitSignal(page.exported, timeout=30000):
        page.export("xlsx", str(xlsx))
    wb = openpyxl.load_workbook(xlsx)
    assert "按经办人" not in wb.sheetnames  # an officer's file
    entries = ctx.audit.entries(action="report")
    assert [(e.actor, e.target, e.detail["period"], e.detail["format"]) for e in entries] == [
        ("wang", "usage", "2026-11", "pdf"), ("wang", "usage", "2026-11", "xlsx")]
    with qtbot.waitSignal(page.exported, timeout=30000) as got:
        page.export("pdf", str(tmp_path / "missing-dir" / "x.pdf"))
    assert isinstance(got.args[0], OSError) and "导出失败" in page.message.text()
