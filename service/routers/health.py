"""Health: is the service up, and can it reach Rasa and the action server?"""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Depends, Response

from service.answers import Catalogs
from service.dependencies import get_catalogs
from service.settings import get_settings

router = APIRouter(tags=["health"])


@router.get("/health/live")
def live() -> dict:
    return {"status": "ok"}


@router.get("/health")
async def health(response: Response, catalogs: Catalogs = Depends(get_catalogs)) -> dict:
    settings = get_settings()
    checks = {}
    async with httpx.AsyncClient(timeout=3) as client:
        for name, url in (("rasa", f"{settings.rasa_url}/status"), ("action_server", f"{settings.action_server_url}/health")):
            try:
                checks[name] = (await client.get(url)).status_code < 500
            except httpx.HTTPError:
                checks[name] = False
    problems = catalogs.problems()
    checks["catalogs"] = not problems
    ok = all(checks.values())
    response.status_code = 200 if ok else 503
    return {"status": "ok" if ok else "degraded", "checks": checks, "catalog_problems": len(problems)}
