"""The survey in the widget, right to left: offered after mobility help, answered with its buttons."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from service.answers import Catalogs
from tests.browser.widget import last, open_widget, say
from tools.stack import Stack

pytestmark = [pytest.mark.browser, pytest.mark.stack]


def test_the_survey_is_offered_and_answered_with_buttons_in_arabic(browser, stack: Stack, catalogs: Catalogs, artifacts) -> None:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    open_widget(page, stack.web_url + "/", catalogs, "ar")
    say(page, "لا أستطيع تحمل تكاليف الانتقال إلى مدينة أخرى")
    expect(last(page, "bot")).to_have_text(catalogs.text("ar", "utter_survey_offer"))
    page.locator(".af-msg__buttons button", has_text=catalogs.text("ar", "btn_survey_start")).last.click()
    expect(last(page, "bot")).to_contain_text(catalogs.text("ar", "utter_ask_survey_consent").split("\n")[0])
    page.locator(".af-msg__buttons button", has_text=catalogs.text("ar", "btn_survey_consent_yes")).last.click()
    expect(last(page, "bot")).to_have_text(catalogs.text("ar", "utter_ask_survey_f1"))
    options = page.locator(".af-msg--bot").last.locator(".af-msg__buttons button")
    expect(options).to_have_count(6)  # four answers, skip, stop
    options.nth(3).click()  # "no": F2 follows
    expect(last(page, "seeker")).to_have_text(catalogs.text("ar", "survey_F1_no"))
    expect(last(page, "bot")).to_have_text(catalogs.text("ar", "utter_ask_survey_f2"))
    # "F2. لماذا…" starts with Latin letters but reads right to left, like most of its words
    expect(last(page, "bot")).to_have_attribute("dir", "rtl")
    bidi = last(page, "bot").evaluate("(node) => [getComputedStyle(node).direction, getComputedStyle(node).unicodeBidi]")
    assert bidi == ["rtl", "isolate"], bidi  # "plaintext" would let the leading "F2." turn the line around
    expect(page.locator(".af-msg--bot").last.locator(".af-msg__buttons button")).to_have_count(9)
    expect(page.locator(".af")).to_have_attribute("dir", "rtl")
    assert page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth")
    page.screenshot(path=str(artifacts / "survey-ar.png"))
    page.context.close()
