"""The one way the GUI runs work off its thread (cf. Anki's QueryOp, Picard's run_task).

``TaskRunner.run(fn, on_success, on_failure)`` runs ``fn(task)`` on a thread
pool and delivers the result or the exception to the GUI thread by signal.
``fn`` gets a ``TaskHandle`` to report progress and to see cancellation; it
must never touch a widget. A task started with a ``key`` supersedes earlier
tasks with the same key: their results are dropped (a search typed on top of
an older one).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)


class TaskHandle:
    """What a background function may use: progress reports and a cancel flag."""

    def __init__(self, relay: "_Relay") -> None:
        self._relay = relay
        self._cancel = threading.Event()

    def progress(self, done: int, total: int) -> None:
        self._relay.progressed.emit(int(done), int(total))

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()


class _Relay(QObject):
    """Lives in the GUI thread; signals emitted from the worker arrive there queued."""

    succeeded = Signal(object)
    failed = Signal(object)
    progressed = Signal(int, int)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[TaskHandle], Any], relay: _Relay, handle: TaskHandle) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._relay, self._handle = fn, relay, handle

    def run(self) -> None:
        try:
            result = self._fn(self._handle)
        except BaseException as exc:  # noqa: BLE001 - every failure is reported to the GUI
            self._relay.failed.emit(exc)
        else:
            self._relay.succeeded.emit(result)


class TaskRunner(QObject):
    """Starts background tasks and tracks which ones are still wanted."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._latest: dict[str, int] = {}
        self._serial = 0
        self._running: dict[int, _Relay] = {}

    def run(
        self,
        fn: Callable[[TaskHandle], Any],
        on_success: Callable[[Any], None] | None = None,
        on_failure: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int], None] | None = None,
        key: str | None = None,
    ) -> TaskHandle:
        self._serial += 1
        serial = self._serial
        if key is not None:
            self._latest[key] = serial
        relay = _Relay(self)
        handle = TaskHandle(relay)

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

        relay.succeeded.connect(done)
        relay.failed.connect(failed)
        if on_progress:
            relay.progressed.connect(lambda d, t: wanted() and on_progress(d, t))
        self._running[serial] = relay
        if len(self._running) == 1:
            self.busy_changed.emit(True)
        self._pool.start(_Job(fn, relay, handle))
        return handle

    def cancel_key(self, key: str) -> None:
        """Drop the pending result of the task started with ``key`` (it still runs to its end)."""
        self._serial += 1
        if key in self._latest:
            self._latest[key] = -self._serial

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
        """Block until the pool is idle (for shutdown and scripted tours only)."""
        return self._pool.waitForDone(msecs)
