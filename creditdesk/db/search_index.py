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

from sqlalchemy import Connection, bindparam, delete, func, insert, select, text

from creditdesk.db.models import SubjectName
from creditdesk.names import bigrams, core_name, index_chars, normalize_name, pinyin_initials

_names = SubjectName.__table__

_FTS_INSERT = text("INSERT INTO subject_name_fts(rowid, chars, grams) VALUES (:id, :chars, :grams)")
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


def fts_tokens(row: dict[str, Any]) -> dict[str, str]:
    return {
        "chars": " ".join(index_chars(row["name"])),
        "grams": " ".join(bigrams(row["initials"])),
    }


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
    if conn.dialect.name != "sqlite":
        conn.execute(insert(_names), rows)
        return
    # Rowids are assigned here so the FTS twin can share them; apply runs under
    # BEGIN IMMEDIATE, so no other writer can take the same ids.
    next_id = (conn.execute(select(func.max(_names.c.id))).scalar() or 0) + 1
    for offset, row in enumerate(rows):
        row["id"] = next_id + offset
    conn.execute(insert(_names), rows)
    conn.execute(_FTS_INSERT, [{"id": r["id"], **fts_tokens(r)} for r in rows])


def clear_names(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE_ALL)
    conn.execute(delete(_names))
