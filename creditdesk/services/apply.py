"""Applying the platform's change objects to the local database (protocol 3).

Everything that loads data — the demo generator, the online feed, offline
bundles — goes through ``ChangeApplier``. Each batch is one transaction that
also stores the new position, so a crash at any moment leaves the database at
the end of the last committed batch (protocol 3.2).

Rules (protocol 3.1): an upsert replaces the entity; a delete of an unknown
entity is a no-op; a later change of the same (type, id) supersedes an earlier
one; records may arrive before their subject (no foreign key between them);
unknown types and fields are ignored (fields kept in ``extra``); a change that
cannot be applied is recorded in ``rejected_change`` with the reason and the
sync goes on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import logging
import sqlite3
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import wait as futures_wait
from dataclasses import dataclass, field
from typing import Any

import orjson
from sqlalchemy import Connection, Engine, Table, delete, insert, or_, select, update

from creditdesk import protocol
from creditdesk.cancel import CancelToken
from creditdesk.cancel import Cancelled as _Cancelled
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.db.search_index import delete_names, index_subjects, name_index_rows
from creditdesk.protocol import InvalidChange, Position
from creditdesk.safetext import CONTROL_CHARS, clean_text

log = logging.getLogger(__name__)

TABLES: dict[str, Table] = {
    "subject": models.Subject.__table__,
    "record": models.Record.__table__,
    "agency": models.Agency.__table__,
    "report": models.Report.__table__,
    "policy": models.PolicyVersion.__table__,
}
_state = models.SyncState.__table__
_rejected = models.RejectedChange.__table__

DEFAULT_BATCH = 20_000

# -- texts from the platform, bounded on apply (issue 10 item 6) ------------------------------
#
# Names and record texts end up in exports, PDFs and on screen: control and format characters
# are removed and each text is capped. A text that loses more than whitespace or is cut is
# applied in its cleaned form and recorded in ``rejected_change`` as a rejected field (the
# change object notes which, see services/rejections.py), so an administrator sees what the
# platform sent. The caps are the columns' own widths (PostgreSQL enforces them: one name
# longer than its column made the whole page fail, again at every sync), and for the two Text
# columns a bound far above any real value. Every other string column holds a code, a date
# or a time stamp: one longer than its column, or holding a control character, is no code —
# the change is rejected (recorded with the reason), not cut.
FREE_TEXT_LIMITS: dict[tuple[str, str], int] = {
    ("subject", "name"): 200, ("subject", "legal_representative"): 100,
    ("record", "title"): 300, ("record", "doc_no"): 120, ("record", "authority"): 200,
    ("record", "rating_scheme"): 60, ("record", "basis"): 2_000, ("record", "content"): 10_000,
    ("agency", "name"): 200, ("agency", "filing_authority"): 200, ("agency", "filing_no"): 80,
}  # fmt: skip
MULTILINE_FIELDS = frozenset({("record", "basis"), ("record", "content")})
MAX_FORMER_NAMES = 50
_NOT_TEXT = frozenset({"id", "extra", "sync_pass"})


def _text_checks(etype: str) -> tuple[tuple[int, str, int, bool | None], ...]:
    """(column index, field, cap, multiline — None for a code) for the string columns of ``etype``."""
    from sqlalchemy import String

    checks = []
    for i, name in enumerate(protocol.COLUMNS[etype]):
        column_type = TABLES[etype].c[name].type
        if name in _NOT_TEXT or not isinstance(column_type, String):
            continue
        free = (etype, name) in FREE_TEXT_LIMITS
        cap = FREE_TEXT_LIMITS[(etype, name)] if free else column_type.length
        if cap is None:
            continue
        if free and column_type.length is not None:
            cap = min(cap, column_type.length)
        checks.append((i, name, cap, ((etype, name) in MULTILINE_FIELDS) if free else None))
    return tuple(checks)


_TEXT_CHECKS = {etype: _text_checks(etype) for etype in TABLES}
_NAME_CAP = FREE_TEXT_LIMITS[("subject", "name")]
# Columns whose value the row builder already holds to a short list (protocol._enum): no check.
_ENUM_FIELDS = frozenset(f for specs in protocol.FIELDS.values() for f, conv, _ in specs if hasattr(conv, "allowed"))


def _texts_fine(etype: str) -> Callable[[tuple], bool]:
    """A function generated for ``etype``: True when every string of the row is within its cap
    and printable (nothing for :func:`_bounded_texts` to do) — the common case, inline, about
    a tenth of a microsecond per column instead of a loop."""
    lines = ["def fine(row):"]
    for i, field, cap, _ in _TEXT_CHECKS[etype]:
        if field in _ENUM_FIELDS:
            continue
        lines += [f"    v = row[{i}]", f"    if v is not None and (len(v) > {cap} or not v.isprintable()): return False"]
    if etype == "subject":
        former = protocol.COLUMNS["subject"].index("former_names")
        lines += [f"    v = row[{former}]",
                  "    if v != '[]' and (len(v) > 2000 or '\\\\' in v or not v.isprintable()): return False"]  # fmt: skip
    lines.append("    return True")
    namespace: dict[str, Any] = {}
    exec(compile("\n".join(lines), f"<texts_fine {etype}>", "exec"), namespace)  # noqa: S102
    return namespace["fine"]


_TEXTS_FINE = {etype: _texts_fine(etype) for etype in TABLES if _TEXT_CHECKS[etype]}


def _bounded_texts(etype: str, row: tuple) -> tuple[tuple, list[tuple[str, str, int]]]:
    """``row`` with its texts cleaned and capped, and what was changed: (field, problem, length)
    where problem is ``controls`` or ``too_long``. Raises InvalidChange for a code that is too
    long or holds control characters, and for a required text of nothing but control
    characters. Ordinary rows cost two C-level checks per string column."""
    problems: list[tuple[str, str, int]] = []
    values: list | None = None
    for i, field, cap, multiline in _TEXT_CHECKS[etype]:
        v = row[i]
        if v is None or (len(v) <= cap and v.isprintable()):
            continue
        if multiline is None:  # a code
            if len(v) > cap:
                raise InvalidChange(f"字段 {field} 超过 {cap} 个字符（实际 {len(v):,}），不是有效的值")
            if CONTROL_CHARS.search(v) or not v.strip():
                raise InvalidChange(f"字段 {field} 含有控制字符：{v[:40]!r}")
            continue
        text = clean_text(v, multiline=multiline)
        if CONTROL_CHARS.search(v):
            problems.append((field, "controls", len(v)))
        if len(text) > cap:
            problems.append((field, "too_long", len(text)))
            text = text[: cap - 1] + "…"
        if text != v:
            if not text.strip() and v.strip():
                raise InvalidChange(f"字段 {field} 只含控制字符")
            values = values if values is not None else list(row)
            values[i] = text
    if etype == "subject":
        former = row[_SUBJECT_FORMER]
        if former != "[]" and (len(former) > 2_000 or "\\" in former or not former.isprintable()):
            names, changed = _bounded_former_names(orjson.loads(former), problems)
            if changed:
                values = values if values is not None else list(row)
                values[_SUBJECT_FORMER] = orjson.dumps(names).decode()
    return (tuple(values) if values is not None else row), problems


def _bounded_former_names(names: list[str], problems: list[tuple[str, str, int]]) -> tuple[list[str], bool]:
    cap = _NAME_CAP
    out: list[str] = []
    for name in names:
        text = clean_text(name)
        if CONTROL_CHARS.search(name):
            problems.append(("former_names", "controls", len(name)))
        if len(text) > cap:
            problems.append(("former_names", "too_long", len(text)))
            text = text[: cap - 1] + "…"
        if text.strip():
            out.append(text)
    if len(out) > MAX_FORMER_NAMES:
        problems.append(("former_names", "too_many", len(out)))
        out = out[:MAX_FORMER_NAMES]
    return out, out != names


def _cap_of(etype: str, field: str) -> int:
    if field == "former_names":
        return _NAME_CAP
    return next(cap for _, name, cap, _ in _TEXT_CHECKS[etype] if name == field)


def _field_rejection(change: dict, etype: str, problems: list[tuple[str, str, int]], source: str,
                     now: dt.datetime) -> dict[str, Any]:  # fmt: skip
    """The rejected_change row for the fields of an applied change that were cleaned or cut."""
    said = {"controls": "含控制字符，已删除", "too_long": "过长，已截断", "too_many": "过多，只保留前若干个"}
    reason = "；".join(
        f"字段 {field} {said[problem]}（{'长度' if problem != 'too_many' else '个数'} {n:,}"
        + (f"，上限 {_cap_of(etype, field):,}" if problem == "too_long" else "")
        + "）"
        for field, problem, n in problems
    ) + "；其余内容已照常应用"
    note = {k: change.get(k) for k in ("seq", "op", "type", "id")}
    note["rejected_fields"] = [{"field": f, "problem": p, "length": n} for f, p, n in problems]
    row = _rejection(note, reason, source, now)
    return row
# How much of a rejected change is kept: enough to diagnose, never a huge blob.
_MAX_KEPT_CHANGE_CHARS = 20_000


@dataclass
class BatchResult:
    upserted: int = 0
    deleted: int = 0
    rejected: int = 0
    ignored: int = 0
    last_seq: int | None = None

    def add(self, other: "BatchResult") -> None:
        self.upserted += other.upserted
        self.deleted += other.deleted
        self.rejected += other.rejected
        self.ignored += other.ignored
        self.last_seq = other.last_seq if other.last_seq is not None else self.last_seq

    @property
    def applied(self) -> int:
        return self.upserted + self.deleted


@dataclass
class _Plan:
    # type -> entity id -> row tuple (protocol.COLUMNS order), latest change last.
    upserts: dict[str, dict[str, tuple]] = field(default_factory=dict)
    deletes: dict[str, set[str]] = field(default_factory=dict)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    # Applied changes with a text field cleaned or cut (recorded, not counted as rejected).
    field_rejections: list[dict[str, Any]] = field(default_factory=list)
    ignored: int = 0
    last_seq: int | None = None
    changes: int = 0  # how many change objects the batch held
    mark: int | None = None  # the full pass the rows are marked with (their last column, sync_pass)
    # The upserted subjects as (id, name, former_names) and their name index rows.
    subjects: list[tuple[str, str, Sequence[str]]] = field(default_factory=list)
    name_rows: list[tuple] = field(default_factory=list)

    def prepare_names(self) -> None:
        """The name index rows of the upserted subjects (pure Python, before any writing)."""
        bucket = self.upserts.get("subject")
        if bucket:
            loads = orjson.loads
            self.subjects = [
                (r[0], r[_SUBJECT_NAME], loads(r[_SUBJECT_FORMER]) if r[_SUBJECT_FORMER] != "[]" else ())
                for r in bucket.values()
            ]
            self.name_rows = name_index_rows(self.subjects)

    def remark(self, mark: int | None) -> None:
        """Mark the rows with another full pass."""
        self.mark = mark
        for bucket in self.upserts.values():
            for eid, row in bucket.items():
                bucket[eid] = (*row[:-1], mark)


# CPython runs its cycle collector after every 700 net new container objects; a
# batch is hundreds of thousands of them (change dicts as they are read, row
# tuples alive until the batch is written), so the collector would walk them
# again and again (it was about a third of the Python time of a bulk load).
# While changes are applied, the first generation waits for this many instead;
# nothing here makes cycles, so nothing is kept longer than one batch.
_GC_FIRST_GENERATION = 100_000
_gc_lock = threading.Lock()
_gc_users = 0
_gc_saved: tuple[int, ...] = ()


@contextlib.contextmanager
def fewer_gc_passes() -> Iterator[None]:
    global _gc_users, _gc_saved
    with _gc_lock:
        if _gc_users == 0:
            _gc_saved = gc.get_threshold()
            if 0 < _gc_saved[0] < _GC_FIRST_GENERATION:
                gc.set_threshold(_GC_FIRST_GENERATION, *_gc_saved[1:])
        _gc_users += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_users -= 1
            if _gc_users == 0:
                gc.set_threshold(*_gc_saved)


_fewer_gc_passes = fewer_gc_passes  # the name before bundle import used it from outside


class _Committer:
    """Commits one batch's transaction on a helper thread, one at a time.

    ``commit`` hands over a transaction (an ExitStack around write_transaction)
    that is complete but for its commit; ``wait`` returns that batch's result
    once committed, or raises what the commit raised. Leaving the context waits
    for a commit still running, so a batch handed over is either committed or
    rolled back before apply_stream returns or raises.
    """

    def __init__(self) -> None:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="creditdesk-commit")
        self._pending: Future[BatchResult] | None = None

    def commit(self, transaction: contextlib.ExitStack, result: BatchResult) -> None:
        assert self._pending is None
        self._pending = self._pool.submit(self._finish, transaction, result)

    @staticmethod
    def _finish(transaction: contextlib.ExitStack, result: BatchResult) -> BatchResult:
        transaction.close()  # commits (or rolls back and raises)
        return result

    def wait(self) -> BatchResult | None:
        pending, self._pending = self._pending, None
        return pending.result() if pending is not None else None

    def __enter__(self) -> "_Committer":
        return self

    def __exit__(self, exc_type: Any, exc: Any, tb: Any) -> None:
        try:
            if exc_type is None:
                self.wait()
            elif self._pending is not None:
                # Already failing: let the commit finish, report the first error.
                pending, self._pending = self._pending, None
                futures_wait([pending])
                if pending.exception() is not None:
                    log.error("the commit of the previous batch failed too", exc_info=pending.exception())
        finally:
            self._pool.shutdown(wait=True)


class PassSuperseded(Exception):
    """A full pass's sweep was refused: another pass took over the marks."""


class Cancelled(_Cancelled):
    """Raised between batches when the caller asked to stop; committed batches stay.

    A :class:`creditdesk.cancel.Cancelled`, the one cancel exception."""

    def __init__(self, message: str = "已取消；已提交的批次保留") -> None:
        super().__init__(message)


def _null(value: None) -> None:
    return None


# pysqlite binds None and bool through its adaptation protocol: with no adapter
# registered, each such value ends in a failed attribute lookup on the protocol
# type (a formatted AttributeError, then cleared) — a quarter of the cost of
# binding a record row, which holds five NULLs on average. A registered adapter
# is found first. The values bound are the same (NULL; 1 and 0).
sqlite3.register_adapter(type(None), _null)
sqlite3.register_adapter(bool, int)

_BUILDERS = {etype: protocol.row_builder(etype) for etype in TABLES}
for _etype, _table in TABLES.items():  # the rows are built in protocol.COLUMNS order
    assert set(protocol.COLUMNS[_etype]) == {c.name for c in _table.columns}, _etype
_SUBJECT_NAME = protocol.COLUMNS["subject"].index("name")
_SUBJECT_FORMER = protocol.COLUMNS["subject"].index("former_names")
_POLICY_PROFILE = protocol.COLUMNS["policy"].index("profile_id")
_POLICY_VERSION = protocol.COLUMNS["policy"].index("version")


class _RawWriter:
    """Bulk statements executed straight on the driver.

    This is the hot path of every load: SQLAlchemy's per-row bind processing
    cost more than SQLite's own work, so rows go in as the plain tuples that
    protocol.row_builder makes — dates already canonical text, JSON already
    serialised.
    """

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"

    def upsert_sql(self, etype: str) -> str:
        columns = protocol.COLUMNS[etype]
        updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
        return (
            f"INSERT INTO {TABLES[etype].name} ({', '.join(columns)}) "
            f"VALUES ({', '.join([self.mark] * len(columns))}) "
            f"ON CONFLICT (id) DO UPDATE SET {updates}"
        )

    def upsert(self, etype: str, rows: list[tuple]) -> None:
        self.conn.exec_driver_sql(self.upsert_sql(etype), rows)



def _rejection(change: Any, reason: str, source: str, now: dt.datetime) -> dict[str, Any]:
    c = change if isinstance(change, dict) else {}
    kept = c if len(repr(c)) <= _MAX_KEPT_CHANGE_CHARS else {k: c.get(k) for k in ("seq", "op", "type", "id")}
    # The id and the reason (which quotes the offending value) are scrubbed like the
    # change itself: a full ID number is never stored, not even in a rejection.
    return {
        "seq": c.get("seq") if isinstance(c.get("seq"), int) else None,
        "entity_type": str(c.get("type"))[:40] if c.get("type") is not None else None,
        "entity_id": protocol._scrub(str(c.get("id")))[:200] if c.get("id") is not None else None,
        "op": str(c.get("op"))[:16] if c.get("op") is not None else None,
        "reason": protocol._scrub(reason),
        "change": protocol._scrub(kept),
        "source": source,
        "received_at": now,
    }


class ChangeApplier:
    """Applies change objects; ``names=False`` leaves the name search index alone.

    Without names, subjects are written without their ``subject_name`` rows (and
    deleted without looking for them): for a bulk load that rebuilds the whole
    index once at the end (:func:`creditdesk.db.search_index.rebuild_names`).
    """

    def __init__(self, engine: Engine, source: str = "feed", *, names: bool = True) -> None:
        self.engine = engine
        self.source = source
        self.names = names

    # -- planning (pure) -------------------------------------------------
    def _plan(self, changes: Iterable[Any], mark: int | None) -> _Plan:
        plan = _Plan(mark=mark)
        upserts, deletes, builders = plan.upserts, plan.deletes, _BUILDERS
        now = dt.datetime.now(dt.timezone.utc)

        def reject(change: Any, reason: str) -> None:
            plan.rejected.append(_rejection(change, reason, self.source, now))

        n = 0
        for n, change in enumerate(changes, 1):  # noqa: B007 - n counts them
            if not isinstance(change, dict):
                reject(change, "变更不是 JSON 对象")
                continue
            get = change.get
            seq = get("seq")
            seq_ok = seq.__class__ is int or (isinstance(seq, int) and not isinstance(seq, bool))
            if seq_ok:
                plan.last_seq = seq
            etype = get("type")
            build = builders.get(etype) if isinstance(etype, str) else None
            if build is None:
                if not isinstance(etype, str) or not etype:
                    # No type at all is not the platform's future but a broken change: recorded.
                    reject(change, f"变更缺少类型 type（或不是字符串）：{etype!r}")
                    continue
                plan.ignored += 1  # unknown types are the platform's future, not an error
                continue
            op, eid = get("op"), get("id")
            if not seq_ok:
                reject(change, f"seq 应为整数，实际为 {seq!r}")
            elif op == "delete":
                if not isinstance(eid, str) or not eid:
                    reject(change, f"实体 id 无效：{eid!r}")
                    continue
                bucket = upserts.get(etype)
                if bucket:
                    bucket.pop(eid, None)
                deletes.setdefault(etype, set()).add(eid)
            elif op == "upsert":
                try:
                    row = build(eid, get("data"), mark)
                    fine = _TEXTS_FINE.get(etype)
                    if fine is not None and not fine(row):
                        row, problems = _bounded_texts(etype, row)
                        if problems:
                            plan.field_rejections.append(_field_rejection(change, etype, problems, self.source, now))
                except InvalidChange as exc:
                    reject(change, str(exc))
                    continue
                gone = deletes.get(etype)
                if gone:
                    gone.discard(eid)
                bucket = upserts.get(etype)
                if bucket is None:
                    bucket = upserts[etype] = {}
                elif eid in bucket:
                    del bucket[eid]  # keep arrival order of the latest version
                bucket[eid] = row
            else:
                reject(change, f"op 应为 upsert 或 delete，实际为 {op!r}")
        plan.changes = n
        if self.names:
            plan.prepare_names()
        return plan

    # -- writing ---------------------------------------------------------
    def _write(self, conn: Connection, plan: _Plan) -> BatchResult:
        result = BatchResult(ignored=plan.ignored, rejected=len(plan.rejected), last_seq=plan.last_seq)
        for etype, ids in plan.deletes.items():
            if not ids:
                continue
            table = TABLES[etype]
            id_list = list(ids)
            if etype == "subject" and self.names:
                delete_names(conn, id_list)
            result.deleted += conn.execute(delete(table).where(table.c.id.in_(id_list))).rowcount or 0
        writer = _RawWriter(conn)
        for etype, bucket in plan.upserts.items():
            if not bucket:
                continue
            rows = list(bucket.values())
            if etype == "policy":
                rows = self._replace_policy_versions(conn, rows)
            writer.upsert(etype, rows)
            if etype == "subject" and self.names:
                index_subjects(conn, plan.subjects, plan.name_rows)
            result.upserted += len(rows)
        if plan.rejected:
            conn.execute(insert(_rejected), plan.rejected)
        if plan.field_rejections:
            conn.execute(insert(_rejected), plan.field_rejections)
        return result

    @staticmethod
    def _replace_policy_versions(conn: Connection, rows: list[tuple]) -> list[tuple]:
        """(profile_id, version) is unique: a new entity id for the same version replaces
        it, in the table and within this batch (the later change wins)."""
        table = TABLES["policy"]
        latest: dict[tuple[str, int], tuple] = {}
        for row in rows:
            key = (row[_POLICY_PROFILE], row[_POLICY_VERSION])
            latest.pop(key, None)
            latest[key] = row
        for (profile_id, version), row in latest.items():
            conn.execute(
                delete(table).where(table.c.profile_id == profile_id, table.c.version == version, table.c.id != row[0])
            )
        return list(latest.values())

    @staticmethod
    def _store_position(conn: Connection, position: Position) -> None:
        values: dict[str, Any] = {
            "seq": position.seq,
            "epoch": position.epoch,
            "updated_at": dt.datetime.now(dt.timezone.utc),
        }
        for name in ("as_of", "platform_id", "high_water", "person_key"):
            value = getattr(position, name)
            if value is not None:
                values[name] = value
        if position.person_key is not None:  # the key to the credential store, its reference here
            from creditdesk.services.keystore import remember_person_key

            values["person_key"] = remember_person_key(position.person_key)
        conn.execute(update(_state).where(_state.c.id == 1).values(**values))

    def apply(self, changes: Sequence[Any], position: Position | None = None) -> BatchResult:
        """Apply one batch and (if given) store ``position`` — all in one transaction."""
        with fewer_gc_passes(), write_transaction(self.engine) as conn:
            mark = conn.execute(select(_state.c.active_pass).where(_state.c.id == 1)).scalar()
            result = self._write(conn, self._plan(changes, mark))
            if position is not None:
                self._store_position(conn, position)
        return result

    def apply_stream(
        self,
        changes: Iterable[Any],
        position_after: Callable[[int], Position],
        batch_size: int = DEFAULT_BATCH,
        progress: Callable[[BatchResult], None] | None = None,
        cancel: CancelToken | None = None,
    ) -> BatchResult:
        """Apply a stream in batches; after each batch the position is ``position_after(last_seq)``.

        Each batch is one transaction with its position, as :meth:`apply`. While
        a batch commits (on a helper thread: SQLite writes the WAL and any
        checkpoint without holding the interpreter lock), the next one is read
        and planned; it is written only once the previous one has committed.
        ``progress`` is called after each commit and the ``cancel`` token is asked
        before each write, both on the calling thread.
        """
        total = BatchResult()
        iterator = iter(changes)

        def committed(result: BatchResult | None) -> None:
            if result is not None:
                total.add(result)
                if progress:
                    progress(total)

        with fewer_gc_passes(), _Committer() as committer:
            mark = self._active_pass()
            while True:
                # Planned straight from the stream (while the previous batch commits): each
                # change object goes as soon as its row is built, only the rows stay.
                plan = self._plan(itertools.islice(iterator, batch_size), mark)
                if not plan.changes:
                    break
                position = position_after(plan.last_seq) if plan.last_seq is not None else None
                committed(committer.wait())
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                transaction = contextlib.ExitStack()
                try:
                    conn = transaction.enter_context(write_transaction(self.engine))
                    mark = conn.execute(select(_state.c.active_pass).where(_state.c.id == 1)).scalar()
                    if mark != plan.mark:  # a full pass began or ended since the batch was planned
                        plan.remark(mark)
                    result = self._write(conn, plan)
                    if position is not None:
                        self._store_position(conn, position)
                except BaseException:
                    transaction.__exit__(*sys.exc_info())
                    raise
                committer.commit(transaction, result)
                del plan
            committed(committer.wait())
        self._checkpoint()
        return total

    def _checkpoint(self) -> None:
        """After a load: copy what the WAL holds into the database file, without waiting
        for readers (PASSIVE), so the load leaves no checkpoint work behind."""
        if self.engine.dialect.name != "sqlite":
            return
        raw = self.engine.raw_connection()
        try:
            raw.driver_connection.execute("PRAGMA wal_checkpoint(PASSIVE)")  # type: ignore[union-attr]
        finally:
            raw.close()

    def _active_pass(self) -> int | None:
        with self.engine.connect() as conn:
            return conn.execute(select(_state.c.active_pass).where(_state.c.id == 1)).scalar()

    # -- full resync: mark and sweep (protocol 3.3) -------------------------
    def begin_full_pass(self) -> int:
        with write_transaction(self.engine) as conn:
            counter = conn.execute(select(_state.c.pass_counter).where(_state.c.id == 1)).scalar() or 0
            conn.execute(
                update(_state).where(_state.c.id == 1).values(pass_counter=counter + 1, active_pass=counter + 1)
            )
        return counter + 1

    def finish_full_pass(self, pass_id: int, position: Position | None = None) -> int:
        """Remove everything the completed pass did not write; returns how many rows went.

        The sweep belongs to the pass that marked: if another pass has begun since (its mark
        is now the active one), nothing is swept and :class:`PassSuperseded` is raised."""
        with write_transaction(self.engine) as conn:
            active = conn.execute(select(_state.c.active_pass).where(_state.c.id == 1).with_for_update()).scalar()
            if active != pass_id:
                raise PassSuperseded(
                    f"完整同步第 {pass_id} 轮已被第 {active} 轮取代，未清除任何数据；请重新同步"
                )
            swept = self.sweep_in(conn, pass_id)
            conn.execute(update(_state).where(_state.c.id == 1).values(active_pass=None))
            if position is not None:
                self._store_position(conn, position)
        return swept

    # -- inside a caller's transaction (offline bundles: many batches, one unit) ---
    def plan_batch(self, changes: Iterable[Any], mark: int | None = None) -> "_Plan":
        """The rows a batch of changes will write (pure Python, no database), planned straight
        from ``changes`` (an iterator is consumed as it goes); written by :meth:`write_planned`."""
        return self._plan(changes, mark)

    def write_planned(self, conn: Connection, plan: "_Plan") -> BatchResult:
        """Write a batch planned by :meth:`plan_batch` on ``conn``, in the caller's transaction."""
        return self._write(conn, plan)

    def apply_in(self, conn: Connection, changes: Sequence[Any], mark: int | None = None) -> BatchResult:
        """Apply one batch on ``conn`` inside the caller's transaction; commits nothing.

        ``mark`` is written to ``sync_pass`` of every upserted row (the full pass
        the caller runs, see :meth:`sweep_in`). The caller stores the position.
        """
        with fewer_gc_passes():
            return self._write(conn, self._plan(changes, mark))

    def sweep_in(self, conn: Connection, pass_id: int) -> int:
        """:meth:`finish_full_pass`'s sweep on ``conn`` inside the caller's transaction; rows removed."""
        swept = 0
        for etype, table in TABLES.items():
            stale = or_(table.c.sync_pass.is_(None), table.c.sync_pass != pass_id)
            if etype == "subject" and self.names:
                ids = [r[0] for r in conn.execute(select(table.c.id).where(stale))]
                for start in range(0, len(ids), 5000):
                    delete_names(conn, ids[start : start + 5000])
            swept += conn.execute(delete(table).where(stale)).rowcount or 0
        return swept
