"""Municipalities: the full SCB list, names found in any language's spelling, profiles that render."""

from __future__ import annotations

import pytest

from actions.places import find_municipality, profile_parts
from content.gazetteer import municipalities, profiles
from service.answers import Catalogs
from service.answers.render import render_response

NORTH = ("Boden", "Gällivare", "Kiruna", "Luleå", "Piteå", "Skellefteå", "Umeå")


def test_all_290_municipalities_with_their_county() -> None:
    table = municipalities()
    assert len(table) == 290 and len({m.code for m in table.values()}) == 290
    assert table["Kiruna"].code == "2584" and table["Kiruna"].county == "Norrbottens län"
    assert table["Stockholm"].code == "0180" and table["Umeå"].county == "Västerbottens län"


@pytest.mark.parametrize(
    "text,language,expected",
    [
        ("berätta om Kiruna", "sv", "Kiruna"),
        ("hur är det att bo i lulea", "sv", "Luleå"),
        ("Skellefteås skolor", "sv", "Skellefteå"),
        ("what is life like in Umeå", "en", "Umeå"),
        ("jobb i Hallstahammar", "sv", "Hallstahammar"),
        ("كيف الحياة في كيرونا", "ar", "Kiruna"),
        ("ما ذا عن بكيرونا", "ar", "Kiruna"),
        ("hur är vädret", "sv", None),
    ],
)
def test_a_named_place_is_found(text: str, language: str, expected: str | None) -> None:
    assert find_municipality(text, language) == expected


@pytest.mark.parametrize("place", NORTH)
def test_every_northern_place_has_a_full_profile_in_every_language(catalogs: Catalogs, place: str) -> None:
    assert place in profiles()
    parts = profile_parts(place, profiles()[place])
    for language in catalogs.by_language:
        text = render_response(catalogs, "utter_place_profile", language, {"place": place, "profile": {"parts": parts}})["text"]
        assert place in text and "{" not in text, (language, text)
