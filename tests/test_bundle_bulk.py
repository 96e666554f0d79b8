"""The first load of a SQLite database from a full bundle (bundle._BulkLoad): secondary indexes
dropped and built again by sorting, the name index built once at the end — all inside the import's
one transaction. The result must be exactly what the batch-by-batch path makes, and a failure or a
cancel at any point (the indexes already dropped, or already built again) must leave the database
exactly as it was, its schema included."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, text

from creditdesk.cancel import CancelToken
from creditdesk.platform.bundle import apply as bundle_mod
from creditdesk.platform.bundle import planner
from creditdesk.platform.bundle import verify as verify_mod
from creditdesk.platform.bundle import BundleRefused, import_bundle
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.lookup import LookupService
from support.city import EPOCH, Feed, id_number
from support.db import dump, fresh_engine, fts_orphans

from test_bundle import make, position, snapshot, trust


def schema(engine: Engine) -> list[tuple]:
    with engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master")))


def query_plan(engine: Engine, sql: str) -> str:
    with engine.connect() as conn:
        return " ".join(str(r[-1]) for r in conn.execute(text("EXPLAIN QUERY PLAN " + sql)))


@pytest.fixture
def sqlite(tmp_path) -> Engine:
    eng = fresh_engine("sqlite", tmp_path / "a")
    trust(eng)
    yield eng
    eng.dispose()


@pytest.fixture(params=["here", "in a helper process"])
def planning(request, monkeypatch) -> str:
    """Both ways of reading and planning a first load: in the importing process, or in the helper
    process it starts for a big bundle (planner.py, from planner.MIN_CHANGES changes)."""
    monkeypatch.setattr(planner, "MIN_CHANGES", 10**12 if request.param == "here" else 0)
    return request.param


@pytest.fixture
def bulk_calls(monkeypatch) -> list[int]:
    """How many imports took the bulk path."""
    calls: list[int] = []
    begin = bundle_mod._BulkLoad.begin.__func__

    def counted(cls, conn):  # noqa: ANN001, ANN202
        calls.append(1)
        return begin(cls, conn)

    monkeypatch.setattr(bundle_mod._BulkLoad, "begin", classmethod(counted))
    return calls


def busy_city(feed: Feed) -> list[dict]:
    """Subjects changed again, renamed, deleted and brought back, records moved and deleted, former names."""
    a = feed.company("福州顺心贸易有限公司", former_names=["福州顺意商贸有限公司", "福州顺心商行"])
    b = feed.company("福建闽江建设工程有限责任公司")
    c = feed.company("鼓楼区老味道小吃店", kind="individual_business")
    person = feed.person("林小明", id_number(11))
    out = [a, b, c, person]
    out += [feed.company(f"福州第{i}号贸易有限公司", former_names=[f"福州第{i}号商行"] if i % 3 == 0 else []) for i in range(40)]
    out += [
        feed.record("R1", a["id"], "admin_penalty", amount=5000),
        feed.record("R2", a["id"], "honor", publish_until="2027-12-31"),
        feed.record("R3", person["id"], "dishonest_judgment_debtor"),
        feed.agency("AG1"),
        feed.report("BG-1", b["id"], "AG1"),
        feed.policy("fz-1", 1),
        feed.change("subject", a["id"], dict(a["data"], name="福州顺心国际贸易有限公司", former_names=["福州顺心贸易有限公司"])),
        feed.delete("subject", b["id"]),
        feed.record("R2", c["id"], "honor"),  # moved to another subject
        feed.delete("record", "R3"),
        feed.change("subject", b["id"], dict(b["data"], name="福建闽江建设集团有限公司")),  # back, renamed
        feed.delete("subject", c["id"]),
        feed.record("R9", "unknown-subject", "admin_license"),
    ]  # fmt: skip
    return out


def test_the_first_load_is_bulk_and_ends_exactly_as_the_batch_path(tmp_path, sqlite, bulk_calls, planning):
    changes = busy_city(Feed())
    path = make(tmp_path / "full.cdpkg", changes, part_size=7)
    fresh = schema(sqlite)
    result = import_bundle(path, sqlite, batch_size=5)
    assert bulk_calls == [1]
    assert result.applied > 0 and result.swept == 0 and result.rejected == 0 and result.skipped == 0

    # The same changes through the batch-by-batch path (search index kept as it goes).
    other = fresh_engine("sqlite", tmp_path / "b")
    try:
        ChangeApplier(other).apply(changes, Position(len(changes), EPOCH))
        expected = dump(other)
    finally:
        other.dispose()
    got = dump(sqlite)
    assert got["subject_name"] == expected["subject_name"]
    for table in ("subject", "record", "agency", "report", "policy"):  # marked with the full pass: sync_pass 1
        assert [dict(r, sync_pass=None) for r in got[table]] == expected[table], table
    assert len(got["subject_name"]) == 43 + 1 + 14  # 43 subjects left, their former names
    assert fts_orphans(sqlite) == 0
    # The indexes are back, the same as the migration made them, and in use.
    assert schema(sqlite) == fresh
    assert "ix_subject_uscc" in query_plan(sqlite, "SELECT id FROM subject WHERE uscc = 'x'")
    assert "ix_subject_name_core" in query_plan(sqlite, "SELECT id FROM subject_name WHERE core = 'x'")
    # Lookups by name and by code find the loaded data.
    lookup = LookupService(sqlite)
    assert [h.name for h in lookup.lookup("顺心国际").results] == ["福州顺心国际贸易有限公司"]
    assert [h.name for h in lookup.lookup("顺心贸易").results] == ["福州顺心国际贸易有限公司"]  # a former name
    assert not lookup.lookup("老味道").results  # deleted
    assert [h.name for h in lookup.lookup("闽江建设集团").results] == ["福建闽江建设集团有限公司"]


def test_only_an_empty_database_takes_the_bulk_path(tmp_path, sqlite, bulk_calls):
    feed = Feed()
    import_bundle(make(tmp_path / "first.cdpkg", busy_city(feed)), sqlite)
    assert bulk_calls == [1]
    # A full snapshot into a database that has data: mark and sweep, batch by batch.
    again = [dict(c, seq=i) for i, c in enumerate(busy_city(Feed())[:10], 1)]
    result = import_bundle(make(tmp_path / "again.cdpkg", again, epoch="2027-01-fz"), sqlite)
    assert bulk_calls == [1]
    assert result.swept > 0 and fts_orphans(sqlite) == 0


def test_a_delta_is_never_bulk(tmp_path, sqlite, bulk_calls):
    feed = Feed()
    changes = busy_city(feed)
    import_bundle(make(tmp_path / "first.cdpkg", changes[:5]), sqlite)
    assert bulk_calls == [1]
    import_bundle(make(tmp_path / "delta.cdpkg", changes[5:], after=5), sqlite)
    assert bulk_calls == [1]


@pytest.mark.parametrize("when", ["loading", "names", "indexes", "commit"])
def test_a_cancel_at_any_point_of_a_bulk_load_leaves_the_database_and_its_schema_as_before(
    tmp_path, sqlite, bulk_calls, monkeypatch, when, planning
):
    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=7)
    before, pos, fresh = snapshot(sqlite), position(sqlite), schema(sqlite)
    token = CancelToken()
    if when == "loading":
        seen = []

        def progress(done, total):  # noqa: ANN001, ANN202
            seen.append(done)
            if done >= 20:
                token.cancel()
    else:
        progress = None
        hook = {"names": "rebuild_names", "indexes": "rebuild_names", "commit": None}[when]
        if hook:
            real = bundle_mod.rebuild_names

            def rebuilt(conn, **kw):  # noqa: ANN001, ANN003, ANN202
                n = real(conn, **kw)
                if when == "indexes":
                    token.cancel()
                return n

            def before_names(conn, **kw):  # noqa: ANN001, ANN003, ANN202
                token.cancel()
                return real(conn, **kw)

            monkeypatch.setattr(bundle_mod, "rebuild_names", rebuilt if when == "indexes" else before_names)
        else:
            real_finish = bundle_mod._BulkLoad.finish

            def finished(self, conn, check_cancel):  # noqa: ANN001, ANN202
                real_finish(self, conn, check_cancel)
                token.cancel()  # the indexes are built: only the last check is left

            monkeypatch.setattr(bundle_mod._BulkLoad, "finish", finished)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, progress, token, batch_size=5)
    assert info.value.check == "cancelled"
    assert bulk_calls == [1]
    assert snapshot(sqlite) == before and position(sqlite) == pos
    assert schema(sqlite) == fresh
    # ... and a second try loads everything.
    monkeypatch.undo()
    assert import_bundle(path, sqlite).applied > 0
    assert schema(sqlite) == fresh and fts_orphans(sqlite) == 0


def test_a_cancel_while_the_name_index_is_built_stops_between_its_batches(tmp_path, sqlite, bulk_calls, monkeypatch):
    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=7)
    before, fresh = snapshot(sqlite), schema(sqlite)
    real = bundle_mod.rebuild_names
    batches: list[int] = []
    token = CancelToken()

    def small_batches(conn, between):  # noqa: ANN001, ANN202
        def counted() -> None:
            batches.append(1)
            if len(batches) >= 3:
                token.cancel()
            between()

        return real(conn, batch=10, between=counted)

    monkeypatch.setattr(bundle_mod, "rebuild_names", small_batches)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, None, token, batch_size=5)
    assert info.value.check == "cancelled" and len(batches) == 3  # stopped at the third of five batches
    assert snapshot(sqlite) == before and schema(sqlite) == fresh


def test_a_bad_line_after_batches_were_written_rolls_back_the_dropped_indexes_too(tmp_path, sqlite, bulk_calls, planning):
    import orjson

    from test_bundle import signed

    good = b"".join(orjson.dumps(c) + b"\n" for c in busy_city(Feed()))
    path = signed(tmp_path / "bad.cdpkg", {"p1.ndjson": good, "p2.ndjson": b'{"seq": 999, "op": "upsert"\n'})
    before, fresh = snapshot(sqlite), schema(sqlite)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, batch_size=5)
    assert info.value.check == "part_content" and bulk_calls == [1]
    assert snapshot(sqlite) == before and schema(sqlite) == fresh


def test_readers_see_the_database_as_it_was_indexes_included_during_a_bulk_load(tmp_path, sqlite, bulk_calls):
    # The bulk path needs empty entity tables; what readers use meanwhile is the schema and the keys.
    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=7)
    fresh = schema(sqlite)
    seen: list[tuple] = []

    def progress(done, total):  # noqa: ANN001, ANN202 - runs on the importing thread, mid-transaction
        if 0 < done < total and not seen:
            with sqlite.connect() as reader:
                n_subjects = reader.execute(text("SELECT count(*) FROM subject")).scalar_one()
            seen.append((n_subjects, schema(sqlite), query_plan(sqlite, "SELECT id FROM subject WHERE uscc = 'x'")))

    import_bundle(path, sqlite, progress, batch_size=5)
    assert bulk_calls == [1] and seen
    n_subjects, during, plan = seen[0]
    assert n_subjects == 0  # nothing of the uncommitted load
    assert during == fresh  # the dropped indexes are still there for readers
    assert "ix_subject_uscc" in plan


def test_a_tampered_part_is_caught_in_a_bulk_load_after_its_rows_were_written(tmp_path, sqlite, bulk_calls, planning, monkeypatch):
    """Verification passes (simulated); the bytes read while applying differ: refused, all rolled back."""
    import zipfile

    from test_bundle import manifest_of, rezip

    src = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=7)
    with zipfile.ZipFile(src) as zf:
        data = zf.read("changes-00002.ndjson")
    path = rezip(src, tmp_path / "swap.cdpkg", replace={"changes-00002.ndjson": data.replace("贸易有限公司".encode(), "贸易有限责任公司".encode())})
    m = {p["name"]: p for p in manifest_of(src)["parts"]}
    monkeypatch.setattr(verify_mod, "_hash_part", lambda archive, part: (m[part.name]["sha256"], m[part.name]["count"]))
    before, fresh = snapshot(sqlite), schema(sqlite)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, batch_size=3)
    assert info.value.check == "part_hash" and "changes-00002.ndjson" in info.value.message
    assert bulk_calls == [1]
    assert snapshot(sqlite) == before and schema(sqlite) == fresh


def test_the_read_ahead_thread_ends_with_the_import(tmp_path, sqlite):
    import threading

    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=3)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 4:  # two batches written
            token.cancel()

    with pytest.raises(BundleRefused):
        import_bundle(path, sqlite, progress, token, batch_size=2)
    import_bundle(path, sqlite, batch_size=2)
    assert not [t for t in threading.enumerate() if t.name == "bundle-read"]


def helpers() -> list:
    import multiprocessing

    return [p for p in multiprocessing.active_children() if p.name == "creditdesk-bundle-planner"]


def test_a_big_first_load_is_planned_in_a_helper_process_and_a_small_one_here(tmp_path, sqlite, monkeypatch):
    seen: list[bool] = []
    real = planner.planned_batches

    def counted(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        seen.append(True)
        return real(*args, **kw)

    monkeypatch.setattr(planner, "planned_batches", counted)
    changes = busy_city(Feed())
    monkeypatch.setattr(planner, "MIN_CHANGES", len(changes) + 1)
    import_bundle(make(tmp_path / "small.cdpkg", changes), sqlite)
    assert seen == []
    other = fresh_engine("sqlite", tmp_path / "b")
    trust(other)
    try:
        monkeypatch.setattr(planner, "MIN_CHANGES", len(changes))
        during: list[int] = []
        import_bundle(make(tmp_path / "big.cdpkg", changes), other, lambda done, total: during.append(len(helpers())))
        assert seen == [True] and max(during) == 1
        assert dump(other) == dump(sqlite)  # the same rows either way
    finally:
        other.dispose()
    assert helpers() == []  # ended with the import


def test_a_cancel_stops_the_helper_process_at_once(tmp_path, sqlite, planning):
    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=3)
    before = snapshot(sqlite)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 4:
            token.cancel()

    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, progress, token, batch_size=2)
    assert info.value.check == "cancelled"
    assert helpers() == [] and snapshot(sqlite) == before


def test_a_helper_process_that_dies_fails_the_import_plainly_and_changes_nothing(tmp_path, sqlite, monkeypatch):
    import os
    import signal

    monkeypatch.setattr(planner, "MIN_CHANGES", 0)
    path = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=3)
    before, fresh = snapshot(sqlite), schema(sqlite)

    def progress(done: int, total: int) -> None:
        if done >= 4:
            for helper in helpers():  # as the OOM killer would
                os.kill(helper.pid, signal.SIGKILL)
                helper.join(5)

    with pytest.raises(planner.PlannerFailed) as info:
        import_bundle(path, sqlite, progress, batch_size=2)
    assert "辅助进程意外退出" in str(info.value) and "导入已撤销" in str(info.value)
    assert snapshot(sqlite) == before and schema(sqlite) == fresh and helpers() == []
    assert import_bundle(path, sqlite).applied > 0  # and the next try loads it


def test_a_refusal_in_the_helper_process_is_the_same_refusal_here(tmp_path, sqlite, monkeypatch):
    """The helper reopens the bundle by its path: bytes changed after the verification are refused there."""
    import shutil
    import zipfile

    from test_bundle import rezip

    monkeypatch.setattr(planner, "MIN_CHANGES", 0)
    src = make(tmp_path / "full.cdpkg", busy_city(Feed()), part_size=7)
    with zipfile.ZipFile(src) as zf:
        data = zf.read("changes-00003.ndjson")
    swapped = rezip(src, tmp_path / "swap.cdpkg", replace={"changes-00003.ndjson": data.replace(b'"seq"', b'"seq" ')})
    path = tmp_path / "import.cdpkg"
    shutil.copy(src, path)
    real_verify = bundle_mod.verify_archive

    def verified_then_swapped(*args, **kw):  # noqa: ANN002, ANN003, ANN202
        bundle = real_verify(*args, **kw)
        shutil.copy(swapped, path)  # after the verification, before the helper opens it
        return bundle

    monkeypatch.setattr(bundle_mod, "verify_archive", verified_then_swapped)
    before = snapshot(sqlite)
    with pytest.raises(BundleRefused) as info:
        import_bundle(path, sqlite, batch_size=3)
    assert info.value.check == "part_hash" and "changes-00003.ndjson" in info.value.message
    assert snapshot(sqlite) == before and helpers() == []
