"""Delivering the outbox to the platform: the pusher (the queue itself is creditdesk/services/outbox.py).

``OutboxPusher.push`` sends pending items in batches of at most 500;
``accepted`` and ``duplicate`` both mean delivered (protocol 5: resending
after a timeout is always safe), ``rejected`` waits for a person with the
platform's reason, and transient failures leave items pending for the next
push. A 413 halves the batch. The database side — which items are pending, what
an answer does to them — is the queue's public API; this module only talks HTTP.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import Engine

from creditdesk.cancel import NEVER, CancelToken
from creditdesk.platform.client import PlatformClient, PlatformError, RequestTooLarge
from creditdesk.services import outbox as queue

# The queue's names, for callers that reach the outbox through the platform package.
from creditdesk.services.outbox import (  # noqa: F401
    KINDS,
    MAX_BATCH,
    OutboxCounts,
    RejectedItem,
    counts,
    enqueue,
    rejected_items,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PushResult:
    delivered: int
    rejected: int
    still_pending: int
    error: str | None = None


class OutboxPusher:
    def __init__(self, engine: Engine, client: PlatformClient, batch_size: int = MAX_BATCH) -> None:
        self.engine = engine
        self.client = client
        self.batch_size = min(batch_size, MAX_BATCH)

    def push(self, cancel: CancelToken | None = None) -> PushResult:
        """Deliver pending items until none are left, the platform fails, or ``cancel`` is cancelled.

        A cancel stops between batches: what was answered is recorded, the rest stays pending.
        """
        token = cancel or NEVER
        delivered = rejected = 0
        size = self.batch_size
        error: str | None = None
        while not token.cancelled:
            items = queue.pending(self.engine, size)
            if not items:
                break
            try:
                results = self.client.submit(items)
            except RequestTooLarge:
                if size == 1:
                    queue.record_attempt(self.engine, [i["uid"] for i in items], "平台认为该项过大")
                    error = "平台认为单项过大"
                    break
                size = max(1, size // 2)
                continue
            except PlatformError as exc:
                # Transient or not, the items stay pending: nothing is lost, and a resend is safe.
                queue.record_attempt(self.engine, [i["uid"] for i in items], str(exc))
                error = str(exc)
                break
            d, r = queue.record_results(self.engine, results)
            delivered += d
            rejected += r
        return PushResult(delivered, rejected, queue.counts(self.engine).pending, error)
