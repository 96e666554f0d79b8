"""One writer per sync (issue 10.1): real ``creditdesk sync`` processes against the reference platform
on 127.0.0.1, at the same time, on one SQLite home and on one PostgreSQL database shared by three homes.

Whatever the overlap, every run ends with exactly the data of one clean sync; a sync that finds another
one running exits 75 with "另一窗口正在同步" at once (or, with ``--wait``, runs after it), and never
interleaves its pages, marks or sweep with the other's.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from creditdesk.config import Settings, save_settings
from creditdesk.db.engine import make_engine
from creditdesk.db.sync_lock import BUSY_MESSAGE, SyncBusy, sync_lock
from creditdesk.demo.city import DemoCity
from creditdesk.paths import home_paths
from creditdesk.platform.client import PlatformClient, RetryPolicy
from creditdesk.platform.sync import SyncService
from creditdesk_platform.server import PlatformServer
from support.db import PG_URL_ENV, fresh_engine
from test_sync import state

ROOT = Path(__file__).resolve().parents[1]
TOKEN = "lock-token"
CITY = DemoCity(subjects=300, seed=5, as_of=dt.date(2026, 11, 20))
PAGE = 25
EXIT_BUSY = 75


@pytest.fixture
def server(tmp_path):
    srv = PlatformServer.for_city(CITY, state_dir=tmp_path / "platform", token=TOKEN)
    srv.start()
    yield srv
    srv.close()


def make_home(base: Path, name: str, url: str, client_id: str = "ws-lock") -> Path:
    home = base / name
    paths = home_paths(home).ensure()
    save_settings(paths.config_file, Settings(platform_url=url, platform_client_id=client_id,
                                              sync_page_size=PAGE, sync_interval_minutes=0))  # fmt: skip
    return home


def start_sync(home: Path, *args: str, database_url: str | None = None) -> subprocess.Popen:
    env = dict(os.environ, CREDITDESK_PLATFORM_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    env.pop("CREDITDESK_DATABASE_URL", None)
    if database_url:
        env["CREDITDESK_DATABASE_URL"] = database_url
    return subprocess.Popen([sys.executable, "-m", "creditdesk", "--home", str(home), "sync", "--json", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


def finish(proc: subprocess.Popen, timeout: float = 240) -> tuple[int, str, str]:
    out, err = proc.communicate(timeout=timeout)
    return proc.returncode, out, err


def wait_until_syncing(server: PlatformServer, proc: subprocess.Popen, timeout: float = 60) -> None:
    """Until the first process is fetching pages: it holds the lock from before its first request."""
    deadline = time.monotonic() + timeout
    while not any("/changes" in target for _m, target, _s in list(server.requests)):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the first sync never started"
        time.sleep(0.05)


def clean_state(server: PlatformServer, tmp_path: Path) -> dict:
    """What one clean sync of the platform's current data reaches, in a database of its own."""
    engine = fresh_engine("sqlite", tmp_path / f"clean-{time.monotonic_ns()}")
    try:
        with PlatformClient(server.base_url, "ws-clean", TOKEN, retry=RetryPolicy(attempts=3, base_delay=0.01)) as c:
            SyncService(engine, c, page_size=500).run(full=True)
        return state(engine)
    finally:
        engine.dispose()


def home_state(home: Path) -> dict:
    engine = make_engine(f"sqlite:///{home_paths(home).database_file}")
    try:
        return state(engine)
    finally:
        engine.dispose()


def pg_state(url: str) -> dict:
    engine = make_engine(url)
    try:
        return state(engine)
    finally:
        engine.dispose()


def slow(server: PlatformServer, seconds: float = 0.4) -> None:
    server.misbehaviour.slow_seconds = seconds  # each page takes a while: the passes overlap for seconds


def added_changes(*names: str) -> list[dict]:
    """A delta after the first sync: showcase subjects removed on the platform."""
    return [{"op": "delete", "type": "subject", "id": CITY.showcase[name]} for name in names]


# -- SQLite: one home ----------------------------------------------------------------------------


def test_two_full_syncs_at_once_one_refused_at_once_data_as_a_clean_sync(tmp_path, server):
    home = make_home(tmp_path, "home", server.base_url)
    slow(server)
    first = start_sync(home, "--full")
    wait_until_syncing(server, first)
    started = time.monotonic()
    code, out, err = finish(start_sync(home, "--full"))
    second_took = time.monotonic() - started
    assert code == EXIT_BUSY, (code, out, err)
    assert BUSY_MESSAGE in err and json.loads(out)["busy"] is True
    assert first.poll() is None, "the first sync ended before the second was refused: no overlap tested"
    # Refused at once: the time of starting a Python process, not a wait for the first pass.
    assert second_took < 15
    code, out, err = finish(first)
    assert code == 0, err
    server.misbehaviour.slow_seconds = 0
    assert home_state(home) == clean_state(server, tmp_path)


def test_two_full_syncs_that_wait_run_one_after_the_other(tmp_path, server):
    home = make_home(tmp_path, "home", server.base_url)
    slow(server, 0.05)
    first = start_sync(home, "--full", "--wait", "180")
    wait_until_syncing(server, first)
    second = start_sync(home, "--full", "--wait", "180")
    results = [finish(first), finish(second)]
    assert [r[0] for r in results] == [0, 0], results
    a, b = (json.loads(r[1]) for r in results)
    assert a["full"] and b["full"] and a["seq"] == b["seq"] == server.high_water
    # Both passes swept only what their own pass had not written: nothing, on unchanged platform data.
    assert a["swept"] == 0 and b["swept"] == 0
    server.misbehaviour.slow_seconds = 0
    assert home_state(home) == clean_state(server, tmp_path)


def test_a_full_and_a_delta_sync_at_once_end_as_a_clean_sync(tmp_path, server):
    home = make_home(tmp_path, "home", server.base_url)
    assert finish(start_sync(home))[0] == 0  # the home is current: a plain sync is now a delta
    server.add_changes(added_changes("penalized", "repaired"))
    slow(server)
    server.requests.clear()
    full = start_sync(home, "--full")
    wait_until_syncing(server, full)
    delta_code, out, err = finish(start_sync(home))
    assert delta_code == EXIT_BUSY and BUSY_MESSAGE in err
    assert finish(full)[0] == 0
    # And the other way round: a delta running, a full one waiting for it.
    server.add_changes(added_changes("individual_business"))
    server.requests.clear()
    delta = start_sync(home)
    wait_until_syncing(server, delta)
    waiting_full = start_sync(home, "--full", "--wait", "180")
    assert finish(delta)[0] == 0 and finish(waiting_full)[0] == 0
    server.misbehaviour.slow_seconds = 0
    assert home_state(home) == clean_state(server, tmp_path)


def test_the_lock_is_seen_at_once_in_process_and_released_by_a_killed_holder(tmp_path):
    engine = fresh_engine("sqlite", tmp_path)
    try:
        with sync_lock(engine, "测试"):
            t0 = time.monotonic()
            with pytest.raises(SyncBusy, match=BUSY_MESSAGE) as busy:
                with sync_lock(engine):
                    pass
            assert time.monotonic() - t0 < 0.5
            assert "测试" in str(busy.value) and f"进程 {os.getpid()}" in str(busy.value)  # who holds it
        # A holder killed with SIGKILL leaves no lock behind (the OS drops the flock).
        db = engine.url.database
        holder = subprocess.Popen(
            [sys.executable, "-c", (
                "import sys, time; sys.path.insert(0, sys.argv[2]);"
                "from creditdesk.db.engine import make_engine; from creditdesk.db.sync_lock import sync_lock;"
                "e = make_engine('sqlite:///' + sys.argv[1]);"
                "cm = sync_lock(e, 'held'); cm.__enter__(); print('held', flush=True); time.sleep(120)"
            ), db, str(ROOT)],
            stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(SyncBusy, match="held"):
            with sync_lock(engine):
                pass
        holder.kill()
        holder.wait()
        with sync_lock(engine):  # free again at once
            pass
    finally:
        engine.dispose()


# -- PostgreSQL: three homes of one hall on one database ---------------------------------------


@pytest.fixture
def pg_url(tmp_path):
    url = os.environ.get(PG_URL_ENV)
    if not url:
        pytest.skip(f"{PG_URL_ENV} is not set (bash .ci/start-postgres prints one)")
    fresh_engine("postgres", tmp_path).dispose()  # an empty, migrated schema
    return url


@pytest.mark.postgres
def test_three_homes_full_syncs_at_once_on_one_postgres_database(tmp_path, server, pg_url):
    homes = [make_home(tmp_path, f"window-{i}", server.base_url, client_id=f"ws-0{i}") for i in (1, 2, 3)]
    slow(server)
    first = start_sync(homes[0], "--full", database_url=pg_url)
    wait_until_syncing(server, first)
    others = [start_sync(h, "--full", database_url=pg_url) for h in homes[1:]]
    refused = [finish(p) for p in others]
    assert first.poll() is None, ("the first sync ended before the others were refused", finish(first))
    assert [r[0] for r in refused] == [EXIT_BUSY, EXIT_BUSY], refused
    assert all(BUSY_MESSAGE in r[2] for r in refused)
    assert finish(first)[0] == 0
    server.misbehaviour.slow_seconds = 0
    reference = clean_state(server, tmp_path)
    assert pg_state(pg_url) == reference
    # All three again, waiting for each other this time, plus a delta on the platform: still one clean sync.
    server.add_changes(added_changes("penalized", "person_clean"))
    slow(server, 0.05)
    server.requests.clear()
    first = start_sync(homes[0], "--full", "--wait", "240", database_url=pg_url)
    wait_until_syncing(server, first)
    rest = [start_sync(homes[1], "--wait", "240", database_url=pg_url),
            start_sync(homes[2], "--full", "--wait", "240", database_url=pg_url)]  # fmt: skip
    assert [finish(p)[0] for p in (first, *rest)] == [0, 0, 0]
    server.misbehaviour.slow_seconds = 0
    assert pg_state(pg_url) == clean_state(server, tmp_path)


@pytest.mark.postgres
def test_postgres_lock_is_seen_at_once_by_another_session(tmp_path, pg_url):
    one, two = make_engine(pg_url), make_engine(pg_url)
    try:
        with sync_lock(one):
            t0 = time.monotonic()
            with pytest.raises(SyncBusy):
                with sync_lock(two):
                    pass
            assert time.monotonic() - t0 < 1.0
        with sync_lock(two):
            pass
    finally:
        one.dispose()
        two.dispose()


def test_a_full_pass_sweeps_only_while_its_mark_is_the_active_one(tmp_path):
    from creditdesk.services.apply import ChangeApplier, PassSuperseded
    from support.db import table_rows

    engine = fresh_engine("sqlite", tmp_path)
    try:
        applier = ChangeApplier(engine, source="feed")
        applier.apply(list(CITY.changes())[:200])
        before = table_rows(engine, "subject")
        mine = applier.begin_full_pass()
        theirs = applier.begin_full_pass()  # another pass took over the marks
        with pytest.raises(PassSuperseded):
            applier.finish_full_pass(mine)  # would sweep everything not marked `mine`: all of it
        assert table_rows(engine, "subject") == before and len(before) > 10
    finally:
        engine.dispose()
