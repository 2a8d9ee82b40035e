"""`make bench-handoff`: how the handoff desk behaves under load, on the production settings.

Against a running stack (PostgreSQL + Redis, fresh service tables) it measures:
- opening cases: N seekers ask for a person at once (the full path: web → Rasa → action server →
  case, queue, status line), latency and throughput;
- the staff queue endpoint with N cases waiting;
- claiming: latency, and that N staff racing for the same case give exactly one winner;
- live delivery: staff reply → the seeker's event stream, latency over M replies;
- peak memory of the web service.
Results: reports/bench-handoff.json and a table on stdout.

    python -m benchmarks.handoff [--seekers 200] [--replies 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time

import httpx

from benchmarks.run import PeakMemory
from tools.paths import REPORTS, ROOT
from tools.reset_service import reset_service_state
from tools.stack import Ports, Stack

PASSWORD = "benchmark password 1"


def percentiles(samples: list[float]) -> dict:
    ordered = sorted(samples)
    pick = lambda q: ordered[min(len(ordered) - 1, int(q * len(ordered)))]  # noqa: E731
    return {"n": len(ordered), "p50_ms": round(pick(0.5), 1), "p95_ms": round(pick(0.95), 1), "max_ms": round(ordered[-1], 1)}


def make_staff(count: int) -> list[str]:
    env = dict(os.environ, AF_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:5432/test")
    names = [f"bench{i}" for i in range(count)]
    for name in names:
        subprocess.run(
            [sys.executable, "-m", "tools.create_account", name, "--role", "staff", "--password-stdin"],
            input=PASSWORD,
            text=True,
            check=True,
            capture_output=True,
            cwd=ROOT,
            env=env,
        )
    return names


async def login(client: httpx.AsyncClient, name: str) -> dict:
    reply = await client.post("/api/staff/login", json={"username": name, "password": PASSWORD})
    reply.raise_for_status()
    cookie = reply.headers["set-cookie"].split(";")[0]  # Secure: httpx would not send it over http
    return {"Cookie": cookie, "X-CSRF-Token": reply.json()["csrf_token"]}


async def open_case(client: httpx.AsyncClient) -> tuple[dict, float]:
    ticket = (await client.post("/api/conversations", json={"language": "en"})).json()
    started = time.perf_counter()
    reply = await client.post("/api/chat", json=dict(ticket, message="I want to talk to a person", language="en"))
    elapsed = (time.perf_counter() - started) * 1000
    assert reply.json()["state"]["mode"] == "waiting", reply.text
    return ticket, elapsed


async def bench(url: str, seekers: int, replies: int) -> dict:
    limits = httpx.Limits(max_connections=200)
    async with httpx.AsyncClient(base_url=url, timeout=120, limits=limits) as client:
        started = time.perf_counter()
        opened = await asyncio.gather(*(open_case(client) for _ in range(seekers)))
        wall = time.perf_counter() - started
        result = {"open_cases": dict(percentiles([ms for _, ms in opened]), per_second=round(seekers / wall, 1))}

        staff_headers = [await login(client, name) for name in make_staff(5)]
        queue_ms = []
        for _ in range(30):
            t = time.perf_counter()
            waiting = (await client.get("/api/staff/queue", headers=staff_headers[0])).json()["waiting"]
            queue_ms.append((time.perf_counter() - t) * 1000)
        result["queue_listing"] = dict(percentiles(queue_ms), waiting=len(waiting))

        # Races: 5 staff x 4 attempts on each of 20 cases at once.
        winners, claim_ms = [], []

        async def attempt(case_id: int, headers: dict) -> int:
            t = time.perf_counter()
            code = (await client.post(f"/api/staff/cases/{case_id}/claim", headers=headers)).status_code
            claim_ms.append((time.perf_counter() - t) * 1000)
            return code

        for case in waiting[:20]:
            codes = await asyncio.gather(*(attempt(case["id"], h) for h in staff_headers for _ in range(4)))
            winners.append(codes.count(200))
        result["claim_race"] = dict(percentiles(claim_ms), cases=len(winners), winners_per_case=sorted(set(winners)))

        # Live delivery: one claimed case, the seeker listening, staff replying.
        case = waiting[20]
        assert (await client.post(f"/api/staff/cases/{case['id']}/claim", headers=staff_headers[0])).status_code == 200
        ticket = next(t for t, _ in opened if t["sender_id"] == case["conversation_id"])
        delays: list[float] = []
        sent: dict[str, float] = {}
        async with client.stream(
            "GET", f"/api/conversations/{ticket['sender_id']}/events", params={"token": ticket["token"]}
        ) as stream:

            async def read() -> None:
                async for line in stream.aiter_lines():
                    if line.startswith("data: "):
                        event = json.loads(line[6:])
                        text = (event.get("message") or {}).get("text", "")
                        if text in sent:
                            delays.append((time.perf_counter() - sent[text]) * 1000)
                            if len(delays) == replies:
                                return

            reader = asyncio.create_task(read())
            await asyncio.sleep(0.5)
            for i in range(replies):
                text = f"reply {i}"
                sent[text] = time.perf_counter()
                await client.post(f"/api/staff/cases/{case['id']}/reply", json={"text": text}, headers=staff_headers[0])
                await asyncio.sleep(0.02)
            await asyncio.wait_for(reader, 60)
        result["live_delivery"] = percentiles(delays)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seekers", type=int, default=200)
    parser.add_argument("--replies", type=int, default=50)
    args = parser.parse_args()
    reset_service_state()
    ports = Ports(rasa=15305, actions=15355, web=18300)
    with Stack(profile="production", ports=ports) as stack:
        memory = PeakMemory({"web": stack.processes["web"].pid})
        memory.start()
        result = asyncio.run(bench(stack.web_url, args.seekers, args.replies))
        memory.running = False
        result["peak_rss_mb"] = {name: round(mb) for name, mb in memory.peak_mb.items()}
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "bench-handoff.json").write_text(json.dumps(result, indent=2))
    print("| measure | n | p50 ms | p95 ms | max ms | other |\n|---|---|---|---|---|---|")
    for name, row in result.items():
        if isinstance(row, dict) and "p50_ms" in row:
            other = {k: v for k, v in row.items() if k not in ("n", "p50_ms", "p95_ms", "max_ms")}
            print(f"| {name} | {row['n']} | {row['p50_ms']} | {row['p95_ms']} | {row['max_ms']} | {other} |")
    print(f"peak RSS of the web service: {result['peak_rss_mb']['web']} MB")


if __name__ == "__main__":
    main()
