"""Questions in each language get the right answer, in the language they were asked in."""

from __future__ import annotations

import pytest

from service.answers import Catalogs
from tests.stack.talk import Conversation, expected
from tools.stack import Stack

pytestmark = pytest.mark.stack

# Written for these tests, not taken from the training data.
QUESTIONS = {
    "sv": [
        ("Hur många jobb behöver jag söka i månaden?", "utter_how_many_jobs"),
        ("Finns det något bidrag för att flytta till en annan stad?", "utter_moving_grant"),
        ("Är du en robot?", "utter_bot_challenge"),
    ],
    "en": [
        ("How many jobs do I need to apply for every month?", "utter_how_many_jobs"),
        ("Is there any grant that helps me move to another city?", "utter_moving_grant"),
        ("am I talking to a robot?", "utter_bot_challenge"),
    ],
    "ar": [
        ("كم عدد الوظائف التي يجب أن أقدم عليها في الشهر؟", "utter_how_many_jobs"),
        ("هل توجد منحة للانتقال إلى مدينة أخرى؟", "utter_moving_grant"),
        ("هل أنت روبوت؟", "utter_bot_challenge"),
    ],
    "fa": [
        ("هر ماه باید برای چند تا کار درخواست بدهم؟", "utter_how_many_jobs"),
        ("آیا برای اسباب‌کشی به شهر دیگر کمک هزینه‌ای وجود دارد؟", "utter_moving_grant"),
        ("تو ربات هستی؟", "utter_bot_challenge"),
    ],
    "so": [
        ("Immisa shaqo ayaan bishii u codsanayaa?", "utter_how_many_jobs"),
        ("Ma jiraa lacag la iiga caawiyo u guuritaanka magaalo kale?", "utter_moving_grant"),
        ("Ma robot baad tahay?", "utter_bot_challenge"),
    ],
    "ti": [
        ("ኣብ ወርሒ ክንደይ ስራሕ ክሓትት ኣለኒ?", "utter_how_many_jobs"),
        ("ናብ ካልእ ከተማ ንምግዓዝ ዝሕግዝ ገንዘብ ኣሎ ድዩ?", "utter_moving_grant"),
        ("ሮቦት ዲኻ?", "utter_bot_challenge"),
    ],
}


@pytest.mark.parametrize("lang", QUESTIONS)
def test_questions_are_answered_in_the_language_they_are_asked_in(stack: Stack, catalogs: Catalogs, lang: str) -> None:
    chat = Conversation(stack.rasa_url)
    for question, response in QUESTIONS[lang]:
        assert chat.texts(question) == expected(catalogs, response, lang), question


def test_the_page_language_is_a_prior_for_short_messages(stack: Stack, catalogs: Catalogs) -> None:
    chat = Conversation(stack.rasa_url, language="so")
    assert chat.texts("👋") == expected(catalogs, "utter_unreadable", "so")


def test_asking_for_a_language_switches_and_the_choice_sticks(stack: Stack, catalogs: Catalogs) -> None:
    chat = Conversation(stack.rasa_url)
    assert chat.texts("kan vi prata arabiska?") == expected(catalogs, "utter_language_switched", "ar")
    assert chat.texts("/ask_moving_grant") == expected(catalogs, "utter_moving_grant", "ar")
    assert chat.texts("/ask_eures_tms") == expected(catalogs, "utter_eures_tms", "ar")


def test_writing_in_another_language_switches_without_asking(stack: Stack, catalogs: Catalogs) -> None:
    chat = Conversation(stack.rasa_url)
    assert chat.texts("Hur många jobb behöver jag söka i månaden?") == expected(catalogs, "utter_how_many_jobs", "sv")
    assert chat.texts("How many jobs do I need to apply for every month?") == expected(catalogs, "utter_how_many_jobs", "en")


@pytest.mark.parametrize(
    "text",
    [
        "Wie viele Bewerbungen muss ich jeden Monat schreiben?",
        "Ile ofert pracy muszę wysłać w miesiącu?",
        "Сколько вакансий мне нужно откликнуться в месяц?",
    ],
)
def test_an_unsupported_language_gets_swedish_and_english(stack: Stack, catalogs: Catalogs, text: str) -> None:
    reply = Conversation(stack.rasa_url).texts(text)
    # ... and a person takes over (tests/stack/test_handoff.py follows the case into the queue).
    assert reply == expected(catalogs, "utter_unsupported_language", "sv") + expected(
        catalogs, "utter_handoff_unsupported_language", "sv"
    )
    assert catalogs.text("en", "utter_unsupported_language").split("{")[0] in " ".join(reply)


def test_asking_for_an_unsupported_language(stack: Stack, catalogs: Catalogs) -> None:
    assert Conversation(stack.rasa_url).texts("can we speak German?") == expected(
        catalogs, "utter_unsupported_language", "en"
    ) + expected(catalogs, "utter_handoff_unsupported_language", "en")


def test_out_of_scope_is_answered_honestly_with_where_to_turn(stack: Stack, catalogs: Catalogs) -> None:
    reply = Conversation(stack.rasa_url).texts("What will the weather be like in Stockholm tomorrow?")
    assert reply == expected(catalogs, "utter_out_of_scope", "en")
