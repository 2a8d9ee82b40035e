"""The web service through its HTTP interface, without Rasa (the NLG endpoint needs none)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.answers import SUPPORTED_LANGUAGES, Catalogs, render_response
from service.main import create_app
from service.settings import get_settings


@pytest.fixture(scope="module")
def client() -> TestClient:
    with TestClient(create_app()) as test_client:
        yield test_client


def nlg_body(response: str, language: str | None, **arguments: object) -> dict:
    return {
        "response": response,
        "arguments": arguments,
        "tracker": {"sender_id": "x", "slots": {"language": language}},
        "channel": {"name": "rest"},
    }


@pytest.mark.parametrize("lang", SUPPORTED_LANGUAGES)
def test_nlg_answers_in_the_language_slot(client: TestClient, catalogs: Catalogs, lang: str) -> None:
    reply = client.post("/nlg", json=nlg_body("utter_greet", lang))
    assert reply.status_code == 200
    assert reply.json()["text"] == render_response(catalogs, "utter_greet", lang)["text"]
    assert len(reply.json()["buttons"]) == 4


def test_nlg_passes_check_results_through_babel(client: TestClient) -> None:
    reply = client.post(
        "/nlg",
        json=nlg_body(
            "utter_commute_outside",
            "sv",
            work_time={"duration_minutes": 480},
            travel_time={"duration_minutes": 150},
            total_time={"duration_minutes": 780},
        ),
    )
    assert "13 timmar" in reply.json()["text"] and "2 timmar och 30 minuter" in reply.json()["text"]


@pytest.mark.parametrize("body", [{}, {"response": ""}, {"response": 5}, {"response": "x" * 500}, [], "junk"])
def test_nlg_rejects_malformed_requests(client: TestClient, body: object) -> None:
    assert client.post("/nlg", json=body).status_code == 422


def test_nlg_without_a_language_slot_answers_in_swedish(client: TestClient, catalogs: Catalogs) -> None:
    reply = client.post("/nlg", json={"response": "utter_thank"})
    assert reply.json()["text"] == catalogs.text("sv", "utter_thank")


@pytest.mark.parametrize(
    "body",
    [
        {"sender_id": "short", "message": "hej"},
        {"sender_id": "../../etc/passwd", "message": "hej"},
        {"sender_id": "abcdefgh12", "message": "x" * 5001},
        {"sender_id": "abcdefgh12"},
        {"message": "hej"},
        {"sender_id": "abcdefgh12", "message": ["hej"]},
    ],
)
def test_chat_rejects_malformed_requests(client: TestClient, body: dict) -> None:
    reply = client.post("/api/chat", json=body)
    assert reply.status_code == 422
    assert reply.json()["detail"]


def test_chat_rejects_a_body_that_is_not_json(client: TestClient) -> None:
    reply = client.post("/api/chat", content=b"\xff\xfe\x00binary", headers={"Content-Type": "application/json"})
    assert reply.status_code == 400
    assert reply.json()["detail"]


def test_chat_says_so_when_rasa_is_down(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    import service.dependencies as deps

    monkeypatch.setattr(get_settings(), "rasa_url", "http://127.0.0.1:9")
    monkeypatch.setattr(deps, "_client", None)
    reply = client.post("/api/chat", json={"sender_id": "abcdefgh12", "message": "hej"})
    assert reply.status_code == 503
    assert "not reachable" in reply.json()["detail"]
    monkeypatch.setattr(deps, "_client", None)


@pytest.mark.parametrize("lang,direction", [("sv", "ltr"), ("ar", "rtl"), ("fa", "rtl"), ("ti", "ltr")])
def test_ui_strings_per_language(client: TestClient, catalogs: Catalogs, lang: str, direction: str) -> None:
    reply = client.get(f"/api/ui-strings/{lang}").json()
    assert reply["dir"] == direction
    assert reply["strings"]["ui_send"] == catalogs.text(lang, "ui_send")
    assert all(reply["strings"].values())


def test_ui_strings_refuse_unknown_languages(client: TestClient) -> None:
    assert client.get("/api/ui-strings/de").status_code == 404


def test_pages_carry_a_strict_content_security_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "chat.js" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_health_reports_missing_backends(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "rasa_url", "http://127.0.0.1:9")
    monkeypatch.setattr(get_settings(), "action_server_url", "http://127.0.0.1:9")
    reply = client.get("/health")
    assert reply.status_code == 503
    assert reply.json()["checks"] == {"rasa": False, "action_server": False, "catalogs": True}
    assert client.get("/health/live").json() == {"status": "ok"}
