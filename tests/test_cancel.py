"""The one cancel token (creditdesk/cancel.py): waits that end at once, Ctrl+C, no second convention."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from creditdesk.cancel import NEVER, CancelToken, Cancelled, cancel_on_sigint, token_from


def test_check_raises_only_after_cancel_with_the_jobs_message():
    token = CancelToken()
    token.check()  # nothing yet
    assert not token.cancelled
    assert not callable(token)  # one convention: asked as token.cancelled, never called as should_cancel()
    token.cancel()
    token.cancel()  # idempotent
    assert token.cancelled
    with pytest.raises(Cancelled) as caught:
        token.check("导入已取消，数据包中的变更一条也没有写入")
    assert str(caught.value) == "导入已取消，数据包中的变更一条也没有写入"


def test_a_cancelled_wait_ends_at_once():
    token = CancelToken()
    threading.Timer(0.1, token.cancel).start()
    started = time.monotonic()
    assert token.sleep(120) is True  # a retry wait of two minutes
    assert time.monotonic() - started < 2.0


def test_an_uncancelled_wait_waits_and_says_so():
    token = CancelToken()
    started = time.monotonic()
    assert token.sleep(0.05) is False
    assert time.monotonic() - started >= 0.04


def test_callbacks_run_once_on_cancel_and_at_once_when_late():
    token = CancelToken()
    calls: list[str] = []
    token.on_cancel(lambda: calls.append("early"))
    token.cancel()
    token.cancel()
    token.on_cancel(lambda: calls.append("late"))
    assert calls == ["early", "late"]


def test_never_cannot_be_cancelled():
    assert not NEVER.cancelled
    NEVER.check()
    with pytest.raises(RuntimeError):
        NEVER.cancel()


def test_token_from_takes_tokens_only():
    assert token_from(None) is NEVER
    token = CancelToken()
    assert token_from(token) is token
    # An old-style should_cancel callable is refused loudly, not taken as "never cancel".
    with pytest.raises(TypeError):
        token_from(lambda: True)  # type: ignore[arg-type]


def test_no_job_takes_a_should_cancel_callable():
    """One cancel convention (issue 12 item 6): the platform client, sync, outbox, bundle import,
    the applier's stream and the sync lock all take ``cancel``, a CancelToken."""
    import inspect

    from creditdesk.db.sync_lock import sync_lock
    from creditdesk.platform.bundle import import_bundle
    from creditdesk.platform.client import PlatformClient
    from creditdesk.platform.outbox import OutboxPusher
    from creditdesk.platform.session import make_client
    from creditdesk.platform.sync import SyncService
    from creditdesk.services.apply import ChangeApplier

    for fn in (PlatformClient.__init__, SyncService.run, OutboxPusher.push, import_bundle,
               ChangeApplier.apply_stream, make_client, sync_lock.__wrapped__):  # fmt: skip
        params = inspect.signature(fn).parameters
        assert "should_cancel" not in params and "cancelled" not in params, fn.__qualname__
        assert "cancel" in params, fn.__qualname__


def test_ctrl_c_cancels_the_token_then_interrupts():
    token = CancelToken()
    notices: list[int] = []
    with cancel_on_sigint(token, notice=lambda: notices.append(1)):
        os.kill(os.getpid(), signal.SIGINT)
        assert token.sleep(5) is True  # the first Ctrl+C asks the job to stop
        assert notices == [1]
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)  # the second one does not wait for a safe point
            time.sleep(5)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler
