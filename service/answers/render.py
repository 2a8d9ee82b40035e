"""Turns a response name + language + arguments into the message Rasa sends to the user."""

from __future__ import annotations

import logging
import string
from functools import lru_cache
from typing import Any

from content import LANGUAGES, facts, response_layout
from service.answers import formatting
from service.answers.catalogs import SOURCE_LANGUAGE, SUPPORTED_LANGUAGES, Catalogs

log = logging.getLogger(__name__)
_FORMATTER = string.Formatter()
# Said in Swedish and English together: the user writes in a language we cannot answer in.
BILINGUAL_RESPONSES = {"utter_unsupported_language": ("sv", "en"), "utter_handoff_unsupported_language": ("sv", "en")}
DEFAULT_LANGUAGE = LANGUAGES[0]
# An action may put a short lead-in before any answer (the tone of the funnel help): a catalog key.
PREFIX_ARGUMENT = "prefix_key"


@lru_cache(maxsize=len(SUPPORTED_LANGUAGES))
def fact_values(language: str) -> dict[str, str]:
    values = {name: formatting.fact_value(fact, language) for name, fact in facts().items()}
    values["supported_languages"] = formatting.language_list(language)
    return values


def fill(template: str, values: dict[str, str]) -> str:
    """str.format without surprises: an unknown {name} stays visible and is logged."""
    out = []
    for literal, field, _spec, _conv in _FORMATTER.parse(template):
        out.append(literal)
        if field is None:
            continue
        if field in values:
            out.append(values[field])
        else:
            log.error("placeholder {%s} has no value", field)
            out.append("{" + field + "}")
    return "".join(out)


def _text(catalogs: Catalogs, key: str, language: str) -> str:
    text = catalogs.text(language, key)
    if text is None:
        # `make check-content` fails on this; at run time say something rather than nothing.
        log.error("no %s text for %s", language, key)
        text = catalogs.text(DEFAULT_LANGUAGE, key) or catalogs.text(SOURCE_LANGUAGE, key) or key
    return text


def _values(catalogs: Catalogs, lang: str, arguments: dict[str, Any]) -> dict[str, str]:
    values = dict(fact_values(lang))
    for key, value in arguments.items():
        if key in ("language", PREFIX_ARGUMENT):
            continue
        rendered = _argument(catalogs, value, lang)
        if rendered is not None:
            values[key] = rendered
    return values


def _argument(catalogs: Catalogs, value: Any, lang: str) -> str | None:
    """Besides formatting's plain values: translated phrase lists and composed parts.

    {"keys": ["place_sector_mining", ...]}  -> "mining, steel and health care" (CLDR list pattern)
    {"parts": [{"key": k, "args": {...}}]}  -> each catalog text filled in, one per line
    """
    if isinstance(value, dict) and isinstance(value.get("keys"), list):
        phrases = [_text(catalogs, str(key), lang) for key in value["keys"]]
        return formatting.phrase_list(phrases, lang)
    if isinstance(value, dict) and isinstance(value.get("parts"), list):
        lines = []
        for part in value["parts"]:
            if isinstance(part, dict) and isinstance(part.get("key"), str):
                args = part.get("args") if isinstance(part.get("args"), dict) else {}
                lines.append(_fill_key(catalogs, part["key"], lang, args))
        return "\n".join(lines)
    return formatting.argument_value(value, lang)


def _fill_key(catalogs: Catalogs, key: str, lang: str, arguments: dict[str, Any]) -> str:
    return fill(_text(catalogs, key, lang), _values(catalogs, lang, arguments))


def render_response(catalogs: Catalogs, name: str, language: str | None, arguments: dict[str, Any] | None = None) -> dict:
    """The NLG response body: text and buttons, titles translated."""
    arguments = arguments or {}
    wanted = arguments.get("language")
    language = wanted if wanted in SUPPORTED_LANGUAGES else language
    language = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
    languages = BILINGUAL_RESPONSES.get(name, (language,))
    texts = []
    for lang in languages:
        text = _fill_key(catalogs, name, lang, arguments)
        prefix = arguments.get(PREFIX_ARGUMENT)
        if isinstance(prefix, str) and catalogs.text(lang, prefix) is not None:
            text = _fill_key(catalogs, prefix, lang, arguments) + "\n\n" + text
        texts.append(text)
    buttons = [
        {"title": _text(catalogs, button["title"], language), "payload": button["payload"]}
        for button in (response_layout().get(name) or {}).get("buttons") or []
    ]
    return {"text": "\n\n".join(texts), "buttons": buttons}
