"""The handoff desk: opens cases, keeps the queue, lets staff claim, reply, hand back and close.

The database is the record; `Live` (Redis or in-process) holds the queue order, presence and the
pub/sub that carries messages to whichever service process holds the seeker's or staff's stream.

Channels: `console` (every staff console: queue changes and seekers' messages) and
`conversation:<sender_id>` (the seeker's page: staff messages and state changes)."""

from __future__ import annotations

import logging

import httpx
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from content import facts
from privacy.masking import mask_personal_data
from service.answers import Catalogs, render_response
from service.database import as_utc, utcnow
from service.handoff.live import Live
from service.handoff.models import (
    CLAIMED,
    CLOSED,
    MODE_BOT,
    MODE_STAFF,
    MODE_WAITING,
    OUTCOMES,
    RETURNED,
    WAITING,
    Conversation,
    HandoffCase,
    TranscriptMessage,
)
from service.staff.models import StaffAccount

log = logging.getLogger(__name__)
CONSOLE = "console"
SUMMARY_MESSAGES = 3
SUMMARY_CHARS = 280
URGENT_REASONS = {"threat", "crisis"}
# A seeker who writes about a threat or a crisis while waiting moves to the front.
ESCALATING_INTENTS = {"threat_violence": "threat", "crisis": "crisis"}
ESCALATION_CONFIDENCE = 0.5
OFFICIAL_NUMBERS = tuple(str(fact.value) for fact in facts().values() if fact.kind == "phone")


def conversation_channel(sender_id: str) -> str:
    return f"conversation:{sender_id}"


class DeskError(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


def message_dict(message: TranscriptMessage) -> dict:
    return {
        "id": message.id,
        "author": message.author,
        "text": message.text,
        "buttons": message.buttons or [],
        "staff_name": message.staff_name,
        "created_at": as_utc(message.created_at).isoformat(),
    }


class HandoffDesk:
    def __init__(self, live: Live, catalogs: Catalogs, rasa: httpx.AsyncClient, rasa_token: str) -> None:
        self.live, self.catalogs, self.rasa, self.rasa_token = live, catalogs, rasa, rasa_token

    # --- start-up ---------------------------------------------------------------------------
    async def restore(self, db: AsyncSession) -> int:
        """Puts every waiting case of the database back in the live queue (idempotent)."""
        cases = (await db.scalars(select(HandoffCase).where(HandoffCase.status == WAITING))).all()
        for case in cases:
            await self.live.enqueue(case.id, case.urgent, as_utc(case.created_at).timestamp())
        return len(cases)

    # --- the seeker's side ------------------------------------------------------------------
    async def conversation(self, db: AsyncSession, sender_id: str, language: str | None = None) -> Conversation:
        conversation = await db.get(Conversation, sender_id)
        if conversation is None:
            conversation = Conversation(sender_id=sender_id, language=language or "sv", mode=MODE_BOT)
            db.add(conversation)
            await db.flush()
        return conversation

    async def active_case(self, db: AsyncSession, sender_id: str) -> HandoffCase | None:
        return await db.scalar(
            select(HandoffCase)
            .where(HandoffCase.sender_id == sender_id, HandoffCase.status.in_((WAITING, CLAIMED)))
            .order_by(HandoffCase.id.desc())
            .limit(1)
        )

    async def record(
        self,
        db: AsyncSession,
        sender_id: str,
        author: str,
        text: str,
        buttons: list | None = None,
        staff_name: str | None = None,
        client_message_id: str | None = None,
    ) -> TranscriptMessage:
        message = TranscriptMessage(
            sender_id=sender_id,
            author=author,
            text=text,
            buttons=buttons or None,
            staff_name=staff_name,
            client_message_id=client_message_id,
        )
        db.add(message)
        await db.execute(update(Conversation).where(Conversation.sender_id == sender_id).values(last_message_at=utcnow()))
        await db.flush()
        return message

    async def replay(self, db: AsyncSession, sender_id: str, client_message_id: str) -> tuple[dict, list[dict]] | None:
        """The message already received with this key and what was answered; None if it is new."""
        seeker = await db.scalar(
            select(TranscriptMessage).where(
                TranscriptMessage.sender_id == sender_id, TranscriptMessage.client_message_id == client_message_id
            )
        )
        if seeker is None:
            return None
        following = (
            await db.scalars(
                select(TranscriptMessage)
                .where(TranscriptMessage.sender_id == sender_id, TranscriptMessage.id > seeker.id)
                .order_by(TranscriptMessage.id)
                .limit(50)
            )
        ).all()
        answers = []
        for message in following:
            if message.author == "seeker":
                break
            if message.author in ("bot", "system"):
                answers.append(message_dict(message))
        return message_dict(seeker), answers

    async def state(self, db: AsyncSession, conversation: Conversation) -> dict:
        """Where the seeker stands: with the bot, waiting (place in the queue), or with a person."""
        state: dict = {"mode": conversation.mode, "language": conversation.language}
        if conversation.mode == MODE_WAITING:
            case = await self.active_case(db, conversation.sender_id)
            if case is not None:
                state["position"] = await self.live.position(case.id)
                state["staff_online"] = await self.live.staff_online()
        return state

    def render(self, key: str, language: str, **arguments) -> str:
        return render_response(self.catalogs, key, language, arguments)["text"]

    async def open_case(self, db: AsyncSession, conversation: Conversation, handoff: dict) -> list[TranscriptMessage]:
        """Called when Rasa handed over: one case per conversation at a time; returns the status lines."""
        existing = await self.active_case(db, conversation.sender_id)
        if existing is not None:
            return []
        reason = str(handoff.get("reason") or "request_human")[:32]
        language = conversation.language
        seeker_lines = (
            await db.scalars(
                select(TranscriptMessage.text)
                .where(TranscriptMessage.sender_id == conversation.sender_id, TranscriptMessage.author == "seeker")
                .order_by(TranscriptMessage.id.desc())
                .limit(SUMMARY_MESSAGES)
            )
        ).all()
        summary = " / ".join(reversed(seeker_lines))
        case = HandoffCase(
            sender_id=conversation.sender_id,
            reason=reason,
            urgent=bool(handoff.get("urgent")) or reason in URGENT_REASONS,
            language=language,
            detected_language=(str(handoff["detected_language"])[:8] if handoff.get("detected_language") else None),
            funnel_stage=(str(handoff["funnel_stage"])[:16] if handoff.get("funnel_stage") else None),
            summary=summary[:SUMMARY_CHARS] + ("…" if len(summary) > SUMMARY_CHARS else ""),
            status=WAITING,
        )
        db.add(case)
        conversation.mode = MODE_WAITING
        await db.flush()
        await self.live.enqueue(case.id, case.urgent, as_utc(case.created_at).timestamp())
        position = await self.live.position(case.id) or 1
        online = await self.live.staff_online()
        key, arguments = ("handoff_queued", {"position": position}) if online else ("handoff_no_staff", {})
        # Someone who writes in a language we do not speak is told in Swedish and English.
        languages = ("sv", "en") if reason == "unsupported_language" else (language,)
        text = "\n\n".join(self.render(key, lang, **arguments) for lang in languages)
        status = await self.record(db, conversation.sender_id, "system", text)
        await db.commit()
        await self.live.publish(CONSOLE, {"type": "queue"})
        await self.publish_positions(db)
        return [status]

    async def seeker_wrote(
        self, db: AsyncSession, conversation: Conversation, message: TranscriptMessage
    ) -> list[TranscriptMessage]:
        """A message while staff has (or will have) the conversation: to the console, maybe escalate."""
        case = await self.active_case(db, conversation.sender_id)
        if case is None:
            return []
        await db.commit()
        await self.live.publish(CONSOLE, {"type": "message", "case_id": case.id, "message": message_dict(message)})
        if case.status != WAITING or case.urgent:
            return []
        reason = await self._urgent_reason(message.text)
        if reason is None:
            return []
        case.urgent, case.reason = True, reason
        await self.live.remove(case.id)
        await self.live.enqueue(case.id, True, as_utc(case.created_at).timestamp())
        warning = await self.record(
            db, conversation.sender_id, "bot", self.render(f"utter_handoff_{reason}", conversation.language)
        )
        await db.commit()
        await self.live.publish(CONSOLE, {"type": "queue"})
        await self.publish_positions(db)
        return [warning]

    async def _urgent_reason(self, text: str) -> str | None:
        try:
            reply = await self.rasa.post("/model/parse", params={"token": self.rasa_token}, json={"text": text})
            reply.raise_for_status()
            intent = reply.json().get("intent") or {}
        except (httpx.HTTPError, ValueError):
            log.warning("could not check a waiting seeker's message for urgency")
            return None
        if intent.get("name") in ESCALATING_INTENTS and (intent.get("confidence") or 0) >= ESCALATION_CONFIDENCE:
            return ESCALATING_INTENTS[intent["name"]]
        return None

    async def publish_positions(self, db: AsyncSession) -> None:
        order = await self.live.waiting()
        if not order:
            return
        senders = dict((await db.execute(select(HandoffCase.id, HandoffCase.sender_id).where(HandoffCase.id.in_(order)))).all())
        online = await self.live.staff_online()
        await self.live.publish_many(
            [
                (
                    conversation_channel(senders[case_id]),
                    {"type": "state", "state": {"mode": MODE_WAITING, "position": position, "staff_online": online}},
                )
                for position, case_id in enumerate(order, start=1)
                if case_id in senders
            ]
        )

    # --- the staff side ---------------------------------------------------------------------
    async def queue(self, db: AsyncSession, staff_id: int) -> dict:
        """Waiting cases in queue order, then the cases this staff member has claimed."""
        order = await self.live.waiting()
        rows = (
            await db.execute(
                select(HandoffCase, StaffAccount.display_name)
                .outerjoin(StaffAccount, StaffAccount.id == HandoffCase.claimed_by)
                .where(HandoffCase.status.in_((WAITING, CLAIMED)))
            )
        ).all()
        rank = {case_id: i for i, case_id in enumerate(order)}
        waiting = sorted((r for r in rows if r[0].status == WAITING), key=lambda r: rank.get(r[0].id, len(rank)))
        mine = [r for r in rows if r[0].status == CLAIMED and r[0].claimed_by == staff_id]
        return {
            "waiting": [self.case_dict(case, name) for case, name in waiting],
            "mine": [self.case_dict(case, name) for case, name in mine],
            "staff_online": await self.live.staff_online(),
        }

    def case_dict(self, case: HandoffCase, claimed_by_name: str | None = None) -> dict:
        now = utcnow()
        return {
            "id": case.id,
            "conversation_id": case.sender_id,
            "reason": case.reason,
            "urgent": case.urgent,
            "language": case.language,
            "detected_language": case.detected_language,
            "funnel_stage": case.funnel_stage,
            "summary": case.summary,
            "status": case.status,
            "created_at": as_utc(case.created_at).isoformat(),
            "waiting_seconds": int(
                ((as_utc(case.claimed_at) if case.claimed_at else now) - as_utc(case.created_at)).total_seconds()
            ),
            "claimed_by": claimed_by_name,
            "outcome": case.outcome,
        }

    async def get_case(self, db: AsyncSession, case_id: int) -> HandoffCase:
        case = await db.get(HandoffCase, case_id)
        if case is None:
            raise DeskError(404, "No such case.")
        return case

    async def transcript(self, db: AsyncSession, sender_id: str, after_id: int = 0, limit: int = 500) -> list[dict]:
        messages = (
            await db.scalars(
                select(TranscriptMessage)
                .where(TranscriptMessage.sender_id == sender_id, TranscriptMessage.id > after_id)
                .order_by(TranscriptMessage.id)
                .limit(limit)
            )
        ).all()
        return [message_dict(m) for m in messages]

    async def claim(self, db: AsyncSession, case_id: int, staff: StaffAccount) -> HandoffCase:
        case = await self.get_case(db, case_id)
        if case.status != WAITING or not await self.live.take(case_id):
            raise DeskError(409, "Someone else has already taken this conversation.")
        # The database update is conditional too: a second line of defence if the live queue was rebuilt.
        result = await db.execute(
            update(HandoffCase)
            .where(HandoffCase.id == case_id, HandoffCase.status == WAITING)
            .values(status=CLAIMED, claimed_by=staff.id, claimed_at=utcnow())
        )
        if result.rowcount != 1:
            await db.rollback()
            raise DeskError(409, "Someone else has already taken this conversation.")
        await db.execute(update(Conversation).where(Conversation.sender_id == case.sender_id).values(mode=MODE_STAFF))
        conversation = await db.get(Conversation, case.sender_id)
        joined = await self.record(db, case.sender_id, "system", self.render("handoff_joined", conversation.language))
        await db.commit()
        await db.refresh(case)
        await self._tell_seeker(case.sender_id, joined, {"mode": MODE_STAFF})
        await self.live.publish(CONSOLE, {"type": "queue"})
        await self.publish_positions(db)
        return case

    async def _claimed_by(self, db: AsyncSession, case_id: int, staff: StaffAccount) -> HandoffCase:
        case = await self.get_case(db, case_id)
        if case.status != CLAIMED:
            raise DeskError(409, "This conversation is not open.")
        if case.claimed_by != staff.id and staff.role != "admin":
            raise DeskError(403, "Another member of staff has this conversation.")
        return case

    async def reply(self, db: AsyncSession, case_id: int, staff: StaffAccount, text: str) -> dict:
        case = await self._claimed_by(db, case_id, staff)
        # Masked like everything stored, except Arbetsförmedlingen's own numbers that staff hand out.
        text = mask_personal_data(text, keep_numbers=OFFICIAL_NUMBERS)
        message = await self.record(db, case.sender_id, "staff", text, staff_name=staff.display_name)
        await db.commit()
        await self._tell_seeker(case.sender_id, message)
        await self.live.publish(CONSOLE, {"type": "message", "case_id": case.id, "message": message_dict(message)})
        return message_dict(message)

    async def hand_back(self, db: AsyncSession, case_id: int, staff: StaffAccount) -> HandoffCase:
        return await self._end(db, case_id, staff, RETURNED, None, "handoff_returned")

    async def close(self, db: AsyncSession, case_id: int, staff: StaffAccount, outcome: str) -> HandoffCase:
        if outcome not in OUTCOMES:
            raise DeskError(422, f"outcome must be one of {', '.join(OUTCOMES)}")
        return await self._end(db, case_id, staff, CLOSED, outcome, "handoff_closed")

    async def _end(
        self, db: AsyncSession, case_id: int, staff: StaffAccount, status: str, outcome: str | None, key: str
    ) -> HandoffCase:
        case = await self._claimed_by(db, case_id, staff)
        await self.resume_bot(case.sender_id)
        case.status, case.outcome, case.ended_at = status, outcome, utcnow()
        conversation = await db.get(Conversation, case.sender_id)
        conversation.mode = MODE_BOT
        line = await self.record(db, case.sender_id, "system", self.render(key, conversation.language))
        await db.commit()
        await self._tell_seeker(case.sender_id, line, {"mode": MODE_BOT})
        await self.live.publish(CONSOLE, {"type": "queue"})
        return case

    async def resume_bot(self, sender_id: str) -> None:
        """Rasa's standard `resume` event: the assistant answers the next message again."""
        try:
            reply = await self.rasa.post(
                f"/conversations/{sender_id}/tracker/events",
                params={"token": self.rasa_token},
                # action_listen: the next message is a new turn, as if the assistant had just asked.
                json=[{"event": "resume"}, {"event": "action", "name": "action_listen"}],
            )
            reply.raise_for_status()
        except httpx.HTTPError as error:
            raise DeskError(503, "The assistant is not reachable; the conversation stays with you.") from error

    async def _tell_seeker(self, sender_id: str, message: TranscriptMessage, state: dict | None = None) -> None:
        await self.live.publish(conversation_channel(sender_id), {"type": "message", "message": message_dict(message)})
        if state is not None:
            await self.live.publish(conversation_channel(sender_id), {"type": "state", "state": state})
