"""A seeker asks for a person in the chat page; a member of staff sees it in the console, takes
it, replies, and hands it back; the assistant answers again. Two browsers, one real stack."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from service.answers import Catalogs, render_response
from tests.browser.widget import last, open_widget, say
from tests.stack.people import PASSWORD, create_account, unique
from tests.stack.talk import expected
from tools.stack import Stack

pytestmark = [pytest.mark.browser, pytest.mark.stack]
XSS = '<img src=x onerror="window.__pwned = 1">'


def test_seeker_to_staff_and_back(browser, stack: Stack, catalogs: Catalogs, artifacts) -> None:
    name = unique("anna")
    assert create_account(name, "staff").returncode == 0

    console = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    console.goto(stack.web_url + "/console")
    expect(console).to_have_url(stack.web_url + "/console/login")
    expect(console.locator("#login-heading")).to_have_text(catalogs.text("sv", "console_login_heading"))
    console.fill("#username", name)
    console.fill("#password", PASSWORD)
    console.click("button[type=submit]")
    expect(console).to_have_url(stack.web_url + "/console")
    expect(console.locator("#online")).to_contain_text("1")

    seeker = browser.new_context(viewport={"width": 420, "height": 860}).new_page()
    open_widget(seeker, stack.web_url + "/", catalogs, "en")
    say(seeker, "I would like to talk to a person, please")
    expect(last(seeker, "bot")).to_have_text(render_response(catalogs, "utter_handoff_request_human", "en")["text"])
    expect(last(seeker, "system")).to_contain_text(catalogs.text("en", "handoff_queued").split("{")[0])
    expect(seeker.locator(".af-status")).to_have_text(catalogs.text("en", "ui_handoff_waiting"))

    # The case appears in the console without a reload.
    case = console.locator("#waiting .case", has_text="I would like to talk to a person, please")
    expect(case).to_be_visible()
    expect(case).to_contain_text(catalogs.text("sv", "console_reason_request_human"))
    case.get_by_role("button", name=catalogs.text("sv", "console_claim")).click()
    expect(console.locator("#transcript .line--seeker").first).to_have_text(
        catalogs.text("sv", "console_from_seeker") + "I would like to talk to a person, please"
    )
    expect(seeker.locator(".af-status")).to_have_text(catalogs.text("en", "ui_handoff_active"))

    # Markup from the seeker is text in the console, never HTML.
    say(seeker, XSS)
    expect(console.locator("#transcript .line--seeker").last).to_contain_text(XSS)
    assert console.locator("#transcript img").count() == 0
    assert console.evaluate("window.__pwned") is None

    # The seeker closes the widget; a reply while it is closed shows on the launcher.
    seeker.locator(".af-close").click()
    console.fill("#reply", "Hi, this is Anna at Arbetsförmedlingen. How can I help?")
    console.get_by_role("button", name=catalogs.text("sv", "console_send")).click()
    expect(seeker.locator(".af-launcher__badge")).to_have_text("1")
    expect(seeker.locator(".af-launcher")).to_contain_text(catalogs.text("en", "ui_unread").replace("{count}", "1"))
    seeker.locator(".af-launcher").click()
    expect(seeker.locator(".af-launcher__badge")).to_be_hidden()
    expect(last(seeker, "staff")).to_have_text("Hi, this is Anna at Arbetsförmedlingen. How can I help?")
    expect(seeker.locator(".af-msg--staff .af-msg__who")).to_have_text(catalogs.text("en", "ui_staff_label"))
    seeker.screenshot(path=str(artifacts / "handoff-seeker-with-staff.png"), full_page=True)
    console.screenshot(path=str(artifacts / "handoff-console-conversation.png"), full_page=True)

    console.get_by_role("button", name=catalogs.text("sv", "console_hand_back")).click()
    expect(last(seeker, "system")).to_have_text(catalogs.text("en", "handoff_returned"))
    expect(seeker.locator(".af-status")).to_be_hidden()
    say(seeker, "How many jobs do I need to apply for every month?")
    expect(last(seeker, "bot")).to_have_text(expected(catalogs, "utter_how_many_jobs", "en")[0])
    seeker.screenshot(path=str(artifacts / "handoff-seeker-after-hand-back.png"), full_page=True)
    console.screenshot(path=str(artifacts / "handoff-console-after-hand-back.png"), full_page=True)

    # Leaving and coming back: the same conversation, staff reply included.
    seeker.reload()
    expect(seeker.locator(".af-msg--staff")).to_have_count(1)


def test_a_persian_transcript_reads_right_to_left_in_the_console(browser, stack: Stack, catalogs: Catalogs, artifacts) -> None:
    name = unique("omid")
    assert create_account(name, "staff").returncode == 0
    seeker = browser.new_context().new_page()
    open_widget(seeker, stack.web_url + "/", catalogs, "fa")
    say(seeker, "میخوام با یک کارمند صحبت کنم")
    expect(seeker.locator(".af-msg--system")).to_have_count(1)

    console = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    console.goto(stack.web_url + "/console/login")
    console.fill("#username", name)
    console.fill("#password", PASSWORD)
    console.click("button[type=submit]")
    case = console.locator("#waiting .case", has_text="میخوام با یک کارمند صحبت کنم")
    case.get_by_role("button").click()
    line = console.locator("#transcript .line--seeker").first
    expect(line).to_contain_text("میخوام با یک کارمند صحبت کنم")
    assert line.locator(".line__text").evaluate("el => getComputedStyle(el).direction") == "rtl"
    console.screenshot(path=str(artifacts / "handoff-console-persian.png"), full_page=True)
