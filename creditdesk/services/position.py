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


def read_position(conn: Connection) -> DataPosition:
    # Raw SQL: read on every lookup.
    from creditdesk.services.records import fetch

    ((seq, epoch, as_of, platform_id),) = fetch(conn, "SELECT seq, epoch, as_of, platform_id FROM sync_state WHERE id = 1")
    return DataPosition(seq or 0, epoch, as_of, platform_id)


def read_person_key(conn: Connection) -> bytes | None:
    """The platform's key for natural-person digests (``b64:…``), if this database has one."""
    value = conn.execute(select(_state.c.person_key).where(_state.c.id == 1)).scalar()
    if not value:
        return None
    return base64.b64decode(value.removeprefix("b64:"))
