"""Rasa's NLG endpoint: Rasa names a response, we answer with its text in the conversation's language."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from service.answers import Catalogs, render_response
from service.dependencies import get_catalogs

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
def generate(body: NLGRequest, catalogs: Catalogs = Depends(get_catalogs)) -> dict:
    language = (body.tracker.get("slots") or {}).get("language")
    return render_response(catalogs, body.response, language, body.arguments)
