"""A milder conclusion needs a reason category, ten characters and a second person; a review, its
audit entry and its outbox items commit in one transaction (issue 11 item 5, issue 10 item 3)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import select, text

from creditdesk.db import models
from creditdesk.roles import Actor, NotPermitted
from creditdesk.services.audit import AuditTrail
from creditdesk.services.reviews import Acknowledgement, OverrideApproval, ReviewRefused, ReviewService, draft_from_check
from support.city import uscc
from support.clock import Clock
from test_reviews import DAY, OFFICER, TZ, UNIT, WINDOW, check, count, fill, outbox

REPO = Path(__file__).resolve().parents[1]
SUPERVISOR = Actor("kezhang", "李科长", "supervisor", UNIT)
OTHER_OFFICER = Actor("zhaoli", "赵丽", "officer", UNIT)
OFFICER_ACTOR = Actor("wangfang", OFFICER, "officer", UNIT)
REASON = "记录已于11月20日撤销，撤销决定书已核对"


@pytest.fixture
def city(engine):
    return fill(engine)


@pytest.fixture
def service(engine):
    return ReviewService(engine, now=Clock(dt.datetime(2026, 11, 22, 9, 0, tzinfo=TZ)))


def milder(engine, **kw):  # noqa: ANN001, ANN003
    # 沧州, procurement, a 严重失信主体名单 record in force: 依规限制 computed (沧州 text), moved to 正常办理
    out = check(engine, uscc(1))
    assert out.result.outcome == "prohibit"
    officer = kw.pop("officer", OFFICER_ACTOR.name)
    args = {"final_outcome": "normal", "departure_reason": REASON, "departure_category": "repaired", **kw}
    return draft_from_check(out, officer, UNIT, WINDOW, **args)


def trail(engine) -> list:  # noqa: ANN001
    t = models.AuditEntry.__table__
    with engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(select(t).order_by(t.c.seq))]


def test_milder_needs_a_category_and_ten_characters(engine, city, service):
    with pytest.raises(ReviewRefused, match="理由类别"):
        service.finalise(milder(engine, departure_category=None), actor=OFFICER_ACTOR)
    with pytest.raises(ReviewRefused, match="至少 10 个字"):
        service.finalise(milder(engine, departure_reason="x"), actor=OFFICER_ACTOR)
    with pytest.raises(ReviewRefused, match="理由类别"):
        service.finalise(milder(engine, departure_category="because"), actor=OFFICER_ACTOR)
    assert count(engine, "review") == 0 and count(engine, "audit_entry") == 0 and count(engine, "outbox_item") == 0


def test_without_approval_saved_as_pending_and_computed_stands(engine, city, service):
    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    assert saved.final_outcome == "normal" and saved.computed_outcome == "prohibit"
    assert saved.override_status == "pending" and saved.override.category == "repaired"
    assert saved.effective_outcome == "prohibit"  # until a supervisor approves
    assert [r.id for r in service.pending_overrides()] == [saved.id]
    kinds = sorted(i.kind for i in outbox(engine))
    assert kinds == ["review", "review_override"]
    o = next(i.data for i in outbox(engine) if i.kind == "review_override")
    assert o["status"] == "pending" and o["computed_outcome"] == "prohibit" and o["requested_outcome"] == "normal"
    assert o["reason"] == REASON and o["verification_code"] == saved.verification_code
    entries = trail(engine)
    assert [(e["action"], e["actor"], e["target"]) for e in entries] == [("review", "wangfang", saved.id)]
    detail = json.loads(entries[0]["detail"])
    assert detail["override"] == "pending" and detail["computed_outcome"] == "prohibit" and detail["outcome"] == "normal"


def test_supervisor_approves_later_on_followup(engine, city, service):
    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    with pytest.raises(NotPermitted):
        service.decide_override(saved.id, True, OTHER_OFFICER)
    with pytest.raises(ReviewRefused, match="驳回须写明理由"):
        service.decide_override(saved.id, False, SUPERVISOR)
    approved = service.decide_override(saved.id, True, SUPERVISOR, note="已电话核实撤销决定")
    assert approved.override_status == "approved" and approved.effective_outcome == "normal"
    assert approved.override.decided_by == "kezhang" and approved.override.decided_by_display == "李科长"
    assert service.pending_overrides() == []
    with pytest.raises(ReviewRefused, match="已批准"):
        service.decide_override(saved.id, False, SUPERVISOR, note="改主意了")
    actions = [(e["action"], e["actor"]) for e in trail(engine)]
    assert actions[0] == ("review", "wangfang") and actions[-1] == ("override_approve", "kezhang")
    assert ("denied", "zhaoli") in actions  # the officer's attempt is on the trail
    statuses = [i.data["status"] for i in outbox(engine) if i.kind == "review_override"]
    assert sorted(statuses) == ["approved", "pending"]
    assert service.verify(saved.verification_code).intact  # the decision is not review content


def test_rejected_keeps_the_computed_conclusion(engine, city, service):
    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    rejected = service.decide_override(saved.id, False, SUPERVISOR, note="撤销决定书未见原件")
    assert rejected.override_status == "rejected" and rejected.effective_outcome == "prohibit"
    assert trail(engine)[-1]["action"] == "override_reject"


def test_approval_on_the_spot_by_a_second_person(engine, city, service):
    with pytest.raises(ReviewRefused, match="科室负责人"):
        service.finalise(milder(engine, approval=OverrideApproval(OTHER_OFFICER)), actor=OFFICER_ACTOR)
    me_as_supervisor = Actor(OFFICER_ACTOR.name, OFFICER, "supervisor", UNIT)
    with pytest.raises(ReviewRefused, match="另一人"):
        service.finalise(milder(engine, approval=OverrideApproval(me_as_supervisor)), actor=OFFICER_ACTOR)
    saved = service.finalise(milder(engine, approval=OverrideApproval(SUPERVISOR, note="现场核对原件")),
                             actor=OFFICER_ACTOR)  # fmt: skip
    assert saved.override_status == "approved" and saved.effective_outcome == "normal"
    assert saved.override.decided_by == "kezhang" and saved.override.decision_note == "现场核对原件"
    assert [(e["action"], e["actor"]) for e in trail(engine)] == [("review", "wangfang"), ("override_approve", "kezhang")]
    assert service.pending_overrides() == []


def test_the_owner_cannot_approve_their_own_pending_override(engine, city, service):
    saved = service.finalise(milder(engine, officer="kezhang"), actor=SUPERVISOR)
    with pytest.raises(ReviewRefused, match="另一人"):
        service.decide_override(saved.id, True, SUPERVISOR)


def test_stricter_departure_needs_no_category_nor_approval(engine, city, service):
    out = check(engine, uscc(1), matter="procurement", profile="fuzhou")
    computed = out.result.outcome
    assert computed in ("normal", "strict")
    draft = draft_from_check(out, OFFICER, UNIT, WINDOW, final_outcome="prohibit", departure_reason="现场发现伪造材料",
                             acknowledgement=Acknowledgement(OFFICER))  # fmt: skip
    saved = service.finalise(draft, actor=OFFICER_ACTOR)
    assert saved.override is None and saved.effective_outcome == "prohibit"


# -- one transaction: the review, its audit entry, its outbox items ------------------------------


def test_injected_failure_at_the_audit_write_leaves_nothing(engine, city, service, monkeypatch):
    def broken(self, conn, *args, **kw):  # noqa: ANN001, ANN002, ANN003
        raise OSError("disk full at the audit entry")

    monkeypatch.setattr(AuditTrail, "_append", broken)
    with pytest.raises(OSError):
        service.finalise(milder(engine), actor=OFFICER_ACTOR)
    for table in ("review", "review_override", "outbox_item", "audit_entry"):
        assert count(engine, table) == 0, table
    monkeypatch.undo()
    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    assert count(engine, "review") == 1 and [e["target"] for e in trail(engine)] == [saved.id]


def test_injected_failure_at_the_decision_audit_keeps_it_pending(engine, city, service, monkeypatch):
    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    real = AuditTrail._append

    def broken(self, conn, action, *args, **kw):  # noqa: ANN001, ANN002, ANN003
        if action == "override_approve":
            raise OSError("power")
        return real(self, conn, action, *args, **kw)

    monkeypatch.setattr(AuditTrail, "_append", broken)
    with pytest.raises(OSError):
        service.decide_override(saved.id, True, SUPERVISOR)
    assert service.get(saved.id).override_status == "pending"
    assert sorted(i.data["status"] for i in outbox(engine) if i.kind == "review_override") == ["pending"]


KILLER = textwrap.dedent("""
    import os, signal, sys, datetime as dt
    sys.path.insert(0, {tests!r})
    from creditdesk.db.engine import make_engine
    from creditdesk.services import reviews
    from creditdesk.services.audit import AuditTrail
    from creditdesk.services.reviews import ReviewService, draft_from_check
    from creditdesk.services.check import CheckService
    from support.city import uscc
    engine = make_engine({url!r})
    where = sys.argv[1]
    if where == "audit":  # the review, its commitment and outbox rows are written; the audit entry is next
        real = AuditTrail._append
        def die(self, conn, *a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        AuditTrail._append = die
    elif where == "outbox":  # the review row is written; its outbox item is next
        def die(*a, **k):
            os.kill(os.getpid(), signal.SIGKILL)
        reviews.enqueue = die
    out = CheckService(engine, "cangzhou").check(uscc(1), "procurement", day=dt.date(2026, 11, 21))
    n = 0
    while True:
        draft = draft_from_check(out, "wangfang", "福州市行政服务中心", "1号窗口", final_outcome="normal",
                                 departure_reason="记录已于11月20日撤销，撤销决定书已核对", departure_category="repaired")
        ReviewService(engine).finalise(draft)
        n += 1
        print(n, flush=True)
""")


@pytest.mark.parametrize("engine", ["sqlite"], indirect=True)
@pytest.mark.parametrize("where", ["audit", "outbox", "random"])
def test_killed_at_the_save_leaves_no_review_without_its_audit_entry(engine, city, tmp_path, where):
    script = tmp_path / "killer.py"
    script.write_text(KILLER.format(tests=str(REPO / "tests"), url=str(engine.url)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    runs = 1 if where != "random" else 6
    for n in range(runs):
        p = subprocess.Popen([sys.executable, str(script), where], stdout=subprocess.PIPE, env=env, cwd=tmp_path)
        if where == "random":
            # let it save some reviews, then kill it wherever it is (2.0 s … 3.5 s into the run)
            try:
                p.wait(timeout=2.0 + 0.3 * n)
            except subprocess.TimeoutExpired:
                p.send_signal(signal.SIGKILL)
        p.wait(timeout=120)
        assert p.returncode == -signal.SIGKILL
    with engine.connect() as conn:
        reviews_saved = set(conn.execute(text("SELECT id FROM review")).scalars())
        audited = set(conn.execute(text("SELECT target FROM audit_entry WHERE action = 'review'")).scalars())
        queued = set(conn.execute(text("SELECT data FROM outbox_item WHERE kind = 'review_override'")).scalars())
        overrides = set(conn.execute(text("SELECT review_id FROM review_override")).scalars())
    assert reviews_saved == audited == overrides  # none without the other
    assert len(queued) == len(reviews_saved)
    if where != "random":
        assert reviews_saved == set()
    else:
        assert len(reviews_saved) >= runs  # the kills did land among saves
    assert AuditTrail(engine).verify().intact


def test_purge_takes_the_override_submission_with_its_review_and_waits_for_its_delivery(engine, city, service):
    """An override's outbox copy holds the reason and the names like the review's own: purged with it,
    and while it is undelivered the review is kept (services/purge.py)."""
    from sqlalchemy import update

    from creditdesk.db.engine import write_transaction
    from creditdesk.services.purge import purge_before

    saved = service.finalise(milder(engine), actor=OFFICER_ACTOR)
    items = {i.kind: i.uid for i in outbox(engine)}
    assert set(items) == {"review", "review_override"}
    box = models.OutboxItem.__table__
    with write_transaction(engine) as conn:  # the review delivered, the override not yet
        conn.execute(update(box).where(box.c.uid == items["review"]).values(status="delivered"))
    after = DAY + dt.timedelta(days=400)
    kept = purge_before(engine, AuditTrail(engine), after, by=None)
    assert kept.reviews == 0 and kept.kept_pending == 1
    with write_transaction(engine) as conn:
        conn.execute(update(box).values(status="delivered"))
    gone = purge_before(engine, AuditTrail(engine), after, by=None)
    assert gone.reviews == 1 and gone.outbox_items == 2  # the review's copy and the override's
    assert outbox(engine) == [] and service.get(saved.id) is None
