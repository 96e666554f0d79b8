"""The reference platform (``creditdesk_platform``): offline bundles and the exchange server.

Real HTTP on 127.0.0.1 with httpx; everything here is small and fast.
"""

from __future__ import annotations

import base64
import hashlib
import os
import sys
import tracemalloc
import zipfile

import orjson
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from creditdesk.demo.city import DemoCity
from creditdesk_platform.bundles import (
    generate_signing_key,
    load_or_create_key,
    public_key_b64,
    write_bundle,
)

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
    changes = [{"seq": 5, "op": "delete", "type": "record", "id": "a"}, {"seq": 5, "op": "delete", "type": "record", "id": "b"}]
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
    payload = "信用记录" * 20

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
    # ~56 MB of NDJSON went through; the writer kept only a part's buffers.
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
