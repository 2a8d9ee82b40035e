"""Last step of the pipeline: an urgent message is treated as urgent whatever the classifier said.

Recall matters more than anything here: a seeker who writes about taking their life or about
violence must reach a person and get the emergency numbers, even in words the classifier has
not seen. The phrases are deliberately unambiguous (content/safety_phrases.yml)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, Dict, List, Optional, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.safety_phrases import PHRASES_FILE, urgent_group

INTENT_FOR_GROUP = {"crisis": "crisis", "threat": "threat_violence"}
# Input the gate has already answered in its own way.
LEAVE_ALONE = {"unreadable", "message_too_long"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SafetyNet(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SafetyNet:
        return cls()

    @classmethod
    def fingerprint_addon(cls, config: Dict[Text, Any]) -> Optional[str]:
        """A change to the phrases or this code must reach the trained model."""
        return hashlib.sha256(PHRASES_FILE.read_bytes() + Path(__file__).read_bytes()).hexdigest()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = (message.get(INTENT) or {}).get("name")
            if intent in LEAVE_ALONE or intent in INTENT_FOR_GROUP.values():
                continue
            group = urgent_group(message.get("original_text") or message.get(TEXT) or "")
            if group is not None:
                override = {"name": INTENT_FOR_GROUP[group], "confidence": 1.0}
                message.set(INTENT, override, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [override], add_to_output=True)
        return messages
