"""FastAPI dependencies: who is logged in, with which role, and is this request really theirs.

State-changing requests must carry the session's CSRF token in `X-CSRF-Token` (the console reads
it from /api/staff/me); the cookie alone is not enough. The cookie is HttpOnly, SameSite=Strict
and Secure unless AF_COOKIE_SECURE=false."""

from __future__ import annotations

import hmac
from dataclasses import dataclass

from fastapi import Depends, HTTPException, Request, status
from sqlalchemy.ext.asyncio import AsyncSession

from service.database import get_db
from service.settings import Settings, get_settings
from service.staff import accounts
from service.staff.models import StaffAccount, StaffSession

COOKIE = "af_staff_session"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


@dataclass
class CurrentStaff:
    account: StaffAccount
    session: StaffSession
    token: str

    @property
    def id(self) -> int:
        return self.account.id


async def current_staff(request: Request, db: AsyncSession = Depends(get_db)) -> CurrentStaff:
    token = request.cookies.get(COOKIE)
    found = await accounts.find_session(db, token) if token else None
    if found is None:
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail="Log in first.")
    session, account = found
    await db.commit()  # end the read transaction: a long-lived stream must not hold a connection
    if request.method not in SAFE_METHODS:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Missing or wrong CSRF token.")
    return CurrentStaff(account=account, session=session, token=token)


def require_role(*roles: str):
    """A dependency that lets through only the given roles (admin is always let through)."""
    allowed = set(roles) | {"admin"}

    async def dependency(staff: CurrentStaff = Depends(current_staff)) -> CurrentStaff:
        if staff.account.role not in allowed:
            raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Your role may not do this.")
        return staff

    return dependency


def cookie_settings(settings: Settings | None = None) -> dict:
    settings = settings or get_settings()
    return {
        "key": COOKIE,
        "httponly": True,
        "secure": settings.cookie_secure,
        "samesite": "strict",
        "path": "/",
    }
