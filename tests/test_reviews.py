"""The review record: finalise (atomic with the outbox, durable), verify by code, corrections, commitments."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import select, text

from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.identifiers import mask_id_number
from creditdesk.services.outbox import enqueue as real_enqueue
from creditdesk.protocol import Position
from creditdesk.services import reviews
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.check import CheckService
from creditdesk.services.reviews import (
    Acknowledgement,
    CommitmentDraft,
    ReviewRefused,
    ReviewService,
    draft_from_check,
    normalize_code,
)
from support.ci import NOT_APPLICABLE
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.clock import Clock
from support.db import all_text

REPO = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-21T18:00:00+08:00"
DAY = dt.date(2026, 11, 21)
TZ = dt.timezone(dt.timedelta(hours=8))
UNIT, OFFICER, WINDOW = "福州市行政服务中心", "王芳", "1号窗口"
PERSON_ID = id_number(31)
UNKNOWN_ID = id_number(77)
PNG = b"\x89PNG\r\n\x1a\nfake-signature"


def fill(engine) -> dict:  # noqa: ANN001
    feed = Feed()
    black = feed.company("福州顺心贸易有限公司", uscc(1))
    person = feed.person("林小红", PERSON_ID)
    changes = [
        black, person,
        feed.record("R-BL", black["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.record("R-OLD", black["id"], "admin_penalty", publish_from="2020-01-01", publish_until="2021-01-01"),
        feed.record("R-P", person["id"], "admin_penalty", publish_from="2026-01-01"),
    ]  # fmt: skip
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "fuzhou", person_key=PERSON_KEY_B64))
    return {"black": black["id"], "person": person["id"], "seq": feed.seq}


@pytest.fixture
def city(engine):
    return fill(engine)


@pytest.fixture
def service(engine):
    return ReviewService(engine, now=Clock(dt.datetime(2026, 11, 22, 9, 0, tzinfo=TZ)))


def check(engine, query: str, matter: str = "procurement", profile: str = "cangzhou"):  # noqa: ANN001
    return CheckService(engine, profile).check(query, matter, day=DAY)


def signed(**kw) -> CommitmentDraft:
    return CommitmentDraft(**{"template_text": "本单位郑重承诺：所提交材料真实有效……", "signer_name": "张三",
                              "signer_role": "legal_representative", "signature_png": PNG, **kw})  # fmt: skip


def outbox(engine) -> list:  # noqa: ANN001
    t = models.OutboxItem.__table__
    with engine.connect() as conn:
        return list(conn.execute(select(t.c.uid, t.c.kind, t.c.data).order_by(t.c.kind)))


def count(engine, table: str) -> int:  # noqa: ANN001
    with engine.connect() as conn:
        return conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one()


# -- finalise --------------------------------------------------------------------------------


def test_finalise_writes_review_and_outbox_with_protocol_fields(engine, city, service):
    out = check(engine, uscc(1))
    saved = service.finalise(draft_from_check(out, OFFICER, UNIT, WINDOW, offline=True, started_at="2026-11-22T08:58:00+08:00"))
    assert saved.version == 1 and saved.supersedes is None
    assert saved.subject_id == city["black"] and saved.subject_code_display == uscc(1)
    assert saved.final_outcome == saved.computed_outcome == out.result.outcome
    assert saved.data_seq == city["seq"] and saved.data_as_of == AS_OF and saved.offline is True
    assert saved.finalised_at == "2026-11-22T09:01:00+08:00"
    # The evidence the officer saw: every record with its version.
    by_id = {f["record_id"]: f for f in saved.findings}
    assert set(by_id) == {"R-BL", "R-OLD"}
    assert by_id["R-BL"]["in_force"] is True and by_id["R-OLD"]["in_force"] is False
    assert by_id["R-OLD"]["reason"] != "in_force"
    for f in saved.findings:
        assert {"updated_at", "title", "doc_no", "category", "reason"} <= set(f) and f["title"]
    assert service.get(saved.id) == saved

    items = outbox(engine)
    assert [(i.uid, i.kind) for i in items] == [(saved.id, "review")]
    data = items[0].data
    assert data["unit"] == UNIT and data["officer"] == OFFICER and data["subject_id"] == city["black"]
    assert data["matter"] == "procurement" and data["outcome"] == saved.final_outcome
    assert data["profile"] == {"id": "cangzhou", "version": saved.profile_version}
    assert data["data"]["seq"] == city["seq"] and data["data"]["as_of"] == AS_OF and data["offline"] is True
    assert data["verification_code"] == saved.verification_code


def test_injected_failure_leaves_neither_review_nor_outbox(engine, city, service, monkeypatch):
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW)

    def broken(conn, kind, data, uid=None, created_at=None):  # noqa: ANN001
        raise OSError("disk full")

    monkeypatch.setattr(reviews, "enqueue", broken)
    with pytest.raises(OSError):
        service.finalise(dataclasses.replace(draft, requirements=["commitment"], commitment=signed()))
    assert count(engine, "review") == 0 and count(engine, "commitment") == 0 and count(engine, "outbox_item") == 0

    # Fails after the review and commitment are written and the first item is queued.
    real = real_enqueue
    calls = []

    def second_fails(conn, kind, data, uid=None, created_at=None):  # noqa: ANN001
        calls.append(kind)
        if kind == "commitment":
            raise RuntimeError("power")
        return real(conn, kind, data, uid, created_at)

    monkeypatch.setattr(reviews, "enqueue", second_fails)
    with pytest.raises(RuntimeError):
        service.finalise(dataclasses.replace(draft, requirements=["commitment"], commitment=signed()))
    assert calls == ["review", "commitment"]
    assert count(engine, "review") == 0 and count(engine, "commitment") == 0 and count(engine, "outbox_item") == 0


def test_finalise_in_the_callers_transaction(engine, city, service):
    """finalise(conn=…) (the demo history's batches): the rows go with the caller's transaction — rolled back,
    nothing stays; committed, the review reads back exactly as it was returned, its code verifies, and the
    day's commitment numbers count the ones written earlier in that same transaction."""
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW, commitment=signed(due_items=[
        {"item": "补交纳税证明", "working_days": 5, "due": "2026-11-28", "fulfilled_at": None}]))
    with pytest.raises(RuntimeError, match="given up"):
        with write_transaction(engine) as conn:
            service.finalise(draft, audit=False, conn=conn)
            raise RuntimeError("given up")
    assert count(engine, "review") == 0 and count(engine, "commitment") == 0 and count(engine, "outbox_item") == 0
    with write_transaction(engine) as conn:
        first = service.finalise(draft, audit=False, conn=conn)
        second = service.finalise(draft, audit=False, conn=conn)
    assert [first.commitment.number, second.commitment.number] == ["CN-20261122-0001", "CN-20261122-0002"]
    assert service.get(first.id) == first and service.get(second.id) == second
    assert first.verification_code != second.verification_code
    assert service.verify(first.verification_code).intact and service.verify(second.verification_code).intact
    assert sorted(i.kind for i in outbox(engine)) == ["commitment", "commitment", "review", "review"]
    with engine.connect() as conn:  # outside a transaction it is refused, not half written
        with pytest.raises(RuntimeError, match="write transaction"):
            service.finalise(draft, audit=False, conn=conn)
    assert count(engine, "review") == 2


def test_sqlite_save_runs_with_synchronous_full_then_normal(engine, city, service, monkeypatch):
    if engine.dialect.name != "sqlite":
        pytest.skip(f"{NOT_APPLICABLE} a SQLite pragma")
    seen = []
    real = real_enqueue

    def spy(conn, kind, data, uid=None, created_at=None):  # noqa: ANN001
        seen.append(conn.exec_driver_sql("PRAGMA synchronous").scalar())
        return real(conn, kind, data, uid, created_at)

    monkeypatch.setattr(reviews, "enqueue", spy)
    service.finalise(draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW))
    assert seen == [2]  # FULL
    with engine.connect() as conn:  # the pooled connection is back to NORMAL
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1


# -- verification ------------------------------------------------------------------------------


def test_code_verifies_in_any_spelling(engine, city, service):
    saved = service.finalise(draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW))
    code = saved.verification_code
    assert len(code) == 12 and code[4] == code[9] == "-"
    messy = " " + code.lower().replace("-", " ").replace("0", "o").replace("1", "l") + " "
    assert normalize_code(messy) == code
    assert service.find_by_code(messy) == saved
    v = service.verify(messy)
    assert v.found and v.intact and v.valid and v.review == saved and v.superseded_by is None
    assert not service.verify("ABCD-EFGH-JK").found
    assert not service.verify("not a code").found
    assert service.find_by_code("") is None


def test_tampered_row_no_longer_matches(engine, city, service):
    saved = service.finalise(draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW))
    assert saved.final_outcome != "normal"
    with engine.begin() as conn:
        conn.execute(text("UPDATE review SET final_outcome = 'normal' WHERE id = :id"), {"id": saved.id})
    v = service.verify(saved.verification_code)
    assert v.found and not v.intact and not v.valid
    assert v.review.final_outcome == "normal"


def test_tampered_commitment_no_longer_matches(engine, city, service):
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW, commitment=signed())
    saved = service.finalise(draft)
    with engine.begin() as conn:
        conn.execute(text("UPDATE commitment SET signer_name = '李四'"))
    assert not service.verify(saved.verification_code).intact
    # A later status change is not content: it does not break the code.
    with engine.begin() as conn:
        conn.execute(text("UPDATE commitment SET signer_name = '张三', status = 'fulfilled'"))
    assert service.verify(saved.verification_code).intact


def test_code_collision_takes_next_candidate(engine, city, service, monkeypatch):
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW)
    first = service.finalise(draft)
    real = reviews.code_candidate
    # Every digest's first candidate is the first review's code.
    monkeypatch.setattr(reviews, "code_candidate",
                        lambda digest, n=0: first.verification_code.replace("-", "") if n == 0 else real(digest, n))
    second = service.finalise(draft)
    assert second.verification_code != first.verification_code
    assert service.verify(second.verification_code).intact


# -- corrections -----------------------------------------------------------------------------


def test_correction_links_versions_and_keeps_the_old(engine, city, service):
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW)
    old = service.finalise(draft)
    new = service.correct(old.id, dataclasses.replace(draft, final_outcome="strict", departure_reason="经核实记录已修复，改为从严审查",
                                                        departure_category="repaired"))
    assert new.version == 2 and new.supersedes == old.id and new.id != old.id
    assert new.verification_code != old.verification_code
    assert service.get(old.id) == old  # unchanged
    v = service.verify(old.verification_code)
    assert v.found and v.intact and v.superseded_by == new
    assert service.verify(new.verification_code).superseded_by is None
    with pytest.raises(ReviewRefused, match="已被更正"):
        service.correct(old.id, draft)
    with pytest.raises(ReviewRefused, match="不存在"):
        service.correct("no-such-review", draft)
    third = service.correct(new.id, draft)
    assert third.version == 3 and third.supersedes == new.id
    assert [i.kind for i in outbox(engine)] == ["review"] * 3 + ["review_override"]  # the milder v2 awaits approval
    assert not hasattr(service, "update")


# -- refusals -------------------------------------------------------------------------------


def test_departure_without_reason_refused(engine, city, service):
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW, final_outcome="normal")
    assert draft.computed_outcome != "normal"
    for reason in (None, "", "   "):
        with pytest.raises(ReviewRefused, match="理由"):
            service.finalise(dataclasses.replace(draft, departure_reason=reason))
    assert count(engine, "review") == 0 and count(engine, "outbox_item") == 0
    saved = service.finalise(dataclasses.replace(draft, departure_reason="记录已被撤销，平台尚未同步",
                                                 departure_category="repaired"))
    assert saved.final_outcome == "normal" and saved.departed
    assert saved.override_status == "pending" and saved.effective_outcome == saved.computed_outcome


def test_commitment_required_signed_and_valid(engine, city, service):
    out = check(engine, uscc(1), matter="fiscal_support", profile="kunshan")
    assert "commitment" in out.result.requirements
    draft = draft_from_check(out, OFFICER, UNIT, WINDOW, final_outcome="strict", departure_reason="x",
                             acknowledgement=Acknowledgement(OFFICER))
    with pytest.raises(ReviewRefused, match="承诺"):
        service.finalise(draft)
    with pytest.raises(ReviewRefused, match="签名"):
        service.finalise(dataclasses.replace(draft, commitment=signed(signature_png=None)))
    with pytest.raises(ReviewRefused, match="签署人身份"):
        service.finalise(dataclasses.replace(draft, commitment=signed(signer_role="boss")))
    on_paper = service.finalise(dataclasses.replace(draft, commitment=signed(signature_png=None, signed_on_paper=True)))
    assert on_paper.commitment.signed_on_paper and on_paper.commitment.signature_png is None
    due = [{"item": "补交纳税证明", "due": "2026-12-31"}]
    with pytest.raises(ReviewRefused, match="授权委托书"):
        service.finalise(dataclasses.replace(draft, commitment=signed(signer_role="agent", due_items=due)))
    drawn = service.finalise(dataclasses.replace(draft, commitment=signed(
        signer_role="agent", due_items=due, principal="陈大明", authority="授权委托书（2026年11月20日）")))
    c = drawn.commitment
    assert c.principal == "陈大明" and c.authority == "授权委托书（2026年11月20日）"
    assert service.verify(drawn.verification_code).intact
    assert c.signature_png == PNG and c.signer_role == "agent" and c.status == "in_force" and c.due_items == due
    kinds = [(i.kind, i.uid) for i in outbox(engine)]
    assert ("commitment", c.id) in kinds and ("review", drawn.id) in kinds
    cdata = next(i.data for i in outbox(engine) if i.uid == c.id)
    assert cdata["number"] == c.number and cdata["review_id"] == drawn.id and cdata["unit"] == UNIT
    # A prohibited applicant's review is saved without a commitment.
    assert service.finalise(dataclasses.replace(draft, final_outcome="prohibit", departure_reason="x")).commitment is None


def test_commitment_numbering_per_unit_per_day(engine, city):
    clock = Clock(dt.datetime(2026, 11, 22, 23, 50, tzinfo=TZ))
    service = ReviewService(engine, now=clock)
    draft = draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW, commitment=signed())
    numbers = [service.finalise(draft).commitment.number for _ in range(3)]
    assert numbers == ["CN-20261122-0001", "CN-20261122-0002", "CN-20261122-0003"]
    other = service.finalise(dataclasses.replace(draft, unit="鼓楼区政务服务中心")).commitment.number
    assert other == "CN-20261122-0001"
    clock.t = dt.datetime(2026, 11, 23, 8, 0, tzinfo=TZ)
    assert service.finalise(draft).commitment.number == "CN-20261123-0001"


def test_no_full_id_number_stored_anywhere(engine, city, service):
    known = service.finalise(draft_from_check(check(engine, PERSON_ID), OFFICER, UNIT, WINDOW, commitment=signed(),
                                              acknowledgement=Acknowledgement(OFFICER)))
    assert known.subject_id == city["person"] and known.subject_code_display == mask_id_number(PERSON_ID)
    unknown = service.finalise(draft_from_check(check(engine, UNKNOWN_ID), OFFICER, UNIT, WINDOW))
    assert unknown.subject_code_display == mask_id_number(UNKNOWN_ID) and unknown.subject_name is None
    with pytest.raises(ReviewRefused, match="身份证号"):
        service.finalise(draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW, final_outcome="normal",
                                          departure_reason=f"申请人身份证号 {PERSON_ID} 核对无误",
                                          departure_category="not_this_subject"))  # fmt: skip
    with pytest.raises(ReviewRefused, match="身份证号"):
        service.finalise(draft_from_check(check(engine, uscc(1)), OFFICER, UNIT, WINDOW,
                                          commitment=signed(signer_name=f"张三{UNKNOWN_ID}")))  # fmt: skip
    stored = all_text(engine)
    for number in (PERSON_ID, UNKNOWN_ID):
        assert number not in stored and number.lower() not in stored
    assert mask_id_number(PERSON_ID) in stored


def test_draft_from_check_json(engine, city, service):
    out = check(engine, uscc(1))
    saved = service.finalise(draft_from_check(out.to_json(), OFFICER, UNIT, WINDOW))
    assert saved.subject_id == city["black"] and saved.subject_code_display == uscc(1)
    assert saved.computed_outcome == out.result.outcome and saved.data_seq == city["seq"]
    assert {f["record_id"] for f in saved.findings} == {"R-BL", "R-OLD"}
    assert service.verify(saved.verification_code).intact


# -- CLI ----------------------------------------------------------------------------------------


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "creditdesk", *args], capture_output=True, text=True, encoding="utf-8", timeout=120,
        cwd=REPO, env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )  # fmt: skip


def test_cli_verify(tmp_path):
    home = tmp_path / "home"
    ctx = open_app(home)
    try:
        fill(ctx.engine)
        service = ReviewService(ctx.engine)
        draft = draft_from_check(check(ctx.engine, uscc(1)), OFFICER, UNIT, WINDOW, offline=True)
        old = service.finalise(draft)
        new = service.correct(old.id, dataclasses.replace(draft, final_outcome="strict", departure_reason="更正：记录已修复，平台尚未更新",
                                                                departure_category="repaired"))
    finally:
        ctx.close()

    p = run("--home", str(home), "verify", new.verification_code.lower().replace("-", " "))
    assert p.returncode == 0, p.stderr
    assert "福州顺心贸易有限公司" in p.stdout and UNIT in p.stdout and OFFICER in p.stdout
    assert "离线" in p.stdout and AS_OF in p.stdout

    p = run("--home", str(home), "verify", old.verification_code, "--json")
    assert p.returncode == 0, p.stderr
    out = json.loads(p.stdout)
    assert out["found"] and out["intact"] and out["review"]["id"] == old.id
    assert out["superseded_by"]["verification_code"] == new.verification_code
    p = run("--home", str(home), "verify", old.verification_code)
    assert "已被更正" in p.stdout

    p = run("--home", str(home), "verify", "ZZZZ-ZZZZ-ZZ")
    assert p.returncode == 1 and "未找到" in (p.stdout + p.stderr)
    p = run("--home", str(home), "verify", "ZZZZ-ZZZZ-ZZ", "--json")
    assert p.returncode == 1 and json.loads(p.stdout)["found"] is False

    ctx = open_app(home)
    try:
        with write_transaction(ctx.engine) as conn:
            conn.execute(text("UPDATE review SET final_outcome = 'normal' WHERE id = :id"), {"id": new.id})
    finally:
        ctx.close()
    p = run("--home", str(home), "verify", new.verification_code)
    assert p.returncode == 1 and "不符" in (p.stdout + p.stderr)
