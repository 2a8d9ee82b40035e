"""Bad input through the REST channel never gives a 5xx, never kills a process, loses nothing."""

from __future__ import annotations

import os
import random

import httpx
import pytest

from service.answers import Catalogs
from tests.stack.talk import Conversation, expected
from tools.stack import Stack

pytestmark = pytest.mark.stack

_random = random.Random(7)
JUNK = {
    "empty": "",
    "spaces": "   \n\t ",
    "100 KB": "help " * 20_480,
    "binary junk": bytes(_random.randrange(256) for _ in range(4096)).decode("latin-1"),
    "control characters": "\x00\x01\x02\x1b[31m\x7f",
    "only emoji": "😀😂🙏👍🔥",
    "mixed scripts": "hej مرحبا ሰላም hello سلام jobb",
    "html and script": "<script>alert('x')</script><img src=x onerror=alert(1)>",
    "right-to-left override": "\u202eresebidrag\u202c",
    "sql-looking": "'; DROP TABLE events; --",
    "lone surrogate escaped": "\\ud800 text",
}


@pytest.mark.parametrize("name", JUNK)
def test_junk_gets_an_answer_and_the_assistant_keeps_working(stack: Stack, catalogs: Catalogs, name: str) -> None:
    chat = Conversation(stack.rasa_url)
    reply = chat.say(JUNK[name])
    assert reply and all(m.get("text") or m.get("buttons") or m.get("custom") for m in reply)
    assert chat.texts("/ask_moving_grant") in [expected(catalogs, "utter_moving_grant", lang) for lang in catalogs.by_language]
    assert all(p.poll() is None for p in stack.processes.values())


def test_unreadable_and_too_long_messages_get_a_clear_answer(stack: Stack, catalogs: Catalogs) -> None:
    assert Conversation(stack.rasa_url).texts("😀😂🙏") == expected(catalogs, "utter_unreadable", "sv")
    assert Conversation(stack.rasa_url, language="en").texts("help " * 20_480) == expected(
        catalogs, "utter_message_too_long", "en"
    )


def test_markup_is_stored_and_echoed_as_plain_text(stack: Stack) -> None:
    chat = Conversation(stack.rasa_url)
    payload = JUNK["html and script"]
    chat.say(payload)
    tracker = httpx.get(f"{stack.rasa_url}/conversations/{chat.sender}/tracker", params={"token": stack.token}, timeout=30).json()
    assert payload in [e.get("text") for e in tracker["events"] if e["event"] == "user"]


@pytest.mark.parametrize(
    "body,content_type",
    [
        (b"\xff\xfe\x00not json", "application/json"),
        (b'{"sender": "x", "message": ', "application/json"),
        (b"[1, 2, 3]", "application/json"),
        (b'{"sender": "x"}', "application/json"),
        (b'{"sender": "x", "message": 42}', "application/json"),
        (b'{"sender": "x", "message": null}', "application/json"),
        (b'{"sender": "x", "message": {"a": 1}}', "application/json"),
        (b"sender=x&message=hej", "application/x-www-form-urlencoded"),
        (os.urandom(2048), "application/octet-stream"),
    ],
)
def test_malformed_webhook_calls_are_refused_without_a_server_error(stack: Stack, body: bytes, content_type: str) -> None:
    reply = httpx.post(
        f"{stack.rasa_url}/webhooks/rest/webhook", content=body, headers={"Content-Type": content_type}, timeout=60
    )
    assert reply.status_code < 500, reply.text
    assert all(p.poll() is None for p in stack.processes.values())
