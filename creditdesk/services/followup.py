"""承诺跟进: commitments coming due or overdue, marking them fulfilled or breached, supervisor alerts.

A commitment (信用承诺) signed at a review may promise items to hand in later
(容缺受理: "营业执照副本，5个工作日内补交"). Each promised item is kept in
``commitment.due_items`` as::

    {"item": "营业执照副本", "working_days": 5, "due": "2026-11-27", "fulfilled_at": null}

with ``due`` the ``working_days``-th Chinese working day after the signing day
(:func:`make_due_item`, creditdesk.workdays); ``"estimated": true`` is added when
the holiday arrangement of the year was not known and Monday to Friday was
counted. The items are part of the commitment as signed (its content digest),
so they are never rewritten; what happened later is in ``commitment_event``.

:class:`FollowUpService` lists commitments for a viewer (officers their own
reviews', supervisors all) and marks one fulfilled or breached: in ONE write
transaction it sets ``commitment.status`` (not part of the digest), inserts the
``commitment_event``, queues the ``commitment_status`` outbox item
(docs/submissions.md) and appends the audit entry ``commitment_status``. 昆山办法
第九条: a breach is recorded and reported to the city credit platform — that is
the outbox item.

:func:`after_data_update` runs after a sync or bundle import: it raises a
``supervisor_alert`` (``adverse_record_on_commitment``) for every adverse record
in force today for a subject whose commitment is in force, when the review at
which the commitment was signed did not see that record in force — once per
commitment and record (unique kind + ref + record_id) — and runs the recheck
(creditdesk.services.recheck).

Pure Python and SQLAlchemy: no Qt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import getpass
import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, insert, or_, select, update

from creditdesk.credit import Nature, category_of
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.services.outbox import enqueue
from creditdesk.roles import Actor
from creditdesk.services.audit import AuditTrail
from creditdesk.services.position import read_position
from creditdesk.services.recheck import RecheckService, RecheckSummary, sees_all
from creditdesk.services.records import load_records, load_subjects
from creditdesk.services.reviews import SUBMISSION_FORMAT
from creditdesk.workdays import days_left, deadline

log = logging.getLogger(__name__)

_commitment = models.Commitment.__table__
_review = models.Review.__table__
_event = models.CommitmentEvent.__table__
_alert = models.SupervisorAlert.__table__

MARKS = ("fulfilled", "breached")
STATES = ("due", "overdue", "in_force", "all")
STATUS_LABELS = {"in_force": "履行中", "fulfilled": "已履约", "breached": "已违约"}
ALERT_ADVERSE = "adverse_record_on_commitment"
DEFAULT_WITHIN = 5  # working days: "due" lists commitments with an item due within this many


ITEM_FULFILLED = "item_fulfilled"  # commitment_event.status of one promised item handed in


def _item_index(note: str | None) -> int | None:
    try:
        value = json.loads(note or "")
    except ValueError:
        return None
    return value.get("index") if isinstance(value, dict) and isinstance(value.get("index"), int) else None


class FollowUpRefused(ValueError):
    """The mark cannot be made; the message says why (for the person at the window)."""


def make_due_item(text: str, working_days: int, signed_on: dt.date) -> dict[str, Any]:
    """A promised item due ``working_days`` Chinese working days after ``signed_on``."""
    text = (text or "").strip()
    if not text:
        raise ValueError("承诺补交的材料名称不能为空")
    n = int(working_days)
    if n < 1 or n > 365:
        raise ValueError("补交期限应为 1 至 365 个工作日")
    d = deadline(signed_on, n)
    item: dict[str, Any] = {"item": text, "working_days": n, "due": d.due.isoformat(), "fulfilled_at": None}
    if d.estimated:
        item["estimated"] = True
    return item


# -- rows -------------------------------------------------------------------------------


@dataclass(frozen=True)
class DueItemRow:
    item: str
    working_days: int | None
    due: dt.date | None
    estimated: bool
    fulfilled_at: str | None
    days_left: int | None  # working days from today; negative: overdue

    @property
    def open(self) -> bool:
        return self.fulfilled_at is None

    def to_json(self) -> dict:
        return {"item": self.item, "working_days": self.working_days, "due": self.due.isoformat() if self.due else None,
                "estimated": self.estimated, "fulfilled_at": self.fulfilled_at, "days_left": self.days_left}  # fmt: skip


@dataclass(frozen=True)
class CommitmentRow:
    id: str
    number: str
    review_id: str
    unit: str
    subject_id: str
    subject_name: str | None
    subject_code: str | None  # USCC or masked ID number
    matter: str
    signer_name: str
    signer_role: str
    signed_at: str
    officer: str
    status: str  # in_force | fulfilled | breached
    status_at: str | None  # when it was last marked
    status_note: str | None
    earliest_due: dt.date | None  # earliest open item's due date
    days_left: int | None  # working days to earliest_due (negative: overdue)
    estimated: bool  # a due date or the days left were counted Monday to Friday
    items: tuple[DueItemRow, ...] = field(default=())

    @property
    def overdue(self) -> bool:
        return self.status == "in_force" and self.days_left is not None and self.days_left < 0

    @property
    def status_label(self) -> str:
        if self.overdue:
            return "已逾期"
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def subject_display(self) -> str:
        return f"{self.subject_name or '（平台无此主体）'} {self.subject_code or ''}".strip()

    def to_json(self) -> dict:
        return {
            "id": self.id, "number": self.number, "review_id": self.review_id, "unit": self.unit,
            "subject": {"id": self.subject_id, "name": self.subject_name, "code": self.subject_code},
            "matter": self.matter, "signer": {"name": self.signer_name, "role": self.signer_role},
            "signed_at": self.signed_at, "officer": self.officer, "status": self.status, "overdue": self.overdue,
            "status_at": self.status_at, "status_note": self.status_note,
            "earliest_due": self.earliest_due.isoformat() if self.earliest_due else None,
            "days_left": self.days_left, "estimated": self.estimated, "items": [i.to_json() for i in self.items],
        }  # fmt: skip


@dataclass(frozen=True)
class MarkResult:
    commitment: CommitmentRow
    event_id: str  # = the outbox item's uid
    audit_seq: int


@dataclass(frozen=True)
class AlertRow:
    id: int
    kind: str
    ref: str
    record_id: str
    subject_id: str | None
    message: str
    detail: dict[str, Any]
    created_at: str
    acknowledged_at: str | None
    acknowledged_by: str | None

    def to_json(self) -> dict:
        return {"id": self.id, "kind": self.kind, "ref": self.ref, "record_id": self.record_id,
                "subject_id": self.subject_id, "message": self.message, "detail": self.detail,
                "created_at": self.created_at, "acknowledged_at": self.acknowledged_at,
                "acknowledged_by": self.acknowledged_by}  # fmt: skip


@dataclass(frozen=True)
class UpdateFindings:
    since_seq: int
    seq: int
    alerts: tuple[AlertRow, ...]  # alerts raised by this update (not those raised before)
    recheck: RecheckSummary | None

    def to_json(self) -> dict:
        return {"since_seq": self.since_seq, "seq": self.seq, "alerts": [a.to_json() for a in self.alerts],
                "recheck": self.recheck.to_json() if self.recheck else None}  # fmt: skip

    def summary(self) -> str:
        parts = []
        if self.alerts:
            parts.append(f"新增监管提醒 {len(self.alerts)} 条")
        if self.recheck and self.recheck.created:
            parts.append(f"复核 {self.recheck.created} 条离线/过期数据核查，其中 {self.recheck.differing} 条结论变化")
        return "；".join(parts)


# -- the service ---------------------------------------------------------------------------


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _date(value: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


class FollowUpService:
    def __init__(self, engine: Engine, audit: AuditTrail | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.audit = audit or AuditTrail(engine)
        self._now = now or _local_now

    def now(self) -> dt.datetime:
        value = self._now()
        return value.astimezone() if value.tzinfo is None else value

    def today(self) -> dt.date:
        return self.now().date()

    # -- reading -----------------------------------------------------------------

    def _select(self):  # noqa: ANN202
        return select(
            _commitment.c.id, _commitment.c.number, _commitment.c.review_id, _commitment.c.unit,
            _commitment.c.signer_name, _commitment.c.signer_role, _commitment.c.signed_at, _commitment.c.status,
            _commitment.c.due_items, _review.c.subject_id, _review.c.subject_name, _review.c.subject_code_display,
            _review.c.matter, _review.c.officer, _review.c.findings,
        ).select_from(_commitment.join(_review, _review.c.id == _commitment.c.review_id))  # fmt: skip

    def commitments(self, viewer: Actor | None, state: str = "due", within_days: int = DEFAULT_WITHIN,
                    today: dt.date | None = None) -> list[CommitmentRow]:  # fmt: skip
        """``due``: in force with an open item due within ``within_days`` working days (not yet overdue);
        ``overdue``: in force with an open item past due; ``in_force``; ``all``. Earliest due first."""
        if state not in STATES:
            raise ValueError(f"state 应为 {'/'.join(STATES)} 之一")
        today = today or self.today()
        q = self._select()
        if state != "all":
            q = q.where(_commitment.c.status == "in_force")
        if not sees_all(viewer):
            q = q.where(_review.c.officer == viewer.name)
        with self.engine.connect() as conn:
            rows = list(conn.execute(q).mappings())
            events = self._last_events(conn, [r["id"] for r in rows])
        out = [self._row(r, events.get(r["id"]), today) for r in rows]
        if state == "due":
            out = [c for c in out if c.days_left is not None and 0 <= c.days_left <= within_days]
        elif state == "overdue":
            out = [c for c in out if c.overdue]
        far = dt.date.max
        return sorted(out, key=lambda c: (c.earliest_due or far, c.signed_at, c.number))

    def get(self, number_or_id: str, today: dt.date | None = None) -> CommitmentRow:
        with self.engine.connect() as conn:
            return self._get(conn, number_or_id, today or self.today())

    def _get(self, conn: Connection, number_or_id: str, today: dt.date) -> CommitmentRow:
        row = self._find(conn, number_or_id, None)
        return self._row(row, self._last_events(conn, [row["id"]]).get(row["id"]), today)

    @staticmethod
    def _last_events(conn, ids: list[str]) -> dict[str, dict]:  # noqa: ANN001
        """commitment id -> its last status event (fulfilled / breached), with ``"items"``: item index ->
        when it was handed in (``item_fulfilled`` events)."""
        out: dict[str, dict] = {}
        if not ids:
            return out
        for start in range(0, len(ids), 500):
            q = select(_event).where(_event.c.commitment_id.in_(ids[start:start + 500])).order_by(_event.c.at)
            for e in conn.execute(q).mappings():
                slot = out.setdefault(e["commitment_id"], {"items": {}})
                if e["status"] == ITEM_FULFILLED:
                    index = _item_index(e["note"])
                    if index is not None:
                        slot["items"].setdefault(index, e["at"])
                else:
                    slot.update(dict(e))
        return out

    @staticmethod
    def _row(r, event: dict | None, today: dt.date) -> CommitmentRow:  # noqa: ANN001
        items: list[DueItemRow] = []
        estimated = False
        received = (event or {}).get("items", {})
        event = event if event and "status" in event else None
        for index, raw in enumerate(r["due_items"] or ()):
            if not isinstance(raw, dict):
                continue
            due = _date(raw.get("due"))
            fulfilled = raw.get("fulfilled_at") or received.get(index)
            if fulfilled is None and r["status"] == "fulfilled" and event is not None:
                fulfilled = event["at"]  # the whole commitment was marked fulfilled
            left, est = (days_left(today, due) if due else (None, False))
            if left is not None and due < today:
                left = min(left, -1)  # past the deadline, even when no working day has passed since (a weekend)
            est = est or bool(raw.get("estimated"))
            estimated = estimated or est
            wd = raw.get("working_days")
            items.append(DueItemRow(str(raw.get("item") or ""), int(wd) if isinstance(wd, int) else None, due, est,
                                    fulfilled, left))  # fmt: skip
        open_items = [i for i in items if i.open and i.due is not None]
        first = min(open_items, key=lambda i: i.due) if open_items else None
        return CommitmentRow(
            id=r["id"], number=r["number"], review_id=r["review_id"], unit=r["unit"], subject_id=r["subject_id"],
            subject_name=r["subject_name"], subject_code=r["subject_code_display"], matter=r["matter"],
            signer_name=r["signer_name"], signer_role=r["signer_role"], signed_at=r["signed_at"],
            officer=r["officer"], status=r["status"], status_at=event["at"] if event else None,
            status_note=event["note"] if event else None, earliest_due=first.due if first else None,
            days_left=first.days_left if first else None, estimated=estimated, items=tuple(items),
        )  # fmt: skip

    def _find(self, conn, number_or_id: str, by: Actor | None):  # noqa: ANN001, ANN202
        key = (number_or_id or "").strip()
        rows = list(conn.execute(
            self._select().where(or_(_commitment.c.id == key, _commitment.c.number == key.upper()))
        ).mappings())  # fmt: skip
        if len(rows) > 1 and by is not None and by.unit:
            rows = [r for r in rows if r["unit"] == by.unit] or rows
        if not rows:
            raise FollowUpRefused(f"没有编号为 {key} 的信用承诺")
        if len(rows) > 1:
            raise FollowUpRefused(f"编号 {key} 对应多个单位的承诺（{'、'.join(r['unit'] for r in rows)}），请使用承诺 id")
        return rows[0]

    # -- marking -----------------------------------------------------------------

    def _require(self, by: Actor | None, what: str) -> None:
        """NotPermitted unless ``by`` may follow up; the refusal is audited (``denied``, target ``what``)."""
        from creditdesk.services.audit import require_audited

        require_audited(self.audit, by, "follow_up", what, engine=self.engine)

    def mark(self, number_or_id: str, status: str, note: str | None, by: Actor | None, *,
             conn: Connection | None = None) -> MarkResult:  # fmt: skip
        """Mark a commitment in force as fulfilled or breached (permission follow_up), in one transaction;
        ``conn``: in the caller's write transaction (the demo history's batches), the result read in it."""
        self._require(by, f"commitment mark {number_or_id} {status}")
        if status not in MARKS:
            raise FollowUpRefused(f"标记只能是 {'/'.join(MARKS)}（已履约/违约），实际为 {status!r}")
        note = (note or "").strip() or None
        if status == "breached" and not note:
            raise FollowUpRefused("标记违约须写明违约事实（备注），该信息将报送市公共信用信息系统")
        at = self.now().isoformat(timespec="seconds")
        marker = by.name if by is not None else getpass.getuser()
        event_id = str(uuid.uuid4())
        outer = conn
        with contextlib.nullcontext(outer) if outer is not None else write_transaction(self.engine) as conn:
            row = self._find(conn, number_or_id, by)
            if row["status"] != "in_force":
                last = self._last_events(conn, [row["id"]]).get(row["id"])
                when = f"（{last['actor'] or '—'} 于 {last['at']}）" if last and "status" in last else ""
                raise FollowUpRefused(
                    f"承诺 {row['number']} 已标记为{STATUS_LABELS.get(row['status'], row['status'])}{when}，"
                    f"不能再标记为{STATUS_LABELS[status]}"
                )
            changed = conn.execute(
                update(_commitment).where(_commitment.c.id == row["id"], _commitment.c.status == "in_force")
                .values(status=status)
            ).rowcount  # fmt: skip
            if changed != 1:  # pragma: no cover - another window marked it between the read and the write
                raise FollowUpRefused(f"承诺 {row['number']} 刚被其他窗口标记，请刷新后再看")
            conn.execute(insert(_event).values(id=event_id, commitment_id=row["id"], status=status, note=note, at=at,
                                               actor=marker))  # fmt: skip
            enqueue(conn, "commitment_status", {
                "format": SUBMISSION_FORMAT, "commitment_id": row["id"], "number": row["number"],
                "review_id": row["review_id"], "unit": row["unit"], "officer": marker,
                "subject_id": row["subject_id"], "status": status, "note": note, "at": at,
            }, uid=event_id, created_at=at)  # fmt: skip
            seq = self.audit.append("commitment_status", actor=by if by is not None else marker,
                                    target=row["number"], conn=conn,
                                    detail={"commitment_id": row["id"], "review_id": row["review_id"],
                                            "subject_id": row["subject_id"], "status": status, "note": note,
                                            "event_id": event_id})  # fmt: skip
            if outer is not None:
                return MarkResult(self._get(conn, row["id"], self.today()), event_id, seq)
        return MarkResult(self.get(row["id"]), event_id, seq)

    def mark_item_fulfilled(self, number_or_id: str, index: int, note: str | None, by: Actor | None) -> MarkResult:
        """One promised item was handed in (容缺受理补交): an ``item_fulfilled`` event, queued as
        ``commitment_status`` and audited; the commitment stays in force until marked fulfilled."""
        self._require(by, f"commitment item {number_or_id} {index + 1}")
        note = (note or "").strip() or None
        at = self.now().isoformat(timespec="seconds")
        marker = by.name if by is not None else getpass.getuser()
        event_id = str(uuid.uuid4())
        with write_transaction(self.engine) as conn:
            row = self._find(conn, number_or_id, by)
            items = [i for i in (row["due_items"] or ()) if isinstance(i, dict)]
            if not 0 <= int(index) < len(items):
                raise FollowUpRefused(f"承诺 {row['number']} 没有第 {int(index) + 1} 项补交材料")
            if row["status"] != "in_force":
                raise FollowUpRefused(f"承诺 {row['number']} 已标记为{STATUS_LABELS.get(row['status'], row['status'])}")
            done = self._last_events(conn, [row["id"]]).get(row["id"], {}).get("items", {})
            item = items[int(index)]
            if int(index) in done:
                raise FollowUpRefused(f"“{item.get('item')}”已于 {done[int(index)]} 登记补交")
            conn.execute(insert(_event).values(
                id=event_id, commitment_id=row["id"], status=ITEM_FULFILLED, at=at, actor=marker,
                note=json.dumps({"index": int(index), "item": item.get("item"), "note": note}, ensure_ascii=False),
            ))  # fmt: skip
            enqueue(conn, "commitment_status", {
                "format": SUBMISSION_FORMAT, "commitment_id": row["id"], "number": row["number"],
                "review_id": row["review_id"], "unit": row["unit"], "officer": marker,
                "subject_id": row["subject_id"], "status": ITEM_FULFILLED, "note": note, "at": at,
                "item": {"index": int(index), "item": item.get("item"), "due": item.get("due")},
            }, uid=event_id, created_at=at)  # fmt: skip
            seq = self.audit.append("commitment_status", actor=by if by is not None else marker,
                                    target=row["number"], conn=conn,
                                    detail={"commitment_id": row["id"], "status": ITEM_FULFILLED, "item": item.get("item"),
                                            "index": int(index), "note": note, "event_id": event_id})  # fmt: skip
        return MarkResult(self.get(row["id"]), event_id, seq)

    # -- alerts ------------------------------------------------------------------

    def alerts(self, viewer: Actor | None, open_only: bool = True) -> list[AlertRow]:
        q = select(_alert).order_by(_alert.c.created_at.desc(), _alert.c.id.desc())
        if open_only:
            q = q.where(_alert.c.acknowledged_at.is_(None))
        with self.engine.connect() as conn:
            rows = [_alert_row(m) for m in conn.execute(q).mappings()]
        if not sees_all(viewer):
            rows = [a for a in rows if a.detail.get("officer") == viewer.name]
        return rows

    def acknowledge_alert(self, alert_id: int, by: Actor | None, note: str | None = None) -> AlertRow:
        self._require(by, f"alert ack {alert_id}")
        at = self.now().isoformat(timespec="seconds")
        with write_transaction(self.engine) as conn:
            row = conn.execute(select(_alert).where(_alert.c.id == int(alert_id))).mappings().first()
            if row is None:
                raise FollowUpRefused(f"没有编号为 {alert_id} 的监管提醒")
            if row["acknowledged_at"] is not None:
                raise FollowUpRefused(f"该提醒已由 {row['acknowledged_by'] or '—'} 于 {row['acknowledged_at']} 确认")
            conn.execute(update(_alert).where(_alert.c.id == row["id"])
                         .values(acknowledged_at=at, acknowledged_by=by.name if by else None))  # fmt: skip
            self.audit.append("alert_ack", actor=by, target=row["ref"], conn=conn,
                              detail={"alert_id": row["id"], "kind": row["kind"], "record_id": row["record_id"],
                                      "note": (note or "").strip() or None})  # fmt: skip
            fresh = conn.execute(select(_alert).where(_alert.c.id == row["id"])).mappings().one()
        return _alert_row(fresh)

    def raise_alerts(self, since_seq: int = 0, today: dt.date | None = None) -> list[AlertRow]:
        """Alerts for adverse records in force on commitments in force that their review did not see in force.

        Idempotent: an alert exists once per (kind, commitment, record)."""
        today = today or self.today()
        with self.engine.connect() as conn:
            pos = read_position(conn)
            commitments = list(conn.execute(self._select().where(_commitment.c.status == "in_force")).mappings())
            if not commitments:
                return []
            subject_ids = list(dict.fromkeys(c["subject_id"] for c in commitments))
            records = load_records(conn, subject_ids)
            subjects = load_subjects(conn, subject_ids)
            existing = {(a.ref, a.record_id) for a in conn.execute(
                select(_alert.c.ref, _alert.c.record_id).where(_alert.c.kind == ALERT_ADVERSE))}  # fmt: skip
        created_at = self.now().isoformat(timespec="seconds")
        new: list[dict[str, Any]] = []
        for c in commitments:
            seen = {f.get("record_id") for f in (c["findings"] or ()) if isinstance(f, dict) and f.get("in_force")}
            for r in records.get(c["subject_id"], ()):
                if r.id in seen or (c["id"], r.id) in existing:
                    continue
                if r.nature is not Nature.ADVERSE or not r.in_force(today):
                    continue
                s = subjects.get(c["subject_id"])
                name = (s.name if s else None) or c["subject_name"] or c["subject_id"]
                code = c["subject_code_display"] or (s.code_display if s else "")
                label = category_of(r.category).label
                message = (f"{name}（{code}）在信用承诺 {c['number']} 履行期间新增{label}记录："
                           f"{r.title}" + (f"（{r.doc_no}）" if r.doc_no else "") +
                           "，请核实是否违背承诺")  # fmt: skip
                new.append({
                    "kind": ALERT_ADVERSE, "ref": c["id"], "record_id": r.id, "subject_id": c["subject_id"],
                    "message": message, "created_at": created_at,
                    "detail": {"commitment_number": c["number"], "review_id": c["review_id"], "unit": c["unit"],
                               "officer": c["officer"], "subject_name": name, "subject_code": code,
                               "matter": c["matter"], "category": r.category, "category_label": label,
                               "severe": category_of(r.category).severe, "title": r.title, "doc_no": r.doc_no,
                               "authority": r.authority, "decided_on": r.decided_on.isoformat(),
                               "record_updated_at": r.updated_at, "since_seq": since_seq, "seq": pos.seq},
                })  # fmt: skip
        if not new:
            return []
        with write_transaction(self.engine) as conn:
            # Another window may have raised some meanwhile: read again under the write lock.
            existing = {(a.ref, a.record_id) for a in conn.execute(
                select(_alert.c.ref, _alert.c.record_id).where(_alert.c.kind == ALERT_ADVERSE))}  # fmt: skip
            fresh = [a for a in new if (a["ref"], a["record_id"]) not in existing]
            if fresh:
                conn.execute(insert(_alert), fresh)
            keys = {(a["ref"], a["record_id"]) for a in fresh}
            rows = [_alert_row(m) for m in conn.execute(
                select(_alert).where(_alert.c.kind == ALERT_ADVERSE, _alert.c.created_at == created_at)).mappings()
                if (m["ref"], m["record_id"]) in keys]  # fmt: skip
        return rows


def _alert_row(m) -> AlertRow:  # noqa: ANN001
    return AlertRow(id=m["id"], kind=m["kind"], ref=m["ref"], record_id=m["record_id"], subject_id=m["subject_id"],
                    message=m["message"], detail=dict(m["detail"] or {}), created_at=m["created_at"],
                    acknowledged_at=m["acknowledged_at"], acknowledged_by=m["acknowledged_by"])  # fmt: skip


def after_data_update(engine: Engine, audit: AuditTrail | None = None, settings: Any = None, since_seq: int = 0,
                      now: Callable[[], dt.datetime] | None = None) -> UpdateFindings:  # fmt: skip
    """After a sync or bundle import (``since_seq``: the data position before it): raise supervisor
    alerts and recheck offline/stale reviews. Safe to run any number of times."""
    service = FollowUpService(engine, audit, now=now)
    with engine.connect() as conn:
        seq = read_position(conn).seq
    alerts = service.raise_alerts(since_seq)
    try:
        recheck = RecheckService(engine, audit, now=now).run()
    except Exception:  # a recheck problem must not hide the alerts (nor fail the sync that just committed)
        log.exception("recheck after data update failed")
        recheck = None
    return UpdateFindings(since_seq, seq, tuple(alerts), recheck)


def current_seq(engine: Engine) -> int:
    """The data position now (to pass as ``since_seq`` after the update)."""
    with engine.connect() as conn:
        return read_position(conn).seq


__all__ = [
    "AlertRow", "CommitmentRow", "DueItemRow", "FollowUpRefused", "FollowUpService", "MarkResult",
    "UpdateFindings", "after_data_update", "current_seq", "make_due_item",
]  # fmt: skip
