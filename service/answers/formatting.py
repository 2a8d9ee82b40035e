"""Locale-aware formatting of facts and check results (CLDR data through Babel)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from content import RTL_LANGUAGES, Fact
from service.answers.catalogs import SUPPORTED_LANGUAGES

# First strong isolate ... pop directional isolate: keeps "0771-416 416" in order inside Arabic text.
_FSI, _PDI = "\u2068", "\u2069"


def isolate(text: str, language: str) -> str:
    return f"{_FSI}{text}{_PDI}" if language in RTL_LANGUAGES else text


def number(value: float, language: str) -> str:
    return format_decimal(value, locale=language, decimal_quantization=False)


def amount_sek(value: float, language: str) -> str:
    """'3 600 svenska kronor', '3,600 Swedish kronor': the currency's name reads plainer than 'SEK'."""
    return format_currency(value, "SEK", locale=language, format_type="name", currency_digits=False, decimal_quantization=False)


def _unit(value: int, unit: str, language: str) -> str:
    # CLDR lacks the long form of some units in some locales (Persian hours): use the short one.
    text = format_unit(value, unit, length="long", locale=language)
    return format_unit(value, unit, length="short", locale=language) if unit in text else text


def duration(minutes: float, language: str) -> str:
    """'1 hour, 30 minutes' / '1 timme, 30 minuter' / '١ ساعة و٣٠ دقيقة' (CLDR unit and list patterns)."""
    minutes = int(round(minutes))
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(_unit(hours, "duration-hour", language))
    if rest or not hours:
        parts.append(_unit(rest, "duration-minute", language))
    return format_list(parts, style="standard", locale=language)


def date(value: str | dt.date, language: str) -> str:
    day = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
    return format_date(day, format="full", locale=language)


def language_list(language: str) -> str:
    """Each supported language in its own name ('svenska, English, العربية, …')."""
    names = [isolate(Locale.parse(code).get_display_name(code), language) for code in SUPPORTED_LANGUAGES]
    return format_list(names, style="standard", locale=language)


def phrase_list(phrases: list[str], language: str) -> str:
    return format_list(phrases, style="standard", locale=language) if phrases else ""


def fact_value(fact: Fact, language: str) -> str:
    if fact.kind == "amount_sek":
        return amount_sek(fact.value, language)
    if fact.kind in ("integer", "hours", "months", "days", "working_days", "years"):
        return number(fact.value, language)
    if fact.kind in ("phone", "url"):
        return isolate(str(fact.value), language)
    return str(fact.value)


def argument_value(value: Any, language: str) -> str | None:
    """A value an action sent with a response; None when it is not meant for the text."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, (int, float)):
        return number(value, language)
    if isinstance(value, dict) and "duration_minutes" in value:
        return duration(float(value["duration_minutes"]), language)
    if isinstance(value, dict) and "date" in value:
        return date(value["date"], language)
    if isinstance(value, dict) and "counts" in value:
        # [["Norrbottens län", 40], ...] -> "Norrbottens län (40), …" with the locale's digits and list pattern
        items = [f"{isolate(str(name), language)} ({number(count, language)})" for name, count in value["counts"]]
        return phrase_list(items, language)
    if isinstance(value, dict) and "lines" in value:
        return "\n".join(str(line) for line in value["lines"])
    if isinstance(value, dict) and "names" in value:
        return phrase_list([isolate(str(name), language) for name in value["names"]], language)
    if isinstance(value, str):
        return value
    return None
