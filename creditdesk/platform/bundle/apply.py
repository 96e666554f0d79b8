"""Applying a verified offline bundle: all or nothing, in one write transaction.

The whole bundle is applied in ONE write transaction (with the position), so a
failure at any point — a part whose bytes are not the signed ones
(``part_hash``: each part is hashed and counted once, while it is applied; the
verification before the transaction checks everything else), a malformed
change line (``part_content``, in a part whose hash matches: a platform bug,
not tampering — a malformed line in a part that does not match is reported as
``part_hash``), a database error, cancellation (``cancelled``), a crash —
leaves the database exactly as it was. Changes with ``seq`` ≤ the local
position (same platform and epoch) are skipped. A full snapshot
(``after == 0``) is a mark-and-sweep pass inside that transaction: entities it
does not contain are removed at the end (protocol 3.3); its changes that are
skipped because the database already has them are only marked, so they are
not swept. A bundle whose ``next`` is not beyond the local position changes
nothing (re-importing a bundle is a no-op). The first load of a SQLite
database (a full snapshot, no entities yet) drops the secondary indexes and
builds them again at the end, with the name index, inside that same
transaction (see ``_BulkLoad``). Afterwards the position is ``next`` in the
bundle's epoch, ``as_of`` the manifest's ``created_at``, and the platform id and
person key are those of the manifest.

The import holds the database's sync lock (db/sync_lock.py) from before
verification to the commit: no sync or other import interleaves.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, update

from creditdesk.cancel import NEVER, CancelToken
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.db.search_index import rebuild_names
from creditdesk.db.sync_lock import sync_lock
from creditdesk.platform.bundle import planner
from creditdesk.platform.bundle.archive import SafeArchive
from creditdesk.platform.bundle.common import BATCH, BundleLimits, BundleRefused
from creditdesk.platform.bundle.reader import ChangeReader
from creditdesk.platform.bundle.verify import (
    VerifiedBundle,
    check_parts,
    check_position,
    verify_archive,
    check_not_older,
)
from creditdesk.services.apply import TABLES, BatchResult, ChangeApplier, fewer_gc_passes
from creditdesk.services.keystore import remember_person_key
from creditdesk.services.position import read_sync_state

log = logging.getLogger(__name__)

_state = models.SyncState.__table__


@dataclass(frozen=True)
class ImportResult:
    bundle: VerifiedBundle
    upserted: int
    deleted: int
    rejected: int
    ignored: int
    skipped: int  # seq <= local position: already applied
    swept: int  # full snapshot: entities it did not contain, removed
    noop: bool  # nothing to apply: the database was already at or past ``next``
    seq_before: int
    seq_after: int
    epoch_before: str | None
    epoch_after: str | None
    seconds: float
    forced_older: str | None = None  # imported with --allow-older although older: why it was older

    @property
    def applied(self) -> int:
        return self.upserted + self.deleted

    def summary(self) -> str:
        b = self.bundle
        kind = "全量数据包" if b.full else f"增量数据包（序号 {b.after} 之后）"
        if self.noop:
            return (
                f"{kind} {b.bundle_id} 中没有新变更：本机数据已到序号 {self.seq_before}"
                f"（数据包到 {b.next}），未作任何改动"
            )
        return (
            f"已导入{kind} {b.bundle_id}（平台 {b.platform_id}，数据版本 {b.epoch}，截至 {b.created_at}）："
            f"写入 {self.upserted:,} 条、删除 {self.deleted:,} 条，拒收 {self.rejected:,} 条，"
            f"跳过本机已有 {self.skipped:,} 条"
            + (f"，清除全量数据包中没有的 {self.swept:,} 条" if b.full else "")
            + f"；数据位置 seq {self.seq_before} → {self.seq_after}"
        )

    def __str__(self) -> str:
        return self.summary()

    def to_json(self) -> dict[str, Any]:
        return {
            "bundle": self.bundle.to_json(), "applied": self.applied, "upserted": self.upserted,
            "deleted": self.deleted, "rejected": self.rejected, "ignored": self.ignored, "skipped": self.skipped,
            "swept": self.swept, "noop": self.noop, "seq_before": self.seq_before, "seq_after": self.seq_after,
            "epoch_before": self.epoch_before, "epoch_after": self.epoch_after, "seconds": round(self.seconds, 3),
            "forced_older": self.forced_older,
        }  # fmt: skip


def _mark(conn: Connection, marks: dict[str, list[str]], mark: int) -> None:
    """Entities a full snapshot holds but that are already applied: keep them from the sweep."""
    for etype, ids in marks.items():
        if ids:
            table = TABLES[etype]
            conn.execute(update(table).where(table.c.id.in_(ids)).values(sync_pass=mark))
            ids.clear()


class _BulkLoad:
    """The first load of a SQLite database, from a full snapshot, inside the import's transaction.

    Inserting rows one by one into secondary indexes (random keys: USCC, ID digest,
    name cores and initials) touches pages all over them; once the indexes outgrow
    the page cache, every insert reads and spills pages. So they are dropped first
    and created again at the end, each by one sort (``PRAGMA threads``: SQLite's
    sorter works on helper threads, outside the interpreter lock). The name index
    (``subject_name`` and its FTS5 twin) is left out of the load and built once
    from the subject table at the end. DDL is transactional in SQLite: a failure or
    a cancel rolls the indexes back with everything else, and readers (WAL) see
    the database as it was, indexes included, until the commit.
    """

    TABLES = ("subject", "record", "subject_name")
    SORT_THREADS = 2
    SORT_CACHE_KIB = 16 * 1024

    def __init__(self, indexes: list[tuple[str, str]]) -> None:
        self.indexes = indexes  # (name, CREATE INDEX statement), in schema order

    @staticmethod
    def applies(conn: Connection) -> bool:
        if conn.dialect.name != "sqlite":
            return False
        for table in (*TABLES.values(), models.SubjectName.__table__):
            if conn.exec_driver_sql(f"SELECT 1 FROM {table.name} LIMIT 1").first() is not None:
                return False
        return True

    @classmethod
    def begin(cls, conn: Connection) -> "_BulkLoad":
        marks = ", ".join("?" * len(cls.TABLES))
        indexes = [
            (name, sql)
            for name, sql in conn.exec_driver_sql(
                f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                f"AND tbl_name IN ({marks}) ORDER BY rowid",
                cls.TABLES,
            )
        ]
        for name, _ in indexes:
            conn.exec_driver_sql(f'DROP INDEX "{name}"')
        return cls(indexes)

    def finish(self, conn: Connection, check_cancel: Callable[[], None]) -> None:
        check_cancel()
        started = time.perf_counter()
        names = rebuild_names(conn, between=check_cancel)
        log.info("bulk load: %s name index rows in %.1f s", names, time.perf_counter() - started)
        run = conn.exec_driver_sql
        threads = int(run("PRAGMA threads").scalar() or 0)
        cache = int(run("PRAGMA cache_size").scalar() or 0)
        # The sorter keeps runs of up to cache_size bytes in memory, one per thread at work:
        # with the 64 MiB page cache that was +150 MB at 1M subjects. Runs of 16 MiB keep it
        # to a few tens of MB and sort faster (they fit the processor's caches better).
        run(f"PRAGMA threads = {self.SORT_THREADS}")
        run(f"PRAGMA cache_size = -{self.SORT_CACHE_KIB}")
        try:
            for name, sql in self.indexes:
                check_cancel()
                started = time.perf_counter()
                run(sql)
                log.info("bulk load: index %s built in %.1f s", name, time.perf_counter() - started)
        finally:
            run(f"PRAGMA threads = {threads}")
            run(f"PRAGMA cache_size = {cache}")


def _apply(
    archive: SafeArchive,
    bundle: VerifiedBundle,
    engine: Engine,
    progress: Callable[[int, int], None] | None,
    cancel: CancelToken,
    started: float,
    batch_size: int,
    allow_older: bool = False,
    on_forced_older: Callable[[Connection, str], None] | None = None,
) -> ImportResult:
    total = bundle.total_changes
    applier = ChangeApplier(engine, source="bundle")
    result = BatchResult()
    skipped = swept = done = 0

    def check_cancel() -> None:
        if cancel.cancelled:
            raise BundleRefused("cancelled", "导入已取消，数据包中的变更一条也没有写入")

    # Change objects are parsed here, outside apply_in: the whole import runs with fewer
    # collector passes (a batch of parsed changes is thousands of live containers).
    with fewer_gc_passes(), write_transaction(engine) as conn:
        state = read_sync_state(conn, lock=True)
        # The position may have moved since verification: check again under the lock.
        check_position(bundle.platform_id, bundle.epoch, bundle.after, state)
        forced = check_not_older(bundle.created_at, bundle.epoch, bundle.platform_id, bundle.after, state, allow_older)
        if forced and on_forced_older is not None:
            on_forced_older(conn, forced)  # the caller's audit entry, committed with the import or not at all
        same = state.same_history(bundle.platform_id, bundle.epoch)
        local = state.seq if same else 0
        if same and bundle.next <= local:
            log.info("bundle %s: database already at seq %s >= next %s, nothing to apply", bundle.bundle_id, local, bundle.next)
            check_parts(archive, bundle.parts)  # nothing is read to apply: a bundle not as signed is still refused
            if progress:
                progress(total, total)
            return ImportResult(
                bundle, 0, 0, 0, 0, total, 0, True, state.seq, state.seq, state.epoch, state.epoch,
                time.perf_counter() - started,
            )  # fmt: skip
        if bundle.full:
            mark: int | None = state.pass_counter + 1
            conn.execute(update(_state).where(_state.c.id == 1).values(pass_counter=mark, active_pass=mark))
        else:
            mark = state.active_pass  # as ChangeApplier.apply: an online full pass in progress keeps its mark
        # A full snapshot into an empty SQLite database (the first load): the secondary
        # indexes are dropped and built again at the end, by sorting, and the name index is
        # built once from the loaded subjects (see _BulkLoad). All inside this transaction.
        bulk = _BulkLoad.begin(conn) if bundle.full and _BulkLoad.applies(conn) else None
        if bulk is not None:
            applier = ChangeApplier(engine, source="bundle", names=False)
        marks: dict[str, list[str]] = {etype: [] for etype in TABLES}
        batch: list[dict[str, Any]] = []

        def flush() -> None:
            check_cancel()
            if batch:
                result.add(applier.apply_in(conn, batch, mark))
                batch.clear()
            if bundle.full:
                _mark(conn, marks, mark)  # type: ignore[arg-type]
            if progress:
                progress(done, total)

        if progress:
            progress(0, total)
        pending_marks = 0
        if bulk is not None and local == 0:
            # The first load: nothing is skipped (the database holds no position in this
            # history) and nothing marked; each batch is planned straight from the stream, so
            # a change object goes as soon as its row is built (freeing a batch of thousands
            # of parsed changes at once cost 1.8 s of 35 at 200k subjects: cold caches).
            planning = time.thread_time()
            in_helper = total >= planner.MIN_CHANGES
            with contextlib.ExitStack() as stack:
                if in_helper:  # read and planned on the other core (planner.py); written here
                    plans: Iterator[Any] = stack.enter_context(contextlib.closing(planner.planned_batches(
                        archive.path, archive.limits, bundle, batch_size, mark, check_cancel)))  # fmt: skip
                else:
                    plans = planner.plans(stack.enter_context(ChangeReader(archive, bundle)), applier, batch_size, mark)
                for plan in plans:
                    check_cancel()
                    done += plan.changes
                    result.add(applier.write_planned(conn, plan))
                    del plan
                    if progress:
                        progress(done, total)
            log.info("bulk load: %s changes read, planned%s and written in %.1f s (%.1f s of CPU on this thread)",
                     done, " in a helper process" if in_helper else "", time.perf_counter() - started,
                     time.thread_time() - planning)  # fmt: skip
        else:
            with ChangeReader(archive, bundle) as reader:
                for change in reader:
                    done += 1
                    if change["seq"] <= local:
                        skipped += 1
                        if bundle.full and change.get("op") == "upsert" and change.get("type") in TABLES:
                            eid = change.get("id")
                            if isinstance(eid, str):
                                marks[change["type"]].append(eid)
                                pending_marks += 1
                    else:
                        batch.append(change)
                    if len(batch) >= batch_size or pending_marks >= batch_size:
                        flush()
                        pending_marks = 0
            flush()
        if bulk is not None:
            bulk.finish(conn, check_cancel)  # nothing to sweep: every row was written by this pass
        elif bundle.full:
            swept = applier.sweep_in(conn, mark)  # type: ignore[arg-type]
        values: dict[str, Any] = {
            "seq": bundle.next, "epoch": bundle.epoch, "platform_id": bundle.platform_id, "as_of": bundle.created_at,
            # the key to the credential store, its reference here (services/keystore.py, issue 10 item 7)
            "person_key": remember_person_key(bundle.person_key), "updated_at": dt.datetime.now(dt.timezone.utc),
        }  # fmt: skip
        if bundle.full:
            values["active_pass"] = None  # this snapshot completed a full pass
        if not same or (state.high_water is not None and state.high_water < bundle.next):
            values["high_water"] = bundle.next
        conn.execute(update(_state).where(_state.c.id == 1).values(**values))
        check_cancel()  # last chance: nothing is committed yet
    log.info(
        "imported bundle %s (%s %s, after %s next %s): %s upserted, %s deleted, %s rejected, %s skipped, %s swept",
        bundle.bundle_id, bundle.platform_id, bundle.epoch, bundle.after, bundle.next,
        result.upserted, result.deleted, result.rejected, skipped, swept,
    )  # fmt: skip
    return ImportResult(
        bundle, result.upserted, result.deleted, result.rejected, result.ignored, skipped, swept, False,
        state.seq, bundle.next, state.epoch, bundle.epoch, time.perf_counter() - started, forced,
    )  # fmt: skip


def import_bundle(
    path: str | os.PathLike,
    engine: Engine,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    *,
    limits: BundleLimits | None = None,
    batch_size: int = BATCH,
    allow_older: bool = False,
    wait: float = 0.0,
    on_forced_older: Callable[[Connection, str], None] | None = None,
) -> ImportResult:
    """Verify the bundle at ``path``, then apply it all or nothing, holding the database's sync lock
    throughout (:class:`~creditdesk.db.sync_lock.SyncBusy` if another sync or import has it).

    A bundle older than the data held is refused (``older``) unless ``allow_older``; the
    result's ``forced_older`` then says why it was older (for the caller's audit entry).

    ``progress(done, total)`` counts change lines read (after verification);
    the ``cancel`` token is asked between batches and before the commit — once
    cancelled, :class:`BundleRefused` ``cancelled`` is raised and nothing is
    applied. Any other failure while applying also rolls everything back
    (refusals as :class:`BundleRefused`, database errors as themselves).

    The first load of a SQLite database reads and plans its changes in a helper
    process (:mod:`.planner`) when it has at least ``planner.MIN_CHANGES`` of them.
    """
    started = time.perf_counter()
    token = cancel or NEVER
    try:
        with sync_lock(engine, "导入离线数据包", wait=wait, cancel=token), \
                SafeArchive(path, limits or BundleLimits()) as archive:
            # Everything but the parts' content first (signature, manifest, position, age); each
            # part is hashed and counted while it is applied, inside the one transaction, which a
            # mismatch rolls back (reading and inflating every part twice cost a fifth of a load).
            bundle = verify_archive(archive, engine, allow_older, hash_parts=False)
            return _apply(
                archive, bundle, engine, progress, token, started, batch_size, allow_older, on_forced_older
            )
    except BundleRefused as exc:
        log.warning("bundle %s refused: %s: %s", path, exc.check, exc.message)
        raise

