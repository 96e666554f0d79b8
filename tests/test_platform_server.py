"""The reference platform (``creditdesk_platform``): offline bundles and the exchange server.

Real HTTP on 127.0.0.1 with httpx; everything here is small and fast.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
import subprocess
import sys
import time
import tracemalloc
import uuid
import zipfile
from pathlib import Path

import httpx
import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from creditdesk.demo.city import DemoCity
from creditdesk_platform import cli as platform_cli
from creditdesk_platform.bundles import (
    generate_signing_key,
    load_or_create_key,
    public_key_b64,
    write_bundle,
)
from creditdesk_platform.server import PlatformServer

# --- helpers -------------------------------------------------------------------


def _unb64(value: str) -> bytes:
    assert value.startswith("b64:")
    return base64.b64decode(value[4:], validate=True)


def verify_bundle(path, public_key_b64_value: str) -> tuple[dict, list[dict]]:
    """Check a bundle as a client must (protocol 6); return the manifest and all changes."""
    with zipfile.ZipFile(path) as zf:
        manifest_bytes = zf.read("manifest.json")
        signature = zf.read("manifest.sig")
        assert len(signature) == 64
        Ed25519PublicKey.from_public_bytes(_unb64(public_key_b64_value)).verify(signature, manifest_bytes)
        manifest = orjson.loads(manifest_bytes)
        changes = []
        for part in manifest["parts"]:
            body = zf.read(part["name"])
            assert hashlib.sha256(body).hexdigest() == part["sha256"]
            lines = body.split(b"\n")
            assert lines[-1] == b""  # every line ends with a newline
            assert len(lines) - 1 == part["count"]
            changes.extend(orjson.loads(line) for line in lines[:-1])
    return manifest, changes


# --- bundles -------------------------------------------------------------------


def test_bundle_verifies_and_holds_the_feed(tmp_path):
    city = DemoCity(subjects=120, seed=7)
    feed = list(city.changes())
    key = generate_signing_key()
    out = tmp_path / "full.cdpkg"
    manifest = write_bundle(
        out, platform_id="demo-fuzhou", epoch=city.epoch, after=0, next_seq=len(feed), key_id="k2026",
        private_key=key, person_key_b64=base64.b64encode(city.person_key).decode(), changes=iter(feed),
        part_size=200, bundle_id="b-1", created_at="2026-11-21T18:00:00+08:00",
    )
    assert list(manifest) == [
        "format", "platform_id", "epoch", "bundle_id", "created_at", "after", "next", "key_id", "person_key", "parts",
    ]
    assert manifest["format"] == "creditdesk-bundle/1"
    assert manifest["bundle_id"] == "b-1" and manifest["created_at"] == "2026-11-21T18:00:00+08:00"
    assert (manifest["after"], manifest["next"], manifest["key_id"]) == (0, len(feed), "k2026")
    assert _unb64(manifest["person_key"]) == city.person_key

    read_manifest, changes = verify_bundle(out, public_key_b64(key))
    assert read_manifest == manifest
    assert changes == feed
    names = [p["name"] for p in manifest["parts"]]
    assert names == [f"changes-{i:05d}.ndjson" for i in range(1, len(names) + 1)]
    assert [p["count"] for p in manifest["parts"]][:-1] == [200] * (len(names) - 1)
    assert sum(p["count"] for p in manifest["parts"]) == len(feed)

    # A tampered manifest no longer verifies.
    other = generate_signing_key()
    with pytest.raises(Exception):
        verify_bundle(out, public_key_b64(other))


def test_bundle_rejects_out_of_order_changes_and_leaves_no_file(tmp_path):
    key = generate_signing_key()
    out = tmp_path / "bad.cdpkg"
    changes = [{"seq": 5, "op": "delete", "type": "record", "id": "a"},
               {"seq": 5, "op": "delete", "type": "record", "id": "b"}]
    with pytest.raises(ValueError):
        write_bundle(out, platform_id="p", epoch="e", after=4, next_seq=9, key_id="k", private_key=key,
                     person_key_b64="b64:AAAA", changes=changes)
    with pytest.raises(ValueError):  # seq not after `after`
        write_bundle(out, platform_id="p", epoch="e", after=5, next_seq=9, key_id="k", private_key=key,
                     person_key_b64="b64:AAAA", changes=changes[:1])
    assert list(tmp_path.iterdir()) == []


def test_empty_delta_bundle_has_no_parts(tmp_path):
    key = generate_signing_key()
    manifest = write_bundle(tmp_path / "e.cdpkg", platform_id="p", epoch="e", after=10, next_seq=10, key_id="k",
                            private_key=key, person_key_b64="b64:AAAA", changes=[])
    assert manifest["parts"] == [] and manifest["after"] == manifest["next"] == 10
    assert verify_bundle(tmp_path / "e.cdpkg", public_key_b64(key))[1] == []


def test_signing_key_persists_with_mode_0600(tmp_path):
    key_id, key = load_or_create_key(tmp_path / "state")
    again_id, again = load_or_create_key(tmp_path / "state")
    assert key_id == again_id and public_key_b64(key) == public_key_b64(again)
    assert len(_unb64(public_key_b64(key))) == 32
    if sys.platform != "win32":
        assert os.stat(tmp_path / "state" / "signing-key.pem").st_mode & 0o777 == 0o600


def test_large_bundle_is_written_in_bounded_memory(tmp_path):
    n = 200_000
    payload = "信用记录" * 8

    def changes():
        for seq in range(1, n + 1):
            yield {"seq": seq, "op": "upsert", "type": "record", "id": f"R-{seq}", "data": {"title": payload}}

    key = generate_signing_key()
    tracemalloc.start()
    try:
        manifest = write_bundle(tmp_path / "big.cdpkg", platform_id="p", epoch="e", after=0, next_seq=n,
                                key_id="k", private_key=key, person_key_b64="b64:AAAA", changes=changes())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # ~30 MB of NDJSON went through; the writer kept only a part's buffers.
    assert peak < 8 * 1024 * 1024, peak
    assert [p["count"] for p in manifest["parts"]] == [50_000] * 4
    with zipfile.ZipFile(tmp_path / "big.cdpkg") as zf:
        Ed25519PublicKey.from_public_bytes(_unb64(public_key_b64(key))).verify(
            zf.read("manifest.sig"), zf.read("manifest.json"))
        with zf.open("changes-00004.ndjson") as part:
            h = hashlib.sha256()
            for chunk in iter(lambda: part.read(1 << 20), b""):
                h.update(chunk)
        assert h.hexdigest() == manifest["parts"][3]["sha256"]


# --- the exchange server ----------------------------------------------------------

AUTH = {"X-Client-Id": "ws-01", "Authorization": "Bearer test-token"}
SMALL_CITY = DemoCity(subjects=60, seed=11)
SMALL_FEED = list(SMALL_CITY.changes())


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer.for_city(SMALL_CITY, state_dir=tmp_path / "platform", forbidden_clients={"ws-banned"})
    srv.start()
    yield srv
    srv.close()


@pytest.fixture
def client(server):
    with httpx.Client(base_url=server.base_url, headers=AUTH, timeout=5) as c:
        yield c


def _all_pages(client, after=0, limit=7):
    pages = []
    while True:
        r = client.get("/api/v1/changes", params={"after": after, "limit": limit})
        assert r.status_code == 200, r.text
        page = r.json()
        pages.append(page)
        after = page["next"]
        if not page["has_more"]:
            return pages


def _review(uid=None, **data):
    body = {"unit": "鼓楼区行政服务中心", "officer": "林窗口", "subject_id": "91350100MA2Y0XXXX0"} | data
    return {"uid": uid or str(uuid.uuid4()), "kind": "review", "created_at": "2026-11-21T18:00:00+08:00", "data": body}


def test_meta(server, client):
    r = client.get("/api/v1/meta")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/json")
    assert r.headers["content-encoding"] == "gzip"  # httpx asks for it
    meta = r.json()
    assert list(meta) == [
        "protocol", "platform_id", "platform_name", "region_code", "server_time", "epoch", "oldest_seq",
        "high_water", "person_key", "signing_keys",
    ]
    assert meta["protocol"] == 1
    assert (meta["platform_id"], meta["region_code"], meta["epoch"]) == ("demo-fuzhou", "350100", SMALL_CITY.epoch)
    assert meta["platform_name"] == SMALL_CITY.platform_name
    assert dt.datetime.fromisoformat(meta["server_time"]).utcoffset() == dt.timedelta(hours=8)
    assert meta["server_time"].endswith("+08:00")
    assert (meta["oldest_seq"], meta["high_water"]) == (0, len(SMALL_FEED))
    assert _unb64(meta["person_key"]) == SMALL_CITY.person_key
    [key] = meta["signing_keys"]
    assert key == {"key_id": server.key_id, "alg": "ed25519", "public_key": server.public_key_b64()}
    assert len(_unb64(key["public_key"])) == 32
    # Without Accept-Encoding: plain JSON.
    plain = client.get("/api/v1/meta", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers and orjson.loads(plain.content)["epoch"] == meta["epoch"]


def test_paging_from_zero_covers_every_entity_once(server, client):
    pages = _all_pages(client, limit=7)
    seqs = [c["seq"] for p in pages for c in p["changes"]]
    assert seqs == sorted(set(seqs))  # strictly increasing across pages
    for p in pages:
        assert p["next"] == p["changes"][-1]["seq"]
        assert len(p["changes"]) <= 7
        assert (p["high_water"], p["epoch"]) == (len(SMALL_FEED), SMALL_CITY.epoch)
        assert list(p) == ["changes", "next", "has_more", "high_water", "epoch"]
    assert [p["has_more"] for p in pages] == [True] * (len(pages) - 1) + [False]
    got = [c for p in pages for c in p["changes"]]
    assert got == SMALL_FEED  # same changes, same order, same seq
    # Default limit 1000, and an empty page when caught up.
    r = client.get("/api/v1/changes").json()
    assert len(r["changes"]) == len(SMALL_FEED) and r["has_more"] is False
    r = client.get("/api/v1/changes", params={"after": len(SMALL_FEED)}).json()
    assert r == {"changes": [], "next": len(SMALL_FEED), "has_more": False,
                 "high_water": len(SMALL_FEED), "epoch": SMALL_CITY.epoch}


def test_update_moves_entity_and_delete_is_a_tombstone(server, client):
    high = server.high_water
    subject = next(c for c in SMALL_FEED if c["type"] == "subject")
    record = next(c for c in SMALL_FEED if c["type"] == "record")
    renamed = {**subject["data"], "name": subject["data"]["name"] + "（更名）"}
    assert server.add_changes([
        {"op": "upsert", "type": "subject", "id": subject["id"], "data": renamed},
        {"op": "delete", "type": "record", "id": record["id"]},
    ]) == high + 2

    # From 0 in one page: the live entities only, the changed one at its new seq.
    full = client.get("/api/v1/changes", params={"after": 0, "limit": 5000}).json()
    by_key = {}
    for c in full["changes"]:
        assert (c["type"], c["id"]) not in by_key and c["op"] == "upsert"
        by_key[(c["type"], c["id"])] = c
    assert by_key[("subject", subject["id"])] == {**subject, "seq": high + 1, "data": renamed}
    assert ("record", record["id"]) not in by_key
    assert len(full["changes"]) == len(SMALL_FEED) - 1
    # The tombstone after it is no part of a pass from 0: the pass ends on the last live entity.
    assert (full["next"], full["has_more"]) == (high + 1, False)
    assert [c["seq"] for c in full["changes"]] == sorted(c["seq"] for c in full["changes"])
    # Paged from 0: every live entity exactly once; the first page (after=0) holds no tombstone.
    pages = _all_pages(client, limit=50)
    assert all(c["op"] == "upsert" for c in pages[0]["changes"])
    live = [c for p in pages for c in p["changes"] if c["op"] == "upsert"]
    assert live == full["changes"]

    delta = client.get("/api/v1/changes", params={"after": high}).json()
    assert delta["changes"] == [
        {"seq": high + 1, "op": "upsert", "type": "subject", "id": subject["id"], "data": renamed},
        {"seq": high + 2, "op": "delete", "type": "record", "id": record["id"]},
    ]
    assert (delta["next"], delta["has_more"], delta["high_water"]) == (high + 2, False, high + 2)

    # A feed from 0 with nothing live left ends at once (no endless has_more).
    server.load([{"op": "delete", "type": "subject", "id": subject["id"]}])
    assert client.get("/api/v1/changes").json() == {
        "changes": [], "next": 0, "has_more": False, "high_water": 1, "epoch": SMALL_CITY.epoch}
    assert client.get("/api/v1/changes", params={"after": 0, "limit": 1}).json()["has_more"] is False


def test_rebuild_restarts_seqs_under_new_epoch(server, client):
    server.rebuild("2026-02-demo", SMALL_FEED[:5])
    meta = client.get("/api/v1/meta").json()
    assert (meta["epoch"], meta["high_water"], meta["oldest_seq"]) == ("2026-02-demo", 5, 0)
    page = client.get("/api/v1/changes").json()
    assert [c["seq"] for c in page["changes"]] == [1, 2, 3, 4, 5] and page["epoch"] == "2026-02-demo"
    server.load(SMALL_FEED[:2])
    assert server.epoch == "2026-02-demo" and server.high_water == 2


def test_error_statuses_and_bodies(server, client):
    def check(response, status, code):
        assert response.status_code == status, response.text
        body = response.json()
        assert body["error"] == code and isinstance(body["message"], str) and body["message"]

    check(client.get("/api/v1/meta", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    check(httpx.get(server.base_url + "/api/v1/meta", headers={"X-Client-Id": "ws-01"}), 401, "unauthorized")
    check(httpx.get(server.base_url + "/api/v1/meta", headers={"Authorization": "Bearer test-token"}), 401,
          "unauthorized")
    check(client.get("/api/v1/nope", headers={"Authorization": "Bearer wrong"}), 401, "unauthorized")
    check(client.get("/api/v1/meta", headers={"X-Client-Id": "ws-banned"}), 403, "forbidden")
    check(client.get("/api/v1/nope"), 404, "not_found")
    check(client.get("/api/v2/meta"), 404, "not_found")
    assert client.post("/api/v1/meta", json={}).status_code == 405

    for params in ({"limit": 0}, {"limit": 5001}, {"limit": "x"}, {"after": -1}, {"after": "1.5"},
                   {"after": ""}, {"after": ["1", "2"]}):
        check(client.get("/api/v1/changes", params=params), 422, "invalid")
    assert client.get("/api/v1/changes", params={"limit": 5000}).status_code == 200

    server.expire_cursors_before(100)
    check(client.get("/api/v1/changes", params={"after": 99}), 410, "cursor_expired")
    assert client.get("/api/v1/changes", params={"after": 100}).status_code == 200
    assert client.get("/api/v1/changes", params={"after": 0}).status_code == 200
    assert client.get("/api/v1/meta").json()["oldest_seq"] == 100

    check(client.post("/api/v1/submissions", json={"items": [_review() for _ in range(501)]}), 413, "too_large")
    assert client.post("/api/v1/submissions", json={"items": [_review() for _ in range(500)]}).status_code == 200
    for body in (b"{not json", b"[]", b'{"items": {}}', b"{}", b'{"items": [1]}'):
        check(client.post("/api/v1/submissions", content=body, headers={"Content-Type": "application/json"}),
              422, "invalid")
    # The connection stays usable after all of these.
    assert client.get("/api/v1/meta").status_code == 200

    # Revoking the token takes effect at once; allowed_clients restricts workstations.
    server.token = "new-token"
    check(client.get("/api/v1/meta"), 401, "unauthorized")
    server.token = "test-token"
    server.allowed_clients = {"ws-02"}
    check(client.get("/api/v1/meta"), 403, "forbidden")
    assert client.get("/api/v1/meta", headers={"X-Client-Id": "ws-02"}).status_code == 200
    assert [s for _m, _p, s in server.requests].count(401) == 5


def test_submissions_idempotent_and_validated(server, client, tmp_path):
    first, second = _review(), _review()
    r = client.post("/api/v1/submissions", json={"items": [first]})
    assert r.json() == {"results": [{"uid": first["uid"], "status": "accepted"}]}
    r = client.post("/api/v1/submissions", json={"items": [first, second, second]})
    assert r.json()["results"] == [
        {"uid": first["uid"], "status": "duplicate"},
        {"uid": second["uid"], "status": "accepted"},
        {"uid": second["uid"], "status": "duplicate"},
    ]
    assert server.submissions == {first["uid"]: first, second["uid"]: second}

    bad = [
        {**_review(), "kind": "complaint"},
        {**_review(), "uid": "not-a-uuid"},
        {**_review(), "data": ["x"]},
        _review(officer=""),
        {"uid": str(uuid.uuid4()), "kind": "review", "data": {"unit": "u", "officer": "o"}},
    ]
    good = [{"uid": str(uuid.uuid4()), "kind": k, "created_at": "2026-11-21T18:00:00+08:00", "data": {"x": 1}}
            for k in ("commitment", "commitment_status", "objection")]
    results = client.post("/api/v1/submissions", json={"items": bad + good}).json()["results"]
    assert [x["uid"] for x in results] == [x["uid"] for x in bad + good]
    assert [x["status"] for x in results] == ["rejected"] * 5 + ["accepted"] * 3
    assert all(x["reason"] for x in results[:5])
    assert "subject_id" in results[4]["reason"]
    assert set(server.submissions) == {first["uid"], second["uid"]} | {g["uid"] for g in good}

    # The platform remembers across a restart.
    state_dir = server.state_dir
    server.close()
    again = PlatformServer(state_dir=state_dir, epoch="ignored")
    try:
        assert again.epoch == SMALL_CITY.epoch and again.high_water == len(SMALL_FEED)
        assert again.submissions[first["uid"]] == first
        with httpx.Client(base_url=again.start(), headers=AUTH) as c:
            r = c.post("/api/v1/submissions", json={"items": [first]})
            assert r.json()["results"][0]["status"] == "duplicate"
    finally:
        again.close()


def test_misbehaviour_rate_limit_and_failures(server, client):
    m = server.misbehaviour
    m.rate_limit_every = 2
    statuses = [client.get("/api/v1/meta") for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 429, 200, 429]
    assert statuses[1].headers["retry-after"] == "1" and statuses[1].json()["error"] == "rate_limited"
    m.rate_limit_every = 0
    m.retry_after = "0.2"
    m.fail_next = 2
    rs = [client.get("/api/v1/meta") for _ in range(3)]
    assert [r.status_code for r in rs] == [503, 503, 200]
    assert rs[0].headers["retry-after"] == "0.2"
    m.fail_next, m.fail_status = 1, 500
    r = client.get("/api/v1/meta")
    assert r.status_code == 500 and "retry-after" not in r.headers and r.json()["error"] == "server_error"
    m.slow_seconds = 0.3
    started = time.monotonic()
    assert client.get("/api/v1/meta").status_code == 200
    assert time.monotonic() - started >= 0.3
    m.slow_seconds = 0
    with pytest.raises(httpx.TimeoutException):
        m.slow_seconds = 1.0
        client.get("/api/v1/meta", timeout=0.2)
    m.slow_seconds = 0


def test_misbehaviour_cut_and_reset_connections(server, client):
    m = server.misbehaviour
    m.cut_next = 1
    with pytest.raises(httpx.RemoteProtocolError):
        client.get("/api/v1/changes", params={"limit": 100})
    assert client.get("/api/v1/changes", params={"limit": 100}).status_code == 200
    m.reset_next = 1
    with pytest.raises(httpx.TransportError):
        client.get("/api/v1/meta")
    assert client.get("/api/v1/meta").status_code == 200
    logged = [(method, status) for method, _path, status in server.requests]
    assert logged == [("GET", 200), ("GET", 200), ("GET", 0), ("GET", 200)]


def test_misbehaviour_duplicate_pages(server, client):
    server.misbehaviour.duplicate_pages = True
    pages = _all_pages(client, limit=10)
    got = [c for p in pages for c in p["changes"]]
    assert len(got) > len(SMALL_FEED)  # some changes came twice
    for prev, page in zip(pages, pages[1:]):
        seqs = [c["seq"] for c in page["changes"]]
        assert seqs == sorted(set(seqs)) and page["next"] == seqs[-1] > prev["next"]
        assert seqs[0] <= prev["next"]  # overlaps what was already sent
    assert {c["seq"]: c for c in got} == {c["seq"]: c for c in SMALL_FEED}


def test_misbehaviour_drop_after_commit(server, client):
    item = _review()
    server.misbehaviour.drop_after_commit_next = 1
    with pytest.raises(httpx.TransportError):
        client.post("/api/v1/submissions", json={"items": [item]})
    assert server.submissions[item["uid"]] == item  # stored though never answered
    r = client.post("/api/v1/submissions", json={"items": [item]})
    assert r.json()["results"] == [{"uid": item["uid"], "status": "duplicate"}]


def test_loopback_only(tmp_path):
    for host in ("0.0.0.0", "192.168.1.10", "example.org"):
        with pytest.raises(ValueError):
            PlatformServer(host=host, state_dir=tmp_path)


def test_server_bundle_matches_feed(server, client, tmp_path):
    high = server.high_water
    record = next(c for c in SMALL_FEED if c["type"] == "record")
    server.add_changes([{"op": "delete", "type": "record", "id": record["id"]}])
    full = server.write_bundle(tmp_path / "full.cdpkg", part_size=100)
    [key] = client.get("/api/v1/meta").json()["signing_keys"]
    manifest, changes = verify_bundle(tmp_path / "full.cdpkg", key["public_key"])
    assert manifest == full and manifest["key_id"] == server.key_id
    assert (manifest["after"], manifest["next"], manifest["epoch"]) == (0, high + 1, SMALL_CITY.epoch)
    # A full snapshot holds the live entities (no tombstone), as the feed from 0 does.
    assert changes == client.get("/api/v1/changes", params={"after": 0, "limit": 5000}).json()["changes"]
    assert len(changes) == len(SMALL_FEED) - 1
    delta = server.write_bundle(tmp_path / "delta.cdpkg", after=high)
    assert verify_bundle(tmp_path / "delta.cdpkg", server.public_key_b64())[1] == [
        {"seq": high + 1, "op": "delete", "type": "record", "id": record["id"]}]
    assert delta["after"] == high


def test_cli_bundle_and_delta(tmp_path, capsys):
    state = str(tmp_path / "state")
    out = tmp_path / "b.cdpkg"
    assert platform_cli.main(["bundle", "--after", "0", "--out", str(out), "--subjects", "40", "--seed", "3",
                              "--state-dir", state]) == 0
    summary = orjson.loads(capsys.readouterr().out)
    expected = list(DemoCity(subjects=40, seed=3).changes())
    assert summary["changes"] == summary["next"] == len(expected) and summary["epoch"] == "demo-3"
    assert verify_bundle(out, summary["public_key"])[1] == expected
    assert platform_cli.main(["add-demo-delta", "--count", "5", "--state-dir", state, "--seed-delta", "1"]) == 0
    delta = orjson.loads(capsys.readouterr().out)
    assert delta["changes"] == 5 and delta["high_water"] == len(expected) + 5
    # The state dir's city, key and changelog are reused.
    assert platform_cli.main(["bundle", "--after", str(len(expected)), "--out", str(tmp_path / "d.cdpkg"),
                              "--state-dir", state]) == 0
    again = orjson.loads(capsys.readouterr().out)
    assert again["public_key"] == summary["public_key"] and again["changes"] == 5
    with pytest.raises(SystemExit):
        platform_cli.main(["bundle", "--after", "0", "--out", str(out), "--subjects", "41", "--state-dir", state])


def test_cli_serve(tmp_path):
    token_file = tmp_path / "token"
    token_file.write_text("s3cret\n", "utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "creditdesk_platform.cli", "serve", "--subjects", "20", "--port", "0",
         "--state-dir", str(tmp_path / "state"), "--token-file", str(token_file)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=Path(__file__).resolve().parents[1],
    )
    try:
        url = proc.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:") and url.endswith("/exchange"), proc.stderr.read()
        r = httpx.get(url + "/api/v1/meta", headers={"X-Client-Id": "ws", "Authorization": "Bearer s3cret"})
        assert r.status_code == 200 and r.json()["high_water"] == len(list(DemoCity(subjects=20).changes()))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert proc.returncode == 0
