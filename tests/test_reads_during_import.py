"""Reads never wait for writers (issue 10.2): 100 ``creditdesk lookup`` commands while a bundle import
holds SQLite's write lock, none failing; their audit entries join the chain when the import ends.

Of the 100, ``SUBPROCESSES`` are real processes; the rest run the same command in this process
(``creditdesk.cli.main``: the same sign-in, audit and spool path, without the interpreter start-up that
takes seconds on a machine shared by many jobs)."""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
import os
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import text

from creditdesk.app import open_app
from creditdesk.demo.city import DemoCity
from creditdesk.platform.keys import TrustedKeys
from creditdesk.platform.usecases import import_bundle_now
from creditdesk.services.audit_spool import pending_files
from creditdesk.demo.load import load_demo_city
from creditdesk_platform.bundles import generate_signing_key, public_key_b64, write_bundle

ROOT = Path(__file__).resolve().parents[1]
LOOKUPS = 100
SUBPROCESSES = 12


def make_bundle(path: Path, city: DemoCity) -> tuple[str, str]:
    key = generate_signing_key()
    total = sum(1 for _ in city.changes())
    later = (dt.datetime.now().astimezone() + dt.timedelta(minutes=1)).isoformat(timespec="seconds")
    write_bundle(path, platform_id=city.platform_id, epoch=city.epoch, after=0, next_seq=total, key_id="k-reads",
                 private_key=key, person_key_b64="b64:" + base64.b64encode(city.person_key).decode(),
                 changes=city.changes(), part_size=500, created_at=later)  # fmt: skip
    return city.platform_id, public_key_b64(key)


def lookup(home: Path, query: str, *, user: str | None = None, password: str | None = None) -> tuple[int, str, str, float]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    if password is not None:
        env["CREDITDESK_PASSWORD"] = password
    started = time.monotonic()
    signed = ["--user", user] if user else []
    proc = subprocess.run([sys.executable, "-m", "creditdesk", "--home", str(home), *signed, "lookup", query, "--json"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    return proc.returncode, proc.stdout, proc.stderr, time.monotonic() - started


def lookup_in_process(home: Path, query: str, *, user: str | None = None) -> tuple[int, str, str, float]:
    """With ``user``: the password comes from CREDITDESK_PASSWORD, as for a scheduled job."""
    import contextlib
    import io

    from creditdesk.cli import main

    out, err = io.StringIO(), io.StringIO()
    started = time.monotonic()
    signed = ["--user", user] if user else []
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--home", str(home), *signed, "lookup", query, "--json"])
    return code, out.getvalue(), err.getvalue(), time.monotonic() - started


@contextlib.contextmanager
def import_holding_the_lock(ctx, bundle: Path):  # noqa: ANN001, ANN201
    """A bundle import on a thread that holds the write lock (its one transaction) until the block
    ends; yields the dict that gets its ``result`` or ``error``, checked after the import ended."""
    done, holding = threading.Event(), threading.Event()

    def progress(_done: int, _total: int) -> None:
        holding.set()
        done.wait(600)

    outcome: dict = {}

    def run_import() -> None:
        try:
            outcome["result"] = import_bundle_now(ctx.engine, ctx.settings, ctx.audit, str(bundle), progress=progress)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller's assertion
            outcome["error"] = exc

    importer = threading.Thread(target=run_import)
    importer.start()
    assert holding.wait(120), outcome
    try:
        yield outcome
    finally:
        done.set()
        importer.join(300)


def test_100_cli_lookups_during_a_bundle_import_none_failing(tmp_path):
    home = tmp_path / "home"
    ctx = open_app(home)
    try:
        old = DemoCity(subjects=200, seed=7, as_of=dt.date(2026, 11, 20))
        load_demo_city(ctx.engine, subjects=200, seed=7, as_of=dt.date(2026, 11, 20))
        with ctx.engine.connect() as conn:
            uscc = conn.execute(text("SELECT uscc FROM subject WHERE id = :i"), {"i": old.showcase["blacklisted"]}).scalar()
            audited_before = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'lookup'")).scalar()
        assert uscc
        new = DemoCity(subjects=300, seed=8, as_of=dt.date(2026, 11, 21))
        bundle = tmp_path / "new.cdpkg"
        platform_id, public = make_bundle(bundle, new)
        TrustedKeys(ctx.engine).trust(platform_id, "k-reads", public)

        # The import holds the write lock (its one transaction) until the lookups are done.
        with import_holding_the_lock(ctx, bundle) as outcome:
            with ThreadPoolExecutor(2) as pool:
                spawned = pool.map(lambda _: lookup(home, uscc), range(SUBPROCESSES))
                results = [lookup_in_process(home, uscc) for _ in range(LOOKUPS - SUBPROCESSES)]
                results += list(spawned)
        failed = [(code, err) for code, _out, err, _s in results if code != 0]
        assert not failed, failed[:3]
        for _code, out, _err, _s in results:  # each found the subject in the data as it was before the import
            assert [h["id"] for h in json.loads(out)["results"]][:1] == [old.showcase["blacklisted"]]
        assert max(s for *_, s in results) < 60  # none waited for the import (which held the lock throughout)
        assert "error" not in outcome, outcome.get("error")
        assert outcome["result"].result.bundle.epoch == new.epoch
        # Spooled while the lock was taken, appended when the import ended: all 100, none lost.
        assert pending_files(ctx.engine) == []
        with ctx.engine.connect() as conn:
            audited = conn.execute(text("SELECT count(*) FROM audit_entry WHERE action = 'lookup'")).scalar()
        assert audited - audited_before == LOOKUPS
        assert ctx.audit.verify().intact
    finally:
        ctx.close()


def test_signed_in_cli_lookups_during_a_bundle_import(tmp_path, monkeypatch):
    """On a home with accounts a lookup signs in first, and a sign-in writes (the failure counter, the
    last sign-in, its audit entry). During an import that holds SQLite's write lock, a right password
    is answered at once and its entry spooled; wrong passwords still lock the account after
    MAX_FAILURES (5, db/accounts.py) in a row; when the import ends every entry is in the chain and
    the account row carries what the sign-ins did."""
    from creditdesk.db.accounts import LOCKOUT, MAX_FAILURES
    from creditdesk.services.accounts import AccountService

    home = tmp_path / "home"
    ctx = open_app(home)
    try:
        old = DemoCity(subjects=200, seed=7, as_of=dt.date(2026, 11, 20))
        load_demo_city(ctx.engine, subjects=200, seed=7, as_of=dt.date(2026, 11, 20))
        accounts = AccountService(ctx.engine, ctx.audit)
        admin = accounts.create("root", "admin", "Root-pass-2026", by=None)
        accounts.create("wang.li", "officer", "Wang-pass-2026", by=admin)
        accounts.create("zhao.min", "officer", "Zhao-pass-2026", by=admin)
        with ctx.engine.connect() as conn:
            uscc = conn.execute(text("SELECT uscc FROM subject WHERE id = :i"), {"i": old.showcase["blacklisted"]}).scalar()
            before = dict(conn.execute(text("SELECT action, count(*) FROM audit_entry GROUP BY action")).all())
        new = DemoCity(subjects=300, seed=8, as_of=dt.date(2026, 11, 21))
        bundle = tmp_path / "new.cdpkg"
        platform_id, public = make_bundle(bundle, new)
        TrustedKeys(ctx.engine).trust(platform_id, "k-reads", public)

        with import_holding_the_lock(ctx, bundle) as outcome:
            monkeypatch.setenv("CREDITDESK_PASSWORD", "Wang-pass-2026")
            right = [lookup_in_process(home, uscc, user="wang.li") for _ in range(8)]
            right += [lookup(home, uscc, user="wang.li", password="Wang-pass-2026") for _ in range(2)]
            monkeypatch.setenv("CREDITDESK_PASSWORD", "not-her-password")
            wrong = [lookup_in_process(home, uscc, user="zhao.min") for _ in range(MAX_FAILURES)]
            monkeypatch.setenv("CREDITDESK_PASSWORD", "Zhao-pass-2026")
            after_lock = lookup_in_process(home, uscc, user="zhao.min")
            with ctx.engine.connect() as conn:  # nothing reached the account rows yet: the import holds the lock
                zhao = conn.execute(text("SELECT failed_logins, locked_until FROM account WHERE name = 'zhao.min'")).one()
        assert "error" not in outcome, outcome.get("error")

        failed = [(code, err) for code, _out, err, _s in right if code != 0]
        assert not failed, failed[:3]
        for _code, out, _err, seconds in right:
            assert [h["id"] for h in json.loads(out)["results"]][:1] == [old.showcase["blacklisted"]]
            assert seconds < 60  # answered, not queued behind the import
        assert all(code != 0 and "用户名或密码错误" in err for code, _o, err, _s in wrong), wrong
        assert "已锁定" in wrong[-1][2]
        code, out, err, _s = after_lock  # the right password, but locked by the five wrong ones
        assert code != 0 and "已锁定" in err and out == ""
        assert (zhao.failed_logins, zhao.locked_until) == (0, None)

        assert pending_files(ctx.engine) == []
        with ctx.engine.connect() as conn:
            after = dict(conn.execute(text("SELECT action, count(*) FROM audit_entry GROUP BY action")).all())
            rows = {r.name: r for r in conn.execute(text("SELECT name, failed_logins, locked_until, last_login_at FROM account"))}
        grew = {a: after.get(a, 0) - before.get(a, 0) for a in ("login", "lookup", "login_failed")}
        assert grew == {"login": 10, "lookup": 10, "login_failed": MAX_FAILURES + 1}, grew
        assert rows["wang.li"].last_login_at is not None and rows["wang.li"].failed_logins == 0
        assert rows["zhao.min"].failed_logins == 0 and rows["zhao.min"].locked_until is not None  # locked by the drain
        assert rows["zhao.min"].last_login_at is None
        assert ctx.audit.verify().intact
        # The lock-out lasts LOCKOUT from the fifth wrong password, now from the row the drain wrote.
        with ctx.engine.connect() as conn:
            failures = conn.execute(text("SELECT at, detail FROM audit_entry WHERE action = 'login_failed' "
                                         "AND target = 'zhao.min'")).all()  # fmt: skip
        fifth = max((at for at, detail in failures if json.loads(detail).get("failures") == MAX_FAILURES), default=None)
        assert fifth is not None
        locked_until = dt.datetime.fromisoformat(str(rows["zhao.min"].locked_until))
        if locked_until.tzinfo is None:
            locked_until = locked_until.replace(tzinfo=dt.timezone.utc)
        assert abs((locked_until - dt.datetime.fromisoformat(fifth)).total_seconds() - LOCKOUT.total_seconds()) < 1
        code, _out, err, _s = lookup_in_process(home, uscc, user="zhao.min")
        assert code != 0 and "已锁定" in err
    finally:
        ctx.close()
