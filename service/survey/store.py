"""Stores the `survey` messages the assistant sends (actions/survey.py) after checking them.

An answer given again (after "change" or a resume) replaces the earlier one for that question."""

from __future__ import annotations

import logging
import re
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from content.questionnaire import SKIP, questionnaire
from privacy.masking import mask_personal_data
from service.answers import SUPPORTED_LANGUAGES
from service.database import utcnow
from service.survey.models import SurveyAnswer, SurveyResponse

log = logging.getLogger(__name__)
RESPONSE_ID = re.compile(r"^[a-f0-9]{32}$")
MAX_OTHER_TEXT = 500


def _valid(message: dict[str, Any]) -> tuple[str, str] | None:
    response_id, language = message.get("response_id"), message.get("language")
    if not isinstance(response_id, str) or not RESPONSE_ID.match(response_id):
        return None
    return response_id, language if language in SUPPORTED_LANGUAGES else "sv"


async def _response(db: AsyncSession, response_id: str, language: str) -> SurveyResponse:
    response = await db.get(SurveyResponse, response_id)
    if response is None:
        response = SurveyResponse(id=response_id, language=language, started_on=utcnow().date())
        db.add(response)
        await db.flush()
    return response


async def record(db: AsyncSession, message: dict[str, Any]) -> bool:
    """One answer, or the end of a survey; False (and nothing stored) for anything malformed."""
    valid = _valid(message)
    if valid is None:
        log.warning("survey message without a valid response id ignored")
        return False
    response_id, language = valid
    if message.get("completed") is True:
        (await _response(db, response_id, language)).completed = True
        return True
    try:
        question = questionnaire().question(str(message.get("question")))
    except KeyError:
        log.warning("survey answer to an unknown question ignored")
        return False
    answers = message.get("answers")
    if not isinstance(answers, list) or not answers:
        return False
    options = [str(a) for a in answers]
    if any(o not in question.options and o != SKIP for o in options) or (SKIP in options and len(options) > 1):
        log.warning("survey answer with an unknown option to %s ignored", question.id)
        return False
    if question.kind != "multi" and len(options) > 1:
        return False
    other = message.get("other_text")
    other = mask_personal_data(" ".join(str(other).split())[:MAX_OTHER_TEXT]) if other else None
    await _response(db, response_id, language)
    await db.execute(delete(SurveyAnswer).where(SurveyAnswer.response_id == response_id, SurveyAnswer.question == question.id))
    for option in dict.fromkeys(options):
        db.add(
            SurveyAnswer(
                response_id=response_id,
                question=question.id,
                option=option,
                other_text=other if option == "other" else None,
            )
        )
    return True


async def answer_rows(db: AsyncSession) -> list[tuple[str, str, str, str]]:
    """(response id, language, question, option) for every stored answer: what the report counts."""
    rows = await db.execute(
        select(SurveyAnswer.response_id, SurveyResponse.language, SurveyAnswer.question, SurveyAnswer.option).join(
            SurveyResponse, SurveyResponse.id == SurveyAnswer.response_id
        )
    )
    return [tuple(row) for row in rows.all()]


async def response_counts(db: AsyncSession) -> tuple[int, int]:
    """(responses, completed responses)."""
    rows = (await db.execute(select(SurveyResponse.completed))).scalars().all()
    return len(rows), sum(1 for done in rows if done)
