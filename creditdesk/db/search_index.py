"""Maintaining the name search index alongside the subject table.

Every subject has one ``subject_name`` row per name (current and former). On
SQLite each row has a twin in the FTS5 table ``subject_name_fts`` with the same
rowid: ``chars`` holds one token per character (so any substring of two or more
characters is a phrase query) and ``grams`` the bigrams of the pinyin initials
(so ``fzsx`` is the phrase ``fz zs sx``). PostgreSQL uses trigram GIN indexes
on ``norm`` and ``initials`` instead and needs no twin.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, delete, text

from creditdesk.db.models import SubjectName
from creditdesk.names import bigrams, core_name, index_chars, index_values, normalize_name, pinyin_initials

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


def name_index_rows(subjects: Iterable[tuple[str, str, Sequence[str]]]) -> list[tuple]:
    """``(subject_id, name, norm, core, initials, former, chars, grams)`` for every name of
    ``subjects`` (``(subject_id, name, former_names)``) — as :func:`name_rows` and
    :func:`fts_tokens`, normalising each name once. Pure: no database."""
    rows = []
    append = rows.append
    for subject_id, name, former_names in subjects:
        values = index_values(name)
        if values[0]:
            append((subject_id, name, *_fit(values), False, values[3], values[4]))
        if former_names:
            seen = {values[0]}
            for value in former_names:
                values = index_values(value)
                if values[0] and values[0] not in seen:
                    seen.add(values[0])
                    append((subject_id, value, *_fit(values), True, values[3], values[4]))
    return rows


_WIDTH = 200  # of the name, norm, core and initials columns


def _fit(values: tuple[str, ...]) -> tuple[str, str, str]:
    """(norm, core, initials) within their columns: NFKC may lengthen a name that fits
    its own column ("…" becomes "...", "㍿" four characters), and PostgreSQL enforces widths."""
    return values[0][:_WIDTH], values[1][:_WIDTH], values[2][:_WIDTH]  # a slice that fits is the string itself


def delete_names(conn: Connection, subject_ids: Sequence[str]) -> None:
    if not subject_ids:
        return
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE, {"ids": list(subject_ids)})
    conn.execute(delete(_names).where(_names.c.subject_id.in_(subject_ids)))


def replace_names(conn: Connection, subjects: Sequence[dict[str, Any]]) -> None:
    """Make the index hold exactly the names of ``subjects`` (rows of the subject table)."""
    index_subjects(conn, [(s["id"], s["name"], s["former_names"] or ()) for s in subjects])


def index_subjects(
    conn: Connection, subjects: Sequence[tuple[str, str, Sequence[str]]], rows: list[tuple] | None = None
) -> None:
    """Make the index hold exactly the names of ``subjects``: ``(subject_id, name, former_names)``.

    ``rows`` may bring :func:`name_index_rows` of ``subjects``, computed
    beforehand. This runs for every subject of every load: fixed SQL on the
    driver, every name normalised once, and only the name rows that exist are
    deleted (on an initial load there are none).
    """
    if not subjects:
        return
    ids = [s[0] for s in subjects]
    if rows is None:
        rows = name_index_rows(subjects)
    if conn.dialect.name != "sqlite":
        delete_names(conn, ids)
        if rows:
            mark = "?" if conn.dialect.paramstyle == "qmark" else "%s"
            conn.exec_driver_sql(
                f"INSERT INTO subject_name (subject_id, name, norm, core, initials, former) VALUES ({', '.join([mark] * 6)})",
                [r[:6] for r in rows],
            )
        return
    run = conn.exec_driver_sql
    # The name rows these subjects have now (one probe of the subject_id index each).
    old = run(_SQLITE_OLD_IDS, (orjson.dumps(ids).decode(),)).fetchall()
    if old:
        old_ids = [(r[0],) for r in old]
        run("DELETE FROM subject_name_fts WHERE rowid = ?", old_ids)
        run("DELETE FROM subject_name WHERE id = ?", old_ids)
    if not rows:
        return
    # Rowids are assigned here so the FTS twin can share them; apply runs under
    # BEGIN IMMEDIATE, so no other writer can take the same ids. Ascending ids:
    # appends to subject_name and to the FTS5 index.
    first = (run("SELECT max(id) FROM subject_name").scalar() or 0) + 1
    run(
        "INSERT INTO subject_name (id, subject_id, name, norm, core, initials, former) VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(i, *r[:6]) for i, r in enumerate(rows, first)],
    )
    run("INSERT INTO subject_name_fts (rowid, chars, grams) VALUES (?, ?, ?)",
        [(i, r[6], r[7]) for i, r in enumerate(rows, first)])


_SQLITE_OLD_IDS = "SELECT id FROM subject_name WHERE subject_id IN (SELECT value FROM json_each(?))"


def rebuild_names(conn: Connection, batch: int = 20_000, between: Callable[[], None] | None = None) -> int:
    """SQLite: make the index hold exactly the names of every subject, from scratch; rows written.

    For a bulk load that wrote subjects without their names: the subject table is
    read once in rowid order, and the name rows (and their FTS5 twins, rowids
    ascending: appends) are written batch by batch, inside the caller's transaction.
    ``between()`` is called before each batch (it may raise to stop, e.g. a cancel).
    """
    assert conn.dialect.name == "sqlite", "rebuild_names is the SQLite bulk path"
    clear_names(conn)
    # Straight on the driver's connection (the same one, in the caller's transaction):
    # a million rows read through SQLAlchemy's result objects cost seconds.
    raw = conn.connection.driver_connection
    select_sql = "SELECT rowid, id, name, former_names FROM subject WHERE rowid > ? ORDER BY rowid LIMIT ?"
    names_sql = (
        "INSERT INTO subject_name (id, subject_id, name, norm, core, initials, former) VALUES (?, ?, ?, ?, ?, ?, ?)"
    )
    fts_sql = "INSERT INTO subject_name_fts (rowid, chars, grams) VALUES (?, ?, ?)"
    loads = orjson.loads
    written = 0
    after = -(1 << 63)
    next_id = 1
    while True:
        if between is not None:
            between()
        found = raw.execute(select_sql, (after, batch)).fetchall()
        if not found:
            return written
        after = found[-1][0]
        rows = name_index_rows([(r[1], r[2], loads(r[3]) if r[3] and r[3] != "[]" else ()) for r in found])
        del found
        if rows:
            raw.executemany(names_sql, [(i, *r[:6]) for i, r in enumerate(rows, next_id)])
            raw.executemany(fts_sql, [(i, r[6], r[7]) for i, r in enumerate(rows, next_id)])
            next_id += len(rows)
            written += len(rows)


def clear_names(conn: Connection) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(_FTS_DELETE_ALL)
    conn.execute(delete(_names))
