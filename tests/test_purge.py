"""Purging old reviews: what goes with them, what is kept and why, audited, and the trail still verifies."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.roles import NotPermitted
from creditdesk.services.accounts import AccountService
from creditdesk.services.audit import AuditTrail
from creditdesk.services.purge import purge_before, purgeable_before
from creditdesk.services.reviews import CommitmentDraft, ReviewDraft, ReviewService
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 3, 1)
PNG = b"\x89PNG\r\n\x1a\nsignature-of-zhang-san"

T = {name: getattr(models, cls).__table__ for name, cls in {
    "review": "Review", "commitment": "Commitment", "event": "CommitmentEvent", "recheck": "Recheck",
    "alert": "SupervisorAlert", "objection": "Objection", "outbox": "OutboxItem"}.items()}  # fmt: skip


def draft(subject: str, *, commitment: bool = False, **kw) -> ReviewDraft:  # noqa: ANN003
    c = CommitmentDraft("本单位郑重承诺：所提交材料真实有效……", "张三", "legal_representative", PNG) if commitment else None
    return ReviewDraft(subject_id=subject, subject_name=f"{subject} 公司", subject_kind="legal_person",
                       subject_code_display=subject, matter="procurement", profile_id="fuzhou", profile_version=1,
                       computed_outcome="normal", final_outcome="normal", officer="王芳", unit="福州市行政服务中心",
                       commitment=c, **kw)  # fmt: skip


def count(engine, name: str) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(T[name])).scalar_one()


def ids(engine, name: str, col: str = "id") -> set:  # noqa: ANN001
    with engine.connect() as conn:
        return set(conn.execute(select(T[name].c[col])).scalars())


def deliver_all(engine) -> None:  # noqa: ANN001
    with write_transaction(engine) as conn:
        conn.execute(update(T["outbox"]).values(status="delivered"))


def hang_things_on(engine, review, tag: str) -> dict:  # noqa: ANN001
    """A status event, a recheck, two alerts and an objection for ``review`` (as the follow-up services would)."""
    ev, obj = f"ev-{tag}", f"ob-{tag}"
    with write_transaction(engine) as conn:
        if review.commitment:
            conn.execute(insert(T["event"]).values(id=ev, commitment_id=review.commitment.id, status="fulfilled",
                                                   note="已履约", at="2026-02-01T09:00:00+08:00", actor="zhao"))  # fmt: skip
            conn.execute(insert(T["outbox"]).values(uid=ev, kind="commitment_status", created_at="2026-02-01",
                                                    data={}, status="delivered", attempts=1,
                                                    queued_at=dt.datetime(2026, 2, 1, tzinfo=TZ)))  # fmt: skip
            conn.execute(insert(T["alert"]).values(kind="commitment_overdue", ref=review.commitment.id, record_id="",
                                                   subject_id=review.subject_id, message="承诺逾期",
                                                   created_at="2026-02-02"))  # fmt: skip
        conn.execute(insert(T["recheck"]).values(review_id=review.id, checked_at="2026-02-03", data_seq=7,
                                                 old_outcome="normal", new_outcome="strict", new_findings=[],
                                                 new_measures=[], differs=True))  # fmt: skip
        conn.execute(insert(T["alert"]).values(kind="recheck_differs", ref=review.id, record_id="R-1",
                                               subject_id=review.subject_id, message="复核结论不同",
                                               created_at="2026-02-03"))  # fmt: skip
        conn.execute(insert(T["objection"]).values(id=obj, record_id="R-1", subject_id=review.subject_id,
                                                   grounds="记录有误", contact_name="张三", filed_at="2026-02-04",
                                                   officer="王芳", unit="福州市行政服务中心", review_id=review.id,
                                                   status="submitted"))  # fmt: skip
        conn.execute(insert(T["outbox"]).values(uid=obj, kind="objection", created_at="2026-02-04", data={},
                                                status="delivered", attempts=1,
                                                queued_at=dt.datetime(2026, 2, 4, tzinfo=TZ)))  # fmt: skip
    return {"event": ev, "objection": obj}


@pytest.fixture
def world(engine):
    clock = Clock(dt.datetime(2026, 1, 10, 9, 0, tzinfo=TZ))
    reviews = ReviewService(engine, now=clock)
    old = reviews.finalise(draft("S-OLD", commitment=True))  # January, delivered: goes
    old_things = hang_things_on(engine, old, "old")
    plain = reviews.finalise(draft("S-PLAIN"))  # January, delivered, nothing attached: goes
    first = reviews.finalise(draft("S-CORR"))  # January, corrected in June: both stay
    deliver_all(engine)
    waiting = reviews.finalise(draft("S-WAIT", commitment=True))  # January, review delivered, commitment pending
    with write_transaction(engine) as conn:
        conn.execute(update(T["outbox"]).where(T["outbox"].c.uid == waiting.id).values(status="delivered"))
    refused = reviews.finalise(draft("S-REFUSED"))  # January, rejected by the platform
    with write_transaction(engine) as conn:
        conn.execute(update(T["outbox"]).where(T["outbox"].c.uid == refused.id).values(status="rejected", reason="x"))
    clock.t = dt.datetime(2026, 6, 1, 9, 0, tzinfo=TZ)
    second = reviews.correct(first.id, dataclasses.replace(draft("S-CORR"), final_outcome="strict", departure_reason="更正"))
    new = reviews.finalise(draft("S-NEW", commitment=True))  # June: stays
    new_things = hang_things_on(engine, new, "new")
    audit = AuditTrail(engine)
    for i in range(5):
        audit.append("lookup", actor=None, target=f"Q{i}")
    return dict(reviews=reviews, audit=audit, old=old, plain=plain, first=first, second=second, waiting=waiting,
                refused=refused, new=new, old_things=old_things, new_things=new_things)  # fmt: skip


def test_purge_removes_old_reviews_and_all_that_hangs_off_them(engine, world):
    w = world
    before = {name: count(engine, name) for name in T}
    result = purge_before(engine, w["audit"], DAY, by=None)
    assert (result.reviews, result.commitments, result.commitment_events) == (2, 1, 1)
    assert (result.rechecks, result.alerts, result.objections) == (1, 2, 1)
    assert result.outbox_items == 2 + 1 + 1 + 1  # two reviews, the commitment, its status event, the objection
    assert (result.kept_pending, result.kept_rejected, result.kept_correction) == (1, 1, 1)
    # 7 reviews saved with their own audit entries in the fixture, 5 lookups, then the purge
    assert not result.dry_run and result.audit_seq == 7 + 5 + 1

    assert ids(engine, "review") == {w[k].id for k in ("first", "second", "waiting", "refused", "new")}
    assert ids(engine, "commitment") == {w["waiting"].commitment.id, w["new"].commitment.id}
    assert ids(engine, "event") == {w["new_things"]["event"]}
    assert ids(engine, "objection") == {w["new_things"]["objection"]}
    assert ids(engine, "recheck", "review_id") == {w["new"].id}
    assert ids(engine, "alert", "ref") == {w["new"].id, w["new"].commitment.id}
    with engine.connect() as conn:  # no signature image of the purged commitment anywhere
        pngs = list(conn.execute(select(T["commitment"].c.signature_png)).scalars())
    assert len(pngs) == 2
    assert before["outbox"] - count(engine, "outbox") == 5
    assert not ids(engine, "outbox", "uid") & {w["old"].id, w["plain"].id, w["old"].commitment.id}

    # what is left still verifies, and so does the audit trail, with the purge in it
    for k in ("first", "second", "waiting", "refused", "new"):
        v = w["reviews"].verify(w[k].verification_code)
        assert v.found and v.intact
    assert not w["reviews"].verify(w["old"].verification_code).found
    verdict = w["audit"].verify()
    assert verdict.intact and verdict.entries == 7 + 5 + 1  # the purged reviews keep their audit entries
    entry = w["audit"].entries(action="purge")[0]
    assert entry.actor is None and entry.target == "before 2026-03-01"
    assert entry.detail["reviews"] == 2 and entry.detail["kept"] == 3 and entry.detail["before"] == "2026-03-01"
    assert "保留 3 条" in result.summary() and "未上报" in result.summary()

    again = purge_before(engine, w["audit"], DAY, by=None)  # nothing more to do; the kept stay kept
    assert again.reviews == 0 and again.kept == 3
    assert w["audit"].verify().intact


def test_once_delivered_the_kept_go_too(engine, world):
    w = world
    purge_before(engine, w["audit"], DAY, by=None)
    deliver_all(engine)
    later = purge_before(engine, w["audit"], dt.date(2026, 7, 1), by=None)
    assert later.reviews == 5 and later.kept == 0
    assert count(engine, "review") == count(engine, "commitment") == count(engine, "outbox") == 0
    assert count(engine, "event") == count(engine, "recheck") == count(engine, "alert") == count(engine, "objection") == 0
    assert w["audit"].verify().intact


def test_dry_run_changes_nothing(engine, world):
    w = world
    before = {name: count(engine, name) for name in T}
    seq = w["audit"].count()
    dry = purge_before(engine, w["audit"], DAY, by=None, dry_run=True)
    assert dry.dry_run and dry.audit_seq is None
    assert {name: count(engine, name) for name in T} == before and w["audit"].count() == seq
    assert purgeable_before(engine, DAY) == dry
    real = purge_before(engine, w["audit"], DAY, by=None)
    assert dataclasses.replace(real, dry_run=True, audit_seq=None) == dry
    assert "试运行" in dry.summary() and "试运行" not in real.summary()


def test_only_an_admin_purges_once_accounts_exist(engine, world):
    w = world
    accounts = AccountService(engine, w["audit"])
    admin = accounts.create("admin", "admin", "admin-pass", by=None)
    sup = accounts.create("zhao", "supervisor", "super-pass", by=admin)
    n = count(engine, "review")
    for who in (None, sup):
        with pytest.raises(NotPermitted):
            purge_before(engine, w["audit"], DAY, by=who)
    assert count(engine, "review") == n
    result = purge_before(engine, w["audit"], DAY, by=admin)
    assert result.reviews == 2
    assert w["audit"].entries(action="purge")[0].actor == "admin"
    assert w["audit"].verify().intact


def test_nothing_old_nothing_done(engine):
    audit = AuditTrail(engine)
    result = purge_before(engine, audit, DAY, by=None)
    assert result.reviews == result.kept == 0 and result.audit_seq == 1
    assert audit.verify().intact
