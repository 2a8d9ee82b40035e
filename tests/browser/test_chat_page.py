"""The chat page in a real browser (Playwright driving Debian's chromium)."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from service.answers import Catalogs
from tests.stack.talk import expected
from tools.stack import Stack

pytestmark = [pytest.mark.browser, pytest.mark.stack]


def test_a_conversation_in_the_browser(browser, stack: Stack, catalogs: Catalogs, artifacts) -> None:
    page = browser.new_page()
    page.goto(stack.web_url + "/")
    page.select_option("#language", "en")
    expect(page.locator("#message")).to_have_attribute("placeholder", catalogs.text("en", "ui_placeholder"))
    page.fill("#message", "How many jobs do I need to apply for every month?")
    page.keyboard.press("Enter")
    bot = page.locator(".msg--bot").last
    expect(bot).to_contain_text(expected(catalogs, "utter_how_many_jobs", "en")[:60])
    page.screenshot(path=str(artifacts / "chat-page-en.png"), full_page=True)


def test_arabic_turns_the_page_right_to_left(browser, stack: Stack, catalogs: Catalogs, artifacts) -> None:
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(stack.web_url + "/")
    page.select_option("#language", "ar")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.fill("#message", "كم عدد الوظائف التي يجب أن أقدم عليها في الشهر؟")
    page.click("button[type=submit]")
    expect(page.locator(".msg--bot").last).to_contain_text(catalogs.text("ar", "ui_assistant"))
    page.screenshot(path=str(artifacts / "chat-page-ar-mobile.png"), full_page=True)


def test_markup_typed_by_the_user_stays_text(browser, stack: Stack, artifacts) -> None:
    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(stack.web_url + "/")
    payload = "<img src=x onerror=alert(1)><script>alert(2)</script>"
    page.fill("#message", payload)
    page.keyboard.press("Enter")
    expect(page.locator(".msg--user").last).to_contain_text(payload)
    page.wait_for_selector(".msg--bot")
    assert page.locator(".chat__log img, .chat__log script").count() == 0
    assert dialogs == []
