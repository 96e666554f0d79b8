"""Working days on the State Council's holiday arrangement (chinese_calendar data), and the fallback."""

from __future__ import annotations

import datetime as dt

import chinese_calendar
import pytest

from creditdesk.workdays import (
    CalendarUnknown,
    add_working_days,
    days_left,
    deadline,
    is_working_day,
    known_years,
    working_days_between,
)

D = dt.date


def test_the_library_data_is_the_arrangement_these_tests_assert():
    # 国庆 2025: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 worked.
    assert all(chinese_calendar.is_holiday(D(2025, 10, d)) for d in range(1, 9))
    assert D(2025, 9, 28).weekday() == 6 and D(2025, 10, 11).weekday() == 5
    # 中秋+国庆 2026: 09-25..09-27 and 10-01..10-07 off, Sunday 09-20 and Saturday 10-10 worked.
    assert all(chinese_calendar.is_holiday(D(2026, 10, d)) for d in range(1, 8))
    assert D(2026, 9, 20).weekday() == 6 and D(2026, 10, 10).weekday() == 5
    # 春节 2026: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked.
    assert all(chinese_calendar.is_holiday(D(2026, 2, d)) for d in range(15, 24))
    assert D(2026, 2, 14).weekday() == 5 and D(2026, 2, 28).weekday() == 5


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 10, 1), False),  # 国庆, a Thursday
        (D(2026, 10, 8), True),
        (D(2026, 10, 10), True),  # make-up Saturday
        (D(2026, 10, 11), False),  # ordinary Sunday
        (D(2026, 9, 20), True),  # make-up Sunday
        (D(2026, 9, 25), False),  # 中秋, a Friday
        (D(2026, 2, 14), True),  # make-up Saturday before 春节
        (D(2026, 2, 16), False),  # 春节, a Monday
        (D(2025, 9, 28), True),
        (D(2025, 10, 8), False),  # the eighth day off in 2025
        (D(2026, 11, 23), True),
        (D(2026, 11, 22), False),
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "n", "due"),
    [
        # 国庆 2026
        (D(2026, 9, 30), 1, D(2026, 10, 8)),  # seven days off are skipped
        (D(2026, 10, 9), 1, D(2026, 10, 10)),  # the make-up Saturday counts
        (D(2026, 9, 30), 3, D(2026, 10, 10)),  # Thu 8, Fri 9, make-up Sat 10
        (D(2026, 9, 30), 4, D(2026, 10, 12)),  # Sunday 11 does not
        (D(2026, 9, 18), 1, D(2026, 9, 20)),  # make-up Sunday before 中秋
        (D(2026, 9, 24), 1, D(2026, 9, 28)),  # 中秋 Fri 25 .. Sun 27 skipped
        # 国庆 2025
        (D(2025, 9, 26), 1, D(2025, 9, 28)),  # make-up Sunday
        (D(2025, 9, 30), 1, D(2025, 10, 9)),  # eight days off
        (D(2025, 9, 30), 3, D(2025, 10, 11)),  # make-up Saturday
        # 春节 2026
        (D(2026, 2, 13), 1, D(2026, 2, 14)),  # make-up Saturday
        (D(2026, 2, 13), 2, D(2026, 2, 24)),
        (D(2026, 2, 27), 1, D(2026, 2, 28)),  # make-up Saturday after
        (D(2026, 2, 13), 5, D(2026, 2, 27)),  # 14 (make-up Sat), 24, 25, 26, 27
        # an ordinary week
        (D(2026, 11, 20), 5, D(2026, 11, 27)),
        (D(2026, 11, 22), 0, D(2026, 11, 22)),
    ],
)
def test_add_working_days(start, n, due):
    assert add_working_days(start, n) == due


def test_start_day_never_counts_and_backwards():
    assert add_working_days(D(2026, 10, 8), 1) == D(2026, 10, 9)
    assert add_working_days(D(2026, 10, 8), -1) == D(2026, 9, 30)


@pytest.mark.parametrize(
    ("a", "b", "n"),
    [
        (D(2026, 9, 30), D(2026, 10, 8), 1),
        (D(2026, 9, 30), D(2026, 10, 12), 4),
        (D(2026, 10, 8), D(2026, 9, 30), -1),
        (D(2026, 11, 27), D(2026, 11, 20), -5),
        (D(2026, 11, 21), D(2026, 11, 22), 0),  # Saturday to Sunday
        (D(2026, 2, 13), D(2026, 2, 24), 2),
    ],
)
def test_working_days_between(a, b, n):
    assert working_days_between(a, b) == n


def test_between_inverts_add():
    for start in (D(2025, 9, 20) + dt.timedelta(days=i) for i in range(40)):
        for n in (1, 2, 5, 10):
            assert working_days_between(start, add_working_days(start, n)) == n


def test_unknown_year_is_refused_or_estimated_never_silent():
    first, last = known_years()
    assert first <= 2025 and last >= 2026
    beyond = D(last + 1, 1, 1)
    with pytest.raises(CalendarUnknown) as err:
        is_working_day(beyond)
    assert f"{beyond.year}年的法定节假日安排尚未收录" in str(err.value)
    with pytest.raises(CalendarUnknown):
        add_working_days(D(last, 12, 28), 5)
    # Estimated: Monday to Friday, and it says so.
    d = deadline(D(last, 12, 28), 5)
    assert d.estimated and d.note and "估算" in d.note
    assert all(is_working_day(x, estimate=True) == (x.weekday() < 5) for x in (beyond + dt.timedelta(days=i) for i in range(7)))
    assert d.due == add_working_days(D(last, 12, 28), 5, estimate=True)
    exact = deadline(D(2026, 9, 30), 1)
    assert exact == deadline(D(2026, 9, 30), 1) and not exact.estimated and exact.note is None
    assert exact.due == D(2026, 10, 8)
    assert days_left(D(2026, 9, 30), D(2026, 10, 8)) == (1, False)
    left, estimated = days_left(D(last, 12, 30), D(last + 1, 1, 5))
    assert estimated and left > 0
