"""The demo home's history: real reviews over several weeks, follow-up, objections; idempotent and quick."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from sqlalchemy import func, select

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.demo.history import generate_history
from creditdesk.services.audit import AuditTrail
from creditdesk.demo.load import load_demo_city
from creditdesk.services.objections import ObjectionService
from creditdesk.services.reviews import ReviewService
from creditdesk.workdays import is_working_day

TODAY = dt.date(2026, 11, 22)
_review = models.Review.__table__
_commitment = models.Commitment.__table__
_event = models.CommitmentEvent.__table__
_outbox = models.OutboxItem.__table__


@pytest.fixture(scope="module")
def home(tmp_path_factory):
    """A demo home on the 沧州 profile (it has measures, so a missed record changes the outcome), 6 weeks."""
    ctx = open_app(tmp_path_factory.mktemp("demo") / "home", demo=True)
    ctx.settings.profile_id = "cangzhou"
    load_demo_city(ctx.engine, subjects=5000, as_of=TODAY)
    summary = generate_history(ctx.engine, ctx.settings, TODAY, weeks=6)
    yield ctx, summary
    ctx.close()


def test_reviews_span_the_weeks_on_working_days_by_several_officers(home):
    ctx, s = home
    assert not s.skipped  # how long it takes: benchmarks/demo_generate.py, not a timed test
    with ctx.engine.connect() as conn:
        rows = conn.execute(select(_review.c.finalised_at, _review.c.officer, _review.c.offline, _review.c.stale,
                                   _review.c.final_outcome, _review.c.computed_outcome,
                                   _review.c.departure_reason)).all()  # fmt: skip
    assert len(rows) == s.reviews
    days = {}
    for r in rows:
        days.setdefault(dt.datetime.fromisoformat(r.finalised_at).date(), []).append(r)
    assert min(days) >= TODAY - dt.timedelta(weeks=6) and max(days) < TODAY
    assert (max(days) - min(days)).days >= 5 * 7  # spans the weeks
    assert all(is_working_day(d, estimate=True) for d in days)  # never on a weekend or holiday
    assert dt.date(2026, 11, 14) not in days and dt.date(2026, 11, 15) not in days  # a weekend
    assert all(20 <= len(v) <= 52 for v in days.values())
    officers = {r.officer for r in rows}
    assert {"demo-officer", "demo-officer2", "demo-supervisor"} == officers == set(s.officers)
    assert sum(r.offline for r in rows) == s.offline > 0 and sum(r.stale for r in rows) == s.stale > 0
    departed = [r for r in rows if r.final_outcome != r.computed_outcome]
    assert len(departed) == s.departures >= 1 and all(r.departure_reason for r in departed)
    for r in rows:  # every moment inside office hours
        t = dt.datetime.fromisoformat(r.finalised_at)
        assert 8 <= t.hour < 18 and t.utcoffset() == dt.timedelta(hours=8)


def test_codes_verify(home):
    ctx, _s = home
    with ctx.engine.connect() as conn:
        codes = list(conn.execute(select(_review.c.verification_code)).scalars())
    service = ReviewService(ctx.engine)
    for code in random.Random(5).sample(codes, 25):
        result = service.verify(code)
        assert result.valid, code


def test_commitments_due_soon_overdue_fulfilled_and_a_breach(home):
    ctx, s = home
    assert s.due_soon >= 1 and s.overdue >= 1 and s.breached == 1 and s.fulfilled >= 1
    with ctx.engine.connect() as conn:
        commitments = conn.execute(select(_commitment.c.id, _commitment.c.status, _commitment.c.due_items)).all()
        events = conn.execute(select(_event.c.commitment_id, _event.c.status, _event.c.actor, _event.c.at)).all()
        status_items = conn.execute(select(_outbox.c.uid, _outbox.c.data).where(_outbox.c.kind == "commitment_status")).all()
    assert len(commitments) == s.commitments
    by_id = {c.id: c for c in commitments}
    assert [e.status for e in events].count("breached") == 1
    for e in events:
        assert by_id[e.commitment_id].status == e.status and e.actor == "demo-supervisor"
        assert dt.datetime.fromisoformat(e.at).date() < TODAY
    assert len(status_items) == len(events)
    dues = [dt.date.fromisoformat(i["due"]) for c in commitments if c.status == "in_force" for i in c.due_items or []]
    assert any(d < TODAY for d in dues) and any(d >= TODAY for d in dues)
    for c in commitments:
        for item in c.due_items or []:
            assert set(item) == {"item", "working_days", "due", "fulfilled_at"}
    actions = {e.action for e in AuditTrail(ctx.engine).entries(actor="demo-supervisor")}
    assert "commitment_status" in actions


def test_objections_and_their_statuses(home):
    ctx, s = home
    objections = ObjectionService(ctx.engine, ctx.audit).list(None)
    assert len(objections) == s.objections >= 2
    statuses = {o.status for o in objections}
    assert "dismissed" in statuses  # answered by the supervisor
    assert statuses & {"submitted", "record_changed"}
    assert any(o.review_id for o in objections)
    assert all(o.officer in ("demo-officer", "demo-officer2", "demo-supervisor") for o in objections)


def test_a_review_made_offline_missed_a_record_and_differs_on_current_data(home):
    from creditdesk.services.recheck import RecheckService

    ctx, s = home
    assert s.missed_records and s.changed_on_current_data
    review = ReviewService(ctx.engine).get(s.changed_on_current_data[0])
    assert review.offline
    RecheckService(ctx.engine, ctx.audit).run()
    differing = {r.review_id for r in RecheckService(ctx.engine, ctx.audit).list(None)}
    assert review.id in differing


def test_audit_is_attributed_dated_and_intact(home):
    ctx, s = home
    trail = AuditTrail(ctx.engine)
    reviews = trail.entries(action="review")
    assert len(reviews) == s.reviews
    assert {e.actor for e in reviews} == set(s.officers)
    assert all(e.at < TODAY.isoformat() for e in reviews)
    assert trail.entries(action="login") and trail.entries(action="objection")
    assert trail.verify().intact
    # The past's entries run in time order along the chain.
    past = [dt.datetime.fromisoformat(e.at) for e in trail.entries()
            if e.action in ("review", "login", "objection", "commitment_status")]  # fmt: skip
    assert past == sorted(past)


def test_outbox_of_the_past_is_delivered(home):
    ctx, _s = home
    with ctx.engine.connect() as conn:
        pending = conn.execute(select(func.count()).select_from(_outbox).where(_outbox.c.status == "pending")).scalar()
    assert pending == 0


def test_idempotent_and_default_profile(tmp_path):
    ctx = open_app(tmp_path / "home", demo=True)
    try:
        assert generate_history(ctx.engine, ctx.settings, TODAY, weeks=1).skipped  # no city yet: nothing
        load_demo_city(ctx.engine, subjects=1500, as_of=TODAY)
        first = generate_history(ctx.engine, ctx.settings, TODAY, weeks=2, seed=7)
        assert not first.skipped and first.reviews > 100 and first.days >= 9
        with ctx.engine.connect() as conn:
            n = conn.execute(select(func.count()).select_from(_review)).scalar()
        audit_n = AuditTrail(ctx.engine).count()
        again = generate_history(ctx.engine, ctx.settings, TODAY, weeks=2, seed=7)
        assert again.skipped
        with ctx.engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(_review)).scalar() == n == first.reviews
        assert AuditTrail(ctx.engine).count() == audit_n
    finally:
        ctx.close()


def test_opened_during_office_hours_today_has_its_work_so_far(tmp_path):
    """The demo opened mid-morning on a working day: the day's ledger already has reviews, none after now."""
    friday = dt.date(2026, 11, 20)
    until = dt.datetime(2026, 11, 20, 11, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    ctx = open_app(tmp_path / "home", demo=True)
    load_demo_city(ctx.engine, subjects=2000, as_of=friday)
    s = generate_history(ctx.engine, ctx.settings, friday, weeks=1, until=until)
    with ctx.engine.connect() as conn:
        stamps = [dt.datetime.fromisoformat(t) for (t,) in conn.execute(select(_review.c.finalised_at))]
    today = [t for t in stamps if t.date() == friday]
    assert today and all(t < until for t in today)
    assert s.last_day == friday and len(stamps) == s.reviews
    assert AuditTrail(ctx.engine).verify().intact
    ctx.close()


def _stroke_as_first_written(rng: random.Random, width: int = 240, height: int = 80) -> bytearray:
    """The signature's stroke as the generator first drew it (the plain loop): the faster one must match it."""
    px = bytearray(b"\xff" * (width * height))
    x, y, dy = 12.0, height / 2, 0.0
    for _ in range(900):
        dy = max(-1.6, min(1.6, dy + rng.uniform(-0.5, 0.5)))
        y = max(8, min(height - 8, y + dy))
        x += rng.uniform(0.1, 0.45)
        if x >= width - 10:
            break
        for ox in (0, 1):
            for oy in (0, 1):
                px[int(y + oy) * width + int(x + ox)] = 0x20
    return px


def test_drawn_signatures_are_the_same_pen_strokes_for_the_same_seed():
    import io

    from PIL import Image

    from creditdesk.demo.history import _signature_png

    for seed in range(200):
        a, b = random.Random(seed), random.Random(seed)
        png = _signature_png(a)
        image = Image.open(io.BytesIO(png))
        assert (image.size, image.mode) == ((240, 80), "L")
        assert image.tobytes() == bytes(_stroke_as_first_written(b)), seed
        assert a.random() == b.random()  # the generator moved on exactly as far: later draws unchanged


def _written(ctx) -> tuple[int, int, int, list[dt.date]]:  # noqa: ANN001
    with ctx.engine.connect() as conn:
        reviews = conn.execute(select(_review.c.finalised_at)).scalars().all()
        commitments = conn.execute(select(func.count()).select_from(_commitment)).scalar()
        items = conn.execute(select(func.count()).select_from(_outbox)
                             .where(_outbox.c.kind.in_(("review", "commitment")))).scalar()  # fmt: skip
    return len(reviews), commitments, items, sorted({dt.datetime.fromisoformat(t).date() for t in reviews})


def test_stopped_midway_every_review_kept_has_its_audit_entry_and_outbox_items(tmp_path, monkeypatch):
    """The history writes in batches (a day's reviews with their audit entries in one transaction):
    cancelled between days, or failing in the middle of a day, what stays is whole and the trail intact."""
    from creditdesk.cancel import CancelToken, Cancelled
    from creditdesk.demo import history

    ctx = open_app(tmp_path / "home", demo=True)
    try:
        load_demo_city(ctx.engine, subjects=1500, as_of=TODAY)
        token = CancelToken()
        with pytest.raises(Cancelled):
            generate_history(ctx.engine, ctx.settings, TODAY, weeks=2, seed=7, cancel=token,
                             progress=lambda done, total: token.cancel() if done == 3 else None)  # fmt: skip
        n, commitments, items, days = _written(ctx)
        # Cancelled as day 4 began (progress 3 of …): that day is finished, the next one never starts.
        assert len(days) == 4 and n >= 4 * 20  # four whole days, 20-50 reviews each
        assert len(AuditTrail(ctx.engine).entries(action="review")) == n and items == n + commitments
        assert AuditTrail(ctx.engine).verify().intact
    finally:
        ctx.close()

    ctx = open_app(tmp_path / "home2", demo=True)
    try:
        load_demo_city(ctx.engine, subjects=1500, as_of=TODAY)
        real, calls = history._History.review, []

        def fails_on_the_hundredth(self, *args, **kwargs):  # noqa: ANN001, ANN202
            calls.append(1)
            if len(calls) == 100:
                raise OSError("disk full")
            return real(self, *args, **kwargs)

        monkeypatch.setattr(history._History, "review", fails_on_the_hundredth)
        with pytest.raises(OSError):
            generate_history(ctx.engine, ctx.settings, TODAY, weeks=2, seed=7)
        n, commitments, items, _days = _written(ctx)
        assert 0 < n < 99  # the day under way is gone, the days before stay
        assert len(AuditTrail(ctx.engine).entries(action="review")) == n and items == n + commitments
        from creditdesk.db.engine import write_transaction

        with write_transaction(ctx.engine, busy_timeout_ms=300) as conn:  # the batch's write lock is let go
            AuditTrail(ctx.engine).append("audit_verify", actor=None, conn=conn)
        assert AuditTrail(ctx.engine).verify().intact
    finally:
        ctx.close()
