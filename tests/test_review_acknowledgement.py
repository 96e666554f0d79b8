"""Issue 11 item 2: an adverse record in force that no rule covers (本市档案未规定措施) is acknowledged by the
officer, and the saved review records it — which records, by whom, when — with its 信用审查 link; the
platform submission, the slip and the ledger's row detail carry both.

The case: 沧州 (cangzhou-2022.txt) names measures for 政府采购 against black-list categories only; a natural
person's 行政处罚 in force has no rule there, so the officer must acknowledge it."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from creditdesk.db import models
from creditdesk.policy.store import ProfileStore
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.check import CheckService
from creditdesk.services.credit_review import CreditReviewService
from creditdesk.services.ledger import LedgerFilter, LedgerService
from creditdesk.services.reviews import (
    Acknowledgement,
    ReviewRefused,
    ReviewService,
    content_digest,
    credit_review_text,
    draft_from_check,
)
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
AS_OF = "2026-11-21T18:00:00+08:00"
DAY = dt.date(2026, 11, 23)
UNIT, OFFICER, WINDOW = "沧州市行政审批局", "wangfang", "1号窗口"
_review, _outbox = models.Review.__table__, models.OutboxItem.__table__
_audit = models.AuditEntry.__table__


@pytest.fixture
def city(engine):
    feed = Feed()
    person = feed.person("林小红", id_number(31))
    clean = feed.company("昆山精密模具有限公司", uscc(5))
    changes = [person, clean, feed.record("R-P", person["id"], "admin_penalty", publish_from="2026-01-01",
                                          decided_on="2025-12-20")]  # fmt: skip
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "cangzhou", person_key=PERSON_KEY_B64))
    return {"person": person["id"], "clean": clean["id"]}


@pytest.fixture
def service(engine):
    return ReviewService(engine, now=Clock(dt.datetime(2026, 11, 23, 10, 30, tzinfo=TZ)))


def count(engine, table) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_a_review_with_an_unruled_record_is_not_saved_without_the_acknowledgement(engine, city, service):
    out = CheckService(engine, "cangzhou").check(city["person"], "procurement", day=DAY)
    assert [x.id for x in out.result.unruled_adverse] == ["R-P"]
    draft = draft_from_check(out, OFFICER, UNIT, WINDOW)
    with pytest.raises(ReviewRefused, match="有 1 条有效不良记录本市档案未规定措施：须经办人确认已阅后才能保存"):
        service.finalise(draft)
    assert count(engine, _review) == 0 and count(engine, _outbox) == 0  # nothing half-saved


def test_the_acknowledgement_is_stored_submitted_audited_and_in_the_digest(engine, city, service):
    out = CheckService(engine, "cangzhou").check(city["person"], "procurement", day=DAY)
    ack = Acknowledgement(OFFICER, "王芳", "2026-11-23T10:28:05+08:00")
    saved = service.finalise(draft_from_check(out, OFFICER, UNIT, WINDOW, acknowledgement=ack))
    a = saved.acknowledgement
    assert a["by"] == "wangfang" and a["by_display"] == "王芳" and a["at"] == "2026-11-23T10:28:05+08:00"
    assert [(r["record_id"], r["category"], r["title"], r["decided_on"]) for r in a["records"]] == [
        ("R-P", "admin_penalty", "admin_penalty R-P", "2025-12-20")]
    assert saved.credit_review is None  # 沧州 has no 信用审查
    with engine.connect() as conn:
        data = conn.execute(select(_outbox.c.data).where(_outbox.c.uid == saved.id)).scalar_one()
        detail = conn.execute(select(_audit.c.detail).where(_audit.c.action == "review")).scalar_one()
    data = data if isinstance(data, dict) else __import__("json").loads(data)
    detail = detail if isinstance(detail, dict) else __import__("json").loads(detail)
    assert data["acknowledgement"] == a and data["credit_review"] is None
    assert detail["acknowledged"] == ["R-P"] and detail["acknowledged_by"] == "wangfang"
    # the digest covers it: changed behind the application's back, the review no longer verifies
    assert service.verify(saved.verification_code).intact
    with engine.begin() as conn:
        conn.execute(_review.update().where(_review.c.id == saved.id).values(acknowledgement={**a, "by": "someone"}))
    assert not service.verify(saved.verification_code).intact


def test_a_review_with_nothing_to_acknowledge_keeps_the_digest_it_had_before_the_columns(engine, city, service):
    out = CheckService(engine, "cangzhou").check(city["clean"], "procurement", day=DAY)
    saved = service.finalise(draft_from_check(out, OFFICER, UNIT, WINDOW))
    assert saved.acknowledgement is None
    with engine.connect() as conn:
        row = dict(conn.execute(select(_review).where(_review.c.id == saved.id)).mappings().one())
    before = {k: v for k, v in row.items() if k not in ("acknowledgement", "credit_review")}  # a row from 0007
    assert content_digest(before, None) == content_digest(row, None) == row["content_digest"]


def test_the_credit_review_on_file_is_linked_and_shown_in_the_ledger_detail(engine, city):
    kunshan = ProfileStore.bundled().resolve("kunshan", DAY)
    sid = city["clean"]
    clock = Clock(dt.datetime(2026, 11, 23, 10, 0, tzinfo=TZ))
    req = CreditReviewService(engine, now=lambda: dt.datetime(2026, 11, 23, 10, 0, tzinfo=TZ)).request(kunshan, sid, "approval", UNIT, None, subject_name="昆山精密模具有限公司")
    reviews = ReviewService(engine, now=clock)
    check = CheckService(engine, "kunshan")
    waiting = reviews.finalise(draft_from_check(check.check(sid, "approval", day=DAY, commitment_signed=True),
                                                OFFICER, UNIT, WINDOW, commitment=_signed()))  # fmt: skip
    # 第十一条: 5 working days from Mon 2026-11-23 -> Mon 2026-11-30 (no holiday in between)
    assert waiting.credit_review == {
        "request_id": req.id, "status": "requested", "matter": "approval", "requested_at": "2026-11-23T10:00:00+08:00",
        "due_on": "2026-11-30", "received_on": None, "report_no": None, "adverse": None, "valid_until": None}
    clock.t = dt.datetime(2026, 11, 27, 9, 0, tzinfo=TZ)
    CreditReviewService(engine, now=lambda: clock.t).record_result(req.id, kunshan, dt.date(2026, 11, 27), None, report_no="KSXS-118", adverse=False)
    later = reviews.finalise(draft_from_check(check.check(sid, "fiscal_support", day=dt.date(2026, 11, 27),
                                                          commitment_signed=True),
                                              OFFICER, UNIT, WINDOW, commitment=_signed()))  # fmt: skip
    # 第十四条: a 审查报告 is valid one year: the link names it for any later matter of the subject
    assert later.credit_review["status"] == "received" and later.credit_review["valid_until"] == "2027-11-27"
    assert credit_review_text(later.credit_review) == (
        f"审查报告 KSXS-118，2026-11-27 收到，未发现不良信息，有效期至 2027-11-27（申请编号 {req.id}）")
    rows = LedgerService(engine).rows(LedgerFilter(dt.date(2026, 11, 23), dt.date(2026, 11, 27)))
    by_id = {r.review_id: r for r in rows}
    assert by_id[waiting.id].credit_review == (
        f"已于 2026-11-23 申请，信用中心应于 2026-11-30 前反馈，尚未收到审查报告（申请编号 {req.id}）")
    assert by_id[later.id].credit_review.startswith("审查报告 KSXS-118")


def test_the_ledger_detail_names_the_acknowledged_records_and_who(engine, city, service):
    out = CheckService(engine, "cangzhou").check(city["person"], "procurement", day=DAY)
    ack = Acknowledgement(OFFICER, "王芳", "2026-11-23T10:28:05+08:00")
    saved = service.finalise(draft_from_check(out, OFFICER, UNIT, WINDOW, acknowledgement=ack))
    row = next(r for r in LedgerService(engine).rows(LedgerFilter(DAY, DAY)) if r.review_id == saved.id)
    local = dt.datetime.fromisoformat(ack.at).astimezone().strftime("%Y-%m-%d %H:%M")
    assert row.acknowledgement == f"王芳 于 {local} 确认阅知 1 条本市档案未规定措施的有效不良记录：“admin_penalty R-P”"


def test_a_correction_keeps_the_acknowledgement_requirement(engine, city, service):
    out = CheckService(engine, "cangzhou").check(city["person"], "procurement", day=DAY)
    draft = draft_from_check(out, OFFICER, UNIT, WINDOW, acknowledgement=Acknowledgement(OFFICER))
    first = service.finalise(draft)
    with pytest.raises(ReviewRefused, match="须经办人确认已阅"):
        service.correct(first.id, dataclasses.replace(draft, acknowledgement=None))


def _signed():  # noqa: ANN202
    from creditdesk.services.reviews import CommitmentDraft

    return CommitmentDraft("本单位郑重承诺……", "张三", "legal_representative", signature_png=b"\x89PNG-x")


def test_the_reference_platform_accepts_a_review_with_its_acknowledgement(engine, city, service):
    from creditdesk_platform.server import PlatformServer

    out = CheckService(engine, "cangzhou").check(city["person"], "procurement", day=DAY)
    saved = service.finalise(draft_from_check(out, OFFICER, UNIT, WINDOW, acknowledgement=Acknowledgement(OFFICER)))
    with engine.connect() as conn:
        item = conn.execute(select(_outbox.c.uid, _outbox.c.kind, _outbox.c.data).where(_outbox.c.uid == saved.id)).one()
    data = item.data if isinstance(item.data, dict) else __import__("json").loads(item.data)
    assert data["acknowledgement"]["records"][0]["record_id"] == "R-P"
    assert PlatformServer._check_item({"uid": item.uid, "kind": item.kind, "data": data}) is None
