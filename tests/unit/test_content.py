"""Content contract: every language complete, every fact in one place, every response has text."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from content import facts, response_layout
from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.settings import REPO_ROOT

DOMAIN_DIR = REPO_ROOT / "bot" / "domain"
ACTIONS_DIR = REPO_ROOT / "actions"


@pytest.fixture(scope="module")
def catalogs() -> Catalogs:
    return Catalogs.load(REPO_ROOT / "locales")


def domain_actions() -> set[str]:
    names: set[str] = set()
    for path in DOMAIN_DIR.glob("*.yml"):
        names.update((yaml.safe_load(path.read_text()) or {}).get("actions") or [])
    return names


def responses_in_code() -> set[str]:
    """Responses actions send by name, with f-string families expanded from their sources."""
    from actions.checks.interview_trip import YES_NO_CONDITIONS

    code = "\n".join(p.read_text() for p in ACTIONS_DIR.rglob("*.py"))
    names = set(re.findall(r'"(utter_\w+)"', code))
    names |= {
        f"utter_trip_fail_{n}"
        for n in [*YES_NO_CONDITIONS.values(), "outside_eea", "short_trip", "too_late", "already_travelled"]
    }
    return names


def test_every_catalog_is_complete(catalogs: Catalogs) -> None:
    assert set(catalogs.by_language) == set(SUPPORTED_LANGUAGES)
    assert catalogs.problems() == []


def test_every_response_has_text(catalogs: Catalogs) -> None:
    used = {a for a in domain_actions() if a.startswith("utter_")} | responses_in_code() | set(response_layout())
    assert sorted(used - set(catalogs.keys())) == []


def test_every_button_title_has_text(catalogs: Catalogs) -> None:
    titles = {b["title"] for r in response_layout().values() for b in r.get("buttons") or []}
    assert sorted(titles - set(catalogs.keys())) == []


def test_no_catalog_text_is_unused(catalogs: Catalogs) -> None:
    used = {a for a in domain_actions() if a.startswith("utter_")} | responses_in_code()
    answers = {k for k in catalogs.keys() if k.startswith("utter_")}
    assert sorted(answers - used) == []


def test_every_fact_has_value_source_and_date() -> None:
    loaded = facts()
    assert len(loaded) >= 15
    for fact in loaded.values():
        assert fact.source.strip() and fact.last_checked.year >= 2024, fact


def test_numbers_live_in_the_facts_file_not_in_the_answers(catalogs: Catalogs) -> None:
    """An amount or phone number typed into a translation would not follow a change of the fact."""
    import unicodedata

    protected = {re.sub(r"\D", "", str(f.value)) for f in facts().values() if f.kind in ("amount_sek", "phone")}
    protected = {digits for digits in protected if len(digits) >= 3}
    for lang in SUPPORTED_LANGUAGES:
        for key in catalogs.keys(lang):
            text = "".join(
                str(unicodedata.digit(c)) if unicodedata.category(c) == "Nd" else c for c in catalogs.text(lang, key) or ""
            )
            numbers = {re.sub(r"\D", "", n) for n in re.findall(r"\d[\d \u00a0.,-]*\d|\d", text)}
            assert numbers & protected == set(), (lang, key)


def test_rtl_catalogs_are_written_in_arabic_script(catalogs: Catalogs) -> None:
    for lang in ("ar", "fa"):
        text = catalogs.text(lang, "utter_greet") or ""
        assert sum("\u0600" <= c <= "\u06ff" for c in text) > len(text) / 3


def test_tigrinya_catalog_is_written_in_geez_script(catalogs: Catalogs) -> None:
    text = catalogs.text("ti", "utter_greet") or ""
    assert sum("\u1200" <= c <= "\u137f" for c in text) > len(text) / 3


def test_catalog_files_parse_with_gettext_tools(tmp_path: Path) -> None:
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("gettext's msgfmt is not installed")
    for lang in SUPPORTED_LANGUAGES:
        po = REPO_ROOT / "locales" / lang / "LC_MESSAGES" / "messages.po"
        subprocess.run([msgfmt, "--check-format", "-o", str(tmp_path / f"{lang}.mo"), str(po)], check=True)


def test_the_language_slot_offers_exactly_the_supported_languages() -> None:
    from content import LANGUAGES

    domain = yaml.safe_load((DOMAIN_DIR / "language.yml").read_text())
    slot = domain["slots"]["language"]
    assert slot["values"] == list(LANGUAGES) and slot["initial_value"] == LANGUAGES[0]


def test_survey_and_place_content_is_complete(catalogs) -> None:
    from tools.check_content import place_problems, survey_problems

    assert survey_problems(catalogs) == [] and place_problems(catalogs) == []
