"""The 跟进 page driven like a supervisor would (offscreen, real SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from creditdesk.app import open_app
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.check import CheckService
from creditdesk.services.followup import after_data_update, current_seq, make_due_item
from creditdesk.services.reviews import CommitmentDraft, ReviewService, draft_from_check
from creditdesk.ui.followup_page import FollowUpPage, MarkDialog
from creditdesk.ui.tasks import TaskRunner
from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc

TZ = dt.timezone(dt.timedelta(hours=8))
UNIT = "昆山市政务服务中心"


@pytest.fixture
def ctx(tmp_path):
    ctx = open_app(tmp_path / "home")
    feed = Feed()
    a = feed.company("昆山顺达精密机械有限公司", uscc(1))
    b = feed.company("昆山宏图建材有限公司", uscc(2))
    now = dt.datetime.now(TZ).isoformat(timespec="seconds")
    ChangeApplier(ctx.engine).apply([a, b], Position(feed.seq, EPOCH, now, "kunshan", person_key=PERSON_KEY_B64))
    admin = ctx.accounts.create("admin", "admin", "Admin-pass-2026", by=None)
    ctx.accounts.create("zhaoke", "supervisor", "Sup-pass-2026", display_name="赵科长", by=admin)
    ctx.accounts.create("wangfang", "officer", "Off-pass-2026", display_name="王芳", by=admin)
    # Two commitments signed long ago, their items overdue whatever day the test runs.
    for i, code in enumerate((uscc(1), uscc(2))):
        day = dt.date(2026, 11, 2)
        out = CheckService(ctx.engine, "kunshan").check(code, "approval", day=day, commitment_signed=True)
        c = CommitmentDraft("本单位郑重承诺……", ["张三", "李明"][i], "legal_representative", signature_png=b"\x89PNG-x",
                            due_items=[make_due_item("营业执照副本", 3, day)])  # fmt: skip
        at = dt.datetime.combine(day, dt.time(9, i), TZ)
        ReviewService(ctx.engine, now=lambda at=at: at).finalise(
            draft_from_check(out, "wangfang", UNIT, "1号窗口", offline=True, commitment=c))
    since = current_seq(ctx.engine)
    ChangeApplier(ctx.engine).apply([feed.record("BL-1", a["id"], "serious_dishonesty", publish_from="2026-11-03")],
                                    Position(feed.seq, EPOCH, now, "kunshan"))  # fmt: skip
    assert len(after_data_update(ctx.engine, ctx.audit, ctx.settings, since).alerts) == 1
    yield ctx
    ctx.close()


@pytest.fixture
def page(qtbot, ctx):
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


def column(table, col: int) -> list[str]:  # noqa: ANN001
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_supervisor_marks_a_commitment_breached_and_sees_the_status_change(qtbot, page):
    load(qtbot, page, "zhaoke")
    assert page.tabs.tabText(0) == "承诺到期 (2) · 已逾期 (2)"
    assert page.tabs.tabText(1) == "监管提醒 (1)"
    page.set_filter("overdue")
    t = page.commitment_table
    assert t.rowCount() == 2 and all(x.startswith("逾期") for x in column(t, 5))
    assert t.item(0, 5).foreground().color().name() == "#b3261e"  # overdue in red
    assert page.fulfil_button.isVisible() and page.breach_button.isVisible()
    t.selectRow(0)
    number = t.item(0, 0).text()
    asked = []

    def answer(row, status):  # noqa: ANN001, ANN202
        asked.append((row.number, status))
        return "逾期未补交营业执照副本"

    page.ask_note = answer
    with qtbot.waitSignal(page.marked, timeout=10000) as marked, qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.breach_button, Qt.MouseButton.LeftButton)
    assert asked == [(number, "breached")]
    assert marked.args[0].commitment.status == "breached"
    assert "已违约" in page.message.text()
    assert number not in column(t, 0)  # no longer overdue: it is settled
    assert page.tabs.tabText(0) == "承诺到期 (1) · 已逾期 (1)"
    page.set_filter("all")
    r = column(t, 0).index(number)
    assert t.item(r, 7).text() == "已违约"
    t.selectRow(r)
    assert not page.breach_button.isEnabled() and "逾期未补交营业执照副本" in page.commitment_detail.text()


def test_cancelled_dialog_marks_nothing_and_breach_dialog_needs_a_note(qtbot, page):
    load(qtbot, page, "zhaoke")
    page.set_filter("overdue")
    page.commitment_table.selectRow(0)
    row = page.selected_commitment()
    page.ask_note = lambda r, s: None  # cancelled
    page.mark_selected("breached")
    assert page.message.text() == ""
    dialog = MarkDialog(row, "breached")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.note, "   ")  # blanks are not a note
    assert not ok.isEnabled()
    dialog.note.insertPlainText("拒不补交材料")  # Chinese comes through the input method, not key clicks
    assert ok.isEnabled() and dialog.note_text() == "拒不补交材料"
    fulfil = MarkDialog(row, "fulfilled")
    qtbot.addWidget(fulfil)
    assert fulfil.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_supervisor_acknowledges_the_alert(qtbot, page):
    load(qtbot, page, "zhaoke")
    page.tabs.setCurrentIndex(1)
    assert page.alert_table.rowCount() == 1 and "严重失信" in page.alert_table.item(0, 4).text()
    assert "昆山顺达精密机械有限公司" in page.alert_detail.text()
    with qtbot.waitSignal(page.acknowledged, timeout=10000), qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.alert_ack_button, Qt.MouseButton.LeftButton)
    assert page.alert_table.rowCount() == 0 and page.tabs.tabText(1) == "监管提醒 (0)"
    assert "没有待处理的监管提醒" in page.alert_empty.text()
    assert [e.action for e in page.ctx.audit.entries()][-1] == "alert_ack"


def test_officer_sees_own_commitments_without_mark_buttons(qtbot, page):
    load(qtbot, page, "wangfang")
    assert page.commitment_table.rowCount() == 0 and "没有到期" in page.commitment_empty.text()  # both overdue
    page.set_filter("all")
    assert page.commitment_table.rowCount() == 2
    assert not page.fulfil_button.isVisible() and not page.breach_button.isVisible()
    assert not page.alert_ack_button.isVisible()
    assert "仅查看" in page.scope_label.text()


# -- promised materials in the review panel's commitment section ------------------------------


def test_due_items_editor_adds_with_enter_shows_the_working_day_deadline_and_feeds_the_commitment(qtbot, ctx):
    from creditdesk.services.reviews import ReviewService
    from creditdesk.ui import review_adapter
    from creditdesk.ui.followup_page import DueItemsEditor
    from creditdesk.ui.review_panel import Applicant, ReviewState

    editor = DueItemsEditor(lambda: dt.date(2026, 9, 28))
    qtbot.addWidget(editor)
    editor.show()
    editor.days_spin.setValue(5)
    # 9-29, 9-30, 国庆 10-01..07 off, 10-08, 10-09, 10-10 (make-up Saturday)
    assert editor.due_label.text() == "→ 2026-10-10（周六）"
    editor.name_edit.setText("营业执照副本")
    qtbot.keyClick(editor.name_edit, Qt.Key.Key_Return)
    editor.name_edit.setText("纳税证明")
    editor.days_spin.setValue(1)
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.name_edit.text() == "" and editor.list.count() == 2
    assert [(i["item"], i["working_days"], i["due"]) for i in editor.items()] == [
        ("营业执照副本", 5, "2026-10-10"), ("纳税证明", 1, "2026-09-29")]
    editor.list.setCurrentRow(1)
    editor.list.setFocus()
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert [i["item"] for i in editor.items()] == ["营业执照副本"] and editor.list.count() == 1

    out = CheckService(ctx.engine, "kunshan").check(uscc(2), "approval", day=dt.date(2026, 11, 20), commitment_signed=True)
    state = ReviewState(
        applicant=Applicant(out.subject_id, "昆山宏图建材有限公司", "legal_person", uscc(2), True), matter_code="approval",
        matter_label="行政审批", output=out, report_no=None, no_report=True, commitment_text="本单位郑重承诺……",
        signer_name="李明", signer_role="legal_representative", signature_png=b"\x89PNG-x", signed_on_paper=False,
        final_outcome=out.result.outcome, departure_reason=None, started_at=dt.datetime.now().astimezone(),
        due_items=tuple(editor.items()),
    )  # fmt: skip
    saved = review_adapter.finalise(ctx.engine, ctx.settings, "wangfang", state)
    assert saved.commitment.due_items == [{"item": "营业执照副本", "working_days": 5, "due": "2026-10-10",
                                           "fulfilled_at": None}]  # fmt: skip
    assert ReviewService(ctx.engine).verify(saved.verification_code).valid
    editor.clear()
    assert editor.items() == [] and not editor.list.isVisible()


# -- after a sync from the sync page: alerts raised in the background, the breach reaches the platform --


def test_sync_page_raises_alerts_and_delivers_the_breach(qtbot, tmp_path, monkeypatch):
    from sqlalchemy import select

    from creditdesk.db import models
    from creditdesk.demo.city import DemoCity
    from creditdesk.services.followup import FollowUpService, UpdateFindings
    from creditdesk.ui.sync_page import SyncPage
    from creditdesk_platform.server import PlatformServer
    from support.city import Feed as _Feed

    server = PlatformServer.for_city(DemoCity(subjects=60, seed=5, as_of=dt.date(2026, 11, 20)),
                                     state_dir=tmp_path / "platform", token="fu-token")  # fmt: skip
    server.start()
    monkeypatch.setenv("CREDITDESK_PLATFORM_TOKEN", "fu-token")
    ctx = open_app(tmp_path / "home")
    ctx.settings.platform_url, ctx.settings.platform_client_id = server.base_url, "ws-fu"
    runner = TaskRunner()
    sync = SyncPage(ctx, runner)
    qtbot.addWidget(sync)
    try:
        with qtbot.waitSignal(sync.followup_found, timeout=30000) as first:
            sync.start_sync()
        assert isinstance(first.args[0], UpdateFindings) and first.args[0].alerts == ()
        assert first.args[0].seq == server.high_water
        # A clean company signs a commitment at the counter.
        t = models.Subject.__table__
        r = models.Record.__table__
        with ctx.engine.connect() as conn:
            sid = conn.execute(
                select(t.c.id).where(t.c.kind == "legal_person", t.c.id.not_in(select(r.c.subject_id))).limit(1)
            ).scalar_one()  # fmt: skip
        day = dt.date.today()
        out = CheckService(ctx.engine, "kunshan").check(sid, "approval", day=day, commitment_signed=True)
        c = CommitmentDraft("本单位郑重承诺……", "张三", "legal_representative", signed_on_paper=True,
                            due_items=[make_due_item("营业执照副本", 5, day)])  # fmt: skip
        saved = ReviewService(ctx.engine).finalise(draft_from_check(out, "wangfang", UNIT, commitment=c))
        # The platform publishes a blacklist entry for it; the next sync raises the alert.
        server.add_changes([_Feed().record("FU-BL-1", sid, "serious_dishonesty", publish_from="2026-01-01")])
        with qtbot.waitSignal(sync.followup_found, timeout=30000) as second:
            sync.start_sync()
        (alert,) = second.args[0].alerts
        assert alert.record_id == "FU-BL-1" and alert.ref == saved.commitment.id
        assert "新增监管提醒 1 条" in sync.message.text()
        # Marked breached; the next sync delivers the commitment_status item, which the platform accepts.
        FollowUpService(ctx.engine, ctx.audit).mark(saved.commitment.number, "breached", "列入严重失信名单", None)
        with qtbot.waitSignal(sync.sync_finished, timeout=30000):
            sync.start_sync()
        o = models.OutboxItem.__table__
        with ctx.engine.connect() as conn:
            status = dict(conn.execute(select(o.c.kind, o.c.status).where(o.c.kind == "commitment_status")).all())
        assert status == {"commitment_status": "delivered"}
        kinds = {item["kind"] for item in server.submissions.values()}
        assert {"review", "commitment", "commitment_status"} <= kinds
    finally:
        runner.wait(10000)
        ctx.close()
        server.close()


def test_register_a_promised_item_handed_in(qtbot, page):
    load(qtbot, page, "zhaoke")
    page.set_filter("all")
    page.commitment_table.selectRow(0)
    row = page.selected_commitment()
    assert page.receive_button.isEnabled()
    page.ask_item = lambda r: (0, "已收原件")
    with qtbot.waitSignal(page.marked, timeout=10000) as marked, qtbot.waitSignal(page.loaded, timeout=10000):
        qtbot.mouseClick(page.receive_button, Qt.MouseButton.LeftButton)
    assert marked.args[0].commitment.items[0].fulfilled_at
    assert "全部材料已补交" in page.message.text()
    r = column(page.commitment_table, 0).index(row.number)
    page.commitment_table.selectRow(r)
    assert "已补交（" in page.commitment_detail.text() and not page.receive_button.isEnabled()
    assert page.commitment_table.item(r, 5).text() == "—"  # nothing open: no deadline left


def test_pending_override_approved_and_rejected_on_followup(qtbot, ctx, page):
    from creditdesk.roles import Actor

    # 沧州, procurement, a 严重失信主体名单 record: 依规限制 computed; two officers ask for 正常办理 without a supervisor
    out = CheckService(ctx.engine, "cangzhou").check(uscc(1), "procurement", day=dt.date(2026, 11, 4))
    assert out.result.outcome == "prohibit"
    saved = []
    for n in range(2):
        draft = draft_from_check(out, "wangfang", UNIT, "1号窗口", final_outcome="normal",
                                 departure_reason=f"撤销决定书已核对，平台尚未同步（{n}）", departure_category="repaired")
        saved.append(ReviewService(ctx.engine).finalise(draft, actor=Actor("wangfang", "王芳", "officer")))
    ctx.user = ctx.accounts.get("zhaoke")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    assert page.override_table.rowCount() == 2
    assert page.override_table.item(0, 4).text() == "依规限制（不予办理） → 正常办理"
    assert page.override_table.item(0, 3).text() == "王芳"
    page.override_table.selectRow(0)
    page.ask_override_note = lambda review, approve: "已核对原件"
    with qtbot.waitSignal(page.decided, timeout=5000) as decided:
        page.override_approve_button.click()
    assert decided.args[0].override_status == "approved" and decided.args[0].override.decided_by == "zhaoke"
    qtbot.waitUntil(lambda: page.override_table.rowCount() == 1, timeout=5000)
    page.override_table.selectRow(0)
    page.ask_override_note = lambda review, approve: "否"  # too short for a rejection
    with qtbot.waitSignal(page.decided, timeout=5000) as decided:
        page.override_reject_button.click()
    assert isinstance(decided.args[0], Exception) and "驳回须写明理由" in page.message.text()
    page.ask_override_note = lambda review, approve: "撤销决定书未见原件"
    with qtbot.waitSignal(page.decided, timeout=5000) as decided:
        page.override_reject_button.click()
    assert decided.args[0].override_status == "rejected" and decided.args[0].effective_outcome == "prohibit"
    qtbot.waitUntil(lambda: page.override_table.rowCount() == 0, timeout=5000)
    actions = [e.action for e in ctx.audit.entries()]
    assert "override_approve" in actions and "override_reject" in actions
    # an officer sees the list but cannot decide
    ctx.user = ctx.accounts.get("wangfang")
    with qtbot.waitSignal(page.loaded, timeout=5000):
        page.refresh()
    assert not page.override_approve_button.isVisible()
