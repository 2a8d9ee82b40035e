"""Conversation ids and the tokens that prove a page owns one.

The service picks the id and signs it (HMAC-SHA256); only the page that started a conversation
can send to it, read it back or follow its live stream. Every service process must share the
secret: AF_CONVERSATION_SECRET, or for the embedded default a key kept in var/."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from functools import lru_cache
from pathlib import Path

from service.settings import VAR, get_settings

KEY_FILE = VAR / "conversation.key"


def _load_or_create_key(path: Path) -> bytes:
    if path.exists():
        return path.read_bytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    key = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(key)
    return key


@lru_cache(maxsize=1)
def _secret() -> bytes:
    configured = get_settings().conversation_secret
    return configured.encode() if configured else _load_or_create_key(KEY_FILE)


def secret() -> bytes:
    """The service's key, also used for other keyed hashes (with their own purpose label)."""
    return _secret()


def new_conversation() -> tuple[str, str]:
    sender_id = secrets.token_hex(16)
    return sender_id, token_for(sender_id)


def token_for(sender_id: str) -> str:
    return hmac.new(_secret(), sender_id.encode(), hashlib.sha256).hexdigest()


def valid(sender_id: str, token: str) -> bool:
    return hmac.compare_digest(token_for(sender_id).encode(), token.encode())
