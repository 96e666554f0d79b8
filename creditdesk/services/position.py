"""How current the local data is: the sync position as plain data."""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, select

from creditdesk.db import models

_state = models.SyncState.__table__


@dataclass(frozen=True)
class DataPosition:
    seq: int
    epoch: str | None
    as_of: str | None
    platform_id: str | None

    def as_of_time(self) -> dt.datetime | None:
        try:
            return dt.datetime.fromisoformat(self.as_of) if self.as_of else None
        except ValueError:
            return None

    def age(self, now: dt.datetime | None = None) -> dt.timedelta | None:
        as_of = self.as_of_time()
        if as_of is None:
            return None
        now = now or dt.datetime.now(dt.timezone.utc)
        if as_of.tzinfo is None:
            as_of = as_of.replace(tzinfo=dt.timezone.utc)
        return now - as_of

    def is_stale(self, limit_hours: float, now: dt.datetime | None = None) -> bool:
        age = self.age(now)
        return age is None or age > dt.timedelta(hours=limit_hours)

    def to_json(self) -> dict:
        return {"seq": self.seq, "epoch": self.epoch, "as_of": self.as_of}


@dataclass(frozen=True)
class SyncState:
    """Everything a sync or an import decides from: the position and the full-pass bookkeeping."""

    seq: int
    epoch: str | None
    as_of: str | None
    platform_id: str | None
    active_pass: int | None  # a full pass under way (its mark), or None
    pass_counter: int
    high_water: int | None

    @property
    def position(self) -> DataPosition:
        return DataPosition(self.seq, self.epoch, self.as_of, self.platform_id)

    def same_history(self, platform_id: str, epoch: str) -> bool:
        """Do sequence numbers of ``platform_id``'s ``epoch`` continue this database's?"""
        return self.epoch == epoch and self.platform_id in (None, platform_id)


def read_sync_state(conn: Connection, *, lock: bool = False) -> SyncState:
    """The one reader of ``sync_state`` for the feed and for bundles (``lock``: FOR UPDATE on
    PostgreSQL, inside the caller's write transaction; SQLite's BEGIN IMMEDIATE already excludes)."""
    c = _state.c
    q = select(c.seq, c.epoch, c.as_of, c.platform_id, c.active_pass, c.pass_counter, c.high_water).where(c.id == 1)
    if lock:
        q = q.with_for_update()
    row = conn.execute(q).one()
    return SyncState(
        row.seq or 0, row.epoch, row.as_of, row.platform_id, row.active_pass, row.pass_counter or 0, row.high_water
    )


def parse_time(value: str | None) -> dt.datetime | None:
    """An ISO 8601 moment as an aware datetime (UTC if it has no offset), or None."""
    if not value:
        return None
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.timezone.utc)


def read_position(conn: Connection) -> DataPosition:
    # Raw SQL: read on every lookup.
    from creditdesk.services.records import fetch

    ((seq, epoch, as_of, platform_id),) = fetch(conn, "SELECT seq, epoch, as_of, platform_id FROM sync_state WHERE id = 1")
    return DataPosition(seq or 0, epoch, as_of, platform_id)


def read_person_key(conn: Connection) -> bytes | None:
    """The platform's key for natural-person digests, if this machine holds the one the data was
    built with. The database keeps only a reference (``ks:`` + fingerprint); the key itself is in
    the credential store (services/keystore.py), so the file alone recovers no ID number."""
    from creditdesk.services.keystore import person_key_for

    value = conn.execute(select(_state.c.person_key).where(_state.c.id == 1)).scalar()
    return person_key_for(value)


def secure_person_key(engine) -> bool:  # noqa: ANN001
    """Migration for existing homes: a digest key stored in the database (``b64:…``, before
    issue 10) moves to the credential store and the database keeps its reference. True if moved."""
    from sqlalchemy import update

    from creditdesk.db.engine import write_transaction
    from creditdesk.services.keystore import PERSON_KEY_REF, person_key_for, remember_person_key

    with engine.connect() as conn:
        value = conn.execute(select(_state.c.person_key).where(_state.c.id == 1)).scalar()
    if not value or value.startswith(PERSON_KEY_REF):
        return False
    ref = remember_person_key(value)  # first kept safely, then removed from the file
    if person_key_for(ref) != base64.b64decode(value.removeprefix("b64:")):
        raise RuntimeError("digest key could not be read back from the credential store")
    with write_transaction(engine) as conn:
        conn.execute(update(_state).where(_state.c.id == 1, _state.c.person_key == value).values(person_key=ref))
    return True
