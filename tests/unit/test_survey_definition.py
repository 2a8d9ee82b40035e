"""AF's survey as content: the seed's questions and options, its branching, and every text in every language."""

from __future__ import annotations

import pytest

from content import LANGUAGES, _load_yaml
from content.questionnaire import questionnaire
from service.answers import Catalogs

SURVEY = questionnaire()


def test_the_questions_of_bilaga_5_in_order() -> None:
    assert SURVEY.ids == (
        "F1",
        "F2",
        "F3",
        "F4",
        *(f"F5_{i}" for i in range(1, 9)),
        *(f"F6_{i}" for i in range(1, 5)),
        "F7",
        *(f"F8_{i}" for i in range(1, 7)),
        "F9",
        "F10",
    )
    assert len(SURVEY.question("F2").options) == 7 and len(SURVEY.question("F3").options) == 5
    assert SURVEY.question("F5_1").options == ("1", "2", "3", "4", "5")
    assert SURVEY.question("F6_2").options == ("yes", "no", "dont_know")


def test_f2_only_after_no_and_f3_only_after_a_yes() -> None:
    after_no = [q.id for q in SURVEY.remaining({"F1": ["no"]})]
    assert "F2" in after_no and "F3" not in after_no
    for yes in ("move", "commute_daily", "commute_weekly"):
        after_yes = [q.id for q in SURVEY.remaining({"F1": [yes]})]
        assert "F3" in after_yes and "F2" not in after_yes
    skipped = [q.id for q in SURVEY.remaining({"F1": ["skip"]})]
    assert "F2" not in skipped and "F3" not in skipped and skipped[0] == "F4"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_question_and_option_has_its_text(catalogs: Catalogs, language: str) -> None:
    missing = []
    for question in SURVEY.questions:
        keys = [f"utter_ask_{question.slot}"] + [question.label_key(option) for option in question.options]
        if question.has_other:
            keys.append(f"utter_ask_{question.slot}_other")
        missing += [key for key in keys if not catalogs.text(language, key)]
    assert missing == []


def test_the_swedish_texts_are_the_seeds_own() -> None:
    sv = Catalogs.load(__import__("service.settings", fromlist=["REPO_ROOT"]).REPO_ROOT / "locales")
    assert sv.text("sv", "utter_ask_survey_f1").endswith(
        "Skulle du tacka ja till ett fast jobb på en annan ort än där du bor nu?"
    )
    assert sv.text("sv", "survey_F2_custody") == "Jag kan inte bo långt ifrån mina barn på grund av delad vårdnad"
    assert (
        sv.text("sv", "survey_F7_longer_overnight") == "längre än 3 timmar om det går att sova på arbetsort de dagar jag jobbar"
    )
    assert sv.text("sv", "survey_scale_agree_3") == "3 Vet ej"


@pytest.mark.parametrize("language", LANGUAGES)
def test_free_text_words_cover_every_option_in_every_language(language: str) -> None:
    words = _load_yaml(f"survey_words/{language}.yml")
    assert words["skip"]
    for question in SURVEY.questions:
        table = words["scales"][question.scale] if question.kind == "scale" else words["options"][question.id]
        assert {str(k) for k in table} == set(question.options), question.id
        assert all(isinstance(p, str) and p for phrases in table.values() for p in phrases), question.id


def test_every_headline_counts_answers_its_question_has() -> None:
    for headline in SURVEY.headlines:
        assert set(headline.answers) <= set(SURVEY.question(headline.question).options), headline
