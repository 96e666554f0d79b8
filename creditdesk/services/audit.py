"""The audit trail (查询留痕): append-only, each entry chained to the one before.

Every entry carries ``prev_hash`` (the previous entry's ``hash``) and its own
``hash`` = SHA-256 of the canonical JSON of ``[seq, at, actor, action, target,
detail, prev_hash]``. ``seq`` runs 1, 2, 3 … without gaps, and the head of the
chain (last seq and hash) is kept in ``audit_head`` in the same transaction,
so :meth:`AuditTrail.verify` finds the first entry that was

- edited (its hash no longer matches its content),
- deleted (a gap in seq, or the chain ends before the head),
- inserted (its prev_hash, or the next entry's, does not match; or an extra
  entry after the head).

Appends are serialised: SQLite takes the write lock (BEGIN IMMEDIATE) and
PostgreSQL locks the head row, so windows sharing one database extend one chain.
Pass ``conn`` to :meth:`AuditTrail.append` to write the entry in the caller's
transaction (a review and its audit entry commit together).

The chain proves the trail was not changed by someone who cannot also recompute
every later hash; a person with write access to the database and this source
could rewrite it whole. An exported copy (``export``) kept elsewhere pins it.

No full ID number ever enters the trail: detail text is redacted like the log.

Refusals are audited too: :func:`require_audited` (services) and
:func:`audit_refusal` (the CLI's ``need`` and the pages) append one ``denied``
entry per refused attempt — target what was attempted, detail the permission
and the role, or ``{"reason": "not signed in"}`` with no actor — and the
NotPermitted still goes to the caller, marked so nobody audits it twice.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import json
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from creditdesk.atomic import atomic_path
from creditdesk.db import models
from creditdesk.db.engine import is_sqlite, write_transaction
from creditdesk.logsetup import redact
from creditdesk.roles import Actor, NotPermitted, require

_entry = models.AuditEntry.__table__
_head = models.AuditHead.__table__

GENESIS = "0" * 64

# What is audited; labels for the ledger of the trail and its export.
ACTIONS = {
    "lookup": "查询", "profile_view": "查看信用档案", "check": "核查", "review": "完成核查",
    "review_correct": "更正核查", "export": "导出", "report": "生成报送材料", "login": "登录",
    "login_failed": "登录失败", "logout": "退出", "lock": "锁屏", "unlock": "解锁",
    "settings_change": "修改设置", "account_create": "创建账户", "account_change": "修改账户",
    "commitment_status": "承诺履约标记", "objection": "登记异议", "alert_ack": "确认提醒",
    "recheck_ack": "确认复核", "purge": "清理历史数据", "audit_export": "导出审计日志",
    "audit_verify": "校验审计日志", "verify": "核验核查码", "sync": "同步", "bundle_import": "导入离线数据包",
    "audit_view": "查看审计日志", "denied": "越权操作被拒绝",
    "platform_connect": "连接平台", "platform_token": "保存或删除平台令牌", "platform_keys": "固定平台签名密钥",
    "demo_data": "写入演示数据", "audit_anchor": "审计链头锚定",
}  # fmt: skip

NOT_SIGNED_IN = "not signed in"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AuditRecord:
    seq: int
    at: str
    actor: str | None
    action: str
    target: str | None
    detail: dict[str, Any]
    prev_hash: str
    hash: str

    @property
    def action_label(self) -> str:
        return ACTIONS.get(self.action, self.action)


@dataclass(frozen=True)
class AuditVerdict:
    intact: bool
    entries: int  # how many entries were read
    first_bad_seq: int | None = None
    reason: str | None = None  # in Chinese, for the supervisor

    def to_json(self) -> dict:
        return {"intact": self.intact, "entries": self.entries, "first_bad_seq": self.first_bad_seq,
                "reason": self.reason}  # fmt: skip


def canonical_detail(detail: dict[str, Any] | None) -> str:
    text = json.dumps(detail or {}, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str)
    return redact(text)


def entry_hash(seq: int, at: str, actor: str | None, action: str, target: str | None, detail: str, prev: str) -> str:
    payload = json.dumps([seq, at, actor, action, target, detail, prev], ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _actor_name(actor: Actor | str | None) -> str | None:
    if actor is None or isinstance(actor, str):
        return actor
    return actor.name


class AuditTrail:
    def __init__(self, engine: Engine, now: Callable[[], dt.datetime] | None = None) -> None:
        self.engine = engine
        self._now = now or (lambda: dt.datetime.now().astimezone())

    # -- writing -----------------------------------------------------------------

    def append(
        self,
        action: str,
        *,
        actor: Actor | str | None,
        target: str | None = None,
        detail: dict[str, Any] | None = None,
        conn: Connection | None = None,
        at: dt.datetime | None = None,
    ) -> int:
        """Append one entry; returns its seq. With ``conn``, inside the caller's write transaction."""
        if conn is not None:
            return self._append(conn, action, actor, target, detail, at)
        with write_transaction(self.engine) as own:
            return self._append(own, action, actor, target, detail, at)

    def _append(self, conn, action, actor, target, detail, at) -> int:  # noqa: ANN001
        when = at or self._now()
        if when.tzinfo is None:
            when = when.astimezone()
        at_text = when.isoformat(timespec="milliseconds")
        head_q = select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)
        if not is_sqlite(conn):
            head_q = head_q.with_for_update()  # one chain across windows sharing PostgreSQL
        head = conn.execute(head_q).first()
        if head is None and is_sqlite(conn):  # BEGIN IMMEDIATE: no one else is writing
            conn.execute(insert(_head).values(id=1, seq=0, hash=GENESIS))
            head = conn.execute(head_q).first()
        elif head is None:
            # Two windows' first appends may race here: whoever inserts second waits for the
            # first to commit and inserts nothing; then both lock the row in turn (READ COMMITTED
            # sees the committed row in the next statement).
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            conn.execute(pg_insert(_head).values(id=1, seq=0, hash=GENESIS).on_conflict_do_nothing(index_elements=["id"]))
            head = conn.execute(head_q).first()
        last_seq, prev = int(head.seq), head.hash
        seq = last_seq + 1
        target_text = redact(target)[:200] if target else None
        detail_text = canonical_detail(detail)
        name = _actor_name(actor)
        digest = entry_hash(seq, at_text, name, action, target_text, detail_text, prev)
        conn.execute(
            insert(_entry).values(seq=seq, at=at_text, actor=name, action=action, target=target_text,
                                  detail=detail_text, prev_hash=prev, hash=digest)
        )  # fmt: skip
        conn.execute(update(_head).where(_head.c.id == 1).values(seq=seq, hash=digest))
        return seq

    # -- reading -----------------------------------------------------------------

    def entries(
        self,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        actor: str | None = None,
        action: str | None = None,
        limit: int | None = None,
        newest_first: bool = False,
    ) -> list[AuditRecord]:
        q = select(_entry)
        if since is not None:
            q = q.where(_entry.c.at >= since.isoformat())
        if until is not None:
            q = q.where(_entry.c.at < (until + dt.timedelta(days=1)).isoformat())
        if actor is not None:
            q = q.where(_entry.c.actor == actor)
        if action is not None:
            q = q.where(_entry.c.action == action)
        q = q.order_by(_entry.c.seq.desc() if newest_first else _entry.c.seq)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_record(r) for r in conn.execute(q).mappings()]

    def count(self) -> int:
        with self.engine.connect() as conn:
            head = conn.execute(select(_head.c.seq).where(_head.c.id == 1)).scalar()
        return int(head or 0)

    def verify(self, progress: Callable[[int, int], None] | None = None) -> AuditVerdict:
        """Walk the whole chain; intact, or the first entry where it breaks and why."""
        with self.engine.connect() as conn:
            head = conn.execute(select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).first()
            total = int(head.seq) if head else 0
            rows = conn.execution_options(yield_per=5000).execute(select(_entry).order_by(_entry.c.seq))
            verdict = _walk(rows, head, total, progress)
        return verdict

    def export(
        self,
        path: str | Path,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        actor: str | None = None,
        action: str | None = None,
    ) -> int:
        """Write the trail (or the part of it in a date range, of one account, of one action) as CSV
        in UTF-8 with BOM, hashes included; returns rows."""
        n = 0
        with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["序号", "时间", "账户", "操作", "操作代码", "对象", "详情", "前一条哈希", "本条哈希"])
            for r in self._iter(since, until, actor, action):
                w.writerow([r.seq, r.at, r.actor or "（未署名）", r.action_label, r.action, r.target or "",
                            json.dumps(r.detail, ensure_ascii=False, sort_keys=True), r.prev_hash, r.hash])  # fmt: skip
                n += 1
        return n

    def _iter(self, since: dt.date | None, until: dt.date | None, actor: str | None = None,
              action: str | None = None) -> Iterator[AuditRecord]:  # fmt: skip
        q = select(_entry).order_by(_entry.c.seq)
        if since is not None:
            q = q.where(_entry.c.at >= since.isoformat())
        if until is not None:
            q = q.where(_entry.c.at < (until + dt.timedelta(days=1)).isoformat())
        if actor is not None:
            q = q.where(_entry.c.actor == actor)
        if action is not None:
            q = q.where(_entry.c.action == action)
        with self.engine.connect() as conn:
            for row in conn.execution_options(yield_per=5000).execute(q).mappings():
                yield _record(row)


# -- refusals ------------------------------------------------------------------------------


def audit_refusal(
    audit: AuditTrail | None,
    actor: Actor | None,
    permission: str,
    what: str,
    *,
    exc: BaseException | None = None,
) -> int | None:
    """Append one ``denied`` entry for a refused attempt; returns its seq (None if not written).

    ``what``: what was attempted (the entry's target). With ``exc`` (the NotPermitted about to be
    raised) the exception is marked, and an exception already marked is not audited again, so a
    refusal that passes through a service and then the CLI leaves exactly one entry. Never raises:
    the refusal itself matters more than its entry (a failed append is logged)."""
    if exc is not None and getattr(exc, "audit_seq", None) is not None:
        return None
    if audit is None:
        return None
    if actor is None:
        detail: dict[str, Any] = {"reason": NOT_SIGNED_IN, "permission": permission}
    else:
        detail = {"permission": permission, "role": actor.role}
    try:
        seq = audit.append("denied", actor=actor, target=what, detail=detail)
    except Exception:  # noqa: BLE001 - the caller refuses anyway
        log.warning("could not audit the refusal of %s (%s)", what, permission, exc_info=True)
        return None
    if exc is not None:
        try:
            exc.audit_seq = seq  # type: ignore[attr-defined]
        except AttributeError:  # pragma: no cover - exceptions with __slots__
            pass
    return seq


def require_audited(
    audit: AuditTrail | None,
    actor: Actor | None,
    permission: str,
    what: str,
    *,
    accounts_exist: bool | None = None,
    engine: Engine | None = None,
) -> None:
    """:func:`creditdesk.roles.require`, and a refusal is audited (:func:`audit_refusal`) before
    the NotPermitted goes on. Whether the home has accounts matters only with no actor; unless
    given it is asked of ``engine`` (default the trail's). Do not call it inside an open write
    transaction: the entry is written in its own (and would be rolled back with the caller's)."""
    if actor is None and accounts_exist is None:
        from creditdesk.services.accounts import accounts_exist as _exist

        bind = engine if engine is not None else (audit.engine if audit is not None else None)
        accounts_exist = _exist(bind) if bind is not None else True
    try:
        require(actor, permission, accounts_exist=bool(accounts_exist) if actor is None else True)
    except NotPermitted as exc:
        audit_refusal(audit, actor, permission, what, exc=exc)
        raise


def _record(row) -> AuditRecord:  # noqa: ANN001
    return AuditRecord(
        seq=int(row["seq"]), at=row["at"], actor=row["actor"], action=row["action"], target=row["target"],
        detail=json.loads(row["detail"] or "{}"), prev_hash=row["prev_hash"], hash=row["hash"],
    )  # fmt: skip


def _walk(rows, head, total: int, progress) -> AuditVerdict:  # noqa: ANN001
    expected_seq, prev = 1, GENESIS
    n = 0
    for row in rows:
        n += 1
        seq = int(row.seq)
        if seq != expected_seq:
            if seq > expected_seq:
                return AuditVerdict(False, n, expected_seq, f"第 {expected_seq} 条缺失（已被删除）")
            return AuditVerdict(False, n, seq, f"第 {seq} 条序号重复或乱序（疑似插入）")
        recomputed = entry_hash(seq, row.at, row.actor, row.action, row.target, row.detail, row.prev_hash)
        if row.prev_hash != prev:
            return AuditVerdict(False, n, seq, f"第 {seq} 条与前一条不衔接（其前有记录被插入、删除或修改）")
        if recomputed != row.hash:
            return AuditVerdict(False, n, seq, f"第 {seq} 条内容被修改（哈希不符）")
        prev = row.hash
        expected_seq += 1
        if progress is not None and n % 5000 == 0:
            progress(n, total)
    last = expected_seq - 1
    if head is None:
        if last == 0:
            return AuditVerdict(True, 0)
        return AuditVerdict(False, n, 1, "审计链头记录缺失")
    if last < int(head.seq):
        return AuditVerdict(False, n, last + 1, f"第 {last + 1} 条起缺失（末尾记录被删除）")
    if last > int(head.seq) or prev != head.hash:
        bad = int(head.seq) + 1 if last > int(head.seq) else last
        return AuditVerdict(False, n, bad, f"第 {bad} 条与链头不符（末尾记录被插入或修改）")
    if progress is not None:
        progress(n, total)
    return AuditVerdict(True, n)


class AuditQueue:
    """Appends audit entries on one background thread, in the order they were queued.

    For acts that read (a lookup, a profile view) the answer must not wait for the database's
    write lock, which a bundle import holds for its whole transaction: the counter answers at
    once and the entry — stamped with the moment of the act — joins the chain as soon as the
    lock is free. A busy database is retried, never dropped; :meth:`close` waits for the queue
    to drain. Acts that write (a review, an export) append in their own transaction instead.
    """

    RETRY_SECONDS = 0.5

    def __init__(self, trail: AuditTrail) -> None:
        import queue
        import threading

        self.trail = trail
        self._items: queue.Queue = queue.Queue()
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audit-queue", daemon=True)
        self._thread.start()

    def put(self, action: str, *, actor: Actor | str | None, target: str | None = None,
            detail: dict[str, Any] | None = None) -> None:  # fmt: skip
        self._items.put((action, actor, target, detail, self.trail._now()))

    def flush(self, timeout: float | None = None) -> bool:
        """Wait until everything queued so far is in the chain; False if ``timeout`` ran out."""
        import time

        deadline = None if timeout is None else time.monotonic() + timeout
        while self._items.unfinished_tasks:
            if deadline is not None and time.monotonic() >= deadline:
                return False
            time.sleep(0.01)
        return True

    def close(self, timeout: float = 30.0) -> bool:
        drained = self.flush(timeout)
        if not drained:
            log.error("audit queue: %d entries not yet written at close", self._items.unfinished_tasks)
        self._closing.set()
        self._items.put(None)
        return drained

    def _run(self) -> None:
        from sqlalchemy.exc import OperationalError

        while True:
            item = self._items.get()
            if item is None:
                self._items.task_done()
                return
            action, actor, target, detail, at = item
            while True:
                try:
                    self.trail.append(action, actor=actor, target=target, detail=detail, at=at)
                    break
                except OperationalError as exc:  # locked by a long write (bundle import): wait for it
                    if self._closing.is_set():
                        log.error("audit queue: %s entry not written at close: %s", action, exc)
                        break
                    self._closing.wait(self.RETRY_SECONDS)
                except Exception:  # noqa: BLE001 - a broken entry must not stop the ones behind it
                    log.exception("audit queue: %s entry could not be written", action)
                    break
            self._items.task_done()
