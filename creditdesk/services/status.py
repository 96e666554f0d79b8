"""What the home holds: position, counts, rejected changes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, func, select

from creditdesk.db import models
from creditdesk.services.position import DataPosition, read_position

COUNTED = {
    "subject": models.Subject.__table__,
    "record": models.Record.__table__,
    "agency": models.Agency.__table__,
    "report": models.Report.__table__,
    "policy": models.PolicyVersion.__table__,
}


@dataclass(frozen=True)
class StatusReport:
    home: str
    database: str
    data: DataPosition
    counts: dict[str, int]
    rejected_changes: int

    def to_json(self) -> dict:
        return {
            "home": self.home,
            "database": self.database,
            "data": self.data.to_json(),
            "counts": self.counts,
            "rejected_changes": self.rejected_changes,
        }


def read_status(engine: Engine, home: str, database: str) -> StatusReport:
    with engine.connect() as conn:
        counts = {name: conn.execute(select(func.count()).select_from(t)).scalar_one() for name, t in COUNTED.items()}
        rejected = conn.execute(select(func.count()).select_from(models.RejectedChange.__table__)).scalar_one()
        return StatusReport(home, database, read_position(conn), counts, rejected)
