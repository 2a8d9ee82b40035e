"""The socket.io channel delivers replies; conversations are stored in PostgreSQL; the web API fronts Rasa."""

from __future__ import annotations

import asyncio
import json
import uuid

import httpx
import psycopg
import pytest
import socketio

from service.answers import Catalogs
from tests.stack.talk import Conversation, expected
from tools.stack import Stack

pytestmark = pytest.mark.stack


def test_socketio_channel_delivers_replies(stack: Stack, catalogs: Catalogs) -> None:
    async def talk() -> list[dict]:
        received: list[dict] = []
        done = asyncio.Event()
        client = socketio.AsyncClient(reconnection=False)

        @client.on("bot_uttered")
        async def on_bot(data: dict) -> None:
            received.append(data)
            done.set()

        await client.connect(stack.rasa_url, socketio_path="/socket.io", transports=["websocket"])
        session = uuid.uuid4().hex
        await client.emit("session_request", {"session_id": session})
        await client.emit("user_uttered", {"message": "How many jobs do I need to apply for every month?", "session_id": session})
        await asyncio.wait_for(done.wait(), timeout=30)
        await client.disconnect()
        return received

    received = asyncio.run(talk())
    assert [m["text"] for m in received] == expected(catalogs, "utter_how_many_jobs", "en")[: len(received)]


def test_conversations_are_stored_in_postgresql(stack: Stack) -> None:
    chat = Conversation(stack.rasa_url)
    chat.say("Hur många jobb behöver jag söka i månaden?")
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres") as db:
        rows = db.execute("SELECT type_name, data FROM events WHERE sender_id = %s ORDER BY id", (chat.sender,)).fetchall()
    assert "user" in [r[0] for r in rows]
    assert any("Hur många jobb" in json.loads(r[1])["text"] for r in rows if r[0] == "user")


def test_the_web_service_chat_api_forwards_to_rasa(stack: Stack, catalogs: Catalogs) -> None:
    ticket = httpx.post(f"{stack.web_url}/api/conversations", json={"language": "ti"}, timeout=30).json()
    reply = httpx.post(f"{stack.web_url}/api/chat", json=dict(ticket, message="ሰላም", language="ti"), timeout=60)
    assert reply.status_code == 200 and reply.json()["state"]["mode"] == "bot"
    message = reply.json()["messages"][0]
    assert [message["text"]] == expected(catalogs, "utter_greet", "ti")
    assert [b["title"] for b in message["buttons"]][0] == catalogs.text("ti", "btn_suitable_work")


def test_health_is_green_when_everything_runs(stack: Stack) -> None:
    reply = httpx.get(f"{stack.web_url}/health", timeout=10)
    assert reply.status_code == 200
    assert reply.json()["checks"] == {"rasa": True, "action_server": True, "database": True, "queue": True, "catalogs": True}


def test_personal_data_is_masked_before_it_is_stored(stack: Stack) -> None:
    chat = Conversation(stack.rasa_url)
    chat.say("mitt personnummer är 19900101-1234, ring 070-123 45 67 eller mejla anna.svensson@example.se")
    with psycopg.connect("host=127.0.0.1 port=5432 dbname=test user=postgres") as db:
        rows = db.execute("SELECT data FROM events WHERE sender_id = %s", (chat.sender,)).fetchall()
    stored = " ".join(r[0] for r in rows)
    for secret in ("19900101", "123 45 67", "anna.svensson"):
        assert secret not in stored
    assert "[personnummer]" in stored and "[telefon]" in stored and "[e-post]" in stored
