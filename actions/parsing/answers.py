"""Yes/no answers and ages, the two answer types of the eligibility questions."""

from __future__ import annotations

import functools
from typing import Any

from .numbers import ARABIC_PREFIXES, NUMBER_TABLE, TIGRINYA_SUFFIXES, number_words
from .text import Lexicon, Table, Word, build_lexicon, coerce, never_raise, words

# Longest phrase wins, so "not sure" is unsure although "sure" is yes, "no problem" yes although
# "no" is no, and "لا أعرف" unsure although "لا" is no.
_ANSWERS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        "yes": (
            "ja",
            "japp",
            "jepp",
            "jajamän",
            "jadå",
            "javisst",
            "ja visst",
            "ja tack",
            "jo",
            "joho",
            "jovisst",
            "absolut",
            "visst",
            "självklart",
            "såklart",
            "precis",
            "exakt",
            "stämmer",
            "det stämmer",
            "korrekt",
            "rätt",
            "okej",
            "ok",
            "mm",
            "mhm",
            "aa",
            "det är jag",
            "jag är det",
            "det har jag",
            "jag har det",
            "det gör jag",
            "det är det",
            "sant",
            "givetvis",
            "definitivt",
        ),
        "no": (
            "nej",
            "nä",
            "näe",
            "nää",
            "nej tack",
            "nix",
            "nope",
            "nejdå",
            "nej då",
            "icke",
            "ej",
            "inte",
            "aldrig",
            "inte än",
            "inte ännu",
            "inte riktigt",
            "inte alls",
            "stämmer inte",
            "det stämmer inte",
            "fel",
            "det är jag inte",
            "jag är inte",
            "det har jag inte",
            "jag har inte",
            "inte det",
            "det gör jag inte",
            "det är det inte",
            "falskt",
        ),
        "unsure": (
            "vet inte",
            "vet ej",
            "jag vet inte",
            "ingen aning",
            "kanske",
            "osäker",
            "inte säker",
            "inte säkert",
            "vet inte riktigt",
            "typ",
            "eventuellt",
            "möjligen",
        ),
    },
    "en": {
        "yes": (
            "yes",
            "yeah",
            "yea",
            "yep",
            "yup",
            "ya",
            "yes please",
            "sure",
            "of course",
            "absolutely",
            "definitely",
            "certainly",
            "correct",
            "right",
            "thats right",
            "indeed",
            "affirmative",
            "ok",
            "okay",
            "true",
            "i am",
            "i do",
            "i have",
            "i did",
            "it is",
            "no problem",
            "of course i am",
        ),
        "no": (
            "no",
            "nope",
            "nah",
            "not",
            "never",
            "negative",
            "no way",
            "not really",
            "not yet",
            "im not",
            "i am not",
            "i dont",
            "i do not",
            "i havent",
            "i have not",
            "i didnt",
            "it isnt",
            "isnt",
            "false",
            "incorrect",
            "wrong",
            "no thanks",
            "not at all",
            "not right",
            "not correct",
            "not true",
        ),
        "unsure": (
            "dont know",
            "do not know",
            "i dont know",
            "dunno",
            "not sure",
            "unsure",
            "maybe",
            "perhaps",
            "idk",
            "no idea",
            "no clue",
            "possibly",
            "might",
            "may be",
            "may",
            "im not sure",
            "i am not sure",
        ),
    },
    "ar": {
        "yes": (
            "نعم",
            "أيوه",
            "ايوه",
            "ايوا",
            "اي",
            "إي",
            "أجل",
            "بلى",
            "طبعا",
            "أكيد",
            "صح",
            "صحيح",
            "تمام",
            "موافق",
            "اه",
            "آه",
            "اها",
            "نعم انا",
            "بالتأكيد",
            "بالطبع",
            "اكيد",
        ),
        "no": (
            "لا",
            "لأ",
            "كلا",
            "لا لا",
            "مش",
            "مو",
            "ليس",
            "لست",
            "لم",
            "لسا",
            "لسه",
            "أبدا",
            "مستحيل",
            "لا شكرا",
            "غلط",
            "خطأ",
            "ماني",
            "مانيش",
        ),
        "unsure": (
            "لا أعرف",
            "لا اعرف",
            "ما أعرف",
            "ما بعرف",
            "مش عارف",
            "مو عارف",
            "ما اعرف",
            "معرفش",
            "مش متأكد",
            "لست متأكدا",
            "لست متأكد",
            "مو متأكد",
            "غير متأكد",
            "ربما",
            "يمكن",
            "ممكن",
            "لا أدري",
            "لا ادري",
            "الله أعلم",
        ),
    },
    "fa": {
        "yes": (
            "بله",
            "بلی",
            "آره",
            "آری",
            "البته",
            "حتما",
            "درسته",
            "درست است",
            "درست",
            "صحیح",
            "اوهوم",
            "هستم",
            "بله هستم",
            "دارم",
            "ها",
            "باشه",
            "اوکی",
        ),
        "no": (
            "نه",
            "نخیر",
            "خیر",
            "نچ",
            "نه خیر",
            "اصلا",
            "هرگز",
            "نیستم",
            "ندارم",
            "نشدم",
            "نکردم",
            "نی",
            "هنوز نه",
            "غلط",
            "نادرست",
        ),
        "unsure": (
            "نمیدونم",
            "نمی دونم",
            "نمی دانم",
            "نمیدانم",
            "نمیدونم والا",
            "مطمئن نیستم",
            "شاید",
            "معلوم نیست",
            "خبر ندارم",
        ),
    },
    "so": {
        "yes": (
            "haa",
            "haye",
            "haah",
            "waa sax",
            "sax",
            "waa hagaag",
            "hagaag",
            "haa waan ahay",
            "waan ahay",
            "dabcan",
            "hubaal",
            "runtii",
            "waa run",
            "haa waa",
        ),
        "no": (
            "maya",
            "mayo",
            "may",
            "maya maya",
            "ma ahan",
            "maahan",
            "maaha",
            "ma ahi",
            "ma ihi",
            "ma lihi",
            "weligey",
            "weligay",
            "waligay",
            "ma jiro",
            "ma aha",
            "ma ahin",
            "ma haysto",
        ),
        "unsure": (
            "ma garanayo",
            "garan maayo",
            "ma aqaan",
            "ma aqaano",
            "aan garanayn",
            "ma hubo",
            "ma hubaa",
            "laga yaabee",
            "malaha",
            "ma hubin",
            "shaki",
        ),
    },
    "ti": {
        "yes": ("እወ", "እዋ", "ሕራይ", "ርግጽ", "ልክዕ", "እወ እየ", "ኣለኒ", "ብርግጽ", "ሓቂ", "ሓቅኻ"),
        "no": ("ኣይፋል", "ኣይፋሉን", "የለን", "የለኹን", "የብለይን", "ኣይኮንኩን", "ኣይኮነን", "ፈጺሙ", "ገና", "የለን የለን"),
        "unsure": ("ኣይፈልጥን", "ኣይፈለጥኩን", "ርግጸኛ ኣይኮንኩን", "ምናልባት", "ይኸውን ይኸውን", "ምናልባሽ"),
    },
}
_EMOJI = {"👍": "yes", "✅": "yes", "✔": "yes", "👌": "yes", "👎": "no", "❌": "no", "✖": "no", "🚫": "no"}

ANSWER_TABLE: Table = {
    lang: {phrase: Word(kind) for kind, phrases in table.items() for phrase in phrases} for lang, table in _ANSWERS.items()
}


@functools.lru_cache(maxsize=8)
def _answer_lexicon(lang: str | None) -> Lexicon:
    return build_lexicon(lang, [ANSWER_TABLE], {"و": None}, {"ን": None}, squeeze=True)  # "ونعم", "ኣይፋልን", "jaaa"


@never_raise
def parse_yes_no(text: str, lang: str | None) -> bool | None:
    """True/False for a clear yes or no; None for "don't know", mixed answers and anything else.

    A wrong yes could send someone off believing they qualify, so doubt always gives None.
    """
    raw = coerce(text)
    kinds = {_EMOJI[ch] for ch in raw if ch in _EMOJI}
    kinds |= {word.kind for word in words(raw, lang, _answer_lexicon)}
    if "unsure" in kinds or ("yes" in kinds) == ("no" in kinds):
        return None
    return "yes" in kinds


_AGE_WORDS: dict[str, tuple[str, ...]] = {
    "sv": ("år", "års", "åring", "årig", "åringar", "gammal", "ålder", "fyllt"),
    "en": ("years", "year", "yrs", "yr", "yo", "old", "age", "aged"),
    "ar": ("سنة", "سنوات", "سنين", "عام", "أعوام", "عمري", "عمر", "سني", "العمر"),
    "fa": ("سال", "سالمه", "سالم", "سالمه", "سن", "سنم", "ساله", "عمرم"),
    "so": ("sano", "sanadood", "sanno", "jir", "jiro", "jirsaday", "da", "dadayda", "dadaydu", "cimri"),
    "ti": ("ዓመት", "ዓመተይ", "ዓመታት", "ዕድመ", "ዕድመይ", "ዓመቱ"),
}
# "over 18" / "turning 19" answer the yes/no question, not "how old": the caller asks again.
_COMPARATIVES: dict[str, tuple[str, ...]] = {
    "sv": ("över", "under", "mer än", "mindre än", "minst", "äldre än", "yngre än", "nästan", "snart", "fyller"),
    "en": (
        "over",
        "under",
        "above",
        "below",
        "more than",
        "less than",
        "at least",
        "older than",
        "younger than",
        "almost",
        "nearly",
        "turning",
        "turn",
    ),
    "ar": ("فوق", "أكثر من", "اكثر من", "أقل من", "اقل من", "تحت", "أكبر من", "اكبر من", "تقريبا"),
    "fa": ("بالای", "بالاى", "بیشتر از", "کمتر از", "زیر", "بالا", "تقریبا"),
    "so": ("ka badan", "ka yar", "ka weyn", "ku dhow", "ku dhawaad"),
    "ti": ("ልዕሊ", "ትሕቲ", "ንላዕሊ", "ኣስታት"),
}
AGE_TABLE: Table = {
    lang: {
        **{phrase: Word("age_word") for phrase in _AGE_WORDS[lang]},
        **{phrase: Word("comparative") for phrase in _COMPARATIVES[lang]},
    }
    for lang in _AGE_WORDS
}
MIN_AGE, MAX_AGE = 1, 120


@functools.lru_cache(maxsize=8)
def _age_lexicon(lang: str | None) -> Lexicon:
    return build_lexicon(lang, [AGE_TABLE, NUMBER_TABLE], ARABIC_PREFIXES, TIGRINYA_SUFFIXES)


def _near_age_word(items: list[Word], index: int) -> bool:
    return any(0 <= j < len(items) and items[j].kind == "age_word" for j in (index - 1, index + 1))


@never_raise
def parse_age(text: Any, lang: str | None) -> int | None:
    """The age in "19", "jag är 19 år", "I'm nineteen", "عمري ٢٥"; None if unsure which number it is.

    Birth years, ranges and "over 18" give None: guessing an age near the limit would be unfair.
    """
    items = number_words(text, lang, _age_lexicon)
    if any(word.kind in ("comparative", "range") for word in items):
        return None
    numbers = [(i, w) for i, w in enumerate(items) if w.kind == "num" and not w.weak]
    if len(numbers) > 1:
        numbers = [(i, w) for i, w in numbers if _near_age_word(items, i)]
    if len(numbers) != 1:
        return None
    value = numbers[0][1].value
    if not MIN_AGE <= value <= MAX_AGE:
        return None
    return int(value)
