"""Rasa's NLG endpoint: Rasa names a response, we answer with its text in the conversation's language."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from service.answers import SUPPORTED_LANGUAGES, Catalogs, render_response
from service.dependencies import get_catalogs, get_desk
from service.handoff.desk import HandoffDesk

router = APIRouter(tags=["nlg"])


class NLGRequest(BaseModel):
    """The subset of Rasa's NLG request body that we read (Rasa sends the whole tracker)."""

    response: str = Field(min_length=1, max_length=200)
    arguments: dict[str, Any] = Field(default_factory=dict)
    tracker: dict[str, Any] = Field(default_factory=dict)


class NLGResponse(BaseModel):
    text: str
    buttons: list[dict[str, str]] = Field(default_factory=list)


@router.post("/nlg", response_model=NLGResponse)
async def generate(body: NLGRequest, catalogs: Catalogs = Depends(get_catalogs), desk: HandoffDesk = Depends(get_desk)) -> dict:
    language = (body.tracker.get("slots") or {}).get("language")
    sender_id = body.tracker.get("sender_id")
    if isinstance(sender_id, str) and language in SUPPORTED_LANGUAGES:
        # The chat page follows the language the assistant answers in (service/routers/chat.py).
        await desk.live.remember_language(sender_id, language)
    return render_response(catalogs, body.response, language, body.arguments)
