"""AuditTrail.append_many (the demo history's batches): the same trail as one append per entry, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import hashlib
import json

import pytest
from sqlalchemy import insert, select

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.roles import Actor
from creditdesk.services.audit import GENESIS, AuditItem, AuditTrail
from support.city import id_number
from support.db import all_text, fresh_engine

_entry = models.AuditEntry.__table__
_head = models.AuditHead.__table__
_anchor = models.AuditAnchor.__table__
TZ = dt.timezone(dt.timedelta(hours=8))
WANG = Actor("wang", "王芳", "officer", "福州市行政服务中心")
START = dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ)
NUMBER = id_number(47)


def items() -> list[AuditItem]:
    at = START + dt.timedelta(hours=1)
    return [
        AuditItem("login", WANG, "wang", at),
        AuditItem("review", WANG, "R-1", at + dt.timedelta(minutes=5, seconds=7, milliseconds=250),
                  {"matter": "procurement", "outcome": "prohibit", "subject": NUMBER}),
        AuditItem("lookup", None, NUMBER, at + dt.timedelta(minutes=6), {"query": NUMBER, "hits": ["S-1", "S-2"]}),
        AuditItem("review", "demo-officer2", "R-2", at + dt.timedelta(minutes=9), {"outcome": "normal", "名": "企业"}),
        AuditItem("override_approve", Actor("li", "李强", "supervisor", "福州市行政服务中心"), "R-2",
                  at + dt.timedelta(minutes=9), {"status": "approved", "on_the_spot": True}),
    ]  # fmt: skip


def fill(engine, before: int, planted: bool, batch: bool) -> tuple[list[dict], tuple | None, list[tuple], object]:  # noqa: ANN001
    trail = AuditTrail(engine)
    for i in range(before):
        trail.append("lookup", actor="zhao", target=f"Q{i}", at=START + dt.timedelta(minutes=i))
    if planted:  # a row past the head, put there behind the trail's back
        with write_transaction(engine) as conn:
            conn.execute(insert(_entry).values(seq=before + 1, at="2026-11-20T09:30:00.000+08:00", actor="x",
                                               action="lookup", target="planted", detail="{}", prev_hash=GENESIS,
                                               hash="f" * 64))  # fmt: skip
    if batch:
        with write_transaction(engine) as conn:
            seqs = trail.append_many(items(), conn=conn)
    else:
        seqs = [trail.append(i.action, actor=i.actor, target=i.target, detail=i.detail, at=i.at) for i in items()]
    with engine.connect() as conn:
        rows = [dict(r) for r in conn.execute(select(_entry).order_by(_entry.c.seq)).mappings()]
        head = tuple(conn.execute(select(_head.c.seq, _head.c.hash)).first() or ()) or None
        anchors = [tuple(r) for r in conn.execute(select(_anchor.c.seq, _anchor.c.hash, _anchor.c.at))]
    assert seqs == [r["seq"] for r in rows[-len(seqs):]]
    return rows, head, anchors, trail.verify()


@pytest.mark.parametrize(("before", "planted"), [(0, False), (3, False), (3, True)])
def test_a_batch_append_makes_the_trail_of_one_append_per_entry(engine, tmp_path, before, planted):
    kind = "postgres" if engine.dialect.name == "postgresql" else "sqlite"
    one_by_one = fill(engine, before, planted, batch=False)
    engine.dispose()
    other = fresh_engine(kind, tmp_path / "batch")  # PostgreSQL: the same schema, reset
    try:
        batched = fill(other, before, planted, batch=True)
    finally:
        other.dispose()
    rows, head, anchors, verdict = batched
    assert rows == one_by_one[0]  # seq, at, actor, action, target, detail, prev_hash, hash: all the same
    assert head == one_by_one[1] == (rows[-1]["seq"], rows[-1]["hash"])
    # Anchored at the last entry, at its moment (the MAC is under each database's own key).
    assert anchors and [a[:2] for a in anchors] == [a[:2] for a in one_by_one[2]] == [(head[0], head[1])]
    assert [a[2] for a in anchors] == [a[2] for a in one_by_one[2]] == [rows[-1]["at"]]
    assert verdict.intact == one_by_one[3].intact == (not planted)
    assert len(rows) == before + planted + len(items())


def test_the_first_batch_on_an_empty_trail_hashes_as_the_format_says(engine):
    trail = AuditTrail(engine)
    with write_transaction(engine) as conn:
        assert trail.append_many(items(), conn=conn) == [1, 2, 3, 4, 5]
    with engine.connect() as conn:
        first, second = conn.execute(select(_entry).order_by(_entry.c.seq).limit(2)).mappings().all()
    # By hand from the module's docstring: SHA-256 of the canonical JSON of [seq, at, actor, action, target,
    # detail, prev_hash], the first linked to 64 zeros, the next to it.
    payload = [1, "2026-11-20T10:00:00.000+08:00", "wang", "login", "wang", "{}", "0" * 64]
    expected = hashlib.sha256(json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
    assert (first["hash"], first["prev_hash"]) == (expected, "0" * 64)
    assert second["prev_hash"] == expected and second["at"] == "2026-11-20T10:05:07.250+08:00"
    masked = NUMBER[:2] + "*" * 12 + NUMBER[-4:]
    stored = all_text(engine)
    assert NUMBER not in stored and masked in stored  # no full ID number, batch or not
    assert trail.verify().intact and trail.count() == 5


def test_an_empty_batch_writes_nothing(engine):
    trail = AuditTrail(engine)
    with write_transaction(engine) as conn:
        assert trail.append_many([], conn=conn) == []
    assert trail.count() == 0 and trail.verify().intact
