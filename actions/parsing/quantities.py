"""The small grammar shared by durations and day counts: numbers, units, fractions and ranges.

"1 timme 20 minuter", "an hour and a half", "ساعتين ونص", "laba toddobaad", "ፍርቂ ሰዓት" are
all a list of (count x unit) components, summed; "or" separates alternatives.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .text import Word

_SKIP_BEFORE_UNIT = ("article", "filler")


@dataclass
class Measure:
    """What an answer said: unit components, or a number or fraction standing alone."""

    groups: list[list[tuple[float, float, bool]]] = field(default_factory=lambda: [[]])  # (amount, unit, counted)
    bare: Word | None = None  # a number or range with no unit
    bare_fraction: float | None = None  # "en halv", "tre kvart", "ربع"
    ambiguous: bool = False  # a number left over that fits nowhere
    counted: bool = False  # some count was given, not only implied by a unit ("a week" vs "next week")

    def total(self, combine: Callable[[list[float]], float]) -> float | None:
        sums = [sum(amount for amount, _, _ in group) for group in self.groups if group]
        return combine(sums) if sums else None


def mean(values: list[float]) -> float:
    return sum(values) / len(values)


def value_of(word: Word, combine: Callable[[list[float]], float]) -> float:
    return combine(list(word.value)) if word.kind == "range" else float(word.value)


def _unit_follows(items: list[Word], index: int) -> bool:
    for word in items[index + 1 :]:
        if word.kind in _SKIP_BEFORE_UNIT:
            continue
        return word.kind == "unit" and word.value is not None
    return False


def measure(
    items: list[Word],
    combine: Callable[[list[float]], float],
    trailing: dict[float, float] | None = None,
    clock_hour: float | None = None,
) -> Measure:
    """Walk the merged words once.

    trailing maps a unit to the unit of a number after it ({60: 1}: "2h30", "1 timme 20");
    clock_hour is the size of an hour when "2:30" means 2 h 30 min (None: H:MM is ignored).
    """
    result = Measure()
    pending: Word | None = None
    pending_fraction: float | None = None
    for index, word in enumerate(items):
        group = result.groups[-1]
        kind = word.kind
        if kind in ("num", "range"):
            if pending is None or not word.weak or pending.weak:
                pending = word
        elif kind == "frac":
            if index + 1 < len(items) and items[index + 1].kind == "num":
                result.ambiguous = True  # "halv nio", "half two": a time of day
            elif _unit_follows(items, index):
                pending_fraction = word.value
            elif group:
                group.append((word.value * group[-1][1], group[-1][1], True))
            elif pending is None:
                result.bare_fraction = (result.bare_fraction or 0) + word.value
        elif kind == "unit":
            if word.value is None:  # days in a duration, km, "times": that number is not ours
                pending = pending_fraction = None
                continue
            if pending_fraction is not None:
                count, counted = pending_fraction, True
            elif pending is not None:
                count, counted = value_of(pending, combine), True
            elif word.implied is not None:
                count, counted = word.implied, False
            else:
                continue  # "timmar" alone says no amount
            group.append((count * word.value, word.value, counted))
            result.counted = result.counted or counted
            pending = pending_fraction = None
        elif kind == "clock" and clock_hour is not None:
            hours, minutes = word.value
            span = [items[j].kind for j in (index - 1, index + 1) if 0 <= j < len(items)]
            if minutes >= 60 or "to" in span or "or" in span:
                result.ambiguous = True  # "1:75", or "8:00-12:00" (clock times, not a duration)
            else:
                nxt = items[index + 1] if index + 1 < len(items) else None
                if nxt is not None and nxt.kind == "unit" and nxt.value is not None and nxt.value < clock_hour:
                    group.append(((hours + minutes / 60) * nxt.value, nxt.value, True))  # "2:30 min" = M:SS
                else:
                    group.append(((hours + minutes / 60) * clock_hour, clock_hour, True))
                result.counted = True
                pending = None
        elif kind == "or" and pending is None and group:
            result.groups.append([])
    if pending is not None:
        components = [c for g in result.groups for c in g]
        if not components:
            result.bare = pending
            result.counted = True
        elif not pending.weak:
            _, last_unit, last_counted = components[-1]
            sub = (trailing or {}).get(last_unit)
            if sub is not None and last_counted and pending.kind == "num" and 0 <= pending.value < last_unit / sub:
                result.groups[-1].append((pending.value * sub, sub, True))
            else:
                result.ambiguous = True
    return result
