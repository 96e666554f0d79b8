"""The one way the GUI runs work off its thread (cf. Anki's QueryOp, Picard's run_task).

``TaskRunner.run(fn, on_success, on_failure)`` runs ``fn(task)`` on a thread
pool and delivers the result or the exception to the GUI thread by signal.
``fn`` gets a ``TaskHandle`` to report progress; the handle *is* the job's
:class:`creditdesk.cancel.CancelToken`, so it is passed on as ``cancel=task``
to the service. ``fn`` must never touch a widget. A task started with a
``key`` supersedes earlier tasks with the same key: their results are dropped
(a search typed on top of an older one).

Two lanes, each its own pool, so the counter never waits behind a long job:

- ``INTERACTIVE`` (the default): lookups, the profile, review evaluation and
  saving, page reads — short work someone is waiting for;
- ``LONG``: sync, bundle import, exports, audit verify and export, batch
  checks, demo seeding. However many are started, they queue in their own
  pool and can never take the interactive lane's threads.

``shutdown()`` (the window's close) cancels every running and queued task,
waits for the running ones to reach a safe point, and says whether they all
stopped — only then may the database be closed.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QDeadlineTimer, QObject, QRunnable, QThreadPool, Signal

from creditdesk.cancel import CancelToken

log = logging.getLogger(__name__)

INTERACTIVE = "interactive"
LONG = "long"
LANES = (INTERACTIVE, LONG)


class TaskHandle(CancelToken):
    """What a background function may use: progress reports, and the cancel token it is."""

    def __init__(self, relay: "_Relay", lane: str = INTERACTIVE) -> None:
        super().__init__()
        self._relay = relay
        self.lane = lane

    def progress(self, done: int, total: int) -> None:
        self._relay.progressed.emit(int(done), int(total))


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there queued."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskHandle], Any], relay: _Relay, handle: TaskHandle,
                 ended: Callable[[], None]) -> None:  # fmt: skip
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay, self._handle, self._ended = fn, relay, handle, ended

    def run(self) -> None:
        try:
            result = self._fn(self._handle)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
            self._ended()
            self._relay.failed.emit(exc)
        else:
            self._ended()
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts background tasks in their lane and tracks which ones are still wanted."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2, long_threads: int = 2) -> None:
        super().__init__(parent)
        self._pools = {INTERACTIVE: QThreadPool(self), LONG: QThreadPool(self)}
        self._pools[INTERACTIVE].setMaxThreadCount(max_threads)
        self._pools[LONG].setMaxThreadCount(long_threads)
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._running: dict[int, _Relay] = {}
        self._handles: dict[int, TaskHandle] = {}  # started and not yet ended (any thread may end one)
        self._lock = threading.Lock()
        self._closed = False

    def run(
        self,
        fn: Callable[[TaskHandle], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        key: str | None = None,
        lane: str = INTERACTIVE,
    ) -> TaskHandle:
        if lane not in LANES:
            raise ValueError(f"unknown task lane {lane!r}")
        self._serial += 1
        serial = self._serial
        if key is not None:
            self._latest[key] = serial
        relay = _Relay(self)
        handle = TaskHandle(relay, lane)

        def wanted() -> bool:
            return key is None or self._latest.get(key) == serial

        def done(result: Any) -> None:
            self._finish(serial)
            if wanted() and on_success:
                on_success(result)

        def failed(exc: BaseException) -> None:
            self._finish(serial)
            if not wanted():
                return
            if on_failure:
                on_failure(exc)
            else:
                log.error("background task failed", exc_info=exc)

        def ended() -> None:  # in the worker, before its result is posted
            with self._lock:
                self._handles.pop(serial, None)

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        if on_progress:
            relay.progressed.connect(lambda d, t: wanted() and on_progress(d, t))
        self._running[serial] = relay
        with self._lock:
            self._handles[serial] = handle
        if self._closed:  # closing: a task started now is cancelled before it begins
            handle.cancel()
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pools[lane].start(_Job(fn, relay, handle, ended))
        return handle

    def cancel_key(self, key: str) -> None:
        """Drop the pending result of the task started with ``key`` (it still runs to its end)."""
        self._serial += 1
        if key in self._latest:
            self._latest[key] = -self._serial

    def cancel_all(self) -> int:
        """Cancel every task not yet ended (running or queued); returns how many."""
        with self._lock:
            handles = list(self._handles.values())
        for handle in handles:
            handle.cancel()
        return len(handles)

    def running(self, lane: str | None = None) -> int:
        """Tasks started and not yet ended, in ``lane`` or in all lanes."""
        with self._lock:
            return sum(1 for h in self._handles.values() if lane is None or h.lane == lane)

    def _finish(self, serial: int) -> None:
        relay = self._running.pop(serial, None)
        if relay is not None:
            relay.deleteLater()
        if not self._running:
            self.busy_changed.emit(False)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Block until both lanes are idle (for shutdown and scripted tours only)."""
        if msecs < 0:
            return all(pool.waitForDone(-1) for pool in self._pools.values())
        deadline = QDeadlineTimer(msecs)
        return all(pool.waitForDone(max(0, deadline.remainingTime())) for pool in self._pools.values())

    def shutdown(self, msecs: int = 10_000) -> bool:
        """Cancel everything and wait (at most ``msecs``) for the tasks to stop at a safe point.

        Returns True when every task has ended: the database may then be closed. Tasks queued
        behind others start cancelled and end at their first check."""
        self._closed = True
        self.cancel_all()
        return self.wait(msecs)
