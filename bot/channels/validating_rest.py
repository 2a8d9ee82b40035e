"""Rasa's REST channel (same URL, same replies) that refuses malformed bodies with 400 and
masks personal data before Rasa sees the message.

Rasa 3.6's RestInput answers a JSON list or a non-string message with a 500; a public endpoint
must say what was wrong instead.
"""

from __future__ import annotations

from typing import Any, Dict, Optional, Text

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from privacy import mask_personal_data

MAX_MESSAGE_CHARS = 200_000


class ValidatingRestInput(RestInput):
    @classmethod
    def name(cls) -> Text:
        return "rest"

    @staticmethod
    def _body(request: Request) -> Dict[Text, Any]:
        body = request.json  # Sanic answers 400 itself when this is not JSON
        if not isinstance(body, dict):
            raise InvalidUsage("The body must be a JSON object with 'sender' and 'message'.")
        return body

    async def _extract_sender(self, req: Request) -> Optional[Text]:
        sender = self._body(req).get("sender")
        if sender is not None and not isinstance(sender, str):
            raise InvalidUsage("'sender' must be a string.")
        return sender

    def _extract_message(self, req: Request) -> Optional[Text]:
        message = self._body(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage("'message' must be a string.")
        if len(message) > MAX_MESSAGE_CHARS:
            raise InvalidUsage(f"'message' is longer than {MAX_MESSAGE_CHARS} characters.")
        return mask_personal_data(message)

    def _extract_input_channel(self, req: Request) -> Text:
        channel = self._body(req).get("input_channel")
        return channel if isinstance(channel, str) and channel else self.name()

    def get_metadata(self, request: Request) -> Optional[Dict[Text, Any]]:
        metadata = self._body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else None
