"""异议: an applicant's objection to a credit record, filed at the counter and followed up.

An applicant who thinks a record on the platform is wrong (not theirs, already
performed, past its period, …) may object. The officer files the objection
here: :meth:`ObjectionService.file` checks it, stores the ``objection`` row
with the record's title and the subject's name, and — in ONE durable
transaction — queues an outbox item of kind ``objection`` (its ``uid`` is the
objection's id; data format in docs/submissions.md) and appends an audit
entry ``objection``.

Status (:data:`STATUS_LABELS`):

- ``queued`` 待上报 — waiting in the outbox;
- ``submitted`` 已提交平台 — the platform took the item (accepted or duplicate);
- ``rejected`` 平台退回 — the platform refused the item; ``status_note`` is its reason;
- ``record_changed`` 记录已变更 — the platform's feed has since revoked, repaired,
  removed or otherwise changed the record (the note says how): likely the
  objection's effect, still to be confirmed by the credit office's answer;
- ``upheld`` 异议成立 / ``dismissed`` 异议不成立 — the credit office's answer,
  recorded by a supervisor (:meth:`ObjectionService.set_status`); final.

:meth:`ObjectionService.refresh_statuses` derives the first four from the
outbox and the local records; it never overrides a recorded answer.

No full ID number is ever stored: the grounds and contact are refused when
they hold one. Pure Python and SQLAlchemy: no Qt.
"""

from __future__ import annotations

import datetime as dt
import getpass
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.services.outbox import enqueue
from creditdesk.roles import Actor, NotPermitted, require
from creditdesk.services.accounts import accounts_exist
from creditdesk.objection_statuses import STATUS_LABELS, STATUSES  # re-exported for the services and pages
from creditdesk.services.audit import AuditTrail
from creditdesk.services.reviews import SUBMISSION_FORMAT, ReviewService, _holds_id_number

_obj = models.Objection.__table__
_record = models.Record.__table__
_subject = models.Subject.__table__
_review = models.Review.__table__
_outbox = models.OutboxItem.__table__

FINAL_STATUSES = ("upheld", "dismissed")
ANSWERS = FINAL_STATUSES  # what a supervisor records
RECORD_STATUS_LABELS = {"active": "有效", "repaired": "已信用修复", "revoked": "已撤销"}

MIN_GROUNDS = 10
MAX_GROUNDS = 2000

_MOBILE = re.compile(r"1[3-9]\d{9}")
_LANDLINE = re.compile(r"0\d{2,3}\d{7,8}")
_SERVICE = re.compile(r"[48]00\d{7}")


class ObjectionRefused(ValueError):
    """The objection cannot be filed (or answered) as it stands; the message says why, in Chinese."""


@dataclass(frozen=True)
class ObjectionDraft:
    record_id: str
    subject_id: str
    grounds: str
    contact_name: str
    contact_phone: str
    review_id: str | None = None


@dataclass(frozen=True)
class SavedObjection:
    id: str
    record_id: str
    record_title: str | None
    subject_id: str
    subject_name: str | None
    grounds: str
    contact_name: str
    contact_phone: str | None
    filed_at: str
    officer: str
    unit: str
    review_id: str | None
    status: str
    status_note: str | None
    status_at: str | None

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)

    @property
    def final(self) -> bool:
        return self.status in FINAL_STATUSES

    def to_json(self) -> dict:
        return {
            "id": self.id, "record": {"id": self.record_id, "title": self.record_title},
            "subject": {"id": self.subject_id, "name": self.subject_name}, "grounds": self.grounds,
            "contact": {"name": self.contact_name, "phone": self.contact_phone}, "filed_at": self.filed_at,
            "officer": self.officer, "unit": self.unit, "review_id": self.review_id, "status": self.status,
            "status_label": self.status_label, "status_note": self.status_note, "status_at": self.status_at,
        }  # fmt: skip


@dataclass(frozen=True)
class StatusChange:
    objection_id: str
    old: str
    new: str
    note: str | None


def normalise_phone(text: str) -> str | None:
    """The phone as digits (landline ``0591-87654321``, extension ``-123`` kept), or None if implausible."""
    raw = (text or "").strip()
    ext = None
    m = re.fullmatch(r"(.*?)(?:\s*(?:转|ext\.?|[-#])\s*(\d{1,6}))?", raw)
    if m and m.group(2) and len(re.sub(r"\D", "", m.group(1))) >= 10:
        raw, ext = m.group(1), m.group(2)
    digits = re.sub(r"[\s\-()（）]", "", raw)
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not digits.isdigit():
        return None
    if _MOBILE.fullmatch(digits) and ext is None:
        return digits
    if _SERVICE.fullmatch(digits):
        return digits + (f"-{ext}" if ext else "")
    if _LANDLINE.fullmatch(digits):
        area = 3 if digits[1] in "12" else 4  # 010, 02x: three digits; others four
        return f"{digits[:area]}-{digits[area:]}" + (f"-{ext}" if ext else "")
    return None


def validate_draft(d: ObjectionDraft) -> list[str]:
    """What is wrong with the draft's own fields (without the database), one message each; [] when fine."""
    problems = []
    if not (d.record_id or "").strip():
        problems.append("请选择提出异议的信用记录")
    grounds = (d.grounds or "").strip()
    if len(grounds) < MIN_GROUNDS:
        problems.append(f"异议理由至少 {MIN_GROUNDS} 个字（写明哪一点有误、依据是什么）")
    elif len(grounds) > MAX_GROUNDS:
        problems.append(f"异议理由最多 {MAX_GROUNDS} 个字")
    if not (d.contact_name or "").strip():
        problems.append("请填写联系人姓名")
    elif len(d.contact_name.strip()) > 100:
        problems.append("联系人姓名过长")
    if not (d.contact_phone or "").strip():
        problems.append("请填写联系电话")
    elif normalise_phone(d.contact_phone) is None:
        problems.append("联系电话应为 11 位手机号或带区号的固定电话（如 0591-87654321）")
    if any(_holds_id_number(t or "") for t in (d.grounds, d.contact_name, d.contact_phone)):
        problems.append("异议内容中不得出现完整身份证号（如需注明，请使用脱敏号码）")
    return problems


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


class ObjectionService:
    def __init__(self, engine: Engine, audit: AuditTrail | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.audit = audit or AuditTrail(engine)
        self._now = now or _local_now

    def _moment(self) -> str:
        now = self._now()
        if now.tzinfo is None:
            now = now.astimezone()
        return now.isoformat(timespec="seconds")

    # -- filing ---------------------------------------------------------------------

    def file(self, draft: ObjectionDraft, by: Actor | None, unit: str) -> SavedObjection:
        """Check, store, queue for the platform and audit the objection, all in one durable transaction.

        Raises ObjectionRefused (with every problem, in Chinese) or NotPermitted."""
        require(by, "review", accounts_exist=accounts_exist(self.engine))
        problems = validate_draft(draft)
        if not (unit or "").strip():
            problems.append("缺少办理单位（请在设置中填写单位名称）")
        if problems:
            raise ObjectionRefused("；".join(problems))
        record_id, subject_id = draft.record_id.strip(), (draft.subject_id or "").strip()
        with self.engine.connect() as conn:
            rec = conn.execute(
                select(_record.c.id, _record.c.subject_id, _record.c.title, _record.c.doc_no, _record.c.category,
                       _record.c.status, _record.c.updated_at).where(_record.c.id == record_id)
            ).first()  # fmt: skip
            if rec is None:
                raise ObjectionRefused(f"本地数据中没有信用记录 {record_id}（请先同步，或核对记录编号）")
            if subject_id and rec.subject_id != subject_id:
                raise ObjectionRefused(f"信用记录 {record_id} 不属于主体 {subject_id}")
            subject_id = rec.subject_id
            subject_name = conn.execute(select(_subject.c.name).where(_subject.c.id == subject_id)).scalar()
            if draft.review_id and conn.execute(
                select(_review.c.id).where(_review.c.id == draft.review_id)
            ).first() is None:  # fmt: skip
                raise ObjectionRefused(f"没有编号为 {draft.review_id} 的核查记录")
        officer = by.name if by is not None else (getpass.getuser() or "未署名")
        filed_at = self._moment()
        values = {
            "id": str(uuid.uuid4()), "record_id": record_id, "record_title": rec.title, "subject_id": subject_id,
            "subject_name": subject_name, "grounds": draft.grounds.strip(), "contact_name": draft.contact_name.strip(),
            "contact_phone": normalise_phone(draft.contact_phone), "filed_at": filed_at, "officer": officer,
            "unit": unit.strip(), "review_id": draft.review_id or None, "status": "queued", "status_note": None,
            "status_at": filed_at,
        }  # fmt: skip
        data = objection_submission(values, rec)
        with ReviewService(self.engine)._durable_transaction() as conn:
            conn.execute(insert(_obj).values(**values))
            enqueue(conn, "objection", data, uid=values["id"], created_at=filed_at)
            self.audit.append("objection", actor=by if by is not None else officer, target=values["id"], conn=conn,
                              at=dt.datetime.fromisoformat(filed_at),
                              detail={"record_id": record_id, "subject_id": subject_id,
                                      "review_id": values["review_id"]})  # fmt: skip
        saved = self.get(values["id"])
        assert saved is not None
        return saved

    # -- reading --------------------------------------------------------------------

    def get(self, objection_id: str) -> SavedObjection | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(_obj).where(_obj.c.id == objection_id)).mappings().first()
        return _saved(row) if row else None

    def list(self, viewer: Actor | None, status: str | None = None, limit: int | None = None) -> list[SavedObjection]:
        """Newest first. Officers see the objections they filed; supervisors and admins (and an
        unattributed home) see all."""
        q = select(_obj)
        if viewer is not None and not viewer.can("view_all_reviews"):
            q = q.where(_obj.c.officer == viewer.name)
        if status:
            q = q.where(_obj.c.status == status)
        q = q.order_by(_obj.c.filed_at.desc(), _obj.c.id)
        if limit is not None:
            q = q.limit(limit)
        with self.engine.connect() as conn:
            return [_saved(r) for r in conn.execute(q).mappings()]

    def counts(self, viewer: Actor | None) -> dict[str, int]:
        out = dict.fromkeys(STATUSES, 0)
        for o in self.list(viewer):
            out[o.status] = out.get(o.status, 0) + 1
        return out

    # -- following up ---------------------------------------------------------------

    def refresh_statuses(self) -> list[StatusChange]:
        """Derive each open objection's status from its outbox item and its record; returns the changes.

        rejected (the platform's reason) > record_changed (revoked / repaired / removed / updated since
        filing) > submitted (delivered) > queued. Answers recorded by a supervisor are never touched."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(_obj.c.id, _obj.c.record_id, _obj.c.status, _obj.c.status_note, _obj.c.filed_at,
                       _outbox.c.status.label("o_status"), _outbox.c.reason, _outbox.c.data, _outbox.c.delivered_at)
                .select_from(_obj.outerjoin(_outbox, _outbox.c.uid == _obj.c.id))
                .where(_obj.c.status.not_in(FINAL_STATUSES))
            ).all()  # fmt: skip
            ids = list({r.record_id for r in rows})
            records = {}
            for i in range(0, len(ids), 500):
                for rec in conn.execute(
                    select(_record.c.id, _record.c.status, _record.c.updated_at).where(_record.c.id.in_(ids[i:i + 500]))
                ):  # fmt: skip
                    records[rec.id] = rec
        changes, when = [], {}
        for r in rows:
            new, note = _derive(r, records.get(r.record_id))
            if new != r.status or (note or None) != (r.status_note or None):
                changes.append(StatusChange(r.id, r.status, new, note))
                if new == "submitted" and r.delivered_at is not None:  # when the platform took it
                    d = r.delivered_at if r.delivered_at.tzinfo else r.delivered_at.replace(tzinfo=dt.timezone.utc)
                    when[r.id] = d.astimezone(self._now().tzinfo or dt.timezone.utc).isoformat(timespec="seconds")
        if changes:
            at = self._moment()
            with write_transaction(self.engine) as conn:
                for c in changes:
                    conn.execute(
                        update(_obj).where(_obj.c.id == c.objection_id, _obj.c.status.not_in(FINAL_STATUSES))
                        .values(status=c.new, status_note=c.note, status_at=when.get(c.objection_id, at))
                    )  # fmt: skip
        return changes

    def set_status(self, objection_id: str, status: str, note: str, by: Actor | None) -> SavedObjection:
        """Record the credit office's answer (upheld 异议成立 / dismissed 异议不成立); supervisors only."""
        require(by, "follow_up", accounts_exist=accounts_exist(self.engine))
        if status not in ANSWERS:
            raise ObjectionRefused(f"处理结果应为 {'/'.join(ANSWERS)}（异议成立 / 异议不成立）之一，实际为 {status!r}")
        note = (note or "").strip()
        if len(note) < 2:
            raise ObjectionRefused("请写明处理结果的说明（如信用办的答复文号或要点）")
        if _holds_id_number(note):
            raise ObjectionRefused("说明中不得出现完整身份证号")
        at = self._moment()
        with write_transaction(self.engine) as conn:
            row = conn.execute(select(_obj.c.status).where(_obj.c.id == objection_id)).first()
            if row is None:
                raise ObjectionRefused(f"没有编号为 {objection_id} 的异议")
            conn.execute(update(_obj).where(_obj.c.id == objection_id).values(status=status, status_note=note,
                                                                              status_at=at))  # fmt: skip
            self.audit.append("objection", actor=by, target=objection_id, conn=conn, at=dt.datetime.fromisoformat(at),
                              detail={"answer": status, "previous": row.status, "note": note})  # fmt: skip
        saved = self.get(objection_id)
        assert saved is not None
        return saved


def _derive(r, rec) -> tuple[str, str | None]:  # noqa: ANN001
    if r.o_status == "rejected":
        return "rejected", r.reason or "平台未说明原因"
    filed_version = (r.data or {}).get("record_updated_at")
    if rec is None:
        return "record_changed", "平台已删除该信用记录"
    if rec.status != "active":
        label = RECORD_STATUS_LABELS.get(rec.status, rec.status)
        when = f"（{rec.updated_at[:10]}）" if rec.updated_at else ""
        return "record_changed", f"平台数据显示该记录{label}{when}"
    if filed_version and rec.updated_at and rec.updated_at != filed_version:
        return "record_changed", f"平台已更新该记录（{rec.updated_at[:10]}），请核对内容"
    if r.o_status == "delivered":
        return "submitted", None
    if r.o_status is None:  # the outbox item was purged after delivery
        return ("submitted", None) if r.status == "submitted" else (r.status, r.status_note)
    return "queued", None


def objection_submission(values: dict, rec) -> dict:  # noqa: ANN001
    """The outbox data of an objection (docs/submissions.md, ``objection``)."""
    return {
        "format": SUBMISSION_FORMAT, "objection_id": values["id"], "record_id": values["record_id"],
        "record_updated_at": rec.updated_at, "record_title": rec.title, "record_doc_no": rec.doc_no,
        "record_category": rec.category, "subject_id": values["subject_id"], "unit": values["unit"],
        "officer": values["officer"], "grounds": values["grounds"],
        "contact": {"name": values["contact_name"], "phone": values["contact_phone"]},
        "filed_at": values["filed_at"], "review_id": values["review_id"],
    }  # fmt: skip


def _saved(row) -> SavedObjection:  # noqa: ANN001
    return SavedObjection(**{k: row[k] for k in _obj.columns.keys()})


__all__ = [
    "ANSWERS", "STATUSES", "STATUS_LABELS", "NotPermitted", "ObjectionDraft", "ObjectionRefused", "ObjectionService",
    "SavedObjection", "StatusChange", "normalise_phone", "validate_draft",
]  # fmt: skip
