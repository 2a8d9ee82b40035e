"""The staff API behind the console: log in, the live queue, claim, reply, hand back, close.

Every route but login needs a session cookie, and a role: staff or admin for conversations.
State-changing routes also need the session's CSRF token in `X-CSRF-Token`."""

from __future__ import annotations

import asyncio
import json
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, HTTPException, Request, Response, status
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.ext.asyncio import AsyncSession

from service.database import get_db
from service.dependencies import get_desk
from service.handoff.desk import CONSOLE, HandoffDesk
from service.handoff.models import OUTCOMES, REASONS
from service.settings import get_settings
from service.staff import accounts
from service.staff.auth import CurrentStaff, cookie_settings, current_staff, require_role

router = APIRouter(prefix="/api/staff", tags=["staff"])
conversations_role = require_role("staff")


class Login(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=256)


class Me(BaseModel):
    username: str
    display_name: str
    role: str
    csrf_token: str = Field(description="Send as X-CSRF-Token with every POST")


class Case(BaseModel):
    id: int
    conversation_id: str = Field(description="Pseudonymous id of the conversation")
    reason: str = Field(description=f"One of: {', '.join(REASONS)}")
    urgent: bool
    language: str
    detected_language: str | None = None
    funnel_stage: str | None = None
    summary: str = Field(description="The seeker's last messages before the handoff, masked")
    status: str = Field(description="waiting | claimed | returned | closed")
    created_at: str
    waiting_seconds: int
    claimed_by: str | None = None
    outcome: str | None = None


class Queue(BaseModel):
    waiting: list[Case] = Field(description="In queue order: urgent first, then first come first served")
    mine: list[Case] = Field(description="Conversations the current staff member has taken")
    staff_online: int


class TranscriptLine(BaseModel):
    id: int
    author: str = Field(description="seeker | bot | staff | system")
    text: str
    staff_name: str | None = None
    created_at: str


class CaseDetail(BaseModel):
    case: Case
    messages: list[TranscriptLine]


class StaffReply(BaseModel):
    text: str = Field(min_length=1, max_length=5000)


class Closing(BaseModel):
    outcome: str = Field(description=f"One of: {', '.join(OUTCOMES)}")


def _same_origin(request: Request) -> None:
    """Login has no CSRF token yet: refuse it from another site's page instead."""
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(status.HTTP_403_FORBIDDEN, detail="Cross-site login refused.")


@router.post("/login", response_model=Me, dependencies=[Depends(_same_origin)])
async def login(body: Login, response: Response, db: AsyncSession = Depends(get_db)) -> Me:
    settings = get_settings()
    result = await accounts.authenticate(db, body.username, body.password, settings.lockout_attempts, settings.lockout_minutes)
    if result.account is None:
        if result.locked_minutes:
            raise HTTPException(
                status.HTTP_429_TOO_MANY_REQUESTS,
                detail={"code": "locked", "minutes": result.locked_minutes},
                headers={"Retry-After": str(result.locked_minutes * 60)},
            )
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail={"code": "wrong_credentials"})
    token, session = await accounts.open_session(db, result.account, settings.session_hours)
    response.set_cookie(value=token, max_age=int(settings.session_hours * 3600), **cookie_settings(settings))
    return Me(
        username=result.account.username,
        display_name=result.account.display_name,
        role=result.account.role,
        csrf_token=session.csrf_token,
    )


@router.post("/logout", status_code=204)
async def logout(
    response: Response, staff: CurrentStaff = Depends(current_staff), db: AsyncSession = Depends(get_db)
) -> Response:
    await accounts.close_session(db, staff.token)
    settings = cookie_settings()
    response.delete_cookie(settings["key"], path=settings["path"], secure=settings["secure"], httponly=True, samesite="strict")
    response.status_code = 204
    return response


@router.get("/me", response_model=Me)
async def me(staff: CurrentStaff = Depends(current_staff)) -> Me:
    return Me(
        username=staff.account.username,
        display_name=staff.account.display_name,
        role=staff.account.role,
        csrf_token=staff.session.csrf_token,
    )


@router.get("/queue", response_model=Queue)
async def queue(
    staff: CurrentStaff = Depends(conversations_role), db: AsyncSession = Depends(get_db), desk: HandoffDesk = Depends(get_desk)
) -> dict:
    return await desk.queue(db, staff.id)


@router.get("/cases/{case_id}", response_model=CaseDetail)
async def case_detail(
    case_id: int,
    staff: CurrentStaff = Depends(conversations_role),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> dict:
    """The case and the whole conversation, masked (personal numbers, phone numbers, e-mail)."""
    case = await desk.get_case(db, case_id)
    return {"case": desk.case_dict(case), "messages": await desk.transcript(db, case.sender_id)}


@router.post("/cases/{case_id}/claim", response_model=Case, responses={409: {"description": "Someone else was first"}})
async def claim(
    case_id: int,
    staff: CurrentStaff = Depends(conversations_role),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> dict:
    """Atomic: of any number of simultaneous claims, exactly one succeeds; the others get 409."""
    case = await desk.claim(db, case_id, staff.account)
    return desk.case_dict(case, staff.account.display_name)


@router.post("/cases/{case_id}/reply", response_model=TranscriptLine)
async def reply(
    case_id: int,
    body: StaffReply,
    staff: CurrentStaff = Depends(conversations_role),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> dict:
    return await desk.reply(db, case_id, staff.account, body.text)


@router.post("/cases/{case_id}/hand-back", response_model=Case)
async def hand_back(
    case_id: int,
    staff: CurrentStaff = Depends(conversations_role),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> dict:
    """The assistant answers the seeker's next message again (Rasa `resume`)."""
    case = await desk.hand_back(db, case_id, staff.account)
    return desk.case_dict(case, staff.account.display_name)


@router.post("/cases/{case_id}/close", response_model=Case)
async def close(
    case_id: int,
    body: Closing,
    staff: CurrentStaff = Depends(conversations_role),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> dict:
    case = await desk.close(db, case_id, staff.account, body.outcome)
    return desk.case_dict(case, staff.account.display_name)


@router.get("/events", response_class=StreamingResponse)
async def events(
    request: Request, staff: CurrentStaff = Depends(conversations_role), desk: HandoffDesk = Depends(get_desk)
) -> StreamingResponse:
    """Server-sent events for the console: `queue` (fetch the queue again) and seekers' messages.
    While the stream is open the staff member counts as online."""
    settings = get_settings()
    interval = min(settings.stream_heartbeat_seconds, settings.presence_seconds / 3)
    subscription = await desk.live.subscribe(CONSOLE)
    await desk.live.touch_presence(staff.id, settings.presence_seconds)
    await desk.live.publish(CONSOLE, {"type": "queue"})

    async def stream():
        try:
            yield "retry: 3000\n\n"
            while not await request.is_disconnected():
                event = await subscription.get(timeout=interval)
                await desk.live.touch_presence(staff.id, settings.presence_seconds)
                yield ": keep-alive\n\n" if event is None else f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
        finally:
            await subscription.close()
            await asyncio.shield(desk.live.drop_presence(staff.id))
            await asyncio.shield(desk.live.publish(CONSOLE, {"type": "queue"}))

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})
