"""Who may do what: every console page and staff API route refuses anonymous users and the
wrong role; CSRF tokens, lock-out and logout work. Runs on the production settings."""

from __future__ import annotations

import httpx
import pytest
from fastapi.routing import APIRoute

from service.main import create_app
from service.staff.auth import COOKIE
from tests.stack.people import PASSWORD, Staff, create_account, unique
from tools.stack import Stack

pytestmark = pytest.mark.stack
PUBLIC = {("POST", "/api/staff/login"), ("GET", "/console/login")}
ADMIN_ONLY_PREFIX = "/api/staff/accounts"


def protected_routes() -> list[tuple[str, str]]:
    """Every route of the console and the staff API, read from the application itself."""
    found = []
    for route in _all_routes(create_app().routes):
        if route.path.startswith("/api/staff") or route.path.startswith("/console"):
            for method in route.methods:
                if (method, route.path) not in PUBLIC:
                    found.append((method, route.path.replace("{case_id}", "1")))
    return sorted(found)


def _all_routes(routes: list) -> list[APIRoute]:
    """APIRoutes, also those inside included routers (FastAPI wraps them)."""
    found = []
    for route in routes:
        if isinstance(route, APIRoute):
            found.append(route)
        elif hasattr(route, "original_router"):
            found += _all_routes(route.original_router.routes)
    return found


ROUTES = protected_routes()


@pytest.fixture(scope="module")
def people(stack: Stack) -> dict[str, Staff]:
    people = {}
    for role in ("staff", "editor", "admin"):
        name = unique(role)
        assert create_account(name, role).returncode == 0
        people[role] = Staff(stack.web_url, name)
    return people


def call(stack: Stack, method: str, path: str, headers: dict | None = None) -> httpx.Response:
    with httpx.Client(base_url=stack.web_url, timeout=30) as client:
        if path.endswith("/events"):
            with client.stream(method, path, headers=headers) as response:
                return response
        return client.request(method, path, json={}, headers=headers)


def test_the_route_list_is_complete() -> None:
    paths = {path for _, path in ROUTES}
    for expected in ("/console", "/api/staff/queue", "/api/staff/cases/1/claim", "/api/staff/events", "/api/staff/accounts"):
        assert expected in paths


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_anonymous_is_refused(stack: Stack, method: str, path: str) -> None:
    response = call(stack, method, path)
    if path == "/console":
        assert response.status_code == 303 and response.headers["location"] == "/console/login"
    else:
        assert response.status_code == 401


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_a_forged_cookie_is_refused(stack: Stack, method: str, path: str) -> None:
    response = call(stack, method, path, headers={"Cookie": f"{COOKIE}=forged-{unique('x')}"})
    assert response.status_code in (401, 303)


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r[1] not in ("/api/staff/me", "/api/staff/logout")])
def test_the_wrong_role_is_refused(stack: Stack, people: dict[str, Staff], method: str, path: str) -> None:
    wrong = ["staff", "editor"] if path.startswith(ADMIN_ONLY_PREFIX) else ["editor"]
    for role in wrong:
        assert call(stack, method, path, headers=people[role].headers).status_code == 403, (role, method, path)


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r[0] == "POST"])
def test_state_changes_need_the_csrf_token(stack: Stack, people: dict[str, Staff], method: str, path: str) -> None:
    cookie_only = {"Cookie": f"{COOKIE}={people['admin'].cookie}"}
    assert call(stack, method, path, headers=cookie_only).status_code == 403
    wrong = dict(cookie_only, **{"X-CSRF-Token": "not-the-token"})
    assert call(stack, method, path, headers=wrong).status_code == 403


def test_the_right_role_gets_in(stack: Stack, people: dict[str, Staff]) -> None:
    assert people["staff"].get("/api/staff/queue").status_code == 200
    assert people["admin"].get("/api/staff/accounts").status_code == 200
    page = httpx.get(f"{stack.web_url}/console", headers=people["staff"].headers)
    assert page.status_code == 200 and "console.js" in page.text
    assert people["editor"].get("/api/staff/me").json()["role"] == "editor"


def test_passwords_are_stored_hashed(stack: Stack, people: dict[str, Staff]) -> None:
    import psycopg

    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test") as db:
        hashes = [row[0] for row in db.execute("select password_hash from af_staff_accounts")]
    assert hashes and all(h.startswith("$argon2id$") and PASSWORD not in h for h in hashes)


def test_repeated_failures_lock_the_account(stack: Stack) -> None:
    name = unique("locked")
    assert create_account(name, "staff").returncode == 0
    url = f"{stack.web_url}/api/staff/login"
    codes = [httpx.post(url, json={"username": name, "password": f"wrong {i}"}).status_code for i in range(5)]
    assert codes == [401, 401, 401, 401, 429]
    locked = httpx.post(url, json={"username": name, "password": PASSWORD})
    assert locked.status_code == 429 and locked.json()["detail"]["code"] == "locked"
    assert int(locked.headers["retry-after"]) > 0
    # An unknown user gets the same answer as a wrong password: nothing to learn from it.
    assert httpx.post(url, json={"username": unique("nobody"), "password": "x"}).json() == {
        "detail": {"code": "wrong_credentials"}
    }


def test_login_from_another_site_is_refused(stack: Stack, people: dict[str, Staff]) -> None:
    reply = httpx.post(
        f"{stack.web_url}/api/staff/login",
        json={"username": people["staff"].me["username"], "password": PASSWORD},
        headers={"Origin": "https://evil.example"},
    )
    assert reply.status_code == 403


def test_logout_ends_the_session(stack: Stack) -> None:
    name = unique("leaving")
    assert create_account(name, "staff").returncode == 0
    person = Staff(stack.web_url, name)
    assert person.post("/api/staff/logout").status_code == 204
    assert person.get("/api/staff/queue").status_code == 401


def test_admins_create_accounts_with_roles(stack: Stack, people: dict[str, Staff]) -> None:
    body = {"username": unique("new"), "password": "another long password", "role": "editor"}
    created = people["admin"].post("/api/staff/accounts", body)
    assert created.status_code == 201 and created.json()["role"] == "editor"
    assert people["admin"].post("/api/staff/accounts", body).status_code == 422
    assert people["admin"].post("/api/staff/accounts", dict(body, username=unique("n"), role="root")).status_code == 422


def test_the_staff_api_is_documented(stack: Stack) -> None:
    spec = httpx.get(f"{stack.web_url}/openapi.json").json()
    for path in ("/api/staff/queue", "/api/staff/cases/{case_id}/claim", "/api/staff/cases/{case_id}/hand-back"):
        assert path in spec["paths"]
    assert "reason" in spec["components"]["schemas"]["Case"]["properties"]
