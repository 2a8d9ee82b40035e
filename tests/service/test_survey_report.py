"""The survey report on a few thousand generated answers in PostgreSQL, checked against shares
computed here from the generated answers themselves (not from the database)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from content.questionnaire import SKIP, questionnaire
from service import database
from service.survey import store
from tools.paths import ROOT
from tools.survey_sample import generate, load

POSTGRES = os.environ.get("AF_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SCHEMA = "af_survey_report_test"
# Its own schema, so the generated answers never mix with the running service's.
URL = f"{POSTGRES}?options=-csearch_path%3D{SCHEMA}"
LANGUAGE_WEIGHTS = {"sv": 60, "en": 15, "ar": 12, "fa": 8, "so": 4, "ti": 0.3}  # ti stays under 20: suppressed
RESPONSES = 2500
SURVEY = questionnaire()


def expected_shares(people: list[dict], question_id: str, language: str | None) -> tuple[int, dict[str, float]]:
    """Independent of service.survey.report: loops over the generated people."""
    answered = [
        p["answers"][question_id]
        for p in people
        if question_id in p["answers"] and p["answers"][question_id] != [SKIP] and language in (None, p["language"])
    ]
    options = SURVEY.question(question_id).options
    return len(answered), {o: sum(o in a for a in answered) / len(answered) for o in options} if answered else {}


@pytest.fixture(scope="module")
def people() -> list[dict]:
    engine = create_engine(POSTGRES)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    generated = generate(RESPONSES, languages=LANGUAGE_WEIGHTS)
    asyncio.run(load(generated, URL))
    yield generated
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    engine.dispose()


@pytest.fixture(scope="module")
def report(people: list[dict], tmp_path_factory: pytest.TempPathFactory) -> dict:
    chart = tmp_path_factory.mktemp("report") / "survey.png"
    result = subprocess.run(
        [sys.executable, "-m", "tools.survey_report", "--json", "--chart", str(chart)],
        cwd=ROOT,
        env={**os.environ, "AF_DATABASE_URL": URL.replace("postgresql+psycopg", "postgresql+psycopg")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    data["_chart"] = chart.read_bytes()
    return data


def test_every_share_matches_the_independent_count(people: list[dict], report: dict) -> None:
    assert report["responses"] == RESPONSES and report["completed"] == RESPONSES
    compared = 0
    for question in report["questions"]:
        for group, values in question["groups"].items():
            n, shares = expected_shares(people, question["id"], None if group == "all" else group)
            assert values["answered"] == n, (question["id"], group)
            if n < SURVEY.min_group_size:
                assert values["suppressed"] and "shares" not in values
                continue
            assert not values["suppressed"]
            for option, share in shares.items():
                assert values["shares"][option] == pytest.approx(share, abs=1e-12), (question["id"], group, option)
                compared += 1
    assert compared > 500


def test_small_language_groups_are_suppressed(report: dict) -> None:
    f1 = next(q for q in report["questions"] if q["id"] == "F1")
    assert f1["groups"]["ti"]["answered"] < 20 and f1["groups"]["ti"]["suppressed"]
    assert not f1["groups"]["sv"]["suppressed"]


def test_headline_figures_in_the_reports_form(people: list[dict], report: dict) -> None:
    headlines = {h["name"]: h for h in report["headlines"]}
    n, shares = expected_shares(people, "F1", None)
    assert headlines["move_permanent"]["share"] == pytest.approx(shares["move"])
    n9, f9 = expected_shares(people, "F9", None)
    assert headlines["did_not_know"]["share"] == pytest.approx(f9["no"])
    n56, f56 = expected_shares(people, "F5_6", None)
    assert headlines["retrain_locally"]["share"] == pytest.approx(f56["4"] + f56["5"])
    # "X % kan flytta för ett fast jobb": the report's own wording, with a Swedish percent sign
    result = subprocess.run(
        [sys.executable, "-m", "tools.survey_report"],
        cwd=ROOT,
        env={**os.environ, "AF_DATABASE_URL": URL},
        capture_output=True,
        text=True,
        timeout=120,
    )
    share = round(100 * shares["move"])
    assert f"{share}\xa0% kan flytta för ett fast jobb" in result.stdout


def test_multiple_choice_shares_can_add_up_to_more_than_everyone(report: dict) -> None:
    f2 = next(q for q in report["questions"] if q["id"] == "F2")["groups"]["all"]
    assert sum(f2["shares"].values()) > 1


def test_the_chart_is_an_image(report: dict) -> None:
    assert report["_chart"][:8] == b"\x89PNG\r\n\x1a\n" and len(report["_chart"]) > 20_000


def test_answers_are_stored_without_anything_that_points_to_a_person() -> None:
    from service.survey.models import SurveyAnswer, SurveyResponse

    columns = {c.name for c in SurveyResponse.__table__.columns} | {c.name for c in SurveyAnswer.__table__.columns}
    assert columns == {"id", "language", "started_on", "completed", "response_id", "question", "option", "other_text"}


def test_malformed_survey_messages_store_nothing(tmp_path) -> None:
    async def attempt() -> list[bool]:
        database.configure(f"sqlite+aiosqlite:///{tmp_path / 'service.db'}")
        await database.create_tables()
        async with database.sessions()() as db:
            results = [
                await store.record(db, {"response_id": "not-hex", "question": "F1", "answers": ["no"]}),
                await store.record(db, {"response_id": "a" * 32, "question": "F99", "answers": ["no"]}),
                await store.record(db, {"response_id": "a" * 32, "question": "F1", "answers": ["no", "move"]}),
                await store.record(db, {"response_id": "a" * 32, "question": "F1", "answers": ["<script>"]}),
                await store.record(db, {"response_id": "a" * 32, "question": "F1", "answers": "no"}),
            ]
            rows = await store.answer_rows(db)
        await database.dispose()
        return results + [rows == []]

    assert asyncio.run(attempt()) == [False, False, False, False, False, True]


def test_other_text_is_masked_before_it_is_stored(tmp_path) -> None:
    async def attempt() -> str | None:
        database.configure(f"sqlite+aiosqlite:///{tmp_path / 'service.db'}")
        await database.create_tables()
        async with database.sessions()() as db:
            message = {
                "response_id": "b" * 32,
                "language": "sv",
                "question": "F2",
                "answers": ["other"],
                "other_text": "ring mig på 070-123 45 67, pnr 19850101-1234",
            }
            assert await store.record(db, message)
            await db.commit()
            from service.survey.models import SurveyAnswer

            stored = (await db.get(SurveyAnswer, 1)).other_text
        await database.dispose()
        return stored

    stored = asyncio.run(attempt())
    assert "070-123" not in stored and "19850101" not in stored
