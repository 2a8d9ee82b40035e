"""The embedded defaults — SQLite and the in-process queue, no server at all — carry a whole
handoff too: what `make run` gives a developer (the other stack tests use PostgreSQL + Redis)."""

from __future__ import annotations

import os

import pytest

from service.answers import Catalogs, render_response
from tests.stack.people import Seeker, Staff
from tools.stack import Ports, Stack

pytestmark = pytest.mark.stack


@pytest.fixture(scope="module")
def embedded(tmp_path_factory: pytest.TempPathFactory, stack: Stack) -> Stack:
    """Started after the production stack (the `stack` fixture trains nothing, it only checks the model)."""
    ports = Ports(
        rasa=int(os.environ.get("AF_TEST_EMBEDDED_RASA_PORT", 16005)),
        actions=int(os.environ.get("AF_TEST_EMBEDDED_ACTIONS_PORT", 16055)),
        web=int(os.environ.get("AF_TEST_EMBEDDED_WEB_PORT", 18100)),
    )
    running = Stack(profile="embedded", ports=ports, data_dir=tmp_path_factory.mktemp("embedded")).start()
    yield running
    running.stop()


def test_a_handoff_on_the_embedded_defaults(embedded: Stack, catalogs: Catalogs) -> None:
    import subprocess
    import sys

    from tests.stack.people import PASSWORD
    from tools.paths import ROOT

    database = embedded.env["AF_DATABASE_URL"]
    created = subprocess.run(
        [sys.executable, "-m", "tools.create_account", "embedded-anna", "--role", "staff", "--password-stdin"],
        input=PASSWORD,
        text=True,
        capture_output=True,
        cwd=ROOT,
        env=dict(os.environ, AF_DATABASE_URL=database),
    )
    assert created.returncode == 0, created.stderr
    staff = Staff(embedded.web_url, "embedded-anna")
    stream = staff.listen()
    try:
        seeker = Seeker(embedded.web_url, "sv")
        said = seeker.texts("jag vill prata med en handläggare")
        assert said[-1] == render_response(catalogs, "handoff_queued", "sv", {"position": 1})["text"]
        case = staff.case_of(seeker)
        events = seeker.listen()
        assert staff.post(f"/api/staff/cases/{case['id']}/claim").status_code == 200
        assert staff.post(f"/api/staff/cases/{case['id']}/reply", {"text": "Hej! Jag heter Anna."}).status_code == 200
        assert events.next("message")["message"]["author"] == "system"  # joined
        assert events.next("message")["message"]["text"] == "Hej! Jag heter Anna."
        assert staff.post(f"/api/staff/cases/{case['id']}/hand-back").status_code == 200
        events.close()
        answer = seeker.texts("Hur många jobb måste jag söka varje månad?")
        assert answer[0] == render_response(catalogs, "utter_how_many_jobs", "sv")["text"].split("\n\n")[0]
    finally:
        stream.close()
