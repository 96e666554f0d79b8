"""The one cancel token every long job takes (sync, import, exports, verify, demo seeding).

A job takes ``cancel: CancelToken | None = None`` and asks it at its safe
points — between batches, before a commit, while waiting to retry::

    def export(..., cancel: CancelToken | None = None):
        cancel = cancel or NEVER
        for batch in batches:
            cancel.check()            # raises Cancelled at a safe point
            ...
        if cancel.sleep(backoff):     # a retry wait that ends at once on cancel
            ...

Whoever started the job calls ``token.cancel()``: the GUI's cancel button and
window close (``ui/tasks.py``'s handle *is* a token), or Ctrl+C on the command
line (:func:`cancel_on_sigint`). Work done before the cancel is whatever the
job documents (kept pages for a sync, nothing for an import); ``Cancelled``
says so in its message.

This is the only convention: no job takes a ``should_cancel`` callable (a
callable passed as ``cancel`` is refused by :func:`token_from` with a
TypeError, so a caller still on the old convention fails at once, not silently
never cancelling).

Qt-free and import-free (the standard library only): it sits below every layer.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

__all__ = ["NEVER", "CancelToken", "Cancelled", "cancel_on_sigint", "token_from"]


class Cancelled(Exception):
    """A job stopped because its token was cancelled. The message says what was kept."""

    def __init__(self, message: str = "已取消") -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class CancelToken:
    """Thread-safe: cancelled from one thread (GUI, signal handler), asked from another."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._callbacks: list[Callable[[], None]] = []

    def cancel(self) -> None:
        """Ask the job to stop at its next safe point; idempotent."""
        with self._lock:
            if self._event.is_set():
                return
            self._event.set()
            callbacks, self._callbacks = self._callbacks, []
        for callback in callbacks:
            try:
                callback()
            except Exception:  # noqa: BLE001 - a callback must not keep the others from running
                import logging

                logging.getLogger(__name__).exception("cancel callback failed")

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self, message: str = "已取消") -> None:
        """Raise :class:`Cancelled` with ``message`` if the token was cancelled."""
        if self._event.is_set():
            raise Cancelled(message)

    def sleep(self, seconds: float) -> bool:
        """Wait up to ``seconds``; returns True at once when cancelled (before or during the wait)."""
        if seconds <= 0:
            return self._event.is_set()
        return self._event.wait(seconds)

    def on_cancel(self, callback: Callable[[], None]) -> None:
        """Run ``callback`` (from the cancelling thread) when cancelled; at once if already cancelled."""
        with self._lock:
            if not self._event.is_set():
                self._callbacks.append(callback)
                return
        callback()

    def __repr__(self) -> str:
        return f"<CancelToken {'cancelled' if self.cancelled else 'active'}>"


class _Never(CancelToken):
    """The token of a job nobody can cancel (the default); cancelling it is a programming error."""

    def cancel(self) -> None:
        raise RuntimeError("NEVER cannot be cancelled; give the job a CancelToken of its own")

    def sleep(self, seconds: float) -> bool:
        if seconds > 0:
            threading.Event().wait(seconds)
        return False

    def on_cancel(self, callback: Callable[[], None]) -> None:
        return None


NEVER: CancelToken = _Never()


def token_from(cancel: CancelToken | None) -> CancelToken:
    """The token for ``cancel``: itself, or NEVER for None. Anything else (an old
    ``should_cancel`` callable) is a TypeError: there is one cancel convention."""
    if cancel is None:
        return NEVER
    if isinstance(cancel, CancelToken):
        return cancel
    raise TypeError(f"cancel must be a creditdesk.cancel.CancelToken, not {type(cancel).__name__}")


@contextmanager
def cancel_on_sigint(token: CancelToken, notice: Callable[[], None] | None = None) -> Iterator[CancelToken]:
    """Ctrl+C cancels ``token`` (the job stops at its next safe point); a second Ctrl+C interrupts at once.

    Only in the main thread (where Python delivers signals); elsewhere it does nothing.
    ``notice`` is called on the first Ctrl+C (the CLI prints "正在取消…").
    """
    if threading.current_thread() is not threading.main_thread():
        yield token
        return

    def handler(signum, frame):  # noqa: ANN001, ARG001
        if token.cancelled:
            raise KeyboardInterrupt
        token.cancel()
        if notice is not None:
            notice()

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield token
    finally:
        signal.signal(signal.SIGINT, previous)
