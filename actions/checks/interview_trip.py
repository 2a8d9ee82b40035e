"""Resebidrag conditions (förordning 2015:500) and the last day to apply.

The order of CONDITIONS is the order the check asks in; the first that fails ends the check.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

import holidays

from content import fact

# slot -> failure name (utter_trip_fail_<name>) for the yes/no conditions
YES_NO_CONDITIONS = {
    "trip_age_ok": "age",
    "trip_registered": "registered",
    "trip_unemployed": "unemployed",
    "trip_advertised": "advertised",
}


@lru_cache(maxsize=8)
def _swedish_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("SE", years=[year - 1, year, year + 1])


@lru_cache(maxsize=8)
def _eves(year: int) -> frozenset:
    """Christmas, New Year's and Midsummer Eve: not public holidays, but offices are closed."""
    table = _swedish_holidays(year)
    midsummer = [d for d, name in table.items() if d.year == year and "Midsummer" in name and d.weekday() == 5]
    return frozenset([dt.date(year, 12, 24), dt.date(year, 12, 31)] + [d - dt.timedelta(days=1) for d in midsummer])


def is_working_day(day: dt.date) -> bool:
    """Monday to Friday, not a Swedish public holiday and not one of the eves."""
    return day.weekday() < 5 and day not in _swedish_holidays(day.year) and day not in _eves(day.year)


def required_working_days(destination: str) -> int:
    if destination == "sweden":
        return int(fact("resebidrag_apply_working_days_sweden"))
    return int(fact("resebidrag_apply_working_days_eea"))


def last_day_to_apply(trip_day: dt.date, working_days: int) -> dt.date:
    """The latest date that still lies `working_days` working days before the trip."""
    day, counted = trip_day, 0
    while counted < working_days:
        day -= dt.timedelta(days=1)
        if is_working_day(day):
            counted += 1
    return day


def failed_travel_time(round_trip_minutes: float) -> bool:
    return round_trip_minutes < float(fact("resebidrag_min_round_trip_hours")) * 60


def failed_age(age: float) -> bool:
    return age < float(fact("resebidrag_min_age"))


def timing(days_until: int, destination: str, today: dt.date | None = None) -> tuple[str | None, dt.date | None]:
    """(failure, deadline): failure is None, 'already_travelled' or 'too_late'."""
    if days_until < 0:
        return "already_travelled", None
    today = today or dt.date.today()
    deadline = last_day_to_apply(today + dt.timedelta(days=int(days_until)), required_working_days(destination))
    if deadline < today:
        return "too_late", deadline
    return None, deadline
