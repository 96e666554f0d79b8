"""A main window on a small real city (SQLite file), for the counter's GUI tests."""

from __future__ import annotations

import datetime as dt

from creditdesk.app import open_app
from creditdesk.protocol import Position
from creditdesk.services.apply import ChangeApplier
from creditdesk.ui.main_window import MainWindow
from support.city import EPOCH, PERSON_KEY_B64, Feed, id_number

DAY = dt.date(2026, 11, 20)
PERSON_NUMBER = id_number(11)


def counter_window(qtbot, home, profile_id: str = "cangzhou", settings: dict | None = None):  # noqa: ANN001, ANN201
    """Subjects: a clean company, a black-listed bidder, a natural person (by ID number); ``w.codes``."""
    ctx = open_app(home)
    ctx.settings.profile_id = profile_id
    for key, value in (settings or {}).items():
        setattr(ctx.settings, key, value)
    feed = Feed()
    clean = feed.company("沧州恒信机械制造有限公司")
    bidder = feed.company("沧州顺达建设工程有限公司")
    person = feed.person("赵丽华", PERSON_NUMBER)
    agency = feed.agency("91130900AGENCY0001")
    changes = [
        clean, bidder, person, agency,
        feed.record("BL-9", bidder["id"], "serious_dishonesty", publish_from="2026-01-01"),
        feed.report("R-2026-101", clean["id"], agency["id"], grade="A"),
        feed.report("R-2026-102", bidder["id"], agency["id"], grade="D"),
    ]  # fmt: skip
    as_of = dt.datetime(2026, 11, 20, 8, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))).isoformat()
    ChangeApplier(ctx.engine).apply(changes, Position(feed.seq, EPOCH, as_of, person_key=PERSON_KEY_B64))
    w = MainWindow(ctx, today=DAY)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    w.codes = {"clean": clean["id"], "bidder": bidder["id"], "person": person["id"]}
    w.ctx_ = ctx
    panel = w.counter.review
    qtbot.waitUntil(lambda: panel.profile is not None and panel.matter_combo.count() > 0, timeout=5000)
    return w


def close_window(w) -> None:  # noqa: ANN001
    w.runner.wait(5000)
    w.ctx_.close()
