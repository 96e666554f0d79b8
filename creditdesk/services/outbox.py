"""The outbox queue: what the counter produced, waiting to be delivered to the platform.

This is database work only — no transport. Items are queued with their UUID in
the same transaction as the record that produced them (``enqueue(conn, …)``),
so nothing saved is ever without its outbox entry; ``counts`` and
``rejected_items`` are what status and the sync page show. Delivering them is
the platform client's job (``creditdesk/platform/outbox.py``'s pusher), which
reads and marks items through ``pending``, ``record_attempt`` and
``record_results`` below: ``accepted`` and ``duplicate`` both mean delivered
(protocol 5: resending after a timeout is always safe), ``rejected`` waits for
a person with the platform's reason, and a failed attempt leaves items pending.

Saving a review, a follow-up or an objection imports this module and never
HTTP code (the import contract in pyproject.toml keeps it so).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction

__all__ = [
    "KINDS",
    "MAX_BATCH",
    "OutboxCounts",
    "PendingItem",
    "RejectedItem",
    "counts",
    "enqueue",
    "pending",
    "record_attempt",
    "record_results",
    "rejected_items",
]

_outbox = models.OutboxItem.__table__

KINDS = ("review", "commitment", "commitment_status", "objection", "review_override", "credit_review_request",
         "audit_head")  # audit_head: services/audit.py queue_head
MAX_BATCH = 500  # protocol 5: at most 500 items a submission


@dataclass(frozen=True)
class OutboxCounts:
    pending: int
    delivered: int
    rejected: int

    def to_json(self) -> dict:
        return {"pending": self.pending, "delivered": self.delivered, "rejected": self.rejected}


@dataclass(frozen=True)
class RejectedItem:
    uid: str
    kind: str
    created_at: str
    reason: str | None


PendingItem = dict[str, Any]  # {"uid", "kind", "created_at", "data"}: one submission item as sent (protocol 5)


def enqueue(
    conn: Connection, kind: str, data: dict[str, Any], uid: str | None = None, created_at: str | None = None
) -> str:
    """Queue an item inside the caller's transaction; returns its UUID."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    uid = uid or str(uuid.uuid4())
    now = dt.datetime.now(dt.timezone.utc)
    # Parameters apart from the statement: one cached statement for every item (a thousand demo
    # reviews spent more time building INSERTs with their values inline than running them).
    conn.execute(insert(_outbox), {
        "uid": uid, "kind": kind, "data": data, "status": "pending", "attempts": 0,
        "created_at": created_at or now.astimezone().isoformat(timespec="seconds"), "queued_at": now,
    })  # fmt: skip
    return uid


def counts(engine: Engine) -> OutboxCounts:
    with engine.connect() as conn:
        rows = dict(conn.execute(select(_outbox.c.status, func.count()).group_by(_outbox.c.status)).all())
    return OutboxCounts(rows.get("pending", 0), rows.get("delivered", 0), rows.get("rejected", 0))


def rejected_items(engine: Engine, limit: int = 200) -> list[RejectedItem]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(_outbox.c.uid, _outbox.c.kind, _outbox.c.created_at, _outbox.c.reason)
            .where(_outbox.c.status == "rejected")
            .order_by(_outbox.c.queued_at.desc())
            .limit(limit)
        )
        return [RejectedItem(*r) for r in rows]


def pending(engine: Engine, limit: int = MAX_BATCH) -> list[PendingItem]:
    """The oldest ``limit`` pending items, in queue order, as submission items."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(_outbox.c.uid, _outbox.c.kind, _outbox.c.created_at, _outbox.c.data)
            .where(_outbox.c.status == "pending")
            .order_by(_outbox.c.queued_at, _outbox.c.uid)
            .limit(max(1, limit))
        )
        return [{"uid": r.uid, "kind": r.kind, "created_at": r.created_at, "data": r.data} for r in rows]


def record_attempt(engine: Engine, uids: Iterable[str], problem: str) -> None:
    """A delivery attempt failed: the items stay pending, with the attempt counted and the problem noted."""
    uids = list(uids)
    if not uids:
        return
    with write_transaction(engine) as conn:
        conn.execute(
            update(_outbox)
            .where(_outbox.c.uid.in_(uids))
            .values(attempts=_outbox.c.attempts + 1, last_error=problem)
        )


def record_results(engine: Engine, results: Sequence[dict[str, Any]]) -> tuple[int, int]:
    """The platform's per-item answers; returns (delivered, rejected). Unknown answers stay pending."""
    now = dt.datetime.now(dt.timezone.utc)
    done = [r["uid"] for r in results if r["status"] in ("accepted", "duplicate")]
    refused = [r for r in results if r["status"] == "rejected"]
    with write_transaction(engine) as conn:
        if done:
            conn.execute(
                update(_outbox)
                .where(_outbox.c.uid.in_(done))
                .values(status="delivered", delivered_at=now, attempts=_outbox.c.attempts + 1, last_error=None)
            )
        for r in refused:
            conn.execute(
                update(_outbox)
                .where(_outbox.c.uid == r["uid"])
                .values(status="rejected", reason=str(r.get("reason") or "平台未说明原因"),
                        attempts=_outbox.c.attempts + 1)
            )  # fmt: skip
    return len(done), len(refused)
