"""The sync page, offscreen: sync from the reference platform, see the status bar change, stay responsive."""

from __future__ import annotations

import datetime as dt

import pytest

from creditdesk.app import open_app
from creditdesk.demo.city import DemoCity
from creditdesk.ui.main_window import MainWindow
from creditdesk_platform.server import PlatformServer

CITY = DemoCity(subjects=300, seed=21, as_of=dt.date(2026, 11, 20))


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer.for_city(CITY, state_dir=tmp_path / "platform", token="gui-token")
    srv.start()
    yield srv
    srv.close()


@pytest.fixture
def window(qtbot, tmp_path, server, monkeypatch):
    monkeypatch.setenv("CREDITDESK_PLATFORM_TOKEN", "gui-token")
    ctx = open_app(tmp_path / "home")
    ctx.settings.platform_url, ctx.settings.platform_client_id = server.base_url, "ws-gui"
    ctx.settings.sync_page_size = 200
    w = MainWindow(ctx, today=dt.date(2026, 11, 20))
    qtbot.addWidget(w)
    w.show()
    yield w
    w.runner.wait(10000)
    ctx.close()


def test_sync_from_the_page_updates_data_and_status_bar(qtbot, window, server):
    window.nav.setCurrentRow(window.pages.indexOf(window.sync_page))
    assert window.pages.currentWidget() is window.sync_page
    qtbot.waitUntil(lambda: "本地尚无信用数据" in window.data_label.text(), timeout=5000)
    qtbot.waitUntil(window.sync_page.sync_button.isEnabled, timeout=5000)  # the page knows the platform
    with qtbot.waitSignal(window.sync_page.sync_finished, timeout=30000) as finished:
        window.sync_page.sync_button.click()
    result = finished.args[0]
    assert not isinstance(result, BaseException), result
    assert result.seq == server.high_water
    qtbot.waitUntil(lambda: f"平台数据序号 {server.high_water}" == window.data_label.toolTip(), timeout=5000)
    assert "数据截至" in window.data_label.text() and "seq" not in window.data_label.text()
    qtbot.waitUntil(lambda: "在线" in window.platform_label.text(), timeout=5000)
    assert "同步完成" in window.sync_page.message.text()


def test_a_failed_sync_shows_the_reason_and_the_counter_keeps_working(qtbot, window, server):
    server.token = "rotated"  # our token is no longer valid
    with qtbot.waitSignal(window.sync_page.sync_finished, timeout=30000) as finished:
        window.sync_page.start_sync()
    assert isinstance(finished.args[0], Exception)
    assert "令牌" in window.sync_page.message.text()
    assert "gui-token" not in window.sync_page.message.text()
    qtbot.waitUntil(lambda: "出错" in window.platform_label.text(), timeout=5000)


def test_cancel_stops_a_sync_and_keeps_committed_pages(qtbot, window, server):
    server.misbehaviour.slow_seconds = 0.15
    window.sync_page.start_sync()
    qtbot.waitUntil(lambda: window.sync_page.progress.maximum() > 0 and window.sync_page.progress.value() > 0,
                    timeout=20000)
    with qtbot.waitSignal(window.sync_page.sync_finished, timeout=30000) as finished:
        window.sync_page.cancel()
    assert "取消" in str(finished.args[0])
    window.refresh_position()
    qtbot.waitUntil(lambda: window.data_label.toolTip().startswith("平台数据序号 "), timeout=5000)
    seq = int(window.data_label.toolTip().split("平台数据序号 ")[1].split()[0])
    assert 0 < seq < server.high_water


def test_a_sync_while_another_window_syncs_says_so_and_changes_nothing(qtbot, window, server, tmp_path):
    import os

    from creditdesk.db.sync_lock import BUSY_MESSAGE, sync_lock

    qtbot.waitUntil(window.sync_page.sync_button.isEnabled, timeout=5000)
    window.nav.setCurrentRow(window.pages.indexOf(window.sync_page))
    with sync_lock(window.ctx.engine, "另一窗口的同步"):  # as another window's pass would hold it
        with qtbot.waitSignal(window.sync_page.sync_finished, timeout=30000) as finished:
            window.sync_page.sync_button.click()
        assert isinstance(finished.args[0], Exception)
        assert BUSY_MESSAGE in window.sync_page.message.text()
        assert not any("/changes" in t for _m, t, _s in server.requests)  # not a page fetched
        if os.environ.get("CREDITDESK_SHOTS"):  # a look at the page in this state (1366×768)
            window.resize(1366, 768)
            qtbot.wait(200)
            window.grab().save(os.path.join(os.environ["CREDITDESK_SHOTS"], "sync-busy.png"))
    assert window.sync_page.sync_button.isEnabled()  # ready to try again
