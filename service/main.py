"""The FastAPI application: `uvicorn service.main:app`."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from service import database
from service.dependencies import close_rasa_client, get_catalogs, get_rasa_client
from service.handoff.desk import HandoffDesk
from service.handoff.live import create_live
from service.routers import accounts, chat, console, health, nlg, pages, staff
from service.settings import get_settings

log = logging.getLogger(__name__)

# The pages load only their own files: no inline script or style, nothing from other hosts.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


@asynccontextmanager
async def lifespan(app: FastAPI):
    settings = get_settings()
    database.configure(settings.database_url)
    await database.create_tables()
    live = create_live(settings.redis_url, settings.redis_prefix)
    desk = HandoffDesk(live, get_catalogs(), get_rasa_client(), settings.rasa_token, settings.presence_seconds)
    async with database.sessions()() as db:
        restored = await desk.restore(db)
    if restored:
        log.info("%d waiting handoff cases back in the queue", restored)
    app.state.desk = desk
    yield
    await live.close()
    await close_rasa_client()
    await database.dispose()


def create_app() -> FastAPI:
    app = FastAPI(title="Arbetsförmedlingen mobility assistant", version="0.2.0", lifespan=lifespan)
    for module in (health, nlg, chat, staff, accounts, console, pages):
        app.include_router(module.router)
    settings = get_settings()
    app.mount("/static", StaticFiles(directory=settings.widget_dir), name="static")
    app.mount("/console/assets", StaticFiles(directory=settings.console_dir / "assets"), name="console-assets")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


app = create_app()
