"""Stage changes in the mobility funnel, one row per change, under a pseudonym.

The pseudonym is a keyed hash of the conversation id: the same seeker's changes line up (so staff
can see how people move between stages) but the row does not name the conversation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.database import Base, utcnow

STAGES = ("kannedom", "intresse", "overvagande", "beslut")


class FunnelEvent(Base):
    __tablename__ = "af_funnel_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    pseudonym: Mapped[str] = mapped_column(String(32), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    previous_stage: Mapped[str | None] = mapped_column(String(16), nullable=True)
    language: Mapped[str] = mapped_column(String(8))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
