"""Editable content: facts (amounts, limits, phone numbers) and response layout.

Imported by both the action server (Python 3.10) and the web service (Python 3.11), so it uses
nothing but the standard library and PyYAML.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

CONTENT_DIR = Path(__file__).resolve().parent
# The languages the assistant speaks, Swedish first (the default). Adding one means: a catalog in
# locales/<code>/, training data in nlu_data/<code>/, and the value in the `language` slot.
LANGUAGES = ("sv", "en", "ar", "fa", "so", "ti")
RTL_LANGUAGES = frozenset({"ar", "fa"})
FACT_KINDS = {"amount_sek", "integer", "hours", "months", "days", "working_days", "years", "phone", "text", "url"}


@dataclass(frozen=True)
class Fact:
    name: str
    value: Any
    kind: str
    source: str
    last_checked: _dt.date


def _load_yaml(name: str) -> dict:
    with open(CONTENT_DIR / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh) or {}


@lru_cache(maxsize=1)
def facts() -> dict[str, Fact]:
    """All facts by name; raises ValueError on an entry an editor left incomplete."""
    out: dict[str, Fact] = {}
    for name, entry in (_load_yaml("facts.yml").get("facts") or {}).items():
        missing = {"value", "kind", "source", "last_checked"} - set(entry or {})
        if missing:
            raise ValueError(f"fact {name!r} lacks {sorted(missing)}")
        if entry["kind"] not in FACT_KINDS:
            raise ValueError(f"fact {name!r} has unknown kind {entry['kind']!r}")
        checked = entry["last_checked"]
        if not isinstance(checked, _dt.date):
            checked = _dt.date.fromisoformat(str(checked))
        out[name] = Fact(name, entry["value"], entry["kind"], str(entry["source"]), checked)
    return out


def fact(name: str) -> Any:
    """The raw value of one fact (numbers stay numbers)."""
    return facts()[name].value


@lru_cache(maxsize=1)
def response_layout() -> dict[str, dict]:
    """Buttons and other non-text parts of responses, by response name."""
    return _load_yaml("responses.yml").get("responses") or {}
