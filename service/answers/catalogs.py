"""Loads locales/<lang>/LC_MESSAGES/messages.po with Babel and checks they are complete."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from content import LANGUAGES

SUPPORTED_LANGUAGES = LANGUAGES
SOURCE_LANGUAGE = "en"
_PLACEHOLDER = re.compile(r"{(\w+)}")


def placeholders(text: str) -> list[str]:
    return sorted(_PLACEHOLDER.findall(text))


@dataclass
class Catalogs:
    """All catalogs, loaded once; `problems()` lists every gap a content editor must fix."""

    by_language: dict[str, Catalog]

    @classmethod
    def load(cls, locales_dir: Path) -> Catalogs:
        loaded = {}
        for lang in SUPPORTED_LANGUAGES:
            path = locales_dir / lang / "LC_MESSAGES" / "messages.po"
            if path.exists():
                with open(path, "rb") as fh:
                    loaded[lang] = read_po(fh, locale=lang)
        return cls(loaded)

    def text(self, language: str, key: str) -> str | None:
        catalog = self.by_language.get(language)
        message = catalog.get(key) if catalog else None
        if message is None or not message.string or message.fuzzy:
            return None
        return str(message.string)

    def keys(self, language: str = SOURCE_LANGUAGE) -> list[str]:
        catalog = self.by_language.get(language)
        return [str(m.id) for m in catalog if m.id] if catalog else []

    def problems(self) -> list[str]:
        """Missing languages, missing or fuzzy translations, placeholder mismatches, stray keys."""
        found: list[str] = []
        source = self.keys()
        if not source:
            return [f"source catalog {SOURCE_LANGUAGE!r} is missing or empty"]
        for lang in SUPPORTED_LANGUAGES:
            if lang not in self.by_language:
                found.append(f"{lang}: catalog missing")
                continue
            for key in source:
                text = self.text(lang, key)
                if text is None:
                    found.append(f"{lang}: {key}: missing, empty or fuzzy")
                elif placeholders(text) != placeholders(self.text(SOURCE_LANGUAGE, key) or ""):
                    found.append(f"{lang}: {key}: placeholders {placeholders(text)} differ from the source")
            extra = set(self.keys(lang)) - set(source)
            found.extend(f"{lang}: {key}: not in the source catalog" for key in sorted(extra))
        return found
