"""Durations ("två timmar", "1,5 h", "ساعة ونصف", "saacad iyo bar", "ፍርቂ ሰዓት") in minutes."""

from __future__ import annotations

import functools

from .numbers import ARABIC_PREFIXES, NUMBER_TABLE, TIGRINYA_SUFFIXES, number_words
from .quantities import mean, measure, value_of
from .text import Lexicon, Table, Word, build_lexicon, never_raise

HOUR, MINUTE = 60.0, 1.0
MAX_MINUTES = 24 * 60

# phrase -> (minutes per unit, count meant when no number is given; None for plurals/abbreviations)
_UNITS: dict[str, dict[str, tuple[float, float | None]]] = {
    "sv": {
        "timme": (HOUR, 1),
        "timma": (HOUR, 1),
        "timmen": (HOUR, 1),
        "timmes": (HOUR, 1),
        "timmar": (HOUR, None),
        "timmarna": (HOUR, None),
        "tim": (HOUR, None),
        "t": (HOUR, None),
        "h": (HOUR, None),
        "halvtimme": (30, 1),
        "halvtimma": (30, 1),
        "halvtimmes": (30, 1),
        "halvtimmen": (30, 1),
        "halvtimmar": (30, None),
        "minut": (MINUTE, 1),
        "minuten": (MINUTE, 1),
        "minuter": (MINUTE, None),
        "minuters": (MINUTE, None),
        "minuterna": (MINUTE, None),
        "min": (MINUTE, None),
        "m": (MINUTE, None),
    },
    "en": {
        "hour": (HOUR, 1),
        "hours": (HOUR, None),
        "hr": (HOUR, None),
        "hrs": (HOUR, None),
        "h": (HOUR, None),
        "halfhour": (30, 1),
        "minute": (MINUTE, 1),
        "minutes": (MINUTE, None),
        "min": (MINUTE, None),
        "mins": (MINUTE, None),
        "m": (MINUTE, None),
    },
    "ar": {
        "ساعة": (HOUR, 1),
        "ساعات": (HOUR, None),
        "ساعتين": (HOUR, 2),
        "ساعتان": (HOUR, 2),
        "س": (HOUR, None),
        "دقيقة": (MINUTE, 1),
        "دقائق": (MINUTE, None),
        "دقايق": (MINUTE, None),
        "دقيقتين": (MINUTE, 2),
        "دقيقتان": (MINUTE, 2),
        "د": (MINUTE, None),
    },
    "fa": {
        "ساعت": (HOUR, 1),
        "ساعات": (HOUR, None),
        "دقیقه": (MINUTE, 1),
        "دقایق": (MINUTE, None),
    },
    "so": {
        "saac": (HOUR, 1),
        "saacad": (HOUR, 1),
        "saacadda": (HOUR, 1),
        "saacado": (HOUR, None),
        "saacadood": (HOUR, None),
        "saacadaha": (HOUR, None),
        "daqiiqo": (MINUTE, 1),
        "daqiiqad": (MINUTE, 1),
        "daqiiqado": (MINUTE, None),
        "daqiiqadood": (MINUTE, None),
        "daqiiqadaha": (MINUTE, None),
    },
    "ti": {
        "ሰዓት": (HOUR, 1),
        "ሰዓታት": (HOUR, None),
        "ደቒቕ": (MINUTE, 1),
        "ደቂቕ": (MINUTE, 1),
        "ደቓይቕ": (MINUTE, None),
    },
}
# Units of other things: the number before them is not a duration ("8 timmar, 5 dagar i veckan").
_OTHER_UNITS: dict[str, tuple[str, ...]] = {
    "sv": ("dag", "dagar", "dygn", "vecka", "veckor", "veckan", "km", "mil", "gånger", "kr", "kronor", "år"),
    "en": ("day", "days", "week", "weeks", "km", "miles", "times", "years"),
    "ar": ("يوم", "أيام", "يومين", "أسبوع", "كم", "مرات", "سنة"),
    "fa": ("روز", "هفته", "کیلومتر", "بار", "سال"),
    "so": ("maalin", "maalmood", "toddobaad", "km", "jeer", "sano"),
    "ti": ("መዓልቲ", "ሰሙን", "ኪሎሜተር", "ግዜ", "ዓመት"),
}

UNIT_TABLE: Table = {
    lang: {
        **{phrase: Word("unit", size, implied) for phrase, (size, implied) in _UNITS[lang].items()},
        **{phrase: Word("unit", None) for phrase in _OTHER_UNITS[lang]},
    }
    for lang in _UNITS
}


@functools.lru_cache(maxsize=8)
def _lexicon(lang: str | None) -> Lexicon:
    return build_lexicon(lang, [UNIT_TABLE, NUMBER_TABLE], ARABIC_PREFIXES, TIGRINYA_SUFFIXES)


@never_raise
def parse_duration_minutes(text: str, lang: str | None, default_unit: str = "hours") -> float | None:
    """Minutes in a free-text duration; None if there is none or it is over 24 hours.

    A number without a unit is in `default_unit` (the unit the question asked for), but "45" to an
    hours question is read as minutes since nobody works or travels 45 hours a day.
    """
    items = number_words(text, lang, _lexicon)
    found = measure(items, mean, trailing={HOUR: MINUTE}, clock_hour=HOUR)
    if found.ambiguous:
        return None
    minutes = found.total(mean)
    if minutes is None and found.bare is not None:
        if found.bare.kind == "range":
            return None  # "8-17" is a clock span, "2 3" a guess: ask again
        number = value_of(found.bare, mean)
        if str(default_unit).lower().startswith("m"):
            minutes = number
        else:
            minutes = number if number > 24 else number * HOUR
    if minutes is None and found.bare_fraction is not None:
        minutes = found.bare_fraction * HOUR  # "en halv", "tre kvart": of an hour
    if minutes is None or not 0 <= minutes <= MAX_MINUTES:
        return None
    return float(minutes)
