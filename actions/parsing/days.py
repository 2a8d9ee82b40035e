"""Days until an event: "om 5 dagar", "tomorrow", "بعد أسبوعين", "پس فردا", "berri", "ጽባሕ".

The result decides whether a travel grant can still be applied for in time, so vague answers
("next week", "soon") give None and the assistant asks for the number of days instead.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import math
import re
from typing import Any

from babel import Locale

from .durations import UNIT_TABLE as DURATION_UNITS
from .numbers import ARABIC_PREFIXES, NUMBER_TABLE, TIGRINYA_SUFFIXES, merge_numbers
from .quantities import measure, value_of
from .text import Lexicon, Table, Word, build_lexicon, never_raise, normalise, words

PAST = -1
MAX_DAYS = 366

_DAY_UNITS: dict[str, dict[str, tuple[float, float | None]]] = {
    "sv": {
        "dag": (1, 1),
        "dagen": (1, None),
        "dagar": (1, None),
        "dagars": (1, None),
        "dygn": (1, 1),
        "dygnet": (1, 1),
        "vecka": (7, 1),
        "veckan": (7, None),
        "veckas": (7, 1),
        "veckor": (7, None),
        "veckors": (7, None),
        "månad": (30, 1),
        "månaden": (30, None),
        "månader": (30, None),
    },
    "en": {
        "day": (1, 1),
        "days": (1, None),
        "week": (7, 1),
        "weeks": (7, None),
        "fortnight": (14, 1),
        "month": (30, 1),
        "months": (30, None),
    },
    "ar": {
        "يوم": (1, 1),
        "أيام": (1, None),
        "يومين": (1, 2),
        "يومان": (1, 2),
        "أسبوع": (7, 1),
        "أسابيع": (7, None),
        "أسبوعين": (7, 2),
        "أسبوعان": (7, 2),
        "شهر": (30, 1),
        "أشهر": (30, None),
        "شهور": (30, None),
        "شهرين": (30, 2),
        "شهران": (30, 2),
    },
    "fa": {"روز": (1, 1), "روزه": (1, None), "هفته": (7, 1), "ماه": (30, 1)},
    "so": {
        "maalin": (1, 1),
        "maalinta": (1, 1),
        "maalmood": (1, None),
        "maalmo": (1, None),
        "toddobaad": (7, 1),
        "toddobaadka": (7, 1),
        "toddobaadyo": (7, None),
        "usbuuc": (7, 1),
        "usbuuca": (7, 1),
        "bil": (30, 1),
        "bisha": (30, 1),
        "bilood": (30, None),
    },
    "ti": {
        "መዓልቲ": (1, 1),
        "መዓልትታት": (1, None),
        "ሰሙን": (7, 1),
        "ሰሙናት": (7, None),
        "ወርሒ": (30, 1),
        "ኣዋርሕ": (30, None),
    },
}
_ANCHORS: dict[str, dict[str, int]] = {
    "sv": {
        "idag": 0,
        "i dag": 0,
        "ikväll": 0,
        "i kväll": 0,
        "i eftermiddag": 0,
        "i förmiddag": 0,
        "imorgon": 1,
        "i morgon": 1,
        "imorrn": 1,
        "i morrn": 1,
        "imorn": 1,
        "i morn": 1,
        "övermorgon": 2,
        "i övermorgon": 2,
    },
    "en": {
        "today": 0,
        "tonight": 0,
        "this afternoon": 0,
        "this evening": 0,
        "this morning": 0,
        "tomorrow": 1,
        "tomorow": 1,
        "tmrw": 1,
        "tmr": 1,
        "day after tomorrow": 2,
        "overmorrow": 2,
    },
    "ar": {
        "اليوم": 0,
        "النهاردة": 0,
        "الليلة": 0,
        "هذا المساء": 0,
        "غدا": 1,
        "غد": 1,
        "بكرة": 1,
        "بكرا": 1,
        "باكر": 1,
        "بعد غد": 2,
        "بعد بكرة": 2,
        "بعد بكرا": 2,
    },
    "fa": {"امروز": 0, "امشب": 0, "فردا": 1, "پس فردا": 2, "پسفردا": 2},
    "so": {"maanta": 0, "caawa": 0, "berri": 1, "saa berri": 2, "saadambe": 2},
    "ti": {"ሎሚ": 0, "ሎሚ ምሸት": 0, "ጽባሕ": 1, "ንጽባሕ": 1, "ድሕሪ ጽባሕ": 2},
}
_MARKERS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "past": (
            "igår",
            "i går",
            "igårkväll",
            "i går kväll",
            "i förrgår",
            "förrgår",
            "förra veckan",
            "förra månaden",
            "förra",
            "åkt",
            "åkte",
            "rest",
            "reste",
            "varit",
            "flög",
            "flugit",
            "var där",
            "passerat",
        ),
        "already": ("redan", "tidigare"),
        "ago": ("sedan", "sen"),
        "vague": (
            "nästa",
            "kommande",
            "snart",
            "senare",
            "nån gång",
            "någon gång",
            "i veckan",
            "den här veckan",
            "denna vecka",
            "i månaden",
            "den här månaden",
            "denna månad",
        ),
    },
    "en": {
        "past": (
            "yesterday",
            "last week",
            "last month",
            "last",
            "ago",
            "travelled",
            "traveled",
            "went",
            "been",
            "was there",
            "passed",
            "past",
        ),
        "already": ("already", "earlier", "previously", "before"),
        "vague": ("next", "soon", "later", "coming", "upcoming", "sometime", "this week", "this month"),
    },
    "ar": {
        "past": (
            "أمس",
            "البارحة",
            "مبارح",
            "امبارح",
            "الاسبوع الماضي",
            "الشهر الماضي",
            "الماضي",
            "الماضية",
            "سافرت",
            "ذهبت",
            "رحت",
            "كنت هناك",
            "فات",
        ),
        "already": ("بالفعل", "مسبقا", "سابقا", "خلاص", "من قبل"),
        "ago": ("قبل", "منذ"),
        "vague": ("القادم", "القادمة", "الجاي", "الجاية", "قريبا", "لاحقا", "هذا الأسبوع", "هذا الشهر"),
        "neutral": ("بعد",),  # "after": "بعد أسبوع" is "in a week", not the Persian "next"
    },
    "fa": {
        "past": (
            "دیروز",
            "پریروز",
            "هفته پیش",
            "هفته قبل",
            "هفته گذشته",
            "ماه پیش",
            "ماه قبل",
            "ماه گذشته",
            "گذشته",
            "رفتم",
            "رفته ام",
            "سفر کردم",
            "بودم",
            "رفته بودم",
        ),
        "already": ("قبلا", "از قبل"),
        "ago": ("پیش", "قبل"),
        "vague": ("آینده", "بعد", "بعدا", "بزودی", "به زودی", "این هفته", "این ماه"),
    },
    "so": {
        "past": (
            "shalay",
            "doraad",
            "toddobaadkii hore",
            "toddobaadkii la soo dhaafay",
            "usbuucii hore",
            "bishii hore",
            "safartay",
            "tagay",
            "aaday",
            "socdaalay",
            "soo noqday",
            "dhaafay",
        ),
        "already": ("hore", "horay", "horey", "horeba", "horeyba"),
        "ago": ("ka hor", "kahor"),
        "vague": ("soo socda", "socda", "dambe", "dhawaan", "mar dambe", "toddobaadkan", "usbuucan", "bishan"),
    },
    "ti": {
        "past": ("ትማሊ", "ቅድሚ ትማሊ", "ዝሓለፈ ሰሙን", "ዝሓለፈ ወርሒ", "ዝሓለፈ", "ከይደ", "ተጓዒዘ", "ነይረ", "ሓሊፉ"),
        "already": ("ድሮ", "ቅድም"),
        "ago": ("ቅድሚ",),
        "vague": ("ዝመጽእ", "ቀጺሉ ዘሎ", "ቀልጢፉ", "እዚ ሰሙን", "እዚ ወርሒ"),
    },
}
_WEEKDAYS: dict[str, tuple[tuple[str, ...], ...]] = {  # Monday first, as datetime.weekday()
    "sv": (
        ("måndag", "måndagen"),
        ("tisdag", "tisdagen"),
        ("onsdag", "onsdagen"),
        ("torsdag", "torsdagen"),
        ("fredag", "fredagen"),
        ("lördag", "lördagen"),
        ("söndag", "söndagen"),
    ),
    "en": (
        ("monday", "mon"),
        ("tuesday", "tue"),
        ("wednesday", "wed"),
        ("thursday", "thu"),
        ("friday", "fri"),
        ("saturday",),
        ("sunday",),
    ),
    "ar": (("الاثنين", "الإثنين"), ("الثلاثاء",), ("الأربعاء",), ("الخميس",), ("الجمعة",), ("السبت",), ("الأحد",)),
    "fa": (
        ("دوشنبه",),
        ("سه شنبه", "سه‌شنبه"),
        ("چهارشنبه", "چهار شنبه"),
        ("پنجشنبه", "پنج شنبه"),
        ("جمعه",),
        ("شنبه",),
        ("یکشنبه", "یک شنبه"),
    ),
    "so": (
        ("isniin", "isniinta"),
        ("talaado", "talaadada"),
        ("arbaco", "arbacada"),
        ("khamiis", "khamiista"),
        ("jimce", "jimcaha"),
        ("sabti", "sabtida"),
        ("axad", "axadda"),
    ),
    "ti": (("ሰኑይ",), ("ሰሉስ",), ("ረቡዕ",), ("ሓሙስ",), ("ዓርቢ",), ("ቀዳም",), ("ሰንበት",)),
}
_ORDINAL_SUFFIXES = {"e", "th", "st", "nd", "rd"}
_DAY_OF_MONTH_BEFORE = {"den", "the"}

DAY_TABLE: Table = {
    lang: {
        **{p: Word("unit", size, implied) for p, (size, implied) in _DAY_UNITS[lang].items()},
        **{p: Word("anchor", days) for p, days in _ANCHORS[lang].items()},
        **{p: Word(kind) for kind, phrases in _MARKERS[lang].items() for p in phrases},
        **{p: Word("weekday", day) for day, names in enumerate(_WEEKDAYS[lang]) for p in names},
    }
    for lang in _DAY_UNITS
}
# Hours and minutes count too ("in 48 hours"), in days, but only with a number: "ساعت ۱۰" is ten o'clock.
_SHORT_UNITS: Table = {
    lang: {p: Word("unit", w.value / 1440) for p, w in table.items() if w.value} for lang, table in DURATION_UNITS.items()
}

_ISO_RE = re.compile(r"\b(\d{4}) - (\d{1,2}) - (\d{1,2})\b")
_DMY_RE = re.compile(r"\b(\d{1,2})/(\d{1,2})(?:/(\d{2,4}))?\b|\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")


_MONTH_LOCALES = {
    "sv": ("sv",),
    "en": ("en",),
    "ar": ("ar", "ar_SY"),
    "fa": ("fa", "fa_AF"),
    "so": ("so",),
    "ti": ("ti",),
}


@functools.lru_cache(maxsize=1)
def _month_table() -> Table:
    """Month names from CLDR: "april", "نيسان", "آوریل", "Abriil", "ሚያዝያ" (abbreviations for Latin script only)."""
    table: dict[str, dict[str, Word]] = {}
    for lang, locales in _MONTH_LOCALES.items():
        entries: dict[str, Word] = {}
        for locale in locales:
            months = Locale.parse(locale).months
            kinds = [months["format"]["wide"], months["stand-alone"]["wide"]]
            if lang in ("sv", "en", "so"):
                kinds.append(months["format"]["abbreviated"])
            for names in kinds:
                for number, name in names.items():
                    name = normalise(name, lang)
                    if len(name) >= (2 if "\u1200" <= name[:1] <= "\u137f" else 3):  # not "می", "مه", "اب"
                        entries.setdefault(name, Word("month", number))
        table[lang] = entries
    return table


@functools.lru_cache(maxsize=8)
def _lexicon(lang: str | None) -> Lexicon:
    tables = [DAY_TABLE, _SHORT_UNITS, _month_table(), NUMBER_TABLE]
    return build_lexicon(lang, tables, ARABIC_PREFIXES, TIGRINYA_SUFFIXES)


def _dates(norm: str, today: dt.date) -> tuple[list[int], str]:
    """Days to each written date (2024-05-17, 17/5, 17.5.2024), and the text without them."""
    found: list[int] = []

    def iso(match: re.Match[str]) -> str:
        year, month, day = (int(g) for g in match.groups())
        found.extend(_days_to(today, year, month, day))
        return " "

    def dmy(match: re.Match[str]) -> str:
        groups = [g for g in match.groups() if g is not None]
        day, month = int(groups[0]), int(groups[1])
        year = int(groups[2]) if len(groups) > 2 else None
        if year is not None and year < 100:
            year += 2000
        if year is None:
            upcoming = _days_to(today, today.year, month, day)
            if upcoming and upcoming[0] < -180:  # "3/1" said in December: next year
                upcoming = _days_to(today, today.year + 1, month, day)
            found.extend(upcoming)
        else:
            found.extend(_days_to(today, year, month, day))
        return " "

    norm = _ISO_RE.sub(iso, norm)
    norm = _DMY_RE.sub(dmy, norm)
    return found, norm


def _days_to(today: dt.date, year: int, month: int, day: int) -> list[int]:
    try:
        return [(dt.date(year, month, day) - today).days]
    except ValueError:
        return []


def _day_of_month(today: dt.date, day: int) -> int | None:
    """Days to the next `day`th of a month ("den 15", "the 15th")."""
    if not 1 <= day <= 31 or day != int(day):
        return None
    year, month = today.year, today.month
    for _ in range(3):
        if day <= calendar.monthrange(year, month)[1] and dt.date(year, month, int(day)) >= today:
            return (dt.date(year, month, int(day)) - today).days
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return None


def _month_days(today: dt.date, month: int, day: float) -> int | None:
    """Days to `day` `month` ("15 april", "April 15th"); a date long gone means next year."""
    if day != int(day):
        return None
    for year in (today.year, today.year + 1):
        days = _days_to(today, year, month, int(day))
        if days and days[0] >= -180:
            return days[0]
    return None


def _month_dates(items: list[Word], today: dt.date) -> tuple[list[int], set[int]]:
    """Days to each "15 april" / "April 15" / "15th of April", and the indexes of the words used."""
    found: list[int] = []
    used: set[int] = set()
    for index, word in enumerate(items):
        if word.kind != "month":
            continue
        for j in (index - 1, index - 2, index - 3, index + 1):
            if 0 <= j < len(items) and j not in used and items[j].kind == "num" and 1 <= items[j].value <= 31:
                between = items[min(j, index) + 1 : max(j, index)]
                if all(w.kind in ("filler", "article") or w.text in _ORDINAL_SUFFIXES for w in between):
                    days = _month_days(today, word.value, items[j].value)
                    if days is not None:
                        found.append(days)
                        used.update((index, j))
                    break
        used.add(index)  # a month without a day says nothing usable
    return found, used


@never_raise
def parse_days_until(text: Any, lang: str | None, today: dt.date | None = None) -> int | None:
    """Whole days from today to the event; -1 if it has already happened; None if unclear.

    `today` is for tests; weekdays ("på fredag") and dates ("17/5", "15 april") count from it.
    "next Friday" is None: people mean this week's or next week's Friday about equally often.
    """
    today = today or dt.date.today()
    found, norm = _dates(normalise(text, lang), today)
    items = merge_numbers(words(norm, lang, _lexicon))  # normalising twice changes nothing
    months, used = _month_dates(items, today)
    found += months
    past = already = vague = False
    weekdays: list[int] = []
    rest: list[Word] = []
    for index, word in enumerate(items):
        if index in used:
            continue
        kind = word.kind
        prev = items[index - 1] if index else None
        nxt = items[index + 1] if index + 1 < len(items) else None
        if kind == "unit" and nxt is not None and nxt.kind == "weekday" and (prev is None or prev.kind != "num"):
            continue  # "يوم الجمعة", "the day Friday": the weekday says it
        if kind == "anchor":
            found.append(word.value)
        elif kind == "weekday":
            weekdays.append((word.value - today.weekday()) % 7 or 7)
        elif kind == "past":
            past = True
        elif kind == "already":
            already = True
        elif kind == "vague":
            vague = True
        elif kind == "ago":
            past = past or any(w is not None and w.kind in ("unit", "num", "range") for w in (prev, nxt))
        elif kind == "num" and (
            (nxt is not None and nxt.kind == "other" and nxt.text in _ORDINAL_SUFFIXES)
            or (
                prev is not None
                and prev.kind == "other"
                and prev.text in _DAY_OF_MONTH_BEFORE
                and (nxt is None or nxt.kind != "unit")
            )
        ):
            days = _day_of_month(today, word.value)
            if days is not None:
                found.append(days)
        else:
            rest.append(word)
    if past:
        return PAST
    if not vague:
        found += weekdays
    amount = measure(rest, min)
    total = amount.total(min)
    if total is not None and (amount.counted or not vague):
        found.append(total)
    elif amount.bare is not None and not found:
        found.append(value_of(amount.bare, min))
    if not found:
        return PAST if already else None
    days = math.floor(min(found))
    if days < 0:
        return PAST
    return days if days <= MAX_DAYS else None
