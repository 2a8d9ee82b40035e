"""The staff console's pages (web_console/). The login page and the scripts are public;
the console itself needs a staff or admin session (anonymous visitors are sent to log in)."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse
from sqlalchemy.ext.asyncio import AsyncSession

from service.database import get_db
from service.settings import get_settings
from service.staff import accounts
from service.staff.auth import COOKIE

router = APIRouter(prefix="/console", tags=["console"], include_in_schema=False)
CONSOLE_ROLES = {"staff", "admin"}


def _page(name: str) -> FileResponse:
    return FileResponse(get_settings().console_dir / name, media_type="text/html", headers={"Cache-Control": "no-store"})


@router.get("/login")
def login_page() -> FileResponse:
    return _page("login.html")


@router.get("")
async def console_page(request: Request, db: AsyncSession = Depends(get_db)):
    token = request.cookies.get(COOKIE)
    found = await accounts.find_session(db, token) if token else None
    if found is None:
        return RedirectResponse("/console/login", status_code=303)
    if found[1].role not in CONSOLE_ROLES:
        raise HTTPException(status_code=403, detail="Your role may not use the console.")
    return _page("console.html")
