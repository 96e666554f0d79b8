"""Backup, restore and upgrade of a home (issue 14 item 4).

The old-release homes are made by those releases' own code (tests/fixtures/old_homes/
make_old_homes.py runs commit 233f156 and commit 704c20f); the expected values below are what
that script wrote: four subjects, five records, one agency; in release-0004 an admin account
with password "Old-release-pw-2026" and an audit trail of 6 entries (account creation + 5 lookups).
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from creditdesk.app import open_app
from creditdesk.cli import main
from creditdesk.db.engine import SchemaTooNew, head_revision
from creditdesk.identifiers import make_uscc
from creditdesk.paths import home_paths
from creditdesk.services.backup import BackupError, backup_home, read_manifest, restore_home

OLD = Path(__file__).parent / "fixtures" / "old_homes"
BLACKLISTED = make_uscc("91350100MA2Y00110")  # 失信被执行人 in force in the old homes
TOKEN = "tok-" + "s3cret" * 6


def _home_from(tmp_path: Path, fixture: str) -> Path:
    home = tmp_path / "old-home"
    (home / "data").mkdir(parents=True)
    shutil.copyfile(OLD / fixture, home / "data" / "creditdesk.sqlite")
    return home


def _revision(db: Path) -> str:
    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def _dump(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


# -- upgrade ---------------------------------------------------------------------------------


def test_first_release_home_upgrades_with_a_copy_and_keeps_its_data(tmp_path):
    home = _home_from(tmp_path, "release-0001.sqlite")
    ctx = open_app(home)
    try:
        outcome = ctx.db.migration
        assert (outcome.before, outcome.after) == ("0001", head_revision())
        # The copy taken before migrating is the old file, still at 0001.
        assert outcome.backup is not None and outcome.backup.exists()
        assert _revision(outcome.backup) == "0001"
        with ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM subject")).scalar() == 4
            assert conn.execute(text("SELECT count(*) FROM record")).scalar() == 5
            assert conn.execute(text("SELECT count(*) FROM agency")).scalar() == 1
        hit = ctx.lookup.lookup(BLACKLISTED).results
        assert [h.name for h in hit] == ["福州示范建设工程有限公司"]
        # Two records on it, one of them (失信被执行人, no end date) in force.
        assert hit[0].adverse_in_force >= 1
        assert [h.name for h in ctx.lookup.lookup("老王小吃").results] == ["鼓楼区老王小吃店"]
        # The new release writes its audit trail on the upgraded file, and it verifies.
        ctx.audit.append("lookup", actor=None, target=BLACKLISTED, detail={"kind": "uscc"})
        assert ctx.audit.verify().intact
    finally:
        ctx.close()


def test_release_with_audit_trail_upgrades_and_the_chain_survives(tmp_path):
    home = _home_from(tmp_path, "release-0004.sqlite")
    ctx = open_app(home)
    try:
        verdict = ctx.audit.verify()
        assert verdict.intact, verdict.reason
        assert verdict.entries == 6
        assert ctx.audit.count() == 6
        admin = ctx.accounts.authenticate("admin", "Old-release-pw-2026")
        assert admin.role == "admin"
    finally:
        ctx.close()
    # ... and on the command line, as an administrator would check it.
    assert main(["--home", str(home), "audit", "verify"]) == 0


def test_a_newer_schema_is_refused_and_left_untouched(tmp_path, capsys):
    home = _home_from(tmp_path, "release-0004.sqlite")
    db = home / "data" / "creditdesk.sqlite"
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    before = _dump(db)
    with pytest.raises(SchemaTooNew) as refused:
        open_app(home)
    message = str(refused.value)
    assert "0099_from_the_future" in message and head_revision() in message
    assert "不支持降级" in message
    assert _dump(db) == before  # (opening it switched the journal to WAL; no row, no table changed)
    assert not list((home / "data" / "backups").glob("*.sqlite"))  # nothing copied, nothing written
    assert main(["--home", str(home), "status"]) == 1
    assert "不支持降级" in capsys.readouterr().err


# -- backup and restore ---------------------------------------------------------------------


def _ctx_with_token(home: Path):
    from creditdesk.platform.credentials import store_token

    ctx = open_app(home)
    ctx.settings.platform_url, ctx.settings.platform_client_id = "http://127.0.0.1:8765/exchange", "ws-01"
    ctx.save_settings()
    store_token(ctx.settings.platform_url, "ws-01", TOKEN)
    return ctx


def test_backup_then_restore_keeps_data_settings_and_audit_chain_and_no_secret(tmp_path):
    home = _home_from(tmp_path, "release-0004.sqlite")
    ctx = _ctx_with_token(home)
    try:
        ctx.settings.unit_name = "鼓楼区行政服务中心"
        ctx.save_settings()
        ctx.audit.append("lookup", actor=None, target=BLACKLISTED, detail={"kind": "uscc"})
        entries = ctx.audit.count()
        out = tmp_path / "hall.cdbak"
        info = backup_home(ctx.paths, ctx.settings, ctx.engine, out)
    finally:
        ctx.close()
    assert info.schema == head_revision()
    assert info.counts["subject"] == 4 and info.counts["audit_entry"] == entries
    raw = out.read_bytes()
    with zipfile.ZipFile(out) as zf:
        everything = raw + b"".join(zf.read(n) for n in zf.namelist())
    assert TOKEN.encode() not in everything
    assert read_manifest(out)["schema"] == head_revision()

    new = home_paths(tmp_path / "restored")
    manifest = restore_home(out, new)
    assert manifest["counts"]["record"] == 5
    restored = open_app(new.home)
    try:
        assert restored.settings.unit_name == "鼓楼区行政服务中心"
        assert restored.settings.platform_client_id == "ws-01"
        verdict = restored.audit.verify()
        assert verdict.intact and verdict.entries == entries
        assert [h.name for h in restored.lookup.lookup(BLACKLISTED).results] == ["福州示范建设工程有限公司"]
    finally:
        restored.close()


def test_backup_while_a_write_is_under_way_copies_the_committed_state(tmp_path):
    home = _home_from(tmp_path, "release-0001.sqlite")
    ctx = open_app(home)
    writer = sqlite3.connect(ctx.paths.database_file, isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("DELETE FROM record")  # not committed while the backup runs
        info = backup_home(ctx.paths, ctx.settings, ctx.engine, tmp_path / "during.cdbak")
        writer.execute("ROLLBACK")
    finally:
        writer.close()
        ctx.close()
    assert info.counts["record"] == 5


def test_cli_backup_restore_and_audit_verify(tmp_path, capsys):
    home = _home_from(tmp_path, "release-0004.sqlite")
    out = tmp_path / "cli.cdbak"
    # The home has accounts: a backup is an administrator's act.
    assert main(["--home", str(home), "backup", "--out", str(out)]) == 1
    assert "--user" in capsys.readouterr().err
    assert not out.exists()
    import os

    os.environ["CREDITDESK_PASSWORD"] = "Old-release-pw-2026"
    try:
        assert main(["--home", str(home), "--user", "admin", "backup", "--out", str(out), "--json"]) == 0
    finally:
        del os.environ["CREDITDESK_PASSWORD"]
    shown = json.loads(capsys.readouterr().out)
    assert shown["file"] == str(out) and shown["counts"]["account"] == 1
    target = tmp_path / "new-home"
    assert main(["--home", str(target), "restore", str(out)]) == 0
    assert "已恢复" in capsys.readouterr().out
    assert main(["--home", str(target), "audit", "verify"]) == 0
    # A second restore into the now non-empty home is refused and changes nothing.
    before = (target / "data" / "creditdesk.sqlite").read_bytes()
    assert main(["--home", str(target), "restore", str(out)]) == 1
    assert "已有数据" in capsys.readouterr().err
    assert (target / "data" / "creditdesk.sqlite").read_bytes() == before


def test_restore_refuses_a_backup_from_a_newer_schema(tmp_path):
    home = _home_from(tmp_path, "release-0001.sqlite")
    ctx = open_app(home)
    out = tmp_path / "b.cdbak"
    try:
        backup_home(ctx.paths, ctx.settings, ctx.engine, out)
    finally:
        ctx.close()
    # The same backup as a newer release would write it: its database at an unknown revision.
    work = tmp_path / "unpacked"
    with zipfile.ZipFile(out) as zf:
        zf.extractall(work)
    conn = sqlite3.connect(work / "creditdesk.sqlite")
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    newer = tmp_path / "newer.cdbak"
    with zipfile.ZipFile(newer, "w") as zf:
        for name in ("manifest.json", "config.toml", "creditdesk.sqlite"):
            zf.write(work / name, name)
    target = home_paths(tmp_path / "target")
    with pytest.raises(BackupError) as refused:
        restore_home(newer, target)
    assert "0099_from_the_future" in str(refused.value) and "不支持降级" in str(refused.value)
    assert not target.database_file.exists()


def test_restore_refuses_what_is_not_a_backup(tmp_path):
    junk = tmp_path / "junk.cdbak"
    junk.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(BackupError, match="不是信用核查窗口助手的备份文件"):
        restore_home(junk, home_paths(tmp_path / "t"))
    partial = tmp_path / "partial.cdbak"
    with zipfile.ZipFile(partial, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "creditdesk-backup", "format_version": 1}))
    with pytest.raises(BackupError, match="缺少 creditdesk.sqlite、config.toml"):
        restore_home(partial, home_paths(tmp_path / "t"))


def test_postgresql_backup_says_pg_dump(tmp_path):
    from creditdesk.config import Settings

    paths = home_paths(tmp_path / "pg-home")
    engine = create_engine("postgresql+psycopg://creditdesk@127.0.0.1:1/hall")  # never connected
    with pytest.raises(BackupError, match="pg_dump"):
        backup_home(paths, Settings(), engine, tmp_path / "x.cdbak")
    assert not (tmp_path / "x.cdbak").exists()
