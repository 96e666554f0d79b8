"""信用审查: requesting a credit review from the city's public credit information centre, tracking its
deadline, recording its result (昆山 第十、十一、十三、十四条).

Qt-free. The profile says whether and how (``credit_review`` in docs/policy-format.md: who issues it, the
deadline in working days, how long a 审查报告 is valid, whether only pilot units must ask for it). A request
is a row, an outbox item (kind ``credit_review_request``, docs/submissions.md) and an audit entry, written
in one transaction; the deadline counts Chinese working days (creditdesk.workdays, 调休 included). The
result, when the centre answers, is recorded against the request (and so against the review it was asked
for); a 审查报告 within its validity closes the ``credit_review`` requirement of later checks of the subject.
"""

from __future__ import annotations

import datetime as dt
import getpass
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.services.outbox import enqueue
from creditdesk.policy.model import Profile
from creditdesk.roles import Actor
from creditdesk.services.audit import AuditTrail
from creditdesk.workdays import days_left, deadline

_request = models.CreditReviewRequest.__table__
SUBMISSION_KIND = "credit_review_request"
SUBMISSION_FORMAT = 1
STATUS_LABELS = {"requested": "已申请，待反馈", "received": "已收到审查报告"}
MAX_SUMMARY = 2000


class CreditReviewRefused(ValueError):
    """The request or the result cannot be recorded; the message says why, in Chinese."""


@dataclass(frozen=True)
class CreditReviewRow:
    id: str
    review_id: str | None
    subject_id: str
    subject_name: str | None
    matter: str
    profile_id: str
    profile_version: int
    unit: str
    officer: str
    requested_at: str
    due_on: dt.date
    due_estimated: bool
    status: str
    result_received_on: dt.date | None
    result_report_no: str | None
    result_adverse: bool | None
    result_summary: str | None
    valid_until: dt.date | None
    recorded_by: str | None
    days_left: int | None  # working days to the deadline while waiting (negative: overdue); None once received

    @property
    def overdue(self) -> bool:
        return self.status == "requested" and self.days_left is not None and self.days_left < 0

    def valid_on(self, day: dt.date) -> bool:
        return self.status == "received" and self.valid_until is not None and self.result_received_on is not None \
            and self.result_received_on <= day <= self.valid_until

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id, "review_id": self.review_id, "subject_id": self.subject_id, "subject_name": self.subject_name,
            "matter": self.matter, "profile": {"id": self.profile_id, "version": self.profile_version},
            "unit": self.unit, "officer": self.officer, "requested_at": self.requested_at,
            "due_on": self.due_on.isoformat(), "due_estimated": self.due_estimated, "status": self.status,
            "days_left": self.days_left, "overdue": self.overdue,
            "result": None if self.status != "received" else {
                "received_on": self.result_received_on.isoformat() if self.result_received_on else None,
                "report_no": self.result_report_no, "adverse": self.result_adverse, "summary": self.result_summary,
                "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "recorded_by": self.recorded_by,
            },
        }  # fmt: skip


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def _name(actor: Actor | None) -> str:
    return actor.name if actor is not None else getpass.getuser()


class CreditReviewService:
    def __init__(self, engine: Engine, audit: AuditTrail | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.audit = audit or AuditTrail(engine)
        self._now = now or _local_now

    def now(self) -> dt.datetime:
        value = self._now()
        return value.astimezone() if value.tzinfo is None else value

    def _require(self, by: Actor | None, permission: str, what: str) -> None:
        from creditdesk.services.audit import require_audited

        require_audited(self.audit, by, permission, what, engine=self.engine)

    # -- writing -----------------------------------------------------------------

    def request(
        self, profile: Profile, subject_id: str, matter: str, unit: str, by: Actor | None, *,
        subject_name: str | None = None, review_id: str | None = None,
    ) -> CreditReviewRow:  # fmt: skip
        """Ask the centre for a 信用审查 of ``subject_id`` for ``matter`` (permission review). The deadline is
        the profile's working days after today (第十一条: 5个工作日内). One open request per subject and
        matter: asking again while one is waiting returns the waiting one unchanged."""
        self._require(by, "review", f"credit-review request {subject_id}")
        policy = profile.credit_review
        if policy is None:
            raise CreditReviewRefused(f"{profile.name}档案未规定信用审查（无 credit_review 一节），无法申请")
        if profile.matter(matter) is None:
            raise CreditReviewRefused(f"{profile.name}档案没有事项 {matter!r}")
        matter = profile.matter(matter).code
        if not (subject_id or "").strip():
            raise CreditReviewRefused("须指明申请审查的主体")
        now = self.now()
        at = now.isoformat(timespec="seconds")
        due = deadline(now.date(), policy.deadline_working_days)
        rid = str(uuid.uuid4())
        officer = _name(by)
        with write_transaction(self.engine) as conn:
            waiting = conn.execute(
                select(_request.c.id).where(_request.c.subject_id == subject_id, _request.c.matter == matter,
                                            _request.c.status == "requested")
            ).scalar()  # fmt: skip
            if waiting is not None:
                return self._get(conn, waiting)
            values = dict(
                id=rid, review_id=review_id, subject_id=subject_id, subject_name=subject_name, matter=matter,
                profile_id=profile.id, profile_version=profile.version, unit=unit, officer=officer, requested_at=at,
                due_on=due.due, due_estimated=due.estimated, status="requested",
            )  # fmt: skip
            conn.execute(insert(_request).values(**values))
            enqueue(conn, SUBMISSION_KIND, {
                "format": SUBMISSION_FORMAT, "request_id": rid, "review_id": review_id, "unit": unit,
                "officer": officer, "subject_id": subject_id, "subject_name": subject_name, "matter": matter,
                "profile": {"id": profile.id, "version": profile.version}, "to": policy.by,
                "requested_at": at, "due_on": due.due.isoformat(), "working_days": policy.deadline_working_days,
            }, uid=rid, created_at=at)  # fmt: skip
            self.audit.append("credit_review_request", actor=by if by is not None else officer, target=subject_id,
                              conn=conn, detail={"request_id": rid, "review_id": review_id, "matter": matter,
                                                 "due_on": due.due.isoformat(), "to": policy.by})  # fmt: skip
            return self._get(conn, rid)

    def record_result(
        self, request_id: str, profile: Profile, received_on: dt.date, by: Actor | None, *,
        report_no: str | None = None, adverse: bool | None = None, summary: str | None = None,
    ) -> CreditReviewRow:  # fmt: skip
        """The centre's answer (审查报告), recorded against the request (permission review); valid for the
        profile's years from the day received (第十四条: 原则上为1年, the anniversary the last day)."""
        self._require(by, "review", f"credit-review record {request_id}")
        if profile.credit_review is None:
            raise CreditReviewRefused(f"{profile.name}档案未规定信用审查")
        summary = (summary or "").strip() or None
        if summary is not None and len(summary) > MAX_SUMMARY:
            raise CreditReviewRefused(f"审查结论摘要不能超过 {MAX_SUMMARY} 字，实际 {len(summary)} 字")
        if received_on > self.now().date():
            raise CreditReviewRefused(f"收到日期 {received_on} 晚于今天")
        report_no = (report_no or "").strip()[:80] or None
        valid_until = _add_years(received_on, profile.credit_review.valid_years)
        with write_transaction(self.engine) as conn:
            row = self._get(conn, request_id)
            if row.status == "received":
                raise CreditReviewRefused(f"审查申请 {request_id} 已于 {row.result_received_on} 记录结果（{row.recorded_by}）")
            if received_on < dt.date.fromisoformat(row.requested_at[:10]):
                raise CreditReviewRefused(f"收到日期 {received_on} 早于申请日期 {row.requested_at[:10]}")
            conn.execute(update(_request).where(_request.c.id == request_id, _request.c.status == "requested").values(
                status="received", result_received_on=received_on, result_report_no=report_no, result_adverse=adverse,
                result_summary=summary, valid_until=valid_until, recorded_by=_name(by),
            ))  # fmt: skip
            self.audit.append("credit_review_result", actor=by if by is not None else _name(by), target=row.subject_id,
                              conn=conn, detail={"request_id": request_id, "review_id": row.review_id,
                                                 "received_on": received_on.isoformat(), "report_no": report_no,
                                                 "adverse": adverse, "valid_until": valid_until.isoformat(),
                                                 "late": received_on > row.due_on})  # fmt: skip
            return self._get(conn, request_id)

    # -- reading -----------------------------------------------------------------

    def _get(self, conn: Connection, request_id: str, today: dt.date | None = None) -> CreditReviewRow:
        row = conn.execute(select(_request).where(_request.c.id == request_id)).mappings().first()
        if row is None:
            raise CreditReviewRefused(f"没有编号为 {request_id} 的信用审查申请")
        return self._row(row, today or self.now().date())

    @staticmethod
    def _row(r, today: dt.date) -> CreditReviewRow:  # noqa: ANN001
        left = None
        if r["status"] == "requested":
            left, _est = days_left(today, r["due_on"])
            if r["due_on"] < today:
                left = min(left, -1)
        return CreditReviewRow(**{k: r[k] for k in (
            "id", "review_id", "subject_id", "subject_name", "matter", "profile_id", "profile_version", "unit",
            "officer", "requested_at", "due_on", "due_estimated", "status", "result_received_on", "result_report_no",
            "result_adverse", "result_summary", "valid_until", "recorded_by")}, days_left=left)  # fmt: skip

    def get(self, request_id: str) -> CreditReviewRow:
        with self.engine.connect() as conn:
            return self._get(conn, request_id)

    def waiting(self, today: dt.date | None = None, overdue_only: bool = False) -> list[CreditReviewRow]:
        """Requests still waiting for the centre's answer, soonest deadline first (the 跟进 list)."""
        today = today or self.now().date()
        with self.engine.connect() as conn:
            rows = [self._row(r, today) for r in conn.execute(
                select(_request).where(_request.c.status == "requested").order_by(_request.c.due_on, _request.c.requested_at)
            ).mappings()]  # fmt: skip
        return [r for r in rows if r.overdue] if overdue_only else rows

    def for_review(self, review_id: str) -> list[CreditReviewRow]:
        with self.engine.connect() as conn:
            today = self.now().date()
            return [self._row(r, today) for r in conn.execute(
                select(_request).where(_request.c.review_id == review_id).order_by(_request.c.requested_at)).mappings()]

    def valid_report(self, subject_id: str, day: dt.date, conn: Connection | None = None) -> CreditReviewRow | None:
        """The latest 审查报告 for the subject valid on ``day`` (any matter: it reviews the subject), or None."""
        q = (select(_request).where(_request.c.subject_id == subject_id, _request.c.status == "received",
                                    _request.c.result_received_on <= day, _request.c.valid_until >= day)
             .order_by(_request.c.result_received_on.desc()))  # fmt: skip
        if conn is not None:
            row = conn.execute(q).mappings().first()
        else:
            with self.engine.connect() as own:
                row = own.execute(q).mappings().first()
        return self._row(row, day) if row is not None else None


__all__ = ["CreditReviewRefused", "CreditReviewRow", "CreditReviewService", "STATUS_LABELS", "SUBMISSION_KIND"]
