"""Signing in, the idle lock, account administration and attribution in the GUI (offscreen, real SQLite)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from creditdesk.app import open_app
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.ui import review_adapter
from creditdesk.ui.accounts_widget import AccountFormDialog
from creditdesk.ui.login_dialog import LoginDialog, SignInFlow
from creditdesk.ui.main_window import MainWindow
from creditdesk.ui.tasks import TaskRunner
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number

DAY = dt.date(2026, 11, 20)
PASSWORD = "Window-2026"


@pytest.fixture
def ctx(tmp_path):
    c = open_app(tmp_path / "home")
    yield c
    c.close()


def _accounts(ctx) -> None:  # noqa: ANN001
    admin = ctx.accounts.create("admin", "admin", PASSWORD, display_name="李管理", by=None)
    ctx.accounts.create("zhangsan", "officer", PASSWORD, display_name="张三", by=admin)
    return admin


def _actions(ctx, action: str) -> list:  # noqa: ANN001
    ctx.audit_queue.flush(10)  # lookups, views, lock and logout are written by the audit queue
    return ctx.audit.entries(action=action)


def _flow(qtbot, ctx):  # noqa: ANN001, ANN202
    runner = TaskRunner()
    flow = SignInFlow(ctx, runner)
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=5000)
    qtbot.addWidget(flow.dialog)
    return flow, runner


def _window(qtbot, ctx, user=None):  # noqa: ANN001, ANN202
    if user is not None:
        ctx.user = user
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    return w


# -- signing in -------------------------------------------------------------------------


def test_login_wrong_password_then_right_opens_the_window_signed_in(qtbot, ctx):
    _accounts(ctx)
    flow, runner = _flow(qtbot, ctx)
    dialog = flow.dialog
    assert isinstance(dialog, LoginDialog)
    assert not dialog.demo_label.isVisible()  # outside demo mode nobody is told the demo passwords
    assert dialog.error_label.text() == "" and dialog.login_button.isEnabled()

    dialog.name_edit.setText("zhangsan")
    dialog.password_edit.setText("wrong-password")
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)  # Enter signs in
    assert failed.args[0] == "用户名或密码错误"
    assert dialog.error_label.text() == "用户名或密码错误"
    assert "#b3261e" in dialog.error_label.styleSheet()  # in red
    assert dialog.isVisible() and ctx.user is None
    assert dialog.password_edit.text() == ""

    dialog.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(flow.finished, timeout=5000) as finished:
        dialog.login_button.click()
    actor = finished.args[0]
    assert actor.name == "zhangsan" and actor.role == "officer"
    assert ctx.user == actor
    assert not dialog.isVisible()

    w = _window(qtbot, ctx)
    assert w.user_label.text() == "张三 · 经办人"
    assert w.sign_out_button.isVisible()
    assert [e.target for e in _actions(ctx, "login_failed")] == ["zhangsan"]
    assert [e.actor for e in _actions(ctx, "login")] == ["zhangsan"]
    w.runner.wait(5000)
    runner.wait(5000)


def test_lockout_message_and_cancel_quits(qtbot, ctx):
    _accounts(ctx)
    flow, runner = _flow(qtbot, ctx)
    dialog = flow.dialog
    dialog.name_edit.setText("zhangsan")
    for _ in range(5):
        dialog.password_edit.setText("nope-nope")
        with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
            dialog.submit()
    assert "账户已锁定" in failed.args[0]
    dialog.password_edit.setText(PASSWORD)  # the right one, but locked out
    with qtbot.waitSignal(dialog.failed, timeout=5000) as failed:
        dialog.submit()
    assert "分钟后再试" in dialog.error_label.text()
    with qtbot.waitSignal(flow.finished, timeout=2000) as finished:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc quits
    assert finished.args[0] is None and ctx.user is None
    runner.wait(5000)


def test_window_without_accounts_says_so(qtbot, ctx):
    w = _window(qtbot, ctx)
    qtbot.waitUntil(lambda: w.user_label.text() == "未登录（无账户）", timeout=3000)
    assert not w.sign_out_button.isVisible()
    assert not w.lock()  # nobody to lock for
    assert w.counter.isVisible()
    w.runner.wait(5000)


def test_demo_mode_creates_and_names_the_demo_accounts(qtbot, tmp_path):
    ctx = open_app(tmp_path / "demo-home", demo=True)
    try:
        flow, runner = _flow(qtbot, ctx)
        dialog = flow.dialog
        assert dialog.demo_label.isVisible()
        for text in ("demo-officer", "demo-supervisor", "demo-admin", "密码均为 demo"):
            assert text in dialog.demo_label.text()
        qtbot.waitUntil(dialog.login_button.isEnabled, timeout=10000)  # the demo accounts exist now
        assert {a.name for a in ctx.accounts.list()} == {"demo-officer", "demo-supervisor", "demo-admin"}
        dialog.name_edit.setText("demo-supervisor")
        dialog.password_edit.setText("demo")
        with qtbot.waitSignal(flow.finished, timeout=5000) as finished:
            qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
        assert finished.args[0].role == "supervisor"
        runner.wait(5000)
    finally:
        ctx.close()


def test_first_start_creates_the_administrator_and_signs_in(qtbot, ctx):
    flow, runner = _flow(qtbot, ctx)
    dialog = flow.dialog
    assert isinstance(dialog, AccountFormDialog)
    assert dialog.windowTitle() == "创建系统管理员"
    dialog.name_edit.setText("wanggl")
    dialog.display_edit.setText("王管理")
    dialog.password_edit.setText(PASSWORD)
    dialog.password2_edit.setText(PASSWORD + "x")
    dialog.submit()
    assert dialog.error_label.text() == "两次输入的密码不一致"
    dialog.password_edit.setText("short")
    dialog.password2_edit.setText("short")
    dialog.submit()
    assert dialog.error_label.text() == "密码至少 8 位"
    assert not ctx.accounts.accounts_exist()

    dialog.password_edit.setText(PASSWORD)
    dialog.password2_edit.setText(PASSWORD)
    with qtbot.waitSignal(flow.finished, timeout=5000) as finished:
        dialog.ok_button.click()
    actor = finished.args[0]
    assert (actor.name, actor.display_name, actor.role) == ("wanggl", "王管理", "admin")
    assert ctx.user == actor
    [info] = ctx.accounts.list()
    assert info.role == "admin" and info.last_login_at is not None
    assert [e.target for e in _actions(ctx, "account_create")] == ["wanggl"]
    assert [e.actor for e in _actions(ctx, "login")] == ["wanggl"]
    runner.wait(5000)


# -- the idle lock --------------------------------------------------------------------------


def test_lock_hides_the_counter_and_only_the_right_password_unlocks(qtbot, ctx):
    _accounts(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    assert w.counter.isVisible()
    with qtbot.waitSignal(w.idle_lock.locked, timeout=2000):
        assert w.lock()
    assert not w.counter.isVisible() and not w.nav.isVisible()
    screen = w.idle_lock.screen
    assert screen.isVisible()
    assert screen.title_label.text() == "已锁定 — 张三（经办人）"

    screen.password_edit.setText("wrong-password")
    with qtbot.waitSignal(w.idle_lock.unlock_failed, timeout=5000) as failed:
        qtbot.keyClick(screen.password_edit, Qt.Key.Key_Return)
    assert failed.args[0] == "密码错误"
    assert w.idle_lock.is_locked and not w.counter.isVisible()
    assert screen.error_label.text() == "密码错误"

    screen.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(w.idle_lock.unlocked, timeout=5000):
        screen.unlock_button.click()
    assert w.counter.isVisible() and not screen.isVisible()
    w.runner.wait(5000)
    assert [e.actor for e in _actions(ctx, "lock")] == ["zhangsan"]
    assert _actions(ctx, "lock")[0].detail == {"reason": "manual"}
    assert [e.actor for e in _actions(ctx, "unlock")] == ["zhangsan"]
    assert [e.detail["via"] for e in _actions(ctx, "login_failed")] == ["unlock"]


def test_idle_time_locks_and_hides_open_dialogs(qtbot, ctx):
    _accounts(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    w.counter.open_verify()
    dialog = w.counter.verify_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    with qtbot.waitSignal(w.idle_lock.locked, timeout=3000):
        w.idle_lock.set_interval_ms(150)  # no input from here on
    assert not dialog.isVisible()  # no data left on screen in a dialog either
    w.runner.wait(5000)
    assert _actions(ctx, "lock")[0].detail == {"reason": "idle"}
    w.idle_lock.screen.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(w.idle_lock.unlocked, timeout=5000):
        w.idle_lock.screen.unlock_button.click()
    assert dialog.isVisible()  # back as it was
    dialog.close()
    w.idle_lock.set_interval_ms(0)  # 0 = never
    qtbot.wait(300)
    assert not w.idle_lock.is_locked
    w.runner.wait(5000)


def test_ctrl_alt_l_locks_at_once(qtbot, ctx):
    _accounts(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(w.idle_lock.locked, timeout=2000):
        qtbot.keyClick(w.counter.query_edit, Qt.Key.Key_L,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)  # fmt: skip
    assert w.idle_lock.is_locked and not w.counter.isVisible()
    w.runner.wait(5000)


def test_sign_out_clears_the_counter_and_switches_user(qtbot, ctx, tmp_path):
    admin = _accounts(ctx)
    feed = Feed()
    person = feed.person("林小梅", id_number(7))
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply([person], Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(id_number(7))
    assert "林小梅" in w.counter.profile_view.toPlainText()

    w.sign_out()
    assert ctx.user is None and w.user_label.text() == "未登录"
    assert "林小梅" not in w.counter.profile_view.toPlainText()
    assert w.counter.query_edit.text() == "" and w.counter.results.count() == 0
    assert w.counter.review.applicant is None
    assert not w.counter.isVisible()
    login = w.login_dialog
    qtbot.waitUntil(login.isVisible, timeout=2000)
    login.name_edit.setText("admin")
    login.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(w.user_changed, timeout=5000) as changed:
        login.submit()
    assert changed.args[0] == admin
    assert w.user_label.text() == "李管理 · 系统管理员"
    assert w.counter.isVisible() and not w.idle_lock.is_locked
    w.runner.wait(5000)
    assert [e.actor for e in _actions(ctx, "logout")] == ["zhangsan"]


# -- settings and accounts ---------------------------------------------------------------------


def test_officer_sees_the_settings_read_only(qtbot, ctx):
    _accounts(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    w.nav.setCurrentRow(w.pages.indexOf(w.settings_page))
    page = w.settings_page
    assert page.readonly_note.isVisible()
    assert "只有系统管理员可以修改设置" in page.readonly_note.text() and "张三（经办人）" in page.readonly_note.text()
    assert page.unit_name.isReadOnly() and not page.save_button.isEnabled()
    assert not page.connect_button.isEnabled() and not page.idle_minutes.isEnabled()
    assert not page.tabs.isTabVisible(page.accounts_tab)
    before = ctx.paths.config_file.read_text(encoding="utf-8")
    page.unit_name.setText("别的单位")
    page.save()  # refused even if called
    assert ctx.settings.unit_name != "别的单位"
    assert ctx.paths.config_file.read_text(encoding="utf-8") == before
    w.runner.wait(5000)
    assert _actions(ctx, "settings_change") == []


def test_admin_saves_settings_audited_with_old_and_new_values(qtbot, ctx, tmp_path):
    admin = _accounts(ctx)
    w = _window(qtbot, ctx, admin)
    page = w.settings_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    assert not page.readonly_note.isVisible() and page.save_button.isEnabled()
    assert page.tabs.isTabVisible(page.accounts_tab)
    old_unit = ctx.settings.unit_name
    page.unit_name.setText("鼓楼区行政服务中心")
    page.idle_minutes.setValue(10)
    with qtbot.waitSignal(page.audited, timeout=5000):
        page.save_button.click()
    [entry] = _actions(ctx, "settings_change")
    assert entry.actor == "admin"
    assert entry.detail["changes"] == {
        "unit_name": {"old": old_unit, "new": "鼓楼区行政服务中心"},
        "idle_lock_minutes": {"old": 5, "new": 10},
    }
    assert w.idle_lock.interval_ms == 10 * 60_000
    again = open_app(tmp_path / "home")
    assert again.settings.unit_name == "鼓楼区行政服务中心" and again.settings.idle_lock_minutes == 10
    again.close()
    w.runner.wait(5000)


def test_admin_manages_accounts(qtbot, ctx):
    admin = _accounts(ctx)
    w = _window(qtbot, ctx, admin)
    page = w.settings_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    accounts = page.accounts
    with qtbot.waitSignal(accounts.loaded, timeout=5000) as loaded:
        page.show_accounts()
    assert [i.name for i in loaded.args[0]] == ["admin", "zhangsan"]
    assert accounts.table.item(1, 1).text() == "张三" and accounts.table.item(1, 2).text() == "经办人"

    dialog = accounts.create_account()
    dialog.name_edit.setText("lisi")
    dialog.display_edit.setText("李四")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData("supervisor"))
    dialog.password_edit.setText("lisi")
    dialog.password2_edit.setText("lisi")
    dialog.submit()
    assert dialog.error_label.text() == "密码至少 8 位"
    dialog.password_edit.setText(PASSWORD)
    dialog.password2_edit.setText(PASSWORD)
    with qtbot.waitSignal(accounts.loaded, timeout=5000):
        dialog.submit()
    lisi = ctx.accounts.get("lisi")
    assert (lisi.display_name, lisi.role) == ("李四", "supervisor")
    assert "已创建账户 lisi" in accounts.status.text()

    accounts.select("lisi")
    with qtbot.waitSignal(accounts.loaded, timeout=5000):
        accounts.change_role("officer")
    assert ctx.accounts.get("lisi").role == "officer"

    accounts.select("lisi")
    with qtbot.waitSignal(accounts.loaded, timeout=5000):
        accounts.toggle_disabled()
    assert ctx.accounts.info("lisi").disabled
    accounts.select("lisi")
    assert accounts.disable_button.text() == "启用"
    assert accounts.table.item(accounts.table.currentRow(), 4).text() == "已停用"

    accounts.select("zhangsan")
    pw = accounts.reset_password()
    pw.password_edit.setText("New-Pass-2026")
    pw.password2_edit.setText("New-Pass-2026")
    with qtbot.waitSignal(accounts.loaded, timeout=5000):
        pw.submit()
    assert ctx.accounts.check_password("zhangsan", "New-Pass-2026")

    accounts.select("admin")  # the last administrator cannot be disabled: the refusal is shown
    with qtbot.waitSignal(accounts.failed, timeout=5000) as failed:
        accounts.toggle_disabled()
    assert "最后一个" in failed.args[0] and accounts.status.text() == failed.args[0]
    assert not ctx.accounts.info("admin").disabled
    w.runner.wait(5000)
    changes = [(e.actor, e.target, e.detail.get("change")) for e in _actions(ctx, "account_change")]
    assert changes == [("admin", "lisi", "role"), ("admin", "lisi", "disable"), ("admin", "zhangsan", "password")]


# -- attribution at the counter -------------------------------------------------------------------


def _city(ctx):  # noqa: ANN001, ANN202
    feed = Feed()
    clean = feed.company("福州顺心科技有限公司")
    person = feed.person("林小梅", id_number(7))
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply([clean, person], Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    return clean["id"], person["id"]


def test_lookup_and_profile_view_are_audited_for_the_user(qtbot, ctx):
    _accounts(ctx)
    _clean, person_id = _city(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(id_number(7))
    w.runner.wait(5000)
    [lookup] = _actions(ctx, "lookup")
    assert lookup.actor == "zhangsan"
    assert lookup.detail == {"kind": "id_number", "hits": 1}
    assert lookup.target == id_number(7)[:2] + "************" + id_number(7)[-4:]
    [view] = _actions(ctx, "profile_view")
    assert (view.actor, view.target) == ("zhangsan", person_id)
    with ctx.engine.connect() as conn:
        from sqlalchemy import text

        rows = conn.execute(text("select target, detail from audit_entry")).all()
    assert not any(id_number(7) in (t or "") + (d or "") for t, d in rows)  # never the full ID number


def test_review_is_attributed_to_the_signed_in_account(qtbot, ctx):
    _accounts(ctx)
    clean_id, _person = _city(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    panel = w.counter.review
    qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
    with qtbot.waitSignal(w.counter.profile_shown, timeout=5000):
        w.counter.query_edit.setText(clean_id)
    qtbot.waitUntil(lambda: panel.applicant is not None, timeout=5000)
    panel.matter_combo.setCurrentIndex(panel.matter_combo.findData("other"))
    qtbot.waitUntil(lambda: panel.step_state("record_check") == "done", timeout=5000)
    panel.adopt_computed()
    qtbot.waitUntil(panel.finalise_button.isEnabled, timeout=5000)
    with qtbot.waitSignal(panel.saved, timeout=10000) as saved:
        panel.finalise_button.click()
    review = saved.args[0]
    assert review.officer == "zhangsan"
    w.runner.wait(5000)
    [entry] = _actions(ctx, "review")  # written in the review's own transaction
    assert (entry.actor, entry.target) == ("zhangsan", review.id)
    assert entry.detail == {"matter": "other", "outcome": review.final_outcome,
                            "computed_outcome": review.computed_outcome,
                            "verification_code": review.verification_code}  # fmt: skip
    slip = review_adapter.review_slip(review, panel.saved_state, ctx.settings)
    assert slip.officer == "张三"  # the slip shows the person, the record keeps the login name
    QApplication.processEvents()


def test_switch_account_from_the_lock_screen(qtbot, ctx):
    admin = _accounts(ctx)
    w = _window(qtbot, ctx, ctx.accounts.get("zhangsan"))
    assert w.lock()
    w.idle_lock.screen.switch_button.click()
    assert ctx.user is None and w.idle_lock.is_locked
    assert w.idle_lock.screen.title_label.text() == "已退出登录"
    assert not w.idle_lock.screen.password_edit.isVisible()
    login = w.login_dialog
    login.reject()  # cancelled: the window stays covered, with a way to sign in
    assert w.idle_lock.is_locked and not w.counter.isVisible()
    w.idle_lock.screen.login_button.click()
    login = w.login_dialog
    qtbot.waitUntil(login.isVisible, timeout=2000)
    login.name_edit.setText("admin")
    login.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(w.idle_lock.unlocked, timeout=5000):
        qtbot.keyClick(login.password_edit, Qt.Key.Key_Return)
    assert ctx.user == admin and w.counter.isVisible()
    w.runner.wait(5000)
    assert [e.actor for e in _actions(ctx, "logout")] == ["zhangsan"]
    assert [e.actor for e in _actions(ctx, "login")] == ["admin"]


def test_admin_who_demotes_themself_loses_the_admin_tabs(qtbot, ctx):
    admin = _accounts(ctx)
    ctx.accounts.create("admin2", "admin", PASSWORD, display_name="第二管理员", by=admin)
    w = _window(qtbot, ctx, admin)
    page = w.settings_page
    w.nav.setCurrentRow(w.pages.indexOf(page))
    with qtbot.waitSignal(page.accounts.loaded, timeout=5000):
        page.show_accounts()
    page.accounts.select("admin")
    with qtbot.waitSignal(w.user_changed, timeout=5000) as changed:
        page.accounts.change_role("supervisor")
    assert changed.args[0].role == "supervisor" and ctx.user.role == "supervisor"
    assert w.user_label.text() == "李管理 · 科室负责人"
    assert not page.tabs.isTabVisible(page.accounts_tab) and page.readonly_note.isVisible()
    w.runner.wait(5000)
