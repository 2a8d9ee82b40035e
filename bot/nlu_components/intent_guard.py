"""Intents that derail a conversation must be sure of themselves.

"stop" ends a check and "correct_answer" throws an answer away; a low-confidence guess at either
("purple banana" → stop at 0.33) costs the seeker their progress. Below its own threshold such an
intent becomes `nlu_fallback`, which a check then treats as an answer to validate.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class IntentGuard(GraphComponent):
    @staticmethod
    def get_default_config() -> Dict[Text, Any]:
        return {"thresholds": {}}

    def __init__(self, thresholds: Dict[Text, float]) -> None:
        self.thresholds = thresholds

    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> IntentGuard:
        return cls({str(k): float(v) for k, v in (config.get("thresholds") or {}).items()})

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            needed = self.thresholds.get(intent.get("name"))
            if needed is not None and float(intent.get("confidence") or 0.0) < needed:
                fallback = {"name": "nlu_fallback", "confidence": needed}
                message.set(INTENT, fallback, add_to_output=True)
                message.set(INTENT_RANKING_KEY, [fallback, *(message.get(INTENT_RANKING_KEY) or [])], add_to_output=True)
        return messages
