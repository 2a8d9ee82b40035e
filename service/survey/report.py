"""The survey report: the share of each answer per question, overall and per language.

Shares are of the people who answered the question (skips are counted, not shared); a multiple-
choice question's shares can add up to more than 100 %. Any group with fewer answers than
`min_group_size` (20, AF's own practice) is suppressed: its count is shown, its shares are not.
Pure functions on (response, language, question, option) rows, so the report can be checked
against the database independently.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from babel.numbers import format_percent

from content.questionnaire import SKIP, Questionnaire, questionnaire
from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.answers.render import fill

ALL = "all"
Row = tuple[str, str, str, str]  # response id, language, question, option


def _group(respondents: dict[str, set[str]], skipped: set[str], options: tuple[str, ...], minimum: int) -> dict[str, Any]:
    n = len(respondents)
    group: dict[str, Any] = {"answered": n, "skipped": len(skipped)}
    if n < minimum:
        group["suppressed"] = True
        return group
    group["suppressed"] = False
    group["shares"] = {option: sum(1 for chosen in respondents.values() if option in chosen) / n for option in options}
    return group


def compute(rows: Iterable[Row], survey: Questionnaire | None = None, responses: int | None = None) -> dict[str, Any]:
    survey = survey or questionnaire()
    # question -> language -> response -> options chosen (skips apart)
    chosen: dict[str, dict[str, dict[str, set[str]]]] = defaultdict(lambda: defaultdict(lambda: defaultdict(set)))
    skipped: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    seen: set[str] = set()
    for response_id, language, question, option in rows:
        seen.add(response_id)
        for group in (ALL, language):
            if option == SKIP:
                skipped[question][group].add(response_id)
            else:
                chosen[question][group][response_id].add(option)
    questions = []
    for question in survey.questions:
        groups = {
            group: _group(
                chosen[question.id].get(group, {}),
                skipped[question.id].get(group, set()),
                question.options,
                survey.min_group_size,
            )
            for group in (ALL, *SUPPORTED_LANGUAGES)
        }
        questions.append({"id": question.id, "kind": question.kind, "options": list(question.options), "groups": groups})
    headlines = []
    for headline in survey.headlines:
        answered = chosen[headline.question].get(ALL, {})
        n = len(answered)
        share = sum(1 for options in answered.values() if options & set(headline.answers)) / n if n else None
        suppressed = n < survey.min_group_size
        headlines.append(
            {
                "name": headline.name,
                "question": headline.question,
                "answered": n,
                "suppressed": suppressed,
                "share": None if suppressed else share,
            }
        )
    return {
        "responses": responses if responses is not None else len(seen),
        "min_group_size": survey.min_group_size,
        "questions": questions,
        "headlines": headlines,
    }


def percent(share: float, language: str) -> str:
    """CLDR's percent pattern: "26 %" in Swedish (with a no-break space), "26%" in English."""
    return format_percent(share, locale=language)


def headline_texts(report: dict[str, Any], catalogs: Catalogs, language: str) -> list[str]:
    """ "26 % kan flytta för ett fast jobb", in the language asked for; suppressed ones say so."""
    texts = []
    for headline in report["headlines"]:
        template = catalogs.text(language, f"report_{headline['name']}") or headline["name"]
        if headline["suppressed"]:
            note = fill(catalogs.text(language, "report_suppressed") or "", {"minimum": str(report["min_group_size"])})
            texts.append(f"{fill(template, {'share': '–'})} ({note})")
        else:
            texts.append(fill(template, {"share": percent(headline["share"], language)}))
    return texts


def option_label(catalogs: Catalogs, language: str, question_id: str, option: str) -> str:
    question = questionnaire().question(question_id)
    return catalogs.text(language, question.label_key(option)) or option
