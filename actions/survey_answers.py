"""Free-text survey answers to option codes, in all six languages.

The buttons send option codes directly; this is for what people type instead: "nej", "2",
"jag har inte råd", "partner and housing", "5 – håller helt med", "hoppa över". The words come
from content/survey_words/<lang>.yml, which editors keep per language; matching reuses the
checks' lexicon (actions/parsing), so case, diacritics, Arabic clitics and chat spelling are handled.
A choice question needs exactly one option; anything unclear gives None and the question is asked again.
"""

from __future__ import annotations

import functools
import re
from typing import Any, List, Optional

from actions.parsing.text import Lexicon, Word, build_lexicon, never_raise, normalise, words
from content import LANGUAGES, _load_yaml
from content.questionnaire import SKIP, Question

_PREFIXES = dict.fromkeys(("و", "ب", "ال", "بال"))
_MARKUP = re.compile(r"<[^>]*>")
# "2 och 4", "nummer 3", "svar 5": a number is an option only in a short answer, not inside a sentence.
MAX_WORDS_BESIDE_NUMBERS = 3


@functools.lru_cache(maxsize=8)
def _words_of(lang: str) -> dict:
    try:
        return _load_yaml(f"survey_words/{lang}.yml")
    except FileNotFoundError:
        return {}


def _table_key(question: Question) -> str:
    return f"scale:{question.scale}" if question.kind == "scale" else question.id


def _phrases_by_option(raw: dict, table_key: str) -> dict:
    """One language's word list for a question ("F2") or a shared scale ("scale:agree")."""
    if table_key.startswith("scale:"):
        return (raw.get("scales") or {}).get(table_key[len("scale:") :]) or {}
    return (raw.get("options") or {}).get(table_key) or {}


@functools.lru_cache(maxsize=64)
def _lexicon(table_key: str, lang: Optional[str]) -> Lexicon:
    table: dict[str, dict[str, Word]] = {}
    for code in LANGUAGES:
        raw = _words_of(code)
        options = _phrases_by_option(raw, table_key)
        entries = {str(phrase): Word("option", str(option)) for option, phrases in options.items() for phrase in phrases or []}
        for phrase in raw.get("skip") or []:
            entries.setdefault(str(phrase), Word("skip", SKIP))
        table[code] = entries
    return build_lexicon(lang, [table], _PREFIXES, squeeze=True)


@functools.lru_cache(maxsize=64)
def _digit_phrases(table_key: str, lang: Optional[str]) -> tuple[tuple[re.Pattern, str], ...]:
    """Phrases that start with a number ("2-3 timmar", "1 timme"): the lexicon reads digits as numbers."""
    out = []
    for code in [lang] + [c for c in LANGUAGES if c != lang]:
        options = _phrases_by_option(_words_of(code) if code else {}, table_key)
        for option, phrases in options.items():
            for phrase in phrases or []:
                norm = normalise(str(phrase), code)
                if norm and norm[0].isdigit():
                    out.append((re.compile(r"(?<!\w)" + re.escape(norm) + r"(?!\w)"), str(option)))
    return tuple(sorted(out, key=lambda item: -len(item[0].pattern)))


@never_raise
def match_answer(question: Question, text: Any, lang: Optional[str]) -> Optional[List[str]]:
    """The option codes the text picks (one for choice and scale questions), ["skip"], or None."""
    text = _MARKUP.sub(" ", str(text or ""))
    found = words(text, lang, lambda code: _lexicon(_table_key(question), code))
    if any(word.kind == "skip" for word in found):
        return [SKIP]
    picked = [str(word.value) for word in found if word.kind == "option" and str(word.value) in question.options]
    norm = normalise(text, lang)
    for pattern, option in _digit_phrases(_table_key(question), lang):
        if option in question.options and pattern.search(norm):
            picked.append(option)
            break
    if not picked and sum(word.kind == "other" for word in found) <= MAX_WORDS_BESIDE_NUMBERS:
        picked = _by_number(question, [word.value for word in found if word.kind == "num"])
    picked = [option for option in question.options if option in set(picked)]
    if not picked:
        return None
    if question.kind != "multi" and len(picked) > 1:
        return None
    return picked


def _by_number(question: Question, numbers: list) -> List[str]:
    """ "2" is the second option; on the 1–5 agreement scale the number is the value itself."""
    picked = []
    for value in numbers:
        if not isinstance(value, float) or not value.is_integer():
            continue
        index = int(value) - 1
        if 0 <= index < len(question.options):
            picked.append(question.options[index])
    return picked
