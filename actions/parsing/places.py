"""Where a trip goes: "sweden", "eea" or "outside", from country names in CLDR (via Babel).

Resebidrag covers interviews in Sweden and, with other rules, in the EU/EEA; every other
territory is "outside". Names come from CLDR for all six languages (and Dari), so "Turkiet",
"تركيا", "ترکیه", "Turki" and "ቱርኪ" all work without a hand-made list.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from babel import Locale

from .text import Lexicon, Table, Word, build_lexicon, never_raise, words

SWEDEN, EEA, OUTSIDE = "sweden", "eea", "outside"
EU_MEMBERS = frozenset(
    (
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "FR",
        "DE",
        "GR",
        "HU",
        "IE",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "NL",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "ES",
        "SE",
    )
)
EEA_MEMBERS = EU_MEMBERS | {"IS", "LI", "NO"}
# Parts of EU states that CLDR lists separately: Åland, Canary Islands, Ceuta/Melilla, French overseas regions.
_EU_PARTS = frozenset(("AX", "IC", "EA", "GF", "GP", "MQ", "RE", "YT", "MF"))
_REGIONS = {"150": EEA, "EU": EEA, "EZ": EEA}  # Europe, European Union, Eurozone
# the world, European subregions (Eastern Europe is not the EEA), unknown
_SKIP = frozenset(("001", "039", "151", "154", "155", "UN", "ZZ", "XA", "XB"))

_LOCALES = {"sv": ("sv",), "en": ("en",), "ar": ("ar",), "fa": ("fa", "fa_AF"), "so": ("so",), "ti": ("ti",)}
_PARENS = re.compile(r"\s*\(([^)]*)\)")

_SWEDISH_TOWNS = (
    "stockholm",
    "göteborg",
    "malmö",
    "uppsala",
    "västerås",
    "örebro",
    "linköping",
    "helsingborg",
    "jönköping",
    "norrköping",
    "lund",
    "umeå",
    "gävle",
    "borås",
    "södertälje",
    "eskilstuna",
    "halmstad",
    "växjö",
    "karlstad",
    "sundsvall",
    "östersund",
    "trollhättan",
    "luleå",
    "kalmar",
    "kristianstad",
    "skövde",
    "falun",
    "borlänge",
    "visby",
    "kiruna",
    "skellefteå",
    "norrtälje",
    "varberg",
    "uddevalla",
    "örnsköldsvik",
    "karlskrona",
    "nyköping",
    "motala",
    "landskrona",
    "solna",
    "sollentuna",
    "huddinge",
    "botkyrka",
    "järfälla",
    "täby",
    "nacka",
    "haninge",
    "gällivare",
    "hässleholm",
)
# Names people use that CLDR spells otherwise, and the biggest Swedish towns.
_ALIASES: dict[str, dict[str, str]] = {
    "sv": {
        "holland": "NL",
        "england": "GB",
        "skottland": "GB",
        "wales": "GB",
        "nordirland": "GB",
        "amerika": "US",
        "förenta staterna": "US",
        "turkiet": "TR",
        "emiraten": "AE",
        "dubai": "AE",
        **dict.fromkeys(_SWEDISH_TOWNS, "SE"),
        "oslo": "NO",
        "köpenhamn": "DK",
        "helsingfors": "FI",
        "reykjavik": "IS",
        "berlin": "DE",
        "paris": "FR",
        "london": "GB",
    },
    "en": {
        "sweden": "SE",
        "gothenburg": "SE",
        "usa": "US",
        "america": "US",
        "uk": "GB",
        "england": "GB",
        "scotland": "GB",
        "wales": "GB",
        "holland": "NL",
        "czech republic": "CZ",
        "turkey": "TR",
        "ivory coast": "CI",
        "burma": "MM",
        "swaziland": "SZ",
        "macedonia": "MK",
        "copenhagen": "DK",
        "helsinki": "FI",
    },
    "ar": {
        "أمريكا": "US",
        "امريكا": "US",
        "بريطانيا": "GB",
        "انجلترا": "GB",
        "انكلترا": "GB",
        "السعودية": "SA",
        "الامارات": "AE",
        "دبي": "AE",
        "ستوكهولم": "SE",
        "غوتنبرغ": "SE",
        "يوتيبوري": "SE",
        "مالمو": "SE",
        "أوبسالا": "SE",
    },
    "fa": {
        "آمریکا": "US",
        "امریکا": "US",
        "انگلیس": "GB",
        "انگلستان": "GB",
        "عربستان": "SA",
        "امارات": "AE",
        "دبی": "AE",
        "سوید": "SE",
        "استکهلم": "SE",
        "گوتنبرگ": "SE",
        "یوتبوری": "SE",
        "مالمو": "SE",
        "اوپسالا": "SE",
    },
    "so": {
        "swiidhan": "SE",
        "iswiidhan": "SE",
        "sweden": "SE",
        "maraykan": "US",
        "mareykan": "US",
        "mareykanka": "US",
        "ingiriis": "GB",
        "ingiriiska": "GB",
        "ingriiska": "GB",
        "noorway": "NO",
        "turkiga": "TR",
        "imaaraadka": "AE",
    },
    "ti": {"ኣሜሪካ": "US", "እንግሊዝ": "GB", "ስቶክሆልም": "SE", "ሽወድን": "SE"},
}
_KEYWORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "sv": {
        EEA: (
            "eu",
            "ees",
            "europa",
            "europeiska unionen",
            "eu land",
            "ees land",
            "eu länder",
            "norden",
            "skandinavien",
            "europeiskt land",
        ),
        "home": ("här", "hemma", "inrikes", "i stan", "här i stan"),
        "pre": ("utanför", "utom", "inte", "ej", "icke", "inte i", "ej i"),
    },
    "en": {
        EEA: (
            "eu",
            "eea",
            "europe",
            "european union",
            "european economic area",
            "scandinavia",
            "nordic countries",
            "nordics",
            "european country",
        ),
        "home": ("here", "domestic", "locally", "in town"),
        "pre": ("outside", "outside of", "non", "not", "not in", "out of", "beyond"),
    },
    "ar": {
        EEA: (
            "الاتحاد الأوروبي",
            "الاتحاد الاوربي",
            "أوروبا",
            "اوربا",
            "أوروبي",
            "أوروبية",
            "دول الاتحاد الأوروبي",
            "اسكندنافيا",
        ),
        "home": ("هنا", "هون"),
        "pre": ("خارج", "غير", "ليس في", "مش في"),
    },
    "fa": {
        EEA: ("اروپا", "اتحادیه اروپا", "اروپایی", "اسکاندیناوی"),
        "home": ("اینجا", "همینجا"),
        "pre": ("خارج", "خارج از", "بیرون", "بیرون از", "غیر"),
    },
    "so": {
        EEA: ("yurub", "yurubta", "midowga yurub", "midowga yurubta", "iskandineefiya"),
        "home": ("halkan", "halkaan"),
        "post": ("ka baxsan", "baxsan", "dibadda", "aan ahayn"),
    },
    "ti": {
        EEA: ("ኤውሮጳ", "ኣውሮጳ", "ኤውሮፓ", "ሕብረት ኤውሮጳ", "ኤውሮጳዊ ሕብረት"),
        "home": ("ኣብዚ", "ኣብዚ ከተማ"),
        "post": ("ወጻኢ", "ደገ"),
    },
}
# Arabic/Persian write "in", "to", "the" onto the name: "بالسويد", "فيالسويد", "درسوئد", "للسويد".
_PREFIXES: dict[str, Word | None] = dict.fromkeys(("ال", "ب", "بال", "في", "در", "و", "وال", "ل", "لل"))
_TIERS = {"country": 2, "region": 1, "home": 0}
_RANK = {OUTSIDE: 2, EEA: 1, SWEDEN: 0}


def category(code: str) -> str | None:
    """sweden / eea / outside for a CLDR territory code; None for the world and unknown regions."""
    if code in _SKIP:
        return None
    if code == "SE":
        return SWEDEN
    if code in EEA_MEMBERS or code in _EU_PARTS or code in _REGIONS:
        return EEA
    return OUTSIDE


def _name_variants(name: str) -> set[str]:
    """ "Myanmar (Burma)" -> both names; "Bosnia & Herzegovina" with "and"; "السويد" also as "سويد"."""
    names = {_PARENS.sub("", name), *_PARENS.findall(name), name.replace("&", " and ")}
    for item in tuple(names):
        if "\u200c" in item:
            names.add(item.replace("\u200c", ""))  # Persian typed without the ZWNJ
        if item.startswith("ال") and len(item) > 4:
            names.add(item[2:])
    # Two Latin letters are too easily a word; two Ge'ez or Arabic letters are a name ("ቻድ", "چک").
    return {item.strip() for item in names if len(item.strip()) >= (3 if item.isascii() else 2)}


@functools.lru_cache(maxsize=1)
def place_table() -> Table:
    """CLDR territory names of each language, plus aliases and the keyword lists above."""
    table: dict[str, dict[str, Word]] = {}
    for lang, locales in _LOCALES.items():
        entries: dict[str, Word] = {}
        for phrase, code in _ALIASES.get(lang, {}).items():
            entries[phrase] = Word("country", category(code))
        for kind, phrases in _KEYWORDS[lang].items():
            for phrase in phrases:
                if kind in ("pre", "post"):
                    entries.setdefault(phrase, Word("outside", kind))
                elif kind == "home":
                    entries.setdefault(phrase, Word("home", SWEDEN))
                else:
                    entries.setdefault(phrase, Word("region", kind))
        for locale in locales:
            for code, name in Locale.parse(locale).territories.items():
                place = category(code)
                if place is None:
                    continue
                kind = "region" if code in _REGIONS or code.isdigit() else "country"
                for variant in _name_variants(name):
                    entries.setdefault(variant, Word(kind, place))
        table[lang] = entries
    return table


@functools.lru_cache(maxsize=8)
def _lexicon(lang: str | None) -> Lexicon:
    lex = build_lexicon(lang, [place_table()], _PREFIXES)
    if lang == "en":
        lex.phrases.pop(("island",), None)  # Swedish for Iceland, English for an island
    return lex


def _negated(items: list[Word], index: int) -> bool:
    before = items[max(0, index - 3) : index]
    after = items[index + 1 : index + 3]
    return any(w.kind == "outside" and w.value == "pre" for w in before) or any(
        w.kind == "outside" and w.value == "post" for w in after
    )


@never_raise
def parse_destination(text: Any, lang: str | None) -> str | None:
    """ "sweden", "eea", "outside" or None.

    A named country beats a region keyword ("Norge, inte EU" is eea), and of several countries the
    most foreign wins, since people name where they live as well as where they go.
    "utanför EU" / "outside the EU" is outside; "utanför Sverige" alone is too vague and gives None.
    """
    items = words(text, lang, _lexicon)
    best: tuple[int, int, str] | None = None
    for index, word in enumerate(items):
        if word.kind not in _TIERS or word.value is None:
            continue
        place = word.value
        if _negated(items, index):
            if word.kind != "region":
                continue
            place = OUTSIDE
        found = (_TIERS[word.kind], _RANK[place], place)
        best = found if best is None or found > best else best
    return best[2] if best else None
