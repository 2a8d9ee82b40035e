"""Conversations as the service saw them, and the cases handed to staff.

Every text stored here has been through privacy.masking first."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.database import Base, utcnow

# Who is talking to the seeker right now.
MODE_BOT, MODE_WAITING, MODE_STAFF = "bot", "waiting", "staff"
# A case's life: waiting in the queue → claimed by one staff member → returned to the bot or closed.
WAITING, CLAIMED, RETURNED, CLOSED = "waiting", "claimed", "returned", "closed"
OUTCOMES = ("answered", "referred_phone", "referred_office", "meeting_booked", "no_response", "other")
REASONS = (
    "request_human",
    "misunderstood",
    "own_case",
    "protected_identity",
    "threat",
    "crisis",
    "health",
    "interpreter",
    "establishment",
    "unsupported_language",
)


class Conversation(Base):
    __tablename__ = "af_conversations"

    sender_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(8), default="sv")
    mode: Mapped[str] = mapped_column(String(16), default=MODE_BOT)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_message_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class TranscriptMessage(Base):
    __tablename__ = "af_transcript_messages"
    __table_args__ = (
        Index("ix_af_transcript_sender", "sender_id", "id"),
        # A page that resends a message after a network drop must not have it handled twice.
        UniqueConstraint("sender_id", "client_message_id", name="uq_af_transcript_client_message"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(ForeignKey("af_conversations.sender_id", ondelete="CASCADE"))
    # seeker | bot | staff | system (status lines such as the place in the queue)
    author: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    buttons: Mapped[list | None] = mapped_column(JSON, nullable=True)
    staff_name: Mapped[str | None] = mapped_column(String(80), nullable=True)
    client_message_id: Mapped[str | None] = mapped_column(String(64), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class HandoffCase(Base):
    __tablename__ = "af_handoff_cases"
    __table_args__ = (Index("ix_af_cases_status", "status", "created_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    sender_id: Mapped[str] = mapped_column(ForeignKey("af_conversations.sender_id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(String(32))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8))
    # The language the seeker wrote in when the assistant does not speak it (ISO 639-1), if known.
    detected_language: Mapped[str | None] = mapped_column(String(8), nullable=True)
    funnel_stage: Mapped[str | None] = mapped_column(String(16), nullable=True)
    summary: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=WAITING)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    claimed_by: Mapped[int | None] = mapped_column(ForeignKey("af_staff_accounts.id"), nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)
    outcome: Mapped[str | None] = mapped_column(String(32), nullable=True)
