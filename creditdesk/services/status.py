"""What the home holds: position, counts, rejected changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from creditdesk.db import models
from creditdesk.services.outbox import OutboxCounts
from creditdesk.services.outbox import counts as outbox_counts
from creditdesk.services.position import DataPosition, read_position

_state = models.SyncState.__table__

COUNTED = {
    "subject": models.Subject.__table__,
    "record": models.Record.__table__,
    "agency": models.Agency.__table__,
    "report": models.Report.__table__,
    "policy": models.PolicyVersion.__table__,
}


@dataclass(frozen=True)
class PlatformStatus:
    id: str | None
    url: str | None
    last_sync: str | None
    last_error: str | None

    def to_json(self) -> dict:
        return {"id": self.id, "url": self.url, "last_sync": self.last_sync, "last_error": self.last_error}


@dataclass(frozen=True)
class StatusReport:
    home: str
    database: str
    data: DataPosition
    counts: dict[str, int]
    rejected_changes: int
    outbox: OutboxCounts
    platform: PlatformStatus

    def to_json(self) -> dict:
        return {
            "home": self.home,
            "database": self.database,
            "data": self.data.to_json(),
            "counts": self.counts,
            "rejected_changes": self.rejected_changes,
            "outbox": self.outbox.to_json(),
            "platform": self.platform.to_json(),
        }


def _iso(value: dt.datetime | None) -> str | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive UTC
        value = value.replace(tzinfo=dt.timezone.utc)
    return value.isoformat(timespec="seconds")


def read_platform_status(engine: Engine, platform_url: str | None) -> PlatformStatus:
    with engine.connect() as conn:
        row = conn.execute(
            select(_state.c.platform_id, _state.c.last_sync_at, _state.c.last_error).where(_state.c.id == 1)
        ).one()
    return PlatformStatus(row.platform_id, platform_url or None, _iso(row.last_sync_at), row.last_error)


def read_status(engine: Engine, home: str, database: str, platform_url: str | None = None) -> StatusReport:
    with engine.connect() as conn:
        counts = {name: conn.execute(select(func.count()).select_from(t)).scalar_one() for name, t in COUNTED.items()}
        rejected = conn.execute(select(func.count()).select_from(models.RejectedChange.__table__)).scalar_one()
        position = read_position(conn)
    return StatusReport(
        home, database, position, counts, rejected, outbox_counts(engine), read_platform_status(engine, platform_url)
    )
