"""The NLU bar: held-out intent macro-F1 of at least 0.90 in every language."""

from __future__ import annotations

import pytest

from tools.evaluate import MIN_MACRO_F1, run_evaluation, table
from tools.paths import LANGUAGES, MODEL


@pytest.fixture(scope="module")
def report() -> dict:
    if not MODEL.exists():
        pytest.fail("no trained model: `make test` trains it first")
    result = run_evaluation()
    print("\n" + table(result))
    return result


@pytest.mark.parametrize("lang", LANGUAGES)
def test_intent_macro_f1_per_language(report: dict, lang: str) -> None:
    scores = report[lang]
    assert scores["examples"] >= 29 * 6
    assert scores["intent_macro_f1"] >= MIN_MACRO_F1, (scores["weakest_intents"], scores["confusions"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_is_identified_for_most_held_out_messages(report: dict, lang: str) -> None:
    assert report[lang]["language_identified"] >= 0.75, report[lang]
