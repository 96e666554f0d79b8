"""承诺跟进: due items on working days, marking fulfilled/breached (one transaction), supervisor alerts."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select, text

from creditdesk.db import models
from creditdesk.protocol import Position
from creditdesk.roles import NotPermitted
from creditdesk.services.accounts import AccountService
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.audit import AuditTrail
from creditdesk.services.check import CheckService
from creditdesk.services.followup import (
    ALERT_ADVERSE,
    FollowUpRefused,
    FollowUpService,
    after_data_update,
    make_due_item,
)
from creditdesk.services.reviews import Acknowledgement, CommitmentDraft, ReviewService, draft_from_check
from support.city import EPOCH, PERSON_KEY_B64, Feed, uscc
from support.clock import Clock

TZ = dt.timezone(dt.timedelta(hours=8))
AS_OF = "2026-11-20T08:00:00+08:00"
UNIT = "昆山市政务服务中心"
PNG = b"\x89PNG\r\n\x1a\nfake-signature"


@pytest.fixture
def home(engine):
    feed = Feed()
    a = feed.company("昆山顺达精密机械有限公司", uscc(1))
    b = feed.company("昆山宏图建材有限公司", uscc(2))
    changes = [a, b, feed.record("OLD-PEN", b["id"], "admin_penalty", publish_from="2026-01-01")]
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH, AS_OF, "kunshan", person_key=PERSON_KEY_B64))
    audit = AuditTrail(engine)
    accounts = AccountService(engine, audit)
    admin = accounts.create("admin", "admin", "Admin-pass-2026", by=None)
    sup = accounts.create("zhaoke", "supervisor", "Sup-pass-2026", display_name="赵科长", unit=UNIT, by=admin)
    off = accounts.create("wangfang", "officer", "Off-pass-2026", display_name="王芳", unit=UNIT, by=admin)
    off2 = accounts.create("lisi", "officer", "Off-pass-2026", display_name="李四", unit=UNIT, by=admin)
    reviews = ReviewService(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)))
    signed_on = dt.date(2026, 11, 20)

    def commit(code: str, officer: str, items: list[tuple[str, int]]):  # noqa: ANN202
        out = CheckService(engine, "kunshan").check(code, "approval", day=signed_on, commitment_signed=True)
        due = [make_due_item(t, n, signed_on) for t, n in items]
        c = CommitmentDraft("本单位郑重承诺……", "张三", "legal_representative", signature_png=PNG, due_items=due or None)
        return reviews.finalise(draft_from_check(out, officer, UNIT, "1号窗口", commitment=c,
                                                 acknowledgement=Acknowledgement(officer)))  # its record no rule covers

    ra = commit(uscc(1), "wangfang", [("营业执照副本", 5), ("纳税证明", 20)])
    rb = commit(uscc(2), "lisi", [("安全生产许可证", 1)])
    return {"engine": engine, "audit": audit, "feed": feed, "a": a["id"], "b": b["id"], "ra": ra, "rb": rb,
            "admin": admin, "sup": sup, "off": off, "off2": off2}  # fmt: skip


def service(home, day: dt.date) -> FollowUpService:
    return FollowUpService(home["engine"], home["audit"], now=lambda: dt.datetime.combine(day, dt.time(10), TZ))


def test_due_item_shape_and_working_day_deadline():
    item = make_due_item(" 营业执照副本 ", 5, dt.date(2026, 9, 28))
    # 9-29, 9-30, then 国庆 10-01..07 off, 10-08, 10-09, 10-10 (make-up Saturday)
    assert item == {"item": "营业执照副本", "working_days": 5, "due": "2026-10-10", "fulfilled_at": None}
    assert make_due_item("x", 3, dt.date(2026, 12, 30))["estimated"] is True  # 2027 not in the calendar
    with pytest.raises(ValueError):
        make_due_item("  ", 5, dt.date(2026, 9, 28))
    with pytest.raises(ValueError):
        make_due_item("x", 0, dt.date(2026, 9, 28))


def test_commitment_rows_due_overdue_and_scoping(home):
    ra, rb = home["ra"], home["rb"]
    assert ra.commitment.due_items[0]["due"] == "2026-11-27"  # Fri 20 + 5 working days
    assert rb.commitment.due_items[0]["due"] == "2026-11-23"
    svc = service(home, dt.date(2026, 11, 25))  # Wednesday
    rows = svc.commitments(home["sup"], "all")
    assert [r.number for r in rows] == [rb.commitment.number, ra.commitment.number]  # earliest due first
    by = {r.number: r for r in rows}
    a = by[ra.commitment.number]
    assert a.earliest_due == dt.date(2026, 11, 27) and a.days_left == 2 and not a.overdue
    assert a.subject_name == "昆山顺达精密机械有限公司" and a.subject_code == uscc(1)
    assert a.signer_name == "张三" and a.officer == "wangfang" and a.matter == "approval"
    assert [i.item for i in a.items] == ["营业执照副本", "纳税证明"]
    b = by[rb.commitment.number]
    assert b.days_left == -2 and b.overdue and b.status_label == "已逾期"
    assert [r.number for r in svc.commitments(home["sup"], "overdue")] == [rb.commitment.number]
    assert [r.number for r in svc.commitments(home["sup"], "due", within_days=5)] == [ra.commitment.number]
    assert svc.commitments(home["sup"], "due", within_days=1) == []
    # Officers see the commitments of their own reviews only.
    assert [r.number for r in svc.commitments(home["off"], "all")] == [ra.commitment.number]
    assert [r.number for r in svc.commitments(home["off2"], "overdue")] == [rb.commitment.number]


def _rows(engine, table: str, **where):  # noqa: ANN001, ANN202
    t = models.Base.metadata.tables[table]
    q = select(t)
    for k, v in where.items():
        q = q.where(t.c[k] == v)
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(q).mappings()]


def test_mark_breached_writes_status_event_outbox_and_audit_once(home):
    engine, rb = home["engine"], home["rb"]
    svc = service(home, dt.date(2026, 11, 25))
    number = rb.commitment.number
    result = svc.mark(number, "breached", "逾期未补交安全生产许可证", by=home["sup"])
    assert result.commitment.status == "breached" and result.commitment.status_note == "逾期未补交安全生产许可证"
    (c,) = _rows(engine, "commitment", id=rb.commitment.id)
    assert c["status"] == "breached"
    (event,) = _rows(engine, "commitment_event", commitment_id=rb.commitment.id)
    assert event["id"] == result.event_id and event["status"] == "breached" and event["actor"] == "zhaoke"
    assert event["note"] == "逾期未补交安全生产许可证" and event["at"] == "2026-11-25T10:00:00+08:00"
    (item,) = _rows(engine, "outbox_item", kind="commitment_status")
    assert item["uid"] == event["id"] and item["status"] == "pending"
    assert item["data"] == {
        "format": 1, "commitment_id": rb.commitment.id, "number": number, "review_id": rb.id, "unit": UNIT,
        "officer": "zhaoke", "subject_id": home["b"], "status": "breached", "note": "逾期未补交安全生产许可证",
        "at": "2026-11-25T10:00:00+08:00",
    }  # fmt: skip
    (entry,) = [e for e in home["audit"].entries() if e.action == "commitment_status"]
    assert entry.actor == "zhaoke" and entry.target == number and entry.detail["status"] == "breached"
    assert entry.detail["event_id"] == event["id"]
    assert home["audit"].verify().intact
    # The review still verifies: status is not content.
    assert ReviewService(engine).verify(rb.verification_code).valid

    # A second breach, or fulfilling it now, is refused with the reason; nothing more is written.
    with pytest.raises(FollowUpRefused, match="已标记为已违约"):
        svc.mark(number, "breached", "再次违约", by=home["sup"])
    with pytest.raises(FollowUpRefused, match="不能再标记为已履约"):
        svc.mark(number, "fulfilled", None, by=home["sup"])
    assert len(_rows(engine, "commitment_event")) == 1
    assert len(_rows(engine, "outbox_item", kind="commitment_status")) == 1
    # Marked ones leave the in-force lists.
    assert number not in [r.number for r in svc.commitments(home["sup"], "in_force")]
    assert number in [r.number for r in svc.commitments(home["sup"], "all")]


def test_fulfilled_needs_no_note_and_breach_needs_one(home):
    svc = service(home, dt.date(2026, 11, 24))
    with pytest.raises(FollowUpRefused, match="须写明"):
        svc.mark(home["ra"].commitment.number, "breached", "  ", by=home["sup"])
    r = svc.mark(home["ra"].commitment.id, "fulfilled", None, by=home["admin"])
    assert r.commitment.status == "fulfilled" and all(i.fulfilled_at for i in r.commitment.items)
    with pytest.raises(FollowUpRefused, match="已标记为已履约"):
        svc.mark(home["ra"].commitment.number, "breached", "违约", by=home["sup"])
    with pytest.raises(FollowUpRefused, match="没有编号"):
        svc.mark("CN-20990101-0001", "fulfilled", None, by=home["sup"])


def test_an_officer_cannot_mark(home):
    svc = service(home, dt.date(2026, 11, 25))
    with pytest.raises(NotPermitted, match="无权处理承诺履约"):
        svc.mark(home["ra"].commitment.number, "fulfilled", None, by=home["off"])
    with pytest.raises(NotPermitted, match="需要登录"):
        svc.mark(home["ra"].commitment.number, "fulfilled", None, by=None)
    assert _rows(home["engine"], "commitment_event") == []
    assert _rows(home["engine"], "commitment", id=home["ra"].commitment.id)[0]["status"] == "in_force"


def test_new_adverse_record_on_commitment_raises_one_alert(home):
    engine, feed = home["engine"], home["feed"]
    since = feed.seq
    # Before: the old penalty of B was seen in force at the review, so no alert for it.
    assert after_data_update(engine, home["audit"], None, since).alerts == ()
    changes = [
        feed.record("NEW-BL", home["a"], "serious_dishonesty", publish_from="2026-11-21", title="列入严重失信主体名单"),
        feed.record("NEW-OLD", home["a"], "admin_penalty", publish_from="2020-01-01", publish_until="2021-01-01"),
        feed.record("NEW-HONOR", home["a"], "honor", publish_from="2026-11-21"),
    ]  # fmt: skip
    ChangeApplier(engine).apply(changes, Position(feed.seq, EPOCH, "2026-11-24T08:00:00+08:00", "kunshan"))
    now = lambda: dt.datetime(2026, 11, 24, 9, 30, tzinfo=TZ)  # noqa: E731
    found = after_data_update(engine, home["audit"], None, since, now=now)
    assert found.since_seq == since and found.seq == feed.seq
    (alert,) = found.alerts  # the expired penalty and the honour raise nothing
    assert alert.kind == ALERT_ADVERSE and alert.ref == home["ra"].commitment.id and alert.record_id == "NEW-BL"
    assert alert.subject_id == home["a"]
    assert "昆山顺达精密机械有限公司" in alert.message and home["ra"].commitment.number in alert.message
    assert "列入严重失信主体名单" in alert.message and "严重失信" in alert.message
    assert alert.detail["officer"] == "wangfang" and alert.detail["severe"] is True
    # Idempotent: running again raises nothing new, the table holds one alert.
    assert after_data_update(engine, home["audit"], None, feed.seq, now=now).alerts == ()
    assert len(_rows(engine, "supervisor_alert")) == 1
    svc = service(home, dt.date(2026, 11, 24))
    assert [a.id for a in svc.alerts(home["sup"])] == [alert.id]
    assert [a.id for a in svc.alerts(home["off"])] == [alert.id]  # about her review
    assert svc.alerts(home["off2"]) == []
    with pytest.raises(NotPermitted):
        svc.acknowledge_alert(alert.id, home["off"])
    acked = svc.acknowledge_alert(alert.id, home["sup"], note="已电话核实")
    assert acked.acknowledged_by == "zhaoke" and acked.acknowledged_at
    assert svc.alerts(home["sup"]) == [] and len(svc.alerts(home["sup"], open_only=False)) == 1
    with pytest.raises(FollowUpRefused, match="已由 zhaoke"):
        svc.acknowledge_alert(alert.id, home["sup"])
    (entry,) = [e for e in home["audit"].entries() if e.action == "alert_ack"]
    assert entry.actor == "zhaoke" and entry.detail["alert_id"] == alert.id and entry.detail["record_id"] == "NEW-BL"


def test_no_alert_for_commitments_no_longer_in_force(home):
    engine, feed = home["engine"], home["feed"]
    service(home, dt.date(2026, 11, 24)).mark(home["rb"].commitment.number, "fulfilled", None, by=home["sup"])
    ChangeApplier(engine).apply([feed.record("B-NEW", home["b"], "admin_penalty", publish_from="2026-11-01")],
                                Position(feed.seq, EPOCH, "2026-11-24T08:00:00+08:00", "kunshan"))  # fmt: skip
    assert after_data_update(engine, home["audit"], None, feed.seq - 1).alerts == ()
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM supervisor_alert")).scalar_one() == 0


# -- the commands ---------------------------------------------------------------------------


def test_cli_commitments_mark_recheck_alerts(tmp_path, monkeypatch, capsys):
    import json

    from creditdesk import cli
    from creditdesk.app import open_app

    home = tmp_path / "home"
    ctx = open_app(home)
    feed = Feed()
    a = feed.company("昆山顺达精密机械有限公司", uscc(1))
    now = dt.datetime.now(TZ).isoformat(timespec="seconds")
    ChangeApplier(ctx.engine).apply([a], Position(feed.seq, EPOCH, now, "kunshan", person_key=PERSON_KEY_B64))
    admin = ctx.accounts.create("admin", "admin", "Admin-pass-2026", by=None)
    ctx.accounts.create("zhaoke", "supervisor", "Sup-pass-2026", by=admin)
    ctx.accounts.create("wangfang", "officer", "Off-pass-2026", by=admin)
    day = dt.date(2026, 11, 2)
    out = CheckService(ctx.engine, "kunshan").check(uscc(1), "approval", day=day, commitment_signed=True)
    c = CommitmentDraft("本单位郑重承诺……", "张三", "legal_representative", signature_png=PNG,
                        due_items=[make_due_item("营业执照副本", 3, day)])  # fmt: skip
    saved = ReviewService(ctx.engine, now=lambda: dt.datetime(2026, 11, 2, 9, 0, tzinfo=TZ)).finalise(
        draft_from_check(out, "wangfang", UNIT, offline=True, commitment=c))
    # Published before the review but not yet on this counter when it was made (offline).
    ChangeApplier(ctx.engine).apply([feed.record("BL-1", a["id"], "serious_dishonesty", publish_from="2026-11-01")],
                                    Position(feed.seq, EPOCH, now, "kunshan"))  # fmt: skip
    ctx.close()
    number = saved.commitment.number
    base = ["--home", str(home)]

    monkeypatch.setenv("CREDITDESK_PASSWORD", "Off-pass-2026")
    assert cli.main([*base, "--user", "wangfang", "commitments", "--overdue", "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert row["number"] == number and row["overdue"] and row["days_left"] < 0
    assert cli.main([*base, "--user", "wangfang", "commitment", "mark", number, "breached", "--note", "x"]) == 1
    assert "无权处理承诺履约" in capsys.readouterr().err
    assert cli.main([*base, "commitments"]) == 1  # accounts exist: signing in is required
    assert "需要登录" in capsys.readouterr().err

    monkeypatch.setenv("CREDITDESK_PASSWORD", "Sup-pass-2026")
    sup = [*base, "--user", "zhaoke"]
    assert cli.main([*sup, "recheck", "--json"]) == 0  # the offline review on newer data
    payload = json.loads(capsys.readouterr().out)
    # 昆山 approval has no restricting rule: the outcome stays, so nothing is listed.
    assert payload["run"]["created"] == 1 and payload["run"]["differing"] == 0 and payload["rechecks"] == []
    assert cli.main([*sup, "recheck", "--all", "--json"]) == 0
    (again,) = json.loads(capsys.readouterr().out)["rechecks"]
    assert again["review_id"] == saved.id and again["new_record_ids"] == ["BL-1"] and not again["differs"]
    assert cli.main([*sup, "alerts"]) == 0
    assert "没有待处理的监管提醒" in capsys.readouterr().out  # alerts are raised after a sync / import
    home_ctx = open_app(home)
    after_data_update(home_ctx.engine, home_ctx.audit, home_ctx.settings, 0)
    home_ctx.close()
    assert cli.main([*sup, "alerts", "--json"]) == 0
    (alert,) = json.loads(capsys.readouterr().out)
    assert alert["record_id"] == "BL-1"
    assert cli.main([*sup, "alerts", "--ack", str(alert["id"])]) == 0
    capsys.readouterr()
    assert cli.main([*sup, "commitment", "mark", number, "breached"]) == 1
    assert "须写明" in capsys.readouterr().err
    assert cli.main([*sup, "commitment", "mark", number, "breached", "--note", "逾期未补交营业执照副本"]) == 0
    assert "已违约" in capsys.readouterr().out
    assert cli.main([*sup, "commitment", "mark", number, "breached", "--note", "again"]) == 1
    assert "已标记为已违约" in capsys.readouterr().err
    assert cli.main([*sup, "commitments", "--all", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["status"] == "breached"


def test_one_promised_item_handed_in(home):
    engine, ra = home["engine"], home["ra"]
    svc = service(home, dt.date(2026, 11, 25))
    number = ra.commitment.number
    r = svc.mark_item_fulfilled(number, 0, "已收原件", by=home["sup"])
    items = r.commitment.items
    assert items[0].fulfilled_at == "2026-11-25T10:00:00+08:00" and items[1].fulfilled_at is None
    # The earliest open item is now the second one (纳税证明, 20 working days).
    assert r.commitment.earliest_due == dt.date(2026, 12, 18) and r.commitment.status == "in_force"
    (item,) = _rows(engine, "outbox_item", kind="commitment_status")
    assert item["data"]["status"] == "item_fulfilled" and item["data"]["note"] == "已收原件"
    assert item["data"]["item"] == {"index": 0, "item": "营业执照副本", "due": "2026-11-27"}
    with pytest.raises(FollowUpRefused, match="已于 2026-11-25"):
        svc.mark_item_fulfilled(number, 0, None, by=home["sup"])
    with pytest.raises(FollowUpRefused, match="没有第 3 项"):
        svc.mark_item_fulfilled(number, 2, None, by=home["sup"])
    with pytest.raises(NotPermitted):
        svc.mark_item_fulfilled(number, 1, None, by=home["off"])
    # The digest still verifies (due_items are never rewritten), and the whole commitment can still be marked.
    assert ReviewService(engine).verify(ra.verification_code).valid
    assert svc.mark(number, "fulfilled", None, by=home["sup"]).commitment.status == "fulfilled"


def test_mark_in_the_callers_transaction_commits_or_rolls_back_with_it(home):
    """FollowUpService.mark(conn=…): the status, event, outbox item and audit entry go with the caller's
    transaction — rolled back, nothing of the mark stays; committed, all of it, as the own-transaction mark."""
    from creditdesk.db.engine import write_transaction

    engine, ra = home["engine"], home["ra"]
    svc = service(home, dt.date(2026, 11, 25))
    entries = home["audit"].count()
    with pytest.raises(RuntimeError, match="caller gives up"):
        with write_transaction(engine) as conn:
            result = svc.mark(ra.commitment.number, "fulfilled", None, by=home["sup"], conn=conn)
            assert result.commitment.status == "fulfilled"  # read in that transaction
            raise RuntimeError("caller gives up")
    assert _rows(engine, "commitment", id=ra.commitment.id)[0]["status"] == "in_force"
    assert _rows(engine, "commitment_event", commitment_id=ra.commitment.id) == []
    assert _rows(engine, "outbox_item", kind="commitment_status") == []
    assert home["audit"].count() == entries
    with write_transaction(engine) as conn:
        result = svc.mark(ra.commitment.number, "fulfilled", "材料已补齐", by=home["sup"], conn=conn)
    (event,) = _rows(engine, "commitment_event", commitment_id=ra.commitment.id)
    assert event["id"] == result.event_id and event["status"] == "fulfilled" and event["at"] == "2026-11-25T10:00:00+08:00"
    (item,) = _rows(engine, "outbox_item", kind="commitment_status")
    assert item["uid"] == event["id"] and item["data"]["status"] == "fulfilled"
    (entry,) = home["audit"].entries(action="commitment_status")
    assert entry.seq == result.audit_seq == entries + 1 and entry.actor == "zhaoke" and entry.target == ra.commitment.number
    assert svc.get(ra.commitment.id).status == "fulfilled" and home["audit"].verify().intact
