"""Simulated job seekers for `make bench`: each user is one conversation on Rasa's REST channel.

Messages come from the file named by BENCH_MESSAGES (one per line); users send back to back
(no think time), so the numbers show the saturation point, not a realistic pace. Every
CONVERSATION_LENGTH messages a user starts a new conversation, as real seekers do: one endless
conversation would measure the replay of an ever-longer history instead.
"""

from __future__ import annotations

import itertools
import os
import random
import uuid

from locust import HttpUser, constant, task

MESSAGES = [line.strip() for line in open(os.environ["BENCH_MESSAGES"], encoding="utf-8") if line.strip()]


CONVERSATION_LENGTH = 10


class JobSeeker(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        start = random.randrange(len(MESSAGES))
        self.messages = itertools.cycle(MESSAGES[start:] + MESSAGES[:start])
        self.sent = 0

    @task
    def say(self) -> None:
        if self.sent % CONVERSATION_LENGTH == 0:
            self.sender = f"bench-{uuid.uuid4().hex[:16]}"
        self.sent += 1
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": next(self.messages)},
            name="message",
            catch_response=True,
        ) as reply:
            if reply.status_code != 200 or not isinstance(reply.json(), list):
                reply.failure(f"status {reply.status_code}, {reply.text[:80]}")
