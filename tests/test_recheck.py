"""复核: offline / stale reviews evaluated again on newer data; the reviews themselves never change."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from creditdesk.db import models
from creditdesk.protocol import Position
from creditdesk.roles import NotPermitted
from creditdesk.services.accounts import AccountService
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.audit import AuditTrail
from creditdesk.services.check import CheckService
from creditdesk.services.followup import after_data_update
from creditdesk.services.recheck import RecheckService
from creditdesk.services.reviews import ReviewService, draft_from_check
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 11, 20)
UNIT = "沧州市行政审批局"
PERSON = id_number(41)


@pytest.fixture
def home(engine):
    feed = Feed()
    a = feed.company("沧州立信物流有限公司", uscc(1))
    b = feed.company("沧州恒远化工有限公司", uscc(2))
    c = feed.company("沧州明德商贸有限公司", uscc(3))
    p = feed.person("刘晓东", PERSON)
    fresh = dt.datetime.now(TZ).isoformat(timespec="seconds")  # not stale: only the offline reviews are rechecked
    ChangeApplier(engine).apply([a, b, c, p], Position(feed.seq, EPOCH, fresh, "cangzhou", person_key=PERSON_KEY_B64))
    audit = AuditTrail(engine)
    accounts = AccountService(engine, audit)
    admin = accounts.create("admin", "admin", "Admin-pass-2026", by=None)
    sup = accounts.create("zhaoke", "supervisor", "Sup-pass-2026", by=admin)
    off = accounts.create("wangfang", "officer", "Off-pass-2026", by=admin)
    reviews = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))

    def review(code: str, offline: bool, officer: str = "wangfang"):  # noqa: ANN202
        out = CheckService(engine, "cangzhou").check(code, "procurement", day=DAY)
        return reviews.finalise(draft_from_check(out, officer, UNIT, "2号窗口", offline=offline))

    saved = {
        "a": review(uscc(1), offline=True),  # will become prohibit
        "b": review(uscc(2), offline=True),  # stays normal
        "c": review(uscc(3), offline=False),  # online: never rechecked
        "p": review(PERSON, offline=True, officer="lisi"),  # a person, by P- subject id
    }
    return {"engine": engine, "audit": audit, "feed": feed, "ids": {"a": a["id"], "b": b["id"], "c": c["id"],
            "p": p["id"]}, "saved": saved, "sup": sup, "off": off}  # fmt: skip


def arrive(home, *changes, as_of: str = "2026-11-21T08:00:00+08:00") -> None:  # noqa: ANN001
    feed = home["feed"]
    ChangeApplier(home["engine"]).apply(list(changes), Position(feed.seq, EPOCH, as_of, "cangzhou"))


def rechecks(engine) -> list[dict]:  # noqa: ANN001
    t = models.Recheck.__table__
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(t).order_by(t.c.id)).mappings()]


def review_rows(engine) -> list[dict]:  # noqa: ANN001
    t = models.Review.__table__
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(t).order_by(t.c.id)).mappings()]


def test_offline_review_that_now_meets_a_blacklist_is_listed_with_old_and_new(home):
    engine, feed, ids, saved = home["engine"], home["feed"], home["ids"], home["saved"]
    assert {s.final_outcome for s in saved.values()} == {"normal"}
    before = review_rows(engine)
    svc = RecheckService(engine, home["audit"], now=lambda: dt.datetime(2026, 11, 21, 9, 0, tzinfo=TZ))
    assert svc.run().candidates == 0  # nothing newer yet

    # The blacklist entry was decided before the review but reached this counter only now.
    arrive(home, feed.record("BL-9", ids["a"], "serious_dishonesty", publish_from="2026-11-10"),
           feed.record("PEN-P", ids["p"], "admin_penalty", publish_from="2026-11-01"))  # fmt: skip
    summary = svc.run()
    assert summary.seq == feed.seq and summary.candidates == 3 and summary.created == 3 and summary.differing == 1
    assert summary.problems == ()
    rows = {r["review_id"]: r for r in rechecks(engine)}
    assert set(rows) == {saved["a"].id, saved["b"].id, saved["p"].id}  # the online review is not rechecked
    ra = rows[saved["a"].id]
    assert ra["old_outcome"] == "normal" and ra["new_outcome"] == "prohibit" and ra["differs"] is True
    assert ra["data_seq"] == feed.seq and ra["checked_at"] == "2026-11-21T09:00:00+08:00"
    assert [f["record_id"] for f in ra["new_findings"]] == ["BL-9"] and ra["new_findings"][0]["in_force"] is True
    assert ra["new_measures"] and ra["new_measures"][0]["rule_id"] == "cz-procurement-blacklist"
    assert rows[saved["b"].id]["differs"] is False and rows[saved["b"].id]["new_outcome"] == "normal"
    # The person's records were found under the P- subject id (a penalty does not change procurement).
    rp = rows[saved["p"].id]
    assert [f["record_id"] for f in rp["new_findings"]] == ["PEN-P"] and rp["differs"] is False

    listed = svc.list(home["sup"])
    assert [r.review_id for r in listed] == [saved["a"].id]
    (row,) = listed
    assert (row.old_outcome, row.new_outcome) == ("normal", "prohibit")
    assert row.old_findings == () and [f["record_id"] for f in row.new_findings] == ["BL-9"]
    assert row.new_record_ids == {"BL-9"} and row.subject_name == "沧州立信物流有限公司"
    assert row.verification_code == saved["a"].verification_code and row.offline
    assert len(svc.list(home["sup"], differing_only=False)) == 3
    assert {r.review_id for r in svc.list(home["off"], differing_only=False)} == {saved["a"].id, saved["b"].id}

    # Running again at the same position adds nothing.
    assert svc.run().candidates == 0 and len(rechecks(engine)) == 3
    # The reviews are untouched and still verify.
    assert review_rows(engine) == before
    for s in saved.values():
        assert ReviewService(engine).verify(s.verification_code).valid


def test_acknowledge_is_audited_and_only_for_follow_up(home):
    engine, feed, ids = home["engine"], home["feed"], home["ids"]
    arrive(home, feed.record("BL-9", ids["a"], "serious_dishonesty", publish_from="2026-11-10"))
    found = after_data_update(engine, home["audit"], None, feed.seq - 1)
    assert found.recheck is not None and found.recheck.differing == 1
    svc = RecheckService(engine, home["audit"])
    (row,) = svc.list(home["sup"])
    with pytest.raises(NotPermitted):
        svc.acknowledge(row.id, home["off"])
    acked = svc.acknowledge(row.id, home["sup"])
    assert acked.acknowledged_by == "zhaoke" and acked.acknowledged_at
    assert svc.list(home["sup"]) == [] and len(svc.list(home["sup"], open_only=False)) == 1
    with pytest.raises(ValueError, match="已由 zhaoke"):
        svc.acknowledge(row.id, home["sup"])
    (entry,) = [e for e in home["audit"].entries() if e.action == "recheck_ack"]
    assert entry.actor == "zhaoke" and entry.target == row.review_id
    assert entry.detail == {"recheck_id": row.id, "old_outcome": "normal", "new_outcome": "prohibit",
                            "data_seq": feed.seq}  # fmt: skip


def test_latest_version_only_rechecked_until_the_data_has_caught_up(home):
    engine, feed, ids, saved = home["engine"], home["feed"], home["ids"], home["saved"]
    out = CheckService(engine, "cangzhou").check(uscc(2), "procurement", day=DAY)
    reviews = ReviewService(engine, now=lambda: dt.datetime(2026, 11, 20, 11, 0, tzinfo=TZ))
    fixed = reviews.correct(saved["b"].id, draft_from_check(out, "wangfang", UNIT, offline=True))
    # A partial catch-up: data as of a moment before the reviews were made (09:01 .. 11:00).
    arrive(home, feed.record("BL-B", ids["b"], "serious_dishonesty", publish_from="2026-11-10"),
           as_of="2026-11-20T08:30:00+08:00")  # fmt: skip
    svc = RecheckService(engine, home["audit"])
    assert svc.run().created == 3
    ids_checked = {r["review_id"] for r in rechecks(engine)}
    assert fixed.id in ids_checked and saved["b"].id not in ids_checked  # the corrected version is not
    first_seq = feed.seq
    # The data catches up with the reviews: rechecked again at the new position.
    arrive(home, feed.record("BL-A", ids["a"], "serious_dishonesty", publish_from="2026-11-10"))
    assert svc.run().created == 3  # a, the correction of b, p
    latest = {r.review_id: r for r in svc.list(home["sup"], differing_only=False)}
    assert latest[fixed.id].data_seq == feed.seq > first_seq  # the list shows the newest recheck of each
    assert {r.review_id for r in svc.list(home["sup"])} == {fixed.id, saved["a"].id}
    # Later data is not what those reviews missed: no more rechecks.
    arrive(home, feed.record("PEN-A", ids["a"], "admin_penalty", publish_from="2026-11-10"))
    assert svc.run().candidates == 0 and len(rechecks(engine)) == 6
