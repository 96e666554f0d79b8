"""Kill a running ``creditdesk sync`` with SIGKILL at random moments and check what survives.

Used by tests/fault/test_kill_sync.py (a few rounds in CI) and runnable on its
own for the full fault run:

    python -m tests.fault.kill_sync --rounds 50

After each kill: ``PRAGMA integrity_check`` is ok; the stored position is a
page boundary and the data equals exactly the changes up to it (nothing lost,
nothing half-applied); resuming reaches the state of a clean sync.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from creditdesk.config import Settings, save_settings  # noqa: E402
from creditdesk.demo.city import DemoCity  # noqa: E402
from creditdesk.paths import home_paths  # noqa: E402
from creditdesk.protocol import Position  # noqa: E402
from creditdesk.services.apply import ChangeApplier  # noqa: E402
from creditdesk_platform.server import PlatformServer  # noqa: E402
from support.db import ENTITY_TABLES, fresh_engine, name_index, table_rows  # noqa: E402

TOKEN = "fault-token"
PAGE = 150


def entity_state(engine) -> dict:  # noqa: ANN001
    out = {t: table_rows(engine, t, {"sync_pass"}) for t in ENTITY_TABLES}
    out["names"] = name_index(engine)
    return out


def make_home(base: Path, url: str) -> Path:
    home = base / f"home-{random.randrange(1 << 30):x}"
    paths = home_paths(home).ensure()
    save_settings(paths.config_file, Settings(platform_url=url, platform_client_id="ws-fault",
                                              sync_page_size=PAGE, sync_interval_minutes=0))
    return home


def run_sync(home: Path) -> subprocess.Popen:
    env = dict(os.environ, CREDITDESK_PLATFORM_TOKEN=TOKEN, PYTHONPATH=str(ROOT))
    return subprocess.Popen([sys.executable, "-m", "creditdesk", "--home", str(home), "sync", "--json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def check_after_kill(home: Path, server: PlatformServer, work: Path) -> tuple[int, bool]:
    """Returns (position, consistent)."""
    db_file = home_paths(home).database_file
    if not db_file.exists():
        return 0, True
    conn = sqlite3.connect(db_file)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok", "integrity_check failed"
        if not _has_state(conn):
            # Killed while the schema was being created: the migration is one transaction,
            # so nothing of it may be left behind; the next start migrates afresh.
            tables = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
            return 0, not tables
        row = conn.execute("SELECT seq FROM sync_state").fetchone()
    finally:
        conn.close()
    seq = row[0] if row else 0
    # What the database must hold: exactly the changes up to the stored position.
    expected = fresh_engine("sqlite", work / f"expected-{seq}-{random.randrange(1 << 30):x}")
    upto = [c for c in server.iter_changes(0) if c["seq"] <= seq]
    if upto:
        ChangeApplier(expected).apply(upto, Position(seq, server.epoch))
    from creditdesk.db.engine import make_engine

    actual = make_engine(f"sqlite:///{db_file}")
    try:
        return seq, entity_state(actual) == entity_state(expected)
    finally:
        actual.dispose()
        expected.dispose()


def _has_state(conn: sqlite3.Connection) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sync_state'").fetchone() is not None


def fault_rounds(rounds: int, subjects: int = 600, seed: int = 5, verbose: bool = True) -> list[dict]:
    work = Path(tempfile.mkdtemp(prefix="creditdesk-fault-"))
    city = DemoCity(subjects=subjects, seed=seed, as_of=dt.date(2026, 11, 20))
    server = PlatformServer.for_city(city, state_dir=work / "platform", token=TOKEN)
    server.misbehaviour.slow_seconds = 0.02
    url = server.start()
    clean_home = make_home(work, url)
    p = run_sync(clean_home)
    assert p.wait(120) == 0, p.stderr.read().decode()
    from creditdesk.db.engine import make_engine

    clean_engine = make_engine(f"sqlite:///{home_paths(clean_home).database_file}")
    clean = entity_state(clean_engine)
    clean_engine.dispose()
    outcomes = []
    rng = random.Random(seed)
    try:
        for n in range(rounds):
            home = make_home(work, url)
            kills = 0
            for _ in range(rng.randint(1, 3)):  # sometimes killed more than once before it finishes
                p = run_sync(home)
                time.sleep(rng.uniform(0.3, 2.5))
                if p.poll() is None:
                    p.send_signal(signal.SIGKILL)
                    p.wait()
                    kills += 1
                    seq, consistent = check_after_kill(home, server, work)
                    assert consistent, f"round {n}: data after kill at seq {seq} differs from the changes up to it"
            p = run_sync(home)  # resume to the end
            assert p.wait(120) == 0, p.stderr.read().decode()
            engine = make_engine(f"sqlite:///{home_paths(home).database_file}")
            same = entity_state(engine) == clean
            engine.dispose()
            assert same, f"round {n}: resumed state differs from a clean sync"
            outcomes.append({"round": n, "kills": kills})
            if verbose:
                print(f"round {n + 1}/{rounds}: killed {kills}x, integrity ok, consistent, resumed to the clean state")
    finally:
        server.close()
    return outcomes


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=50)
    ap.add_argument("--subjects", type=int, default=600)
    args = ap.parse_args()
    started = time.perf_counter()
    outcomes = fault_rounds(args.rounds, args.subjects)
    kills = sum(o["kills"] for o in outcomes)
    print(f"{len(outcomes)} rounds, {kills} kills, all consistent; {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
