"""Fail fast, speak plainly (issue 12.7): a platform that cannot be reached fails in <= 3 s with the
reason and what to check; only transient answers are retried; a retry wait ends at once on cancel."""

from __future__ import annotations

import datetime as dt
import io
import socket
import sys
import threading
import time

import pytest

from creditdesk.app import open_app
from creditdesk.cancel import CancelToken
from creditdesk.demo.city import DemoCity
from creditdesk.platform.client import Cancelled, PlatformClient, PlatformError, RetryPolicy, Unreachable
from creditdesk.platform.sync import SyncService
from creditdesk_platform.server import PlatformServer
from test_cli_accounts import Run

CITY = DemoCity(subjects=40, seed=9, as_of=dt.date(2026, 11, 20))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # nobody listens here once the socket is closed


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer.for_city(CITY, state_dir=tmp_path / "platform")
    srv.start()
    yield srv
    srv.close()


def test_a_refused_connection_fails_at_once_with_what_to_check():
    url = f"http://127.0.0.1:{free_port()}/exchange"
    started = time.monotonic()
    with PlatformClient(url, "ws", "t") as client:  # the default retry policy: no retries for this
        with pytest.raises(Unreachable) as err:
            client.meta()
    assert time.monotonic() - started <= 3
    assert "无法连接平台（连接被拒绝）" in str(err.value)
    assert "请检查" in str(err.value) and url in str(err.value)


def test_an_unresolvable_host_fails_at_once():
    started = time.monotonic()
    with PlatformClient("https://no-such-platform.invalid/exchange", "ws", "t") as client:
        with pytest.raises(Unreachable) as err:
            client.meta()
    assert time.monotonic() - started <= 3
    assert "无法连接平台（" in str(err.value) and "no-such-platform.invalid" in str(err.value)


def test_cli_sync_against_a_refused_platform_says_so_within_3_seconds(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    ctx = open_app(home)
    ctx.settings.platform_url, ctx.settings.platform_client_id = f"http://127.0.0.1:{free_port()}/exchange", "ws"
    ctx.save_settings()
    ctx.close()
    monkeypatch.setenv("CREDITDESK_PLATFORM_TOKEN", "t")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    run = Run(home, monkeypatch, capsys)
    started = time.monotonic()
    code, out, err = run("sync")
    assert time.monotonic() - started <= 3
    assert code == 1 and "无法连接平台（连接被拒绝）" in err and "正在连接平台" in err
    assert "中断" not in err  # it was refused, not cut


def test_an_internal_error_is_not_retried(server):
    server.misbehaviour.fail_next, server.misbehaviour.fail_status = 5, 500
    with PlatformClient(server.base_url, "ws", "test-token", retry=RetryPolicy(attempts=6, base_delay=0.01)) as c:
        with pytest.raises(PlatformError, match="HTTP 500"):
            c.meta()
    assert len(server.requests) == 1


@pytest.mark.parametrize("status", [429, 503, 504])
def test_transient_answers_are_retried_and_announced(server, status):
    server.misbehaviour.fail_next, server.misbehaviour.fail_status = 2, status
    server.misbehaviour.retry_after = "0.05"
    waits: list[str] = []
    with PlatformClient(server.base_url, "ws", "test-token", on_wait=waits.append,
                        retry=RetryPolicy(attempts=4, base_delay=0.01, max_delay=0.02)) as c:  # fmt: skip
        assert c.meta()["epoch"] == CITY.epoch
    assert len(server.requests) == 3 and len(waits) == 2
    assert f"HTTP {status}" in waits[0] and "秒后重试（第 2/4 次）" in waits[0]


def test_a_cancelled_retry_wait_ends_at_once(server, engine):
    server.misbehaviour.fail_next, server.misbehaviour.fail_status = 100, 503
    server.misbehaviour.retry_after = "60"  # the platform asks for a minute
    cancel = CancelToken()
    threading.Timer(0.5, cancel.cancel).start()
    started = time.monotonic()
    with PlatformClient(server.base_url, "ws", "test-token", cancel=cancel,
                        retry=RetryPolicy(attempts=6, max_retry_after=120)) as c:  # fmt: skip
        with pytest.raises(Cancelled):
            SyncService(engine, c).run(cancel=cancel)
    assert time.monotonic() - started < 2.5
