"""Language identification rules, without Rasa (nlu_components.language_id)."""

from __future__ import annotations

import pytest

from nlu_components.language_id import detect_language, find_language_names


@pytest.mark.parametrize(
    "text,language",
    [
        ("hur många jobb måste jag söka varje månad", "sv"),
        ("how many jobs do I have to apply for", "en"),
        ("meaning of dagpendlingsavstånd", "en"),  # one Swedish word does not make it Swedish
        ("كم وظيفة يجب أن أتقدم لها", "ar"),
        ("چند تا شغل باید درخواست بدم", "fa"),
        ("چند تا كار بايد درخواست بدم", "fa"),  # Persian on an Arabic keyboard
        ("Immisa shaqo ayaan u baahanahay inaan codsado", "so"),
        ("ኣብ ወርሒ ክንደይ ስራሕ ክሓትት ኣለኒ", "ti"),
        ("etableringsersättning እንተ ረኺበ እዚ ሕጊ ይምልከተኒ ድዩ", "ti"),  # a Ge'ez word means Tigrinya
    ],
)
def test_supported_languages_are_recognised(text: str, language: str) -> None:
    assert detect_language(text) == (language, True)


@pytest.mark.parametrize(
    "text,language",
    [
        ("Wie viele Bewerbungen muss ich jeden Monat schreiben?", "de"),
        ("Ile ofert pracy muszę wysłać w miesiącu?", "pl"),
        ("Combien de candidatures dois-je envoyer chaque mois ?", "fr"),
        ("Сколько вакансий мне нужно?", "ru"),
        ("مجھے ہر مہینے کتنی نوکریوں کے لیے درخواست دینی ہوگی", "ur"),
    ],
)
def test_languages_we_do_not_speak_are_recognised(text: str, language: str) -> None:
    assert detect_language(text) == (language, False)


@pytest.mark.parametrize("text", ["", "45", "😀👍", "ok", "ja", "سلام", "!!!", "12:30"])
def test_messages_that_do_not_tell_keep_the_conversation_language(text: str) -> None:
    assert detect_language(text) == (None, True)


@pytest.mark.parametrize(
    "text,codes",
    [
        ("kan vi prata engelska?", ["en"]),
        ("can we speak Arabic please", ["ar"]),
        ("هل يمكن أن نتحدث بالعربية", ["ar"]),
        ("میشه فارسی صحبت کنیم", ["fa"]),
        ("ma ku hadli kartaa Carabiga", ["ar"]),
        ("ብትግርኛ ክንዛረብ ንኽእል ዶ", ["ti"]),
        ("can we speak German?", ["de"]),
        ("switch from English to Somali", ["en", "so"]),
        ("how many jobs must I apply for", []),
    ],
)
def test_language_names_in_every_language(text: str, codes: list[str]) -> None:
    found = find_language_names(text)
    assert [e["value"] for e in found] == codes
    assert all(text[e["start"] : e["end"]] for e in found)
