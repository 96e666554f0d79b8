"""A clock for the services' ``now=``: every call moves it on by ``step`` and says the new time."""

from __future__ import annotations

import datetime as dt


class Clock:
    def __init__(self, start: dt.datetime, step: dt.timedelta = dt.timedelta(minutes=1)) -> None:
        self.t, self.step = start, step  # set .t to jump

    def __call__(self) -> dt.datetime:
        self.t += self.step
        return self.t
