"""Reading subjects and records into plain domain objects.

These run on every lookup, so they go straight to the DB-API cursor with
fixed SQL (SQLAlchemy's statement machinery cost more than SQLite's work
here) and convert the few typed columns by hand. The SQL is plain enough for
SQLite and PostgreSQL alike; only the placeholder differs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import orjson
from sqlalchemy import Connection

from creditdesk.credit import RecordInfo, SubjectInfo

SUBJECT_COLUMNS = (
    "id, kind, name, uscc, former_names, legal_representative, region_code, registered_on, status, id_masked"
)
RECORD_COLUMNS = (
    "id, subject_id, category, title, doc_no, authority, decided_on, publish_from, publish_until, status, "
    "basis, content, amount, grade, rating_scheme, updated_at"
)


def sql_for(conn: Connection, sql: str) -> str:
    """Fixed SQL written with ``?`` placeholders, in the driver's own style."""
    return sql if conn.dialect.paramstyle == "qmark" else sql.replace("?", "%s")


def fetch(conn: Connection, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
    """Rows of a fixed query, straight from the DB-API cursor.

    Runs inside the caller's SQLAlchemy transaction (``conn.begin()``), so the
    queries of one lookup read one consistent snapshot.
    """
    if not conn.in_transaction():
        conn.begin()
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql_for(conn, sql), tuple(params))
        return cursor.fetchall()
    finally:
        cursor.close()


def placeholders(n: int) -> str:
    return ", ".join("?" * n)


def _date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def _json_list(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, (str, bytes)):
        value = orjson.loads(value)
    return tuple(value)


def subject_from_tuple(row: tuple) -> SubjectInfo:
    sid, kind, name, uscc, former, rep, region, registered, status, masked = row
    return SubjectInfo(sid, kind, name, uscc, _json_list(former), rep, region, _date(registered), status, masked)


def record_from_tuple(row: tuple) -> RecordInfo:
    (rid, sid, category, title, doc_no, authority, decided, pfrom, puntil, status,
     basis, content, amount, grade, scheme, updated) = row  # fmt: skip
    return RecordInfo(
        rid, sid, category, title, doc_no, authority, _date(decided), _date(pfrom), _date(puntil), status,
        basis, content, None if amount is None else float(amount), grade, scheme, updated,
    )  # fmt: skip


def load_subjects(conn: Connection, ids: Sequence[str]) -> dict[str, SubjectInfo]:
    if not ids:
        return {}
    rows = fetch(conn, f"SELECT {SUBJECT_COLUMNS} FROM subject WHERE id IN ({placeholders(len(ids))})", ids)
    return {r[0]: subject_from_tuple(r) for r in rows}


def subject_by_uscc(conn: Connection, uscc: str) -> SubjectInfo | None:
    rows = fetch(conn, f"SELECT {SUBJECT_COLUMNS} FROM subject WHERE uscc = ? LIMIT 1", (uscc,))
    return subject_from_tuple(rows[0]) if rows else None


def load_records(conn: Connection, subject_ids: Sequence[str]) -> dict[str, list[RecordInfo]]:
    out: dict[str, list[RecordInfo]] = {sid: [] for sid in subject_ids}
    if not subject_ids:
        return out
    rows = fetch(
        conn, f"SELECT {RECORD_COLUMNS} FROM record WHERE subject_id IN ({placeholders(len(subject_ids))})", subject_ids
    )
    for r in rows:
        out.setdefault(r[1], []).append(record_from_tuple(r))
    return out
