"""Databases for tests: a migrated SQLite file or a fresh PostgreSQL schema, and dumps."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, select, text

from creditdesk.db.engine import make_engine, migrate
from creditdesk.db.models import Base

from support.ci import PG_URL_ENV  # noqa: F401 - the tests import it from here too

# Every table ChangeApplier writes; (table, key columns) for a stable order.
ENTITY_TABLES = ("subject", "record", "agency", "report", "policy")
# Columns that say when something happened, not what the state is.
VOLATILE = {"sync_state": {"updated_at"}}


def reset_pg_schema(url: str) -> None:
    """Drop everything in the test database: each test starts from an empty ``public``."""
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            conn.execute(text("CREATE SCHEMA public"))
    finally:
        admin.dispose()


def fresh_engine(kind: str, tmp_path: Path) -> Engine:
    if kind == "sqlite":
        url = f"sqlite:///{tmp_path / 'creditdesk.sqlite'}"
    elif kind == "postgres":
        url = os.environ[PG_URL_ENV]
        reset_pg_schema(url)
    else:  # pragma: no cover
        raise ValueError(kind)
    engine = make_engine(url)
    migrate(engine, tmp_path / "backups")
    return engine


def table_rows(engine: Engine, table: str, drop: set[str] = frozenset()) -> list[dict[str, Any]]:
    """Rows read through the typed models (JSON decoded, dates as dates), in a stable order."""
    t = Base.metadata.tables[table]
    with engine.connect() as conn:
        rows = [{k: v for k, v in r._mapping.items() if k not in drop} for r in conn.execute(select(t))]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True, default=str, ensure_ascii=False))


def name_index(engine: Engine) -> list[tuple]:
    """The name index as data, without its surrogate ids.

    On SQLite each ``subject_name`` row is joined with its FTS5 twin, so a
    missing, extra or stale twin shows up as a difference (and orphans are
    checked separately by :func:`fts_orphans`).
    """
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            rows = conn.execute(
                text(
                    "SELECT n.subject_id, n.name, n.norm, n.core, n.initials, n.former, f.chars, f.grams "
                    "FROM subject_name n LEFT JOIN subject_name_fts f ON f.rowid = n.id"
                )
            )
        else:
            rows = conn.execute(
                text("SELECT subject_id, name, norm, core, initials, former FROM subject_name")
            )
        return sorted(tuple(bool(v) if isinstance(v, bool) else v for v in r) for r in rows)


def fts_orphans(engine: Engine) -> int:
    """FTS rows with no ``subject_name`` row, plus names with no FTS row (SQLite only)."""
    if engine.dialect.name != "sqlite":
        return 0
    with engine.connect() as conn:
        extra = conn.execute(
            text("SELECT count(*) FROM subject_name_fts WHERE rowid NOT IN (SELECT id FROM subject_name)")
        ).scalar_one()
        missing = conn.execute(
            text("SELECT count(*) FROM subject_name WHERE id NOT IN (SELECT rowid FROM subject_name_fts)")
        ).scalar_one()
    return extra + missing


def dump(engine: Engine) -> dict[str, Any]:
    """Everything that is state: entity tables, sync position, the name index."""
    out: dict[str, Any] = {t: table_rows(engine, t) for t in ENTITY_TABLES}
    out["sync_state"] = table_rows(engine, "sync_state", VOLATILE["sync_state"])
    out["subject_name"] = name_index(engine)
    return out


def all_text(engine: Engine) -> str:
    """Every value of every table as one string (to look for what must never be stored)."""
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            tables = [r[0] for r in conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))]
        else:
            tables = [
                r[0]
                for r in conn.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
                )
            ]
        parts = []
        for t in tables:
            for r in conn.execute(text(f'SELECT * FROM "{t}"')):
                parts.append(" ".join(str(v) for v in r))
    return "\n".join(parts)
