"""Changes the platform sent that could not be applied, for the administrator to see."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Engine, select

from creditdesk.db import models

_rejected = models.RejectedChange.__table__


@dataclass(frozen=True)
class RejectedChangeInfo:
    seq: int | None
    entity_type: str | None
    entity_id: str | None
    op: str | None
    reason: str
    source: str
    received_at: dt.datetime


def list_rejected_changes(engine: Engine, limit: int = 500) -> list[RejectedChangeInfo]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                _rejected.c.seq, _rejected.c.entity_type, _rejected.c.entity_id, _rejected.c.op,
                _rejected.c.reason, _rejected.c.source, _rejected.c.received_at,
            ).order_by(_rejected.c.id.desc()).limit(limit)
        )  # fmt: skip
        return [RejectedChangeInfo(*r) for r in rows]
