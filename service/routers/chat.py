"""The chat API used by the page: validates input, forwards to Rasa's REST channel."""

from __future__ import annotations

import httpx
from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field

from content import RTL_LANGUAGES
from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.dependencies import get_catalogs, get_rasa_client

router = APIRouter(prefix="/api", tags=["chat"])


class ChatRequest(BaseModel):
    sender_id: str = Field(pattern=r"^[A-Za-z0-9_-]{8,64}$", description="Random id the page keeps for the conversation")
    message: str = Field(max_length=5000, description="What the user typed, as plain text")
    language: str | None = Field(default=None, description="The page's UI language: a prior for language identification")


class Button(BaseModel):
    title: str
    payload: str


class BotMessage(BaseModel):
    text: str | None = None
    buttons: list[Button] = Field(default_factory=list)


class ChatResponse(BaseModel):
    messages: list[BotMessage]


@router.post("/chat", response_model=ChatResponse)
async def chat(body: ChatRequest, rasa: httpx.AsyncClient = Depends(get_rasa_client)) -> ChatResponse:
    metadata = {"language": body.language} if body.language in SUPPORTED_LANGUAGES else {}
    try:
        reply = await rasa.post(
            "/webhooks/rest/webhook", json={"sender": body.sender_id, "message": body.message, "metadata": metadata}
        )
        reply.raise_for_status()
    except httpx.HTTPError as error:
        raise HTTPException(
            status_code=503, detail="The assistant is not reachable right now. Please try again in a minute."
        ) from error
    messages = [
        BotMessage(text=m.get("text"), buttons=[Button(**b) for b in m.get("buttons") or [] if "title" in b and "payload" in b])
        for m in reply.json()
        if isinstance(m, dict) and (m.get("text") or m.get("buttons"))
    ]
    return ChatResponse(messages=messages)


@router.get("/ui-strings/{language}")
def ui_strings(language: str, catalogs: Catalogs = Depends(get_catalogs)) -> dict:
    """The page's own labels in one language (every `ui_*` entry of the catalog), plus its direction."""
    if language not in SUPPORTED_LANGUAGES:
        raise HTTPException(status_code=404, detail=f"Unsupported language. Supported: {', '.join(SUPPORTED_LANGUAGES)}")
    strings = {key: catalogs.text(language, key) or "" for key in catalogs.keys() if key.startswith("ui_")}
    return {"language": language, "dir": "rtl" if language in RTL_LANGUAGES else "ltr", "strings": strings}
