"""The review checklist on the counter page, driven like an officer would (offscreen, real SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from creditdesk.app import open_app
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.ui import review_adapter
from creditdesk.ui.main_window import MainWindow
from support.city import EPOCH, PERSON_KEY_B64, Feed

DAY = dt.date(2026, 11, 20)


def _window(qtbot, tmp_path, profile_id: str):  # noqa: ANN202
    ctx = open_app(tmp_path / "home")
    ctx.settings.profile_id = profile_id
    feed = Feed()
    clean = feed.company("福州顺心科技有限公司")
    bad = feed.company("福州顺心贸易有限公司")
    agency = feed.agency("91350100AGENCY0001")
    changes = [
        clean, bad, agency,
        feed.report("R-2026-001", clean["id"], agency["id"]),
        feed.report("R-2025-OLD", clean["id"], agency["id"], issued_on="2025-01-01", valid_until="2025-12-31"),
        feed.record("BL-1", bad["id"], "serious_dishonesty", publish_from="2026-01-01"),
    ]  # fmt: skip
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    w.codes = {"clean": clean["id"], "bad": bad["id"]}
    w.ctx_ = ctx
    panel = w.counter.review
    qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
    return w


@pytest.fixture
def kunshan(qtbot, tmp_path):
    w = _window(qtbot, tmp_path, "kunshan")
    yield w
    w.runner.wait(5000)
    w.ctx_.close()


@pytest.fixture
def fuzhou(qtbot, tmp_path):
    w = _window(qtbot, tmp_path, "fuzhou")
    yield w
    w.runner.wait(5000)
    w.ctx_.close()


def _find(qtbot, w, code: str) -> None:
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(code)
    qtbot.waitUntil(lambda: w.counter.review.applicant is not None, timeout=5000)


def _matter(qtbot, w, code: str) -> None:
    panel = w.counter.review
    panel.matter_combo.setCurrentIndex(panel.matter_combo.findData(code))
    qtbot.waitUntil(lambda: panel.step_state("record_check") == "done", timeout=5000)


def _sign(qtbot, canvas) -> None:
    QTest.mousePress(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(30, 60))
    for x in range(34, 200, 6):
        QTest.mouseMove(canvas, QPoint(x, 60 + (x % 30) - 15))
    QTest.mouseRelease(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 70))


def test_signature_pad_draws_and_exports_trimmed_png(qtbot):
    from PySide6.QtGui import QImage

    from creditdesk.ui.signature_pad import SignaturePad

    pad = SignaturePad()
    qtbot.addWidget(pad)
    pad.resize(400, 180)
    pad.show()
    assert not pad.has_ink() and pad.png_bytes() == b""
    with qtbot.waitSignal(pad.changed) as changed:
        _sign(qtbot, pad.canvas)
    assert changed.args == [True] and pad.has_ink()
    png = pad.png_bytes()
    assert png.startswith(b"\x89PNG")
    image = QImage.fromData(png)
    assert image.width() < 400 and image.height() < 180  # trimmed to the ink
    assert QImage.fromData(png).pixelColor(0, 0).name() == "#ffffff"  # white, not transparent
    pad.clear_button.click()
    assert not pad.has_ink()


def test_full_review_with_drawn_signature(qtbot, kunshan):
    w, panel = kunshan, kunshan.counter.review
    _find(qtbot, w, w.codes["clean"])
    assert panel.step_state("subject") == "done"
    assert not panel.finalise_button.isEnabled()
    _matter(qtbot, w, "procurement")
    assert panel.steps() == ("record_check", "commitment", "credit_report")
    assert "没有有效的信用记录" in panel.records_label.text()
    assert not panel.finalise_button.isEnabled()
    assert "信用报告" in panel.missing_label.text() and "信用承诺" in panel.missing_label.text()

    # the report: an expired one first, then the valid one
    old = panel.report_combo.findData("R-2025-OLD")
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        panel.report_combo.setCurrentIndex(old)
        panel.report_combo.activated.emit(old)
    assert "信用报告已超过有效期" in panel.report_verdict.text()
    good = panel.report_combo.findData("R-2026-001")
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        panel.report_combo.setCurrentIndex(good)
        panel.report_combo.activated.emit(good)
    assert "可用" in panel.report_verdict.text()
    assert panel.step_state("credit_report") == "done"

    # the commitment: the template filled in, a signer and a drawn signature
    text = panel.commitment_text.text()
    assert "福州顺心科技有限公司" in text and w.codes["clean"] in text and "政府采购" in text
    assert "2026年11月20日" in text and w.ctx_.settings.unit_name in text
    assert panel.step_state("commitment") == "open"
    qtbot.keyClicks(panel.signer_edit, "Wang Wu")
    assert not panel.finalise_button.isEnabled()  # not signed yet
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        _sign(qtbot, panel.signature.canvas)
    assert panel.step_state("commitment") == "done"
    assert "正常办理" in panel.banner.text()
    # the conclusion box starts empty: the officer adopts the computed conclusion
    assert panel.final_combo.currentIndex() == -1 and panel.step_state("conclusion") == "open"
    assert not panel.finalise_button.isEnabled()
    qtbot.mouseClick(panel.adopt_button, Qt.MouseButton.LeftButton)
    assert panel.final_combo.currentData() == "normal" and panel.step_state("conclusion") == "done"
    qtbot.waitUntil(panel.finalise_button.isEnabled, timeout=3000)

    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        qtbot.mouseClick(panel.finalise_button, Qt.MouseButton.LeftButton)
    review = saved.args[0]
    assert review.verification_code
    assert "已保存" in panel.saved_label.text() and review.verification_code in panel.saved_label.text()
    assert review.commitment is not None and review.commitment.signature_png.startswith(b"\x89PNG")
    assert not panel.finalise_button.isEnabled()

    verified = review_adapter.verify(w.ctx_.engine, review.verification_code)
    assert verified.found and verified.intact

    for kind in ("review", "commitment"):
        with qtbot.waitSignal(panel.slip_bar.rendered, timeout=20000) as rendered:
            panel.slip_bar.render(kind)
        assert rendered.args[0] == kind and rendered.args[1].startswith(b"%PDF")
    from creditdesk.ui.slip_view import pdf_page_images

    page = pdf_page_images(rendered.args[1], 300)[0]
    assert page.pixelColor(2, 2).name() == "#ffffff"
    review_pdf = review_adapter.render("review", review, panel.saved_state, w.ctx_.settings, "A4")
    assert len(pdf_page_images(review_pdf, 60)) == 1  # a clean applicant's 信用核查单: one A4 page

    # Ctrl+K: the code verifies in the dialog
    w.counter.open_verify()
    dialog = w.counter.verify_dialog
    dialog.code_edit.setText(review.verification_code)
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        dialog.verify()
    assert "核查码有效" in dialog.result_label.text()
    dialog.code_edit.setText("0000-0000-00")
    with qtbot.waitSignal(dialog.verified, timeout=5000):
        dialog.verify()
    assert "没有与该核查码相符" in dialog.result_label.text()
    dialog.close()


def test_missing_commitment_keeps_finalise_disabled(qtbot, kunshan):
    w, panel = kunshan, kunshan.counter.review
    _find(qtbot, w, w.codes["clean"])
    _matter(qtbot, w, "other")  # record check and commitment only
    assert panel.steps() == ("record_check", "commitment")
    qtbot.keyClicks(panel.signer_edit, "Wang Wu")
    assert panel.step_state("commitment") == "open"  # a name is not a signature
    assert not panel.finalise_button.isEnabled()
    assert "信用承诺" in panel.missing_label.text()
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        panel.paper_signed.setChecked(True)  # signed on paper instead
    assert panel.step_state("commitment") == "done"
    assert not panel.finalise_button.isEnabled()  # no conclusion adopted yet
    panel.adopt_computed()
    assert panel.finalise_button.isEnabled()
    panel.signer_edit.clear()
    qtbot.waitUntil(lambda: panel.step_state("commitment") == "open", timeout=3000)
    assert not panel.finalise_button.isEnabled()


def test_departure_needs_a_written_reason(qtbot, fuzhou):
    w, panel = fuzhou, fuzhou.counter.review
    _find(qtbot, w, w.codes["bad"])
    _matter(qtbot, w, "other")
    assert "严重失信主体名单" in panel.records_label.text()
    computed = panel.output.result.outcome
    other = "strict" if computed != "strict" else "normal"
    panel.final_combo.setCurrentIndex(panel.final_combo.findData(other))
    assert panel.reason_edit.isVisibleTo(panel)
    assert panel.step_state("conclusion") == "open"
    assert not panel.finalise_button.isEnabled()
    assert "理由" in panel.missing_label.text()
    panel.reason_edit.setPlainText("列入黑名单，依规从严审核")
    if panel.wf.unruled_adverse():  # an adverse record no rule covers: acknowledged before anything is saved
        assert panel.ack_check.isVisibleTo(panel) and "已阅" in panel.ack_check.text()
        panel.ack_check.setChecked(True)
    if panel.wf.override_kind() == "milder":
        panel.category_combo.setCurrentIndex(panel.category_combo.findData("legal_basis"))
    assert panel.step_state("conclusion") == "done", panel.wf.missing()
    assert panel.finalise_button.isEnabled()
    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        panel.finalise()
    assert saved.args[0].final_outcome == other
    assert saved.args[0].departure_reason == "列入黑名单，依规从严审核"


def test_new_applicant_starts_over(qtbot, fuzhou):
    w, panel = fuzhou, fuzhou.counter.review
    _find(qtbot, w, w.codes["bad"])
    _matter(qtbot, w, "procurement")
    panel.no_report.setChecked(True)
    qtbot.waitUntil(lambda: panel.step_state("credit_report") == "done", timeout=5000)
    _find(qtbot, w, w.codes["clean"])
    assert panel.applicant.subject_id == w.codes["clean"]
    assert panel.matter_code() is None and panel.matter_combo.currentIndex() == -1  # a new review: choose again
    assert not panel.no_report.isChecked() and panel.final_combo.currentIndex() == -1
    assert panel.output is None and panel.step_state("record_check") == "open"
    _matter(qtbot, w, "procurement")
    assert panel.step_state("credit_report") == "open"
    assert "严重失信" not in panel.records_label.text()


def test_keyboard_only_clean_applicant(qtbot, fuzhou):
    w, panel = fuzhou, fuzhou.counter.review
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    w.counter.query_edit.setFocus()
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        qtbot.keyClicks(w.counter.query_edit, w.codes["clean"])
    qtbot.keyClick(w.counter.query_edit, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    assert panel.matter_combo.hasFocus()
    n = panel.matter_combo.findData("other") + 1  # items are numbered 01–13: type the two digits
    assert panel.matter_combo.itemText(n - 1).startswith(f"{n:02d}")
    qtbot.keyClick(panel.matter_combo, Qt.Key.Key_1)
    assert panel.matter_code() is None  # one digit chooses nothing
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        qtbot.keyClicks(panel.matter_combo, f"{n:02d}"[1])
    assert panel.matter_code() == "other"
    assert not panel.finalise_button.isEnabled()  # the conclusion box is empty
    assert panel.adopt_button.hasFocus()  # only the conclusion is left: Enter adopts it
    qtbot.keyClick(panel.adopt_button, Qt.Key.Key_Return)
    assert panel.finalise_button.isEnabled()
    assert panel.finalise_button.hasFocus()
    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        qtbot.keyClick(panel.finalise_button, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert saved.args[0].final_outcome == "normal"
    assert saved.args[0].verification_code in panel.saved_label.text()


def test_batch_check_table(qtbot, fuzhou, tmp_path):
    w = fuzhou
    path = tmp_path / "bidders.txt"
    path.write_text(f"{w.codes['clean']}\n{w.codes['bad']}\nnot-a-code\n", encoding="utf-8")
    w.counter.review.matter_combo.setCurrentIndex(w.counter.review.matter_combo.findData("other"))
    w.counter.open_batch()
    dialog = w.counter.batch_dialog
    dialog.load(str(path))
    qtbot.waitUntil(dialog.start_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(dialog.finished_rows, timeout=10000) as done:
        dialog.start()
    rows = done.args[0]
    assert [r.query for r in rows] == [w.codes["clean"], w.codes["bad"], "not-a-code"]
    assert rows[2].error and dialog.table.rowCount() == 3
    assert dialog.table.item(1, 1).text() == "福州顺心贸易有限公司"
    assert dialog.progress.value() == 3
    dialog.close()


def _supervised(qtbot, tmp_path):  # noqa: ANN202
    """The 沧州 window (a 严重失信主体名单 record: 依规限制 for procurement), signed in as an officer."""
    ctx = open_app(tmp_path / "home")
    ctx.settings.profile_id = "cangzhou"
    admin = ctx.accounts.create("admin", "admin", "Secret-pass-1", display_name="李管理", by=None)
    ctx.accounts.create("zhangsan", "officer", "Secret-pass-1", display_name="张三", by=admin)
    ctx.accounts.create("kezhang", "supervisor", "Secret-pass-1", display_name="王科长", by=admin)
    feed = Feed()
    bad = feed.company("沧州顺心贸易有限公司")
    changes = [bad, feed.record("BL-1", bad["id"], "serious_dishonesty", publish_from="2026-01-01")]
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    ctx.user = ctx.accounts.get("zhangsan")
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    w.codes, w.ctx_ = {"bad": bad["id"]}, ctx
    panel = w.counter.review
    qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
    return w


def test_milder_conclusion_needs_category_reason_and_a_supervisor(qtbot, tmp_path):
    w = _supervised(qtbot, tmp_path)
    panel = w.counter.review
    try:
        _find(qtbot, w, w.codes["bad"])
        _matter(qtbot, w, "procurement")
        assert panel.output.result.outcome == "prohibit"
        assert panel.final_combo.currentIndex() == -1  # empty until the officer chooses
        panel.final_combo.setCurrentIndex(panel.final_combo.findData("normal"))
        assert panel.category_combo.isVisibleTo(panel) and panel.approval_row.isVisibleTo(panel)
        panel.reason_edit.setPlainText("x")  # the one-letter reason of issue 11
        assert not panel.finalise_button.isEnabled() and "理由类别" in panel.missing_label.text()
        panel.category_combo.setCurrentIndex(panel.category_combo.findData("repaired"))
        assert not panel.finalise_button.isEnabled() and "至少 10 个字" in panel.missing_label.text()
        panel.reason_edit.setPlainText("撤销决定书已核对，平台尚未同步撤销")
        assert panel.finalise_button.isEnabled() and panel.finalise_button.text() == "保存为待复核"

        # the supervisor signs in on this window; the officer's own account cannot approve
        panel.request_approval()
        dialog = panel.approval_dialog
        dialog.name_edit.setText("zhangsan")
        dialog.password_edit.setText("Secret-pass-1")
        with qtbot.waitSignal(dialog.attempted, timeout=10000):  # the sign-in is checked off the GUI thread
            dialog.try_approve()
        assert "不是科室负责人" in dialog.error_label.text() and panel.wf.approval_status() == "pending"
        dialog.name_edit.setText("kezhang")
        dialog.password_edit.setText("wrong")
        with qtbot.waitSignal(dialog.attempted, timeout=10000):
            dialog.try_approve()
        assert dialog.error_label.text() and panel.wf.approval_status() == "pending"
        dialog.password_edit.setText("Secret-pass-1")
        dialog.note_edit.setText("现场核对原件")
        with qtbot.waitSignal(dialog.attempted, timeout=10000):
            dialog.try_approve()
        assert panel.wf.approval_status() == "approved" and "王科长" in panel.approval_label.text()
        assert panel.finalise_button.text() == "完成核查并保存"
        with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
            panel.finalise()
        review = saved.args[0]
        assert review.override_status == "approved" and review.effective_outcome == "normal"
        assert review.override.decided_by == "kezhang" and review.officer == "zhangsan"
        trail = [(e.action, e.actor) for e in w.ctx_.audit.entries() if e.target == review.id]
        assert sorted(trail) == [("override_approve", "kezhang"), ("review", "zhangsan")]

        # Esc: the next applicant starts a new review — nothing carries over
        w.counter.clear()
        assert panel.matter_code() is None and panel.final_combo.currentIndex() == -1
        assert panel.reason_edit.toPlainText() == "" and panel.category_combo.currentIndex() == -1
        assert panel.wf.inputs.approval is None and panel.saved_review is None

        # without approval: saved as 待复核, the computed conclusion stands
        _find(qtbot, w, w.codes["bad"])
        _matter(qtbot, w, "procurement")
        panel.final_combo.setCurrentIndex(panel.final_combo.findData("normal"))
        panel.category_combo.setCurrentIndex(panel.category_combo.findData("repaired"))
        panel.reason_edit.setPlainText("撤销决定书已核对，平台尚未同步撤销")
        with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
            panel.finalise()
        pending = saved.args[0]
        assert pending.override_status == "pending" and pending.effective_outcome == "prohibit"
        assert "待复核" in panel.saved_label.text()

        # lock: the review starts over too
        assert w.lock()
        assert panel.applicant is None and panel.matter_code() is None and panel.saved_review is None
    finally:
        w.runner.wait(5000)
        w.ctx_.close()


def test_the_supervisors_sign_in_is_checked_off_the_gui_thread_with_the_dialog_busy(qtbot, tmp_path):
    """The approver's sign-in (scrypt and a login entry) runs on the task runner, as the login dialog's does:
    until its answer arrives the dialog is busy — 批准 disabled, the fields read-only — and nothing is approved."""
    from sqlalchemy import func, select

    from creditdesk.db import models

    w = _supervised(qtbot, tmp_path)
    panel = w.counter.review
    audit = models.AuditEntry.__table__
    try:
        _find(qtbot, w, w.codes["bad"])
        _matter(qtbot, w, "procurement")
        panel.final_combo.setCurrentIndex(panel.final_combo.findData("normal"))
        panel.category_combo.setCurrentIndex(panel.category_combo.findData("repaired"))
        panel.reason_edit.setPlainText("撤销决定书已核对，平台尚未同步撤销")
        panel.request_approval()
        dialog = panel.approval_dialog
        dialog.name_edit.setText("kezhang")
        dialog.password_edit.setText("Secret-pass-1")
        dialog.try_approve()
        # returned at once: the answer is posted to the GUI thread later, so it cannot have arrived yet
        assert dialog.busy and not dialog.ok_button.isEnabled()
        assert dialog.name_edit.isReadOnly() and dialog.password_edit.isReadOnly() and dialog.note_edit.isReadOnly()
        assert dialog.password_edit.text() == "" and "正在核对" in dialog.error_label.text()
        assert panel.wf.approval_status() == "pending"
        dialog.try_approve()  # pressed again while busy: ignored (one sign-in, one login entry)
        with qtbot.waitSignal(dialog.attempted, timeout=10000) as got:
            pass
        assert got.args == [""] and not dialog.busy and dialog.result() == dialog.DialogCode.Accepted
        assert panel.wf.approval_status() == "approved" and panel.wf.inputs.approval.supervisor == "kezhang"
        w.runner.wait(5000)
        with w.ctx_.engine.connect() as conn:
            logins = conn.execute(select(func.count()).select_from(audit).where(
                audit.c.action == "login", audit.c.actor == "kezhang")).scalar_one()  # fmt: skip
        assert logins == 1

        # cancelled while the sign-in runs: its answer approves nothing
        panel.final_combo.setCurrentIndex(panel.final_combo.findData("strict"))
        panel.final_combo.setCurrentIndex(panel.final_combo.findData("normal"))
        assert panel.wf.approval_status() == "pending"
        panel.request_approval()
        dialog = panel.approval_dialog
        dialog.name_edit.setText("kezhang")
        dialog.password_edit.setText("Secret-pass-1")
        dialog.try_approve()
        dialog.reject()
        w.runner.wait(5000)
        qtbot.wait(50)
        assert panel.wf.approval_status() == "pending"
    finally:
        w.runner.wait(5000)
        w.ctx_.close()


def test_agent_signer_is_asked_for_authority_and_it_reaches_the_slips(qtbot, kunshan):
    w, panel = kunshan, kunshan.counter.review
    _find(qtbot, w, w.codes["clean"])
    _matter(qtbot, w, "other")
    panel.signer_edit.setText("李四")
    panel.role_buttons["agent"].setChecked(True)
    assert panel.authority_row.isVisibleTo(panel)
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        panel.paper_signed.setChecked(True)
    panel.adopt_computed()
    assert not panel.finalise_button.isEnabled() and "委托" in panel.missing_label.text()
    panel.principal_edit.setText("陈大明")
    panel.authority_edit.setText("授权委托书（2026年11月19日）")
    assert panel.finalise_button.isEnabled()
    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        panel.finalise()
    review = saved.args[0]
    assert (review.commitment.principal, review.commitment.authority) == ("陈大明", "授权委托书（2026年11月19日）")
    slip = review_adapter.commitment_slip(review, panel.saved_state)
    assert slip.principal == "陈大明" and slip.authority == "授权委托书（2026年11月19日）"
    # the commitment's text, number and signing date carry the same day
    assert "2026年11月20日" in review.commitment.template_text
    assert review.commitment.number.startswith("CN-20261120-") and review.commitment.signed_at.startswith("2026-11-20")


def test_matter_type_ahead_highlights_and_enter_confirms(qtbot, fuzhou):
    w, panel = fuzhou, fuzhou.counter.review
    _find(qtbot, w, w.codes["clean"])
    panel.focus_matter()
    qtbot.keyClicks(panel.matter_combo, "zfcg")  # pinyin initials of 政府采购
    assert panel.matter_combo.currentData() == "procurement"  # highlighted ...
    assert panel.matter_code() is None and panel.output is None  # ... but nothing chosen or evaluated
    assert "回车确认" in panel.matter_hint.text()
    qtbot.wait(300)
    assert panel.output is None and panel.step_state("record_check") == "open"
    qtbot.keyClick(panel.matter_combo, Qt.Key.Key_Down)  # ↓ moves the highlight, still not chosen
    assert panel.matter_code() is None
    qtbot.keyClick(panel.matter_combo, Qt.Key.Key_Up)
    with qtbot.waitSignal(panel.evaluated, timeout=5000):
        qtbot.keyClick(panel.matter_combo, Qt.Key.Key_Return)
    assert panel.matter_code() == "procurement" and "已选：政府采购" in panel.matter_hint.text()
