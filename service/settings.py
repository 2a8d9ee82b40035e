"""Every setting of the web service, read from the environment in one place."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[1]
VAR = REPO_ROOT / "var"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="AF_", env_file=None)

    rasa_url: str = "http://127.0.0.1:5005"
    # Rasa's HTTP API token (`rasa run --enable-api --auth-token`): pause/resume on handoff.
    rasa_token: str = ""
    action_server_url: str = "http://127.0.0.1:5055"
    locales_dir: Path = REPO_ROOT / "locales"
    widget_dir: Path = REPO_ROOT / "web_widget"
    console_dir: Path = REPO_ROOT / "web_console"
    rasa_timeout_seconds: float = 30.0
    # Sites allowed to embed the chat widget from another origin (comma-separated), e.g.
    # "https://arbetsformedlingen.se". The service's own pages need nothing here.
    widget_origins: str = ""

    # Transcripts, handoff cases and staff accounts. Production: postgresql+psycopg://…
    database_url: str = f"sqlite+aiosqlite:///{VAR / 'service.db'}"
    # Handoff queue, staff presence and live delivery shared by every service process.
    # Empty: an in-process queue (one service process; the embedded default).
    redis_url: str = ""
    redis_prefix: str = "af:"

    # Signs the conversation tokens handed to the chat page. Empty: a key kept in var/.
    conversation_secret: str = ""
    # Staff sessions: cookies are Secure unless this is switched off for plain-http development.
    cookie_secure: bool = True
    session_hours: float = 8.0
    lockout_attempts: int = 5
    lockout_minutes: int = 15
    # A staff member counts as online while the console's live stream is open (plus this margin).
    presence_seconds: int = 30
    # Seconds between keep-alive comments on the live streams.
    stream_heartbeat_seconds: float = 15.0


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
