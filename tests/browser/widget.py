"""Driving the embedded widget as a seeker would (Playwright CSS selectors reach into its shadow root)."""

from __future__ import annotations

import json

from playwright.sync_api import Page, expect

from service.answers import Catalogs


def open_widget(page: Page, url: str, catalogs: Catalogs, language: str | None = None) -> None:
    page.goto(url)
    page.locator(".af-launcher").click()
    expect(page.locator(".af-panel")).to_be_visible()
    if language:
        page.select_option("#af-language", language)
        expect(page.locator("#af-message")).to_have_attribute("placeholder", catalogs.text(language, "ui_placeholder"))


def say(page: Page, text: str) -> None:
    page.fill("#af-message", text)
    page.keyboard.press("Enter")


def last(page: Page, author: str):
    return page.locator(f".af-msg--{author} .af-msg__text").last


def ticket(page: Page) -> dict:
    """The conversation id and token the widget keeps in localStorage."""
    return json.loads(page.evaluate("Object.entries(localStorage).find(([k]) => k.endsWith(':ticket'))[1]"))
