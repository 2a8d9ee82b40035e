"""The live queue, presence and pub/sub, in-process and on a real Redis: same behaviour."""

from __future__ import annotations

import asyncio
import uuid

import pytest

from service.handoff.live import Live, MemoryLive, RedisLive

REDIS_URL = "redis://127.0.0.1:6379/3"


def run(coroutine):
    return asyncio.run(coroutine)


async def _make(kind: str) -> Live:
    return MemoryLive() if kind == "memory" else RedisLive(REDIS_URL, prefix=f"test-{uuid.uuid4().hex[:8]}:")


@pytest.fixture(params=["memory", "redis"])
def kind(request: pytest.FixtureRequest) -> str:
    return request.param


def test_urgent_first_then_first_come_first_served(kind: str) -> None:
    async def scenario():
        live = await _make(kind)
        await live.enqueue(1, False, 1000.0)
        await live.enqueue(2, False, 1001.0)
        await live.enqueue(3, True, 1002.0)
        await live.enqueue(4, True, 1003.0)
        await live.enqueue(1, True, 999.0)  # already queued: keeps its place
        order, position = await live.waiting(), await live.position(2)
        await live.close()
        return order, position

    assert run(scenario()) == ([3, 4, 1, 2], 4)


def test_exactly_one_of_many_concurrent_takes_wins(kind: str) -> None:
    async def scenario():
        live = await _make(kind)
        await live.enqueue(7, False, 1.0)
        results = await asyncio.gather(*(live.take(7) for _ in range(50)))
        left = await live.waiting()
        await live.close()
        return results, left

    results, left = run(scenario())
    assert results.count(True) == 1 and left == []


def test_presence_expires(kind: str) -> None:
    async def scenario():
        live = await _make(kind)
        await live.touch_presence(1, ttl=30)
        await live.touch_presence(2, ttl=-1)  # already stale
        online = await live.staff_online()
        await live.drop_presence(1)
        after = await live.staff_online()
        await live.close()
        return online, after

    assert run(scenario()) == (1, 0)


def test_publish_reaches_subscribers_of_that_channel_only(kind: str) -> None:
    async def scenario():
        live = await _make(kind)
        mine, other = await live.subscribe("conversation:a"), await live.subscribe("conversation:b")
        await live.publish("conversation:a", {"type": "message", "text": "hej"})
        got = await mine.get(timeout=5)
        nothing = await other.get(timeout=0.3)
        await mine.close()
        await other.close()
        await live.close()
        return got, nothing

    assert run(scenario()) == ({"type": "message", "text": "hej"}, None)


def test_publish_many_delivers_each_message_to_its_channel(kind: str) -> None:
    async def scenario():
        live = await _make(kind)
        first, second = await live.subscribe("conversation:1"), await live.subscribe("conversation:2")
        await live.publish_many([("conversation:1", {"position": 1}), ("conversation:2", {"position": 2})])
        got = (await first.get(timeout=5), await second.get(timeout=5))
        await first.close()
        await second.close()
        await live.close()
        return got

    assert run(scenario()) == ({"position": 1}, {"position": 2})
