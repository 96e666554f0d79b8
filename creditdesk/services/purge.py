"""Removing old reviews (清理历史数据): explicit, by an administrator, audited.

``purge_before(engine, audit, day, by=…)`` deletes every review finalised
before ``day`` together with what hangs off it: its commitment (and the
signature image), the commitment's status events, rechecks, supervisor alerts,
objections filed at that review, its conclusion override, and the delivered outbox
copies of all of these (they hold the same personal data). A review is kept when

- one of its outbox items (review, commitment, status event, objection, override) is
  still pending, or was rejected by the platform and waits for a person —
  the platform has not got it yet;
- a correction of it is kept (a chain of versions goes as a whole, so no kept
  review names a predecessor that is gone).

Everything happens in one write transaction with an audit entry ``purge``
holding the counts. The audit trail itself is never touched, so it still
verifies afterwards.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass

from sqlalchemy import Connection, Engine, delete, func, select

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.roles import Actor, require
from creditdesk.services.accounts import accounts_exist
from creditdesk.services.audit import AuditTrail

_review = models.Review.__table__
_commitment = models.Commitment.__table__
_override = models.ReviewOverride.__table__
_event = models.CommitmentEvent.__table__
_recheck = models.Recheck.__table__
_alert = models.SupervisorAlert.__table__
_objection = models.Objection.__table__
_outbox = models.OutboxItem.__table__

_CHUNK = 500  # ids per IN (...) list


@dataclass(frozen=True)
class PurgeResult:
    before: str  # the day, ISO
    dry_run: bool
    reviews: int = 0
    commitments: int = 0
    commitment_events: int = 0
    rechecks: int = 0
    alerts: int = 0
    objections: int = 0
    outbox_items: int = 0  # delivered copies removed
    kept_pending: int = 0  # reviews kept: something of theirs not yet delivered to the platform
    kept_rejected: int = 0  # reviews kept: the platform rejected something of theirs, waiting for a person
    kept_correction: int = 0  # reviews kept: a correction of them is kept
    audit_seq: int | None = None

    @property
    def kept(self) -> int:
        return self.kept_pending + self.kept_rejected + self.kept_correction

    def to_json(self) -> dict:
        return asdict(self) | {"kept": self.kept}

    def summary(self) -> str:
        verb = "将删除" if self.dry_run else "已删除"
        lines = [
            f"{verb} {self.before} 之前完成的核查记录 {self.reviews} 条，信用承诺 {self.commitments} 份"
            f"（含签名图像），承诺履约记录 {self.commitment_events} 条，复核 {self.rechecks} 条，"
            f"提醒 {self.alerts} 条，异议 {self.objections} 条，已上报副本 {self.outbox_items} 条"
        ]
        if self.kept:
            why = []
            if self.kept_pending:
                why.append(f"{self.kept_pending} 条尚有内容未上报平台")
            if self.kept_rejected:
                why.append(f"{self.kept_rejected} 条有内容被平台拒收、待处理")
            if self.kept_correction:
                why.append(f"{self.kept_correction} 条的更正版本仍保留")
            lines.append(f"保留 {self.kept} 条：" + "；".join(why))
        if self.dry_run:
            lines.append("（试运行：未删除任何数据）")
        elif self.audit_seq is not None:
            lines.append(f"已记入审计日志（第 {self.audit_seq} 条）")
        return "\n".join(lines)


def _chunks(ids: Iterable[str]) -> Iterator[list[str]]:
    ids = list(ids)
    for i in range(0, len(ids), _CHUNK):
        yield ids[i : i + _CHUNK]


def _select_in(conn: Connection, cols, column, ids: Iterable[str]) -> list:  # noqa: ANN001
    out: list = []
    for part in _chunks(ids):
        out.extend(conn.execute(select(*cols).where(column.in_(part))).all())
    return out


def _delete_in(conn: Connection, table, column, ids: Iterable[str]) -> int:  # noqa: ANN001
    n = 0
    for part in _chunks(ids):
        n += conn.execute(delete(table).where(column.in_(part))).rowcount or 0
    return n


@dataclass
class _Plan:
    reviews: set[str]
    commitments: set[str]
    events: set[str]
    objections: set[str]
    overrides: set[str]  # outbox uids of review_override submissions (their data names the review)
    kept_pending: int
    kept_rejected: int
    kept_correction: int


def _plan(conn: Connection, day: dt.date) -> _Plan:
    old = {r.id: r.supersedes for r in conn.execute(
        select(_review.c.id, _review.c.supersedes).where(_review.c.finalised_at < day.isoformat()))}  # fmt: skip
    if not old:
        return _Plan(set(), set(), set(), set(), set(), 0, 0, 0)
    # what belongs to each old review
    commitments: dict[str, str] = {r.id: r.review_id for r in _select_in(
        conn, (_commitment.c.id, _commitment.c.review_id), _commitment.c.review_id, old)}  # fmt: skip
    events: dict[str, str] = {r.id: commitments[r.commitment_id] for r in _select_in(
        conn, (_event.c.id, _event.c.commitment_id), _event.c.commitment_id, commitments)}  # fmt: skip
    objections: dict[str, str] = {r.id: r.review_id for r in _select_in(
        conn, (_objection.c.id, _objection.c.review_id), _objection.c.review_id, old)}  # fmt: skip
    overrides: dict[str, str] = {}  # a review_override item's uid is its own; its data names the review
    for r in conn.execute(select(_outbox.c.uid, _outbox.c.data).where(_outbox.c.kind == "review_override")):
        rid = (r.data or {}).get("review_id") if isinstance(r.data, dict) else None
        if rid in old:
            overrides[r.uid] = rid
    owner: dict[str, str] = {rid: rid for rid in old} | commitments | events | objections | overrides

    undelivered: dict[str, str] = {}  # review id -> "pending" | "rejected"
    for r in _select_in(conn, (_outbox.c.uid, _outbox.c.status), _outbox.c.uid, owner):
        if r.status in ("pending", "rejected"):
            rid = owner[r.uid]
            if undelivered.get(rid) != "pending":
                undelivered[rid] = r.status
    kept_pending = sum(1 for s in undelivered.values() if s == "pending")
    kept_rejected = len(undelivered) - kept_pending

    # A chain of versions goes as a whole: keep a review whose correction is kept.
    successor: dict[str, str] = {}
    for r in _select_in(conn, (_review.c.id, _review.c.supersedes), _review.c.supersedes, old):
        successor[r.supersedes] = r.id
    gone = set(old) - set(undelivered)
    kept_correction = 0
    changed = True
    while changed:
        changed = False
        for rid in list(gone):
            nxt = successor.get(rid)
            if nxt is not None and nxt not in gone:
                gone.discard(rid)
                kept_correction += 1
                changed = True
    return _Plan(
        reviews=gone,
        commitments={c for c, rid in commitments.items() if rid in gone},
        events={e for e, rid in events.items() if rid in gone},
        objections={o for o, rid in objections.items() if rid in gone},
        overrides={u for u, rid in overrides.items() if rid in gone},
        kept_pending=kept_pending, kept_rejected=kept_rejected, kept_correction=kept_correction,
    )  # fmt: skip


def _count_in(conn: Connection, table, column, ids: Iterable[str]) -> int:  # noqa: ANN001
    n = 0
    for part in _chunks(ids):
        n += conn.execute(select(func.count()).select_from(table).where(column.in_(part))).scalar_one()
    return n


def purge_before(
    engine: Engine, audit: AuditTrail, day: dt.date, *, by: Actor | None, dry_run: bool = False
) -> PurgeResult:
    """Delete reviews finalised before ``day`` and what belongs to them (see the module doc).

    Raises NotPermitted unless ``by`` may purge (anyone, unattributed, on a home without accounts);
    the refusal is audited (``denied``) outside the transaction, so it is not rolled back."""
    from creditdesk.services.audit import require_audited

    require_audited(audit, by, "purge", f"purge before {day.isoformat()}", engine=engine)
    if dry_run:
        with engine.connect() as conn:
            _check_permission(conn, by)
            return _run(conn, audit, day, by, dry_run=True)
    with write_transaction(engine) as conn:
        _check_permission(conn, by)
        return _run(conn, audit, day, by, dry_run=False)


def _check_permission(conn: Connection, by: Actor | None) -> None:
    require(by, "purge", accounts_exist=accounts_exist(conn))


def _run(conn: Connection, audit: AuditTrail, day: dt.date, by: Actor | None, *, dry_run: bool) -> PurgeResult:
    plan = _plan(conn, day)
    refs = plan.reviews | plan.commitments
    outbox_ids = plan.reviews | plan.commitments | plan.events | plan.objections | plan.overrides
    act = _count_in if dry_run else _delete_in
    # children first
    if not dry_run:  # a purged review's override (its reason and the supervisor's decision) goes with it
        _delete_in(conn, _override, _override.c.review_id, plan.reviews)
    counts = dict(
        outbox_items=act(conn, _outbox, _outbox.c.uid, outbox_ids),
        alerts=act(conn, _alert, _alert.c.ref, refs),
        rechecks=act(conn, _recheck, _recheck.c.review_id, plan.reviews),
        objections=act(conn, _objection, _objection.c.id, plan.objections),
        commitment_events=act(conn, _event, _event.c.id, plan.events),
        commitments=act(conn, _commitment, _commitment.c.id, plan.commitments),
        reviews=act(conn, _review, _review.c.id, plan.reviews),
    )
    result = PurgeResult(
        before=day.isoformat(), dry_run=dry_run, **counts, kept_pending=plan.kept_pending,
        kept_rejected=plan.kept_rejected, kept_correction=plan.kept_correction,
    )  # fmt: skip
    if dry_run:
        return result
    detail = {k: v for k, v in result.to_json().items() if k not in ("dry_run", "audit_seq")}
    seq = audit.append("purge", actor=by, target=f"before {day.isoformat()}", detail=detail, conn=conn)
    return PurgeResult(**(asdict(result) | {"audit_seq": seq}))


def purgeable_before(engine: Engine, day: dt.date) -> PurgeResult:
    """What a purge before ``day`` would remove (no permission needed: counts only)."""
    with engine.connect() as conn:
        return _run(conn, None, day, None, dry_run=True)  # type: ignore[arg-type]
