"""Changes the platform sent that could not be applied, for the administrator to see.

Also kept here: changes applied with a text field cleaned or cut on apply
(services/apply.py ``_bounded_texts``) — a *rejected field*: the change is in
the data, the field in its cleaned form; ``fields`` names which and why.
"""

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
    fields: tuple[str, ...] = ()  # a rejected field: the change was applied, these fields were cleaned or cut

    @property
    def applied(self) -> bool:
        return bool(self.fields)


def list_rejected_changes(engine: Engine, limit: int = 500) -> list[RejectedChangeInfo]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                _rejected.c.seq, _rejected.c.entity_type, _rejected.c.entity_id, _rejected.c.op,
                _rejected.c.reason, _rejected.c.source, _rejected.c.received_at, _rejected.c.change,
            ).order_by(_rejected.c.id.desc()).limit(limit)
        )  # fmt: skip
        return [RejectedChangeInfo(*r[:-1], fields=_fields(r[-1])) for r in rows]


def _fields(change: object) -> tuple[str, ...]:
    notes = change.get("rejected_fields") if isinstance(change, dict) else None
    if not isinstance(notes, list):
        return ()
    return tuple(f"{n.get('field')}:{n.get('problem')}" for n in notes if isinstance(n, dict))
