"""Decides the language of each message and what to do with languages we do not speak.

Runs after the intent classifier. Emits these entities:
- `language`: the conversation language this message asks for (slot `language` follows it);
  omitted when the message does not say (a number, "ok", an emoji), so the slot keeps its value;
- `language_name`: a language the user names ("kan vi prata engelska?"), from CLDR names via Babel;
- `detected_language`: the language of a message we cannot answer (for the staff who take it over).
Overrides the intent when the text cannot be read (`unreadable`), is too long
(`message_too_long`) or is in a language we do not support (`unsupported_language`).
"""

from __future__ import annotations

from typing import Any, Dict, List

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.nlu.extractors.extractor import EntityExtractorMixin
from rasa.shared.nlu.constants import ENTITIES, INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from nlu_components.language_id import MAX_CHARS, SUPPORTED, detect_language, find_language_names, warm_up

# Below this intent confidence, lingua's "this is another language" wins over the classifier.
SURE_INTENT = 0.8


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR], is_trainable=False)
class LanguageGate(GraphComponent, EntityExtractorMixin):
    @classmethod
    def create(
        cls,
        config: Dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> LanguageGate:
        warm_up()
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            self._process(message)
        return messages

    @staticmethod
    def _override_intent(message: Message, name: str) -> None:
        intent = {"name": name, "confidence": 1.0}
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent], add_to_output=True)

    def _process(self, message: Message) -> None:
        text = message.get("original_text") or message.get(TEXT) or ""
        metadata = message.get("metadata") or {}
        prior = metadata.get("language") if isinstance(metadata, dict) else None
        entities = list(message.get(ENTITIES, []))
        named = find_language_names(text)
        entities.extend(named)
        if len(text) > MAX_CHARS:
            self._override_intent(message, "message_too_long")
        elif not any(c.isalnum() for c in text):
            self._override_intent(message, "unreadable")
        language, supported = detect_language(text)
        intent = (message.get(INTENT) or {}).get("name")
        if intent == "switch_language" and named:
            wanted = named[-1]["value"]
            language = wanted if wanted in SUPPORTED else None
        elif not supported and intent not in ("message_too_long", "unreadable"):
            # A message the classifier is sure about is ours, whatever lingua thinks of its words.
            # out_of_scope is where foreign sentences land, so it does not count as sure.
            confidence = (message.get(INTENT) or {}).get("confidence", 0.0)
            if intent in ("nlu_fallback", "out_of_scope") or confidence < SURE_INTENT:
                self._override_intent(message, "unsupported_language")
                if language:  # for staff: which interpreter the seeker needs
                    entities.append(self._entity("detected_language", language, text))
            language = None
        if language is None and prior in SUPPORTED and supported:
            language = prior
        if language in SUPPORTED:
            entities.append(self._entity("language", language, text))
        message.set(ENTITIES, entities, add_to_output=True)

    @staticmethod
    def _entity(name: str, value: str, text: str) -> dict:
        return {
            "entity": name,
            "value": value,
            "start": 0,
            "end": len(text),
            "confidence_entity": 1.0,
            "extractor": "LanguageGate",
        }
