"""`make bench`: throughput and latency through the REST channel, training time, peak memory.

Runs the same load (Locust, 1 / 10 / 50 users sending back to back) against this assistant and
against a plain `rasa init` assistant, in the same sitting on the same machine. Results:
reports/bench-<profile>-<workers>.json and a Markdown table on stdout.

    python -m benchmarks.run [--seconds 30] [--users 1,10,50] [--skip-baseline] [--skip-training]
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
import psutil

from tools.paths import RASA, REPORTS, ROOT, rasa_env
from tools.stack import Ports, Stack
from tools.train import train_command

HERE = Path(__file__).resolve().parent


class PeakMemory(threading.Thread):
    """Samples the resident memory of each named process tree twice a second."""

    def __init__(self, pids: dict[str, int]) -> None:
        super().__init__(daemon=True)
        self.pids, self.peak_mb = pids, {name: 0.0 for name in pids}
        self.running = True

    def run(self) -> None:
        while self.running:
            for name, pid in self.pids.items():
                try:
                    root = psutil.Process(pid)
                    rss = sum(p.memory_info().rss for p in [root, *root.children(recursive=True)])
                    self.peak_mb[name] = max(self.peak_mb[name], rss / 2**20)
                except psutil.Error:
                    pass
            time.sleep(0.5)


def load(url: str, messages: Path, users: int, seconds: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        prefix = Path(tmp) / "stats"
        subprocess.run(
            [
                sys.executable,
                "-m",
                "locust",
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "-u",
                str(users),
                "-r",
                str(users),
                "--run-time",
                f"{seconds}s",
                "--host",
                url,
                "--csv",
                str(prefix),
                "--only-summary",
                "--loglevel",
                "ERROR",
            ],
            env=dict(os.environ, BENCH_MESSAGES=str(messages)),
            check=False,
            capture_output=True,
        )
        rows = {r["Name"]: r for r in csv.DictReader(open(f"{prefix}_stats.csv"))}
    row = rows["Aggregated"]
    return {
        "users": users,
        "requests": int(row["Request Count"]),
        "failures": int(row["Failure Count"]),
        "messages_per_s": round(float(row["Requests/s"]), 1),
        "p50_ms": float(row["50%"]),
        "p95_ms": float(row["95%"]),
        "p99_ms": float(row["99%"]),
    }


def warm_up(url: str, messages: Path) -> None:
    for line in messages.read_text(encoding="utf-8").splitlines():
        httpx.post(f"{url}/webhooks/rest/webhook", json={"sender": "warm-up", "message": line}, timeout=60)


def measure(name: str, url: str, pids: dict[str, int], messages: Path, users: list[int], seconds: int) -> dict:
    warm_up(url, messages)
    memory = PeakMemory(pids)
    memory.start()
    runs = [load(url, messages, n, seconds) for n in users]
    memory.running = False
    memory.join()
    return {"name": name, "runs": runs, "peak_rss_mb": {k: round(v) for k, v in memory.peak_mb.items()}}


def train_ours() -> float:
    """A full training from scratch (no cache), as on a fresh machine."""
    with tempfile.TemporaryDirectory() as out:
        env = dict(rasa_env(), RASA_CACHE_DIRECTORY=str(Path(out) / "cache"))
        started = time.perf_counter()
        subprocess.run(train_command(Path(out), force=True), cwd=ROOT, env=env, check=True, capture_output=True)
        return time.perf_counter() - started


def baseline(users: list[int], seconds: int) -> dict:
    """The plain `rasa init` assistant: same Rasa, same machine, in-memory tracker store."""
    workdir = Path(tempfile.mkdtemp(prefix="rasa-init-"))
    try:
        started = time.perf_counter()
        subprocess.run(
            [str(RASA), "init", "--no-prompt", "--init-dir", str(workdir)],
            cwd=workdir,
            env=rasa_env(),
            check=True,
            capture_output=True,
        )
        training = time.perf_counter() - started
        port = 15105
        process = subprocess.Popen(
            [str(RASA), "run", "--port", str(port), "--interface", "127.0.0.1"],
            cwd=workdir,
            env=rasa_env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.5)
        result = measure("rasa init", url, {"rasa": process.pid}, HERE / "messages_rasa_init.txt", users, seconds)
        process.terminate()
        process.wait(timeout=30)
        result["training_s"] = round(training, 1)
        return result
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def markdown(results: list[dict]) -> str:
    lines = [
        "| assistant | users | msg/s | p50 ms | p95 ms | p99 ms | failures | peak RSS MB | training s |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for result in results:
        memory = ", ".join(f"{k} {v}" for k, v in result["peak_rss_mb"].items())
        for run in result["runs"]:
            lines.append(
                f"| {result['name']} | {run['users']} | {run['messages_per_s']} | {run['p50_ms']:.0f} | {run['p95_ms']:.0f} | "
                f"{run['p99_ms']:.0f} | {run['failures']}/{run['requests']} | {memory} | {result.get('training_s', '')} |"
            )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--users", default="1,10,50")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-training", action="store_true")
    parser.add_argument("--profile", default="embedded", choices=["embedded", "production"])
    parser.add_argument("--workers", type=int, default=1, help="Sanic workers for Rasa (more than 1 needs --profile production)")
    args = parser.parse_args()
    users = [int(n) for n in args.users.split(",")]
    results = []
    training = None if args.skip_training else train_ours()
    with Stack(profile=args.profile, ports=Ports(rasa=15205, actions=15255, web=18200), workers=args.workers) as stack:
        pids = {name: process.pid for name, process in stack.processes.items()}
        name = f"this assistant ({args.profile}, {args.workers} worker{'s' if args.workers > 1 else ''})"
        ours = measure(name, stack.rasa_url, pids, HERE / "messages_af.txt", users, args.seconds)
    if training is not None:
        ours["training_s"] = round(training, 1)
    results.append(ours)
    if not args.skip_baseline:
        results.append(baseline(users, args.seconds))
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / f"bench-{args.profile}-{args.workers}.json").write_text(json.dumps(results, indent=2))
    print(markdown(results))


if __name__ == "__main__":
    main()
