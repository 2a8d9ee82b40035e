"""Training data contract: every intent in every language, enough examples, a clean held-out split."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from service.settings import REPO_ROOT
from tools.paths import LANGUAGES

MIN_TRAIN, MIN_TEST = 16, 6
# Set by nlu_components.language_gate, never learned from examples.
GATE_INTENTS = {"unreadable", "message_too_long", "unsupported_language"}
ENTITY_RE = r"\[([^\]]+)\]\{\"entity\": \"(\w+)\", \"value\": \"(\w+)\"\}"


def domain_intents() -> set[str]:
    intents: set[str] = set()
    for path in (REPO_ROOT / "bot" / "domain").glob("*.yml"):
        intents.update((yaml.safe_load(path.read_text()) or {}).get("intents") or [])
    return intents - GATE_INTENTS


def examples(lang: str, split: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    files = sorted((REPO_ROOT / "nlu_data" / lang / split).glob("*.yml"))
    assert files, f"no {split} data for {lang}"
    for path in files:
        for block in yaml.safe_load(path.read_text())["nlu"]:
            lines = [line.strip()[2:].strip() for line in block["examples"].splitlines() if line.strip()]
            found.setdefault(block["intent"], []).extend(lines)
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("split,minimum", [("train", MIN_TRAIN), ("test", MIN_TEST)])
def test_every_intent_has_enough_examples(lang: str, split: str, minimum: int) -> None:
    counts = {intent: len(lines) for intent, lines in examples(lang, split).items()}
    assert set(counts) == domain_intents()
    assert {i: n for i, n in counts.items() if n < minimum} == {}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_held_out_split_is_never_trained_on(lang: str) -> None:
    def flat(split: str) -> Counter:
        return Counter(e.casefold() for lines in examples(lang, split).values() for e in lines)

    assert sorted(set(flat("train")) & set(flat("test"))) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_example_is_listed_under_two_intents(lang: str) -> None:
    owner: dict[str, str] = {}
    clashes = []
    for split in ("train", "test"):
        for intent, lines in examples(lang, split).items():
            for line in lines:
                if owner.setdefault(line.casefold(), intent) != intent:
                    clashes.append((line, owner[line.casefold()], intent))
    assert clashes == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_language_names_are_annotated(lang: str) -> None:
    import re

    for split in ("train", "test"):
        for intent, lines in examples(lang, split).items():
            for line in lines:
                for _, entity, value in re.findall(ENTITY_RE, line):
                    assert (intent, entity) == ("switch_language", "language_name"), line
                    assert len(value) == 2 and value.islower(), line
