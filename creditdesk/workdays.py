"""工作日: Chinese working days for commitment deadlines (承诺补交材料的期限).

Deadlines in the policies are counted in working days ("5个工作日内", 昆山办法
第十一条; 容缺受理 promises). A working day is a day the State Council's
holiday arrangement makes one: Monday to Friday unless a statutory holiday, and
the make-up Saturdays and Sundays (调休上班) too. The arrangement comes from the
``chinese_calendar`` package (``chinesecalendar`` on PyPI), which knows the
years the State Council has published.

Outside those years the holidays are not known yet. Then nothing here guesses
silently:

- the plain functions (:func:`is_working_day`, :func:`add_working_days`,
  :func:`working_days_between`) raise :class:`CalendarUnknown` with a Chinese
  message, unless called with ``estimate=True``, which counts Monday to Friday;
- :func:`deadline` always answers and says whether it had to estimate
  (``Deadline.estimated``), so a caller can show "按周一至周五估算" beside it.

Pure Python: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import chinese_calendar


class CalendarUnknown(LookupError):
    """The holiday arrangement of a year is not known to this installation."""

    def __init__(self, day: dt.date) -> None:
        first, last = known_years()
        self.day = day
        super().__init__(
            f"{day.year}年的法定节假日安排尚未收录（本机日历收录 {first}–{last} 年），"
            f"无法准确计算涉及 {day.isoformat()} 的工作日期限；请更新 chinesecalendar，"
            "或按周一至周五估算并人工核对"
        )


@functools.lru_cache(maxsize=1)
def known_years() -> tuple[int, int]:
    """The first and last year whose holiday arrangement ``chinese_calendar`` holds."""
    years = {d.year for d in chinese_calendar.holidays} | {d.year for d in chinese_calendar.workdays}
    return min(years), max(years)


def is_known(day: dt.date) -> bool:
    first, last = known_years()
    return first <= day.year <= last


def is_working_day(day: dt.date, *, estimate: bool = False) -> bool:
    """Whether ``day`` is a working day; make-up weekend days are, statutory holidays are not.

    Raises CalendarUnknown outside the known years unless ``estimate`` (then Monday to Friday).
    """
    if isinstance(day, dt.datetime):
        day = day.date()
    if is_known(day):
        return bool(chinese_calendar.is_workday(day))
    if not estimate:
        raise CalendarUnknown(day)
    return day.weekday() < 5


def add_working_days(start: dt.date, n: int, *, estimate: bool = False) -> dt.date:
    """The n-th working day AFTER ``start`` (``start`` itself never counts); n = 0 is ``start``.

    Negative n counts backwards (the n-th working day before ``start``).
    Raises CalendarUnknown if a day it passes is outside the known years, unless ``estimate``.
    """
    if isinstance(start, dt.datetime):
        start = start.date()
    step = 1 if n >= 0 else -1
    left, day = abs(n), start
    while left:
        day += dt.timedelta(days=step)
        if is_working_day(day, estimate=estimate):
            left -= 1
    return day


def working_days_between(a: dt.date, b: dt.date, *, estimate: bool = False) -> int:
    """Working days from ``a`` to ``b``: those in (a, b] when b is later, minus those in (b, a] when earlier.

    So ``add_working_days(a, working_days_between(a, b)) == b`` for a working day ``b`` after ``a``,
    and a deadline ``b`` seen on day ``a`` has that many working days left (negative: overdue).
    """
    if isinstance(a, dt.datetime):
        a = a.date()
    if isinstance(b, dt.datetime):
        b = b.date()
    if a == b:
        return 0
    lo, hi, sign = (a, b, 1) if b > a else (b, a, -1)
    count, day = 0, lo
    while day < hi:
        day += dt.timedelta(days=1)
        count += is_working_day(day, estimate=estimate)
    return sign * count


def _span_known(a: dt.date, b: dt.date) -> bool:
    return is_known(min(a, b)) and is_known(max(a, b))


@dataclass(frozen=True)
class Deadline:
    """A deadline n working days after ``start``; ``estimated``: outside the known years, Mon–Fri counted."""

    start: dt.date
    working_days: int
    due: dt.date
    estimated: bool

    @property
    def note(self) -> str | None:
        if not self.estimated:
            return None
        return f"{self.due.year}年节假日安排未收录，按周一至周五估算，请人工核对"


def deadline(start: dt.date, n: int) -> Deadline:
    """:func:`add_working_days`, never raising for an unknown year: says whether it estimated."""
    if isinstance(start, dt.datetime):
        start = start.date()
    try:
        return Deadline(start, n, add_working_days(start, n), False)
    except CalendarUnknown:
        return Deadline(start, n, add_working_days(start, n, estimate=True), True)


def days_left(today: dt.date, due: dt.date) -> tuple[int, bool]:
    """(working days from ``today`` to ``due``, estimated?) — never raises for an unknown year."""
    try:
        return working_days_between(today, due), False
    except CalendarUnknown:
        return working_days_between(today, due, estimate=True), not _span_known(today, due)


__all__ = [
    "CalendarUnknown", "Deadline", "add_working_days", "days_left", "deadline", "is_known", "is_working_day",
    "known_years", "working_days_between",
]  # fmt: skip
