"""Number words (0-31, the tens, 100, halves and quarters) in the six languages, and `parse_number`.

Compounds are built by rule rather than listed: "twenty five", "بیست و پنج", "خمسة وعشرون",
"shan iyo labaatan", "ዕስራን ሓደን" and "ዓሰርተ ትሽዓተ" all come out of `merge_numbers`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from .text import Lexicon, Table, Word, build_lexicon, never_raise, words

_SV_UNITS = {"ett": 1, "en": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8, "nio": 9}
_SV_TENS = {
    "tjugo": 20,
    "tjugu": 20,
    "tjuge": 20,
    "trettio": 30,
    "tretti": 30,
    "fyrtio": 40,
    "förtio": 40,
    "förti": 40,
    "fyrti": 40,
    "femtio": 50,
    "femti": 50,
    "sextio": 60,
    "sexti": 60,
    "sjuttio": 70,
    "sjutti": 70,
    "åttio": 80,
    "åtti": 80,
    "nittio": 90,
    "nitti": 90,
}

NUMBER_WORDS: dict[str, dict[str, float]] = {
    "sv": {
        "noll": 0,
        **_SV_UNITS,
        "tio": 10,
        "elva": 11,
        "tolv": 12,
        "tretton": 13,
        "fjorton": 14,
        "femton": 15,
        "sexton": 16,
        "sjutton": 17,
        "arton": 18,
        "aderton": 18,
        "nitton": 19,
        **_SV_TENS,
        "hundra": 100,
        "etthundra": 100,
        "halvannan": 1.5,
        **{tens + unit: tv + uv for tens, tv in _SV_TENS.items() for unit, uv in _SV_UNITS.items()},
    },
    "en": {
        "zero": 0,
        "nought": 0,
        "one": 1,
        "two": 2,
        "three": 3,
        "four": 4,
        "five": 5,
        "six": 6,
        "seven": 7,
        "eight": 8,
        "nine": 9,
        "ten": 10,
        "eleven": 11,
        "twelve": 12,
        "thirteen": 13,
        "fourteen": 14,
        "fifteen": 15,
        "sixteen": 16,
        "seventeen": 17,
        "eighteen": 18,
        "nineteen": 19,
        "twenty": 20,
        "thirty": 30,
        "forty": 40,
        "fourty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
    },
    "ar": {
        "صفر": 0,
        "واحد": 1,
        "واحدة": 1,
        "اثنان": 2,
        "اثنين": 2,
        "اثنتان": 2,
        "اثنتين": 2,
        "اتنين": 2,
        "تنين": 2,
        "ثلاثة": 3,
        "ثلاث": 3,
        "تلاتة": 3,
        "تلات": 3,
        "أربعة": 4,
        "أربع": 4,
        "خمسة": 5,
        "خمس": 5,
        "ستة": 6,
        "ست": 6,
        "سبعة": 7,
        "سبع": 7,
        "ثمانية": 8,
        "ثماني": 8,
        "ثمان": 8,
        "تمانية": 8,
        "تمنية": 8,
        "تسعة": 9,
        "تسع": 9,
        "عشرة": 10,
        "عشر": 10,
        "أحد عشر": 11,
        "إحدى عشرة": 11,
        "حداشر": 11,
        "اثنا عشر": 12,
        "اثني عشر": 12,
        "اثنتا عشرة": 12,
        "اثنتي عشرة": 12,
        "اطناش": 12,
        "اتناشر": 12,
        "تلطاش": 13,
        "اربعطاش": 14,
        "خمسطاش": 15,
        "ستاشر": 16,
        "سطاش": 16,
        "سبعطاش": 17,
        "تمنطاش": 18,
        "تسعطاش": 19,
        "عشرون": 20,
        "عشرين": 20,
        "ثلاثون": 30,
        "ثلاثين": 30,
        "تلاتين": 30,
        "أربعون": 40,
        "أربعين": 40,
        "خمسون": 50,
        "خمسين": 50,
        "ستون": 60,
        "ستين": 60,
        "سبعون": 70,
        "سبعين": 70,
        "ثمانون": 80,
        "ثمانين": 80,
        "تمانين": 80,
        "تسعون": 90,
        "تسعين": 90,
        "مائة": 100,
        "مئة": 100,
        "مية": 100,
        "ميه": 100,
    },
    "fa": {
        "صفر": 0,
        "یک": 1,
        "یه": 1,
        "دو": 2,
        "سه": 3,
        "چهار": 4,
        "چار": 4,
        "پنج": 5,
        "شش": 6,
        "شیش": 6,
        "هفت": 7,
        "هشت": 8,
        "نه": 9,
        "ده": 10,
        "یازده": 11,
        "دوازده": 12,
        "سیزده": 13,
        "چهارده": 14,
        "چارده": 14,
        "پانزده": 15,
        "پونزده": 15,
        "شانزده": 16,
        "شونزده": 16,
        "هفده": 17,
        "هیفده": 17,
        "هجده": 18,
        "هیجده": 18,
        "هژده": 18,
        "نوزده": 19,
        "بیست": 20,
        "سی": 30,
        "چهل": 40,
        "پنجاه": 50,
        "شصت": 60,
        "هفتاد": 70,
        "هشتاد": 80,
        "نود": 90,
        "صد": 100,
        "یکصد": 100,
    },
    "so": {
        "eber": 0,
        "kow": 1,
        "koow": 1,
        "hal": 1,
        "laba": 2,
        "saddex": 3,
        "afar": 4,
        "shan": 5,
        "lix": 6,
        "toddoba": 7,
        "todoba": 7,
        "siddeed": 8,
        "sideed": 8,
        "sagaal": 9,
        "toban": 10,
        "labaatan": 20,
        "soddon": 30,
        "afartan": 40,
        "konton": 50,
        "lixdan": 60,
        "toddobaatan": 70,
        "siddeetan": 80,
        "sagaashan": 90,
        "boqol": 100,
    },
    "ti": {
        "ዜሮ": 0,
        "ባዶ": 0,
        "ሓደ": 1,
        "ሐደ": 1,
        "ክልተ": 2,
        "ሰለስተ": 3,
        "ኣርባዕተ": 4,
        "ኣርባዓተ": 4,
        "ኣርበዓተ": 4,
        "ሓሙሽተ": 5,
        "ሽዱሽተ": 6,
        "ሸውዓተ": 7,
        "ሾብዓተ": 7,
        "ሸሞንተ": 8,
        "ትሽዓተ": 9,
        "ተሽዓተ": 9,
        "ዓሰርተ": 10,
        "ዐሰርተ": 10,
        "ዓስርተ": 10,
        "ዕስራ": 20,
        "ዒስራ": 20,
        "ሰላሳ": 30,
        "ኣርብዓ": 40,
        "ኣርበዓ": 40,
        "ሓምሳ": 50,
        "ስሳ": 60,
        "ሱሳ": 60,
        "ሰብዓ": 70,
        "ሰማንያ": 80,
        "ቴስዓ": 90,
        "ሚእቲ": 100,
    },
}
# Number words that are mostly articles ("en bil", "یه ساعت"): a number only when nothing better is there.
_WEAK = {"en", "ett", "یه", "hal"}

FRACTIONS: dict[str, dict[str, float]] = {
    "sv": {"halv": 0.5, "halvt": 0.5, "halva": 0.5, "kvart": 0.25, "kvarten": 0.25, "kvarts": 0.25},
    "en": {"half": 0.5, "quarter": 0.25, "quarters": 0.25},
    "ar": {"نصف": 0.5, "نص": 0.5, "ربع": 0.25, "ثلث": 1 / 3},
    "fa": {"نیم": 0.5, "نصف": 0.5, "ربع": 0.25},
    "so": {"bar": 0.5, "badh": 0.5, "nus": 0.5, "rubuc": 0.25},
    "ti": {"ፍርቂ": 0.5, "ፈረቓ": 0.5, "ርብዒ": 0.25},
}
# "and" glues "two and a half", "بیست و پنج", "saacad iyo bar"; "to"/"or" make ranges ("2-3", "2 or 3").
CONNECTORS: dict[str, dict[str, str]] = {
    "sv": {"och": "and", "å": "and", "till": "to", "eller": "or", "à": "to"},
    "en": {"and": "and", "n": "and", "to": "to", "or": "or", "a": "article", "an": "article", "of": "filler"},
    "ar": {"و": "and", "الى": "to", "إلى": "to", "او": "or", "أو": "or"},
    "fa": {"و": "and", "تا": "to", "یا": "or"},
    "so": {"iyo": "and", "oo": "and", "ilaa": "to", "ama": "or"},
    "ti": {"ን": "and", "ክሳብ": "to", "ወይ": "or", "ወይስ": "or"},
}

NUMBER_TABLE: Table = {
    lang: {
        **{phrase: Word("num", float(value), weak=phrase in _WEAK) for phrase, value in NUMBER_WORDS[lang].items()},
        **{phrase: Word("frac", value) for phrase, value in FRACTIONS[lang].items()},
        **{phrase: Word(kind) for phrase, kind in CONNECTORS[lang].items()},
    }
    for lang in NUMBER_WORDS
}
# Clitics that Arabic writes onto the next word: "وعشرون" = "and twenty", "ونصف" = "and a half".
ARABIC_PREFIXES: dict[str, Word | None] = {"و": Word("and"), "ب": None, "ال": None, "بال": None, "وال": None}
TIGRINYA_SUFFIXES: dict[str, Word | None] = {"ን": Word("and")}


@functools.lru_cache(maxsize=8)
def _lexicon(lang: str | None) -> Lexicon:
    return build_lexicon(lang, [NUMBER_TABLE], ARABIC_PREFIXES, TIGRINYA_SUFFIXES)


def is_digits(word: Word) -> bool:
    """Written with digits (never part of a compound number word)."""
    return word.kind == "num" and word.text.lstrip("-")[:1].isdigit()


def _compound(left: float, right: float, glued: bool) -> float | None:
    """The value of two adjacent number words read as one number, or None if they are two numbers."""
    if left in (20, 30, 40, 50, 60, 70, 80, 90, 10) and 1 <= right <= 9 and right == int(right):
        return left + right  # "twenty five", "بیست و پنج", "ዓሰርተ ሓደ"
    if 1 <= left <= 9 and left == int(left) and (right == 10 or (glued and right in (20, 30, 40, 50, 60, 70, 80, 90))):
        return left + right  # "خمسة وعشرون", "kow iyo toban", "تسع عشر"
    if left == 100 and 1 <= right < 100:
        return left + right
    if 1 <= left <= 9 and right == 100 and not glued:
        return left * right  # "two hundred", "laba boqol"
    return None


def merge_numbers(items: list[Word]) -> list[Word]:
    """Join number words into numbers, fractions into numbers, and "2 - 3" / "2 or 3" into ranges."""
    out: list[Word] = []
    # 1. compounds of number words
    for word in items:
        if word.kind == "num" and not is_digits(word) and out:
            glued = len(out) >= 2 and out[-1].kind == "and"
            left = out[-2] if glued else out[-1]
            if left.kind == "num" and not is_digits(left):
                value = _compound(left.value, word.value, glued)
                if value is not None:
                    del out[-2 if glued else -1 :]
                    out.append(Word("num", value, text=f"{left.text} {word.text}"))
                    continue
        if word.kind == "slash":
            top, bottom = word.value
            if 0 < top < bottom:
                if out and is_digits(out[-1]):  # "1 1/2": a mixed number
                    whole = out.pop()
                    word = Word("num", whole.value + top / bottom, text=f"{whole.text} {word.text}")
                else:
                    word = Word("frac", top / bottom, text=word.text)
        out.append(word)
    # 2. "en halv", "tre kvart" (a count of fractions) and then "två och en halv" (a number and a half)
    items, out = out, []
    for word in items:
        if word.kind == "frac" and out and out[-1].kind in ("num", "article"):
            count = out.pop()
            out.append(Word("frac", (count.value if count.kind == "num" else 1) * word.value, text=count.text))
            continue
        out.append(word)
    items, out = out, []
    for word in items:
        if word.kind == "frac" and len(out) >= 2 and out[-1].kind == "and" and out[-2].kind == "num":
            out.pop()
            whole = out.pop()
            out.append(Word("num", whole.value + word.value, text=whole.text))
            continue
        out.append(word)
    # 3. ranges between two real numbers
    items, out = out, []
    for word in items:
        if word.kind == "num" and not word.weak and out:
            linked = len(out) >= 2 and out[-1].kind in ("to", "or", "and")
            left = out[-2] if linked else out[-1]
            if left.kind == "num" and not left.weak:
                del out[-2 if linked else -1 :]
                out.append(Word("range", (left.value, word.value), text=f"{left.text} {word.text}"))
                continue
        out.append(word)
    return out


def number_words(text: Any, lang: str | None, lexicon: Callable[[str | None], Lexicon] | None = None) -> list[Word]:
    """Scanned and merged words of `text`; other parsers pass their own lexicon built on NUMBER_TABLE."""
    return merge_numbers(words(text, lang, lexicon or _lexicon))


@never_raise
def parse_number(text: str, lang: str | None) -> float | None:
    """The first number in the answer, written in digits of any script or as words.

    Articles ("en bil") count only when no other number is there; a range gives its first end.
    """
    items = number_words(text, lang)
    weak: float | None = None
    fraction: float | None = None
    for word in items:
        if word.kind == "num":
            if not word.weak:
                return float(word.value)
            weak = float(word.value) if weak is None else weak
        elif word.kind == "range":
            return float(word.value[0])
        elif word.kind == "frac" and fraction is None:
            fraction = float(word.value)
    return weak if weak is not None else fraction
