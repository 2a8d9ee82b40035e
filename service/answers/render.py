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


def render_response(catalogs: Catalogs, name: str, language: str | None, arguments: dict[str, Any] | None = None) -> dict:
    """The NLG response body: text and buttons, titles translated."""
    arguments = arguments or {}
    wanted = arguments.get("language")
    language = wanted if wanted in SUPPORTED_LANGUAGES else language
    language = language if language in SUPPORTED_LANGUAGES else DEFAULT_LANGUAGE
    languages = BILINGUAL_RESPONSES.get(name, (language,))
    texts = []
    for lang in languages:
        values = dict(fact_values(lang))
        for key, value in arguments.items():
            rendered = formatting.argument_value(value, lang)
            if rendered is not None and key != "language":
                values[key] = rendered
        texts.append(fill(_text(catalogs, name, lang), values))
    buttons = [
        {"title": _text(catalogs, button["title"], language), "payload": button["payload"]}
        for button in (response_layout().get(name) or {}).get("buttons") or []
    ]
    return {"text": "\n\n".join(texts), "buttons": buttons}
