"""The one cancel token (creditdesk/cancel.py): waits that end at once, Ctrl+C, the should_cancel bridge."""

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
    assert not token.cancelled and not token()
    token.cancel()
    token.cancel()  # idempotent
    assert token.cancelled and token()
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


def test_token_from_bridges_old_should_cancel_callables():
    assert token_from(None) is NEVER
    token = CancelToken()
    assert token_from(token) is token
    flag = {"stop": False}
    bridged = token_from(lambda: flag["stop"])
    assert not bridged.cancelled
    threading.Timer(0.1, lambda: flag.update(stop=True)).start()
    started = time.monotonic()
    assert bridged.sleep(60) is True
    assert time.monotonic() - started < 2.0
    with pytest.raises(Cancelled):
        bridged.check()


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
