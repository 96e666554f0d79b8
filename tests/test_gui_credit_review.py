"""昆山 信用审查 in the window (issue 11 item 4): the requests on 跟进 with their 5-working-day deadline on the
Chinese calendar, overdue marked, the result recorded from there through the same service as the CLI; the
counter's review panel asks only pilot units for it (第十三条).

Expected deadlines and working days are counted by hand on the State Council's holiday arrangement for 2026
(国办发明电〔2025〕7号): 2026-11 has no holiday, so working days are Monday to Friday.
- requested Mon 2026-11-02 -> due Mon 2026-11-09 (Tue 3 .. Mon 9 are the 5 working days);
- requested Mon 2026-11-23 -> due Mon 2026-11-30.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import select

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.policy.store import ProfileStore
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.credit_review import CreditReviewService
from creditdesk.ui.followup_page import FollowUpPage
from creditdesk.ui.tasks import TaskRunner
from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc

TZ = dt.timezone(dt.timedelta(hours=8))
TODAY = dt.date(2026, 11, 25)  # Wednesday
UNIT = "昆山市市场监督管理局"
_audit = models.AuditEntry.__table__


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00:00").replace(tzinfo=TZ)


@pytest.fixture
def ctx(tmp_path):
    ctx = open_app(tmp_path / "home")
    ctx.settings.profile_id = "kunshan"
    feed = Feed()
    a = feed.company("昆山精密模具有限公司", uscc(5))
    b = feed.company("昆山宏图建材有限公司", uscc(6))
    ChangeApplier(ctx.engine).apply([a, b], Position(feed.seq, EPOCH, "2026-11-20T08:00:00+08:00", "kunshan",
                                                     person_key=PERSON_KEY_B64))  # fmt: skip
    admin = ctx.accounts.create("admin", "admin", "Admin-pass-2026", by=None)
    ctx.accounts.create("zhaoke", "supervisor", "Sup-pass-2026", display_name="赵科长", by=admin)
    ctx.accounts.create("wangfang", "officer", "Off-pass-2026", display_name="王芳", by=admin)
    ctx.accounts.create("lisi", "officer", "Off-pass-2026", display_name="李四", by=admin)
    kunshan = ProfileStore.bundled().resolve("kunshan", TODAY)
    wang, li = ctx.accounts.get("wangfang"), ctx.accounts.get("lisi")
    ctx.old = CreditReviewService(ctx.engine, ctx.audit, now=lambda: at("2026-11-02")).request(
        kunshan, a["id"], "approval", UNIT, wang, subject_name="昆山精密模具有限公司", review_id="R-OLD")
    ctx.new = CreditReviewService(ctx.engine, ctx.audit, now=lambda: at("2026-11-23")).request(
        kunshan, b["id"], "approval", UNIT, li, subject_name="昆山宏图建材有限公司")
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, ctx, monkeypatch):
    # the page reads "today" from the services' clocks: the test's day, not the machine's
    from creditdesk.services import credit_review, followup

    monkeypatch.setattr(credit_review, "_local_now", lambda: at(TODAY.isoformat()))
    monkeypatch.setattr(followup.FollowUpService, "today", lambda self: TODAY)
    runner = TaskRunner()
    p = FollowUpPage(ctx, runner)
    qtbot.addWidget(p)
    p.resize(1100, 700)
    p.show()
    yield p
    runner.wait(5000)


def load(qtbot, page, user):  # noqa: ANN001
    page.ctx.user = page.ctx.accounts.get(user) if user else None
    with qtbot.waitSignal(page.loaded, timeout=10000):
        page.refresh()


def cells(table, row: int) -> list[str]:  # noqa: ANN001
    return [table.item(row, c).text() for c in range(table.columnCount())]


def test_requests_are_listed_with_their_working_day_deadline_and_the_overdue_one_marked(qtbot, page):
    load(qtbot, page, "zhaoke")
    t = page.credit_review_table
    assert page.tabs.tabText(4) == "信用审查 (2) · 已逾期 (1)"
    assert t.rowCount() == 2
    old, new = cells(t, 0), cells(t, 1)  # soonest deadline first
    assert old[0] == "昆山精密模具有限公司" and old[4] == "2026-11-09"
    # due Mon 11-09, today Wed 11-25: 10-11-09 .. 11-25 -> Tue 10 .. Wed 25 are 12 working days late
    assert old[5] == "逾期 12 个工作日"
    assert t.item(0, 5).foreground().color().name() == "#b3261e"
    assert old[3] == "王芳" and old[6] == "市公共信用信息中心"
    # due Mon 11-30, today Wed 11-25: Thu 26, Fri 27, Mon 30 -> 3 working days left
    assert new[0] == "昆山宏图建材有限公司" and new[4] == "2026-11-30" and new[5] == "3 个工作日"
    assert not page.credit_review_record_button.isHidden() and page.credit_review_record_button.isEnabled()


def test_an_officer_sees_the_requests_they_made(qtbot, page):
    load(qtbot, page, "lisi")
    t = page.credit_review_table
    assert t.rowCount() == 1 and cells(t, 0)[0] == "昆山宏图建材有限公司"
    assert page.tabs.tabText(4) == "信用审查 (1)"


def test_the_result_is_recorded_from_the_page_through_the_service(qtbot, page, ctx):
    load(qtbot, page, "zhaoke")
    page.credit_review_table.selectRow(0)
    asked = []

    def answer(row, today):  # noqa: ANN001, ANN202
        asked.append((row.id, today))
        return {"received_on": dt.date(2026, 11, 24), "report_no": "KSXS-2026-118", "adverse": False,
                "summary": "未发现严重失信信息"}  # fmt: skip

    page.ask_credit_review_result = answer
    with qtbot.waitSignal(page.reviewed, timeout=10000) as got:
        page.record_credit_review()
    row = got.args[0]
    assert not isinstance(row, BaseException), row
    assert asked == [(ctx.old.id, TODAY)]
    stored = CreditReviewService(ctx.engine).get(ctx.old.id)
    assert stored.status == "received" and stored.review_id == "R-OLD" and stored.result_report_no == "KSXS-2026-118"
    assert stored.result_adverse is False and stored.recorded_by == "zhaoke"
    # 第十四条: valid for one year from the day received, the anniversary the last day
    assert stored.valid_until == dt.date(2027, 11, 24)
    with ctx.engine.connect() as conn:
        entry = conn.execute(select(_audit.c.actor, _audit.c.detail).where(_audit.c.action == "credit_review_result")).one()
    detail = json.loads(entry.detail) if isinstance(entry.detail, str) else entry.detail
    assert entry.actor == "zhaoke" and detail["late"] is True and detail["review_id"] == "R-OLD"
    qtbot.waitUntil(lambda: page.credit_review_table.rowCount() == 1, timeout=10000)
    assert "已记录 昆山精密模具有限公司 的审查报告（晚于期限），有效期至 2027-11-24" in page.message.text()


def test_a_refused_result_is_said_and_nothing_changes(qtbot, page, ctx):
    load(qtbot, page, "zhaoke")
    page.credit_review_table.selectRow(1)
    page.ask_credit_review_result = lambda row, today: {"received_on": dt.date(2026, 11, 20), "report_no": "",
                                                         "adverse": None, "summary": ""}  # fmt: skip
    with qtbot.waitSignal(page.reviewed, timeout=10000) as got:
        page.record_credit_review()
    assert isinstance(got.args[0], Exception)
    assert "收到日期 2026-11-20 早于申请日期 2026-11-23" in page.message.text()
    assert CreditReviewService(ctx.engine).get(ctx.new.id).status == "requested"


def _review_panel(qtbot, tmp_path, pilot: bool):  # noqa: ANN202
    from creditdesk.ui.main_window import MainWindow

    ctx = open_app(tmp_path / f"home-{pilot}")
    ctx.settings.profile_id = "kunshan"
    ctx.settings.credit_review_pilot = pilot
    feed = Feed()
    company = feed.company("昆山精密模具有限公司", uscc(5))
    ChangeApplier(ctx.engine).apply([company], Position(feed.seq, EPOCH, "2026-11-20T08:00:00+08:00", "kunshan",
                                                        person_key=PERSON_KEY_B64))  # fmt: skip
    w = MainWindow(ctx, today=dt.date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    panel = w.counter.review
    qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(company["id"])
    qtbot.waitUntil(lambda: panel.applicant is not None, timeout=5000)
    panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("approval"))
    qtbot.waitUntil(lambda: panel.step_state("record_check") == "done", timeout=5000)
    return w, ctx, panel


@pytest.mark.parametrize("pilot", [True, False])
def test_the_review_panel_asks_for_a_credit_review_only_in_a_pilot_unit(qtbot, tmp_path, pilot):
    w, ctx, panel = _review_panel(qtbot, tmp_path, pilot)
    try:
        # 第十三条: 首批28个部门和单位试行 — a unit outside them is not required to request one
        assert ("credit_review" in panel.wf.output.result.requirements) is pilot
    finally:
        w.runner.wait(5000)
        ctx.close()
