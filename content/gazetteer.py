"""Swedish municipalities (content/places/): names, codes, counties, spellings per language, profiles.

Editors keep `municipalities.yml` (all 290, SCB codes), `profiles.yml` (the places the assistant
can describe in depth) and `place_names/<lang>.yml` (how each language writes the names).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from content import CONTENT_DIR, _load_yaml


@dataclass(frozen=True)
class Municipality:
    name: str
    code: str  # SCB's four digits: the first two are the county's
    county: str


@lru_cache(maxsize=1)
def municipalities() -> dict[str, Municipality]:
    raw = _load_yaml("places/municipalities.yml")
    return {
        str(m["name"]): Municipality(str(m["name"]), str(m["code"]).zfill(4), str(m["county"]))
        for m in raw.get("municipalities") or []
    }


@lru_cache(maxsize=1)
def profiles() -> dict[str, dict[str, Any]]:
    return dict(_load_yaml("places/profiles.yml").get("places") or {})


@lru_cache(maxsize=8)
def spellings(language: str) -> dict[str, list[str]]:
    """Swedish name -> other ways `language` writes it (empty when the file is missing)."""
    path = CONTENT_DIR / "place_names" / f"{language}.yml"
    if not path.exists():
        return {}
    raw = _load_yaml(f"place_names/{language}.yml")
    return {str(name): [str(v) for v in (variants or [])] for name, variants in raw.items()}
