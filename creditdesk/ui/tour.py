"""Scripted screenshot tour: drives the real GUI on a demo city and saves a PNG per state.

    python -m creditdesk.ui.tour OUTDIR [--subjects N] [--home DIR]

Runs offscreen (QT_QPA_PLATFORM=offscreen unless a display is set). The
README's screenshots come from here; so does every look at a screen we change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TOUR_DAY = dt.date(2026, 11, 20)


def _settle(app, window, until: Callable[[], bool] | None = None, timeout: float = 20.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        app.processEvents()
        if not window.runner.busy and (until is None or until()):
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()
        time.sleep(0.01)


def _seed_sync_history(ctx) -> None:  # noqa: ANN001
    """What an administrator meets on the sync page after a while: a refused change, outbox items."""
    from creditdesk.db.engine import write_transaction
    from creditdesk.platform.outbox import enqueue
    from creditdesk.services.apply import ChangeApplier
    from creditdesk.services.position import read_position

    with ctx.engine.connect() as conn:
        position = read_position(conn)
    ChangeApplier(ctx.engine, source="feed").apply(
        [{"seq": position.seq + 1, "op": "upsert", "type": "record", "id": "FZ-CF-2026-009999",
          "data": {"subject_id": "91350100MA2Y0XXXX0", "category": "admin_penalty", "title": "缺少决定日期的处罚"}}]
    )  # fmt: skip
    with write_transaction(ctx.engine) as conn:
        for n in range(3):
            enqueue(conn, "review", {"unit": ctx.settings.unit_name, "officer": "demo-officer", "n": n})


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m creditdesk.ui.tour")
    parser.add_argument("outdir")
    parser.add_argument("--subjects", type=int, default=2000)
    parser.add_argument("--home", help="demo home to use (default: a fresh temporary folder)")
    args = parser.parse_args(argv)
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from creditdesk.app import open_app
    from creditdesk.demo.city import DemoCity
    from creditdesk.services.demo_load import load_demo_city
    from creditdesk.services.position import read_position
    from creditdesk.ui.main import build_window, make_application

    out = Path(args.outdir)
    out.mkdir(parents=True, exist_ok=True)
    home = Path(args.home) if args.home else Path(tempfile.mkdtemp(prefix="creditdesk-tour-"))
    ctx = open_app(home, demo=True)
    with ctx.engine.connect() as conn:
        empty = read_position(conn).seq == 0
    if empty:
        load_demo_city(ctx.engine, subjects=args.subjects, as_of=TOUR_DAY)
        _seed_sync_history(ctx)
    city = DemoCity(subjects=args.subjects, as_of=TOUR_DAY)

    app = make_application()
    window = build_window(ctx, today=TOUR_DAY)
    window.resize(1360, 860)
    window.show()
    counter = window.counter
    shots: list[str] = []

    def shoot(name: str) -> None:
        _settle(app, window)
        path = out / f"{len(shots) + 1:02d}-{name}.png"
        window.grab().save(str(path))
        shots.append(path.name)

    def type_query(text: str, enter: bool = False) -> None:
        counter.query_edit.clear()
        counter.query_edit.setText(text)
        if enter:
            counter.search(final=True)
        _settle(app, window, timeout=5)
        time.sleep(0.35)  # let the name-search pause elapse, as when a person types
        _settle(app, window)

    shoot("counter-empty")
    blacklisted = city.showcase["blacklisted"]
    type_query(blacklisted[:10])
    shoot("code-partial")
    bad = blacklisted[:17] + ("0" if blacklisted[17] != "0" else "1")
    type_query(bad)
    shoot("code-wrong-check-character")
    type_query(blacklisted[:8] + "I" + blacklisted[9:])
    shoot("code-illegal-character")
    type_query(blacklisted)
    shoot("code-valid-blacklisted-profile")
    type_query("顺心")
    shoot("name-search-2-chars")
    type_query("fzsx")
    shoot("pinyin-initials")
    type_query(city.showcase["clean_trustworthy"], enter=True)
    shoot("clean-trustworthy-profile")
    type_query(city.showcase["repaired"], enter=True)
    shoot("repaired-records-not-in-force")
    person = city.showcase_id_number("person_debtor")
    if person:
        type_query(person, enter=True)
        shoot("natural-person-by-id-number")
    type_query("350102800101123", enter=True)
    shoot("first-generation-id-number")
    from creditdesk.identifiers import make_uscc

    type_query(make_uscc("91350100MA0000001"), enter=True)
    shoot("valid-code-not-in-data")
    for row, name in enumerate(["commitments", "ledger", "statistics", "sync", "settings"], start=1):
        window.nav.setCurrentRow(row)
        shoot(f"page-{name}")
    window.nav.setCurrentRow(0)

    window.close()
    ctx.close()
    print(f"{len(shots)} screenshots in {out}:")
    for name in shots:
        print("  " + name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
