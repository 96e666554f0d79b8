"""Keeping the local cache current from the platform's change feed (protocol 3).

Each page is applied in one transaction together with the position it
reaches (3.2), so a crash or a cut connection at any moment resumes from the
last committed page. A full resync (410, another epoch, or on request) runs
as a mark-and-sweep pass (3.3): pages are applied over the old data, which
lookups keep using, and what the pass did not see is removed only when it
completes. An interrupted pass resumes where it stopped.
"""

from __future__ import annotations

import base64
import datetime as dt
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, update

from creditdesk.cancel import NEVER, CancelToken
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.db.sync_lock import sync_lock
from creditdesk.platform.client import Cancelled, CursorExpired, PlatformClient, PlatformError
from creditdesk.protocol import Position
from creditdesk.services.apply import BatchResult, ChangeApplier
from creditdesk.services.position import SyncState, parse_time, read_sync_state

log = logging.getLogger(__name__)
_state = models.SyncState.__table__

PAGE_SIZE = 1000  # the protocol default; see Settings.sync_page_size


@dataclass
class SyncProgress:
    applied: int
    rejected: int
    seq: int
    high_water: int
    full: bool


@dataclass(frozen=True)
class SyncResult:
    applied: int
    rejected: int
    pages: int
    full: bool
    swept: int
    seq: int
    epoch: str
    seconds: float
    forced_older: str | None = None  # a full pass over older data, forced (allow_older): why it was older

    def to_json(self) -> dict:
        return {
            "applied": self.applied, "rejected": self.rejected, "pages": self.pages, "full": self.full,
            "swept": self.swept, "seq": self.seq, "epoch": self.epoch, "seconds": round(self.seconds, 3),
            "forced_older": self.forced_older,
        }  # fmt: skip


class OlderData(PlatformError):
    """The platform offers data older than what this database holds (no rollback, issue 10.8)."""

    code = "older"


def _read_state(engine: Engine) -> SyncState:
    with engine.connect() as conn:
        return read_sync_state(conn)


def older_than_home(state: SyncState, meta: dict) -> str | None:
    """Why a full pass from the platform described by ``meta`` would move this database back, or None.

    Two signs, both from the platform's own words: the same history (platform and epoch)
    ending before our position (a platform restored from an older backup), or a platform
    clock before the moment our data is as of (a stale copy of the platform)."""
    if state.seq == 0 and state.epoch is None:
        return None  # nothing held yet
    if state.same_history(meta["platform_id"], meta["epoch"]) and int(meta.get("high_water") or 0) < state.seq:
        return (
            f"平台数据只到序号 {meta.get('high_water')}，本机已到 {state.seq}（同一数据版本 {state.epoch}）："
            "平台可能从较早的备份恢复"
        )
    ours, theirs = parse_time(state.as_of), parse_time(meta.get("server_time"))
    if ours is not None and theirs is not None and theirs < ours:
        return f"平台时间 {meta.get('server_time')} 早于本机数据的截至时间 {state.as_of}"
    return None


def record_outcome(engine: Engine, error: str | None) -> None:
    """Remember how the last sync ended, for the status bar and ``status --json``."""
    now = dt.datetime.now(dt.timezone.utc)
    values = {"last_error": error, "last_error_at": now} if error else {"last_sync_at": now, "last_error": None}
    with write_transaction(engine) as conn:
        conn.execute(update(_state).where(_state.c.id == 1).values(**values))


class SyncService:
    def __init__(self, engine: Engine, client: PlatformClient, page_size: int = PAGE_SIZE) -> None:
        self.engine = engine
        self.client = client
        self.page_size = page_size
        self.applier = ChangeApplier(engine, source="feed")
        self._on_forced_older: Callable[[Connection, str], None] | None = None
        self._on_page: Callable[[SyncProgress], None] | None = None

    def run(
        self,
        full: bool = False,
        progress: Callable[[SyncProgress], None] | None = None,
        cancel: CancelToken | None = None,
        *,
        allow_older: bool = False,
        wait: float = 0.0,
        on_forced_older: Callable[[Connection, str], None] | None = None,
        on_page: Callable[[SyncProgress], None] | None = None,
    ) -> SyncResult:
        """One pass, holding the database's sync lock throughout (:class:`~creditdesk.db.sync_lock.SyncBusy`
        at once if another sync or import holds it, after ``wait`` seconds if given).

        A full pass over data older than the database holds raises :class:`OlderData` unless
        ``allow_older``; then ``on_forced_older(conn, reason)`` is called in a write transaction
        before anything changes (the caller's audit entry)."""
        started = time.perf_counter()
        token = cancel or NEVER
        self._on_forced_older, self._on_page = on_forced_older, on_page
        with sync_lock(self.engine, "同步", wait=wait, cancel=token):
            try:
                result = self._run(full, progress, token, started, allow_older)
            except Cancelled:
                raise
            except PlatformError as exc:
                record_outcome(self.engine, str(exc))
                raise
            record_outcome(self.engine, None)
        return result

    def _run(self, full: bool, progress, cancel: CancelToken, started: float, allow_older: bool) -> SyncResult:  # noqa: ANN001
        meta = self.client.meta()
        self._pin_keys(meta)
        epoch = meta["epoch"]
        state = _read_state(self.engine)
        other_history = not state.same_history(meta["platform_id"], epoch)
        if full or other_history or state.seq == 0:
            older = older_than_home(state, meta)
            if older and not allow_older:
                raise OlderData(
                    f"平台提供的数据比本机的旧，未同步（防止回滚）：{older}。请核实平台；"
                    "确需回到旧数据时，由管理员以 --allow-older 强制执行（记入审计）"
                )
            if older:
                log.warning("full pass over older data, forced: %s", older)
                if self._on_forced_older is not None:
                    with write_transaction(self.engine) as conn:
                        self._on_forced_older(conn, older)
        else:
            older = None
        pass_id = state.active_pass if (state.active_pass and not other_history and not full) else None
        after = state.seq
        if full or other_history or state.seq == 0:
            if pass_id is None:
                pass_id = self.applier.begin_full_pass()
                after = 0
        total = BatchResult()
        pages = 0
        restarted_for_410 = False
        while True:
            if cancel.cancelled:
                raise Cancelled("同步已取消；已写入的数据页保留，下次从中断处继续")
            try:
                page = self.client.changes(after, self.page_size)
            except CursorExpired:
                if restarted_for_410:
                    # A pass from 0 that the platform will not let us continue: restarting
                    # again would loop forever. Stop with the reason; the pass resumes later.
                    raise CursorExpired(
                        "完整同步途中平台再次判定游标过期（410），无法继续；请联系平台管理员，或导入完整离线数据包"
                    ) from None
                log.warning("cursor %s expired on the platform: full resync", after)
                restarted_for_410 = True
                pass_id = self.applier.begin_full_pass()
                after = 0
                continue
            if page["epoch"] != epoch:
                # The platform was rebuilt while we were syncing: start over in the new history.
                log.warning("epoch changed during sync (%s -> %s): full resync", epoch, page["epoch"])
                meta = self.client.meta()
                epoch = meta["epoch"]
                pass_id = self.applier.begin_full_pass()
                after = 0
                continue
            fresh = [c for c in page["changes"] if c["seq"] > after]  # re-delivered changes are skipped
            position = self._position(page["next"], meta, page)
            result = self.applier.apply(fresh, position) if (fresh or page["next"] != after) else BatchResult()
            total.add(result)
            pages += 1
            after = page["next"]
            report = SyncProgress(total.applied, total.rejected, after, page.get("high_water") or after, pass_id is not None)
            if progress:
                progress(report)
            if self._on_page:
                self._on_page(report)
            if not page["has_more"]:
                break
        swept = 0
        if pass_id is not None:
            swept = self.applier.finish_full_pass(pass_id, self._position(after, meta, None))
        return SyncResult(
            total.applied, total.rejected, pages, pass_id is not None, swept, after, epoch,
            time.perf_counter() - started, older,
        )  # fmt: skip

    @staticmethod
    def _position(seq: int, meta: dict, page: dict | None) -> Position:
        person_key = meta.get("person_key")
        if person_key and not str(person_key).startswith("b64:"):
            person_key = "b64:" + base64.b64encode(str(person_key).encode()).decode()
        return Position(
            seq=seq,
            epoch=meta["epoch"],
            as_of=meta.get("server_time"),
            platform_id=meta["platform_id"],
            high_water=(page or {}).get("high_water", meta.get("high_water")),
            person_key=person_key,
        )

    def _pin_keys(self, meta: dict) -> None:
        from creditdesk.platform.keys import TrustedKeys

        TrustedKeys(self.engine).pin_from_meta(meta["platform_id"], meta.get("signing_keys") or [])
