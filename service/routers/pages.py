"""The demo host page that embeds the chat widget (web_widget/)."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from service.settings import get_settings

router = APIRouter(tags=["pages"])


@router.get("/", include_in_schema=False)
def chat_page() -> FileResponse:
    return FileResponse(get_settings().widget_dir / "index.html", media_type="text/html")
