"""`make check-content`: are all catalogs complete and every fact sourced? Exit 1 lists what to fix.

Also checks what editors keep beside the catalogs: the survey (every question and option has its
text and free-text words in every language) and the place profiles (codes known, texts present)."""

from __future__ import annotations

import sys

from content import LANGUAGES, _load_yaml, facts
from content.gazetteer import municipalities, profiles
from content.questionnaire import questionnaire
from service.answers import Catalogs
from service.settings import get_settings

PROFILE_CODES = {"sectors": "place_sector_", "nature": "place_nature_", "city_life": "place_city_", "notes": "place_note_"}


def survey_problems(catalogs: Catalogs) -> list[str]:
    found = []
    survey = questionnaire()
    for question in survey.questions:
        keys = [f"utter_ask_{question.slot}", *(question.label_key(o) for o in question.options)]
        found += [f"survey {question.id}: no text {key!r}" for key in keys if catalogs.text("en", key) is None]
    for lang in LANGUAGES:
        try:
            words = _load_yaml(f"survey_words/{lang}.yml")
        except FileNotFoundError:
            found.append(f"content/survey_words/{lang}.yml: missing")
            continue
        for question in survey.questions:
            table = (
                (words.get("scales") or {}).get(question.scale)
                if question.kind == "scale"
                else (words.get("options") or {}).get(question.id)
            )
            missing = set(question.options) - {str(k) for k in (table or {})}
            if missing:
                found.append(f"content/survey_words/{lang}.yml: {question.id}: no words for {sorted(missing)}")
    return found


def place_problems(catalogs: Catalogs) -> list[str]:
    found = []
    known = municipalities()
    for name, place in profiles().items():
        if name not in known:
            found.append(f"content/places/profiles.yml: {name} is not a municipality")
        for field, prefix in PROFILE_CODES.items():
            found += [
                f"content/places/profiles.yml: {name}: {field} code {code!r} has no text {prefix}{code}"
                for code in place.get(field) or []
                if catalogs.text("en", f"{prefix}{code}") is None
            ]
        if not place.get("sources") or not place.get("last_checked"):
            found.append(f"content/places/profiles.yml: {name}: sources and last_checked are required")
    return found


def main() -> int:
    catalogs = Catalogs.load(get_settings().locales_dir)
    problems = catalogs.problems()
    try:
        loaded = facts()
    except ValueError as error:
        problems.append(f"content/facts.yml: {error}")
        loaded = {}
    problems += survey_problems(catalogs) + place_problems(catalogs)
    for line in problems:
        print(line)
    counts = f"{len(loaded)} facts, {len(questionnaire().questions)} survey questions, {len(profiles())} place profiles"
    print(f"{len(problems)} problem(s); {counts}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
