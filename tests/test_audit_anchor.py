"""Issue 10 item 9, one test per attack: the audit trail reports, survives and anchors.

Each of these failed on the code before: an entry inserted at the end made ``audit verify`` print
a raw IntegrityError and every later audited act (sign-in included) fail; a chain rewritten
whole, head included, verified as intact."""

from __future__ import annotations

import datetime as dt
import io
import sys

import pytest
from sqlalchemy import delete, insert, select, update

from creditdesk import cli
from creditdesk.app import open_app
from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.platform.client import PlatformClient, RetryPolicy
from creditdesk.platform.outbox import OutboxPusher, rejected_items
from creditdesk.services import keystore
from creditdesk.services.audit import GENESIS, AuditTrail, entry_hash
from creditdesk_platform.server import PlatformServer
from support.clock import Clock

_entry = models.AuditEntry.__table__
_head = models.AuditHead.__table__
_anchor = models.AuditAnchor.__table__
TZ = dt.timezone(dt.timedelta(hours=8))
PASSWORD = "anchor-test-2026"


@pytest.fixture
def trail(engine):
    t = AuditTrail(engine, now=Clock(dt.datetime(2026, 11, 20, 9, 0, tzinfo=TZ), step=dt.timedelta(minutes=7)))
    for i in range(1, 11):
        t.append("lookup", actor="wang", target=f"Q{i}", detail={"kind": "name", "hits": [f"S-{i}"]})
    return t


def sql(engine, stmt) -> None:  # noqa: ANN001
    with write_transaction(engine) as conn:
        conn.execute(stmt)


def rows(engine) -> list[dict]:  # noqa: ANN001
    with engine.connect() as conn:
        return [dict(r) for r in conn.execute(select(_entry).order_by(_entry.c.seq)).mappings()]


def plant(engine, seq: int, prev: str, target: str = "planted", at: str = "2026-11-20T12:00:00.000+08:00") -> None:  # noqa: ANN001
    detail = '{"note":"planted"}'
    sql(engine, insert(_entry).values(seq=seq, at=at, actor="li", action="lookup", target=target, detail=detail,
                                      prev_hash=prev, hash=entry_hash(seq, at, "li", "lookup", target, detail, prev)))


def rewrite_whole_chain(engine, change) -> None:  # noqa: ANN001
    """What someone with write access and this source can do: change entries, recompute every hash and the head."""
    prev = GENESIS
    with write_transaction(engine) as conn:
        for r in rows(engine):
            r = change(r)
            digest = entry_hash(r["seq"], r["at"], r["actor"], r["action"], r["target"], r["detail"], prev)
            conn.execute(update(_entry).where(_entry.c.seq == r["seq"]).values(
                target=r["target"], detail=r["detail"], prev_hash=prev, hash=digest))
            prev = digest
        conn.execute(update(_head).where(_head.c.id == 1).values(hash=prev))


def test_an_entry_planted_after_the_head_is_named_and_acts_go_on(trail, engine):
    plant(engine, 11, rows(engine)[-1]["hash"])  # a well-formed entry past the head
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 11 and "插入" in v.reason
    seq = trail.append("login", actor="wang")  # used to fail with IntegrityError
    assert seq == 12
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 11 and "插入" in v.reason  # the damage stays reported


def test_the_head_row_removed_does_not_stop_appends(trail, engine):
    sql(engine, delete(_head))
    assert trail.append("login", actor="wang") == 11
    v = trail.verify()
    assert not v.intact and v.first_bad_seq is not None


def test_a_duplicated_entry_is_named(trail, engine):
    last = rows(engine)[-1]
    # the last entry copied to the next seq (its content as it was, its hash recomputed for the new seq)
    sql(engine, insert(_entry).values(**{**last, "seq": 11, "hash": entry_hash(
        11, last["at"], last["actor"], last["action"], last["target"], last["detail"], last["prev_hash"])}))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 11 and "重复" in v.reason


def test_an_out_of_order_entry_is_named(trail, engine):
    r = {x["seq"]: x for x in rows(engine)}
    # entries 7 and 8 swap places (each with its own hash and link, only the seq exchanged)
    with write_transaction(engine) as conn:
        conn.execute(update(_entry).where(_entry.c.seq == 7).values(seq=-7))
        conn.execute(update(_entry).where(_entry.c.seq == 8).values(seq=7))
        conn.execute(update(_entry).where(_entry.c.seq == -7).values(seq=8))
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 7 and "顺序" in v.reason, v
    assert r[7]["hash"] != r[8]["hash"]


def test_unreadable_rows_end_in_a_verdict(trail, engine):
    sql(engine, update(_entry).where(_entry.c.seq == 4).values(detail="{not json"))  # and the walk must not raise
    v = trail.verify()
    assert not v.intact and v.first_bad_seq == 4
    assert trail.entries()[3].detail == {"unreadable": "{not json"}  # the list shows it instead of failing


def test_rewriting_the_whole_chain_and_head_is_detected_by_the_anchor(trail, engine):
    assert trail.verify().intact and trail.verify().anchored is True
    rewrite_whole_chain(engine, lambda r: {**r, "target": "Q-innocent"} if r["seq"] == 3 else r)
    v = trail.verify()
    assert not v.intact and "改写" in v.reason and v.anchored is False


def test_a_forged_anchor_is_detected(trail, engine):
    rewrite_whole_chain(engine, lambda r: {**r, "target": "Q-innocent"} if r["seq"] == 3 else r)
    new_head = rows(engine)[-1]
    sql(engine, update(_anchor).values(seq=new_head["seq"], hash=new_head["hash"]))  # without the key: old MAC
    v = trail.verify()
    assert not v.intact and "锚定" in v.reason


def test_a_deleted_anchor_is_detected(trail, engine):
    rewrite_whole_chain(engine, lambda r: r)
    sql(engine, delete(_anchor))
    v = trail.verify()
    assert not v.intact and "锚定" in v.reason


def test_a_copy_elsewhere_verifies_the_chain_and_says_it_cannot_check_the_anchor(trail, engine):
    keystore.configure(None)
    import keyring

    from support.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())  # another machine: no anchor key
    import os

    saved = os.environ.pop("CREDITDESK_TEST_KEYRING_FILE", None)
    try:
        v = AuditTrail(engine).verify()
    finally:
        if saved:
            os.environ["CREDITDESK_TEST_KEYRING_FILE"] = saved
    assert v.intact and v.anchored is False and "锚定密钥" in v.note


def test_the_platform_sees_a_rewritten_chain(trail, engine, tmp_path):
    server = PlatformServer(state_dir=tmp_path / "platform")
    server.start()
    try:
        def push() -> None:
            with PlatformClient(server.base_url, "ws-01", "test-token", retry=RetryPolicy(attempts=2, base_delay=0.01),
                                timeout=5.0) as c:  # fmt: skip
                OutboxPusher(engine, c).push()

        first = trail.queue_head()
        assert first and trail.queue_head() is None  # at most once a day
        push()
        assert server.submissions[first]["data"]["seq"] == 10
        rewrite_whole_chain(engine, lambda r: {**r, "target": "Q-innocent"} if r["seq"] == 3 else r)
        trail.append("lookup", actor="wang", target="Q11")
        second = trail.queue_head(force=True)
        push()
        assert second not in server.submissions
        (item,) = [i for i in rejected_items(engine) if i.uid == second]
        assert "改写" in item.reason
    finally:
        server.close()


def test_cli_audit_verify_names_the_row_and_sign_in_still_works(tmp_path, monkeypatch, capsys):
    home = tmp_path / "home"
    ctx = open_app(home)
    try:
        ctx.accounts.create("admin", "admin", PASSWORD, display_name="管理员", by=None)
        engine = ctx.engine
        last = rows(engine)[-1]
        plant(engine, last["seq"] + 1, last["hash"])
        planted = last["seq"] + 1
    finally:
        ctx.close()
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    monkeypatch.setenv(cli.PASSWORD_ENV, PASSWORD)
    capsys.readouterr()
    code = cli.main(["--home", str(home), "--user", "admin", "audit", "verify"])
    err = capsys.readouterr().err
    assert code == 1 and f"第 {planted} 条" in err and "插入" in err
    assert "IntegrityError" not in err and "错误：" not in err
    ctx = open_app(home)
    try:
        actions = [e.action for e in ctx.audit.entries()]
    finally:
        ctx.close()
    assert actions[-2:] == ["login", "audit_verify"]  # signing in and the check itself were recorded
