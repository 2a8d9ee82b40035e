"""Rasa's socket.io channel, masking personal data before Rasa sees the message."""

from __future__ import annotations

from typing import Awaitable, Callable, Text

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from privacy import mask_personal_data


class MaskedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> Text:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        async def masked(message: UserMessage) -> None:
            if isinstance(message.text, str):
                message.text = mask_personal_data(message.text)
            await on_new_message(message)

        return super().blueprint(masked)
