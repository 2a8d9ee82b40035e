"""First step of the pipeline: make any input safe and comparable before tokenising.

Job seekers type on phones with Arabic, Persian and Ethiopic keyboards, paste whole e-mails or
send junk. The classifier sees a normalised, bounded copy; the original stays in the tracker.
"""

from __future__ import annotations

import unicodedata
from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message
from rasa.shared.nlu.training_data.training_data import TrainingData

ORIGINAL_TEXT = "original_text"
MAX_CLASSIFIED_CHARS = 1000


def normalise(text: str) -> str:
    """Digits of every script as ASCII, control and format characters (ZWNJ too) as spaces.

    Character for character, so entity offsets in the training data stay valid.
    """
    out = []
    for char in (text or "")[:MAX_CLASSIFIED_CHARS]:
        category = unicodedata.category(char)
        if category == "Nd":
            out.append(str(unicodedata.digit(char)))
        elif category in ("Cc", "Cf", "Cs", "Co", "Cn") and char not in "\n\t":
            out.append(" ")
        else:
            out.append(char)
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
