"""The home: SQLite settings, migrations with a backup first, paths, config, a log without secrets."""

from __future__ import annotations

import logging
import sqlite3
import threading
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text

from creditdesk.app import open_app
from creditdesk.config import ConfigError, Settings, load_settings, save_settings
from creditdesk.db.engine import _alembic_config, head_revision, redacted_url, write_transaction
from creditdesk.logsetup import register_secret
from creditdesk.paths import HOME_ENV, resolve_paths
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.services.lookup import LookupService
from support.city import EPOCH, Feed, id_number


@pytest.fixture(autouse=True)
def _drop_log_handlers():
    yield
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_creditdesk", False):
            root.removeHandler(handler)
            handler.close()


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "窗口 home"  # a space and Chinese in the path, as on a real desktop


def pragma(ctx, name: str):
    with ctx.engine.connect() as conn:
        return conn.exec_driver_sql(f"PRAGMA {name}").scalar()


# ---------------------------------------------------------------------------
# SQLite settings and migrations
# ---------------------------------------------------------------------------


def test_a_new_home_gets_wal_foreign_keys_and_the_schema_at_head(home):
    ctx = open_app(home)
    try:
        assert ctx.paths.database_file.is_file()
        assert pragma(ctx, "journal_mode") == "wal"
        assert pragma(ctx, "foreign_keys") == 1
        assert pragma(ctx, "busy_timeout") >= 1000
        m = ctx.db.migration
        assert (m.before, m.after, m.backup) == (None, head_revision(), None)
        with ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() == head_revision()
            tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))}
            assert conn.execute(text("SELECT seq, pass_counter FROM sync_state WHERE id = 1")).one() == (0, 0)
        assert {"subject", "record", "agency", "report", "policy", "sync_state", "rejected_change",
                "subject_name", "subject_name_fts"} <= tables  # fmt: skip
        assert list(ctx.paths.backup_dir.iterdir()) == []
    finally:
        ctx.close()
    # WAL is a property of the file: a plain sqlite3 connection sees it too.
    with sqlite3.connect(ctx.paths.database_file) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_again_does_not_migrate(home):
    open_app(home).close()
    ctx = open_app(home)
    try:
        m = ctx.db.migration
        assert (m.before, m.after, m.backup) == (head_revision(), head_revision(), None)
        assert list(ctx.paths.backup_dir.iterdir()) == []
    finally:
        ctx.close()


def test_migrating_an_older_database_takes_a_backup_copy_first(home):
    ctx = open_app(home)
    feed = Feed()
    ChangeApplier(ctx.engine).apply([feed.company("福州迁移之前有限公司")], Position(1, EPOCH))
    # Make it an older database: schema down to base, plus data of its own that the
    # migration does not know about.
    with ctx.engine.connect() as conn:
        with conn.begin():
            command.downgrade(_alembic_config(conn), "base")
    with ctx.engine.begin() as conn:
        conn.execute(text("CREATE TABLE officer_notes (id INTEGER PRIMARY KEY, note TEXT)"))
        conn.execute(text("INSERT INTO officer_notes (note) VALUES ('迁移前的备注')"))
    ctx.close()

    ctx = open_app(home)
    try:
        m = ctx.db.migration
        assert m.after == head_revision()
        assert m.backup is not None and m.backup.parent == ctx.paths.backup_dir
        assert list(ctx.paths.backup_dir.iterdir()) == [m.backup]
        with sqlite3.connect(m.backup) as backup:
            assert backup.execute("SELECT note FROM officer_notes").fetchall() == [("迁移前的备注",)]
            tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            assert "subject" not in tables  # the copy is of the database as it was before
        with ctx.engine.connect() as conn:
            assert conn.execute(text("SELECT count(*) FROM officer_notes")).scalar_one() == 1
            assert conn.execute(text("SELECT count(*) FROM subject")).scalar_one() == 0
    finally:
        ctx.close()


def test_a_reader_is_not_blocked_by_a_write_transaction(home):
    ctx = open_app(home)
    feed = Feed()
    applier = ChangeApplier(ctx.engine)
    applier.apply([feed.company("福州读写并行有限公司")])
    try:
        with write_transaction(ctx.engine) as conn:
            conn.execute(text("DELETE FROM subject"))
            result: list = []
            # The counter reads in another thread while the sync holds the write lock.
            t = threading.Thread(target=lambda: result.append(LookupService(ctx.engine).lookup("读写并行")))
            t.start()
            t.join(timeout=5)
            assert not t.is_alive(), "the reader waited for the writer"
            assert [h.name for h in result[0].results] == ["福州读写并行有限公司"]
    finally:
        ctx.close()


# ---------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------


@pytest.fixture
def fake_user_dirs(tmp_path, monkeypatch) -> Path:
    """Point the platform's per-user folders at an empty folder that must stay empty."""
    user = tmp_path / "user"
    user.mkdir()
    for name in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(name, str(user / name.lower()))
    return user


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file()}


def test_home_puts_data_config_and_logs_under_the_folder(home, fake_user_dirs):
    ctx = open_app(home)
    logging.getLogger("creditdesk.test").info("hello")
    ctx.close()
    p = ctx.paths
    root = home.resolve()
    assert (p.data_dir, p.config_dir, p.log_dir, p.backup_dir) == (
        root / "data", root / "config", root / "logs", root / "data" / "backups",
    )  # fmt: skip
    assert p.home == root
    files = _files(home)
    assert {"data/creditdesk.sqlite", "config/config.toml", "logs/creditdesk.log"} <= files
    assert _files(fake_user_dirs) == set()


def test_the_home_environment_variable_and_the_option(tmp_path, monkeypatch, fake_user_dirs):
    monkeypatch.setenv(HOME_ENV, str(tmp_path / "from-env"))
    assert resolve_paths().data_dir == (tmp_path / "from-env" / "data").resolve()
    assert resolve_paths(tmp_path / "from-option").data_dir == (tmp_path / "from-option" / "data").resolve()
    ctx = open_app()
    ctx.close()
    assert (tmp_path / "from-env" / "data" / "creditdesk.sqlite").is_file()
    assert _files(fake_user_dirs) == set()

    monkeypatch.delenv(HOME_ENV)
    default = resolve_paths()
    assert not default.self_contained
    assert str(default.data_dir).startswith(str(fake_user_dirs))


# ---------------------------------------------------------------------------
# Config
# ---------------------------------------------------------------------------


def test_config_round_trip_keeps_values_and_unknown_keys(tmp_path):
    path = tmp_path / "config.toml"
    settings = Settings(
        unit_name="二连浩特市政务服务中心", window_name="3号窗口", profile_id="erenhot", stale_after_hours=48,
        search_limit=30, demo=True, database_url="postgresql+psycopg://u@h/db",
        extra={"future_option": "x", "sync": {"interval_minutes": 15}},
    )  # fmt: skip
    save_settings(path, settings)
    loaded = load_settings(path)
    assert loaded == settings and loaded.extra == settings.extra
    save_settings(path, loaded)
    assert load_settings(path) == settings


def test_a_new_home_writes_a_default_config_that_loads(home):
    ctx = open_app(home)
    ctx.close()
    assert load_settings(ctx.paths.config_file) == Settings()


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('stale_after_hours = "24"', "stale_after_hours"),
        ("search_limit = true", "search_limit"),
        ("demo = 1", "demo"),
        ("unit_name = 42", "unit_name"),
    ],
)
def test_a_value_of_the_wrong_type_is_a_clear_error_naming_the_key(tmp_path, line, key):
    path = tmp_path / "config.toml"
    path.write_text(f'window_name = "1号窗口"\n{line}\n', encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert key in str(err.value) and str(path) in str(err.value)


def test_a_broken_config_file_is_a_clear_error(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("unit_name = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="config.toml"):
        load_settings(path)


# ---------------------------------------------------------------------------
# The log file
# ---------------------------------------------------------------------------


def test_the_log_file_never_holds_a_full_id_number_or_a_secret(home):
    ctx = open_app(home)
    number, number_x = id_number(11), id_number(12)[:-1] + "X"
    token = "tok-9f8e7d6c5b4a3928"
    register_secret(token)
    log = logging.getLogger("creditdesk.test.secrets")
    log.info("查询身份证号%s。", number)
    log.warning("lookup %s and %s done", number, number_x.lower())
    log.info(f"Authorization: Bearer {token}")
    log.info("token=%s", token)
    log.error("sending with header Authorization: Bearer abc.def-ghi")
    try:
        raise ValueError(f"bad number {number} with {token}")
    except ValueError:
        log.exception("failed for %s", number)
    ctx.close()

    content = ctx.paths.log_file.read_text(encoding="utf-8")
    assert "查询身份证号" in content and "failed for" in content and "Traceback" in content  # the lines are there
    for secret in (number, number_x, number_x.lower(), token, "abc.def-ghi"):
        assert secret not in content, secret
    assert number[:2] + "*" * 12 + number[-4:] in content


def test_database_url_passwords_are_not_displayed():
    shown = redacted_url("postgresql+psycopg://creditdesk:s3cr3t-pw@db.example:5432/creditdesk")
    assert "s3cr3t-pw" not in shown and "creditdesk@db.example" in shown.replace("***:", "").replace(":***", "")
