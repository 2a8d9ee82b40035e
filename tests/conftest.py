"""Shared fixtures. The running assistant (`stack`) is started once per session, on the
production settings: PostgreSQL tracker store and Redis lock store."""

from __future__ import annotations

import os
import socket

import pytest

from service.answers import Catalogs
from service.settings import REPO_ROOT
from tests.jobsearch_fake import FakeJobSearch
from tools.paths import MODEL
from tools.reset_service import reset_service_state
from tools.stack import Ports, Stack

ARTIFACTS = REPO_ROOT / "test-artifacts"
# A host page on another origin embeds the widget in tests/browser/test_widget.py.
OTHER_SITE_PORT = int(os.environ.get("AF_TEST_OTHER_SITE_PORT", 18090))


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=2):
            return True
    except OSError:
        return False


@pytest.fixture(scope="session")
def catalogs() -> Catalogs:
    return Catalogs.load(REPO_ROOT / "locales")


@pytest.fixture(scope="session")
def stack() -> Stack:
    if not MODEL.exists():
        pytest.fail(f"no trained model at {MODEL}: `make test` trains it first")
    for name, host, port in (("PostgreSQL", "127.0.0.1", 5432), ("Redis", "127.0.0.1", 6379)):
        if not _reachable(host, port):
            pytest.fail(f"{name} is not running on {host}:{port}; the tests use the production settings")
    ports = Ports(
        rasa=int(os.environ.get("AF_TEST_RASA_PORT", 15005)),
        actions=int(os.environ.get("AF_TEST_ACTIONS_PORT", 15055)),
        web=int(os.environ.get("AF_TEST_WEB_PORT", 18000)),
    )
    # A clean slate for the web service: old cases left by an earlier run would sit in the queue.
    reset_service_state()
    os.environ["AF_WIDGET_ORIGINS"] = f"http://127.0.0.1:{OTHER_SITE_PORT}"
    # Platsbanken's JobSearch API, played from recorded answers (the machines have no internet).
    with FakeJobSearch(int(os.environ.get("AF_TEST_JOBSEARCH_PORT", 18095))) as jobsearch:
        os.environ["AF_JOBSEARCH_URL"] = jobsearch.url
        running = Stack(profile="production", ports=ports).start()
        yield running
        running.stop()


@pytest.fixture(scope="session")
def artifacts() -> os.PathLike:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
