"""Seeding a home with the demo city, through the same apply path as a sync (above services: it uses them)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable

from sqlalchemy import Engine

from creditdesk.cancel import CancelToken, token_from
from creditdesk.db.sync_lock import sync_lock
from creditdesk.protocol import Position, local_epoch
from creditdesk.services.apply import BatchResult, ChangeApplier


def load_demo_city(
    engine: Engine,
    subjects: int = 5000,
    seed: int = 2026,
    as_of: dt.date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    batch_size: int = 5000,
) -> BatchResult:
    """Generate and apply a demo city; ``progress(changes_done, changes_estimated)``.

    ``cancel`` is asked between batches: a cancel raises :class:`creditdesk.cancel.Cancelled`
    (``services.apply.Cancelled``) and the batches committed so far stay, like a sync's pages."""
    from creditdesk.demo.city import DemoCity

    city = DemoCity(subjects=subjects, seed=seed, as_of=as_of or dt.date.today())
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    person_key = "b64:" + base64.b64encode(city.person_key).decode()
    estimated = max(1, int(subjects * 4.1))

    def position_after(seq: int) -> Position:
        return Position(seq, local_epoch(city.epoch), now, city.platform_id, person_key=person_key)

    def report(total: BatchResult) -> None:
        if progress:
            done = total.applied + total.rejected + total.ignored
            progress(done, max(estimated, done))

    applier = ChangeApplier(engine, source="demo")
    with sync_lock(engine, "生成演示数据"):  # a writer of platform data like a sync (db/sync_lock.py)
        return applier.apply_stream(city.changes(), position_after, batch_size, report, token_from(cancel))
