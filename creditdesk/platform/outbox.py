"""The outbox: what the counter produced, delivered to the platform exactly once in effect.

Items are queued with their UUID in the same transaction as the record that
produced them (``enqueue(conn, …)``), so nothing saved is ever without its
outbox entry. ``push`` sends pending items in batches of at most 500;
``accepted`` and ``duplicate`` both mean delivered (protocol 5: resending
after a timeout is always safe), ``rejected`` waits for a person with the
platform's reason, and transient failures leave items pending for the next
push. A 413 halves the batch.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Engine, func, insert, select, update

from creditdesk.db import models
from creditdesk.db.engine import write_transaction
from creditdesk.platform.client import PlatformClient, PlatformError, RequestTooLarge

log = logging.getLogger(__name__)
_outbox = models.OutboxItem.__table__

KINDS = ("review", "commitment", "commitment_status", "objection", "audit_head")  # audit_head: services/audit.py
MAX_BATCH = 500


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


@dataclass(frozen=True)
class PushResult:
    delivered: int
    rejected: int
    still_pending: int
    error: str | None = None


def enqueue(
    conn: Connection, kind: str, data: dict[str, Any], uid: str | None = None, created_at: str | None = None
) -> str:
    """Queue an item inside the caller's transaction; returns its UUID."""
    if kind not in KINDS:
        raise ValueError(f"unknown outbox kind {kind!r}")
    uid = uid or str(uuid.uuid4())
    now = dt.datetime.now(dt.timezone.utc)
    conn.execute(
        insert(_outbox).values(
            uid=uid, kind=kind, data=data, status="pending", attempts=0,
            created_at=created_at or now.astimezone().isoformat(timespec="seconds"), queued_at=now,
        )
    )  # fmt: skip
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


class OutboxPusher:
    def __init__(self, engine: Engine, client: PlatformClient, batch_size: int = MAX_BATCH) -> None:
        self.engine = engine
        self.client = client
        self.batch_size = min(batch_size, MAX_BATCH)

    def _pending(self, limit: int) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(_outbox.c.uid, _outbox.c.kind, _outbox.c.created_at, _outbox.c.data)
                .where(_outbox.c.status == "pending")
                .order_by(_outbox.c.queued_at, _outbox.c.uid)
                .limit(limit)
            )
            return [{"uid": r.uid, "kind": r.kind, "created_at": r.created_at, "data": r.data} for r in rows]

    def push(self, should_cancel: Callable[[], bool] | None = None) -> PushResult:
        delivered = rejected = 0
        size = self.batch_size
        error: str | None = None
        while not (should_cancel and should_cancel()):
            items = self._pending(size)
            if not items:
                break
            try:
                results = self.client.submit(items)
            except RequestTooLarge:
                if size == 1:
                    self._record_attempt(items, "平台认为该项过大")
                    error = "平台认为单项过大"
                    break
                size = max(1, size // 2)
                continue
            except PlatformError as exc:
                # Transient or not, the items stay pending: nothing is lost, and a resend is safe.
                self._record_attempt(items, str(exc))
                error = str(exc)
                break
            d, r = self._record_results(results)
            delivered += d
            rejected += r
        return PushResult(delivered, rejected, counts(self.engine).pending, error)

    def _record_attempt(self, items: list[dict[str, Any]], problem: str) -> None:
        with write_transaction(self.engine) as conn:
            conn.execute(
                update(_outbox)
                .where(_outbox.c.uid.in_([i["uid"] for i in items]))
                .values(attempts=_outbox.c.attempts + 1, last_error=problem)
            )

    def _record_results(self, results: list[dict[str, Any]]) -> tuple[int, int]:
        now = dt.datetime.now(dt.timezone.utc)
        done = [r["uid"] for r in results if r["status"] in ("accepted", "duplicate")]
        refused = [r for r in results if r["status"] == "rejected"]
        with write_transaction(self.engine) as conn:
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
