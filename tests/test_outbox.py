"""The outbox against the reference platform: delivered once in effect, never lost."""

from __future__ import annotations

import uuid

import pytest

from creditdesk.db.engine import write_transaction
from creditdesk.platform.client import PlatformClient, RetryPolicy
from creditdesk.platform.outbox import OutboxPusher
from creditdesk.services.outbox import KINDS, counts, enqueue, rejected_items
from creditdesk_platform.server import PlatformServer

FAST = RetryPolicy(attempts=6, base_delay=0.01, max_delay=0.05, max_retry_after=0.2)


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer(state_dir=tmp_path / "platform")
    srv.start()
    yield srv
    srv.close()


def client(server: PlatformServer, **kw) -> PlatformClient:
    return PlatformClient(server.base_url, "ws-01", "test-token", retry=kw.pop("retry", FAST), timeout=5.0)


def item_data(kind: str, n: int) -> dict:
    if kind == "audit_head":  # docs/submissions.md: one window's chain head (a chain of its own per item here)
        return {"format": 1, "chain": f"{n:02d}" + "c" * 30, "seq": 1, "hash": f"{n:02x}" * 32,
                "at": "2026-11-20T08:00:00.000+08:00"}
    data = {"unit": "福州市行政服务中心", "officer": "demo-officer", "subject_id": f"91350100MA000000{n:02d}",
            "matter": "procurement", "outcome": "normal", "profile": {"id": "fuzhou", "version": 1},
            "data": {"seq": 10, "as_of": "2026-11-20T08:00:00+08:00"}, "offline": False}  # fmt: skip
    if kind != "review":
        data["note"] = f"{kind} {n}"
    if kind == "credit_review_request":
        data["due_on"] = "2026-11-27"  # the platform checks what the centre needs to answer (docs/submissions.md)
    return data


def queue(engine, n_per_kind: int = 3) -> list[str]:  # noqa: ANN001
    uids = []
    with write_transaction(engine) as conn:
        for kind in KINDS:
            for n in range(n_per_kind):
                uids.append(enqueue(conn, kind, item_data(kind, n)))
    return uids


def test_items_of_every_kind_are_delivered(engine, server):
    uids = queue(engine)
    with client(server) as c:
        result = OutboxPusher(engine, c).push()
    assert result.delivered == len(uids) and result.still_pending == 0
    assert set(server.submissions) == set(uids)
    assert {server.submissions[u]["kind"] for u in uids} == set(KINDS)
    assert counts(engine).to_json() == {"pending": 0, "delivered": len(uids), "rejected": 0}


def test_commit_then_drop_three_times_delivers_each_item_once(engine, server):
    uids = queue(engine)
    server.misbehaviour.drop_after_commit_next = 3  # the platform stores, then the connection drops
    with client(server) as c:
        result = OutboxPusher(engine, c).push()
    posts = [r for r in server.requests if r[0] == "POST"]
    assert len(posts) == 4 and [s for _m, _t, s in posts][:3] == [0, 0, 0]
    assert result.delivered == len(uids)
    assert sorted(server.submissions) == sorted(uids)  # each held once
    assert counts(engine).pending == 0


def test_an_outage_keeps_items_pending_and_a_later_push_delivers(engine, server):
    uids = queue(engine, 1)
    server.misbehaviour.fail_next = 100
    server.misbehaviour.fail_status = 502
    with client(server, retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.01)) as c:
        result = OutboxPusher(engine, c).push()
    assert result.error and result.delivered == 0 and counts(engine).pending == len(uids)
    server.misbehaviour.fail_next = 0
    with client(server) as c:
        assert OutboxPusher(engine, c).push().delivered == len(uids)
    assert sorted(server.submissions) == sorted(uids)


def test_rejected_items_wait_for_a_person_with_the_reason(engine, server):
    good = queue(engine, 1)
    with write_transaction(engine) as conn:
        bad = enqueue(conn, "review", {"matter": "procurement"})  # no unit, officer, subject: refused
    with client(server) as c:
        result = OutboxPusher(engine, c).push()
        again = OutboxPusher(engine, c).push()
    assert result.rejected == 1 and again.delivered == 0 and again.rejected == 0  # not resent
    held = rejected_items(engine)
    assert [i.uid for i in held] == [bad] and held[0].reason
    assert bad not in server.submissions and set(good) <= set(server.submissions)


def test_more_than_500_items_go_in_batches(engine, server):
    with write_transaction(engine) as conn:
        uids = [enqueue(conn, "review", item_data("review", i % 90)) for i in range(1203)]
    with client(server) as c:
        result = OutboxPusher(engine, c).push()
    posts = [r for r in server.requests if r[0] == "POST"]
    assert result.delivered == 1203 and len(posts) == 3
    assert len(server.submissions) == 1203 and set(server.submissions) == set(uids)


def test_items_survive_a_restart(tmp_path, server):
    from creditdesk.app import open_app

    ctx = open_app(tmp_path / "home")
    with write_transaction(ctx.engine) as conn:
        uid = enqueue(conn, "objection", item_data("objection", 1))
    ctx.close()
    ctx = open_app(tmp_path / "home")  # a new process, as after a power cut
    assert counts(ctx.engine).pending == 1
    with client(server) as c:
        OutboxPusher(ctx.engine, c).push()
    assert uid in server.submissions and uuid.UUID(uid)
    ctx.close()


def test_saving_work_never_loads_http_code():
    """Reviews, follow-ups, objections and status queue outbox items without importing httpx (issue 12)."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "import creditdesk.services.reviews, creditdesk.services.followup, creditdesk.services.objections\n"
        "import creditdesk.services.status, creditdesk.services.outbox\n"
        "loaded = sorted(m for m in sys.modules if m == 'httpx' or m.startswith(('httpx.', 'creditdesk.platform')))\n"
        "print(','.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.strip() == ""
