"""复核: reviews made offline or on stale data, evaluated again once newer data is here.

A review made without a connection (``offline``) or on data older than the
installation's limit (``stale``) may have missed a record the platform already
had. After each sync or bundle import :meth:`RecheckService.run` takes every
such review — the latest version of each, whose data position is older than the
current one and which has no recheck at the current position yet, and which has
not yet been rechecked on data as of a moment after it was made (once the data
has caught up with the review, what arrives later is not what it missed: no
endless rechecks of every offline review at every sync) — and
evaluates the same matter under the same profile id and version, for the same
subject, on the day the review was made (its ``finalised_at`` date), on the
current data. The result is a ``recheck`` row (old and new outcome, the new
findings and measures, whether the outcome differs); the review itself is never
touched (its content digest keeps verifying).

``old_outcome`` is the outcome the rules computed at the review
(``computed_outcome``); ``differs`` is True when the rules now compute another
outcome. Differing rechecks are listed for a person until acknowledged
(audit ``recheck_ack``).

Natural persons are reviewed under their platform subject id (``P-…``, a digest),
so their records are found again without any ID number.

Pure Python and SQLAlchemy: no Qt.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, and_, exists, or_, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.policy.engine import evaluate
from creditdesk.policy.store import ProfileStore
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services.accounts import accounts_exist
from creditdesk.services.audit import AuditTrail
from creditdesk.services.position import read_position
from creditdesk.services.records import load_records, load_subjects

log = logging.getLogger(__name__)

_review = models.Review.__table__
_recheck = models.Recheck.__table__
_commitment = models.Commitment.__table__


@dataclass(frozen=True)
class RecheckSummary:
    seq: int  # the data position the reviews were evaluated on
    candidates: int  # reviews that needed a recheck at this position
    created: int  # recheck rows written
    differing: int  # of those, how many now compute another outcome
    problems: tuple[str, ...] = ()  # reviews that could not be evaluated, and why

    def to_json(self) -> dict:
        return {"seq": self.seq, "candidates": self.candidates, "created": self.created,
                "differing": self.differing, "problems": list(self.problems)}  # fmt: skip


@dataclass(frozen=True)
class RecheckRow:
    id: int
    review_id: str
    verification_code: str
    subject_id: str
    subject_name: str | None
    subject_code: str | None
    matter: str
    profile_id: str
    profile_version: int
    officer: str
    finalised_at: str
    offline: bool
    stale: bool
    review_seq: int
    old_outcome: str  # computed at the review
    final_outcome: str  # what the officer recorded
    new_outcome: str
    differs: bool
    checked_at: str
    data_seq: int
    data_as_of: str | None
    old_findings: tuple[dict[str, Any], ...]
    new_findings: tuple[dict[str, Any], ...]
    old_measures: tuple[dict[str, Any], ...]
    new_measures: tuple[dict[str, Any], ...]
    acknowledged_at: str | None
    acknowledged_by: str | None

    @property
    def new_record_ids(self) -> frozenset[str]:
        """Records in force now that were not in force (or not there) at the review."""
        before = {f.get("record_id") for f in self.old_findings if f.get("in_force")}
        return frozenset(f["record_id"] for f in self.new_findings if f.get("in_force") and f["record_id"] not in before)

    def to_json(self) -> dict:
        return {
            "id": self.id, "review_id": self.review_id, "verification_code": self.verification_code,
            "subject": {"id": self.subject_id, "name": self.subject_name, "code": self.subject_code},
            "matter": self.matter, "profile": {"id": self.profile_id, "version": self.profile_version},
            "officer": self.officer, "finalised_at": self.finalised_at, "offline": self.offline, "stale": self.stale,
            "review_seq": self.review_seq, "old_outcome": self.old_outcome, "final_outcome": self.final_outcome,
            "new_outcome": self.new_outcome, "differs": self.differs, "checked_at": self.checked_at,
            "data": {"seq": self.data_seq, "as_of": self.data_as_of},
            "old_findings": list(self.old_findings), "new_findings": list(self.new_findings),
            "old_measures": list(self.old_measures), "new_measures": list(self.new_measures),
            "new_record_ids": sorted(self.new_record_ids),
            "acknowledged_at": self.acknowledged_at, "acknowledged_by": self.acknowledged_by,
        }  # fmt: skip


def _local_now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def require_follow_up(engine: Engine, by: Actor | None) -> None:
    """NotPermitted unless ``by`` may follow up (unattributed only in a home without accounts)."""
    from creditdesk.roles import require

    require(by, "follow_up", accounts_exist=accounts_exist(engine))


def sees_all(viewer: Actor | None) -> bool:
    """Supervisors and administrators (and an unattributed home) see everyone's; officers their own."""
    return viewer is None or viewer.can("view_all_reviews")


def review_day(finalised_at: str) -> dt.date:
    """The day of a review as the counter wrote it (the date part of its local ISO time)."""
    try:
        return dt.datetime.fromisoformat(finalised_at).date()
    except ValueError:
        return dt.date.fromisoformat(finalised_at[:10])


def finding_json(f: Any) -> dict[str, Any]:
    """A policy.engine Finding as the review stores it."""
    r = f.record
    return {"record_id": r.id, "updated_at": r.updated_at, "title": r.title, "doc_no": r.doc_no,
            "category": r.category, "in_force": f.in_force, "reason": f.reason}  # fmt: skip


class RecheckService:
    def __init__(self, engine: Engine, audit: AuditTrail | None = None,
                 now: Callable[[], dt.datetime] | None = None) -> None:  # fmt: skip
        self.engine = engine
        self.audit = audit or AuditTrail(engine)
        self._now = now or _local_now
        self._store: ProfileStore | None = None

    def _stamp(self) -> str:
        now = self._now()
        if now.tzinfo is None:
            now = now.astimezone()
        return now.isoformat(timespec="seconds")

    @property
    def store(self) -> ProfileStore:
        if self._store is None:
            self._store = ProfileStore.from_engine(self.engine)
        return self._store

    # -- running -----------------------------------------------------------------

    def candidates(self) -> list[dict[str, Any]]:
        """Latest-version offline/stale reviews on older data without a recheck at the current position."""
        with self.engine.connect() as conn:
            pos = read_position(conn)
            newer = _review.alias("newer")
            q = (
                select(_review)
                .where(
                    or_(_review.c.offline.is_(True), _review.c.stale.is_(True)),
                    ~exists(select(newer.c.id).where(newer.c.supersedes == _review.c.id)),
                    or_(_review.c.data_seq < pos.seq,
                        and_(_review.c.data_epoch.is_not(None), _review.c.data_epoch != pos.epoch)) if pos.epoch
                    else _review.c.data_seq < pos.seq,
                    ~exists(select(_recheck.c.id).where(_recheck.c.review_id == _review.c.id,
                                                        _recheck.c.data_seq == pos.seq)),
                )
                .order_by(_review.c.finalised_at)
            )  # fmt: skip
            if not pos.seq:
                return []
            reviews = [dict(r) for r in conn.execute(q).mappings()]
            covered = _covered(conn, reviews)
        return [r for r in reviews if r["id"] not in covered]

    def run(self, today: dt.date | None = None) -> RecheckSummary:  # noqa: ARG002 - the review's own day is used
        """Evaluate every candidate on the current data and store a recheck row for each."""
        from creditdesk.services.check import CheckService

        reviews = self.candidates()
        with self.engine.connect() as conn:
            pos = read_position(conn)
        if not reviews:
            return RecheckSummary(pos.seq, 0, 0, 0)
        ids = [r["subject_id"] for r in reviews]
        problems: list[str] = []
        rows: list[dict[str, Any]] = []
        with self.engine.connect() as conn:
            subjects = load_subjects(conn, list(dict.fromkeys(ids)))
            records = load_records(conn, list(dict.fromkeys(ids)))
            signed = set(conn.execute(
                select(_commitment.c.review_id).where(_commitment.c.review_id.in_([r["id"] for r in reviews]))
            ).scalars())  # fmt: skip
            checked_at = self._stamp()
            for r in reviews:
                profile = next((p for p in self.store.versions(r["profile_id"]) if p.version == r["profile_version"]), None)
                if profile is None:
                    problems.append(f"{r['verification_code']}：找不到档案 {r['profile_id']} 第 {r['profile_version']} 版")
                    continue
                report = None
                if r["report"] and r["report"].get("report_no"):
                    report = CheckService._report(conn, r["report"]["report_no"])
                profile = self.store.with_base(profile, review_day(r["finalised_at"]))  # the national layer of that day
                try:
                    result = evaluate(profile, r["matter"], review_day(r["finalised_at"]), subjects.get(r["subject_id"]),
                                      records.get(r["subject_id"], []), report, r["id"] in signed,
                                      subject_id=r["subject_id"])  # fmt: skip
                except LookupError as exc:
                    problems.append(f"{r['verification_code']}：{exc}")
                    continue
                measures = [{**m.to_json(), "rule_id": m.rule_id, "outcome": m.outcome} for m in result.measures]
                rows.append({
                    "review_id": r["id"], "checked_at": checked_at, "data_seq": pos.seq, "data_as_of": pos.as_of,
                    "old_outcome": r["computed_outcome"], "new_outcome": result.outcome,
                    "new_findings": [finding_json(f) for f in result.findings], "new_measures": measures,
                    "differs": result.outcome != r["computed_outcome"],
                })  # fmt: skip
        created = 0
        if rows:
            with write_transaction(self.engine) as conn:
                done = set(conn.execute(
                    select(_recheck.c.review_id).where(_recheck.c.data_seq == pos.seq,
                                                       _recheck.c.review_id.in_([x["review_id"] for x in rows]))
                ).scalars())  # fmt: skip  — another window may have rechecked meanwhile
                fresh = [x for x in rows if x["review_id"] not in done]
                if fresh:
                    conn.execute(_recheck.insert(), fresh)
                created = len(fresh)
        differing = sum(x["differs"] for x in rows)
        for p in problems:
            log.warning("recheck skipped: %s", p)
        return RecheckSummary(pos.seq, len(reviews), created, differing, tuple(problems))

    # -- reading -----------------------------------------------------------------

    def list(self, viewer: Actor | None, differing_only: bool = True, open_only: bool = True) -> list[RecheckRow]:
        """The latest recheck of each review (newest data position), as the viewer may see them."""
        later = _recheck.alias("later")
        q = (
            select(_recheck, _review.c.verification_code, _review.c.subject_id, _review.c.subject_name,
                   _review.c.subject_code_display, _review.c.matter, _review.c.profile_id, _review.c.profile_version,
                   _review.c.officer, _review.c.finalised_at, _review.c.offline, _review.c.stale,
                   _review.c.data_seq.label("review_seq"), _review.c.final_outcome, _review.c.findings,
                   _review.c.measures)
            .select_from(_recheck.join(_review, _review.c.id == _recheck.c.review_id))
            .where(~exists(select(later.c.id).where(later.c.review_id == _recheck.c.review_id,
                                                    later.c.data_seq > _recheck.c.data_seq)))
            .order_by(_recheck.c.checked_at.desc(), _recheck.c.id.desc())
        )  # fmt: skip
        if differing_only:
            q = q.where(_recheck.c.differs.is_(True))
        if open_only:
            q = q.where(_recheck.c.acknowledged_at.is_(None))
        if not sees_all(viewer):
            q = q.where(_review.c.officer == viewer.name)
        with self.engine.connect() as conn:
            return [_row(m) for m in conn.execute(q).mappings()]

    def get(self, recheck_id: int) -> RecheckRow | None:
        return next((r for r in self.list(None, differing_only=False, open_only=False) if r.id == recheck_id), None)

    # -- acknowledging -------------------------------------------------------------

    def acknowledge(self, recheck_id: int, by: Actor | None) -> RecheckRow:
        """A person has read the recheck (audit ``recheck_ack``). Refused if already acknowledged."""
        require_follow_up(self.engine, by)
        at = self._stamp()
        with write_transaction(self.engine) as conn:
            row = conn.execute(
                select(_recheck.c.id, _recheck.c.review_id, _recheck.c.acknowledged_at, _recheck.c.acknowledged_by,
                       _recheck.c.old_outcome, _recheck.c.new_outcome, _recheck.c.data_seq)
                .where(_recheck.c.id == int(recheck_id))
            ).first()  # fmt: skip
            if row is None:
                raise LookupError(f"没有编号为 {recheck_id} 的复核记录")
            if row.acknowledged_at is not None:
                raise ValueError(f"该复核记录已由 {row.acknowledged_by or '—'} 于 {row.acknowledged_at} 确认")
            conn.execute(update(_recheck).where(_recheck.c.id == row.id)
                         .values(acknowledged_at=at, acknowledged_by=by.name if by else None))  # fmt: skip
            self.audit.append("recheck_ack", actor=by, target=row.review_id, conn=conn,
                              detail={"recheck_id": row.id, "old_outcome": row.old_outcome,
                                      "new_outcome": row.new_outcome, "data_seq": row.data_seq})  # fmt: skip
        found = self.get(int(recheck_id))
        assert found is not None
        return found


def _time(value: str | None) -> dt.datetime | None:
    try:
        t = dt.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    return t.replace(tzinfo=dt.timezone.utc) if t is not None and t.tzinfo is None else t


def _covered(conn, reviews: list[dict[str, Any]]) -> set[str]:  # noqa: ANN001
    """Reviews already rechecked on data as of a moment after they were made: the data they could
    not see has arrived and was looked at; later data is not what they missed (no endless rechecks)."""
    if not reviews:
        return set()
    made = {r["id"]: _time(r["finalised_at"]) for r in reviews}
    covered: set[str] = set()
    ids = list(made)
    for start in range(0, len(ids), 500):
        q = select(_recheck.c.review_id, _recheck.c.data_as_of).where(_recheck.c.review_id.in_(ids[start:start + 500]))
        for review_id, as_of in conn.execute(q):
            t, when = _time(as_of), made.get(review_id)
            if t is not None and when is not None and t >= when:
                covered.add(review_id)
    return covered


def _row(m) -> RecheckRow:  # noqa: ANN001
    return RecheckRow(
        id=m["id"], review_id=m["review_id"], verification_code=m["verification_code"], subject_id=m["subject_id"],
        subject_name=m["subject_name"], subject_code=m["subject_code_display"], matter=m["matter"],
        profile_id=m["profile_id"], profile_version=m["profile_version"], officer=m["officer"],
        finalised_at=m["finalised_at"], offline=bool(m["offline"]), stale=bool(m["stale"]),
        review_seq=m["review_seq"], old_outcome=m["old_outcome"], final_outcome=m["final_outcome"],
        new_outcome=m["new_outcome"], differs=bool(m["differs"]), checked_at=m["checked_at"],
        data_seq=m["data_seq"], data_as_of=m["data_as_of"], old_findings=tuple(m["findings"] or ()),
        new_findings=tuple(m["new_findings"] or ()), old_measures=tuple(m["measures"] or ()),
        new_measures=tuple(m["new_measures"] or ()), acknowledged_at=m["acknowledged_at"],
        acknowledged_by=m["acknowledged_by"],
    )  # fmt: skip


__all__ = ["NotPermitted", "RecheckRow", "RecheckService", "RecheckSummary", "accounts_exist", "require_follow_up"]
