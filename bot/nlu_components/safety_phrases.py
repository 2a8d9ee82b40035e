"""Urgent messages the classifier might miss: suicide and self-harm, threats and violence.

A phrase list per language (content/safety_phrases.yml), matched as substrings of a folded
copy of the message. Pure Python, so it is tested without Rasa (tests/unit/test_safety_phrases.py).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, Optional, Tuple

import yaml

PHRASES_FILE = Path(__file__).resolve().parents[2] / "content" / "safety_phrases.yml"
# Checked in this order: a message about both is treated as a crisis.
GROUPS = ("crisis", "threat")
_ALEF = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lowercase, Latin letters without diacritics, one alef, single spaces."""
    out = []
    for char in (text or "").lower().translate(_ALEF):
        if char.isalpha() and not char.isascii():
            decomposed = unicodedata.normalize("NFD", char)
            if len(decomposed) > 1 and decomposed[0].isascii():
                char = decomposed[0]
        elif unicodedata.category(char) in ("Cc", "Cf"):
            char = " "
        out.append(char)
    return _SPACES.sub(" ", "".join(out)).strip()


@lru_cache(maxsize=1)
def phrases() -> Dict[str, Tuple[str, ...]]:
    with open(PHRASES_FILE, encoding="utf-8") as fh:
        loaded = yaml.safe_load(fh)
    return {group: tuple(sorted({fold(p) for lang in loaded[group].values() for p in lang if fold(p)})) for group in GROUPS}


def urgent_group(text: str) -> Optional[str]:
    """'crisis', 'threat' or None."""
    folded = f" {fold(text)} "
    for group in GROUPS:
        if any(phrase in folded for phrase in phrases()[group]):
            return group
    return None
