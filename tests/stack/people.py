"""A job seeker on the chat API and a member of staff on the staff API, as the pages use them."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import uuid

import httpx

from service.staff.auth import COOKIE, CSRF_HEADER
from tools.paths import ROOT
from tools.stack import Stack

PASSWORD = "correct horse battery staple"


class Seeker:
    def __init__(self, web_url: str, language: str | None = None) -> None:
        self.web_url, self.language = web_url, language
        ticket = httpx.post(f"{web_url}/api/conversations", json={"language": language}, timeout=30)
        assert ticket.status_code == 201, ticket.text
        self.sender_id, self.token = ticket.json()["sender_id"], ticket.json()["token"]
        self.state: dict = {"mode": "bot"}

    def say(self, text: str, web_url: str | None = None) -> list[dict]:
        body = {"sender_id": self.sender_id, "token": self.token, "message": text, "language": self.language}
        reply = httpx.post(f"{web_url or self.web_url}/api/chat", json=body, timeout=60)
        assert reply.status_code == 200, reply.text
        self.state = reply.json()["state"]
        return reply.json()["messages"]

    def texts(self, text: str) -> list[str]:
        return [m["text"] for m in self.say(text)]

    def history(self) -> dict:
        reply = httpx.get(f"{self.web_url}/api/conversations/{self.sender_id}/messages", params={"token": self.token}, timeout=30)
        assert reply.status_code == 200, reply.text
        return reply.json()

    def listen(self, web_url: str | None = None) -> EventStream:
        url = f"{web_url or self.web_url}/api/conversations/{self.sender_id}/events"
        return EventStream(url, params={"token": self.token})


class EventStream:
    """Reads a server-sent event stream on a thread; `next()` waits for the next event."""

    def __init__(self, url: str, params: dict | None = None, headers: dict | None = None) -> None:
        self.events: queue.Queue = queue.Queue()
        self.ready = threading.Event()
        self.stopped = False
        self.thread = threading.Thread(target=self._run, args=(url, params, headers), daemon=True)
        self.thread.start()
        assert self.ready.wait(15), "the event stream did not open"

    def _run(self, url: str, params: dict | None, headers: dict | None) -> None:
        with httpx.stream("GET", url, params=params, headers=headers, timeout=httpx.Timeout(10, read=120)) as response:
            self.status = response.status_code
            self.ready.set()
            for line in response.iter_lines():
                if self.stopped:
                    return
                if line.startswith("data: "):
                    self.events.put(json.loads(line[6:]))

    def next(self, kind: str, timeout: float = 20) -> dict:
        while True:
            event = self.events.get(timeout=timeout)
            if event.get("type") == kind:
                return event

    def close(self) -> None:
        self.stopped = True


def create_account(username: str, role: str, password: str = PASSWORD) -> subprocess.CompletedProcess:
    """The admin command, on the stack's database (what an operator types for the first admin)."""
    env = {"AF_DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:5432/test", "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", "tools.create_account", username, "--role", role, "--password-stdin"],
        input=password,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=60,
    )


class Staff:
    """Logs in through the API. The session cookie is Secure, so it is sent by hand over plain http."""

    def __init__(self, web_url: str, username: str, password: str = PASSWORD) -> None:
        self.web_url = web_url
        reply = httpx.post(f"{web_url}/api/staff/login", json={"username": username, "password": password}, timeout=30)
        assert reply.status_code == 200, reply.text
        set_cookie = reply.headers["set-cookie"]
        assert "HttpOnly" in set_cookie and "Secure" in set_cookie and "SameSite=strict" in set_cookie, set_cookie
        self.cookie = reply.cookies.get(COOKIE) or set_cookie.split(";")[0].split("=", 1)[1]
        self.csrf = reply.json()["csrf_token"]
        self.me = reply.json()

    @property
    def headers(self) -> dict:
        return {"Cookie": f"{COOKIE}={self.cookie}", CSRF_HEADER: self.csrf}

    def get(self, path: str, web_url: str | None = None) -> httpx.Response:
        return httpx.get(f"{web_url or self.web_url}{path}", headers=self.headers, timeout=30)

    def post(self, path: str, body: dict | None = None, web_url: str | None = None) -> httpx.Response:
        return httpx.post(f"{web_url or self.web_url}{path}", json=body or {}, headers=self.headers, timeout=60)

    def queue(self) -> dict:
        reply = self.get("/api/staff/queue")
        assert reply.status_code == 200, reply.text
        return reply.json()

    def case_of(self, seeker: Seeker) -> dict:
        queue = self.queue()
        for case in queue["waiting"] + queue["mine"]:
            if case["conversation_id"] == seeker.sender_id:
                return case
        raise AssertionError("the seeker's case is not in the queue")

    def listen(self) -> EventStream:
        return EventStream(f"{self.web_url}/api/staff/events", headers={"Cookie": f"{COOKIE}={self.cookie}"})


def unique(name: str) -> str:
    return f"{name}-{uuid.uuid4().hex[:8]}"


def ensure_admin(stack: Stack) -> str:
    username = unique("admin")
    result = create_account(username, "admin")
    assert result.returncode == 0, result.stderr
    return username
