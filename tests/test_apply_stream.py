"""ChangeApplier.apply_stream: batches planned while the previous one commits still behave as one
transaction each, in order (protocol 3.2), and a full pass begun between batches marks the next one."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select, text

from creditdesk.db import models
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from support.city import EPOCH, Feed
from support.db import fts_orphans, name_index, table_rows


def pos(seq: int) -> Position:
    return Position(seq, EPOCH)


def subject_ids(engine: Engine) -> set[str]:
    return {r["id"] for r in table_rows(engine, "subject")}


def position(engine: Engine) -> int:
    with engine.connect() as conn:
        return conn.execute(select(models.SyncState.__table__.c.seq).where(models.SyncState.__table__.c.id == 1)).scalar_one()


def companies(n: int) -> list[dict]:
    feed = Feed()
    return [feed.company(f"福州流式{i:02d}号贸易有限公司") for i in range(n)]


def test_progress_follows_each_commit_and_the_result_adds_up(engine):
    changes = companies(7)
    seen: list[tuple[int, int]] = []

    def progress(total):  # noqa: ANN001
        seen.append((total.upserted, position(engine)))

    total = ChangeApplier(engine).apply_stream(iter(changes), pos, batch_size=3, progress=progress)

    assert total.upserted == 7 and total.last_seq == changes[-1]["seq"]
    # Each report comes after its batch (and its position) committed.
    assert seen == [(3, changes[2]["seq"]), (6, changes[5]["seq"]), (7, changes[6]["seq"])]
    assert subject_ids(engine) == {c["id"] for c in changes}
    assert len(name_index(engine)) == 7 and fts_orphans(engine) == 0


def test_a_full_pass_begun_between_batches_marks_the_batches_after_it(engine):
    changes = companies(6)
    applier = ChangeApplier(engine)
    passes: list[int] = []

    def begin_after_the_first_batch(total):  # noqa: ANN001
        if not passes:
            passes.append(applier.begin_full_pass())

    applier.apply_stream(iter(changes), pos, batch_size=3, progress=begin_after_the_first_batch)
    swept = applier.finish_full_pass(passes[0])

    # The second batch was planned before the pass began; it is written with the pass's mark.
    assert swept == 3
    assert subject_ids(engine) == {c["id"] for c in changes[3:]}
    assert fts_orphans(engine) == 0


def test_an_error_in_the_stream_keeps_the_batches_before_it(engine):
    changes = companies(7)

    def stream():  # noqa: ANN202
        yield from changes[:6]
        raise RuntimeError("connection cut")

    with pytest.raises(RuntimeError, match="connection cut"):
        ChangeApplier(engine).apply_stream(stream(), pos, batch_size=3)

    assert subject_ids(engine) == {c["id"] for c in changes[:6]}
    assert position(engine) == changes[5]["seq"]


def test_a_batch_the_database_refuses_is_rolled_back_and_the_ones_before_stay(engine):
    changes = companies(9)
    bad = changes[4]["id"]
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":
            conn.execute(
                text(f"CREATE TRIGGER boom BEFORE INSERT ON subject WHEN NEW.id = '{bad}' BEGIN SELECT RAISE(ABORT, 'boom'); END")
            )
        else:
            conn.execute(
                text(
                    "CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    f"BEGIN IF NEW.id = '{bad}' THEN RAISE EXCEPTION 'boom'; END IF; RETURN NEW; END $$"
                )
            )
            conn.execute(text("CREATE TRIGGER boom BEFORE INSERT ON subject FOR EACH ROW EXECUTE FUNCTION boom()"))

    with pytest.raises(Exception, match="boom"):
        ChangeApplier(engine).apply_stream(iter(changes), pos, batch_size=3)

    assert subject_ids(engine) == {c["id"] for c in changes[:3]}
    assert position(engine) == changes[2]["seq"]
    assert len(name_index(engine)) == 3 and fts_orphans(engine) == 0
