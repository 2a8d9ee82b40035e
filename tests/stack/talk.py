"""Talking to the running assistant through Rasa's REST channel, as any client would."""

from __future__ import annotations

import uuid
from typing import Any

import httpx

from service.answers import Catalogs, render_response


class Conversation:
    def __init__(self, rasa_url: str, language: str | None = None) -> None:
        self.url = f"{rasa_url}/webhooks/rest/webhook"
        self.sender = f"test-{uuid.uuid4().hex[:12]}"
        self.language = language

    def say(self, text: Any) -> list[dict]:
        body = {"sender": self.sender, "message": text, "metadata": {"language": self.language} if self.language else {}}
        reply = httpx.post(self.url, json=body, timeout=60)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def texts(self, text: Any) -> list[str]:
        return [m["text"] for m in self.say(text) if m.get("text")]


def expected(catalogs: Catalogs, name: str, language: str, **arguments: Any) -> list[str]:
    """The messages a channel delivers for one response: Rasa sends each paragraph of a text
    without buttons as a message of its own."""
    reply = render_response(catalogs, name, language, arguments)
    if reply["buttons"]:
        return [reply["text"]]
    return [part for part in reply["text"].strip().split("\n\n") if part]
