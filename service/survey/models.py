"""Survey answers, keyed by a random response id the assistant drew for that run of the survey.

Nothing here points to a person or a conversation: no sender id, no time of day (the date only),
and the one free-text field ("Annat, ange vad") is masked before it is stored."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from service.database import Base


class SurveyResponse(Base):
    __tablename__ = "af_survey_responses"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    started_on: Mapped[date] = mapped_column(Date)
    completed: Mapped[bool] = mapped_column(Boolean, default=False)


class SurveyAnswer(Base):
    __tablename__ = "af_survey_answers"
    __table_args__ = (UniqueConstraint("response_id", "question", "option", name="uq_survey_answer"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    response_id: Mapped[str] = mapped_column(ForeignKey("af_survey_responses.id", ondelete="CASCADE"), index=True)
    question: Mapped[str] = mapped_column(String(8))
    option: Mapped[str] = mapped_column(String(32))
    other_text: Mapped[str | None] = mapped_column(Text, nullable=True)
