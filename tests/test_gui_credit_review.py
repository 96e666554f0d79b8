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
from PySide6.QtCore import Qt
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
        # …and is not offered the request button (the check, not the widget, decides)
        assert panel.credit_review_row.isVisibleTo(panel) is pilot
        assert panel.credit_review_needed() == ("required" if pilot else None)
    finally:
        w.runner.wait(5000)
        ctx.close()


def _outbox_and_audit(ctx):  # noqa: ANN001, ANN202
    outbox = models.OutboxItem.__table__
    with ctx.engine.connect() as conn:
        items = conn.execute(select(outbox.c.kind, outbox.c.uid, outbox.c.data)
                             .where(outbox.c.kind == "credit_review_request")).all()  # fmt: skip
        entries = conn.execute(select(_audit.c.target, _audit.c.detail)
                               .where(_audit.c.action == "credit_review_request")).all()  # fmt: skip
    load = lambda v: v if isinstance(v, dict) else json.loads(v)  # noqa: E731
    return [(i.uid, load(i.data)) for i in items], [(e.target, load(e.detail)) for e in entries]


def test_the_officer_requests_a_credit_review_from_the_panel_and_the_saved_review_links_it(qtbot, tmp_path):
    """昆山 第十、十一条 at the window: 行政审批 (approval) needs a 信用审查; the officer asks for it from the review
    panel through CreditReviewService.request (the CLI's call), on the task runner; the deadline is shown, and
    the review saved afterwards names the request (its credit_review link).

    The panel's day is Fri 2026-11-20; 5 working days (no holiday in 2026-11) are Mon 23 .. Fri 27: due 2026-11-27."""
    from PySide6.QtWidgets import QMessageBox

    w, ctx, panel = _review_panel(qtbot, tmp_path, True)
    try:
        assert panel.credit_review_needed() == "required"
        assert "须由市公共信用信息中心进行信用审查（第十条），5 个工作日内反馈" in panel.credit_review_label.text()
        button = panel.credit_review_button
        assert button.text() == "申请信用审查(&Q)…" and button.isEnabled()
        # keyboard: Tab from the matter box reaches the button before the later steps
        chain, wdg = [], panel.matter_combo.nextInFocusChain()
        while wdg is not panel.matter_combo and len(chain) < 2000:
            chain.append(wdg)
            wdg = wdg.nextInFocusChain()
        assert chain.index(button) < chain.index(panel.signer_edit) < chain.index(panel.finalise_button)

        w.activateWindow()
        qtbot.keyClick(w, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)  # the accelerator, as the officer presses it
        qtbot.waitUntil(lambda: panel.credit_review_confirm is not None, timeout=5000)
        confirm = panel.credit_review_confirm
        assert confirm is not None and confirm.isVisible()
        assert "昆山精密模具有限公司" in confirm.text() and "5 个工作日内、即 2026-11-27 前反馈" in confirm.text()
        assert not _outbox_and_audit(ctx)[0]  # nothing asked before the officer confirms
        with qtbot.waitSignal(panel.credit_review_requested, timeout=10000) as got:
            confirm.button(QMessageBox.StandardButton.Yes).click()
            assert not button.isEnabled()  # busy while the request is written
        row = got.args[0]
        assert not isinstance(row, BaseException), row
        assert row.due_on == dt.date(2026, 11, 27) and row.requested_at.startswith("2026-11-20")
        assert row.matter == "approval" and row.subject_name == "昆山精密模具有限公司" and row.review_id is None
        assert "已于 2026-11-20 申请信用审查：市公共信用信息中心应于 2026-11-27 前反馈" in panel.credit_review_label.text()
        assert not button.isEnabled() and button.isHidden()  # one request per subject and matter
        items, entries = _outbox_and_audit(ctx)
        assert [uid for uid, _ in items] == [row.id] and items[0][1]["due_on"] == "2026-11-27"
        assert items[0][1]["to"] == "市公共信用信息中心" and items[0][1]["working_days"] == 5
        assert [(t, d["request_id"]) for t, d in entries] == [(row.subject_id, row.id)]

        # the review saved now links the request (the review's credit_review field)
        panel.signer_edit.setText("张伟")
        panel.paper_signed.setChecked(True)
        qtbot.waitUntil(lambda: panel.step_state("commitment") == "done" and panel.wf.current(), timeout=5000)
        panel.adopt_computed()
        with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
            panel.finalise()
        link = saved.args[0].credit_review
        assert link["request_id"] == row.id and link["status"] == "requested" and link["due_on"] == "2026-11-27"

        # the same applicant again: the waiting request is shown, not offered twice
        w.counter.clear()
        with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
            w.counter.query_edit.setText(row.subject_id)
        qtbot.waitUntil(lambda: panel.applicant is not None, timeout=5000)
        panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("approval"))
        qtbot.waitUntil(lambda: panel.step_state("record_check") == "done", timeout=5000)
        assert panel.credit_review_row.isVisibleTo(panel) and panel.credit_review_button.isHidden()
        assert "应于 2026-11-27 前反馈" in panel.credit_review_label.text()
        assert "信用审查已申请，信用中心应于 2026-11-27 前反馈" in panel.requirements_label.text()
    finally:
        w.runner.wait(5000)
        ctx.close()


def test_the_alternative_of_report_or_review_is_said_as_such(qtbot, tmp_path):
    """昆山 第五条 for 财政资金扶持: 信用报告或信用审查 — either is enough, so the request is offered as one of two."""
    w, ctx, panel = _review_panel(qtbot, tmp_path, True)
    try:
        panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("fiscal_support"))
        qtbot.waitUntil(lambda: panel.step_state("record_check") == "done" and panel.wf.inputs.matter == "fiscal_support",
                        timeout=5000)  # fmt: skip
        assert panel.credit_review_needed() == "alternative"
        assert "信用报告或信用审查任选其一" in panel.credit_review_label.text()
        assert panel.credit_review_button.isEnabled()
    finally:
        w.runner.wait(5000)
        ctx.close()


def test_the_pilot_setting_is_a_checkbox_on_settings_saved_by_the_administrator_and_audited(qtbot, tmp_path):
    """设置: credit_review_pilot (昆山 第十三条) as a checkbox beside the other unit settings: an administrator
    changes it, the change is audited with its old and new value, kept in the settings file, and the counter
    stops offering the request; an officer sees it read-only."""
    from creditdesk.ui.main_window import MainWindow

    home = tmp_path / "home"
    ctx = open_app(home)
    ctx.settings.profile_id = "kunshan"
    feed = Feed()
    company = feed.company("昆山精密模具有限公司", uscc(5))
    ChangeApplier(ctx.engine).apply([company], Position(feed.seq, EPOCH, "2026-11-20T08:00:00+08:00", "kunshan",
                                                        person_key=PERSON_KEY_B64))  # fmt: skip
    admin = ctx.accounts.create("admin", "admin", "Admin-pass-2026", display_name="李管理", by=None)
    ctx.accounts.create("wangfang", "officer", "Off-pass-2026", display_name="王芳", by=admin)
    ctx.user = admin
    w = MainWindow(ctx, today=dt.date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    try:
        page = w.settings_page
        w.nav.setCurrentRow(w.pages.indexOf(page))
        box = page.credit_review_pilot
        assert box.isVisible() and box.isEnabled() and box.isChecked()  # the default: a pilot unit
        assert "第十三条" in page.pilot_note.text() and "“28个部门和单位试行”" in page.pilot_note.text()
        box.setChecked(False)
        with qtbot.waitSignal(page.audited, timeout=5000) as got:
            page.save_button.click()
        assert got.args[0]["changes"] == {"credit_review_pilot": {"old": True, "new": False}}
        [entry] = ctx.audit.entries(action="settings_change")
        assert entry.actor == "admin" and entry.detail["changes"] == {"credit_review_pilot": {"old": True, "new": False}}
        again = open_app(home)
        assert again.settings.credit_review_pilot is False
        again.close()

        # the counter now checks as a unit outside the pilots: no 信用审查 asked, no request offered
        panel = w.counter.review
        w.nav.setCurrentRow(w.pages.indexOf(w.counter))
        qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
        with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
            w.counter.query_edit.setText(company["id"])
        qtbot.waitUntil(lambda: panel.applicant is not None, timeout=5000)
        panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("approval"))
        qtbot.waitUntil(lambda: panel.step_state("record_check") == "done", timeout=5000)
        assert "credit_review" not in panel.wf.output.result.requirements
        assert not panel.credit_review_row.isVisibleTo(panel)

        # an officer sees the setting, not changes it
        w.runner.wait(5000)
        ctx.user = ctx.accounts.get("wangfang")
        page.refresh()
        assert not box.isEnabled() and not box.isChecked() and page.readonly_note.isVisibleTo(page)
    finally:
        w.runner.wait(5000)
        ctx.close()


def test_a_refused_request_is_said_in_red_and_nothing_is_queued(qtbot, tmp_path):
    """The service refuses (here: accounts were created meanwhile, and nobody is signed in at this window):
    the reason in Chinese on the row, no request, no outbox item, and the button offered again."""
    from PySide6.QtWidgets import QMessageBox

    w, ctx, panel = _review_panel(qtbot, tmp_path, True)
    try:
        ctx.accounts.create("admin", "admin", "Admin-pass-2026", by=None)  # another window made the first account
        panel.request_credit_review()
        with qtbot.waitSignal(panel.credit_review_requested, timeout=10000) as got:
            panel.credit_review_confirm.button(QMessageBox.StandardButton.Yes).click()
        assert isinstance(got.args[0], PermissionError)
        text = panel.credit_review_label.text()
        assert "信用审查申请失败：需要登录后才能办理核查" in text and "#b3261e" in text
        assert panel.credit_review_button.isEnabled() and not panel.credit_review_button.isHidden()
        assert _outbox_and_audit(ctx)[0] == [] and CreditReviewService(ctx.engine).waiting() == []
    finally:
        w.runner.wait(5000)
        ctx.close()
