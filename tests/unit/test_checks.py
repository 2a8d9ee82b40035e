"""Decision logic of the two checks, against the rules in content/facts.yml."""

from __future__ import annotations

import datetime as dt

import pytest

from actions.checks import interview_trip as trip
from actions.checks.commute import evaluate_commute


@pytest.mark.parametrize(
    "work,travel,within",
    [(480, 60, True), (480, 120, True), (480, 121, False), (600, 61, False), (720, 0, True), (450, 150, False)],
)
def test_commute_limit_is_twelve_hours_away_from_home(work: float, travel: float, within: bool) -> None:
    result = evaluate_commute(work, travel)
    assert result.total_minutes == work + 2 * travel
    assert result.within is within


def test_working_days_skip_weekends_and_swedish_holidays() -> None:
    assert not trip.is_working_day(dt.date(2026, 12, 25))  # juldagen
    assert not trip.is_working_day(dt.date(2026, 12, 26))  # Saturday
    assert trip.is_working_day(dt.date(2026, 12, 23))
    assert not trip.is_working_day(dt.date(2026, 12, 24))  # julafton
    assert not trip.is_working_day(dt.date(2026, 6, 19))  # midsommarafton
    assert not trip.is_working_day(dt.date(2026, 6, 6))  # nationaldagen


def test_last_day_to_apply_counts_back_working_days() -> None:
    # Interview Monday 2026-11-30: three working days before is Wednesday 2026-11-25.
    assert trip.last_day_to_apply(dt.date(2026, 11, 30), 3) == dt.date(2026, 11, 25)
    # Interview Monday 2027-01-04 in the EU: 5 working days back skips New Year's Day and Eve,
    # Christmas Day and Eve and the weekends: 30, 29, 28, 23, 22 December.
    assert trip.last_day_to_apply(dt.date(2027, 1, 4), 5) == dt.date(2026, 12, 22)


def test_timing_outcomes() -> None:
    today = dt.date(2026, 11, 23)  # a Monday
    assert trip.timing(-1, "sweden", today) == ("already_travelled", None)
    assert trip.timing(1, "sweden", today)[0] == "too_late"
    failure, deadline = trip.timing(14, "sweden", today)
    assert failure is None and deadline == dt.date(2026, 12, 2)
    failure, deadline = trip.timing(7, "eea", today)
    assert failure is None and deadline == dt.date(2026, 11, 23)
    assert trip.timing(6, "eea", today)[0] is None  # Sunday 29th: Mon 23rd is the 5th working day before
    assert trip.timing(4, "eea", today)[0] == "too_late"


def test_age_and_trip_length_limits() -> None:
    assert trip.failed_age(19) and not trip.failed_age(20)
    assert trip.failed_travel_time(179) and not trip.failed_travel_time(180)
    assert trip.required_working_days("sweden") == 3 and trip.required_working_days("eea") == 5
