"""The hash-chained audit trail: every kind of tampering is found at the right entry, on SQLite and PostgreSQL."""

from __future__ import annotations

import csv
import datetime as dt
import threading

import pytest
from sqlalchemy import delete, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.roles import Actor
from creditdesk.services.audit import GENESIS, AuditTrail, entry_hash
from support.city import id_number
from support.clock import Clock
from support.db import all_text

_entry = models.AuditEntry.__table__
_head = models.AuditHead.__table__
TZ = dt.timezone(dt.timedelta(hours=8))
WANG = Actor("wang", "王芳", "officer", "福州市行政服务中心")


@pytest.fixture
def trail(engine):
    t = AuditTrail(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ), step=dt.timedelta(hours=7)))
    for i in range(1, 11):
        t.append("lookup", actor=WANG if i % 2 else None, target=f"Q{i}", detail={"kind": "name", "hits": [f"S-{i}"]})
    return t


def sql(engine, stmt) -> None:  # noqa: ANN001
    with write_transaction(engine) as conn:
        conn.execute(stmt)


def row(engine, seq: int) -> dict:  # noqa: ANN001
    with engine.connect() as conn:
        return dict(conn.execute(select(_entry).where(_entry.c.seq == seq)).mappings().one())


def test_intact_chain(trail):
    v = trail.verify()
    assert v.intact and v.entries == 10 and v.first_bad_seq is None and v.reason is None
    assert trail.count() == 10
    first = trail.entries()[0]
    assert first.seq == 1 and first.prev_hash == GENESIS and first.actor == "wang" and first.action_label == "查询"
    assert [e.seq for e in trail.entries(limit=3, newest_first=True)] == [10, 9, 8]


def test_empty_trail_is_intact(engine):
    v = AuditTrail(engine).verify()
    assert v.intact and v.entries == 0


@pytest.mark.parametrize(
    ("column", "value"),
    [("detail", '{"hits":["S-99"],"kind":"name"}'), ("actor", "li"), ("target", "Q-other"),
     ("at", "2026-11-21T09:00:00.000+08:00"), ("action", "export")],
)  # fmt: skip
def test_edited_field_found_at_that_entry(engine, trail, column, value):
    sql(engine, update(_entry).where(_entry.c.seq == 5).values(**{column: value}))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 5 and "被修改" in v.reason


def test_edited_unattributed_to_attributed_found(engine, trail):
    sql(engine, update(_entry).where(_entry.c.seq == 4).values(actor="wang"))  # 4 was unattributed
    v = trail.verify()
    assert (v.intact, v.first_bad_seq) == (False, 4)


def test_edited_entry_with_its_own_hash_recomputed_breaks_the_next(engine, trail):
    r = row(engine, 5)
    forged = entry_hash(5, r["at"], "li", r["action"], r["target"], r["detail"], r["prev_hash"])
    sql(engine, update(_entry).where(_entry.c.seq == 5).values(actor="li", hash=forged))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 6 and "插入" in v.reason


def test_deleted_middle_entry_found(engine, trail):
    sql(engine, delete(_entry).where(_entry.c.seq == 5))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 5 and "缺失" in v.reason


def test_deleted_first_entry_found(engine, trail):
    sql(engine, delete(_entry).where(_entry.c.seq == 1))
    v = trail.verify()
    assert (v.intact, v.first_bad_seq) == (False, 1)


def test_deleted_last_entries_found_by_the_head(engine, trail):
    sql(engine, delete(_entry).where(_entry.c.seq == 10))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 10 and "末尾" in v.reason
    sql(engine, delete(_entry).where(_entry.c.seq >= 8))
    assert trail.verify().first_bad_seq == 8


def test_deleted_everything_found_by_the_head(engine, trail):
    sql(engine, delete(_entry))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 1


def test_deleted_head_found(engine, trail):
    sql(engine, delete(_head))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 1 and "链头" in v.reason


def _shift_from(engine, seq: int) -> None:  # noqa: ANN001
    """Renumber entries seq.. one up (from the end, so the primary key never collides)."""
    with engine.connect() as conn:
        seqs = [s for (s,) in conn.execute(select(_entry.c.seq).where(_entry.c.seq >= seq).order_by(_entry.c.seq.desc()))]
    for s in seqs:
        sql(engine, update(_entry).where(_entry.c.seq == s).values(seq=s + 1))


def test_inserted_middle_entry_with_renumbering_found(engine, trail):
    prev = row(engine, 5)["hash"]
    _shift_from(engine, 6)
    at, detail = "2026-11-21T23:00:00.000+08:00", '{"note":"planted"}'
    forged = entry_hash(6, at, "li", "lookup", "Q-planted", detail, prev)
    sql(engine, insert(_entry).values(seq=6, at=at, actor="li", action="lookup", target="Q-planted", detail=detail,
                                      prev_hash=prev, hash=forged))  # fmt: skip
    v = trail.verify()
    # the planted entry chains onto 5 correctly; the renumbered old 6 (now 7) still links to 5,
    # which names the planted one (issue 10 item 9: the inserted row is named)
    assert not v.intact and v.first_bad_seq == 6 and "插入" in v.reason


def test_inserted_middle_entry_with_bad_prev_found_there(engine, trail):
    _shift_from(engine, 6)
    at, detail = "2026-11-21T23:00:00.000+08:00", "{}"
    bogus_prev = "f" * 64
    sql(engine, insert(_entry).values(seq=6, at=at, actor="li", action="lookup", target="X", detail=detail,
                                      prev_hash=bogus_prev, hash=entry_hash(6, at, "li", "lookup", "X", detail, bogus_prev)))  # fmt: skip
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 6 and "插入" in v.reason


def test_inserted_with_duplicate_numbering_found(engine, trail):
    """Insert between 5 and 6 without renumbering: the only free number is a repeat of an
    existing one (the key forbids it) or after the end — so the planter renumbers 6.. out of
    the way and the whole rest of the chain is rewritten except the head."""
    _shift_from(engine, 6)
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(_entry).where(_entry.c.seq >= 7).order_by(_entry.c.seq)).mappings()]
    prev = row(engine, 5)["hash"]
    at, detail = "2026-11-21T23:00:00.000+08:00", "{}"
    h = entry_hash(6, at, "li", "lookup", "X", detail, prev)
    sql(engine, insert(_entry).values(seq=6, at=at, actor="li", action="lookup", target="X", detail=detail,
                                      prev_hash=prev, hash=h))  # fmt: skip
    prev = h
    for r in rows:  # recompute every later hash, but the head is left as it was
        h = entry_hash(r["seq"], r["at"], r["actor"], r["action"], r["target"], r["detail"], prev)
        sql(engine, update(_entry).where(_entry.c.seq == r["seq"]).values(prev_hash=prev, hash=h))
        prev = h
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 11 and "链头" in v.reason


def test_inserted_at_the_end_found(engine, trail):
    last = row(engine, 10)
    at, detail = "2026-11-23T09:00:00.000+08:00", "{}"
    sql(engine, insert(_entry).values(seq=11, at=at, actor="li", action="export", target="all", detail=detail,
                                      prev_hash=last["hash"],
                                      hash=entry_hash(11, at, "li", "export", "all", detail, last["hash"])))  # fmt: skip
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 11 and "链头" in v.reason


def test_appending_after_tampering_still_reports_it(engine, trail):
    sql(engine, update(_entry).where(_entry.c.seq == 3).values(target="Q-forged"))
    trail.append("audit_verify", actor=WANG)
    assert trail.verify().first_bad_seq == 3


def test_no_full_id_number_enters_the_trail(engine):
    trail = AuditTrail(engine)
    number = id_number(31)
    trail.append("lookup", actor=None, target=number, detail={"query": number, "nested": [f"号码 {number}"]})
    stored = all_text(engine)
    assert number not in stored
    assert number[:2] + "*" * 12 + number[-4:] in stored
    assert trail.verify().intact


def test_concurrent_appends_make_one_gapless_chain(engine):
    trail = AuditTrail(engine)
    errors: list[BaseException] = []

    def worker(k: int) -> None:
        try:
            for i in range(15):
                trail.append("lookup", actor=f"w{k}", target=str(i))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    v = trail.verify()
    assert v.intact and v.entries == 60
    assert sorted(e.seq for e in trail.entries()) == list(range(1, 61))


def test_filters_and_export(engine, trail, tmp_path):
    assert len(trail.entries(actor="wang")) == 5
    assert [e.seq for e in trail.entries(action="lookup", limit=2, newest_first=True)] == [10, 9]
    days = {e.at[:10] for e in trail.entries()}
    assert days == {"2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23"}
    on_21 = trail.entries(since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21))
    assert on_21 and all(e.at.startswith("2026-11-21") for e in on_21)
    out = tmp_path / "audit.csv"
    n = trail.export(out, since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 22))
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][:4] == ["序号", "时间", "账户", "操作"] and len(rows) == n + 1
    assert {r[1][:10] for r in rows[1:]} == {"2026-11-21", "2026-11-22"}
    assert "（未署名）" in {r[2] for r in rows[1:]}
    assert all(r[8] == e.hash for r, e in zip(rows[1:], trail.entries(since=dt.date(2026, 11, 21),
                                                                     until=dt.date(2026, 11, 22))))  # fmt: skip


def test_export_filters_by_actor_and_action(trail, tmp_path):
    trail.append("login", actor=WANG)
    out = tmp_path / "wang.csv"
    assert trail.export(out, actor="wang") == 6
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))[1:]
    assert {r[2] for r in rows} == {"wang"} and [int(r[0]) for r in rows] == [1, 3, 5, 7, 9, 11]
    assert trail.export(out, actor="wang", action="login") == 1
    assert trail.export(out, action="lookup") == 10
    assert trail.export(out, actor="wang", action="export") == 0
    day = [e for e in trail.entries(actor="wang") if e.at.startswith("2026-11-21")]
    assert len(day) == 2 and len(trail.entries(since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21))) == 3
    assert trail.export(out, since=dt.date(2026, 11, 21), until=dt.date(2026, 11, 21), actor="wang") == 2


# -- refusals ------------------------------------------------------------------------------

SUPERVISOR = Actor("zhao", "赵科长", "supervisor")


def test_require_audited_appends_one_denied_entry_and_still_raises(engine):
    from creditdesk.roles import NotPermitted
    from creditdesk.services.audit import ACTIONS, audit_refusal, require_audited

    trail = AuditTrail(engine)
    assert ACTIONS["denied"] == "越权操作被拒绝"
    with pytest.raises(NotPermitted, match="无权清理历史数据") as refused:
        require_audited(trail, SUPERVISOR, "purge", "purge before 2026-01-01")
    (e,) = trail.entries()
    assert (e.action, e.actor, e.target) == ("denied", "zhao", "purge before 2026-01-01")
    assert e.detail == {"permission": "purge", "role": "supervisor"} and refused.value.audit_seq == e.seq
    # the same refusal met again on its way out (the CLI after a service): not a second entry
    assert audit_refusal(trail, SUPERVISOR, "purge", "creditdesk purge", exc=refused.value) is None
    require_audited(trail, SUPERVISOR, "export_personal_data", "export ledger")  # permitted: nothing written
    require_audited(trail, None, "purge", "purge before 2026-01-01")  # no account in the home: unattributed, fine
    assert trail.count() == 1
    with pytest.raises(NotPermitted, match="登录"):
        require_audited(trail, None, "purge", "purge before 2026-01-01", accounts_exist=True)
    last = trail.entries()[-1]
    assert (last.action, last.actor, last.detail) == ("denied", None, {"reason": "not signed in", "permission": "purge"})
    assert trail.verify().intact


def test_refusal_still_raises_when_the_trail_cannot_be_written(engine):
    from creditdesk.roles import NotPermitted
    from creditdesk.services.audit import require_audited

    class Broken(AuditTrail):
        def append(self, *a, **k):  # noqa: ANN002, ANN003, ANN202
            raise OSError("disk full")

    with pytest.raises(NotPermitted):
        require_audited(Broken(engine), WANG, "purge", "purge")
    assert AuditTrail(engine).count() == 0


def test_services_audit_their_refusals(engine, tmp_path):
    from creditdesk.roles import NotPermitted
    from creditdesk.services.accounts import AccountService
    from creditdesk.services.followup import FollowUpService
    from creditdesk.services.purge import purge_before
    from creditdesk.services.usage import Period, export_usage

    trail = AuditTrail(engine)
    with pytest.raises(NotPermitted):
        purge_before(engine, trail, dt.date(2026, 1, 1), by=WANG)
    with pytest.raises(NotPermitted):
        FollowUpService(engine, trail).mark("CN-20261120-0001", "fulfilled", None, WANG)
    AccountService(engine, trail).create("admin", "admin", "admin-pass-1", by=None)
    with pytest.raises(NotPermitted):  # accounts exist now: nobody signed in may not export
        export_usage(engine, trail, Period.parse("2026-11"), "pdf", tmp_path / "u.pdf", by=None)
    denied = trail.entries(action="denied")
    assert [(e.actor, e.target, e.detail.get("permission")) for e in denied] == [
        ("wang", "purge before 2026-01-01", "purge"), ("wang", "commitment mark CN-20261120-0001 fulfilled", "follow_up"),
        (None, "export usage", "review")]  # fmt: skip
    assert not (tmp_path / "u.pdf").exists() and not trail.entries(action="purge") and trail.verify().intact
