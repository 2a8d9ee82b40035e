"""First step of the pipeline: make any input safe and comparable before tokenising.

Job seekers type on phones with Arabic, Persian and Ethiopic keyboards, paste whole e-mails or
send junk. The classifier sees a normalised, bounded copy; the original stays in the tracker.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

ORIGINAL_TEXT = "original_text"
MAX_CLASSIFIED_CHARS = 1000
# One spelling for alef: with or without hamza, Arabic speakers write it both ways. (Arabic and
# Persian yeh/kaf stay apart: folding them made Arabic "كم" the Persian word "کم".)
_LETTER_VARIANTS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا"})
# Markup pasted or typed into the chat (<script>, <img …>) says nothing about what the seeker
# wants; its letters once made a health question out of an XSS probe.
_MARKUP = re.compile(r"<[^<>]{0,200}>")


def _base_letter(char: str) -> str:
    """'å' -> 'a', 'ö' -> 'o': job seekers often type Swedish words without the dots."""
    if char.isascii() or not char.isalpha():
        return char
    decomposed = unicodedata.normalize("NFD", char)
    return decomposed[0] if len(decomposed) > 1 and decomposed[0].isascii() else char


def normalise(text: str) -> str:
    """Digits of every script as ASCII, control and format characters (ZWNJ too) as spaces,
    one spelling for alef, Latin letters without diacritics.

    Markup tags become spaces. Character for character, so entity offsets in the training data
    stay valid.
    """
    out = []
    text = _MARKUP.sub(lambda tag: " " * len(tag.group()), (text or "")[:MAX_CLASSIFIED_CHARS])
    for char in text.translate(_LETTER_VARIANTS):
        category = unicodedata.category(char)
        if category == "Nd":
            out.append(str(unicodedata.digit(char)))
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn") and char not in "\n\t":
            out.append(" ")
        else:
            out.append(_base_letter(char))
    return "".join(out)


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.MESSAGE_TOKENIZER], is_trainable=False)
class TextGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> TextGuard:
        return cls()

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """Rasa caches this step's output by config; a change to the code must retrain too."""
        return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()

    def _guard(self, message: Message) -> None:
        text = message.get(TEXT)
        if text is None:
            return
        message.set(ORIGINAL_TEXT, text)
        # An empty string would leave the featurizers with no tokens at all.
        message.set(TEXT, normalise(text) if text.strip() else "_")

    def process_training_data(self, training_data: TrainingData) -> TrainingData:
        for message in training_data.training_examples:
            self._guard(message)
        return training_data

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._guard(message)
        return messages
