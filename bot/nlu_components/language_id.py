"""Which language is this message in, and which languages does it name?

Pure functions (lingua, Babel, rules; no Rasa) so they can be tested on their own; the Rasa
component that uses them is nlu_components.language_gate.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any, Dict, List, Tuple

import yaml
from babel import Locale
from lingua import Language, LanguageDetectorBuilder

from content import LANGUAGES

SUPPORTED = LANGUAGES
MAX_CHARS = 2000
CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

# Languages we can tell apart from ours, so that a German or Polish message gets an honest
# "I don't speak that" instead of a wrong guess. More languages cost memory (~5 MB each).
_OTHER_LANGUAGES = (
    "GERMAN FRENCH SPANISH FINNISH DANISH BOKMAL NYNORSK POLISH RUSSIAN UKRAINIAN TURKISH "
    "BOSNIAN CROATIAN SERBIAN ITALIAN PORTUGUESE DUTCH URDU CHINESE ALBANIAN ROMANIAN HUNGARIAN "
    "ESTONIAN VIETNAMESE HINDI SWAHILI TAGALOG THAI KOREAN JAPANESE GREEK LITHUANIAN"
).split()
_OURS = {"sv": Language.SWEDISH, "en": Language.ENGLISH, "ar": Language.ARABIC, "fa": Language.PERSIAN, "so": Language.SOMALI}
# Swedish words used in every language of ours; they must not make an English message "Swedish".
_LOANWORDS = re.compile(
    r"\b(a-?kassan?|resebidrag\w*|programres\w*|platsbanken|arbetsf[öo]rmedlingen|handlingsplan\w*|"
    r"aktivitetsrapport\w*|platsanvisning\w*|mina sidor|eures|etablerings\w*|flyttn?i?n?g?s?bidrag\w*|"
    r"l[äa]mpligt arbete|servicekontor\w*|sfi|af|dagpendling\w*|pendling\w*|utvecklingsers[äa]ttning\w*|"
    r"aktivitetsst[öo]d\w*|arbetsmarknadsutbildning\w*|f[öo]r[äa]ldrapenning\w*|bostadstill[äa]gg\w*|"
    r"ans[öo]kan|k[öo]rkort\w*|intervju\w*|personnummer|targeted mobility scheme|tms|distansm[öo]te\w*|"
    r"handl[äa]ggare\w*|legitimation|rusta och matcha)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"\w+", re.UNICODE)
# Letters only one of the two languages uses (strong), and keyboard variants (weak: Persian
# users on Arabic keyboards type ي and ك).
_PERSIAN_STRONG, _PERSIAN_WEAK = set("پچژگ"), set("یک")
_ARABIC_STRONG, _ARABIC_WEAK = set("ةىأإؤ"), set("يك")
_URDU_LETTERS = set("ٹڈڑںے")
_UNSUPPORTED_SCRIPTS = (
    "CYRILLIC",
    "CJK",
    "HIRAGANA",
    "KATAKANA",
    "HANGUL",
    "GREEK",
    "THAI",
    "DEVANAGARI",
    "HEBREW",
    "ARMENIAN",
    "GEORGIAN",
)


@lru_cache(maxsize=1)
def _detectors() -> Tuple[Any, Any]:
    ours = LanguageDetectorBuilder.from_languages(*_OURS.values()).with_preloaded_language_models().build()
    everything = list(_OURS.values()) + [getattr(Language, name) for name in _OTHER_LANGUAGES]
    wide = LanguageDetectorBuilder.from_languages(*everything).with_low_accuracy_mode().with_preloaded_language_models().build()
    return ours, wide


def _script(char: str) -> str:
    try:
        name = unicodedata.name(char)
    except ValueError:
        return ""
    if name.startswith("ETHIOPIC"):
        return "ETHIOPIC"
    if name.startswith("ARABIC"):
        return "ARABIC"
    if name.startswith("LATIN"):
        return "LATIN"
    return next((s for s in _UNSUPPORTED_SCRIPTS if name.startswith(s)), "OTHER")


def _code(language: Any) -> str:
    return language.iso_code_639_1.name.lower()


def _word_scripts(words: List[str]) -> Dict[str, int]:
    counts: Dict[str, int] = {}
    for word in words:
        first = next((c for c in word if c.isalpha()), None)
        if first is not None:
            script = _script(first)
            counts[script] = counts.get(script, 0) + 1
    return counts


def detect_language(text: str) -> Tuple[str | None, bool]:
    """(language code, supported) or (None, True) when the message does not tell.

    Script first (a word in Ge'ez means Tigrinya, Arabic script means Arabic or Persian), then
    lingua: one detector among our languages, one wider detector that only speaks up for
    longer Latin-script messages it is sure are in another language.
    """
    text = _LOANWORDS.sub(" ", text[:MAX_CHARS])
    words = _WORD.findall(text)
    scripts = _word_scripts(words)
    if not scripts:
        return None, True
    total = sum(scripts.values())
    ours, wide = _detectors()
    if scripts.get("ETHIOPIC"):
        return "ti", True
    if scripts.get("ARABIC", 0) * 3 >= total:
        letters = [c for c in text if c.isalpha()]
        if any(c in _URDU_LETTERS for c in letters):
            return "ur", False
        persian = sum(3 * (c in _PERSIAN_STRONG) + (c in _PERSIAN_WEAK) for c in letters)
        arabic = sum(3 * (c in _ARABIC_STRONG) + (c in _ARABIC_WEAK) for c in letters)
        if persian > arabic:
            return "fa", True
        if arabic > persian:
            return "ar", True
        arabic_words = [w for w in words if _script(w[0]) == "ARABIC"]
        if len(arabic_words) < 3:
            return None, True  # "سلام", "تا دفعه بعد": both languages say it; keep the conversation's
        best = ours.compute_language_confidence_values(" ".join(arabic_words))
        pick = next((c for c in best if _code(c.language) in ("ar", "fa")), None)
        return (_code(pick.language) if pick else None), True
    main = max(scripts, key=scripts.get)
    if main in _UNSUPPORTED_SCRIPTS:
        found = wide.detect_language_of(text)
        return (_code(found) if found else main.lower()), False
    if sum(c.isalpha() for c in text) < 3:
        return None, True
    best = ours.compute_language_confidence_values(text)[0]
    if len(words) >= 4:
        other = wide.compute_language_confidence_values(text)[0]
        if _code(other.language) not in SUPPORTED and other.value >= 0.95:
            return _code(other.language), False
    if _code(best.language) == "sv":
        # "meaning of dagpendlingsavstånd": one Swedish word does not make an English message Swedish.
        rest = " ".join(w for w in words if not set(w.lower()) & set("åäö"))
        if len(rest.split()) >= 2 and len(rest.split()) < len(words):
            again = ours.compute_language_confidence_values(rest)[0]
            if _code(again.language) != "sv" and again.value >= 0.7:
                return _code(again.language), True
    return (_code(best.language), True) if best.value >= 0.6 else (None, True)


_FOLDED_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه"})


def _fold(token: str) -> str:
    """One spelling per word: lower case, no Arabic hamza variants or Persian/Arabic letter variants."""
    return token.lower().translate(_FOLDED_LETTERS)


@lru_cache(maxsize=1)
def _language_names() -> Dict[str, str]:
    """Folded name -> ISO code, for every language in CLDR's names in each of our languages."""
    codes = set(SUPPORTED) | {_code(getattr(Language, n)) for n in _OTHER_LANGUAGES} | _MORE_NAMED_LANGUAGES
    names: Dict[str, str] = {}
    for display in SUPPORTED:
        locale = Locale.parse(display)
        for code in codes:
            name = locale.languages.get(code)
            if name and " " not in name:
                names[_fold(name)] = code
    with open(CONTENT_DIR / "language_names.yml", encoding="utf-8") as fh:
        for code, aliases in (yaml.safe_load(fh).get("aliases") or {}).items():
            for alias in aliases:
                names[_fold(str(alias))] = code
    for name, code in list(names.items()):
        bare = name[2:] if name.startswith("ال") else name
        names.setdefault(bare, code)
        if bare.endswith("یه"):  # العربية -> عربی: the adjective people type
            names.setdefault(bare[:-1], code)
    return names


_PREFIXES = ("بال", "وال", "ال", "لل", "بِ", "ب", "و", "ل", "به", "ብ", "ን", "af-", "på")
_SUFFIXES = ("ga", "ka", "ta", "da", "ha")  # Somali definite article: Carabi-ga, Ruush-ka
# Languages people name though we have no detector for them: asking for one gets an honest answer.
_MORE_NAMED_LANGUAGES = {
    *("ku", "ckb", "ps", "uz", "am", "om", "it", "pt", "is", "he"),
    *("hy", "ka", "ta", "bn", "pa", "ne", "sw", "ms", "id"),
}


def find_language_names(text: str) -> List[Dict[str, Any]]:
    """Entities for each language named in the text, with offsets into the text."""
    names = _language_names()
    found = []
    for match in _WORD.finditer(text[:MAX_CHARS].replace("-", "_")):
        word = match.group().replace("_", "-")
        folded = _fold(word)
        candidates = [folded] + [folded[len(p) :] for p in _PREFIXES if folded.startswith(p) and len(folded) > len(p) + 2]
        candidates += [folded[: -len(x)] for x in _SUFFIXES if folded.endswith(x) and len(folded) > len(x) + 3]
        code = next((names[c] for c in candidates if c in names), None)
        if code:
            found.append(
                {
                    "entity": "language_name",
                    "value": code,
                    "start": match.start(),
                    "end": match.end(),
                    "confidence_entity": 1.0,
                    "extractor": "LanguageGate",
                }
            )
    return found


def warm_up() -> None:
    """Load the detectors and the name table now rather than on the first message."""
    _detectors()
    _language_names()
