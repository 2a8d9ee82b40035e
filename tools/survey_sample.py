"""Generated survey answers: to try the report without real ones, to test it and to time it.

    python -m tools.survey_sample --responses 3000      # into the service's database (AF_DATABASE_URL)

The answers follow the survey's branching and roughly AF's 2024 figures (a quarter can move, a
third would commute daily, a third say no); every person is stored through the same code path as
a real seeker's answers (service.survey.store.record)."""

from __future__ import annotations

import argparse
import asyncio
import random

from content.questionnaire import SKIP, questionnaire
from service import database
from service.settings import get_settings
from service.survey import store

LANGUAGE_WEIGHTS = {"sv": 60, "en": 15, "ar": 12, "fa": 8, "so": 4, "ti": 1}
F1_WEIGHTS = {"move": 26, "commute_daily": 31, "commute_weekly": 10, "no": 33}


def generate(responses: int, seed: int = 2024, languages: dict[str, float] | None = None) -> list[dict]:
    """People as {"id", "language", "answers": {question: [options]}}; about 4 % of questions skipped."""
    survey, rng = questionnaire(), random.Random(seed)
    weights = languages or LANGUAGE_WEIGHTS
    people = []
    for _ in range(responses):
        language = rng.choices(list(weights), weights=list(weights.values()))[0]
        answers: dict[str, list[str]] = {}
        for question in survey.questions:
            if not survey.applies(question, answers):
                continue
            if rng.random() < 0.04:
                answers[question.id] = [SKIP]
            elif question.id == "F1":
                answers["F1"] = rng.choices(list(F1_WEIGHTS), weights=list(F1_WEIGHTS.values()))
            elif question.kind == "multi":
                answers[question.id] = [o for o in question.options if rng.random() < 0.3] or [rng.choice(question.options)]
            else:
                answers[question.id] = [rng.choice(question.options)]
        people.append({"id": f"{rng.getrandbits(128):032x}", "language": language, "answers": answers})
    return people


async def load(people: list[dict], url: str) -> None:
    """Stores everyone, completed, in one transaction."""
    database.configure(url)
    try:
        await database.create_tables()
        async with database.sessions()() as db:
            for person in people:
                base = {"response_id": person["id"], "language": person["language"]}
                for question_id, options in person["answers"].items():
                    if not await store.record(db, {**base, "question": question_id, "answers": options}):
                        raise ValueError(f"rejected: {question_id} {options}")
                await store.record(db, {**base, "completed": True})
            await db.commit()
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--responses", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    asyncio.run(load(generate(args.responses, args.seed), get_settings().database_url))
    print(f"stored {args.responses} generated responses")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
