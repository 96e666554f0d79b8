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

The chain alone proves the trail was not changed by someone who cannot also
recompute every later hash. Against someone who can (write access to the database
and this source) the head is anchored outside the database (issue 10 item 9):

- ``audit_anchor``: every append stores the new head with an HMAC-SHA256 under a
  key kept in the credential store (services/keystore.py), one row per key (each
  window of a hall has its own). :meth:`AuditTrail.verify` checks each anchor whose
  key this machine has: the MAC, and that the anchored entry still has the
  anchored hash — rewriting the whole chain changes it, forging the anchor needs
  the key, deleting the anchor row is noticed because the key is there;
- before each outbox push (``sync``), if none was queued in the last 24 hours,
  the head is queued for the platform (:meth:`AuditTrail.queue_head`, outbox kind
  ``audit_head``, docs/submissions.md) with the hash the previously submitted
  entry has now, so the platform sees a rewrite too.

A damaged trail never stops an act from being recorded: an entry appended after
rows were inserted past the head (or the head row removed) takes the next free
seq and links to the last head, and ``verify`` keeps naming the damage.
``verify`` always ends with a verdict — a row it cannot even read is named too.

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
import hmac as _hmac

from sqlalchemy import Connection, Engine, func, insert, select, update

from creditdesk.atomic import atomic_path
from creditdesk.cancel import NEVER, CancelToken, Cancelled, token_from
from creditdesk.db import models
from creditdesk.db.engine import is_sqlite, write_transaction
from creditdesk.logsetup import redact
from creditdesk.roles import Actor, NotPermitted, require
from creditdesk.safetext import csv_cell

EXPORT_CANCELLED = "审计导出已取消，未写入文件"

_entry = models.AuditEntry.__table__
_head = models.AuditHead.__table__
_anchor = models.AuditAnchor.__table__
_outbox = models.OutboxItem.__table__

ANCHOR_EVERY = dt.timedelta(hours=24)  # the head goes to the platform at least this often

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
    "audit_view": "查看审计日志", "denied": "越权操作被拒绝", "backup": "备份数据", "data_rollback_forced": "强制使用较旧数据",
    "override_approve": "批准结论调整", "override_reject": "驳回结论调整",
    "credit_review_request": "申请信用审查", "credit_review_result": "记录信用审查结果",
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
    anchored: bool | None = None  # True: an anchor under this machine's key was checked and holds
    note: str | None = None  # e.g. no anchor key on this machine (a copied database)

    def to_json(self) -> dict:
        out = {"intact": self.intact, "entries": self.entries, "first_bad_seq": self.first_bad_seq,
               "reason": self.reason}  # fmt: skip
        if self.anchored is not None:
            out["anchored"] = self.anchored
        if self.note is not None:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class AuditItem:
    """One entry for :meth:`AuditTrail.append_many`."""

    action: str
    actor: Actor | str | None
    target: str | None
    at: dt.datetime
    detail: dict[str, Any] | None = None


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
        # Rows past the head (inserted behind the trail's back) or a head row reset: the entry takes
        # the next free seq and links to the head all the same; verify names the damage.
        top = conn.execute(select(func.max(_entry.c.seq))).scalar()
        if top is not None and int(top) >= seq:
            seq = int(top) + 1
        target_text = redact(target)[:200] if target else None
        detail_text = canonical_detail(detail)
        name = _actor_name(actor)
        digest = entry_hash(seq, at_text, name, action, target_text, detail_text, prev)
        conn.execute(
            insert(_entry).values(seq=seq, at=at_text, actor=name, action=action, target=target_text,
                                  detail=detail_text, prev_hash=prev, hash=digest)
        )  # fmt: skip
        conn.execute(update(_head).where(_head.c.id == 1).values(seq=seq, hash=digest))
        self._anchor(conn, seq, digest, when)
        return seq

    def append_many(self, entries: list[AuditItem], *, conn: Connection) -> list[int]:
        """Append several entries in order inside the caller's write transaction; returns their seqs.

        The same rows, head and anchor as :meth:`append` called once per entry in that order (the
        chain is computed here, the rows are inserted in one statement, the head and this machine's
        anchor are moved once, to the last entry): for a generator writing many past entries at
        once (the demo history). Each item's ``at`` is required: they are entries of given moments."""
        if not entries:
            return []
        head_q = select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)
        if not is_sqlite(conn):
            head_q = head_q.with_for_update()
        head = conn.execute(head_q).first()
        if head is None:
            # The first entry of the trail: let append() create the head exactly as it does.
            first, *entries = entries
            seqs = [self._append(conn, first.action, first.actor, first.target, first.detail, first.at)]
            if not entries:
                return seqs
            head = conn.execute(head_q).first()
        else:
            seqs = []
        seq, prev = int(head.seq), head.hash
        top = conn.execute(select(func.max(_entry.c.seq))).scalar()
        if top is not None and int(top) > seq:
            seq = int(top)  # rows past the head: continue after them, linked to the head (as append does)
        rows = []
        for item in entries:
            when = item.at if item.at.tzinfo is not None else item.at.astimezone()
            at_text = when.isoformat(timespec="milliseconds")
            seq += 1
            target_text = redact(item.target)[:200] if item.target else None
            detail_text = canonical_detail(item.detail)
            name = _actor_name(item.actor)
            digest = entry_hash(seq, at_text, name, item.action, target_text, detail_text, prev)
            rows.append({"seq": seq, "at": at_text, "actor": name, "action": item.action, "target": target_text,
                         "detail": detail_text, "prev_hash": prev, "hash": digest})  # fmt: skip
            seqs.append(seq)
            prev = digest
        conn.execute(insert(_entry), rows)
        conn.execute(update(_head).where(_head.c.id == 1).values(seq=seq, hash=prev))
        self._anchor(conn, seq, prev, when)
        return seqs

    # -- the anchor outside the database ------------------------------------------------

    def _anchor_key(self) -> tuple[str, bytes] | None:
        """(key id, key) of this machine for this database, created on first use; None when no
        credential store or fallback folder can keep it (then nothing is anchored, verify says so)."""
        from creditdesk.services import keystore

        try:
            index = f"audit-anchor-for:{_location(self.engine)}"
            kid_bytes = keystore.get_secret(index)
            if kid_bytes is not None:
                kid = kid_bytes.decode("ascii")
                key = keystore.get_secret(f"audit-anchor:{kid}")
                if key is not None:
                    return kid, key
            key = keystore.secrets.token_bytes(32)
            kid = _key_id(key)
            keystore.put_secret(f"audit-anchor:{kid}", key)
            keystore.put_secret(index, kid.encode("ascii"))
            return kid, key
        except Exception:  # noqa: BLE001 - the entry matters more than its anchor
            log.warning("audit anchor key unavailable", exc_info=True)
            return None

    def _anchor(self, conn: Connection, seq: int, digest: str, when: dt.datetime) -> None:
        found = self._anchor_key()
        if found is None:
            return
        kid, key = found
        at = when.isoformat(timespec="milliseconds")
        row = conn.execute(select(_anchor).where(_anchor.c.key_id == kid)).mappings().first()
        values = {"seq": seq, "hash": digest, "mac": anchor_mac(key, kid, seq, digest), "at": at}
        if row is None:
            conn.execute(insert(_anchor).values(key_id=kid, **values))
        else:
            conn.execute(update(_anchor).where(_anchor.c.key_id == kid).values(**values))

    def queue_head(self, *, force: bool = False, now: dt.datetime | None = None) -> str | None:
        """Queue this machine's anchored chain head for the platform (outbox kind ``audit_head``,
        docs/submissions.md) unless one was queued less than :data:`ANCHOR_EVERY` ago; returns the
        item's uid or None. Called before every outbox push (sync), so a window that syncs daily
        reports its head daily. ``previous`` carries the hash the previously reported entry has
        *now*: the platform compares it with what it received then, so a rewritten chain shows."""
        import uuid

        found = self._anchor_key()
        if found is None:
            return None
        kid, _key = found
        when = now or self._now()
        with write_transaction(self.engine) as conn:
            row = conn.execute(select(_anchor).where(_anchor.c.key_id == kid)).mappings().first()
            if row is None:
                return None  # nothing appended from this machine yet
            if not force and row["submitted_at"] and not _older(row["submitted_at"], when, ANCHOR_EVERY):
                return None
            data: dict[str, Any] = {"format": 1, "chain": kid, "seq": int(row["seq"]), "hash": row["hash"],
                                    "at": row["at"]}  # fmt: skip
            if row["submitted_seq"] is not None:
                now_hash = conn.execute(select(_entry.c.hash).where(_entry.c.seq == row["submitted_seq"])).scalar()
                data["previous"] = {"seq": int(row["submitted_seq"]), "hash": now_hash}
            uid = str(uuid.uuid4())
            conn.execute(insert(_outbox).values(
                uid=uid, kind="audit_head", data=data, status="pending", attempts=0,
                created_at=when.isoformat(timespec="seconds"), queued_at=dt.datetime.now(dt.timezone.utc),
            ))  # fmt: skip
            conn.execute(update(_anchor).where(_anchor.c.key_id == kid).values(
                submitted_at=when.isoformat(timespec="milliseconds"), submitted_seq=row["seq"],
                submitted_hash=row["hash"]))  # fmt: skip
        return uid

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

    def verify(self, progress: Callable[[int, int], None] | None = None,
               cancel: CancelToken | None = None) -> AuditVerdict:  # fmt: skip
        """Walk the whole chain and check the anchors; intact, or the first entry where it breaks and
        why. Never raises for what it finds: whatever is wrong with the rows ends as a verdict naming
        them. ``cancel`` is asked every 1,000 entries: a cancel raises :class:`creditdesk.cancel.Cancelled`
        (no verdict; nothing was written)."""
        n = 0
        try:
            with self.engine.connect() as conn:
                head = conn.execute(select(_head.c.seq, _head.c.hash).where(_head.c.id == 1)).first()
                total = int(head.seq) if head else 0
                rows = conn.execution_options(yield_per=5000).execute(select(_entry).order_by(_entry.c.seq))
                counter = _Counting(rows)
                verdict = _walk(counter, head, total, progress, token_from(cancel))
                n = counter.n
                if not verdict.intact:
                    return verdict
                return self._check_anchors(conn, verdict)
        except Cancelled:
            raise
        except Exception as exc:  # noqa: BLE001 - a verdict, never a raw exception
            log.warning("audit verify could not read the trail", exc_info=True)
            return AuditVerdict(False, n, n + 1 if n else None,
                                f"审计日志无法完整读取（第 {n + 1} 条附近：{type(exc).__name__}），疑似被改动")

    def _check_anchors(self, conn: Connection, verdict: AuditVerdict) -> AuditVerdict:
        from creditdesk.services import keystore

        anchors = conn.execute(select(_anchor)).mappings().all()
        try:
            kid_bytes = keystore.get_secret(f"audit-anchor-for:{_location(self.engine)}")
        except Exception:  # noqa: BLE001
            kid_bytes = None
        mine = kid_bytes.decode("ascii") if kid_bytes else None
        checked = 0
        for a in anchors:
            try:
                key = keystore.get_secret(f"audit-anchor:{a['key_id']}")
            except Exception:  # noqa: BLE001
                key = None
            if key is None:
                continue  # another window's anchor: its own machine checks it
            seq = int(a["seq"])
            if not _hmac.compare_digest(anchor_mac(key, a["key_id"], seq, a["hash"]), a["mac"] or ""):
                return AuditVerdict(False, verdict.entries, seq, f"审计链锚定记录被篡改（第 {seq} 条的锚定校验码不符）",
                                    anchored=False)
            now = conn.execute(select(_entry.c.hash).where(_entry.c.seq == seq)).scalar()
            if now != a["hash"]:
                return AuditVerdict(False, verdict.entries, seq,
                                    f"第 {seq} 条与本机锚定的哈希不符：审计链已被整体改写或截断", anchored=False)
            checked += 1
        if mine is not None and not any(a["key_id"] == mine for a in anchors) and verdict.entries:
            return AuditVerdict(False, verdict.entries, None, "本机的审计链锚定记录被删除（链可能已被整体改写）",
                                anchored=False)
        if checked:
            return AuditVerdict(True, verdict.entries, anchored=True)
        note = ("本机没有这条审计链的锚定密钥（例如数据库是从别处复制来的）：只校验了哈希链本身"
                if verdict.entries else None)
        return AuditVerdict(True, verdict.entries, anchored=False if verdict.entries else None, note=note)

    def export(
        self,
        path: str | Path,
        *,
        since: dt.date | None = None,
        until: dt.date | None = None,
        actor: str | None = None,
        action: str | None = None,
        cancel: CancelToken | None = None,
    ) -> int:
        """Write the trail (or the part of it in a date range, of one account, of one action) as CSV
        in UTF-8 with BOM, hashes included; returns rows. ``cancel`` is asked every 1,000 rows: a
        cancel raises :class:`creditdesk.cancel.Cancelled` and no file is written (an older one stays)."""
        cancel = token_from(cancel)
        n = 0
        with atomic_path(path) as tmp, tmp.open("w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["序号", "时间", "账户", "操作", "操作代码", "对象", "详情", "前一条哈希", "本条哈希"])
            for r in self._iter(since, until, actor, action):
                w.writerow([csv_cell(v) for v in (  # the target and details may quote names: guarded like the ledger
                    r.seq, r.at, r.actor or "（未署名）", r.action_label, r.action, r.target or "",
                    json.dumps(r.detail, ensure_ascii=False, sort_keys=True), r.prev_hash, r.hash)])  # fmt: skip
                n += 1
                if n % 1000 == 0:
                    cancel.check(EXPORT_CANCELLED)
            cancel.check(EXPORT_CANCELLED)  # last chance: the file is not in place yet
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
        from creditdesk.db.accounts import accounts_exist as _exist

        bind = engine if engine is not None else (audit.engine if audit is not None else None)
        accounts_exist = _exist(bind) if bind is not None else True
    try:
        require(actor, permission, accounts_exist=bool(accounts_exist) if actor is None else True)
    except NotPermitted as exc:
        audit_refusal(audit, actor, permission, what, exc=exc)
        raise


def anchor_mac(key: bytes, key_id: str, seq: int, digest: str) -> str:
    return _hmac.new(key, f"creditdesk-audit-anchor|{key_id}|{seq}|{digest}".encode(), hashlib.sha256).hexdigest()


def _key_id(key: bytes) -> str:
    return _hmac.new(key, b"creditdesk-audit-anchor-id", hashlib.sha256).hexdigest()[:32]


def _location(engine: Engine) -> str:
    """Which database this is, as this machine reaches it (not stored in the database itself)."""
    url = engine.url.render_as_string(hide_password=True)
    return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]


def _older(text: str, now: dt.datetime, age: dt.timedelta) -> bool:
    try:
        then = dt.datetime.fromisoformat(text)
    except ValueError:
        return True
    if then.tzinfo is None:
        then = then.astimezone()
    return now - then >= age or then > now + dt.timedelta(minutes=5)


class _Counting:
    def __init__(self, rows) -> None:  # noqa: ANN001
        self.rows, self.n = rows, 0

    def __iter__(self):  # noqa: ANN204
        for row in self.rows:
            self.n += 1
            yield row


def _detail(text: str | None) -> dict[str, Any]:
    """An entry's detail; a damaged one is shown as what it is instead of breaking the list."""
    try:
        value = json.loads(text or "{}")
    except (TypeError, ValueError):
        return {"unreadable": str(text)[:200]}
    return value if isinstance(value, dict) else {"value": value}


def _record(row) -> AuditRecord:  # noqa: ANN001
    return AuditRecord(
        seq=int(row["seq"]), at=row["at"], actor=row["actor"], action=row["action"], target=row["target"],
        detail=_detail(row["detail"]), prev_hash=row["prev_hash"], hash=row["hash"],
    )  # fmt: skip


def _fields(row) -> tuple:  # noqa: ANN001
    return (row.at, row.actor, row.action, row.target, row.detail)


def _walk(rows, head, total: int, progress, cancel: CancelToken = NEVER) -> AuditVerdict:  # noqa: ANN001
    """Walk the rows in seq order. At the first row that does not continue the chain, say what it
    is — deleted (a gap), inserted (the next row links past it, or it lies past the head),
    duplicated (the same content as the entry before), out of order (it links to an earlier
    entry), edited (its hash does not match its content) — and stop there."""
    expected_seq, prev, last_fields = 1, GENESIS, None
    recent: dict[str, int] = {}  # hash -> seq, the last few thousand chain entries
    n = 0
    iterator = iter(rows)
    pending = next(iterator, None)
    while pending is not None:
        row, pending = pending, next(iterator, None)
        n += 1
        try:
            seq = int(row.seq)
            recomputed = entry_hash(seq, row.at, row.actor, row.action, row.target, row.detail, row.prev_hash)
        except Exception:  # noqa: BLE001 - a row that cannot even be read is damage, named
            return AuditVerdict(False, n, expected_seq, f"第 {expected_seq} 条附近的记录无法读取（字段被改动）")
        if seq == expected_seq and row.prev_hash == prev and recomputed == row.hash:
            prev, last_fields = row.hash, _fields(row)
            recent[row.hash] = seq
            if len(recent) > 5000:
                recent.pop(next(iter(recent)))
            expected_seq += 1
            if n % 1000 == 0:
                cancel.check("审计链校验已取消")
            if progress is not None and n % 5000 == 0:
                progress(n, total)
            continue
        # The chain breaks at this row: which kind of damage is it?
        if last_fields is not None and _fields(row) == last_fields:
            return AuditVerdict(False, n, seq, f"第 {seq} 条与第 {expected_seq - 1} 条内容相同（重复插入的记录）")
        if (pending is not None and getattr(pending, "prev_hash", None) == prev
                and row.prev_hash == getattr(pending, "hash", None)):
            return AuditVerdict(False, n, seq, f"第 {seq} 条与第 {pending.seq} 条顺序颠倒（乱序）")
        if pending is not None and getattr(pending, "prev_hash", None) == prev and row.prev_hash != prev:
            return AuditVerdict(False, n, seq, f"第 {seq} 条是插入的记录（不在链上，下一条跳过了它）")
        if pending is not None and getattr(pending, "prev_hash", None) == prev and recomputed != row.hash:
            return AuditVerdict(False, n, seq, f"第 {seq} 条是插入的记录（不在链上，下一条跳过了它）")
        if pending is None and head is not None and int(head.seq) == expected_seq - 1 and head.hash == prev:
            return AuditVerdict(False, n, seq, f"第 {seq} 条在链头之后（末尾被插入的记录）")
        if row.prev_hash != prev and recent.get(row.prev_hash) == expected_seq - 2:
            # It links to the entry before the last one: the last one was slipped in between.
            return AuditVerdict(False, n, expected_seq - 1,
                                f"第 {expected_seq - 1} 条是插入的记录（其后的第 {seq} 条接在第 {expected_seq - 2} 条之后）")
        if row.prev_hash != prev and row.prev_hash in recent:
            return AuditVerdict(False, n, seq,
                                f"第 {seq} 条顺序错乱（它接在第 {recent[row.prev_hash]} 条之后，而非第 {expected_seq - 1} 条）")
        if seq > expected_seq:
            return AuditVerdict(False, n, expected_seq, f"第 {expected_seq} 条缺失（已被删除）")
        if seq < expected_seq:
            return AuditVerdict(False, n, seq, f"第 {seq} 条序号重复或乱序（疑似插入）")
        if row.prev_hash != prev:
            return AuditVerdict(False, n, seq, f"第 {seq} 条与前一条不衔接（其前有记录被插入、删除或修改）")
        return AuditVerdict(False, n, seq, f"第 {seq} 条内容被修改（哈希不符）")
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
