"""The platform token lives only in the credential store (or the environment), never on disk or in logs."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from creditdesk.demo.city import DemoCity
from creditdesk.platform.credentials import TOKEN_ENV, forget_token, get_token, store_token
from creditdesk_platform.server import PlatformServer

TOKEN = "tok-Zq8-very-secret-4711"


def files_containing(root: Path, needle: str) -> list[Path]:
    found = []
    for path in root.rglob("*"):
        if path.is_file() and needle.encode() in path.read_bytes():
            found.append(path)
    return found


def test_token_round_trip_through_the_credential_store(monkeypatch):
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    store_token("https://credit.example.gov.cn/exchange", "ws-1", TOKEN)
    assert get_token("https://credit.example.gov.cn/exchange", "ws-1") == TOKEN
    assert get_token("https://credit.example.gov.cn/exchange", "ws-2") is None  # per workstation
    monkeypatch.setenv(TOKEN_ENV, "from-the-environment")
    assert get_token("https://credit.example.gov.cn/exchange", "ws-1") == "from-the-environment"
    monkeypatch.delenv(TOKEN_ENV)
    forget_token("https://credit.example.gov.cn/exchange", "ws-1")
    assert get_token("https://credit.example.gov.cn/exchange", "ws-1") is None


@pytest.fixture
def server(tmp_path):
    city = DemoCity(subjects=80, seed=9, as_of=dt.date(2026, 11, 20))
    srv = PlatformServer.for_city(city, state_dir=tmp_path / "platform", token=TOKEN)
    srv.start()
    yield srv
    srv.close()


def run(*args: str, env: dict | None = None, stdin: str | None = None) -> subprocess.CompletedProcess:
    full_env = {k: v for k, v in os.environ.items() if k != TOKEN_ENV}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "creditdesk", *args], capture_output=True, text=True,
                          env=full_env, input=stdin, timeout=120)  # fmt: skip


def test_connect_sync_and_errors_never_write_the_token(tmp_path, server):
    home = tmp_path / "home"
    env = {TOKEN_ENV: TOKEN}
    r = run("--home", str(home), "platform", "connect", server.base_url, "--client-id", "ws-7", env=env)
    assert r.returncode == 0, r.stderr
    r = run("--home", str(home), "sync", "--json", env=env)
    assert r.returncode == 0, r.stderr
    server.token = "rotated-by-the-credit-office"  # now ours is refused: a 401 with our token in flight
    r = run("--home", str(home), "sync", env=env)
    assert r.returncode == 1 and "令牌" in r.stderr
    for output in (r.stdout, r.stderr):
        assert TOKEN not in output
    assert files_containing(home, TOKEN) == []
    log = (home / "logs" / "creditdesk.log").read_text(encoding="utf-8")
    assert "sync" in log or "platform" in log  # the log was written, just without the token


def test_the_settings_page_stores_the_token_and_clears_the_field(qtbot, tmp_path, server, monkeypatch):
    from creditdesk.app import open_app
    from creditdesk.ui.main_window import MainWindow

    monkeypatch.delenv(TOKEN_ENV, raising=False)
    ctx = open_app(tmp_path / "home")
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    page = w.settings_page
    page.platform_url.setText(server.base_url)
    page.client_id.setText("ws-gui")
    page.token.setText(TOKEN)
    with qtbot.waitSignal(page.connected, timeout=15000) as connected:
        page.connect_button.click()
        assert page.token.text() == ""  # the secret leaves the widget at once
    assert isinstance(connected.args[0], dict), connected.args[0]
    assert keyring.get_password("CreditDesk platform token", f"ws-gui@{server.base_url}") == TOKEN
    assert ctx.settings.platform_url == server.base_url
    assert TOKEN not in (ctx.paths.config_file.read_text(encoding="utf-8"))
    assert "已连接" in page.connect_status.text()
    w.runner.wait(5000)
    ctx.close()
    assert files_containing(tmp_path / "home", TOKEN) == []
