"""The seeker's chat API on the production settings: idempotent resends, following the language."""

from __future__ import annotations

import concurrent.futures
import uuid

import httpx
import pytest

from service.answers import Catalogs
from tests.stack.people import Seeker
from tests.stack.talk import expected
from tools.stack import Stack

pytestmark = pytest.mark.stack


def send(stack: Stack, seeker: Seeker, text: str, key: str) -> httpx.Response:
    body = {"sender_id": seeker.sender_id, "token": seeker.token, "message": text, "language": "en", "client_message_id": key}
    return httpx.post(f"{stack.web_url}/api/chat", json=body, timeout=60)


def test_a_resent_message_is_answered_once(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "en")
    key = uuid.uuid4().hex
    first = send(stack, seeker, "How many jobs do I need to apply for every month?", key)
    again = send(stack, seeker, "How many jobs do I need to apply for every month?", key)
    assert first.status_code == again.status_code == 200
    assert [m["text"] for m in first.json()["messages"]] == expected(catalogs, "utter_how_many_jobs", "en")
    assert again.json()["messages"] == first.json()["messages"]
    authors = [m["author"] for m in seeker.history()["messages"]]
    assert authors.count("seeker") == 1
    tracker = httpx.get(
        f"{stack.rasa_url}/conversations/{seeker.sender_id}/tracker", params={"token": stack.token}, timeout=30
    ).json()
    assert [e["event"] for e in tracker["events"]].count("user") == 1


def test_simultaneous_resends_store_the_message_once(stack: Stack) -> None:
    seeker = Seeker(stack.web_url, "en")
    key = uuid.uuid4().hex
    with concurrent.futures.ThreadPoolExecutor(max_workers=6) as pool:
        codes = [r.status_code for r in pool.map(lambda _: send(stack, seeker, "what is resebidrag", key), range(6))]
    assert codes == [200] * 6
    assert [m["author"] for m in seeker.history()["messages"]].count("seeker") == 1


@pytest.mark.parametrize(
    ("page", "text", "language"),
    [("sv", "How many jobs do I need to apply for every month?", "en"), ("en", "كم وظيفة يجب أن أتقدم لها كل شهر؟", "ar")],
)
def test_the_state_follows_the_language_the_seeker_writes(stack: Stack, page: str, text: str, language: str) -> None:
    seeker = Seeker(stack.web_url, page)
    seeker.say(text)
    assert seeker.state["language"] == language
