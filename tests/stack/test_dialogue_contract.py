"""The dialogue contract: every test story in bot/tests is predicted exactly (rasa test)."""

from __future__ import annotations

from tools.stack import test_stories as run_test_stories


def test_every_story_is_followed() -> None:
    assert run_test_stories() == 0, "see reports/stories/failed_test_stories.yml"
