"""Maintaining the name search index alongside the subject table.

Every subject has one ``subject_name`` row per name (current and former). On
SQLite each row has a twin in the FTS5 table ``subject_name_fts`` with the same
rowid: ``chars`` holds one token per character (so any substring of two or more
characters is a phrase query) and ``grams`` the bigrams of the pinyin initials
(so ``fzsx`` is the phrase ``fz zs sx``). PostgreSQL uses trigram GIN indexes
on ``norm`` and ``initials`` instead and needs no twin.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, select, text

from creditdesk.db.models import SubjectName
from creditdesk.names import bigrams, core_name, index_chars, normalize_name, pinyin_initials

_names = SubjectName.__table__

_FTS_DELETE = text(
    "DELETE FROM subject_name_fts WHERE rowid IN "
    "(SELECT id FROM subject_name WHERE subject_id IN :ids)"
).bindparams(bindparam("ids", expanding=True))
_FTS_DELETE_ALL = text("DELETE FROM subject_name_fts")


def name_rows(subject_id: str, name: str, former_names: Iterable[str]) -> list[dict[str, Any]]:
    rows = []
    seen: set[str] = set()
    for value, former in [(name, False), *((n, True) for n in former_names)]:
        norm = normalize_name(value)
        if not norm or norm in seen:
            continue
        seen.add(norm)
        rows.append(
            {
                "subject_id": subject_id,
                "name": value,
                "norm": norm,
                "core": core_name(value),
                "initials": pinyin_initials(value),
                "former": former,
            }
        )
    return rows


def fts_tokens(row: dict[str, Any]) -> tuple[str, str]:
    """The FTS5 twin's (chars, grams) for a subject_name row."""
    return " ".join(index_chars(row["name"])), " ".join(bigrams(row["initials"]))


def delete_names(conn: Connection, subject_ids: Sequence[str]) -> None:
    if not subject_ids:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE, {"ids": list(subject_ids)})
    conn.execute(delete(_names).where(_names.c.subject_id.in_(subject_ids)))


def replace_names(conn: Connection, subjects: Sequence[dict[str, Any]]) -> None:
    """Make the index hold exactly the names of ``subjects`` (rows of the subject table)."""
    delete_names(conn, [s["id"] for s in subjects])
    rows = [r for s in subjects for r in name_rows(s["id"], s["name"], s["former_names"] or ())]
    if not rows:
        return
    mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
    if conn.dialect.name != "sqlite":
        conn.exec_driver_sql(
            f"INSERT INTO subject_name (subject_id, name, norm, core, initials, former) VALUES ({', '.join([mark] * 6)})",
            [(r["subject_id"], r["name"], r["norm"], r["core"], r["initials"], r["former"]) for r in rows],
        )
        return
    # Rowids are assigned here so the FTS twin can share them; apply runs under
    # BEGIN IMMEDIATE, so no other writer can take the same ids. Raw executemany:
    # this runs for every subject of every load.
    next_id = (conn.execute(select(func.max(_names.c.id))).scalar() or 0) + 1
    conn.exec_driver_sql(
        "INSERT INTO subject_name (id, subject_id, name, norm, core, initials, former) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(next_id + i, r["subject_id"], r["name"], r["norm"], r["core"], r["initials"], r["former"])
         for i, r in enumerate(rows)],
    )
    conn.exec_driver_sql(
        "INSERT INTO subject_name_fts (rowid, chars, grams) VALUES (?, ?, ?)",
        [(next_id + i, *fts_tokens(r)) for i, r in enumerate(rows)],
    )


def clear_names(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE_ALL)
    conn.execute(delete(_names))
