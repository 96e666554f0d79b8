"""Finding the applicant: one query box for USCC, ID number, subject id or name.

Codes go straight to an index (exact). Names are ranked exact > prefix >
substring on the name without its company-form suffix, current names a little
above former ones; an all-letters query also matches pinyin initials. Each
tier is an index-backed query with a bound, so no keystroke scans the table:
the B-tree on ``core`` for exact and prefix, the FTS5 phrase index (SQLite) or
trigram GIN (PostgreSQL) for substrings.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Literal

from sqlalchemy import Connection, Engine

from creditdesk.credit import count_in_force
from creditdesk.identifiers import (
    CodeError,
    id_digest,
    looks_like_code,
    normalize_code,
    parse_code,
    person_subject_id,
)
from creditdesk.names import core_name, index_chars, is_initials_query, normalize_name, bigrams
from creditdesk.services.position import DataPosition, read_person_key, read_position
from creditdesk.services.records import fetch, load_records, load_subjects

QueryKind = Literal["uscc", "id_number", "subject_id", "name"]
MatchKind = Literal["exact", "name", "former_name", "pinyin"]

# How many candidates each substring tier may bring back for ranking.
CANDIDATES = 100
MIN_NAME_CHARS = 2
_SUBJECT_ID = re.compile(r"^P-[0-9a-f]{64}$")
_TOP = "\U0010ffff"  # sorts after every character: the upper bound of a prefix range

_NAME_COLS = "subject_id, name, former, norm"
_EXACT = f"SELECT {_NAME_COLS} FROM subject_name WHERE core = ? LIMIT ?"
_PREFIX = f"SELECT {_NAME_COLS} FROM subject_name WHERE core > ? AND core < ? LIMIT ?"
_FTS_NAMES = (
    f"SELECT {_NAME_COLS} FROM subject_name WHERE id IN "
    "(SELECT rowid FROM subject_name_fts WHERE subject_name_fts MATCH ? LIMIT ?)"
)
_LIKE_NORM = f"SELECT {_NAME_COLS} FROM subject_name WHERE norm LIKE ? ESCAPE '\\' LIMIT ?"
_INITIALS_EXACT = "SELECT subject_id, name FROM subject_name WHERE initials = ? LIMIT ?"
_INITIALS_PREFIX = "SELECT subject_id, name FROM subject_name WHERE initials > ? AND initials < ? LIMIT ?"
_LIKE_INITIALS = "SELECT subject_id, name FROM subject_name WHERE initials LIKE ? ESCAPE '\\' LIMIT ?"


@dataclass(frozen=True)
class SubjectHit:
    id: str
    name: str
    kind: str
    uscc: str | None
    id_masked: str | None
    status: str
    match: MatchKind
    matched_name: str
    score: float
    adverse_in_force: int
    positive_in_force: int

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "uscc": self.uscc,
            "match": self.match,
            "score": self.score,
            "adverse_in_force": self.adverse_in_force,
            "positive_in_force": self.positive_in_force,
        }


@dataclass(frozen=True)
class LookupResult:
    query: str
    kind: QueryKind
    results: tuple[SubjectHit, ...]
    data: DataPosition
    note: str | None = None  # e.g. why a person could not be searched

    def to_json(self) -> dict:
        return {
            "query": self.query,
            "kind": self.kind,
            "results": [h.to_json() for h in self.results],
            "data": self.data.to_json(),
        }


@dataclass
class _Candidate:
    subject_id: str
    name: str
    match: MatchKind
    score: float
    length: int = field(default=0)


def classify_query(query: str) -> QueryKind:
    """What the query is, without touching the database. Raises CodeError for a bad code."""
    stripped = query.strip()
    if _SUBJECT_ID.match(stripped):
        return "subject_id"
    if looks_like_code(stripped):
        return parse_code(stripped).kind
    return "name"


class LookupService:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def lookup(self, query: str, limit: int = 10, day: dt.date | None = None) -> LookupResult:
        """Raises CodeError when the query is a code (by shape) that is not valid."""
        day = day or dt.date.today()
        stripped = query.strip()
        with self.engine.connect() as conn:
            position = read_position(conn)
            kind = classify_query(stripped)
            note = None
            if kind == "name":
                candidates = self._name_candidates(conn, stripped, limit)
            else:
                candidates, note = self._code_candidates(conn, kind, stripped)
            hits = self._hits(conn, candidates, limit, day)
        return LookupResult(query, kind, hits, position, note)

    # -- codes -------------------------------------------------------------
    def _code_candidates(self, conn: Connection, kind: QueryKind, query: str):
        if kind == "subject_id":
            subject_id = query
        elif kind == "uscc":
            code = normalize_code(query)
            rows = fetch(conn, "SELECT id FROM subject WHERE uscc = ? LIMIT 1", (code,))
            subject_id = rows[0][0] if rows else code
        else:
            key = read_person_key(conn)
            if key is None:
                return [], "本地数据缺少平台的自然人密钥，暂无法按身份证号查找"
            subject_id = person_subject_id(id_digest(parse_code(query).value, key))
        return [_Candidate(subject_id, "", "exact", 1000.0)], None

    # -- names -------------------------------------------------------------
    def _name_candidates(self, conn: Connection, query: str, limit: int) -> list[_Candidate]:
        norm = normalize_name(query)
        core = core_name(query)
        chars = index_chars(query)
        if len(chars) < MIN_NAME_CHARS:
            return []
        rows: list[tuple[tuple, float]] = []  # ((subject_id, name, former, norm), score)
        for r in fetch(conn, _EXACT, (core, CANDIDATES)):
            rows.append((r, 100.0))
        if len(rows) < limit:
            for r in fetch(conn, _PREFIX, (core, core + _TOP, CANDIDATES)):
                rows.append((r, 80.0))
        if len(rows) < CANDIDATES:
            for r in self._substring_rows(conn, norm, chars):
                rows.append((r, 60.0 if norm in r[3] else 50.0))
        out = [
            _Candidate(sid, name, "former_name" if former else "name", base - (5 if former else 0))
            for (sid, name, former, _norm), base in rows
        ]
        if is_initials_query(query):
            out.extend(self._initials_candidates(conn, norm))
        return out

    def _substring_rows(self, conn: Connection, norm: str, chars: list[str]) -> list[tuple]:
        if conn.dialect.name == "sqlite":
            phrase = '"' + " ".join(chars) + '"'
            return fetch(conn, _FTS_NAMES, ("chars : " + phrase, CANDIDATES))
        return fetch(conn, _LIKE_NORM, ("%" + _like_escape(norm) + "%", CANDIDATES))

    def _initials_candidates(self, conn: Connection, initials: str) -> list[_Candidate]:
        found = [_Candidate(r[0], r[1], "pinyin", 70.0) for r in fetch(conn, _INITIALS_EXACT, (initials, CANDIDATES))]
        found += [
            _Candidate(r[0], r[1], "pinyin", 55.0)
            for r in fetch(conn, _INITIALS_PREFIX, (initials, initials + _TOP, CANDIDATES))
        ]
        if len(found) < CANDIDATES and len(initials) >= 3:
            if conn.dialect.name == "sqlite":
                phrase = '"' + " ".join(bigrams(initials)) + '"'
                rows = fetch(conn, _FTS_NAMES, ("grams : " + phrase, CANDIDATES))
            else:
                rows = fetch(conn, _LIKE_INITIALS, ("%" + _like_escape(initials) + "%", CANDIDATES))
            found += [_Candidate(r[0], r[1], "pinyin", 40.0) for r in rows]
        return found

    # -- ranking -----------------------------------------------------------
    def _hits(self, conn: Connection, candidates: list[_Candidate], limit: int, day: dt.date):
        best: dict[str, _Candidate] = {}
        for c in candidates:
            current = best.get(c.subject_id)
            if current is None or c.score > current.score:
                best[c.subject_id] = c
        # Shorter names are closer matches among equals: a small, bounded tie-break.
        ranked = sorted(best.values(), key=lambda c: (-c.score, len(c.name), c.name, c.subject_id))
        subjects = load_subjects(conn, [c.subject_id for c in ranked[: limit * 2]])
        chosen = [c for c in ranked if c.subject_id in subjects][:limit]
        records = load_records(conn, [c.subject_id for c in chosen])
        hits = []
        for c in chosen:
            s = subjects[c.subject_id]
            adverse, positive = count_in_force(records.get(c.subject_id, []), day)
            score = round(c.score - min(len(c.name), 60) / 100, 2) if c.name else c.score
            hits.append(
                SubjectHit(
                    id=s.id, name=s.name, kind=s.kind, uscc=s.uscc, id_masked=s.id_masked,
                    status=s.status, match=c.match, matched_name=c.name or s.name, score=score,
                    adverse_in_force=adverse, positive_in_force=positive,
                )
            )  # fmt: skip
        return tuple(hits)


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


__all__ = ["CodeError", "LookupResult", "LookupService", "SubjectHit", "classify_query"]
