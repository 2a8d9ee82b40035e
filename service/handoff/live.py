"""What several service processes must share live: the queue order, who is online, and pub/sub.

`RedisLive` is the production setting (AF_REDIS_URL); `MemoryLive` is the embedded default for one
service process. The database stays the record of every case; at start-up the queue is rebuilt
from it (`HandoffDesk.restore`), so neither a service restart nor a Redis restart loses a case."""

from __future__ import annotations

import asyncio
import json
import time
from collections import defaultdict
from typing import Protocol

# Urgent cases sort before every normal one; within a group, first come first served.
_NORMAL_OFFSET = 1e10
# The language Rasa last answered a conversation in, for the page to follow (a day is plenty).
LANGUAGE_TTL_SECONDS = 86_400


def queue_score(urgent: bool, created_ts: float) -> float:
    return created_ts if urgent else created_ts + _NORMAL_OFFSET


class Subscription(Protocol):
    async def get(self, timeout: float) -> dict | None: ...
    async def close(self) -> None: ...


class Live(Protocol):
    async def enqueue(self, case_id: int, urgent: bool, created_ts: float) -> None: ...
    async def take(self, case_id: int) -> bool: ...
    async def remove(self, case_id: int) -> None: ...
    async def waiting(self) -> list[int]: ...
    async def position(self, case_id: int) -> int | None: ...
    async def touch_presence(self, staff_id: int, ttl: int) -> None: ...
    async def drop_presence(self, staff_id: int) -> None: ...
    async def staff_online(self) -> int: ...
    async def publish(self, channel: str, message: dict) -> None: ...
    async def publish_many(self, messages: list[tuple[str, dict]]) -> None: ...
    async def subscribe(self, *channels: str) -> Subscription: ...
    async def remember_language(self, sender_id: str, language: str) -> None: ...
    async def language_of(self, sender_id: str) -> str | None: ...
    async def ping(self) -> bool: ...
    async def close(self) -> None: ...


class _MemorySubscription:
    def __init__(self, live: MemoryLive, channels: tuple[str, ...]) -> None:
        self.live, self.channels, self.queue = live, channels, asyncio.Queue()
        for channel in channels:
            live.subscribers[channel].add(self.queue)

    async def get(self, timeout: float) -> dict | None:
        try:
            return await asyncio.wait_for(self.queue.get(), timeout)
        except asyncio.TimeoutError:
            return None

    async def close(self) -> None:
        for channel in self.channels:
            self.live.subscribers[channel].discard(self.queue)


class MemoryLive:
    def __init__(self) -> None:
        self.scores: dict[int, float] = {}
        self.presence: dict[int, float] = {}
        self.subscribers: dict[str, set[asyncio.Queue]] = defaultdict(set)
        self.languages: dict[str, str] = {}

    async def enqueue(self, case_id: int, urgent: bool, created_ts: float) -> None:
        self.scores.setdefault(case_id, queue_score(urgent, created_ts))

    async def take(self, case_id: int) -> bool:
        # One event loop, no await between test and removal: atomic.
        return self.scores.pop(case_id, None) is not None

    async def remove(self, case_id: int) -> None:
        self.scores.pop(case_id, None)

    async def waiting(self) -> list[int]:
        return sorted(self.scores, key=self.scores.__getitem__)

    async def position(self, case_id: int) -> int | None:
        order = await self.waiting()
        return order.index(case_id) + 1 if case_id in self.scores else None

    async def touch_presence(self, staff_id: int, ttl: int) -> None:
        self.presence[staff_id] = time.time() + ttl

    async def drop_presence(self, staff_id: int) -> None:
        self.presence.pop(staff_id, None)

    async def staff_online(self) -> int:
        now = time.time()
        return sum(1 for until in self.presence.values() if until > now)

    async def publish(self, channel: str, message: dict) -> None:
        for queue in list(self.subscribers.get(channel, ())):
            queue.put_nowait(message)

    async def publish_many(self, messages: list[tuple[str, dict]]) -> None:
        for channel, message in messages:
            await self.publish(channel, message)

    async def subscribe(self, *channels: str) -> Subscription:
        return _MemorySubscription(self, channels)

    async def remember_language(self, sender_id: str, language: str) -> None:
        if len(self.languages) > 100_000:
            self.languages.clear()  # a cache, not a record: the tracker has the truth
        self.languages[sender_id] = language

    async def language_of(self, sender_id: str) -> str | None:
        return self.languages.get(sender_id)

    async def ping(self) -> bool:
        return True

    async def close(self) -> None:
        self.subscribers.clear()


class _RedisSubscription:
    def __init__(self, pubsub) -> None:
        self.pubsub = pubsub

    async def get(self, timeout: float) -> dict | None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            message = await self.pubsub.get_message(ignore_subscribe_messages=True, timeout=left)
            if message and message.get("type") == "message":
                return json.loads(message["data"])
        return None

    async def close(self) -> None:
        await self.pubsub.aclose()


class RedisLive:
    def __init__(self, url: str, prefix: str = "af:") -> None:
        from redis import asyncio as aioredis

        self.redis = aioredis.Redis.from_url(url, decode_responses=True, health_check_interval=30)
        self.queue_key = f"{prefix}handoff:queue"
        self.presence_key = f"{prefix}handoff:presence"
        self.channel_prefix = f"{prefix}channel:"
        self.language_prefix = f"{prefix}language:"

    async def enqueue(self, case_id: int, urgent: bool, created_ts: float) -> None:
        await self.redis.zadd(self.queue_key, {str(case_id): queue_score(urgent, created_ts)}, nx=True)

    async def take(self, case_id: int) -> bool:
        # ZREM is atomic on the server: of any number of concurrent claims, exactly one removes it.
        return await self.redis.zrem(self.queue_key, str(case_id)) == 1

    async def remove(self, case_id: int) -> None:
        await self.redis.zrem(self.queue_key, str(case_id))

    async def waiting(self) -> list[int]:
        return [int(member) for member in await self.redis.zrange(self.queue_key, 0, -1)]

    async def position(self, case_id: int) -> int | None:
        rank = await self.redis.zrank(self.queue_key, str(case_id))
        return None if rank is None else rank + 1

    async def touch_presence(self, staff_id: int, ttl: int) -> None:
        await self.redis.zadd(self.presence_key, {str(staff_id): time.time() + ttl})

    async def drop_presence(self, staff_id: int) -> None:
        await self.redis.zrem(self.presence_key, str(staff_id))

    async def staff_online(self) -> int:
        now = time.time()
        await self.redis.zremrangebyscore(self.presence_key, "-inf", now)
        return await self.redis.zcard(self.presence_key)

    async def publish(self, channel: str, message: dict) -> None:
        await self.redis.publish(self.channel_prefix + channel, json.dumps(message, ensure_ascii=False))

    async def publish_many(self, messages: list[tuple[str, dict]]) -> None:
        """One round trip for all of them (a queue change tells every waiting seeker their place)."""
        async with self.redis.pipeline(transaction=False) as pipe:
            for channel, message in messages:
                pipe.publish(self.channel_prefix + channel, json.dumps(message, ensure_ascii=False))
            await pipe.execute()

    async def subscribe(self, *channels: str) -> Subscription:
        pubsub = self.redis.pubsub()
        await pubsub.subscribe(*(self.channel_prefix + channel for channel in channels))
        return _RedisSubscription(pubsub)

    async def remember_language(self, sender_id: str, language: str) -> None:
        await self.redis.set(self.language_prefix + sender_id, language, ex=LANGUAGE_TTL_SECONDS)

    async def language_of(self, sender_id: str) -> str | None:
        return await self.redis.get(self.language_prefix + sender_id)

    async def ping(self) -> bool:
        return bool(await self.redis.ping())

    async def close(self) -> None:
        await self.redis.aclose()


def create_live(redis_url: str, prefix: str) -> Live:
    return RedisLive(redis_url, prefix) if redis_url else MemoryLive()
