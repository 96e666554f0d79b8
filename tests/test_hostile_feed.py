"""The feed client against hostile platforms on 127.0.0.1 (issue 10 item 5, and the redirect).

Each server is a real socket server in a thread (tests/support/hostile.py). The
bounds are scaled down here (a deadline of seconds, a body cap of a megabyte) so
the tests are quick; benchmarks/hostile_feed.py runs the same attacks at full
size with the default bounds and reports memory and time.
"""

from __future__ import annotations

import time

import pytest

from creditdesk.platform.client import (
    PlatformClient,
    Redirected,
    ResponseTooLarge,
    RetryPolicy,
    Stalled,
    TooSlow,
    Unavailable,
)
from creditdesk.platform.sync import SyncService
from creditdesk.services.status import read_platform_status
from support import hostile

FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05, max_retry_after=0.3)
MB = 1024 * 1024


def client(server: hostile.HostileServer, **kw) -> PlatformClient:  # noqa: ANN003
    kw.setdefault("retry", FAST)
    kw.setdefault("timeout", 5.0)
    return PlatformClient(server.base_url, "ws-01", "test-token", **kw)


def test_has_more_forever_without_progress_stops_after_a_few_pages(engine):
    with hostile.hostile(hostile.stalled) as server, client(server) as c:
        with pytest.raises(Stalled) as err:
            SyncService(engine, c).run()
    changes = [r for r in server.requests if "/changes" in r]
    assert len(changes) == 5  # MAX_STALLED_PAGES, not thousands
    assert "has_more" in str(err.value) and "未推进" in str(err.value)
    # The reason is kept for the status bar and `status --json`.
    assert "未推进" in (read_platform_status(engine, server.base_url).last_error or "")


def test_pages_that_advance_are_not_counted_as_stalled():
    """Four stalled pages, then one that moves: the count starts again (no false alarm)."""
    calls = {"n": 0}

    def handle(sock, path, query):  # noqa: ANN001
        after = int(query["after"])
        calls["n"] += 1
        if calls["n"] % 5 == 0 and after < 3:
            change = {"seq": after + 1, "op": "delete", "type": "record", "id": f"R{after + 1}"}
            body = hostile.page(after, [change], has_more=after + 1 < 3)
        else:
            body = hostile.page(after, has_more=True)
        hostile._send(sock, "200 OK", body)

    with hostile.HostileServer(handle) as server, client(server) as c:
        after = 0
        while True:
            p = c.changes(after)
            after = p["next"]
            if not p["has_more"]:
                break
    assert after == 3 and calls["n"] == 15


def test_one_byte_every_few_seconds_ends_at_the_total_deadline():
    """The old client's timeout was per read: a byte every 0.3 s never tripped it."""
    with hostile.hostile(hostile.trickle_body, 0.3) as server, client(server, deadline=2.0, timeout=5.0) as c:
        started = time.monotonic()
        with pytest.raises(TooSlow) as err:
            c.changes(0)
        elapsed = time.monotonic() - started
    assert 1.9 <= elapsed < 4.0  # the deadline, once: not retried, not per read
    assert "2 秒" in str(err.value) and "过慢" in str(err.value)
    assert len([r for r in server.requests if "/changes" in r]) == 1


def test_headers_dribbled_byte_by_byte_end_at_the_deadline():
    """Before any body: the status line and headers themselves trickle in."""
    with hostile.hostile(hostile.trickle_headers, 0.2) as server, client(server, deadline=2.0) as c:
        started = time.monotonic()
        with pytest.raises(TooSlow):
            c.changes(0)
        elapsed = time.monotonic() - started
    assert 1.9 <= elapsed < 3.5


@pytest.mark.parametrize("declare_length", [False, True], ids=["chunked", "content-length"])
def test_a_huge_page_is_refused_once_it_passes_the_cap(declare_length):
    size = 200 * MB
    with hostile.hostile(hostile.huge_page, size, declare_length=declare_length) as server:
        with client(server, max_body=2 * MB, max_compressed=2 * MB) as c:
            with pytest.raises(ResponseTooLarge) as err:
                c.changes(0)
    assert "响应过大" in str(err.value)
    # Stopped early: a few megabytes read, not 200 (with a declared length, none at all).
    assert server.sent < 40 * MB
    assert len([r for r in server.requests if "/changes" in r]) == 1  # not retried


def test_a_gzip_bomb_stops_after_the_decompressed_cap():
    inflated = 10 * 1024 * MB  # 10 GB of zeros, about 10 MB on the wire
    with hostile.hostile(hostile.gzip_bomb, inflated) as server:
        with client(server, max_body=8 * MB) as c:
            started = time.monotonic()
            with pytest.raises(ResponseTooLarge) as err:
                c.changes(0)
            elapsed = time.monotonic() - started
    assert "解压后" in str(err.value)
    assert server.sent < 1 * MB  # 8 MB of zeros is ~8 KB compressed: stopped at once
    assert elapsed < 10


def test_a_redirect_is_refused_and_named_not_called_busy():
    target = "https://evil.example.com/steal?token=1"
    with hostile.HostileServer(hostile.redirect(target)) as server, client(server) as c:
        with pytest.raises(Redirected) as err:
            c.changes(0)
    message = str(err.value)
    assert "重定向" in message and "HTTP 302" in message and "evil.example.com" in message
    assert "繁忙" not in message and "token=1" not in message
    assert len([r for r in server.requests if "/changes" in r]) == 1  # not retried, not followed


def test_a_gzip_page_within_the_caps_is_read():
    """The bounded inflater reads an honest compressed page."""
    import zlib

    change = {"seq": 1, "op": "delete", "type": "record", "id": "R1"}
    body = hostile.page(0, [change], has_more=False)
    packed = zlib.compress(body, 9, wbits=31)

    def handle(sock, path, query):  # noqa: ANN001
        hostile._send(sock, "200 OK", packed, {"Content-Encoding": "gzip"})

    with hostile.HostileServer(handle) as server, client(server) as c:
        p = c.changes(0)
    assert p["changes"] == [change] and p["next"] == 1 and p["has_more"] is False


def test_an_error_body_is_read_only_for_its_message():
    """A 503 with a 100 MB body: the message part is read, the rest is not, and it is retried
    (503 is transient; a 500 is the platform's own error and fails at once, tests/test_fail_fast.py)."""

    def handle(sock, path, query):  # noqa: ANN001
        body = b'{"error": "x", "message": "' + b"y" * (100 * MB) + b'"}'
        try:
            hostile._send(sock, "503 Service Unavailable", body)
        except OSError:
            pass
        raise OSError("done")

    with hostile.HostileServer(handle) as server, client(server) as c:
        with pytest.raises(Unavailable):
            c.changes(0)
    assert len([r for r in server.requests if "/changes" in r]) == FAST.attempts


def test_a_corrupt_gzip_body_is_named_and_retried_not_a_raw_decoding_error():
    def handle(sock, path, query):  # noqa: ANN001
        hostile._send(sock, "200 OK", b"\x1f\x8b\x08\x00" + b"\xff" * 64, {"Content-Encoding": "gzip"})

    with hostile.HostileServer(handle) as server, client(server) as c:
        with pytest.raises(Unavailable) as err:
            c.changes(0)
    assert "gzip 数据已损坏" in str(err.value)
    assert len([r for r in server.requests if "/changes" in r]) == FAST.attempts
