"""What seekers type instead of pressing a button, mapped to the survey's options."""

from __future__ import annotations

import pytest

from actions.survey_answers import match_answer
from content.questionnaire import questionnaire

Q = questionnaire().question


@pytest.mark.parametrize(
    "question,text,language,expected",
    [
        ("F1", "nej", "sv", ["no"]),
        ("F1", "2", "sv", ["commute_daily"]),
        ("F1", "No", "en", ["no"]),
        ("F2", "2 och 4", "sv", ["partner_job", "custody"]),
        ("F2", "min partner jobbar här och jag har inte råd", "sv", ["partner_job", "cannot_afford"]),
        ("F2", "annat", "sv", ["other"]),
        ("F4", "hela sverige", "sv", ["all_sweden"]),
        ("F5_1", "5", "sv", ["5"]),
        ("F5_3", "4 håller delvis med", "sv", ["4"]),
        ("F7", "2-3 timmar", "sv", ["two_three_hours"]),
        ("F7", "1 timme", "sv", ["one_hour"]),
        ("F8_1", "stor betydelse", "sv", ["great"]),
        ("F9", "vet ej", "sv", ["dont_know"]),
        ("F9", "no", "en", ["no"]),
        ("F10", "١", "ar", ["yes"]),
        ("F1", "hoppa över", "sv", ["skip"]),
    ],
)
def test_typed_answers(question: str, text: str, language: str, expected: list[str]) -> None:
    assert match_answer(Q(question), text, language) == expected


@pytest.mark.parametrize("text", ["", "   ", "<b>1</b> and 4", "what is resebidrag?", "\x00\x01", "9", "1 och 4"])
def test_unclear_answers_to_a_single_choice_give_nothing(text: str) -> None:
    result = match_answer(Q("F1"), text, "sv")
    assert result is None or len(result) == 1
    assert match_answer(Q("F1"), "1 och 4", "sv") is None
    assert match_answer(Q("F1"), "what is resebidrag?", "en") is None


def test_markup_and_numbers_inside_sentences_pick_nothing() -> None:
    assert match_answer(Q("F1"), "<img src=x onerror=alert(1)> blå bil", "sv") is None
    assert match_answer(Q("F5_1"), "jag har bott här i 5 år och tänker stanna länge", "sv") is None
    assert match_answer(Q("F2"), "svar 2 och 4", "sv") == ["partner_job", "custody"]
