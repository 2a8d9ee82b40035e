"""Shared dependencies injected into the routers."""

from __future__ import annotations

from functools import lru_cache

import httpx
from fastapi import Request

from service.answers import Catalogs
from service.handoff.desk import HandoffDesk
from service.settings import get_settings


@lru_cache(maxsize=1)
def get_catalogs() -> Catalogs:
    return Catalogs.load(get_settings().locales_dir)


_client: httpx.AsyncClient | None = None


def get_rasa_client() -> httpx.AsyncClient:
    """One pooled client for all calls to Rasa (created lazily, closed on shutdown)."""
    global _client
    if _client is None:
        settings = get_settings()
        _client = httpx.AsyncClient(base_url=settings.rasa_url, timeout=settings.rasa_timeout_seconds)
    return _client


async def close_rasa_client() -> None:
    global _client
    if _client is not None:
        await _client.aclose()
        _client = None


def get_desk(request: Request) -> HandoffDesk:
    """The handoff desk built at start-up (service.main.lifespan)."""
    return request.app.state.desk
