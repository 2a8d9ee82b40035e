"""The seeker's side: start a conversation, send messages, read it back, follow it live.

Messages go to Rasa's REST channel while the assistant has the conversation; while staff has it
(or the seeker waits for staff) Rasa is paused and the messages go to the console instead.
Besides text, the assistant sends machine-readable messages that never reach the page: `handoff`
(open a case), `survey` (an anonymous survey answer) and `funnel` (a change of funnel stage)."""

from __future__ import annotations

import json
import logging

import httpx
from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, Field
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from content import RTL_LANGUAGES
from privacy.masking import mask_personal_data
from service import conversation_tokens
from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.database import get_db
from service.dependencies import get_catalogs, get_desk, get_rasa_client
from service.funnel import store as funnel_store
from service.handoff.desk import HandoffDesk, conversation_channel, message_dict
from service.handoff.models import MODE_BOT
from service.settings import get_settings
from service.survey import store as survey_store

router = APIRouter(prefix="/api", tags=["chat"])
log = logging.getLogger(__name__)
SENDER_ID = r"^[a-f0-9]{32}$"
UI_PREFIXES = {"chat": "ui_", "console": "console_"}


class NewConversation(BaseModel):
    language: str | None = Field(default=None, description="The page's language, if one of the six")


class ConversationTicket(BaseModel):
    sender_id: str = Field(description="The conversation's id")
    token: str = Field(description="Proves the page owns the conversation; send it with every call")


class ChatRequest(BaseModel):
    sender_id: str = Field(pattern=SENDER_ID, description="From POST /api/conversations")
    token: str = Field(min_length=16, max_length=128, description="From POST /api/conversations")
    message: str = Field(max_length=5000, description="What the user typed, as plain text")
    language: str | None = Field(default=None, description="The page's UI language: a prior for language identification")
    client_message_id: str | None = Field(
        default=None,
        pattern=r"^[A-Za-z0-9_-]{8,64}$",
        description="Idempotency key: a message sent again with the same key is answered from the record, not twice",
    )


class Button(BaseModel):
    title: str
    payload: str


class ChatMessage(BaseModel):
    id: int | None = None
    author: str = Field(default="bot", description="bot | staff | system | seeker")
    text: str | None = None
    buttons: list[Button] = Field(default_factory=list)
    staff_name: str | None = None


class ConversationState(BaseModel):
    mode: str = Field(description="bot | waiting | staff")
    language: str | None = None
    position: int | None = Field(default=None, description="Place in the queue while waiting")
    staff_online: int | None = None


class ChatResponse(BaseModel):
    messages: list[ChatMessage]
    state: ConversationState
    received: ChatMessage | None = Field(default=None, description="The seeker's message as stored (masked), with its id")


class History(BaseModel):
    messages: list[ChatMessage]
    state: ConversationState


def _owned(sender_id: str, token: str) -> None:
    if not conversation_tokens.valid(sender_id, token):
        raise HTTPException(status_code=403, detail="This conversation belongs to another page.")


def _buttons(raw: object) -> list[dict]:
    return [
        {"title": str(b["title"]), "payload": str(b["payload"])}
        for b in (raw if isinstance(raw, list) else [])
        if isinstance(b, dict) and "title" in b and "payload" in b
    ]


@router.post("/conversations", response_model=ConversationTicket, status_code=201)
async def start_conversation(
    body: NewConversation | None = None, db: AsyncSession = Depends(get_db), desk: HandoffDesk = Depends(get_desk)
) -> ConversationTicket:
    language = body.language if body and body.language in SUPPORTED_LANGUAGES else None
    sender_id, token = conversation_tokens.new_conversation()
    await desk.conversation(db, sender_id, language)
    await db.commit()
    return ConversationTicket(sender_id=sender_id, token=token)


@router.post("/chat", response_model=ChatResponse)
async def chat(
    body: ChatRequest,
    rasa: httpx.AsyncClient = Depends(get_rasa_client),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> ChatResponse:
    _owned(body.sender_id, body.token)
    language = body.language if body.language in SUPPORTED_LANGUAGES else None
    if body.client_message_id:
        replayed = await desk.replay(db, body.sender_id, body.client_message_id)
        if replayed is not None:
            conversation = await desk.conversation(db, body.sender_id)
            received, answered = replayed
            return ChatResponse(messages=answered, state=await desk.state(db, conversation), received=received)
    conversation = await desk.conversation(db, body.sender_id, language)
    if language and conversation.mode == MODE_BOT:
        conversation.language = language
    # Only the masked text is ever stored or shown to staff.
    try:
        seeker = await desk.record(
            db, body.sender_id, "seeker", mask_personal_data(body.message), client_message_id=body.client_message_id
        )
        await db.commit()
    except IntegrityError:
        # The same message, resent while the first copy was still being answered.
        await db.rollback()
        conversation = await desk.conversation(db, body.sender_id)
        received, answered = await desk.replay(db, body.sender_id, body.client_message_id) or (None, [])
        return ChatResponse(messages=answered, state=await desk.state(db, conversation), received=received)
    metadata = {"language": language} if language else {}
    try:
        reply = await rasa.post(
            "/webhooks/rest/webhook", json={"sender": body.sender_id, "message": body.message, "metadata": metadata}
        )
        reply.raise_for_status()
        answers = reply.json()
    except (httpx.HTTPError, ValueError) as error:
        if conversation.mode != MODE_BOT:
            answers = []  # staff still gets the message; the assistant is paused anyway
        else:
            raise HTTPException(
                status_code=503, detail="The assistant is not reachable right now. Please try again in a minute."
            ) from error
    if conversation.mode != MODE_BOT:
        extra = await desk.seeker_wrote(db, conversation, seeker)
        return ChatResponse(
            messages=[message_dict(m) for m in extra], state=await desk.state(db, conversation), received=message_dict(seeker)
        )

    stored, handoff = [], None
    for answer in answers if isinstance(answers, list) else []:
        if not isinstance(answer, dict):
            continue
        custom = answer.get("custom")
        if isinstance(custom, dict) and isinstance(custom.get("handoff"), dict):
            handoff = custom["handoff"]
            continue
        if isinstance(custom, dict) and isinstance(custom.get("survey"), dict):
            await survey_store.record(db, custom["survey"])
            continue
        if isinstance(custom, dict) and isinstance(custom.get("funnel"), dict):
            await funnel_store.record(db, body.sender_id, custom["funnel"], conversation.language)
            continue
        text, buttons = answer.get("text"), _buttons(answer.get("buttons"))
        if text or buttons:
            stored.append(await desk.record(db, body.sender_id, "bot", str(text or ""), buttons=buttons))
    answered_in = await desk.live.language_of(body.sender_id)
    if answered_in in SUPPORTED_LANGUAGES:
        conversation.language = answered_in
    if handoff is not None:
        if handoff.get("language") in SUPPORTED_LANGUAGES:
            conversation.language = handoff["language"]
        stored += await desk.open_case(db, conversation, handoff)
    await db.commit()
    return ChatResponse(
        messages=[message_dict(m) for m in stored], state=await desk.state(db, conversation), received=message_dict(seeker)
    )


@router.get("/conversations/{sender_id}/messages", response_model=History)
async def history(
    sender_id: str,
    token: str = Query(min_length=16, max_length=128),
    after: int = Query(default=0, ge=0, description="Only messages after this id"),
    db: AsyncSession = Depends(get_db),
    desk: HandoffDesk = Depends(get_desk),
) -> History:
    """The conversation so far (masked as stored), for a page that comes back or reconnects."""
    _owned(sender_id, token)
    conversation = await desk.conversation(db, sender_id)
    await db.commit()
    return History(messages=await desk.transcript(db, sender_id, after_id=after), state=await desk.state(db, conversation))


@router.get("/conversations/{sender_id}/events", response_class=StreamingResponse)
async def events(
    sender_id: str, request: Request, token: str = Query(min_length=16, max_length=128), desk: HandoffDesk = Depends(get_desk)
) -> StreamingResponse:
    """Server-sent events: staff messages and changes of state (queue place, staff joined, handed back)."""
    _owned(sender_id, token)
    subscription = await desk.live.subscribe(conversation_channel(sender_id))
    heartbeat = get_settings().stream_heartbeat_seconds

    async def stream():
        try:
            yield "retry: 3000\n\n"
            while not await request.is_disconnected():
                event = await subscription.get(timeout=heartbeat)
                yield ": keep-alive\n\n" if event is None else f"data: {json.dumps(event, ensure_ascii=False)}\n\n"
        finally:
            await subscription.close()

    return StreamingResponse(stream(), media_type="text/event-stream", headers={"Cache-Control": "no-store"})


@router.get("/ui-strings/{language}")
def ui_strings(
    language: str, surface: str = Query(default="chat", pattern="^(chat|console)$"), catalogs: Catalogs = Depends(get_catalogs)
) -> dict:
    """The labels of the chat page (`ui_*`) or of the staff console (`console_*`) in one language."""
    if language not in SUPPORTED_LANGUAGES:
        raise HTTPException(status_code=404, detail=f"Unsupported language. Supported: {', '.join(SUPPORTED_LANGUAGES)}")
    prefix = UI_PREFIXES[surface]
    strings = {key: catalogs.text(language, key) or "" for key in catalogs.keys() if key.startswith(prefix)}
    return {"language": language, "dir": "rtl" if language in RTL_LANGUAGES else "ltr", "strings": strings}
