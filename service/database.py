"""The service's own database (SQLAlchemy, async): SQLite by default, PostgreSQL in production.

Rasa keeps its tracker store separately; this database holds what the service owns: transcripts,
handoff cases and outcomes, staff accounts and sessions."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime, timezone
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def as_utc(moment: datetime) -> datetime:
    """SQLite hands back naive datetimes; everything here is UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


_engine: AsyncEngine | None = None
_sessions: async_sessionmaker[AsyncSession] | None = None


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.close()


def configure(url: str) -> AsyncEngine:
    global _engine, _sessions
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url)
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
    else:
        engine = create_async_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)
    _engine, _sessions = engine, async_sessionmaker(engine, expire_on_commit=False)
    return engine


async def create_tables() -> None:
    # The models register themselves on Base.metadata when imported.
    from service.funnel import models as _funnel  # noqa: F401
    from service.handoff import models as _handoff  # noqa: F401
    from service.staff import models as _staff  # noqa: F401
    from service.survey import models as _survey  # noqa: F401

    assert _engine is not None, "database.configure() first"
    async with _engine.begin() as connection:
        await connection.run_sync(Base.metadata.create_all)


async def dispose() -> None:
    global _engine, _sessions
    if _engine is not None:
        await _engine.dispose()
    _engine, _sessions = None, None


def sessions() -> async_sessionmaker[AsyncSession]:
    assert _sessions is not None, "database.configure() first"
    return _sessions


async def get_db() -> AsyncIterator[AsyncSession]:
    async with sessions()() as session:
        yield session
