"""Answers are rendered from the catalogs with each locale's formats (Babel / CLDR)."""

from __future__ import annotations

import pytest

from content import fact
from service.answers import SUPPORTED_LANGUAGES, Catalogs, render_response
from service.answers import formatting as fmt
from service.answers.render import fill
from service.settings import REPO_ROOT


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load(REPO_ROOT / "locales")


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_facts_are_formatted_in_every_language(catalogs: Catalogs, lang: str) -> None:
    text = render_response(catalogs, "utter_resebidrag", lang)["text"]
    assert "{" not in text and "}" not in text
    assert fmt.amount_sek(fact("resebidrag_max_amount"), lang) in text
    assert text == fill(catalogs.text(lang, "utter_resebidrag") or "", {k: v for k, v in _facts(lang).items()})


def _facts(lang: str) -> dict[str, str]:
    from service.answers.render import fact_values

    return fact_values(lang)


def test_swedish_number_formats() -> None:
    assert fmt.amount_sek(3600, "sv") == "3\xa0600 svenska kronor"
    assert fmt.amount_sek(3600, "en") == "3,600 Swedish kronor"
    assert fmt.duration(90, "sv") == "1 timme och 30 minuter"
    assert fmt.duration(45, "en") == "45 minutes"
    assert fmt.date("2026-12-01", "sv") == "tisdag 1 december 2026"


@pytest.mark.parametrize("lang", ["ar", "fa"])
def test_phone_numbers_keep_their_order_in_right_to_left_text(catalogs: Catalogs, lang: str) -> None:
    text = render_response(catalogs, "utter_resebidrag_apply", lang)["text"]
    assert "\u2068" + fact("phone_jobseekers") + "\u2069" in text


def test_left_to_right_text_gets_no_isolation_marks(catalogs: Catalogs) -> None:
    text = render_response(catalogs, "utter_resebidrag_apply", "sv")["text"]
    assert fact("phone_jobseekers") in text and "\u2068" not in text


def test_unsupported_language_is_answered_in_swedish_and_english(catalogs: Catalogs) -> None:
    text = render_response(catalogs, "utter_unsupported_language", "ar")["text"]
    swedish = render_response(catalogs, "utter_unsupported_language", "sv")["text"]
    assert text.startswith(fill(catalogs.text("sv", "utter_unsupported_language") or "", _facts("sv")))
    assert fill(catalogs.text("en", "utter_unsupported_language") or "", _facts("en")) in text
    assert text == swedish
    for autonym in ("svenska", "English", "العربية", "فارسی", "Soomaali", "ትግርኛ"):
        assert autonym in text


def test_language_argument_wins_over_the_slot(catalogs: Catalogs) -> None:
    reply = render_response(catalogs, "utter_language_switched", "sv", {"language": "so"})
    assert reply["text"] == catalogs.text("so", "utter_language_switched")


def test_unknown_language_falls_back_to_swedish(catalogs: Catalogs) -> None:
    assert render_response(catalogs, "utter_greet", "de")["text"] == render_response(catalogs, "utter_greet", "sv")["text"]


def test_check_results_format_durations_and_dates(catalogs: Catalogs) -> None:
    args = {
        "work_time": {"duration_minutes": 480},
        "travel_time": {"duration_minutes": 90},
        "total_time": {"duration_minutes": 660},
    }
    text = render_response(catalogs, "utter_commute_within", "en", args)["text"]
    assert "8 hours" in text and "1 hour and 30 minutes" in text and "11 hours" in text
    eligible = render_response(
        catalogs, "utter_trip_eligible", "sv", {"deadline_date": {"date": "2026-12-01"}, "working_days": 3}
    )
    assert "tisdag 1 december 2026" in eligible["text"]


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_buttons_are_translated(catalogs: Catalogs, lang: str) -> None:
    buttons = render_response(catalogs, "utter_ask_trip_registered", lang)["buttons"]
    assert [b["payload"] for b in buttons] == ["/affirm", "/deny", "/stop"]
    assert [b["title"] for b in buttons] == [catalogs.text(lang, k) for k in ("btn_yes", "btn_no", "btn_stop_check")]


def test_a_missing_placeholder_stays_visible() -> None:
    assert fill("Call {phone} or {nothing}", {"phone": "0771"}) == "Call 0771 or {nothing}"
