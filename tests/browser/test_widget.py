"""The embeddable widget on its demo host page, in Debian's chromium: every language, right to
left, keyboard only, reload, offline and back, markup as text, accessibility (axe-core), size."""

from __future__ import annotations

import gzip
import json

import httpx
import pytest
from playwright.sync_api import Page, expect

from service.answers import Catalogs
from service.settings import REPO_ROOT
from tests.browser.widget import last, open_widget, say, ticket
from tests.stack.people import Staff, create_account, unique
from tests.stack.talk import expected
from tools.stack import Stack

pytestmark = [pytest.mark.browser, pytest.mark.stack]
AXE = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
BUNDLE_LIMIT = 50 * 1024
QUESTIONS = {
    "sv": "Hur många jobb måste jag söka varje månad?",
    "en": "How many jobs do I need to apply for every month?",
    "ar": "كم عدد الوظائف التي يجب أن أتقدم لها كل شهر؟",
    "fa": "هر ماه باید برای چند تا کار درخواست بدم؟",
    "so": "immisa shaqo ayaan bishii codsan karaa?",
    "ti": "ኣብ ወርሒ ክንደይ ስራሕ ክሓትት ኣለኒ?",
}


@pytest.mark.parametrize("language", list(QUESTIONS))
def test_a_conversation_in_each_language(browser, stack: Stack, catalogs: Catalogs, artifacts, language: str) -> None:
    for name, viewport in (("desktop", {"width": 1280, "height": 800}), ("mobile", {"width": 360, "height": 740})):
        page = browser.new_context(viewport=viewport).new_page()
        open_widget(page, stack.web_url + "/", catalogs, language)
        expect(page.locator(".af-title")).to_have_text(catalogs.text(language, "ui_title"))
        direction = "rtl" if language in ("ar", "fa") else "ltr"
        expect(page.locator(".af")).to_have_attribute("dir", direction)
        say(page, QUESTIONS[language])
        expect(last(page, "bot")).to_have_text(expected(catalogs, "utter_how_many_jobs", language)[0])
        expect(page.locator(".af-msg--bot .af-msg__who").last).to_have_text(catalogs.text(language, "ui_assistant"))
        page.screenshot(path=str(artifacts / f"widget-{language}-{name}.png"))
        page.context.close()


@pytest.mark.parametrize("language", ["ar", "fa"])
def test_arabic_and_persian_flip_the_layout(browser, stack: Stack, catalogs: Catalogs, language: str) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 800}).new_page()
    open_widget(page, stack.web_url + "/", catalogs, language)
    panel = page.locator(".af-panel").bounding_box()
    assert panel["x"] < 100, "the panel sits at the inline end: the left in a right-to-left language"
    assert page.locator(".af-title").evaluate("el => getComputedStyle(el).direction") == "rtl"
    close = page.locator(".af-close").bounding_box()
    assert close["x"] < panel["x"] + panel["width"] / 2, "the close button is at the inline end too"
    page.context.close()


def test_a_keyboard_only_conversation(browser, stack: Stack, catalogs: Catalogs) -> None:
    page = browser.new_context().new_page()
    page.goto(stack.web_url + "/")
    expect(page.locator(".af-launcher")).to_be_visible()
    for _ in range(10):  # Tab from the top of the host page to the launcher
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement && document.activeElement.id") == "af-assistant":
            break
    page.keyboard.press("Enter")
    expect(page.locator("#af-message")).to_be_focused()
    page.keyboard.type("How many jobs do I need to apply for every month?")
    page.keyboard.press("Enter")
    expect(last(page, "bot")).to_have_text(expected(catalogs, "utter_how_many_jobs", "en")[0])
    # Focus stays inside the open dialog, however far one tabs.
    inside = []
    for _ in range(15):
        page.keyboard.press("Tab")
        inside.append(page.evaluate("document.activeElement && document.activeElement.id"))
    assert set(inside) == {"af-assistant"}
    page.keyboard.press("Escape")
    expect(page.locator(".af-panel")).to_be_hidden()
    expect(page.locator(".af-launcher")).to_be_focused()
    page.context.close()


def test_reload_keeps_the_conversation(browser, stack: Stack, catalogs: Catalogs) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "What is resebidrag?")
    expect(page.locator(".af-msg--bot")).not_to_have_count(0)
    before = page.locator(".af-msg__text").all_text_contents()
    page.reload()
    expect(page.locator(".af-panel")).to_be_visible()  # it was open: it stays open
    expect(page.locator(".af-msg__text")).to_have_text(before)
    # A second tab shows the same conversation.
    other = context.new_page()
    other.goto(stack.web_url + "/")
    expect(other.locator(".af-msg__text")).to_have_text(before)
    context.close()


def test_offline_then_online_loses_and_duplicates_nothing(browser, stack: Stack, catalogs: Catalogs) -> None:
    context = browser.new_context()
    page = context.new_page()
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "hello")
    expect(page.locator(".af-msg--bot")).not_to_have_count(0)
    context.set_offline(True)
    say(page, "How many jobs do I need to apply for every month?")
    expect(page.locator(".af-msg--pending")).to_have_count(1)
    expect(page.locator(".af-offline")).to_be_visible()
    context.set_offline(False)
    expect(last(page, "bot")).to_have_text(expected(catalogs, "utter_how_many_jobs", "en")[0], timeout=30_000)
    expect(page.locator(".af-msg--pending")).to_have_count(0)
    kept = ticket(page)
    history = httpx.get(f"{stack.web_url}/api/conversations/{kept['sender_id']}/messages", params={"token": kept["token"]}).json()
    seeker = [m["text"] for m in history["messages"] if m["author"] == "seeker"]
    assert seeker == ["hello", "How many jobs do I need to apply for every month?"]
    page.reload()
    expect(page.locator(".af-msg--seeker")).to_have_count(2)
    context.close()


def test_markup_from_the_seeker_and_from_staff_stays_text(browser, stack: Stack, catalogs: Catalogs) -> None:
    payload = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>'
    page = browser.new_context().new_page()
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "I want to talk to a person")
    expect(page.locator(".af-status")).to_have_text(catalogs.text("en", "ui_handoff_waiting"))
    say(page, payload)
    name = unique("echo")
    assert create_account(name, "staff").returncode == 0
    staff = Staff(stack.web_url, name)
    case = next(c for c in staff.queue()["waiting"] if c["conversation_id"] == ticket(page)["sender_id"])
    assert staff.post(f"/api/staff/cases/{case['id']}/claim").status_code == 200
    assert staff.post(f"/api/staff/cases/{case['id']}/reply", {"text": f"You wrote: {payload}"}).status_code == 200
    expect(last(page, "staff")).to_have_text(f"You wrote: {payload}")
    expect(last(page, "seeker")).to_have_text(payload)
    assert page.locator("#af-assistant").evaluate("el => el.shadowRoot.querySelectorAll('img, script').length") == 0
    assert page.evaluate("window.__pwned") is None
    assert staff.post(f"/api/staff/cases/{case['id']}/hand-back").status_code == 200
    page.context.close()


def test_only_the_assistants_answers_get_links(browser, stack: Stack, catalogs: Catalogs) -> None:
    page = browser.new_context().new_page()
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "What is the weather like in Stockholm tomorrow? see arbetsformedlingen.se")
    expect(page.locator(".af-msg--bot a")).not_to_have_count(0)  # the answer names arbetsformedlingen.se
    assert page.locator(".af-msg--bot a").first.get_attribute("href") == "https://arbetsformedlingen.se"
    assert page.locator(".af-msg--seeker a").count() == 0
    page.context.close()


def _axe(page: Page) -> list[dict]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]]} for v in result]


@pytest.mark.parametrize("language", ["sv", "ar"])
def test_axe_finds_no_accessibility_violations(browser, stack: Stack, catalogs: Catalogs, language: str) -> None:
    context = browser.new_context(bypass_csp=True)  # to load axe-core itself; the widget runs as always
    page = context.new_page()
    page.goto(stack.web_url + "/")
    expect(page.locator(".af-launcher")).to_be_visible()
    assert _axe(page) == [], "closed"
    page.locator(".af-launcher").click()
    page.select_option("#af-language", language)
    expect(page.locator("#af-message")).to_have_attribute("placeholder", catalogs.text(language, "ui_placeholder"))
    say(page, QUESTIONS[language])
    expect(page.locator(".af-msg--bot")).not_to_have_count(0)
    found = _axe(page)
    assert found == [], ("open", found)
    context.close()


def test_320_px_and_200_percent_zoom_need_no_horizontal_scrolling(browser, stack: Stack, catalogs: Catalogs) -> None:
    """200 % zoom of a 1280 x 800 window is a 640 x 400 CSS-pixel viewport; 320 px is WCAG's reflow width."""
    for viewport in ({"width": 320, "height": 640}, {"width": 640, "height": 400}):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        open_widget(page, stack.web_url + "/", catalogs, "sv")
        say(page, "Hur många jobb måste jag söka varje månad?")
        expect(page.locator(".af-msg--bot")).not_to_have_count(0)
        width = page.evaluate("document.documentElement.clientWidth")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        box = page.locator(".af-panel").bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1
        assert page.locator(".af-log").evaluate("el => el.scrollWidth <= el.clientWidth")
        context.close()


def test_reduced_motion_is_respected(browser, stack: Stack, catalogs: Catalogs) -> None:
    context = browser.new_context(reduced_motion="reduce")
    page = context.new_page()
    open_widget(page, stack.web_url + "/", catalogs)
    assert page.locator(".af-panel").evaluate("el => getComputedStyle(el).transitionDuration") in ("0s", "0s, 0s")
    context.close()


def test_the_widget_makes_no_request_to_anyone_but_the_service(browser, stack: Stack, catalogs: Catalogs) -> None:
    page = browser.new_context().new_page()
    hosts = set()
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "hello")
    expect(page.locator(".af-msg--bot")).not_to_have_count(0)
    assert hosts == {stack.web_url.split("/")[2]}
    page.context.close()


def test_the_bundle_is_small() -> None:
    size = sum(len(gzip.compress((REPO_ROOT / "web_widget" / name).read_bytes(), 9)) for name in ("widget.js", "widget.css"))
    assert size < BUNDLE_LIMIT, size


def test_the_widget_follows_the_language_the_seeker_writes_in(browser, stack: Stack, catalogs: Catalogs) -> None:
    page = browser.new_context().new_page()
    open_widget(page, stack.web_url + "/", catalogs, "sv")
    say(page, QUESTIONS["ar"])
    expect(page.locator(".af")).to_have_attribute("dir", "rtl")
    expect(page.locator("#af-language")).to_have_value("ar")
    expect(page.locator(".af-send")).to_have_text(catalogs.text("ar", "ui_send"))
    page.context.close()


def test_any_site_embeds_it_with_one_script_tag_under_a_strict_policy(browser, stack: Stack, catalogs: Catalogs) -> None:
    """A host page on another origin, allowing nothing inline: one config block, one script tag."""
    import http.server
    import threading

    from tests.conftest import OTHER_SITE_PORT

    service = stack.web_url
    policy = f"default-src 'none'; script-src {service}; style-src {service}; connect-src {service}"
    config = json.dumps({"serviceUrl": service, "language": "en", "colors": {"primary": "#0b3d20"}})
    host_page = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A municipality</title>'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        f'<script type="application/json" id="af-assistant-config">{config}</script>'
        f'<script src="{service}/widget/widget.js" defer></script></head>'
        "<body><main><h1>Jobs in Kiruna</h1><p>Welcome.</p></main></body></html>"
    ).encode()

    class Host(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(host_page)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", OTHER_SITE_PORT), Host)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        page = browser.new_context().new_page()
        violations: list[str] = []
        page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
        page.goto(f"http://127.0.0.1:{OTHER_SITE_PORT}/")
        page.locator(".af-launcher").click()
        say(page, "How many jobs do I need to apply for every month?")
        expect(last(page, "bot")).to_have_text(expected(catalogs, "utter_how_many_jobs", "en")[0])
        colour = page.locator(".af-send").evaluate("el => getComputedStyle(el).backgroundColor")
        assert colour == "rgb(11, 61, 32)", "the host's colour"
        assert violations == []
        page.context.close()
    finally:
        server.shutdown()
        server.server_close()


def test_quick_replies_timestamps_and_visible_focus(browser, stack: Stack, catalogs: Catalogs) -> None:
    page = browser.new_context().new_page()
    open_widget(page, stack.web_url + "/", catalogs, "en")
    say(page, "hello")
    buttons = page.locator(".af-msg--bot .af-msg__buttons button")
    expect(buttons).to_have_count(4)
    expect(buttons.first).to_have_text(catalogs.text("en", "btn_suitable_work"))
    buttons.first.click()
    expect(last(page, "seeker")).to_have_text(catalogs.text("en", "btn_suitable_work"))
    expect(last(page, "bot")).to_have_text(expected(catalogs, "utter_suitable_work", "en")[0])
    stamp = page.locator(".af-msg--bot time").last
    assert stamp.get_attribute("datetime").endswith("Z")
    expect(stamp).to_contain_text(catalogs.text("en", "ui_sent_at").split("{")[0].strip())
    page.keyboard.press("Shift+Tab")
    outline = page.evaluate(
        "() => { const a = document.getElementById('af-assistant').shadowRoot.activeElement;"
        " return a && getComputedStyle(a).outlineStyle; }"
    )
    assert outline not in (None, "none")
    assert page.locator(".af-log").get_attribute("aria-live") == "polite"
    page.context.close()
