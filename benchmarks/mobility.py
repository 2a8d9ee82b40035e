"""`make bench-mobility`: the survey and the funnel under load, on the production settings.

Against a running stack (PostgreSQL + Redis; JobSearch played from tests/fixtures) it measures:
- the survey: one seeker alone, then N at once, answer every question by button, start to thanks —
  latency per answer through web → Rasa → form validation → storage, and whole surveys per minute;
- the funnel: a place profile (with a live-ads lookup) and a live-ads search, latency;
- the report: shares for 20 000 generated responses computed in memory (time, peak Python
  memory), and the whole report command on 2 000 responses in PostgreSQL (read, compute, chart);
- peak memory of the web service and the action server.
Results: reports/bench-mobility.json and a table on stdout.

    python -m benchmarks.mobility [--seekers 20]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import tracemalloc

import httpx
from sqlalchemy import create_engine, text

from benchmarks.handoff import percentiles
from benchmarks.run import PeakMemory
from content.questionnaire import questionnaire
from service.survey.report import compute
from tests.jobsearch_fake import FakeJobSearch
from tools.paths import REPORTS, ROOT
from tools.reset_service import POSTGRES_URL, reset_service_state
from tools.stack import Ports, Stack
from tools.survey_sample import generate, load

SCHEMA = "af_bench_survey"


def button(option: str) -> str:
    return '/inform{"survey_option": "' + option + '"}'


async def one_survey(client: httpx.AsyncClient, url: str, turns: list[float]) -> float:
    ticket = (await client.post(f"{url}/api/conversations", json={"language": "sv"})).json()
    survey = questionnaire()
    answers: dict[str, list[str]] = {}
    started = time.perf_counter()

    async def say(message: str) -> None:
        begun = time.perf_counter()
        reply = await client.post(f"{url}/api/chat", json={**ticket, "message": message, "language": "sv"})
        reply.raise_for_status()
        turns.append(1000 * (time.perf_counter() - begun))

    await say("/start_survey")
    await say("/affirm")
    for question in survey.questions:
        if not survey.applies(question, answers):
            continue
        option = question.options[-2] if question.id == "F1" else question.options[0]  # F1: commute weekly → F3
        answers[question.id] = [option]
        await say(button(option))
    return time.perf_counter() - started


async def surveys(url: str, seekers: int) -> dict:
    turns: list[float] = []
    async with httpx.AsyncClient(timeout=120) as client:
        started = time.perf_counter()
        durations = await asyncio.gather(*(one_survey(client, url, turns) for _ in range(seekers)))
        wall = time.perf_counter() - started
    return {
        "survey_answer": percentiles(turns),
        "surveys": {
            "n": seekers,
            "wall_s": round(wall, 1),
            "per_minute": round(60 * seekers / wall, 1),
            "median_survey_s": round(sorted(durations)[len(durations) // 2], 1),
        },
    }


def funnel(url: str) -> dict:
    place, search = [], []
    with httpx.Client(timeout=60) as client:
        for _ in range(20):
            ticket = client.post(f"{url}/api/conversations", json={"language": "sv"}).json()
            begun = time.perf_counter()
            client.post(f"{url}/api/chat", json={**ticket, "message": '/ask_place_profile{"place": "Kiruna"}'}).raise_for_status()
            place.append(1000 * (time.perf_counter() - begun))
            client.post(f"{url}/api/chat", json={**ticket, "message": "/ask_where_jobs"}).raise_for_status()
            begun = time.perf_counter()
            client.post(f"{url}/api/chat", json={**ticket, "message": "undersköterska"}).raise_for_status()
            search.append(1000 * (time.perf_counter() - begun))
    return {"place_profile": percentiles(place), "live_ads_search": percentiles(search)}


def report_in_memory(responses: int = 20_000) -> dict:
    people = generate(responses)
    rows = [(p["id"], p["language"], q, o) for p in people for q, options in p["answers"].items() for o in options]
    tracemalloc.start()
    begun = time.perf_counter()
    compute(rows)
    seconds = time.perf_counter() - begun
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return {
        "responses": responses,
        "answer_rows": len(rows),
        "compute_s": round(seconds, 2),
        "peak_python_mb": round(peak / 2**20, 1),
    }


def report_command(responses: int = 2000) -> dict:
    engine = create_engine(POSTGRES_URL)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    url = f"{POSTGRES_URL}?options=-csearch_path%3D{SCHEMA}"
    begun = time.perf_counter()
    asyncio.run(load(generate(responses), url))
    stored = time.perf_counter() - begun
    begun = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "tools.survey_report", "--json", "--chart", str(REPORTS / "bench-survey.png")],
        cwd=ROOT,
        env={**os.environ, "AF_DATABASE_URL": url},
        check=True,
        capture_output=True,
    )
    command = time.perf_counter() - begun
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
    engine.dispose()
    return {"responses": responses, "store_s": round(stored, 1), "report_command_s": round(command, 1)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seekers", type=int, default=20)
    args = parser.parse_args()
    REPORTS.mkdir(exist_ok=True)
    reset_service_state()
    result: dict = {}
    with FakeJobSearch(18495) as jobsearch:
        os.environ["AF_JOBSEARCH_URL"] = jobsearch.url
        with Stack(profile="production", ports=Ports(rasa=15405, actions=15455, web=18400)) as stack:
            memory = PeakMemory({"web": stack.processes["web"].pid, "actions": stack.processes["actions"].pid})
            memory.start()
            alone = asyncio.run(surveys(stack.web_url, 1))
            result["survey_answer_one_seeker"] = alone["survey_answer"]
            result.update(asyncio.run(surveys(stack.web_url, args.seekers)))
            result.update(funnel(stack.web_url))
            memory.running = False
            result["peak_rss_mb"] = {name: round(mb) for name, mb in memory.peak_mb.items()}
    result["report_in_memory"] = report_in_memory()
    result["report_command"] = report_command()
    (REPORTS / "bench-mobility.json").write_text(json.dumps(result, indent=2))
    print("| measure | n | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|")
    for name, row in result.items():
        if isinstance(row, dict) and "p50_ms" in row:
            print(f"| {name} | {row['n']} | {row['p50_ms']} | {row['p95_ms']} | {row['max_ms']} |")
    for name in ("surveys", "peak_rss_mb", "report_in_memory", "report_command"):
        print(f"{name}: {result[name]}")


if __name__ == "__main__":
    main()
