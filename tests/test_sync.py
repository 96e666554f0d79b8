"""Sync against the reference platform on 127.0.0.1: every misbehaviour ends where a clean sync does."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from creditdesk.cancel import CancelToken
from creditdesk.demo.city import DemoCity
from creditdesk.platform.client import (
    CursorExpired,
    Forbidden,
    PlatformClient,
    RetryPolicy,
    Unauthorized,
)
from creditdesk.platform.sync import SyncService
from creditdesk.services.status import read_platform_status
from creditdesk_platform.server import PlatformServer
from support.db import ENTITY_TABLES, fresh_engine, name_index, table_rows

CITY = DemoCity(subjects=250, seed=11, as_of=dt.date(2026, 11, 20))
FAST = RetryPolicy(attempts=8, base_delay=0.01, max_delay=0.05, max_retry_after=0.3)


def state(engine) -> dict:  # noqa: ANN001
    """What a sync decides: the entities, the name index and the position (not bookkeeping)."""
    out = {t: table_rows(engine, t, {"sync_pass"}) for t in ENTITY_TABLES}
    # The name index as data, comparable across SQLite and PostgreSQL (the FTS5 twin's
    # consistency is tested in test_apply/test_lookup).
    out["names"] = sorted((*row[:5], bool(row[5])) for row in name_index(engine))
    with engine.connect() as conn:
        out["position"] = tuple(conn.execute(text("SELECT seq, epoch, platform_id FROM sync_state")).one())
    return out


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer.for_city(CITY, state_dir=tmp_path / "platform")
    srv.start()
    yield srv
    srv.close()


def client_for(server: PlatformServer, token: str = "test-token", client_id: str = "ws-01", **kw) -> PlatformClient:
    return PlatformClient(server.base_url, client_id, token, retry=FAST, timeout=kw.pop("timeout", 5.0), **kw)


def sync(engine, server, full: bool = False, page_size: int = 97, **kw):  # noqa: ANN001, ANN201
    with client_for(server, **kw) as client:
        return SyncService(engine, client, page_size=page_size).run(full=full)


@pytest.fixture
def reference(server, tmp_path):
    """The state a clean sync reaches, in its own database."""
    engine = fresh_engine("sqlite", tmp_path / "reference")
    sync(engine, server)
    yield state(engine)
    engine.dispose()


def test_clean_sync_loads_every_entity(engine, server, reference):
    result = sync(engine, server)
    assert result.full and result.pages > 5  # paged, from nothing
    assert result.seq == server.high_water
    counts = {t: len(reference[t]) for t in ENTITY_TABLES}
    assert counts["subject"] == 250 and counts["record"] > 250 and counts["agency"] >= 12
    assert state(engine) == reference
    assert read_platform_status(engine, server.base_url).last_sync is not None


MISBEHAVIOURS = {
    "rate_limited": {"rate_limit_every": 3, "retry_after": "0.05"},
    "gateway_timeouts": {"fail_next": 4, "fail_status": 504},
    "503_with_retry_after": {"fail_next": 3, "fail_status": 503, "retry_after": "0.05"},
    "cut_responses": {"cut_next": 3},
    "reset_connections": {"reset_next": 3},
    "duplicated_pages": {"duplicate_pages": True},
    "slow": {"slow_seconds": 0.03},
}


@pytest.mark.parametrize("name", MISBEHAVIOURS)
def test_misbehaving_platform_ends_in_the_clean_state(engine, server, reference, name):
    clean_requests = len(server.requests)  # what the reference sync needed
    server.requests.clear()
    for field, value in MISBEHAVIOURS[name].items():
        setattr(server.misbehaviour, field, value)
    sync(engine, server)
    assert state(engine) == reference
    if name != "slow":
        # Each misbehaviour costs extra requests (retries, or overlapping pages): it really happened.
        assert len(server.requests) > clean_requests, "the misbehaviour never happened"


def test_delta_sync_applies_updates_and_deletes(engine, server):
    sync(engine, server)
    victim = CITY.showcase["penalized"]
    renamed = CITY.showcase["clean_trustworthy"]
    with engine.connect() as conn:
        data = dict(conn.execute(text("SELECT * FROM subject WHERE id = :i"), {"i": renamed}).mappings().one())
    new_data = {
        "kind": data["kind"], "name": "福州新名字科技有限公司", "uscc": data["uscc"], "former_names": [data["name"]],
        "legal_representative": data["legal_representative"], "region_code": data["region_code"],
        "registered_on": str(data["registered_on"]), "status": "active", "updated_at": "2026-11-21T09:00:00+08:00",
    }  # fmt: skip
    server.add_changes(
        [{"op": "upsert", "type": "subject", "id": renamed, "data": new_data}, {"op": "delete", "type": "subject", "id": victim}]
    )
    result = sync(engine, server)
    assert not result.full and result.applied == 2
    with engine.connect() as conn:
        assert conn.execute(text("SELECT name FROM subject WHERE id = :i"), {"i": renamed}).scalar() == "福州新名字科技有限公司"
        assert conn.execute(text("SELECT count(*) FROM subject WHERE id = :i"), {"i": victim}).scalar() == 0
        assert conn.execute(text("SELECT seq FROM sync_state")).scalar() == server.high_water


def test_epoch_change_resyncs_and_sweeps(engine, server, tmp_path):
    sync(engine, server)
    smaller = DemoCity(subjects=120, seed=11, as_of=dt.date(2026, 11, 20))
    server.rebuild("2026-02-rebuilt", smaller.changes())
    result = sync(engine, server)
    assert result.full and result.swept > 0
    clean = fresh_engine("sqlite", tmp_path / "clean-after-rebuild")
    sync(clean, server)
    assert state(engine) == state(clean)
    assert state(engine)["position"][1] == "2026-02-rebuilt"


def test_expired_cursor_triggers_a_full_resync(engine, server, tmp_path):
    sync(engine, server)
    server.add_changes([{"op": "delete", "type": "subject", "id": CITY.showcase["repaired"]}])
    server.expire_cursors_before(server.high_water)
    # The reference platform refuses every cursor below oldest_seq, including those of a
    # pass from 0, so the resync must fit one page; a second 410 stops instead of looping.
    with pytest.raises(CursorExpired, match="再次"):
        sync(engine, server, page_size=97)
    result = sync(engine, server, page_size=5000)
    assert result.full
    assert any(status == 410 for _m, _t, status in server.requests)
    clean = fresh_engine("sqlite", tmp_path / "clean")
    sync(clean, server, page_size=5000)
    assert state(engine) == state(clean)


def test_interrupted_full_pass_keeps_old_data_until_it_completes(engine, server):
    sync(engine, server)
    before = {t: len(table_rows(engine, t)) for t in ENTITY_TABLES}
    server.rebuild("2026-03-rebuilt", DemoCity(subjects=60, seed=11, as_of=dt.date(2026, 11, 20)).changes())
    pages = []
    token = CancelToken()

    def page_done(p) -> None:  # noqa: ANN001
        pages.append(p)
        if len(pages) >= 2:
            token.cancel()

    with client_for(server) as client:
        service = SyncService(engine, client, page_size=40)
        with pytest.raises(Exception) as stopped:
            service.run(progress=page_done, cancel=token)
    assert "取消" in str(stopped.value)
    # Two pages of the new history are in, nothing was swept: lookups still see the old data.
    assert len(table_rows(engine, "subject")) == before["subject"]
    result = sync(engine, server, page_size=40)  # resumes the same pass, then sweeps
    assert result.full and result.swept > 0
    assert len(table_rows(engine, "subject")) == 60


def test_wrong_token_stops_at_once_and_is_recorded(engine, server):
    with pytest.raises(Unauthorized) as err:
        sync(engine, server, token="not-the-token")
    assert "not-the-token" not in str(err.value)
    assert len(server.requests) == 1  # 401 is final: no retries
    assert "令牌" in (read_platform_status(engine, server.base_url).last_error or "")


def test_forbidden_client_stops(engine, server):
    server.forbidden_clients.add("ws-banned")
    with pytest.raises(Forbidden):
        sync(engine, server, client_id="ws-banned")


def test_plain_http_is_refused_beyond_loopback():
    with pytest.raises(ValueError, match="HTTPS"):
        PlatformClient("http://credit.example.gov.cn/exchange", "ws", "t")
