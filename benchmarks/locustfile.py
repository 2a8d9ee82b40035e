"""Simulated job seekers for `make bench`: each user is one conversation on Rasa's REST channel.

Messages come from the file named by BENCH_MESSAGES (one per line); users send back to back
(no think time), so the numbers show the saturation point, not a realistic pace.
"""

from __future__ import annotations

import itertools
import os
import random
import uuid

from locust import HttpUser, constant, task

MESSAGES = [line.strip() for line in open(os.environ["BENCH_MESSAGES"], encoding="utf-8") if line.strip()]


class JobSeeker(HttpUser):
    wait_time = constant(0)

    def on_start(self) -> None:
        self.sender = f"bench-{uuid.uuid4().hex[:16]}"
        start = random.randrange(len(MESSAGES))
        self.messages = itertools.cycle(MESSAGES[start:] + MESSAGES[:start])

    @task
    def say(self) -> None:
        with self.client.post(
            "/webhooks/rest/webhook",
            json={"sender": self.sender, "message": next(self.messages)},
            name="message",
            catch_response=True,
        ) as reply:
            if reply.status_code != 200 or not reply.json():
                reply.failure(f"status {reply.status_code}, {reply.text[:80]}")
