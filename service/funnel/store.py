"""Records the assistant's `funnel` messages and counts seekers per stage for staff."""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from service import conversation_tokens
from service.answers import SUPPORTED_LANGUAGES
from service.funnel.models import STAGES, FunnelEvent

log = logging.getLogger(__name__)


def pseudonym(sender_id: str) -> str:
    """Keyed with the service's secret and a purpose label: not the conversation id, not its token."""
    return hmac.new(conversation_tokens.secret(), f"funnel:{sender_id}".encode(), hashlib.sha256).hexdigest()[:32]


async def record(db: AsyncSession, sender_id: str, message: dict[str, Any], language: str | None) -> bool:
    stage, previous = message.get("stage"), message.get("previous")
    if stage not in STAGES:
        log.warning("funnel message with unknown stage ignored")
        return False
    lang = message.get("language") if message.get("language") in SUPPORTED_LANGUAGES else language
    db.add(
        FunnelEvent(
            pseudonym=pseudonym(sender_id),
            stage=stage,
            previous_stage=previous if previous in STAGES else None,
            language=lang if lang in SUPPORTED_LANGUAGES else "sv",
        )
    )
    return True


async def counts(db: AsyncSession) -> dict[str, Any]:
    """Seekers at each stage now (their latest change), per language, and every move between stages."""
    latest = select(func.max(FunnelEvent.id).label("id")).group_by(FunnelEvent.pseudonym).subquery()
    current = await db.execute(
        select(FunnelEvent.stage, FunnelEvent.language, func.count())
        .join(latest, latest.c.id == FunnelEvent.id)
        .group_by(FunnelEvent.stage, FunnelEvent.language)
    )
    stages = {stage: {"stage": stage, "seekers": 0, "by_language": {}} for stage in STAGES}
    for stage, language, count in current.all():
        entry = stages[stage]
        entry["seekers"] += count
        entry["by_language"][language] = entry["by_language"].get(language, 0) + count
    moves = await db.execute(
        select(FunnelEvent.previous_stage, FunnelEvent.stage, func.count()).group_by(
            FunnelEvent.previous_stage, FunnelEvent.stage
        )
    )
    transitions = sorted(
        ({"from": before, "to": after, "count": count} for before, after, count in moves.all()),
        key=lambda t: (STAGES.index(t["from"]) if t["from"] else -1, STAGES.index(t["to"])),
    )
    return {
        "seekers": sum(s["seekers"] for s in stages.values()),
        "stages": list(stages.values()),
        "transitions": transitions,
    }
