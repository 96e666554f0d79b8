"""The 台账 page: filter, role scoping, empty state, export through the TaskRunner."""

from __future__ import annotations

import csv
import datetime as dt

import pytest

from creditdesk.app import open_app
from creditdesk.roles import Actor
from creditdesk.services.reviews import ReviewDraft, ReviewService
from support.city import uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 20)
UNIT = "福州市行政服务中心"


def draft(n: int, outcome: str, officer: str, offline: bool = False) -> ReviewDraft:
    return ReviewDraft(
        subject_id=uscc(n), subject_name=f"福州榕城科技有限公司{n}号", subject_kind="company",
        subject_code_display=uscc(n), matter="procurement" if n % 2 else "bidding", profile_id="fuzhou",
        profile_version=1, computed_outcome=outcome, final_outcome=outcome,
        measures=[{"text": "从严审核申报材料"}] if outcome == "strict" else [], officer=officer, unit=UNIT,
        window="2号窗口", data_seq=1, data_as_of="2026-11-20T06:00:00+08:00", offline=offline,
    )  # fmt: skip


@pytest.fixture
def ctx(tmp_path):
    ctx = open_app(tmp_path / "home")
    svc = ReviewService(ctx.engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ), step=dt.timedelta(minutes=3)))
    outcomes = ["normal"] * 6 + ["strict"] * 3 + ["prohibit"] * 2 + ["incentive"]
    for i, o in enumerate(outcomes):
        svc.finalise(draft(i + 1, o, officer=("wangfang", "chenjing")[i % 2], offline=i % 4 == 0))
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, ctx):
    from creditdesk.ui.ledger_page import LedgerPage
    from creditdesk.ui.tasks import TaskRunner

    runner = TaskRunner()
    page = LedgerPage(ctx, runner)
    qtbot.addWidget(page)
    page.resize(1400, 700)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(day=DAY)
    yield page
    runner.wait(10_000)


def test_filter_by_outcome_shrinks_rows_to_the_right_count(qtbot, page):
    from creditdesk.ui.ledger_page import EMPTY_TEXT

    assert page.row_count == 12 and page.stack.currentWidget() is page.table
    assert "共 <b>12</b> 条" in page.totals_label.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(outcome="strict")
    assert page.row_count == 3
    assert {page.model.row_at(i).outcome for i in range(3)} == {"strict"}
    assert "共 <b>3</b> 条" in page.totals_label.text()
    # The combo is what the filter reads: choosing an outcome by hand reloads too.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.outcome_combo.setCurrentIndex(page.outcome_combo.findData("prohibit"))
    assert page.row_count == 2
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.offline_combo.setCurrentIndex(page.offline_combo.findData(True))
    assert page.row_count == 0 and "筛选条件" in page.empty_label.text()  # no offline prohibit
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.outcome_combo.setCurrentIndex(0)  # 全部结论
    assert page.row_count == 3 and all(page.model.row_at(i).offline for i in range(3))
    # Colour of an outcome cell.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(outcome=None, offline=None)
    from PySide6.QtCore import Qt

    col = next(j for j in range(page.model.columnCount())
               if page.model.headerData(j, Qt.Orientation.Horizontal) == "最终结论")  # fmt: skip
    strict_row = next(i for i in range(page.row_count) if page.model.row_at(i).outcome == "strict")
    bg = page.model.data(page.model.index(strict_row, col), Qt.ItemDataRole.BackgroundRole)
    assert bg is not None and bg.color().name() == "#fff3cd"
    # Another day: the empty state.
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(day=dt.date(2026, 11, 21))
    assert page.row_count == 0 and page.stack.currentWidget() is page.empty_label
    assert page.empty_label.text().startswith(EMPTY_TEXT)


def test_officer_sees_own_rows_and_cannot_export(qtbot, page, ctx):
    ctx.user = Actor("chenjing", "陈静", "officer", UNIT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert page.row_count == 6
    assert {page.model.row_at(i).officer for i in range(6)} == {"chenjing"}
    assert not page.officer_combo.isVisibleTo(page) and "陈静" in page.scope_label.text()
    for b in page.export_buttons.values():
        assert not b.isEnabled() and "科室负责人" in b.toolTip()
    ctx.user = Actor("lisi", "李四", "supervisor", UNIT)
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.refresh()
    assert page.row_count == 12 and all(b.isEnabled() for b in page.export_buttons.values())
    assert page.officer_combo.isVisibleTo(page) and page.officer_combo.count() == 3  # 全部 + two officers


def test_export_runs_in_the_background_and_is_audited(qtbot, page, ctx, tmp_path):
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(outcome="normal")
    out = tmp_path / "台账.csv"
    with qtbot.waitSignal(page.exported, timeout=20_000) as blocker:
        page.export_to("csv", out)
    result = blocker.args[0]
    assert result.rows == 6 and out.exists()
    with out.open(encoding="utf-8-sig", newline="") as fh:
        assert len(list(csv.reader(fh))) == 7
    assert "已导出 6 条核查记录到" in page.message.text() and page.open_folder_button.isVisibleTo(page)
    entry = ctx.audit.entries(action="export")[-1]
    assert entry.target == "ledger" and entry.detail["rows"] == 6 and entry.detail["filter"]["outcome"] == "normal"


def test_an_empty_day_links_to_the_last_day_with_reviews(qtbot, page):
    """Monday morning, or a weekend: the empty ledger offers the last day that has reviews, one click away."""
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.set_filter(day=dt.date(2026, 11, 23))
    assert page.row_count == 0
    assert "2026-11-20" in page.empty_label.text() and "星期五" in page.empty_label.text()
    with qtbot.waitSignal(page.loaded, timeout=10_000):
        page.empty_label.linkActivated.emit("2026-11-20")
    assert page.row_count == 12
    assert page.current_filter().date_from == dt.date(2026, 11, 20)
