"""Offline bundles (protocol 6): every refusal, tampering anywhere, hostile archives, all-or-nothing apply.

Good bundles come from the platform's own writer (``creditdesk_platform.bundles.write_bundle``);
deliberately broken ones are crafted here. Refusal tests run on a SQLite file
(``db``); what applying does to the data runs on SQLite and PostgreSQL (``engine``).
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, select, text

from creditdesk import cli
from creditdesk.cancel import CancelToken
from creditdesk.db import models
from creditdesk.platform.bundle import archive as archive_mod
from creditdesk.platform.bundle import verify as verify_mod
from creditdesk.platform.bundle import CHECKS, BundleLimits, BundleRefused, import_bundle, verify_bundle
from creditdesk.platform.keys import TrustedKeys
from creditdesk.services.lookup import LookupService
from creditdesk_platform.bundles import generate_signing_key, public_key_b64, write_bundle
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number, uscc
from support.db import dump, fresh_engine, fts_orphans, table_rows

PLATFORM = "fuzhou"
KEY_ID = "k2026"
KEY = generate_signing_key()
OTHER_KEY = generate_signing_key()
AS_OF = "2026-11-21T18:00:00+08:00"
FORMAT = "creditdesk-bundle/1"


# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------


def trust(engine: Engine, key=KEY, key_id: str = KEY_ID, platform_id: str = PLATFORM) -> None:
    TrustedKeys(engine).trust(platform_id, key_id, public_key_b64(key))


@pytest.fixture
def db(tmp_path) -> Engine:
    """A SQLite database that trusts KEY as fuzhou/k2026."""
    eng = fresh_engine("sqlite", tmp_path)
    trust(eng)
    yield eng
    eng.dispose()


def snapshot(engine: Engine) -> dict:
    """Everything a bundle could touch: entities, name index, position and pass counter, rejections, keys."""
    out = dump(engine)
    out["rejected_change"] = table_rows(engine, "rejected_change")
    out["trusted_key"] = table_rows(engine, "trusted_key")
    return out


def position(engine: Engine) -> dict:
    with engine.connect() as conn:
        row = conn.execute(select(models.SyncState.__table__).where(models.SyncState.__table__.c.id == 1)).one()
    return dict(row._mapping)


def city(feed: Feed) -> list[dict]:
    """Twelve changes: organisations, a person, records, an agency, a report, a policy."""
    a = feed.company("福州顺心贸易有限公司", former_names=["福州顺意商贸有限公司"])
    b = feed.company("福建闽江建设工程有限责任公司")
    c = feed.company("鼓楼区老味道小吃店", kind="individual_business")
    person = feed.person("林小明", id_number(11))
    return [
        a, b, c, person,
        feed.record("R1", a["id"], "admin_penalty", amount=5000),
        feed.record("R2", a["id"], "honor", publish_until="2027-12-31"),
        feed.record("R3", person["id"], "dishonest_judgment_debtor"),
        feed.record("R4", b["id"], "serious_dishonesty"),
        feed.agency(uscc(900)),
        feed.report("BG-1", b["id"], uscc(900)),
        feed.policy("fz-1", 1),
        feed.record("R5", c["id"], "admin_license"),
    ]  # fmt: skip


def make(
    path: Path,
    changes: list[dict],
    *,
    after: int = 0,
    next_seq: int | None = None,
    epoch: str = EPOCH,
    part_size: int = 4,
    key=KEY,
    key_id: str = KEY_ID,
    platform_id: str = PLATFORM,
    created_at: str = AS_OF,
) -> Path:
    write_bundle(
        path, platform_id=platform_id, epoch=epoch, after=after,
        next_seq=next_seq if next_seq is not None else (changes[-1]["seq"] if changes else after),
        key_id=key_id, private_key=key, person_key_b64=PERSON_KEY_B64, changes=changes,
        part_size=part_size, created_at=created_at,
    )  # fmt: skip
    return path


def good(tmp_path: Path, name: str = "good.cdpkg") -> Path:
    return make(tmp_path / name, city(Feed()))


def contents(path: Path) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(path) as zf:
        return [(info, zf.read(info)) for info in zf.infolist()]


def rezip(src: Path, dst: Path, replace: dict[str, bytes] | None = None, drop=(), add=()) -> Path:
    """A valid ZIP (good CRCs) with some entries' contents replaced, dropped or added."""
    replace = replace or {}
    with zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in contents(src):
            if info.filename not in drop:
                out.writestr(info.filename, replace.get(info.filename, data))
        for name, data in add:
            out.writestr(name, data)
    return dst


def manifest_of(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read("manifest.json"))


def nd(changes: list) -> bytes:
    return b"".join(orjson.dumps(c) + b"\n" for c in changes)


def signed(
    path: Path,
    part_data: dict[str, bytes],
    *,
    key=KEY,
    extra=(),
    omit=(),
    raw_manifest: bytes | None = None,
    signature: bytes | None = None,
    **fields,
) -> Path:
    """A crafted bundle: the manifest (hashes and counts computed, ``fields`` override) signed by ``key``."""
    manifest = {
        "format": FORMAT, "platform_id": PLATFORM, "epoch": EPOCH, "bundle_id": "crafted-1", "created_at": AS_OF,
        "after": 0, "next": 1000, "key_id": KEY_ID, "person_key": PERSON_KEY_B64,
        "parts": [
            {"name": n, "sha256": hashlib.sha256(d).hexdigest(), "count": d.count(b"\n") + (1 if d and not d.endswith(b"\n") else 0)}
            for n, d in part_data.items()
        ],
    }  # fmt: skip
    manifest.update(fields)
    for name in omit:
        manifest.pop(name)
    raw = raw_manifest if raw_manifest is not None else json.dumps(manifest, ensure_ascii=False, indent=1).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("manifest.json", raw)
        zf.writestr("manifest.sig", signature if signature is not None else key.sign(raw))
        for name, data in part_data.items():
            zf.writestr(name, data)
        for name, data in extra:
            zf.writestr(name, data)
    return path


def refused(path: Path, engine: Engine, **kw) -> BundleRefused:
    """Import must refuse and change nothing; returns the refusal."""
    before = snapshot(engine)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, engine, **kw)
    assert snapshot(engine) == before
    exc = info.value
    assert exc.check in CHECKS and exc.message
    assert exc.check in str(exc) and CHECKS[exc.check] in str(exc)
    return exc


# ---------------------------------------------------------------------------
# One test per refusal
# ---------------------------------------------------------------------------


def test_a_good_bundle_verifies_without_changing_anything(tmp_path, db):
    path = good(tmp_path)
    before = snapshot(db)
    b = verify_bundle(path, db)
    assert snapshot(db) == before
    assert (b.platform_id, b.epoch, b.after, b.next, b.key_id, b.full) == (PLATFORM, EPOCH, 0, 12, KEY_ID, True)
    assert [p.count for p in b.parts] == [4, 4, 4] and b.total_changes == 12
    assert b.person_key == PERSON_KEY_B64 and b.created_at == AS_OF


@pytest.mark.parametrize("how", ["not_zip", "empty", "truncated", "missing_file", "directory"])
def test_archive_not_a_zip_or_damaged(tmp_path, db, how):
    path = tmp_path / "bad.cdpkg"
    if how == "not_zip":
        path.write_bytes(b"PK\x03\x04 this is not really a zip" * 100)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "truncated":
        data = good(tmp_path).read_bytes()
        path.write_bytes(data[: len(data) // 2])
    elif how == "directory":
        path.mkdir()
    assert refused(path, db).check == "archive"


def test_archive_crc_error(tmp_path, db):
    """A stored (uncompressed) part with one byte changed in place: the ZIP's CRC-32 no longer matches."""
    feed = Feed()
    parts = {"changes-00001.ndjson": nd(city(feed))}
    path = tmp_path / "stored.cdpkg"
    manifest = signed(tmp_path / "tmp.cdpkg", parts, next=12)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for info, data in contents(manifest):
            zf.writestr(info.filename, data)
    raw = bytearray(path.read_bytes())
    at = raw.index(b'"seq":5')
    raw[at + 6] ^= 0x01
    path.write_bytes(bytes(raw))
    assert refused(path, db).check == "archive"


def test_archive_encrypted_entry(tmp_path, db):
    path = good(tmp_path)
    raw = bytearray(path.read_bytes())
    # set the "encrypted" flag of the manifest entry in the central directory
    cd = raw.rindex(b"PK\x01\x02" + raw[raw.index(b"PK\x01\x02") + 4 : raw.index(b"PK\x01\x02") + 6])  # any entry
    with zipfile.ZipFile(path) as zf:
        assert zf.infolist()
    struct.pack_into("<H", raw, cd + 8, struct.unpack_from("<H", raw, cd + 8)[0] | 0x1)
    path.write_bytes(bytes(raw))
    assert refused(path, db).check == "archive"


@pytest.mark.parametrize(
    "how",
    ["missing", "not_json", "not_utf8", "not_object", "wrong_format", "no_epoch", "no_parts", "bad_after",
     "next_before_after", "bad_sha", "bad_count", "duplicate_key", "too_many_changes", "bad_created_at",
     "bad_person_key", "no_platform_id"],
)  # fmt: skip
def test_manifest_missing_or_malformed(tmp_path, db, how):
    parts = {"changes-00001.ndjson": nd(city(Feed()))}
    path = tmp_path / "m.cdpkg"
    if how == "missing":
        rezip(good(tmp_path), path, drop={"manifest.json"})
    elif how == "not_json":
        signed(path, parts, raw_manifest=b'{"format": "creditdesk-bundle/1", ')
    elif how == "not_utf8":
        signed(path, parts, raw_manifest=b'{"format": "\xff\xfe"}')
    elif how == "not_object":
        signed(path, parts, raw_manifest=b'["creditdesk-bundle/1"]')
    elif how == "wrong_format":
        signed(path, parts, format="creditdesk-bundle/2")
    elif how == "no_epoch":
        signed(path, parts, omit=["epoch"])
    elif how == "no_parts":
        signed(path, parts, omit=["parts"])
    elif how == "bad_after":
        signed(path, parts, after="0")
    elif how == "next_before_after":
        signed(path, parts, after=10, next=5)
    elif how == "bad_sha":
        signed(path, parts, parts=[{"name": "changes-00001.ndjson", "sha256": "abc", "count": 12}])
    elif how == "bad_count":
        signed(path, parts, parts=[{"name": "changes-00001.ndjson", "sha256": "0" * 64, "count": -1}])
    elif how == "duplicate_key":
        raw = json.dumps({"format": FORMAT, "platform_id": PLATFORM, "key_id": KEY_ID}).encode()
        signed(path, parts, raw_manifest=raw[:-1] + b', "key_id": "k2026"}')
    elif how == "too_many_changes":
        signed(path, parts, next=5)  # 12 changes cannot fit in seq (0, 5]
    elif how == "bad_created_at":
        signed(path, parts, created_at="yesterday")
    elif how == "bad_person_key":
        signed(path, parts, person_key="not-b64")
    elif how == "no_platform_id":
        signed(path, parts, omit=["platform_id"])
    assert refused(path, db).check == "manifest"


@pytest.mark.parametrize("how", ["missing", "short", "long", "wrong_key", "zeros", "manifest_edited"])
def test_signature_missing_wrong_length_or_not_verifying(tmp_path, db, how):
    parts = {"changes-00001.ndjson": nd(city(Feed()))}
    path = tmp_path / "s.cdpkg"
    if how == "missing":
        rezip(good(tmp_path), path, drop={"manifest.sig"})
    elif how == "short":
        signed(path, parts, next=12, signature=KEY.sign(b"x")[:63])
    elif how == "long":
        signed(path, parts, next=12, signature=KEY.sign(b"x") + b"\0")
    elif how == "wrong_key":
        signed(path, parts, next=12, key=OTHER_KEY)
    elif how == "zeros":
        signed(path, parts, next=12, signature=bytes(64))
    elif how == "manifest_edited":  # valid JSON, same platform and key, one value changed after signing
        src = good(tmp_path)
        m = manifest_of(src)
        with zipfile.ZipFile(src) as zf:
            raw = zf.read("manifest.json")
        edited = raw.replace(f'"next": {m["next"]}'.encode(), f'"next": {m["next"] + 1}'.encode())
        assert edited != raw
        rezip(src, path, replace={"manifest.json": edited})
    assert refused(path, db).check == "signature"


def test_unknown_key(tmp_path, db):
    path = make(tmp_path / "k.cdpkg", city(Feed()), key=OTHER_KEY, key_id="k2099")
    exc = refused(path, db)
    assert exc.check == "unknown_key" and "k2099" in exc.message and "platform trust" in exc.message


def test_unknown_platform(tmp_path, db):
    path = make(tmp_path / "p.cdpkg", city(Feed()), platform_id="xiamen")
    exc = refused(path, db)
    assert exc.check == "unknown_platform" and "xiamen" in exc.message and "platform trust" in exc.message


def test_unknown_platform_on_an_installation_that_never_went_online_until_trusted(tmp_path):
    eng = fresh_engine("sqlite", tmp_path)
    path = good(tmp_path)
    assert refused(path, eng).check == "unknown_platform"
    trust(eng)
    assert import_bundle(path, eng).applied == 12
    eng.dispose()


def test_part_hash(tmp_path, db):
    src = good(tmp_path)
    with zipfile.ZipFile(src) as zf:
        data = zf.read("changes-00002.ndjson")
    changed = data.replace(b"admin_penalty", b"admin_penaltx")
    assert changed != data
    exc = refused(rezip(src, tmp_path / "h.cdpkg", replace={"changes-00002.ndjson": changed}), db)
    assert exc.check == "part_hash" and "changes-00002.ndjson" in exc.message


def test_part_count(tmp_path, db):
    changes = city(Feed())
    parts = {"changes-00001.ndjson": nd(changes)}
    m_parts = [{"name": "changes-00001.ndjson", "sha256": hashlib.sha256(parts["changes-00001.ndjson"]).hexdigest(), "count": 11}]
    exc = refused(signed(tmp_path / "c.cdpkg", parts, next=12, parts=m_parts), db)
    assert exc.check == "part_count" and "12" in exc.message


def test_missing_part(tmp_path, db):
    exc = refused(rezip(good(tmp_path), tmp_path / "mp.cdpkg", drop={"changes-00003.ndjson"}), db)
    assert exc.check == "missing_part" and "changes-00003.ndjson" in exc.message


@pytest.mark.parametrize(
    "name",
    ["readme.txt", "changes-00004.ndjson", "sub/dir/file", "dir/"],
)
def test_unexpected_part_extra_files_are_refused(tmp_path, db, name):
    exc = refused(rezip(good(tmp_path), tmp_path / "x.cdpkg", add=[(name, b"hello\n")]), db)
    assert exc.check == "unexpected_part"


@pytest.mark.parametrize(
    "name",
    ["../evil.ndjson", "../../../../tmp/evil.ndjson", "parts/../../evil", "/etc/evil", "C:/evil", "a\\..\\evil", "x\x01y"],
)
def test_unsafe_entry_names_are_refused_whatever_else_the_bundle_holds(tmp_path, db, name):
    # as an extra entry of a good bundle
    exc = refused(rezip(good(tmp_path), tmp_path / "t1.cdpkg", add=[(name, b"{}\n")]), db)
    assert exc.check == "unexpected_part"
    # as a part the (validly signed) manifest lists
    exc = refused(signed(tmp_path / "t2.cdpkg", {name: nd(city(Feed()))}, next=12), db)
    assert exc.check == "unexpected_part"
    assert not (tmp_path.parent / "evil.ndjson").exists() and not Path("/etc/evil").exists()


def test_symlink_entries_are_refused(tmp_path, db):
    src = good(tmp_path)
    info = zipfile.ZipInfo("changes-00003.ndjson")
    info.create_system = 3
    info.external_attr = (0o120777 << 16)
    path = tmp_path / "link.cdpkg"
    with zipfile.ZipFile(path, "w") as zf:
        for i, data in contents(src):
            if i.filename == "changes-00003.ndjson":
                zf.writestr(info, b"/etc/passwd")
            else:
                zf.writestr(i.filename, data)
    exc = refused(path, db)
    assert exc.check == "unexpected_part" and "符号链接" in exc.message


def test_duplicate_entry_names_are_refused(tmp_path, db):
    src = good(tmp_path)
    path = rezip(src, tmp_path / "dup.cdpkg")
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(path, "a") as zf:
        zf.writestr("changes-00001.ndjson", b'{"seq": 1}\n')
    assert refused(path, db).check == "unexpected_part"


def local_at(engine: Engine, tmp_path: Path, feed: Feed) -> int:
    """Apply a full bundle of the city: the database is at its last seq."""
    import_bundle(make(tmp_path / "base.cdpkg", city(feed)), engine)
    return feed.seq


def test_gap(tmp_path, db):
    feed = Feed()
    seq = local_at(db, tmp_path, feed)
    feed.seq += 3  # changes seq+1 … seq+3 are in no bundle we have
    delta = make(tmp_path / "gap.cdpkg", [feed.company("福州新公司有限公司")], after=seq + 3)
    exc = refused(delta, db)
    assert exc.check == "gap" and str(seq) in exc.message


def test_a_delta_on_an_empty_database_is_a_gap(tmp_path, db):
    feed = Feed(start=100)
    exc = refused(make(tmp_path / "d.cdpkg", city(feed), after=100), db)
    assert exc.check == "gap" and "全量" in exc.message


def test_epoch(tmp_path, db):
    feed = Feed()
    seq = local_at(db, tmp_path, feed)
    delta = make(tmp_path / "e.cdpkg", [feed.company("福州新公司有限公司")], after=seq, epoch="2027-01-fz")
    exc = refused(delta, db)
    assert exc.check == "epoch" and "2027-01-fz" in exc.message


def test_a_delta_of_another_platform_is_another_history(tmp_path, db):
    trust(db, OTHER_KEY, "kx", "xiamen")
    feed = Feed()
    seq = local_at(db, tmp_path, feed)
    delta = make(tmp_path / "x.cdpkg", [feed.company("厦门新公司有限公司")], after=seq, platform_id="xiamen", key=OTHER_KEY, key_id="kx")
    assert refused(delta, db).check == "epoch"


@pytest.mark.parametrize(
    "limits",
    [
        BundleLimits(max_total_bytes=3000),
        BundleLimits(max_part_bytes=1000),
        BundleLimits(max_entries=4),
        BundleLimits(max_directory_bytes=200),
        BundleLimits(max_manifest_bytes=200),
        BundleLimits(max_ratio=1.5, ratio_floor=100),
    ],
    ids=["total", "part", "entries", "directory", "manifest", "ratio"],
)
def test_too_large(tmp_path, db, limits):
    assert refused(good(tmp_path), db, limits=limits).check == "too_large"


def test_an_over_long_line_is_too_large(tmp_path, db):
    change = Feed().company("福州长名字有限公司", extra_blob="x" * 5000)
    path = signed(tmp_path / "long.cdpkg", {"changes-00001.ndjson": nd([change])}, next=1)
    assert refused(path, db, limits=BundleLimits(max_line_bytes=1000)).check == "too_large"
    assert import_bundle(path, db).applied == 1


def test_cancelled_before_anything_is_written(tmp_path, db):
    token = CancelToken()
    token.cancel()
    exc = refused(good(tmp_path), db, cancel=token)
    assert exc.check == "cancelled"


def test_cancelled_at_the_last_moment_still_applies_nothing(tmp_path, db):
    seen = {"done": 0}
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        seen["done"] = done
        if done >= 12:  # every change has been written: only the check just before the commit is left
            token.cancel()

    exc = refused(good(tmp_path), db, progress=progress, cancel=token, batch_size=5)
    assert exc.check == "cancelled" and seen["done"] == 12


@pytest.mark.parametrize(
    "lines",
    [
        [b'{"seq": 1, "op": "upsert"', b'{"seq": 2}'],  # invalid JSON
        [b'{"seq": 2, "op": "delete", "type": "record", "id": "R1"}', b'{"seq": 2, "op": "delete", "type": "record", "id": "R2"}'],
        [b'{"seq": 3, "op": "delete", "type": "record", "id": "R1"}', b'{"seq": 2, "op": "delete", "type": "record", "id": "R2"}'],
        [b'[1, 2, 3]'],  # not an object
        [b'"just a string"'],
        [b'{"op": "delete", "type": "record", "id": "R1"}'],  # no seq
        [b'{"seq": "7", "op": "delete", "type": "record", "id": "R1"}'],
        [b'{"seq": true, "op": "delete", "type": "record", "id": "R1"}'],
        [b'{"seq": 1001, "op": "delete", "type": "record", "id": "R1"}'],  # beyond next
        [b'{"seq": 1, "op": "delete", "type": "record", "id": "R1"}', b""],  # a blank line
        [b'{"seq": 1, "op": "delete", "type": "record", "id": "\xff"}'],  # not UTF-8
    ],
    ids=["invalid_json", "seq_repeated", "seq_decreasing", "array", "string", "no_seq", "seq_text", "seq_bool",
         "seq_beyond_next", "blank_line", "not_utf8"],  # fmt: skip
)
def test_part_content_bad_change_lines(tmp_path, db, lines):
    parts = {"changes-00001.ndjson": b"\n".join(lines) + b"\n"}
    path = signed(tmp_path / "pc.cdpkg", parts, after=0, next=1000)
    assert refused(path, db).check == "part_content"


def test_part_content_seq_must_increase_across_parts(tmp_path, db):
    feed = Feed()
    a, b = feed.company("福州甲有限公司"), feed.company("福州乙有限公司")
    parts = {"changes-00001.ndjson": nd([b]), "changes-00002.ndjson": nd([a])}
    exc = refused(signed(tmp_path / "order.cdpkg", parts, next=2), db)
    assert exc.check == "part_content" and "changes-00002.ndjson" in exc.message


def test_part_content_found_after_earlier_batches_were_written_is_rolled_back(tmp_path, db):
    changes = city(Feed())
    parts = {"changes-00001.ndjson": nd(changes[:8]), "changes-00002.ndjson": nd(changes[8:]) + b"not json\n"}
    exc = refused(signed(tmp_path / "late.cdpkg", parts, next=13), db, batch_size=2)
    assert exc.check == "part_content" and "changes-00002.ndjson" in exc.message


# ---------------------------------------------------------------------------
# Tampering anywhere is caught
# ---------------------------------------------------------------------------

GOOD_PARTS = ("changes-00001.ndjson", "changes-00002.ndjson", "changes-00003.ndjson")


@pytest.mark.parametrize("part", GOOD_PARTS)
@pytest.mark.parametrize("offset", [0, 1, 37, "middle", -2, -1])
def test_a_changed_byte_in_any_part_content_is_caught(tmp_path, db, part, offset):
    src = good(tmp_path)
    with zipfile.ZipFile(src) as zf:
        data = bytearray(zf.read(part))
    at = len(data) // 2 if offset == "middle" else offset
    data[at] ^= 0x01
    exc = refused(rezip(src, tmp_path / "t.cdpkg", replace={part: bytes(data)}), db)
    assert exc.check == "part_hash" and part in exc.message


def entry_data_span(path: Path, name: str) -> tuple[int, int]:
    """Where an entry's compressed bytes lie in the file."""
    raw = path.read_bytes()
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(name)
    n, e = struct.unpack_from("<HH", raw, info.header_offset + 26)
    start = info.header_offset + 30 + n + e
    return start, start + info.compress_size


@pytest.mark.parametrize("name", [*GOOD_PARTS, "manifest.json", "manifest.sig"])
@pytest.mark.parametrize("where", [0.0, 0.3, 0.7, 0.999])
def test_a_flipped_byte_anywhere_in_the_file_data_is_caught(tmp_path, db, name, where):
    src = good(tmp_path)
    start, end = entry_data_span(src, name)
    raw = bytearray(src.read_bytes())
    raw[start + int((end - start - 1) * where)] ^= 0x10
    path = tmp_path / "flip.cdpkg"
    path.write_bytes(bytes(raw))
    try:
        unchanged = [data for _, data in contents(path)] == [data for _, data in contents(src)]
    except Exception:  # noqa: BLE001 - zipfile/zlib refuse the damaged entry
        unchanged = False
    if unchanged:  # the bit was deflate padding: the bundle's content is the signed one
        assert import_bundle(path, db).applied == 12
    else:
        refused(path, db)  # archive (CRC / deflate), part_hash, signature …: any refusal, nothing applied


@pytest.mark.parametrize("offset", [0, 1, 20, 60, 100, 150, "middle", -3, -2])
def test_a_changed_byte_in_the_manifest_is_caught(tmp_path, db, offset):
    src = good(tmp_path)
    with zipfile.ZipFile(src) as zf:
        raw = bytearray(zf.read("manifest.json"))
    at = len(raw) // 2 if offset == "middle" else offset
    raw[at] ^= 0x01
    exc = refused(rezip(src, tmp_path / "m.cdpkg", replace={"manifest.json": bytes(raw)}), db)
    assert exc.check in {"manifest", "signature", "unknown_key", "unknown_platform"}


@pytest.mark.parametrize("offset", [0, 31, 32, 63])
def test_a_changed_byte_in_the_signature_is_caught(tmp_path, db, offset):
    src = good(tmp_path)
    with zipfile.ZipFile(src) as zf:
        sig = bytearray(zf.read("manifest.sig"))
    sig[offset] ^= 0x01
    assert refused(rezip(src, tmp_path / "s.cdpkg", replace={"manifest.sig": bytes(sig)}), db).check == "signature"


def test_an_import_reads_each_part_once_and_a_noop_still_checks_them(tmp_path, db, monkeypatch):
    """Each part is inflated and hashed once, while it is applied (not once more before); a bundle
    with nothing new is still hashed, so a tampered copy of it is refused, not accepted as a no-op."""
    src = good(tmp_path)
    reads: list[str] = []
    real = archive_mod.SafeArchive.stream

    def counted(self, name, cap):  # noqa: ANN001, ANN202
        reads.append(name)
        return real(self, name, cap)

    monkeypatch.setattr(archive_mod.SafeArchive, "stream", counted)
    assert import_bundle(src, db).applied == 12
    assert sorted(r for r in reads if r.endswith(".ndjson")) == list(GOOD_PARTS)
    with zipfile.ZipFile(src) as zf:
        data = zf.read("changes-00002.ndjson")
    tampered = rezip(src, tmp_path / "again.cdpkg", replace={"changes-00002.ndjson": data.replace(b"R1", b"R7")})
    assert refused(tampered, db).check == "part_hash"
    assert import_bundle(src, db).noop


def test_a_part_that_changes_on_the_medium_after_verification_is_caught_while_applying(tmp_path, db, monkeypatch):
    """Verification passes (simulated), the bytes then read differ from the signed ones: rolled back."""
    src = good(tmp_path)
    with zipfile.ZipFile(src) as zf:
        data = zf.read("changes-00003.ndjson")
    path = rezip(src, tmp_path / "swap.cdpkg", replace={"changes-00003.ndjson": data.replace(b"R5", b"R6")})
    m = {p["name"]: p for p in manifest_of(src)["parts"]}
    monkeypatch.setattr(verify_mod, "_hash_part", lambda archive, part: (m[part.name]["sha256"], m[part.name]["count"]))
    exc = refused(path, db, batch_size=2)
    assert exc.check == "part_hash" and "changes-00003.ndjson" in exc.message


# ---------------------------------------------------------------------------
# Hostile archives: zip bombs
# ---------------------------------------------------------------------------


def raw_zip(entries: list[tuple[str, bytes, int, int, int]]) -> bytes:
    """A ZIP written by hand (name, compressed data, method, crc, declared uncompressed size): headers may lie."""
    out = io.BytesIO()
    central = []
    for name, data, method, crc, usize in entries:
        offset = out.tell()
        n = name.encode()
        out.write(struct.pack("<4s5H3L2H", b"PK\x03\x04", 20, 0x800, method, 0, 0x21, crc, len(data), usize, len(n), 0))
        out.write(n)
        out.write(data)
        central.append(struct.pack("<4s6H3L5H2L", b"PK\x01\x02", 0x314, 20, 0x800, method, 0, 0x21, crc, len(data), usize, len(n), 0, 0, 0, 0, 0o100644 << 16, offset) + n)
    cd_start = out.tell()
    for c in central:
        out.write(c)
    out.write(struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), out.tell() - cd_start, cd_start, 0))
    return out.getvalue()


def zeros_deflated(mib: int) -> bytes:
    """Raw deflate of ``mib`` MiB of zeros, built in milliseconds (full flushes make every MiB's output identical)."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = bytes(1 << 20)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    repeat = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    return first + repeat * (mib - 1) + c.flush()


def manifest_entries(part_names: dict[str, tuple[str, int]]) -> list[tuple[str, bytes, int, int, int]]:
    m = {
        "format": FORMAT, "platform_id": PLATFORM, "epoch": EPOCH, "bundle_id": "bomb", "created_at": AS_OF,
        "after": 0, "next": 10, "key_id": KEY_ID, "person_key": PERSON_KEY_B64,
        "parts": [{"name": n, "sha256": sha, "count": count} for n, (sha, count) in part_names.items()],
    }  # fmt: skip
    raw = json.dumps(m).encode()
    sig = KEY.sign(raw)
    return [("manifest.json", raw, 0, zlib.crc32(raw), len(raw)), ("manifest.sig", sig, 0, zlib.crc32(sig), 64)]


@pytest.mark.parametrize("listed", [True, False], ids=["listed_part", "extra_entry"])
def test_a_zip_bomb_is_refused_at_once_without_decompressing(tmp_path, db, listed):
    bomb = zeros_deflated(1536)  # 1.5 GiB of zeros in ~1.6 MB: under the 2 GiB part cap, ratio ~1000
    entries = manifest_entries({"changes-00001.ndjson": ("0" * 64, 10)} if listed else {})
    entries.append(("changes-00001.ndjson", bomb, 8, 0, 1536 << 20))
    path = tmp_path / "bomb.cdpkg"
    path.write_bytes(raw_zip(entries))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        exc = refused(path, db)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert exc.check == "too_large" and "压缩" in exc.message
    assert elapsed < 2.0  # the refusal itself is header arithmetic (the snapshot comparison takes most of this)
    assert peak < 32 << 20


def test_a_bomb_whose_header_understates_its_size_yields_only_the_declared_bytes(tmp_path, db):
    """Headers say 1,000 bytes (so no cap applies); the data inflates to 64 MiB: reading stops at 1,000 and the CRC fails."""
    entries = manifest_entries({"changes-00001.ndjson": ("0" * 64, 1)})
    entries.append(("changes-00001.ndjson", zeros_deflated(64), 8, 0, 1000))
    path = tmp_path / "liar.cdpkg"
    path.write_bytes(raw_zip(entries))
    tracemalloc.start()
    try:
        exc = refused(path, db)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert exc.check == "archive"
    assert peak < 32 << 20


def test_too_many_entries_are_refused_before_zipfile_lists_them(tmp_path, db, monkeypatch):
    src = good(tmp_path)
    path = rezip(src, tmp_path / "many.cdpkg", add=[(f"f{i}", b"") for i in range(50)])
    listed = []
    real = zipfile.ZipFile.__init__

    def spy(self, *a, **kw):  # noqa: ANN001, ANN002, ANN003
        listed.append(a)
        return real(self, *a, **kw)

    monkeypatch.setattr(zipfile.ZipFile, "__init__", spy)
    assert refused(path, db, limits=BundleLimits(max_entries=20)).check == "too_large"
    assert listed == []


# ---------------------------------------------------------------------------
# Reading entries ourselves: ISA-L (isal) or zlib, local headers checked
# ---------------------------------------------------------------------------


@pytest.fixture(params=["isal", "zlib"])
def inflater(request, monkeypatch) -> str:
    """Run the test with entries inflated by ISA-L, then by plain zlib (the fallback without isal)."""
    if request.param == "isal":
        pytest.importorskip("isal")
        assert archive_mod._igzip is not None  # installed: it is what verification uses
    else:
        monkeypatch.setattr(archive_mod, "_igzip", None)
        monkeypatch.setattr(archive_mod, "_crc32", zlib.crc32)
    return request.param


def deflated(data: bytes, level: int = 6) -> bytes:
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def ndjson_like(n: int, seed: int = 1) -> bytes:
    rnd = random.Random(seed)
    out = bytearray()
    while len(out) < n:
        out += orjson.dumps({"seq": len(out), "name": rnd.choice(["福州", "鼓楼", "x" * rnd.randint(0, 300)]), "v": rnd.random()}) + b"\n"
    return bytes(out[:n])


def test_both_inflaters_verify_and_import_a_good_bundle(tmp_path, db, inflater):
    path = good(tmp_path)
    assert verify_bundle(path, db, BundleLimits(threads=1)).total_changes == 12
    assert verify_bundle(path, db, BundleLimits(threads=3)).total_changes == 12
    assert import_bundle(path, db).applied == 12


@pytest.mark.parametrize("chunk,read,feed", [(256 << 10, 1 << 20, 32 << 10), (1000, 777, 100), (1, 64, 7)])
def test_entries_read_here_are_exactly_what_zipfile_reads(tmp_path, inflater, monkeypatch, chunk, read, feed):
    """Stored and deflated entries, any level, empty to several MiB, highly or barely compressible, any chunking."""
    monkeypatch.setattr(archive_mod, "CHUNK", chunk)
    monkeypatch.setattr(archive_mod, "_READ", read)
    monkeypatch.setattr(archive_mod, "_FEED", feed)
    big = chunk >= 1000
    payloads = {
        "empty": b"",
        "one": b"\n",
        "zeros": bytes((3 << 20) if big else 5000),
        "ndjson": ndjson_like((2 << 20) + 17 if big else 4000),
        "random": random.Random(7).randbytes(300_000 if big else 3000),
    }
    path = tmp_path / "entries.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in payloads.items():
            zf.writestr(f"{name}.stored", data, compress_type=zipfile.ZIP_STORED)
            for level in (1, 6, 9):
                zf.writestr(f"{name}.{level}", data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=level)
    limits = BundleLimits(max_ratio=1e9)
    with zipfile.ZipFile(path) as zf, archive_mod._Archive(path, limits) as archive:
        for info in zf.infolist():
            chunks = list(archive.stream(info.filename, limits.max_part_bytes))
            assert b"".join(chunks) == zf.read(info), info.filename
            assert all(0 < len(c) <= chunk for c in chunks), info.filename


def test_only_stored_and_deflated_entries_are_accepted(tmp_path, db):
    parts = {"changes-00001.ndjson": nd(city(Feed()))}
    src = signed(tmp_path / "src.cdpkg", parts, next=12)
    for method in (zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
        path = tmp_path / f"m{method}.cdpkg"
        with zipfile.ZipFile(path, "w") as zf:
            for info, data in contents(src):
                zf.writestr(info.filename, data, compress_type=method if info.filename in parts else zipfile.ZIP_DEFLATED)
        exc = refused(path, db)
        assert exc.check == "archive" and "压缩方式" in exc.message


@pytest.mark.parametrize("field", ["name", "method", "signature", "encrypted"])
def test_a_local_header_that_disagrees_with_the_directory_is_refused(tmp_path, db, field):
    """zipfile would have checked the name; the rest is checked too now that entries are read here."""
    src = good(tmp_path)
    raw = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        at = zf.getinfo("changes-00002.ndjson").header_offset
    if field == "name":
        name_at = at + 30
        assert raw[name_at : name_at + 20] == b"changes-00002.ndjson"
        raw[name_at + 12] = ord("7")
    elif field == "method":
        struct.pack_into("<H", raw, at + 8, zipfile.ZIP_STORED)
    elif field == "signature":
        raw[at + 3] = 0x05
    else:
        struct.pack_into("<H", raw, at + 6, struct.unpack_from("<H", raw, at + 6)[0] | 0x1)
    path = tmp_path / "local.cdpkg"
    path.write_bytes(bytes(raw))
    exc = refused(path, db)
    assert exc.check == "archive" and "changes-00002.ndjson" in exc.message


def central_entry(raw: bytes, name: str) -> int:
    """Where ``name``'s central directory record starts."""
    at = raw.index(b"PK\x01\x02")
    while True:
        n, e, c = struct.unpack_from("<3H", raw, at + 28)
        if raw[at + 46 : at + 46 + n] == name.encode():
            return at
        at += 46 + n + e + c


def test_entries_whose_data_overlap_are_refused(tmp_path, db):
    """The directory makes the manifest's data run on into the next entry: a stream that still ends in time."""
    src = good(tmp_path)
    raw = bytearray(src.read_bytes())
    at = central_entry(bytes(raw), "manifest.json")
    struct.pack_into("<L", raw, at + 20, struct.unpack_from("<L", raw, at + 20)[0] + 40)  # compressed size
    path = tmp_path / "overlap.cdpkg"
    path.write_bytes(bytes(raw))
    with zipfile.ZipFile(path) as zf, zipfile.ZipFile(src) as original:  # zipfile (3.11) reads it as if all were well
        assert zf.read("manifest.json") == original.read("manifest.json")
    exc = refused(path, db)
    assert exc.check == "archive" and "重叠" in exc.message


def test_two_entries_sharing_their_data_are_refused(tmp_path, db):
    src = good(tmp_path)
    raw = bytearray(src.read_bytes())
    with zipfile.ZipFile(src) as zf:
        first = zf.getinfo("changes-00001.ndjson").header_offset
    struct.pack_into("<L", raw, central_entry(bytes(raw), "changes-00002.ndjson") + 42, first)
    path = tmp_path / "shared.cdpkg"
    path.write_bytes(bytes(raw))
    exc = refused(path, db)
    assert exc.check == "archive" and "共用" in exc.message


@pytest.mark.parametrize("how", ["truncated", "overstated", "understated_crc_of_prefix", "garbage"])
def test_deflate_data_that_does_not_yield_the_declared_bytes_is_refused(tmp_path, db, inflater, how):
    data = nd(city(Feed())[:10])
    comp, size, crc = deflated(data), len(data), zlib.crc32(data)
    if how == "truncated":  # the stream stops early; sizes and CRC as for the whole part
        comp = comp[: len(comp) // 2]
    elif how == "overstated":  # the header promises more than the stream holds
        size += 100
    elif how == "understated_crc_of_prefix":  # the header's size and CRC fit a prefix: SHA-256 is of the whole
        size, crc = size - 100, zlib.crc32(data[:-100])
    else:
        comp = bytes(len(comp))  # all zero bytes: a stored block of the wrong length
    entries = manifest_entries({"changes-00001.ndjson": (hashlib.sha256(data).hexdigest(), 10)})
    entries.append(("changes-00001.ndjson", comp, 8, crc, size))
    path = tmp_path / "short.cdpkg"
    path.write_bytes(raw_zip(entries))
    exc = refused(path, db)
    expected = {"understated_crc_of_prefix": "part_hash"}.get(how, "archive")
    assert exc.check == expected and "changes-00001.ndjson" in exc.message


def test_lying_headers_cost_neither_memory_nor_time_with_either_inflater(tmp_path, db, inflater):
    """As the bomb test above, for both inflaters: 1 GiB of zeros behind a header that says 1,000 bytes."""
    entries = manifest_entries({"changes-00001.ndjson": ("0" * 64, 1)})
    entries.append(("changes-00001.ndjson", zeros_deflated(1024), 8, 0, 1000))
    path = tmp_path / "liar.cdpkg"
    path.write_bytes(raw_zip(entries))
    tracemalloc.start()
    started = time.perf_counter()
    try:
        with pytest.raises(BundleRefused) as info:
            verify_bundle(path, db)
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert info.value.check == "archive" and "CRC" in info.value.message
    assert elapsed < 1.0 and peak < 8 << 20


def test_a_huge_but_allowed_ratio_streams_in_constant_memory_with_either_inflater(tmp_path, db, inflater):
    """64 MiB of newlines in ~64 KiB, allowed by a raised ratio cap: verified in small chunks, both inflaters."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = b"\n" * (1 << 20)
    first = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    repeat = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    comp = first + repeat * 63 + c.flush()
    digest, crc = hashlib.sha256(), 0
    for _ in range(64):
        digest.update(block)
        crc = zlib.crc32(block, crc)
    m = {
        "format": FORMAT, "platform_id": PLATFORM, "epoch": EPOCH, "bundle_id": "newlines", "created_at": AS_OF,
        "after": 0, "next": 1 << 40, "key_id": KEY_ID, "person_key": PERSON_KEY_B64,
        "parts": [{"name": "changes-00001.ndjson", "sha256": digest.hexdigest(), "count": 64 << 20}],
    }  # fmt: skip
    raw = json.dumps(m).encode()
    sig = KEY.sign(raw)
    entries = [
        ("manifest.json", raw, 0, zlib.crc32(raw), len(raw)),
        ("manifest.sig", sig, 0, zlib.crc32(sig), 64),
        ("changes-00001.ndjson", comp, 8, crc, 64 << 20),
    ]
    path = tmp_path / "newlines.cdpkg"
    path.write_bytes(raw_zip(entries))
    with pytest.raises(BundleRefused) as info:  # the default ratio cap refuses it at once
        verify_bundle(path, db)
    assert info.value.check == "too_large"
    tracemalloc.start()
    try:
        b = verify_bundle(path, db, BundleLimits(max_ratio=10_000))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert b.total_changes == 64 << 20 and b.total_bytes == 64 << 20
    assert peak < 8 << 20


def test_verify_and_import_stream_in_constant_memory(tmp_path):
    """18 MB of NDJSON in one part: neither verifying nor importing holds the part (or the bundle) in memory."""
    from creditdesk.demo.city import DemoCity

    def demo_bundle(name: str, subjects: int) -> Path:
        c = DemoCity(subjects=subjects, seed=7)
        write_bundle(
            tmp_path / name, platform_id=PLATFORM, epoch=EPOCH, after=0, next_seq=10**9, key_id=KEY_ID,
            private_key=KEY, person_key_b64=c.person_key, changes=c.changes(), part_size=1_000_000,
        )  # fmt: skip
        return tmp_path / name

    small, big = demo_bundle("small.cdpkg", 300), demo_bundle("big.cdpkg", 8000)
    with zipfile.ZipFile(big) as zf:
        ndjson = sum(i.file_size for i in zf.infolist())
    assert ndjson > 16 << 20
    warm = fresh_engine("sqlite", tmp_path / "warm")  # first use loads dictionaries and caches: not the bundle's
    trust(warm)
    import_bundle(small, warm)
    eng = fresh_engine("sqlite", tmp_path / "db")
    trust(eng)
    tracemalloc.start()
    try:
        verify_bundle(big, eng)
        verify_peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.reset_peak()
        result = import_bundle(big, eng, batch_size=500)
        import_peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.applied > 30_000
    assert verify_peak < 8 << 20
    assert import_peak < 12 << 20
    warm.dispose()
    eng.dispose()


# ---------------------------------------------------------------------------
# Applying: SQLite and PostgreSQL
# ---------------------------------------------------------------------------


def test_a_full_bundle_then_a_delta(tmp_path, engine):
    trust(engine)
    feed = Feed()
    changes = city(feed)
    full = make(tmp_path / "full.cdpkg", changes, created_at="2026-11-20T18:00:00+08:00")
    progress: list[tuple[int, int]] = []
    result = import_bundle(full, engine, progress=lambda d, t: progress.append((d, t)))
    assert (result.upserted, result.deleted, result.rejected, result.skipped, result.swept, result.noop) == (12, 0, 0, 0, 0, False)
    assert progress[0] == (0, 12) and progress[-1] == (12, 12)
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    pos = position(engine)
    assert (pos["seq"], pos["epoch"], pos["as_of"], pos["platform_id"]) == (
        12, EPOCH, "2026-11-20T18:00:00+08:00", PLATFORM
    )
    # The key itself goes to the credential store, the database keeps a reference (issue 10 item 7).
    assert pos["person_key"].startswith("ks:") and PERSON_KEY_B64[4:] not in pos["person_key"]
    assert pos["active_pass"] is None
    # The person key from the manifest lets the counter find a natural person by ID number.
    hits = LookupService(engine).lookup(id_number(11)).results
    assert [h.name for h in hits] == ["林小明"]
    assert fts_orphans(engine) == 0

    # A delta: after = the full bundle's next.
    a_id = changes[0]["id"]
    delta_changes = [
        feed.company("福州顺心贸易集团有限公司", changes[0]["data"]["uscc"]),  # renamed
        feed.delete("record", "R1"),
        feed.record("R9", a_id, "admin_penalty"),
        feed.change("record", "R-BAD", {"subject_id": a_id}),  # rejected, recorded, not a refusal
    ]
    delta = make(tmp_path / "delta.cdpkg", delta_changes, after=12, next_seq=20, part_size=3)
    result = import_bundle(delta, engine)
    assert (result.upserted, result.deleted, result.rejected, result.skipped, result.swept) == (2, 1, 1, 0, 0)
    assert (result.seq_before, result.seq_after) == (12, 20)
    pos = position(engine)
    assert (pos["seq"], pos["epoch"], pos["as_of"]) == (20, EPOCH, AS_OF)
    records = {r["id"] for r in table_rows(engine, "record")}
    assert "R1" not in records and "R9" in records
    assert [h.name for h in LookupService(engine).lookup("顺心贸易集团").results][:1] == ["福州顺心贸易集团有限公司"]
    (rej,) = table_rows(engine, "rejected_change")
    assert (rej["entity_id"], rej["source"]) == ("R-BAD", "bundle")

    # Re-importing either bundle changes nothing: the full one must not sweep the delta's new record.
    before = snapshot(engine)
    for path in (delta, full):
        again = import_bundle(path, engine)
        assert again.noop and again.applied == 0 and again.swept == 0
        assert snapshot(engine) == before


def test_reimporting_the_same_bundle_is_a_no_op(tmp_path, engine):
    trust(engine)
    path = good(tmp_path)
    import_bundle(path, engine)
    before = snapshot(engine)
    result = import_bundle(path, engine)
    assert result.noop and result.skipped == 12 and "没有新变更" in result.summary()
    assert snapshot(engine) == before


def test_a_delta_that_overlaps_what_is_applied_skips_the_old_changes(tmp_path, engine):
    trust(engine)
    feed = Feed()
    changes = city(feed)
    import_bundle(make(tmp_path / "first.cdpkg", changes[:8]), engine)  # up to seq 8
    result = import_bundle(make(tmp_path / "overlap.cdpkg", changes[4:], after=4, next_seq=12), engine)
    assert (result.skipped, result.upserted) == (4, 4)
    assert position(engine)["seq"] == 12


def test_gap_and_epoch_refusals_leave_the_data_alone(tmp_path, engine):
    trust(engine)
    feed = Feed()
    import_bundle(make(tmp_path / "base.cdpkg", city(feed)), engine)
    feed.seq += 1
    gap = make(tmp_path / "gap.cdpkg", [feed.company("福州新甲有限公司")], after=13)
    other = make(tmp_path / "other.cdpkg", [feed.company("福州新乙有限公司")], after=12, epoch="2027-01-fz")
    assert refused(gap, engine).check == "gap"
    assert refused(other, engine).check == "epoch"
    assert position(engine)["seq"] == 12


def test_a_full_snapshot_of_another_epoch_replaces_everything_and_sweeps_the_rest(tmp_path, engine):
    trust(engine)
    feed = Feed()
    changes = city(feed)
    import_bundle(make(tmp_path / "old.cdpkg", changes), engine)
    # The platform was rebuilt: new epoch, new numbering. Subject b and its records/report are gone,
    # subject a changed, a new subject appeared.
    new = Feed()
    a, b = changes[0], changes[1]
    kept = [
        new.company("福州顺心贸易有限公司", a["data"]["uscc"], former_names=[]),
        new.change("subject", changes[2]["id"], changes[2]["data"]),
        new.change("subject", changes[3]["id"], changes[3]["data"]),
        new.change("record", "R1", changes[4]["data"]),
        new.company("福州全新科技有限公司", uscc(50)),
    ]
    result = import_bundle(make(tmp_path / "new.cdpkg", kept, epoch="2027-01-fz"), engine)
    assert result.skipped == 0 and result.upserted == 5
    # swept: b, records R2 R3 R4 R5, agency, report, policy
    assert result.swept == 8
    pos = position(engine)
    assert (pos["seq"], pos["epoch"], pos["active_pass"]) == (5, "2027-01-fz", None)
    subjects = {r["id"] for r in table_rows(engine, "subject")}
    assert b["id"] not in subjects and a["id"] in subjects and len(subjects) == 4
    assert {r["id"] for r in table_rows(engine, "record")} == {"R1"}
    assert table_rows(engine, "agency") == [] and table_rows(engine, "report") == [] and table_rows(engine, "policy") == []
    assert not LookupService(engine).lookup("闽江建设").results
    assert not LookupService(engine).lookup("顺意商贸").results  # the former name went with the new version
    assert fts_orphans(engine) == 0


def test_a_full_snapshot_of_the_same_epoch_keeps_what_it_skips_and_sweeps_what_it_lacks(tmp_path, engine):
    trust(engine)
    feed = Feed()
    changes = city(feed)  # seq 1..12
    import_bundle(make(tmp_path / "first.cdpkg", changes[:10]), engine)  # local at seq 10
    # Online history went on: R4 (seq 8) was deleted at seq 13, a subject was renamed at 14.
    # The platform's snapshot at next=14 lists every live entity at its latest seq, R4 absent.
    renamed = dict(changes[2], seq=14, data=dict(changes[2]["data"], name="鼓楼区新味道小吃店"))
    snapshot_changes = [c for c in changes if c["id"] not in ("R4", changes[2]["id"])] + [renamed]
    snapshot_changes.sort(key=lambda c: c["seq"])
    result = import_bundle(make(tmp_path / "snap.cdpkg", snapshot_changes, next_seq=14), engine)
    # seq <= 10 skipped (already here) but kept: only R4 is swept.
    assert result.skipped == 8 and result.upserted == 3 and result.swept == 1
    assert {r["id"] for r in table_rows(engine, "record")} == {"R1", "R2", "R3", "R5"}
    assert len(table_rows(engine, "subject")) == 4 and len(table_rows(engine, "agency")) == 1
    names = {r["name"] for r in table_rows(engine, "subject")}
    assert "鼓楼区新味道小吃店" in names
    assert position(engine)["seq"] == 14


def install_failure(engine: Engine, record_id: str) -> None:
    """A trigger that makes writing one record fail, as a disk error or a crash would."""
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(text(
                f"CREATE TRIGGER boom BEFORE INSERT ON record WHEN NEW.id = '{record_id}' "
                "BEGIN SELECT RAISE(ABORT, 'injected failure'); END"
            ))  # fmt: skip
        else:
            conn.execute(text(
                "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
                f"IF NEW.id = '{record_id}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql"
            ))  # fmt: skip
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON record FOR EACH ROW EXECUTE FUNCTION boom()"))


@pytest.mark.parametrize("kind", ["delta", "full"])
def test_a_failure_mid_apply_leaves_the_database_exactly_as_before(tmp_path, engine, kind):
    trust(engine)
    feed = Feed()
    import_bundle(make(tmp_path / "base.cdpkg", city(feed)), engine)
    more = [feed.company(f"福州第{i}号贸易有限公司") for i in range(10)]
    more += [feed.record("R-OK", more[0]["id"]), feed.delete("record", "R1"), feed.record("R-BOOM", more[1]["id"])]
    more += [feed.company("福州最后贸易有限公司")]
    if kind == "delta":
        path = make(tmp_path / "delta.cdpkg", more, after=12, part_size=5)
    else:  # a full snapshot in a new epoch: would sweep everything else at the end
        renumbered = [dict(c, seq=i) for i, c in enumerate(more, 1)]
        path = make(tmp_path / "full.cdpkg", renumbered, epoch="2027-01-fz", part_size=5)
    install_failure(engine, "R-BOOM")
    before = snapshot(engine)
    pos = position(engine)
    with pytest.raises(Exception, match="injected failure"):
        import_bundle(path, engine, batch_size=3)
    assert snapshot(engine) == before
    assert position(engine) == pos
    assert fts_orphans(engine) == 0


# ---------------------------------------------------------------------------
# Keys: pinned at first contact, a changed key waits for the administrator
# ---------------------------------------------------------------------------


def test_key_pinning_and_a_changed_key_until_confirmed(tmp_path):
    eng = fresh_engine("sqlite", tmp_path)
    keys = TrustedKeys(eng)
    (pinned,) = keys.pin_from_meta(PLATFORM, [{"key_id": KEY_ID, "alg": "ed25519", "public_key": public_key_b64(KEY)}])
    assert pinned.action == "pinned"
    feed = Feed()
    assert import_bundle(make(tmp_path / "a.cdpkg", city(feed)), eng).applied == 12

    # The platform now announces another key under the same key id, and signs with it.
    (changed,) = keys.pin_from_meta(PLATFORM, [{"key_id": KEY_ID, "alg": "ed25519", "public_key": public_key_b64(OTHER_KEY)}])
    assert changed.action == "changed"
    delta = make(tmp_path / "b.cdpkg", [feed.company("福州新公司有限公司")], after=12, key=OTHER_KEY)
    exc = refused(delta, eng)
    assert exc.check == "signature" and "--confirm" in exc.message and "等待管理员" in exc.message

    # A new key id the platform announced is pending too: unknown until confirmed.
    keys.pin_from_meta(PLATFORM, [{"key_id": "k2027", "alg": "ed25519", "public_key": public_key_b64(OTHER_KEY)}])
    exc = refused(make(tmp_path / "c.cdpkg", [dict(feed.company("福州另一公司有限公司"))], after=12, key=OTHER_KEY, key_id="k2027"), eng)
    assert exc.check == "unknown_key" and "等待管理员确认" in exc.message

    keys.trust(PLATFORM, KEY_ID, public_key_b64(OTHER_KEY), confirm=True)
    assert import_bundle(delta, eng).applied == 1
    # The old key is retired: a bundle it signs is refused now.
    old = make(tmp_path / "d.cdpkg", [feed.company("福州旧钥公司有限公司")], after=13)
    assert refused(old, eng).check == "signature"
    eng.dispose()


# ---------------------------------------------------------------------------
# The command
# ---------------------------------------------------------------------------


def test_cli_bundle_import(tmp_path, capsys):
    home = tmp_path / "home"
    path = good(tmp_path)
    args = ["--home", str(home)]
    assert cli.main([*args, "bundle", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert "unknown_platform" in err and "platform trust" in err
    assert cli.main([*args, "platform", "trust", "--platform-id", PLATFORM, "--key-id", KEY_ID,
                     "--public-key", public_key_b64(KEY)]) == 0  # fmt: skip
    capsys.readouterr()
    assert cli.main([*args, "bundle", "import", str(path)]) == 0
    out = capsys.readouterr().out
    assert "已导入全量数据包" in out and "seq 0 → 12" in out
    assert cli.main([*args, "bundle", "import", str(path), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["noop"] and payload["skipped"] == 12 and payload["bundle"]["next"] == 12
    with zipfile.ZipFile(path) as zf:
        data = zf.read("changes-00002.ndjson")
    assert b'"R1"' in data
    tampered = rezip(path, tmp_path / "t.cdpkg", replace={"changes-00002.ndjson": data.replace(b'"R1"', b'"R7"')})
    assert cli.main([*args, "bundle", "import", str(tampered)]) == 1
    err = capsys.readouterr().err
    assert "part_hash" in err and "数据分卷校验和" in err
