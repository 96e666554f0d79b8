"""Audit entries of read acts from short-lived processes, when the database's write lock is taken.

A bundle import holds SQLite's one write lock for its whole transaction (all or
nothing), minutes for a city. The GUI's counter answers through the in-memory
:class:`~creditdesk.services.audit.AuditQueue`; a CLI ``lookup``/``check``/
``verify`` is a process that ends right after answering, so its entries cannot
wait in memory. Instead, when the lock cannot be had within a quarter second, they are
written **durably to a spool file** (written whole, fsynced, renamed into
place) next to the database, stamped with the moment of the act, and the
answer is printed — nothing is shown that is not recorded. The next writer
that gets the lock (the import itself when it ends, the next CLI command that
audits, the next sync) appends the spooled entries to the chain, oldest file
first, in their order, and removes the file.

What it costs: between the act and the drain the entry is in the spool, not
yet in the chain (``audit verify`` and the 审计 page show it once drained).
A drain claims a file by renaming it first, so two drainers never append the
same file; a crash between the drain's commit and the file's removal appends
that file's entries a second time at the next drain (at least once, never
lost). The spool holds what the audit entry holds — masked queries, subject
ids — never a full ID number (the callers mask before auditing).

A sign-in answered while the lock is taken (a signed-in ``lookup`` during an import) is spooled
the same way, its entry marked ``deferred``; the drain then also applies its bookkeeping to the
account (``db/accounts.py``: a wrong password counts toward the lock-out, a right one restarts the
count), and until then :func:`deferred_sign_ins` lets a sign-in count the spooled failures.

PostgreSQL needs no spool: an import there locks only its own rows, and audit
appends go through (``spool_dir`` is None).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError

from creditdesk.db.accounts import count_failure, note_success
from creditdesk.db.engine import write_transaction
from creditdesk.paths import audit_spool_dir

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 250  # how long a read act's audit waits for the write lock before spooling (a normal write takes ms)
MAX_FILES_PER_DRAIN = 500

Entry = tuple[str, Any, str | None, dict | None, dt.datetime]  # action, actor, target, detail, at


def spool_dir(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite":
        return None
    database = engine.url.database
    if not database or database == ":memory:" or database.startswith("file::memory:"):
        return None
    return audit_spool_dir(Path(database).resolve())


def _actor_text(actor: Any) -> str | None:
    return actor if actor is None or isinstance(actor, str) else actor.name


def spool(engine: Engine, entries: Iterable[Entry]) -> Path:
    """Write ``entries`` to a new spool file (whole or not at all, on disk before returning)."""
    folder = spool_dir(engine)
    if folder is None:  # pragma: no cover - callers spool only on SQLite
        raise RuntimeError("no audit spool for this database")
    folder.mkdir(parents=True, exist_ok=True)
    rows = [
        {"action": a, "actor": _actor_text(actor), "target": t, "detail": d, "at": at.isoformat()}
        for a, actor, t, d, at in entries
    ]
    name = f"{time.time_ns():020d}-{os.getpid()}.json"
    tmp = folder / f".{name}.part"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(rows, f, ensure_ascii=False)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, folder / name)
    return folder / name


def pending_files(engine: Engine) -> list[Path]:
    folder = spool_dir(engine)
    if folder is None or not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.json") if not p.name.startswith("."))


def is_lock_error(exc: OperationalError) -> bool:
    """SQLite's "database is locked" / "busy": another process holds the write lock."""
    return "locked" in str(exc) or "busy" in str(exc)


SIGN_IN_ACTIONS = frozenset({"login", "unlock", "login_failed"})


def deferred_sign_ins(engine: Engine, name: str) -> list[tuple[str, dt.datetime]]:
    """(action, at) of ``name``'s sign-ins still in the spool (not yet applied to its account row),
    oldest first; files being drained count too (the safe side: counted twice for a moment, never 0)."""
    folder = spool_dir(engine)
    if folder is None or not folder.is_dir():
        return []
    found: list[tuple[str, dt.datetime]] = []
    for path in sorted(p for p in folder.iterdir() if ".json" in p.name and not p.name.startswith(".")
                       and not p.name.endswith(".damaged")):  # fmt: skip
        try:
            rows = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):  # drained meanwhile, or damaged (kept aside by the drain)
            continue
        for row in rows:
            detail = row.get("detail") or {}
            if row.get("target") == name and row.get("action") in SIGN_IN_ACTIONS and detail.get("deferred"):
                found.append((row["action"], dt.datetime.fromisoformat(row["at"])))
    return found


def _apply_sign_in(conn, row: dict, at: dt.datetime) -> None:  # noqa: ANN001
    """A deferred sign-in's bookkeeping, applied when its entry joins the chain."""
    detail = row.get("detail") or {}
    if not detail.get("deferred") or row.get("action") not in SIGN_IN_ACTIONS or not row.get("target"):
        return
    if row["action"] == "login_failed":
        count_failure(conn, row["target"], at)
    else:
        note_success(conn, row["target"], at if row["action"] == "login" else None)


def append_or_spool(trail, entries: list[Entry]) -> bool:  # noqa: ANN001 - AuditTrail
    """Append ``entries`` in one short transaction (spooled entries first); if SQLite's write
    lock stays taken for :data:`BUSY_TIMEOUT_MS`, spool them instead. True if in the chain now."""
    if not entries:
        return True
    engine = trail.engine
    if spool_dir(engine) is None:
        _append(trail, entries)
        return True
    try:
        with write_transaction(engine, busy_timeout_ms=BUSY_TIMEOUT_MS) as conn:
            _drain_in(trail, conn, engine)
            for action, actor, target, detail, at in entries:
                trail.append(action, actor=actor, target=target, detail=detail, at=at, conn=conn)
        _remove_claimed(engine)
        return True
    except OperationalError as exc:
        if not is_lock_error(exc):
            raise
        _unclaim(engine)
        spooled = spool(engine, entries)
        log.info("write lock taken (import running): %d audit entries spooled to %s", len(entries), spooled.name)
        return False


def record_export(trail, by: Any, action: str, target: str, detail: dict, path: Path) -> None:  # noqa: ANN001
    """An export's audit entry, or no file: during a bundle import on SQLite the entry is spooled as
    a lookup's is, instead of failing after the file was written (an exported file nobody would
    find in the trail); any other failure removes the file and is raised."""
    try:
        append_or_spool(trail, [(action, by, target, detail, dt.datetime.now().astimezone())])
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def drain(trail) -> int:  # noqa: ANN001 - AuditTrail
    """Append every spooled entry to the chain (waits for the lock as any writer); returns how many."""
    engine = trail.engine
    if not pending_files(engine):
        return 0
    with write_transaction(engine) as conn:
        n = _drain_in(trail, conn, engine)
    _remove_claimed(engine)
    return n


def _append(trail, entries: list[Entry]) -> None:  # noqa: ANN001
    with write_transaction(trail.engine) as conn:
        for action, actor, target, detail, at in entries:
            trail.append(action, actor=actor, target=target, detail=detail, at=at, conn=conn)


def _drain_in(trail, conn, engine: Engine) -> int:  # noqa: ANN001
    """Inside the caller's write transaction: claim each spool file (rename) and append its entries."""
    n = 0
    for path in pending_files(engine)[:MAX_FILES_PER_DRAIN]:
        claimed = path.with_name(path.name + f".claimed-{os.getpid()}")
        try:
            os.replace(path, claimed)  # another drainer took it first: skip
        except FileNotFoundError:
            continue
        try:
            rows = json.loads(claimed.read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:  # damaged: kept aside for a person, never silently lost
            log.error("audit spool file %s unreadable (%s); kept as %s.damaged", path.name, exc, path.name)
            os.replace(claimed, path.with_name(path.name + ".damaged"))
            continue
        for row in rows:
            at = dt.datetime.fromisoformat(row["at"])
            trail.append(row["action"], actor=row.get("actor"), target=row.get("target"), detail=row.get("detail"),
                         at=at, conn=conn)  # fmt: skip
            _apply_sign_in(conn, row, at)
            n += 1
    return n


def _claimed(engine: Engine) -> list[Path]:
    folder = spool_dir(engine)
    if folder is None or not folder.is_dir():
        return []
    return list(folder.glob(f"*.json.claimed-{os.getpid()}"))


def _remove_claimed(engine: Engine) -> None:
    """After the commit: the drained files go."""
    for path in _claimed(engine):
        path.unlink(missing_ok=True)


def _unclaim(engine: Engine) -> None:
    """After a rollback: the claimed files go back to the spool."""
    for path in _claimed(engine):
        os.replace(path, path.with_name(path.name.split(".claimed-")[0]))
