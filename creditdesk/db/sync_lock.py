"""One writer of platform data per database: the sync lock.

A sync (online feed), an offline bundle import and a demo load each take this
lock for their whole pass, so two of them never interleave their pages, their
full-pass marks or their sweeps (two ``sync --full`` at once used to sweep each
other's rows away). Whoever comes second is told at once — it does not queue
behind a pass that may run for minutes — with :class:`SyncBusy`
("另一窗口正在同步"), or waits for up to ``wait`` seconds if asked to.

How the lock is held, per database
----------------------------------
- **PostgreSQL** (a whole hall on one database): a session-level advisory lock
  (``pg_try_advisory_lock``) on a connection of its own, held for the pass. Every
  home on that database sees it; the server releases it when the holding
  session ends, so a killed process never leaves it behind.
- **SQLite** (one file per window): an exclusive ``flock`` (``msvcrt.locking`` on
  Windows) on a lock file next to the database file (``<db>.sync-lock``). The
  second process sees it at once (non-blocking), the operating system drops it
  when the holder dies — SIGKILL included — and it does not touch SQLite's own
  write lock. The alternatives were worse: holding ``BEGIN IMMEDIATE`` for the
  whole pass would stop every other writer (review saves, audit entries) for
  minutes, although the feed commits page by page precisely so they can go on;
  a marker row in the database outlives a killed holder and needs a stale-lock
  guess (pid, host, age) to be taken over. ``flock`` locks belong to an open
  file, so two passes in one process (two threads) exclude each other too.
  The file holds who has the lock (pid, host, what, since) for the message;
  it is never deleted (deleting a locked file lets a third process lock a new
  one).
- An in-memory SQLite database (tests) uses a process-wide lock per URL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Engine, text

from creditdesk.cancel import CancelToken
from creditdesk.paths import sync_lock_file

BUSY_MESSAGE = "另一窗口正在同步"
# The advisory lock's key: one 64-bit number for "CreditDesk platform data writer".
ADVISORY_KEY = int.from_bytes(hashlib.sha256(b"creditdesk/sync-lock/1").digest()[:8], "big", signed=True)
POLL_SECONDS = 0.2


class SyncBusy(Exception):
    """Another sync, import or demo load holds the lock; nothing was changed."""

    def __init__(self, holder: str | None = None) -> None:
        self.holder = holder
        detail = f"（{holder}）" if holder else ""
        super().__init__(
            f"{BUSY_MESSAGE}{detail}：同一数据库同一时间只能有一个同步或离线数据包导入。"
            "本次未作任何改动，请等它结束后再试"
        )


_memory_locks: dict[str, threading.Lock] = {}
_memory_guard = threading.Lock()


def _holder_text(info: dict) -> str:
    parts = []
    if info.get("what"):
        parts.append(str(info["what"]))
    if info.get("host"):
        parts.append(f"工作站 {info['host']}")
    if info.get("pid"):
        parts.append(f"进程 {info['pid']}")
    if info.get("since"):
        parts.append(f"自 {info['since']} 起")
    return "，".join(parts)


def _me(what: str) -> dict:
    return {
        "what": what, "pid": os.getpid(), "host": socket.gethostname(),
        "since": dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M"),
    }  # fmt: skip


def _wait_loop(try_once: Callable[[], bool], wait: float, cancel: CancelToken | None) -> bool:
    deadline = time.monotonic() + max(0.0, wait)
    while True:
        if try_once():
            return True
        if time.monotonic() >= deadline or (cancel is not None and cancel.cancelled):
            return False
        time.sleep(POLL_SECONDS)


if os.name == "nt":  # pragma: no cover - Windows
    import msvcrt

    def _try_file_lock(fd: int) -> bool:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock_file(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_file_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except BlockingIOError:
            return False

    def _unlock_file(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


@contextlib.contextmanager
def _sqlite_file_lock(db_file: Path, what: str, wait: float, cancel: CancelToken | None) -> Iterator[None]:
    path = sync_lock_file(db_file)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        if not _wait_loop(lambda: _try_file_lock(fd), wait, cancel):
            try:
                with open(path, encoding="utf-8") as f:  # what the holder wrote (best effort)
                    holder = _holder_text(json.loads(f.read(4096) or "{}"))
            except (OSError, ValueError):
                holder = None
            raise SyncBusy(holder or None)
        try:
            if os.name != "nt":  # who holds it, for the second one's message (Windows locks the bytes)
                os.ftruncate(fd, 0)
                os.pwrite(fd, json.dumps(_me(what), ensure_ascii=False).encode(), 0)
            yield
        finally:
            _unlock_file(fd)
    finally:
        os.close(fd)


def _pg_holder(conn) -> str | None:  # noqa: ANN001
    """The session holding the advisory lock (a bigint key is classid = high, objid = low 32 bits)."""
    try:
        row = conn.execute(
            text(
                "SELECT a.pid, a.client_addr::text AS addr, a.application_name AS app FROM pg_locks l "
                "JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.granted "
                "AND l.classid::bigint = :hi AND l.objid::bigint = :lo AND l.objsubid = 1 LIMIT 1"
            ),
            {"hi": (ADVISORY_KEY >> 32) & 0xFFFFFFFF, "lo": ADVISORY_KEY & 0xFFFFFFFF},
        ).first()
    except Exception:  # noqa: BLE001 - who holds it is a courtesy; the refusal stands without it
        return None
    if row is None:
        return None
    return f"数据库会话 {row.pid}" + (f"，来自 {row.addr}" if row.addr else "")


@contextlib.contextmanager
def _pg_advisory_lock(engine: Engine, wait: float, cancel: CancelToken | None) -> Iterator[None]:
    # Its own connection, in autocommit: the lock belongs to the session, not to a transaction,
    # so the pass's many short transactions (on other pooled connections) run under it.
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        def try_once() -> bool:
            return bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"), {"k": ADVISORY_KEY}).scalar())

        if not _wait_loop(try_once, wait, cancel):
            raise SyncBusy(_pg_holder(conn))
        try:
            yield
        finally:
            try:
                conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": ADVISORY_KEY})
            except Exception:  # noqa: BLE001 - the session ends with the connection: the lock goes with it
                conn.invalidate()


@contextlib.contextmanager
def _memory_lock(key: str, wait: float, cancel: CancelToken | None) -> Iterator[None]:
    with _memory_guard:
        lock = _memory_locks.setdefault(key, threading.Lock())
    if not _wait_loop(lambda: lock.acquire(blocking=False), wait, cancel):
        raise SyncBusy()
    try:
        yield
    finally:
        lock.release()


@contextlib.contextmanager
def sync_lock(
    engine: Engine, what: str = "同步", *, wait: float = 0.0, cancel: CancelToken | None = None
) -> Iterator[None]:
    """Hold the database's one-writer lock for the ``with`` block, or raise :class:`SyncBusy`.

    ``wait`` seconds are spent retrying (0: refuse at once); a cancelled ``cancel`` token ends the wait early."""
    if engine.dialect.name == "postgresql":
        with _pg_advisory_lock(engine, wait, cancel):
            yield
        return
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:" and not database.startswith("file::memory:"):
            with _sqlite_file_lock(Path(database).resolve(), what, wait, cancel):
                yield
            return
    with _memory_lock(str(engine.url), wait, cancel):
        yield
