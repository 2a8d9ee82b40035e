"""Shared text handling: normalisation, spaCy tokenising and phrase lexicons.

Every parser normalises its input and its vocabulary the same way, so spelling variants (Arabic
ي/ك vs Persian ی/ک, hamza forms, Persian/Arabic-Indic digits, ZWNJ, tashkeel, missing Swedish
diacritics) meet in one form and no table has to list them.
"""

from __future__ import annotations

import functools
import logging
import math
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

import spacy
from spacy.language import Language

from content import LANGUAGES

log = logging.getLogger(__name__)

LANGS = LANGUAGES
# spaCy has no Somali; "xx" (multi-language) tokenises Latin script fine and is used for None too.
_SPACY_CODE = {"sv": "sv", "en": "en", "ar": "ar", "fa": "fa", "so": "xx", "ti": "ti"}
_LANG_ALIASES = {"prs": "fa", "per": "fa", "fas": "fa", "swe": "sv", "eng": "en", "ara": "ar", "som": "so", "tir": "ti"}

MAX_CHARS = 500

T = TypeVar("T")


def language(lang: Any) -> str | None:
    """One of LANGS, or None (= try all) for None, unknown codes and junk; accepts "sv-SE", "fa_AF", "prs"."""
    if not isinstance(lang, str):
        return None
    code = re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0]
    code = _LANG_ALIASES.get(code, code)
    return code if code in LANGS else None


def never_raise(func: Callable[..., T]) -> Callable[..., T | None]:
    """Parsers run inside slot validation: a bad answer must mean "ask again", never a crash."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> T | None:
        try:
            return func(*args, **kwargs)
        except Exception:  # by design: any failure means "not understood"
            log.debug("%s failed", func.__name__, exc_info=True)
            return None

    return wrapper


# ---------------------------------------------------------------------------------------------
# normalisation

_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ة": "ه",
        "ۀ": "ه",
        "ھ": "ه",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ٱ": "ا",
        "ؤ": "و",
        "ـ": "",  # tatweel
        "\u200c": " ",  # ZWNJ joins Persian compounds ("نیم‌ساعت"): split them
        "'": "",
        "’": "",
        "‘": "",
        "ʼ": "",
        "`": "",
        "´": "",  # "I'm" -> "im", Somali "da'" -> "da"
    }
)
_KEEP = {"\ue000": ".", "\ue001": ",", "\ue002": ":", "\ue003": "/", "\ue004": " - ", "\ue005": "-"}
_RESTORE = str.maketrans(_KEEP)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
_VULGAR_RE = re.compile(r"(\d+)?\s*([½¼¾⅓⅔])")
_EASTERN_SEP_RE = re.compile(r"(?<=[٠-٩۰-۹])[/٫٬](?=[٠-٩۰-۹])")
_ANY_DIGIT_RE = re.compile(r"\d")
_SLASH_BETWEEN_RE = re.compile(r"(?<=\d)/(?=\d)")
_DIGIT_SEP_RE = re.compile(r"(?<=\d)([.,:/])(?=\d)")
_DASH_BETWEEN_RE = re.compile(r"(?<=\d)\s*[-‐‑‒–—−]\s*(?=\d)")
_MINUS_RE = re.compile(r"(?:^|(?<=\s))[-−](?=\d)")
_ASTRAL_RE = re.compile(r"[\U00010000-\U0010FFFF]")
_DIGIT_LETTER_RE = re.compile(r"(?<=\d)(?=[^\W\d_])|(?<=[^\W\d_])(?=\d)")
_SPACES_RE = re.compile(r"\s+")


@functools.lru_cache(maxsize=1)
def _cleaner() -> dict[int, str | None]:
    """BMP translate table: punctuation, symbols, controls -> space; combining marks and format chars -> gone."""
    table: dict[int, str | None] = {}
    for code in range(0x10000):
        if 0xE000 <= code <= 0xE00F:
            continue  # our placeholders for separators between digits
        cat = unicodedata.category(chr(code))
        if cat[0] in "PSZ" or cat in ("Cc", "Cs", "Co", "Cn"):
            table[code] = " "
        elif cat in ("Mn", "Me", "Cf"):
            table[code] = None
    return table


def _vulgar(match: re.Match[str]) -> str:
    whole = float(match.group(1) or 0)
    return f" {whole + _VULGAR[match.group(2)]:g} "


def _ascii_digit(match: re.Match[str]) -> str:
    return str(unicodedata.decimal(match.group(), 0))


def coerce(text: Any) -> str:
    """Whatever arrived (str, bytes, number, None) as a str of at most MAX_CHARS characters."""
    if isinstance(text, bytes):
        text = text[: MAX_CHARS * 4].decode("utf-8", "replace")
    elif isinstance(text, (int, float)) and not isinstance(text, bool):
        text = repr(text)
    if not isinstance(text, str):
        return ""
    return text[:MAX_CHARS]


def normalise(text: Any, lang: str | None = None) -> str:
    """NFKC, lower case, ASCII digits, folded Arabic-script variants, punctuation stripped.

    Separators between digits survive ("1,5", "2:30", "2 - 3", "-5") because they carry meaning.
    """
    text, lang = coerce(text), language(lang)
    if not text:
        return ""
    text = _VULGAR_RE.sub(_vulgar, text)
    # Persian writes 1.5 as ۱/۵ or ۱٫۵; Arabic uses ٫ as its decimal point.
    text = _EASTERN_SEP_RE.sub(".", text)
    text = unicodedata.normalize("NFKC", text)[: MAX_CHARS * 2]
    text = _ANY_DIGIT_RE.sub(_ascii_digit, text)
    if lang == "fa":
        text = _SLASH_BETWEEN_RE.sub(".", text)
    text = text.lower().translate(_FOLD)
    text = _DASH_BETWEEN_RE.sub("\ue004", text)
    text = _MINUS_RE.sub("\ue005", text)
    text = _DIGIT_SEP_RE.sub(lambda m: chr(0xE000 + ".,:/".index(m.group(1))), text)
    text = _ASTRAL_RE.sub(" ", text).translate(_cleaner()).translate(_RESTORE)
    text = _DIGIT_LETTER_RE.sub(" ", text)
    return _SPACES_RE.sub(" ", text).strip()[:MAX_CHARS]


def ascii_fold(text: str) -> str:
    """Swedish typed on a foreign keyboard: "tva timmar", "igar", "overmorgon"."""
    return text.replace("å", "a").replace("ä", "a").replace("ö", "o").replace("é", "e")


# ---------------------------------------------------------------------------------------------
# tokenising


@functools.lru_cache(maxsize=8)
def pipeline(lang: str | None) -> Language:
    """A blank (tokeniser-only) pipeline; cached because building one costs milliseconds."""
    return spacy.blank(_SPACY_CODE.get(lang or "", "xx"))


def tokenise(normalised: str, lang: str | None) -> list[str]:
    """spaCy tokens of already normalised text (the language's tokeniser exceptions included)."""
    if not normalised:
        return []
    return [tok.text for tok in pipeline(lang).make_doc(normalised) if not tok.is_space]


def tokens(text: Any, lang: str | None) -> list[str]:
    return tokenise(normalise(text, lang), lang)


# ---------------------------------------------------------------------------------------------
# lexicons


@dataclass(frozen=True)
class Word:
    """One recognised token or phrase.

    kind says what it is ("num", "unit", "and", "yes", ...); value is its number or label; for
    units, implied is the count meant when no number is given ("hour" = 1, "timmar" = None,
    Arabic dual "ساعتين" = 2); weak marks number words that are usually articles ("en", "ett").
    """

    kind: str
    value: Any = None
    implied: float | None = None
    weak: bool = False
    text: str = ""


Table = Mapping[str, Mapping[str, Word]]  # lang -> phrase -> Word

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")
_ETHIOPIC = re.compile(r"[\u1200-\u137f]")


@dataclass(frozen=True)
class Lexicon:
    phrases: dict[tuple[str, ...], Word]
    longest: int
    prefixes: tuple[tuple[str, Word | None], ...]  # Arabic-script clitics: و ب ال ...
    suffixes: tuple[tuple[str, Word | None], ...]  # Tigrinya "-ን" (and)
    squeeze: bool = False  # also try "jaaa" as "ja" and "haaaa" as "haa" (chat spelling)


def build_lexicon(
    lang: str | None,
    tables: Iterable[Table],
    prefixes: Mapping[str, Word | None] | None = None,
    suffixes: Mapping[str, Word | None] | None = None,
    squeeze: bool = False,
) -> Lexicon:
    """Phrases of `lang` first, then every other language's where they do not clash.

    Answers mix languages ("ja", "ok", "2 hours" in a Swedish chat), so all six vocabularies are
    used, but the chosen language decides any word two languages read differently. Phrases are
    normalised and tokenised exactly like the input, so they match token for token.
    """
    tables = list(tables)
    order = ([lang] if lang else []) + [code for code in LANGS if code != lang]
    phrases: dict[tuple[str, ...], Word] = {}

    def add(phrase: str, word: Word) -> None:
        key = tuple(tokenise(normalise(phrase, lang), lang))
        if key:
            phrases.setdefault(key, word)

    for code in order:
        for table in tables:
            for phrase, word in table.get(code, {}).items():
                add(phrase, word)
    for table in tables:  # Swedish without å/ä/ö, last so it never shadows a real word
        for phrase, word in table.get("sv", {}).items():
            folded = ascii_fold(phrase)
            if folded != phrase and len(folded) > 2:  # "nä" -> "na" would be a Somali word
                add(folded, word)
    longest = max((len(key) for key in phrases), default=1)
    by_length = sorted((prefixes or {}).items(), key=lambda kv: -len(kv[0]))
    suff = sorted((suffixes or {}).items(), key=lambda kv: -len(kv[0]))
    return Lexicon(phrases, longest, tuple(by_length), tuple(suff), squeeze)


_NUMBER_RE = re.compile(r"-?\d+(?:[.,]\d+)?")
_CLOCK_RE = re.compile(r"(\d{1,2}):(\d{2})")
_SLASH_RE = re.compile(r"(\d+)/(\d+)")
_ETHIOPIC_NUMERALS = re.compile(r"[\u1369-\u137c]+")
_REPEATS = re.compile(r"(\w)\1+")
_LONG_REPEATS = re.compile(r"(\w)\1{2,}")


def numeric(token: str) -> Word | None:
    """Digits ("19", "1,5", "-3"), H:MM ("2:30"), fractions ("1/2"), Ethiopic numerals ("፲፱"), "2 - 3"."""
    if token == "-":  # normalise keeps a dash only between digits: a range
        return Word("to", text=token)
    if _NUMBER_RE.fullmatch(token):
        value = float(token.replace(",", "."))
        return Word("num", value, text=token) if math.isfinite(value) else None
    clock = _CLOCK_RE.fullmatch(token)
    if clock:
        return Word("clock", (int(clock.group(1)), int(clock.group(2))), text=token)
    slash = _SLASH_RE.fullmatch(token)
    if slash:
        top, bottom = int(slash.group(1)), int(slash.group(2))
        return Word("slash", (top, bottom), text=token)
    if _ETHIOPIC_NUMERALS.fullmatch(token):
        return Word("num", _ethiopic(token), text=token)
    return None


def _ethiopic(numeral: str) -> float:
    """ "፲፱" = 10 + 9, "፪፻፳" = 2 x 100 + 20: tens and units add, ፻ multiplies what stands before it."""
    total = current = 0.0
    for ch in numeral:
        value = unicodedata.numeric(ch)
        if value == 100:
            total += (current or 1) * 100
            current = 0.0
        else:
            current += value
    return total + current


def _variants(token: str, lex: Lexicon, depth: int = 2) -> list[tuple[str, list[Word], list[Word]]]:
    """The token and, for clitic-carrying scripts, the token with a prefix or suffix taken off."""
    found: list[tuple[str, list[Word], list[Word]]] = [(token, [], [])]
    if depth == 0:
        return found
    if lex.squeeze:
        for squeezed in (_REPEATS.sub(r"\1", token), _LONG_REPEATS.sub(r"\1\1", token)):
            if squeezed != token:
                found.append((squeezed, [], []))
    if lex.prefixes and _ARABIC_SCRIPT.match(token):
        for prefix, word in lex.prefixes:
            rest = token[len(prefix) :]
            if token.startswith(prefix) and len(rest) >= 2:
                for text, before, after in _variants(rest, lex, depth - 1):
                    found.append((text, ([word] if word else []) + before, after))
    if lex.suffixes and _ETHIOPIC.match(token):
        for suffix, word in lex.suffixes:
            rest = token[: -len(suffix)]
            if token.endswith(suffix) and len(rest) >= 2:
                found.append((rest, [], [word] if word else []))
    return found


def scan(toks: list[str], lex: Lexicon) -> list[Word]:
    """Longest-match the lexicon over the tokens; unknown tokens come back as kind "other"."""
    out: list[Word] = []
    i, n = 0, len(toks)
    while i < n:
        token = toks[i]
        number = numeric(token)
        if number is not None:
            out.append(number)
            i += 1
            continue
        matched = False
        for text, before, after in _variants(token, lex):
            for length in range(min(lex.longest, n - i), 0, -1):
                key = (text, *toks[i + 1 : i + length])
                word = lex.phrases.get(key)
                if word is not None:
                    out.extend(before)
                    out.append(_with_text(word, " ".join(toks[i : i + length])))
                    out.extend(after)
                    i += length
                    matched = True
                    break
            if matched:
                break
            if text is not token:
                number = numeric(text)
                if number is not None:
                    out.extend(before)
                    out.append(number)
                    out.extend(after)
                    i += 1
                    matched = True
                    break
        if not matched:
            out.append(Word("other", text=token))
            i += 1
    return out


def _with_text(word: Word, text: str) -> Word:
    return Word(word.kind, word.value, word.implied, word.weak, text)


def words(text: Any, lang: str | None, lexicon: Callable[[str | None], Lexicon]) -> list[Word]:
    """normalise -> tokenise -> scan with the (cached) lexicon of the language."""
    lang = language(lang)
    return scan(tokens(text, lang), lexicon(lang))
