"""The safety net's phrases: precise on everything else job seekers write, and they do catch
urgent messages in every language."""

from __future__ import annotations

import pytest

from nlu_components.safety_phrases import GROUPS, fold, phrases, urgent_group
from tests.unit.test_training_data import examples
from tools.paths import LANGUAGES

URGENT_INTENTS = {"crisis": "crisis", "threat_violence": "threat"}
ORDINARY = [
    "jag orkar inte söka fler jobb",
    "I can't go on with this job search",
    "this commute is killing me",
    "dead end job",
    "I need to hit the deadline",
    "jag vill sluta med kollen",
    "I want to end the chat",
    "vill avsluta",
    "how do I kill time between interviews",
]


def test_every_language_has_phrases_for_every_group() -> None:
    import yaml

    from nlu_components.safety_phrases import PHRASES_FILE

    loaded = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    for group in GROUPS:
        assert sorted(loaded[group]) == sorted(LANGUAGES)
        assert all(len(loaded[group][lang]) >= 5 for lang in LANGUAGES), group


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_ordinary_message_is_taken_for_an_urgent_one(lang: str) -> None:
    """Every example of every other intent, trained or held out: none may trigger the net."""
    wrong = [
        (intent, text)
        for split in ("train", "test")
        for intent, texts in examples(lang, split).items()
        if intent not in URGENT_INTENTS
        for text in texts
        if urgent_group(text) is not None
    ]
    assert wrong == []


def test_ordinary_phrases_from_job_search_talk_are_left_alone() -> None:
    assert [text for text in ORDINARY if urgent_group(text)] == []


DIRECT = [
    ("crisis", "Jag tänker ta livet av mig ikväll"),
    ("crisis", "jag har funderat på självmord"),
    ("crisis", "I'm going to kill myself"),
    ("crisis", "I keep thinking about suicide"),
    ("crisis", "أفكر في الانتحار"),
    ("crisis", "دارم به خودکشی فکر میکنم"),
    ("threat", "min pojkvän misshandlar mig"),
    ("threat", "my husband beats me"),
    ("threat", "زوجي يضربني"),
]


@pytest.mark.parametrize(("group", "text"), DIRECT)
def test_direct_words_are_caught(group: str, text: str) -> None:
    assert urgent_group(text) == group


@pytest.mark.parametrize("group", GROUPS)
def test_every_phrase_is_caught_inside_a_sentence(group: str) -> None:
    import yaml

    from nlu_components.safety_phrases import PHRASES_FILE

    loaded = yaml.safe_load(PHRASES_FILE.read_text(encoding="utf-8"))
    missed = [p for lang in LANGUAGES for p in loaded[group][lang] if urgent_group(f"hej, {p.upper()} och så") is None]
    # A crisis phrase may also contain a threat phrase; crisis wins, which is the safer answer.
    assert missed == []


def test_folding_matches_how_people_type() -> None:
    assert fold("Självmord  ÄR\u200c") == "sjalvmord ar"
    assert fold("أريد") == "اريد"
    assert urgent_group("Jag tänker på SJÄLVMORD") == "crisis"
    assert all(phrases()[group] for group in GROUPS)
