"""The web service through its HTTP interface, without Rasa (the NLG endpoint needs none)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from service.answers import SUPPORTED_LANGUAGES, Catalogs, render_response
from service.main import create_app
from service.settings import get_settings


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """The service on its embedded defaults (SQLite, in-process queue), with its own database."""
    database = tmp_path_factory.mktemp("service") / "service.db"
    patch = pytest.MonkeyPatch()
    patch.setenv("AF_DATABASE_URL", f"sqlite+aiosqlite:///{database}")
    patch.setenv("AF_CONVERSATION_SECRET", "test-secret")
    get_settings.cache_clear()
    with TestClient(create_app()) as test_client:
        yield test_client
    patch.undo()
    get_settings.cache_clear()


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
    ticket = client.post("/api/conversations", json={"language": "sv"}).json()
    reply = client.post("/api/chat", json=dict(ticket, message="hej"))
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
    assert page.status_code == 200 and "/widget/widget.js" in page.text and "<script>" not in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_health_reports_missing_backends(client: TestClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "rasa_url", "http://127.0.0.1:9")
    monkeypatch.setattr(get_settings(), "action_server_url", "http://127.0.0.1:9")
    reply = client.get("/health")
    assert reply.status_code == 503
    assert reply.json()["checks"] == {
        "rasa": False,
        "action_server": False,
        "database": True,
        "queue": True,
        "catalogs": True,
    }
    assert client.get("/health/live").json() == {"status": "ok"}


def test_conversations_are_started_by_the_service(client: TestClient) -> None:
    first = client.post("/api/conversations", json={"language": "ar"})
    second = client.post("/api/conversations")
    assert first.status_code == second.status_code == 201
    assert first.json()["sender_id"] != second.json()["sender_id"]
    history = client.get(f"/api/conversations/{first.json()['sender_id']}/messages", params={"token": first.json()["token"]})
    assert history.json() == {"messages": [], "state": {"mode": "bot", "language": "ar", "position": None, "staff_online": None}}


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"sender_id": "a" * 32, "message": "hej"},
        {"sender_id": "a" * 32, "token": "x" * 64, "message": "hej"},
        {"sender_id": "not-hex", "token": "x" * 64, "message": "hej"},
        {"sender_id": "a" * 32, "token": "x" * 64, "message": "x" * 5001},
    ],
)
def test_chat_refuses_calls_without_a_valid_ticket(client: TestClient, body: dict) -> None:
    assert client.post("/api/chat", json=body).status_code in (403, 422)


def test_console_strings_are_served_for_the_login_page(client: TestClient, catalogs: Catalogs) -> None:
    reply = client.get("/api/ui-strings/sv", params={"surface": "console"}).json()
    assert reply["strings"]["console_claim"] == catalogs.text("sv", "console_claim")
    assert not any(key.startswith("ui_") for key in reply["strings"])
    assert client.get("/api/ui-strings/sv", params={"surface": "<script>"}).status_code == 422


def test_the_widget_files_are_served(client: TestClient) -> None:
    script, style = client.get("/widget/widget.js"), client.get("/widget/widget.css")
    assert script.status_code == style.status_code == 200
    assert "javascript" in script.headers["content-type"] and "css" in style.headers["content-type"]
    assert "eval(" not in script.text and "innerHTML" not in script.text


def test_no_other_site_may_call_the_chat_api_unless_configured(client: TestClient) -> None:
    preflight = client.options("/api/chat", headers={"Origin": "https://evil.example", "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in preflight.headers
