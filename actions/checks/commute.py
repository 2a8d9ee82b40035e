"""Daily commuting distance: away from home at most N hours a day (IAFFS 2024:1)."""

from __future__ import annotations

from dataclasses import dataclass

from content import fact


@dataclass(frozen=True)
class CommuteResult:
    work_minutes: float
    travel_minutes: float
    total_minutes: float
    within: bool


def evaluate_commute(work_minutes: float, travel_minutes_one_way: float) -> CommuteResult:
    """Time away from home = the working day (with breaks) + travel both ways."""
    total = work_minutes + 2 * travel_minutes_one_way
    limit = float(fact("commute_max_hours")) * 60
    return CommuteResult(work_minutes, travel_minutes_one_way, total, total <= limit)
