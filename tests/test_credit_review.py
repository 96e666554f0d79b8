"""昆山 信用审查 as a workflow (第十、十一、十三、十四条): request through the outbox, 5-working-day deadline on the
Chinese calendar, the result recorded against the review, a 审查报告 valid for one year, pilot units only.

Expected deadlines are counted by hand on the published holiday arrangements (国办发明电 for 2025: 国庆节、中秋节
10月1日至8日放假，9月28日（周日）、10月11日（周六）上班)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.policy.store import ProfileStore
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.check import CheckService
from creditdesk.services.credit_review import CreditReviewRefused, CreditReviewService
from creditdesk_platform.server import SUBMISSION_KINDS
from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc

TZ = dt.timezone(dt.timedelta(hours=8))
_outbox = models.OutboxItem.__table__
_audit = models.AuditEntry.__table__


def at(day: str) -> dt.datetime:
    return dt.datetime.fromisoformat(day + "T10:00:00").replace(tzinfo=TZ)


@pytest.fixture()
def home(tmp_path):
    feed = Feed()
    company = feed.company("昆山精密模具有限公司", uscc(5))
    ctx = open_app(tmp_path / "home")
    ChangeApplier(ctx.engine).apply([company], Position(feed.seq, EPOCH, "2025-09-26T08:00:00+08:00", "kunshan",
                                                         person_key=PERSON_KEY_B64))  # fmt: skip
    yield ctx, company["id"]
    ctx.close()


KUNSHAN = ProfileStore.bundled()


def kunshan(day: str = "2026-11-23"):  # noqa: ANN201
    return KUNSHAN.resolve("kunshan", dt.date.fromisoformat(day))


def service(ctx, day: str) -> CreditReviewService:  # noqa: ANN001
    return CreditReviewService(ctx.engine, ctx.audit, now=lambda: at(day))


def test_the_kunshan_profile_says_who_when_and_how_long():
    cr = kunshan().credit_review
    assert (cr.by, cr.deadline_working_days, cr.valid_years, cr.pilot_only) == ("市公共信用信息中心", 5, 1, True)
    assert [c.clause for c in cr.citations] == ["第十条", "第十一条", "第十三条", "第十四条"]
    assert all(KUNSHAN.resolve(p, dt.date(2026, 11, 23)).credit_review is None for p in ("fuzhou", "wuchang", "erenhot", "cangzhou"))


@pytest.mark.parametrize("requested, due", [
    ("2026-11-23", dt.date(2026, 11, 30)),  # Monday: Tue–Fri are 1–4, the next Monday the 5th
    ("2025-09-26", dt.date(2025, 10, 10)),  # Friday: Sun 28 (调休) 1, Mon 29 2, Tue 30 3, 1–8 Oct off, Thu 9 4, Fri 10 5
])  # fmt: skip
def test_a_request_is_queued_audited_and_due_in_five_working_days(home, requested, due):
    ctx, sid = home
    row = service(ctx, requested).request(kunshan(requested), sid, "approval", "昆山市市场监督管理局", None,
                                         subject_name="昆山精密模具有限公司", review_id="R-1")  # fmt: skip
    assert row.due_on == due and row.status == "requested" and not row.due_estimated
    with ctx.engine.connect() as conn:
        items = conn.execute(select(_outbox.c.uid, _outbox.c.kind, _outbox.c.data)).all()
        audit = conn.execute(select(_audit.c.action, _audit.c.target).where(_audit.c.action == "credit_review_request")).all()
    assert [(i.uid, i.kind) for i in items] == [(row.id, "credit_review_request")]
    data = items[0].data
    assert data["to"] == "市公共信用信息中心" and data["due_on"] == due.isoformat() and data["review_id"] == "R-1"
    assert data["unit"] == "昆山市市场监督管理局" and data["subject_id"] == sid and data["matter"] == "approval"
    assert audit == [("credit_review_request", sid)]


def test_asking_again_while_waiting_does_not_queue_twice(home):
    ctx, sid = home
    s = service(ctx, "2026-11-23")
    first = s.request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    again = s.request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    assert again.id == first.id
    with ctx.engine.connect() as conn:
        assert len(conn.execute(select(_outbox.c.uid)).all()) == 1


def test_the_waiting_list_counts_working_days_and_says_overdue(home):
    ctx, sid = home
    row = service(ctx, "2026-11-23").request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    assert [r.days_left for r in service(ctx, "2026-11-27").waiting()] == [1]  # Fri: Mon 30 still ahead
    assert service(ctx, "2026-11-30").waiting()[0].days_left == 0
    late = service(ctx, "2026-12-01").waiting(overdue_only=True)
    assert [(r.id, r.days_left, r.overdue) for r in late] == [(row.id, -1, True)]
    assert service(ctx, "2026-11-27").waiting(overdue_only=True) == []


def test_the_result_is_recorded_against_the_review_and_valid_one_year(home):
    ctx, sid = home
    row = service(ctx, "2026-11-23").request(kunshan(), sid, "approval", "昆山市市场监督管理局", None, review_id="R-9")
    done = service(ctx, "2026-11-27").record_result(row.id, kunshan(), dt.date(2026, 11, 27), None,
                                                    report_no="KSXS-2026-0042", adverse=False, summary="未发现不良信用信息")  # fmt: skip
    assert done.status == "received" and done.valid_until == dt.date(2027, 11, 27)  # 第十四条: 有效期原则上为1年
    assert [r.id for r in service(ctx, "2026-11-27").for_review("R-9")] == [row.id]
    assert service(ctx, "2026-11-27").waiting() == []
    s = service(ctx, "2026-11-27")
    assert s.valid_report(sid, dt.date(2027, 11, 27)).id == row.id  # the anniversary is the last valid day
    assert s.valid_report(sid, dt.date(2027, 11, 28)) is None
    with pytest.raises(CreditReviewRefused, match="已于"):
        s.record_result(row.id, kunshan(), dt.date(2026, 11, 27), None)


def test_a_result_before_the_request_or_in_the_future_is_refused(home):
    ctx, sid = home
    row = service(ctx, "2026-11-23").request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    with pytest.raises(CreditReviewRefused, match="早于申请日期"):
        service(ctx, "2026-11-24").record_result(row.id, kunshan(), dt.date(2026, 11, 20), None)
    with pytest.raises(CreditReviewRefused, match="晚于今天"):
        service(ctx, "2026-11-24").record_result(row.id, kunshan(), dt.date(2026, 11, 25), None)
    with pytest.raises(CreditReviewRefused, match="未规定信用审查"):
        service(ctx, "2026-11-24").request(KUNSHAN.resolve("fuzhou", dt.date(2026, 11, 24)), sid, "approval", "u", None)


def test_the_request_reaches_the_reference_platform(home, tmp_path):
    from creditdesk.platform.client import PlatformClient, RetryPolicy
    from creditdesk.platform.outbox import OutboxPusher
    from creditdesk_platform.server import PlatformServer

    ctx, sid = home
    row = service(ctx, "2026-11-23").request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    srv = PlatformServer(state_dir=tmp_path / "platform")
    srv.start()
    try:
        with PlatformClient(srv.base_url, "ws-01", "test-token", retry=RetryPolicy(attempts=3, base_delay=0.01),
                            timeout=5.0) as c:  # fmt: skip
            result = OutboxPusher(ctx.engine, c).push()
        assert result.delivered == 1 and result.rejected == 0
        assert srv.submissions[row.id]["kind"] == "credit_review_request"
        assert srv.submissions[row.id]["data"]["due_on"] == "2026-11-30"
    finally:
        srv.close()


def test_a_valid_review_closes_the_requirement_and_a_non_pilot_unit_is_not_asked(home):
    ctx, sid = home
    day = dt.date(2026, 11, 27)
    check = CheckService(ctx.engine, "kunshan")
    assert check.check(sid, "approval", day=day, commitment_signed=True).result.requirements == ("credit_review",)
    # 第十三条: only the pilot units must ask for a 信用审查
    assert CheckService(ctx.engine, "kunshan", credit_review_pilot=False).check(
        sid, "approval", day=day, commitment_signed=True).result.requirements == ()  # fmt: skip
    row = service(ctx, "2026-11-23").request(kunshan(), sid, "approval", "昆山市市场监督管理局", None)
    service(ctx, "2026-11-27").record_result(row.id, kunshan(), day, None, adverse=False)
    assert check.check(sid, "approval", day=day, commitment_signed=True).result.requirements == ()
    # 第五条 "信用审查或信用报告": the review alone satisfies fiscal_support's report-or-review group
    assert check.check(sid, "fiscal_support", day=day, commitment_signed=True).result.requirements == ()
    assert check.check(sid, "approval", day=dt.date(2027, 11, 28), commitment_signed=True).result.requirements == ("credit_review",)


def test_the_reference_platform_accepts_the_new_kind_and_rejects_an_incomplete_request():
    from creditdesk_platform.server import PlatformServer

    assert "credit_review_request" in SUBMISSION_KINDS
    check = PlatformServer._check_item
    uid = "0b8f6c1e-1111-4222-8333-444455556666"
    good = {"uid": uid, "kind": "credit_review_request", "data": {
        "request_id": uid, "unit": "昆山市市场监督管理局", "officer": "zhangsan", "subject_id": uscc(5),
        "matter": "approval", "requested_at": "2026-11-23T10:00:00+08:00", "due_on": "2026-11-30"}}
    assert check(good) is None
    assert "subject_id" in check({**good, "data": {**good["data"], "subject_id": ""}})
    assert "due_on" in check({**good, "data": {k: v for k, v in good["data"].items() if k != "due_on"}})
    assert "request_id" in check({**good, "data": {**good["data"], "request_id": "0b8f6c1e-0000-4222-8333-444455556666"}})


def test_requesting_a_review_never_loads_http_code():
    """The request is queued like any saved work: the service does not import the platform client."""
    import subprocess
    import sys

    code = ("import sys, creditdesk.services.credit_review, creditdesk.services.check\n"
            "print(','.join(sorted(m for m in sys.modules if m == 'httpx' or m.startswith(('httpx.', 'creditdesk.platform')))))\n")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == ""
