"""The FastAPI application: `uvicorn service.main:app`."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from service import database
from service.dependencies import close_rasa_client, get_catalogs, get_rasa_client
from service.handoff.desk import DeskError, HandoffDesk
from service.handoff.live import create_live
from service.routers import accounts, chat, console, health, insights, nlg, pages, staff
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
    desk = HandoffDesk(live, get_catalogs(), get_rasa_client(), settings.rasa_token)
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
    for module in (health, nlg, chat, staff, insights, accounts, console, pages):
        app.include_router(module.router)
    settings = get_settings()
    app.mount("/widget", StaticFiles(directory=settings.widget_dir), name="widget")
    app.mount("/console/assets", StaticFiles(directory=settings.console_dir / "assets"), name="console-assets")

    origins = [origin.strip() for origin in settings.widget_origins.split(",") if origin.strip()]
    if origins:
        # Host sites that embed the widget call the seeker's API from their own origin.
        app.add_middleware(
            CORSMiddleware,
            allow_origins=origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
            allow_credentials=False,
        )

    @app.exception_handler(DeskError)
    async def desk_error(request: Request, error: DeskError) -> JSONResponse:
        """The desk's refusals (no such case, someone else was first, …) as HTTP answers, for every route."""
        return JSONResponse(status_code=error.status, content={"detail": error.detail})

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


app = create_app()
