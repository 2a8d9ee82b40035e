"""The FastAPI application: `uvicorn service.main:app`."""

from __future__ import annotations

from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles

from service.dependencies import close_rasa_client
from service.routers import chat, health, nlg, pages
from service.settings import get_settings

# The page loads only its own files: no inline script or style, nothing from other hosts.
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
    yield
    await close_rasa_client()


def create_app() -> FastAPI:
    app = FastAPI(title="Arbetsförmedlingen mobility assistant", version="0.1.0", lifespan=lifespan)
    for module in (health, nlg, chat, pages):
        app.include_router(module.router)
    app.mount("/static", StaticFiles(directory=get_settings().widget_dir), name="static")

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    return app


app = create_app()
