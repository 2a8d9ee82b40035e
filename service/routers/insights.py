"""What staff can read about seekers in aggregate: the funnel and the survey report (login required)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Query
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from sqlalchemy.ext.asyncio import AsyncSession

from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.database import get_db
from service.dependencies import get_catalogs
from service.funnel import store as funnel_store
from service.staff.auth import require_role
from service.survey import store as survey_store
from service.survey.chart import render_png
from service.survey.report import compute, headline_texts

router = APIRouter(prefix="/api/staff", tags=["insights"], dependencies=[Depends(require_role("staff"))])
LANGUAGE = Query(default="sv", pattern="^(" + "|".join(SUPPORTED_LANGUAGES) + ")$", description="Language of the texts")


@router.get("/funnel")
async def funnel_counts(
    db: AsyncSession = Depends(get_db), catalogs: Catalogs = Depends(get_catalogs), language: str = LANGUAGE
) -> dict:
    """Seekers per funnel stage now (by language) and how many moved from each stage to each other."""
    counts = await funnel_store.counts(db)
    for stage in counts["stages"]:
        stage["label"] = catalogs.text(language, f"console_stage_{stage['stage']}") or stage["stage"]
    return counts


async def _report(db: AsyncSession) -> dict:
    responses, completed = await survey_store.response_counts(db)
    report = compute(await survey_store.answer_rows(db), responses=responses)
    report["completed"] = completed
    return report


@router.get("/survey/report")
async def survey_report(
    db: AsyncSession = Depends(get_db), catalogs: Catalogs = Depends(get_catalogs), language: str = LANGUAGE
) -> dict:
    """Share of each answer per question, overall and per language; groups under 20 suppressed."""
    report = await _report(db)
    report["headline_texts"] = headline_texts(report, catalogs, language)
    return report


@router.get("/survey/report.png", response_class=Response)
async def survey_chart(
    db: AsyncSession = Depends(get_db), catalogs: Catalogs = Depends(get_catalogs), language: str = LANGUAGE
) -> Response:
    png = await run_in_threadpool(render_png, await _report(db), catalogs, language)
    return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})
