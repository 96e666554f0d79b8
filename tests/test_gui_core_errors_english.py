"""The core's refusals in the window's language (issue 14 item 2), offscreen on real SQLite and a real socket.

A wrong password in the login dialog (services/accounts.py's LoginFailed), a bad code in the counter's query
box (identifiers.py's CodeError) and a sync against a port nobody listens on (platform/client.py's
fail-fast Unreachable): in English the shown text is the English sentence (from the .ts, written by hand
from the core's Chinese), in Chinese it is the core's own text, unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
import socket

import pytest
from PySide6.QtCore import Qt

from creditdesk.app import open_app
from creditdesk.identifiers import make_uscc
from creditdesk.ui.login_dialog import SignInFlow
from creditdesk.ui.main_window import MainWindow
from creditdesk.ui.tasks import TaskRunner

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
DAY = dt.date(2026, 11, 20)


@pytest.fixture(params=["en", "zh_CN"])
def language(request, qapp):
    from creditdesk.ui.i18n import DEFAULT_LOCALE, install_translators

    install_translators(qapp, request.param)
    yield request.param
    install_translators(qapp, DEFAULT_LOCALE)


@pytest.fixture
def ctx(tmp_path):
    c = open_app(tmp_path / "home")
    yield c
    c.close()


def _window(qtbot, ctx) -> MainWindow:  # noqa: ANN001
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    return w


def test_a_wrong_password_is_refused_in_the_windows_language(qtbot, ctx, language):
    admin = ctx.accounts.create("admin", "admin", "Window-2026", display_name="李管理", by=None)
    ctx.accounts.create("zhangsan", "officer", "Window-2026", display_name="张三", by=admin)
    runner = TaskRunner()
    flow = SignInFlow(ctx, runner)
    flow.start()
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=5000)
    dialog = flow.dialog
    qtbot.addWidget(dialog)
    dialog.name_edit.setText("zhangsan")
    dialog.password_edit.setText("wrong-password")
    with qtbot.waitSignal(dialog.failed, timeout=5000):
        qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    expected = {"en": "Wrong user name or password", "zh_CN": "用户名或密码错误"}[language]
    assert dialog.error_label.text() == expected
    runner.wait(5000)


def test_a_bad_code_in_the_query_box_is_named_in_the_windows_language(qtbot, ctx, language):
    w = _window(qtbot, ctx)
    good = make_uscc("91350100MA0000001")
    wrong = "0" if good[17] != "0" else "1"
    edit = w.counter.query_edit
    for typed, en, zh in [
        (good[:8] + "I" + good[9:],
         "Character 9 (“I”) is not allowed: credit codes do not use I, O, Z, S, V",
         "第9位字符“I”不合法：统一社会信用代码不使用 I、O、Z、S、V"),
        (good[:17] + wrong,
         f"Wrong check character: the 18th should be “{good[17]}”, not “{wrong}”",
         f"校验码错误：第18位应为“{good[17]}”，输入为“{wrong}”"),
    ]:  # fmt: skip
        edit.clear()
        qtbot.keyClicks(edit, typed)
        shown = w.counter.hint_label.text()
        assert shown == (en if language == "en" else zh)
    w.runner.wait(5000)


def test_a_sync_against_a_refused_port_says_why_in_the_windows_language(qtbot, ctx, language, monkeypatch):
    with socket.socket() as s:  # a port on 127.0.0.1 that nobody listens on once closed
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    monkeypatch.setenv("CREDITDESK_PLATFORM_TOKEN", "gui-token")
    ctx.settings.platform_url, ctx.settings.platform_client_id = f"http://127.0.0.1:{port}", "ws-gui"
    w = _window(qtbot, ctx)
    with qtbot.waitSignal(w.sync_page.sync_finished, timeout=30000) as finished:
        w.sync_page.start_sync()
    assert isinstance(finished.args[0], Exception)
    shown = w.sync_page.message.text()
    if language == "en":
        assert "Cannot connect to the platform (connection refused). Please check that the platform service is " \
               f"running, that its address and port are right (http://127.0.0.1:{port})" in shown, shown
        assert "The local data stays usable" in shown and not HAN.search(shown), shown
    else:
        assert f"同步未完成：无法连接平台（连接被拒绝）。请检查：平台服务是否在运行、地址和端口是否正确（http://127.0.0.1:{port}）" in shown
    qtbot.waitUntil(lambda: "上次错误" in w.sync_page.summary.text() or "Last error" in w.sync_page.summary.text(),
                    timeout=5000)  # fmt: skip
    summary = w.sync_page.summary.text()
    if language == "en":
        assert "Cannot connect to the platform (connection refused)" in summary, summary  # the stored last error
    else:
        assert "无法连接平台（连接被拒绝）" in summary
    # the status bar: the stored error, cut to 60 characters after translation
    expected = {"en": "● Offline/error: Cannot connect to the platform (connection refused",
                "zh_CN": "● 离线/出错：无法连接平台（连接被拒绝）"}[language]  # fmt: skip
    qtbot.waitUntil(lambda: w.platform_label.text().startswith(expected), timeout=5000)
    w.runner.wait(10000)
