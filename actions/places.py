"""Finding a Swedish municipality in what the seeker wrote, and turning its profile into answer parts.

Matching uses the same blank-spaCy lexicon as the checks' parsers (actions/parsing), so "i Luleå",
"lulea", "Skellefteås", "بكيرونا" and "ኪሩና" all find their municipality.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, Dict, List, Optional

from actions.parsing.text import Lexicon, Word, build_lexicon, never_raise, words
from content import LANGUAGES
from content.gazetteer import Municipality, municipalities, profiles, spellings

if TYPE_CHECKING:  # the parsing above is also used (and tested) without rasa-sdk
    from rasa_sdk import Tracker

# Arabic/Persian write "in", "to", "and" onto the name: "بكيرونا", "فيكيرونا", "درکیرونا".
_PREFIXES = dict.fromkeys(("ب", "في", "ل", "و", "وب", "در", "به"))
_SWEDISH_SUFFIXES = ("s",)  # genitive: "Kirunas", "Umeås"


def _entries(lang: str) -> Dict[str, Word]:
    entries: Dict[str, Word] = {}
    for name in municipalities():
        entries[name] = Word("municipality", name)
        if lang == "sv":
            for suffix in _SWEDISH_SUFFIXES:
                entries.setdefault(name + suffix, Word("municipality", name))
    for name, variants in spellings(lang).items():
        if name in municipalities():
            for variant in variants:
                entries.setdefault(variant, Word("municipality", name))
    return entries


@functools.lru_cache(maxsize=8)
def _lexicon(lang: Optional[str]) -> Lexicon:
    """The Swedish names plus the chat language's own spellings only: another language's spelling
    can be an ordinary word here (Arabic writes Boden "بودن", which is Persian for "to be")."""
    languages = [lang] if lang in LANGUAGES else list(LANGUAGES)
    return build_lexicon(lang, [{code: _entries(code) for code in languages}], _PREFIXES)


@never_raise
def find_municipality(text: Any, lang: Optional[str]) -> Optional[str]:
    """The first municipality named in the text (its Swedish name), or None."""
    for word in words(text, lang, _lexicon):
        if word.kind == "municipality":
            return str(word.value)
    return None


def municipality(name: Optional[str]) -> Optional[Municipality]:
    return municipalities().get(name or "")


def profile(name: str) -> Optional[Dict[str, Any]]:
    return profiles().get(name)


def find(tracker: Tracker) -> Optional[str]:
    """A place from a button (`{"place": "Kiruna"}`) or named in the latest message."""
    sent = next(tracker.get_latest_entity_values("place"), None)
    if sent in municipalities():
        return str(sent)
    return find_municipality(tracker.latest_message.get("text") or "", tracker.get_slot("language"))


def _keys(prefix: str, codes: Any) -> Dict[str, List[str]]:
    return {"keys": [f"{prefix}{code}" for code in codes or []]}


def profile_parts(name: str, place: Dict[str, Any]) -> List[Dict[str, Any]]:
    """The profile as catalog parts: every language says the same facts in its own words."""
    parts: List[Dict[str, Any]] = [
        {
            "key": "place_intro",
            "args": {
                "place": name,
                "county": place["county"],
                "population": place["population"],
                "year": str(place["population_year"]),
            },
        }
    ]
    if place.get("employers"):
        parts.append(
            {
                "key": "place_jobs",
                "args": {"sectors": _keys("place_sector_", place["sectors"]), "employers": {"names": place["employers"]}},
            }
        )
    elif place.get("sectors"):
        parts.append({"key": "place_jobs_sectors", "args": {"sectors": _keys("place_sector_", place["sectors"])}})
    if place.get("housing_company"):
        parts.append({"key": "place_housing", "args": {"company": place["housing_company"]}})
    else:
        parts.append({"key": "place_housing_generic", "args": {}})
    if place.get("university"):
        parts.append({"key": "place_schools_university", "args": {"university": place["university"]}})
    else:
        parts.append({"key": "place_schools", "args": {}})
    if place.get("nature"):
        parts.append({"key": "place_nature", "args": {"nature": _keys("place_nature_", place["nature"])}})
    if place.get("city_life"):
        parts.append({"key": "place_city_life", "args": {"city_life": _keys("place_city_", place["city_life"])}})
    for note in place.get("notes") or []:
        parts.append({"key": f"place_note_{note}", "args": {"place": name}})
    travel = place.get("travel_from_stockholm") or {}
    if travel.get("flight_minutes"):
        parts.append({"key": "place_travel_flight", "args": {"time": {"duration_minutes": travel["flight_minutes"]}}})
    if travel.get("train_hours"):
        parts.append(
            {
                "key": "place_travel_train",
                "args": {"time": {"duration_minutes": float(travel["train_hours"]) * 60}},
            }
        )
    if place.get("website"):
        parts.append({"key": "place_website", "args": {"website": place["website"]}})
    parts.append(
        {
            "key": "place_sources",
            "args": {"sources": {"names": place.get("sources") or []}, "date": {"date": str(place["last_checked"])}},
        }
    )
    return parts
