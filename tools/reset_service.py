"""Empties the web service's own state on the production settings: its PostgreSQL tables and its
Redis database. For the tests and benchmarks, which must start from a known queue.

    python -m tools.reset_service
"""

from __future__ import annotations

import os

POSTGRES_URL = os.environ.get("AF_TEST_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
SERVICE_REDIS_URL = os.environ.get("AF_TEST_REDIS_URL", "redis://127.0.0.1:6379/2")


def reset_service_state() -> None:
    import redis
    from sqlalchemy import create_engine

    from service import database
    from service.funnel import models as _funnel  # noqa: F401
    from service.handoff import models as _handoff  # noqa: F401
    from service.staff import models as _staff  # noqa: F401
    from service.survey import models as _survey  # noqa: F401

    engine = create_engine(POSTGRES_URL)
    database.Base.metadata.drop_all(engine)
    engine.dispose()
    redis.Redis.from_url(SERVICE_REDIS_URL).flushdb()


if __name__ == "__main__":
    reset_service_state()
