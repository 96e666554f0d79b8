"""Opening the database: engine settings per dialect, migrations, a backup first.

SQLite is the default (one file per window). WAL lets the counter read while
a sync writes; writes take the lock up front (BEGIN IMMEDIATE) so a write
transaction never fails half-way on a lock upgrade. Any other SQLAlchemy URL
(PostgreSQL for a whole hall) is used as given.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import re

from sqlalchemy import Connection, Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
BUSY_TIMEOUT_MS = 10_000
# A load (ChangeApplier) touches index pages all over the file in every batch:
# a page cache of 64 MiB (SQLite's default is 2 MiB) keeps the hot ones (and
# the dirty ones until the commit, which apply_stream runs on a helper thread),
# and a checkpoint every 256 MiB of WAL instead of every 4 MiB copies each page
# once for many batches instead of once per batch. After a checkpoint the WAL
# file is cut back to 64 MiB. Durability is unchanged: synchronous=NORMAL in WAL
# mode (a crash of the machine may lose the last transactions, never
# consistency; the position is stored in the same transactions).
CACHE_KIB = 64 * 1024
WAL_AUTOCHECKPOINT_PAGES = 65_536
WAL_SIZE_LIMIT_BYTES = 64 * 1024 * 1024


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return create_engine(url, pool_pre_ping=True, future=True)

    if parsed.database and parsed.database != ":memory:":
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False},
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):  # noqa: ANN001
        # Let SQLAlchemy's begin event decide how transactions start (pysqlite's own
        # implicit BEGIN is not what we want).
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute(f"PRAGMA cache_size=-{CACHE_KIB}")
        cur.execute(f"PRAGMA wal_autocheckpoint={WAL_AUTOCHECKPOINT_PAGES}")
        cur.execute(f"PRAGMA journal_size_limit={WAL_SIZE_LIMIT_BYTES}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def is_sqlite(engine_or_conn: Engine | Connection) -> bool:
    return engine_or_conn.dialect.name == "sqlite"


@contextlib.contextmanager
def write_transaction(engine: Engine, *, busy_timeout_ms: int | None = None) -> Iterator[Connection]:
    """A short write transaction: commits on success, rolls back on any error.

    ``busy_timeout_ms`` (SQLite): wait at most this long for the write lock instead of
    :data:`BUSY_TIMEOUT_MS` (then ``OperationalError`` "database is locked")."""
    with engine.connect() as conn:
        if not is_sqlite(engine):
            with conn.begin():
                yield conn
            return
        conn.execution_options(sqlite_immediate=True)
        raw = conn.connection.driver_connection if busy_timeout_ms is not None else None
        if raw is not None:
            raw.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        try:
            with conn.begin():
                yield conn
        finally:
            if raw is not None:
                raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def redacted_url(url: str) -> str:
    return make_url(url).render_as_string(hide_password=True)


# Alembic takes ~0.5 s to import; it is loaded only when a migration actually runs, so opening
# an up-to-date home (every lookup on the CLI) reads the revisions itself.
_REVISION_LINE = re.compile(r"^(down_)?revision\s*(?::[^=]*)?=\s*(?:None|['\"]([^'\"]+)['\"])", re.M)


def _alembic_config(conn: Connection | None = None):  # noqa: ANN202 - alembic.config.Config
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def head_revision() -> str:
    """The newest migration this program knows, read from the version files' revision lines."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, rev in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if rev:
                (parents if down else revisions).add(rev)
    heads = revisions - parents
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # branches or an unusual file: let Alembic decide

    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def backup_sqlite(db_file: Path, backup_dir: Path, label: str) -> Path:
    """A consistent copy through SQLite's backup API (safe with WAL and readers)."""
    backup_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backup_dir / f"{db_file.stem}-{label}-{stamp}.sqlite"
    src = sqlite3.connect(db_file)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target


def _has_tables(engine: Engine) -> bool:
    with engine.connect() as conn:
        return conn.exec_driver_sql("SELECT 1 FROM sqlite_master WHERE type = 'table' LIMIT 1").first() is not None


class SchemaTooNew(RuntimeError):
    """The database was written by a newer CreditDesk than this one: opening it would be a
    downgrade, which is refused (nothing is changed)."""

    def __init__(self, found: str, head: str) -> None:
        self.found, self.head = found, head
        super().__init__(
            f"数据库版本 {found} 比本程序认识的版本 {head} 更新：它由更新版本的信用核查窗口助手创建或升级。"
            "不支持降级，请安装该版本（或更新的版本）的程序后再打开；数据未作任何改动。"
        )


def known_revision(revision: str) -> bool:
    """Whether this program's migrations know ``revision`` (a newer release's are unknown);
    read from the version files' revision lines, like head_revision."""
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        for down, rev in _REVISION_LINE.findall(path.read_text(encoding="utf-8")):
            if rev == revision and not down:
                return True
    return False


def check_not_newer(revision: str | None) -> None:
    """Raise SchemaTooNew when ``revision`` is one this program does not know."""
    if revision is not None and not known_revision(revision):
        raise SchemaTooNew(revision, head_revision())


@dataclass(frozen=True)
class MigrationOutcome:
    before: str | None
    after: str
    backup: Path | None


def migrate(engine: Engine, backup_dir: Path) -> MigrationOutcome:
    """Bring the schema to head; copy an existing SQLite file aside first.

    A database from a newer release (a revision these migrations do not know) is refused
    with SchemaTooNew before anything is written: no downgrade."""
    before = current_revision(engine)
    head = head_revision()
    if before == head:
        return MigrationOutcome(before, head, None)
    check_not_newer(before)
    backup = None
    db_file = engine.url.database if is_sqlite(engine) else None
    # Any file that holds tables is copied, not only one with a revision: a database
    # at base (or from before Alembic) may still hold data that the upgrade touches.
    if db_file and db_file != ":memory:" and Path(db_file).exists() and (before is not None or _has_tables(engine)):
        backup = backup_sqlite(Path(db_file), backup_dir, f"before-{head}")
        log.info("backed up database to %s before migrating %s -> %s", backup, before, head)
    with engine.connect() as conn:
        if is_sqlite(engine):
            conn.execution_options(sqlite_immediate=True)
        with conn.begin():
            from alembic import command

            command.upgrade(_alembic_config(conn), "head")
    log.info("database schema at %s (was %s)", head, before)
    return MigrationOutcome(before, head, backup)
