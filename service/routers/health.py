"""Health: is the service up, and can it reach Rasa and the action server?"""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Depends, Response
from sqlalchemy import text

from service import database
from service.answers import Catalogs
from service.dependencies import get_catalogs, get_desk
from service.handoff.desk import HandoffDesk
from service.settings import get_settings

router = APIRouter(tags=["health"])


@router.get("/health/live")
def live() -> dict:
    return {"status": "ok"}


@router.get("/health")
async def health(response: Response, catalogs: Catalogs = Depends(get_catalogs), desk: HandoffDesk = Depends(get_desk)) -> dict:
    settings = get_settings()
    checks = {}
    async with httpx.AsyncClient(timeout=3) as client:
        for name, url in (("rasa", f"{settings.rasa_url}/status"), ("action_server", f"{settings.action_server_url}/health")):
            try:
                checks[name] = (await client.get(url)).status_code < 500
            except httpx.HTTPError:
                checks[name] = False
    try:
        async with database.sessions()() as db:
            checks["database"] = (await db.execute(text("SELECT 1"))).scalar() == 1
    except Exception:  # noqa: BLE001 - any failure means "not reachable"
        checks["database"] = False
    try:
        checks["queue"] = await desk.live.ping()
    except Exception:  # noqa: BLE001
        checks["queue"] = False
    problems = catalogs.problems()
    checks["catalogs"] = not problems
    ok = all(checks.values())
    response.status_code = 200 if ok else 503
    return {"status": "ok" if ok else "degraded", "checks": checks, "catalog_problems": len(problems)}
