"""No rollback (issue 10.8): data older than what the home holds is refused with the reason, unless an
administrator forces it with --allow-older, which is audited."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys

import pytest
from sqlalchemy import text

from creditdesk.app import open_app
from creditdesk.demo.city import DemoCity
from creditdesk.platform.bundle import BundleRefused, import_bundle
from creditdesk.platform.client import PlatformClient, RetryPolicy
from creditdesk.platform.sync import OlderData, SyncService
from creditdesk.platform.usecases import FORCED_ACTION
from creditdesk_platform.server import PlatformServer
from support.city import Feed
from test_bundle import city, make, position, snapshot, trust
from test_cli_accounts import Run
from test_sync import state

NOW = "2026-11-21T18:00:00+08:00"
OLD = "2024-05-01T09:00:00+08:00"


def two_bundles(tmp_path):  # noqa: ANN201
    current = make(tmp_path / "current.cdpkg", city(Feed()), epoch="2026-11-current", created_at=NOW)
    older = make(tmp_path / "older.cdpkg", city(Feed())[:6], epoch="2024-01-old", created_at=OLD)
    return current, older


def test_an_older_epochs_full_snapshot_is_refused_with_the_reason(tmp_path, engine):
    trust(engine)
    current, older = two_bundles(tmp_path)
    import_bundle(current, engine)
    before = snapshot(engine)
    with pytest.raises(BundleRefused) as refused:
        import_bundle(older, engine)
    assert refused.value.check == "older"
    message = str(refused.value)
    assert OLD in message and NOW in message and "--allow-older" in message and "2024-01-old" in message
    assert snapshot(engine) == before  # nothing moved back
    assert position(engine)["epoch"] == "2026-11-current"


def test_forced_older_import_applies_and_says_why(tmp_path, engine):
    trust(engine)
    current, older = two_bundles(tmp_path)
    import_bundle(current, engine)
    result = import_bundle(older, engine, allow_older=True)
    assert result.forced_older and OLD in result.forced_older
    assert (position(engine)["epoch"], position(engine)["as_of"]) == ("2024-01-old", OLD)


def test_a_newer_epochs_snapshot_and_same_history_reimports_are_not_refused(tmp_path, engine):
    trust(engine)
    current, older = two_bundles(tmp_path)
    import_bundle(older, engine)  # the old one first: the newer one is an ordinary full replacement
    result = import_bundle(current, engine)
    assert not result.noop and result.forced_older is None
    assert import_bundle(current, engine).noop  # a re-import of what is held: a no-op, not "older"


# -- the CLI: refused for everyone but an administrator, who is audited -----------------------------


@pytest.fixture
def run(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    home = tmp_path / "home"
    ctx = open_app(home)
    try:
        trust(ctx.engine)
    finally:
        ctx.close()
    return Run(home, monkeypatch, capsys)


def test_cli_allow_older_needs_an_administrator_and_is_audited(tmp_path, run):
    current, older = two_bundles(tmp_path)
    assert run("account", "create", "admin", "--role", "admin", "--display-name", "管理员",
               new_password="admin-pass-1")[0] == 0  # fmt: skip
    assert run("--user", "admin", "account", "create", "zhang", "--role", "officer", "--display-name", "张三",
               password="admin-pass-1", new_password="officer-pass-1")[0] == 0  # fmt: skip
    code, out, err = run("--user", "admin", "bundle", "import", str(current), password="admin-pass-1")
    assert code == 0, err

    code, out, err = run("--user", "admin", "bundle", "import", str(older), "--json", password="admin-pass-1")
    assert code == 1 and json.loads(out)["refused"] == "older" and "--allow-older" in err
    code, out, err = run("--user", "zhang", "bundle", "import", str(older), "--allow-older", password="officer-pass-1")
    assert code == 1 and "2024-01-old" not in out
    code, out, err = run("bundle", "import", str(older), "--allow-older")  # not signed in
    assert code == 1
    code, out, err = run("--user", "admin", "bundle", "import", str(older), "--allow-older", password="admin-pass-1")
    assert code == 0, err
    assert "较旧的数据" in out and OLD in out
    forced = [e for e in run.entries() if e.action == FORCED_ACTION]
    assert len(forced) == 1 and forced[0].actor == "admin" and OLD in forced[0].detail["reason"]
    denied = [e for e in run.entries() if e.action == "denied"]
    assert len(denied) >= 2  # the officer and the unsigned attempt
    ctx = open_app(run.home)
    try:
        with ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT epoch FROM sync_state")).scalar() == "2024-01-old"
    finally:
        ctx.close()


# -- online: a platform behind the home ------------------------------------------------------------

CITY = DemoCity(subjects=60, seed=3, as_of=dt.date(2026, 11, 20))
FAST = RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.02)


def test_a_full_pass_from_a_platform_behind_our_position_is_refused(tmp_path, engine):
    ahead = PlatformServer.for_city(CITY, state_dir=tmp_path / "ahead")
    again = next(c for c in CITY.changes() if c["op"] == "upsert" and c["type"] == "subject")
    ahead.add_changes([{k: again[k] for k in ("op", "type", "id", "data")}])  # one change more than `behind`
    ahead.start()
    try:
        with PlatformClient(ahead.base_url, "ws", "test-token", retry=FAST) as c:
            SyncService(engine, c).run()
        held = state(engine)  # the entities, names and position (a pending key and last_error may change)
    finally:
        ahead.close()
    # The same platform and epoch, restored from a backup taken before the last change.
    behind = PlatformServer.for_city(CITY, state_dir=tmp_path / "behind")
    behind.start()
    try:
        with PlatformClient(behind.base_url, "ws", "test-token", retry=FAST) as c:
            with pytest.raises(OlderData, match="较早的备份"):
                SyncService(engine, c).run(full=True)
            assert state(engine) == held
            forced = SyncService(engine, c).run(full=True, allow_older=True)
        assert forced.forced_older and forced.swept == 0 and forced.seq == behind.high_water
    finally:
        behind.close()
