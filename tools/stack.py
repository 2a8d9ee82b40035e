"""Start, watch and stop the three processes of the assistant.

    python -m tools.stack run           # embedded defaults (SQLite), prints the URL, Ctrl-C stops
    python -m tools.stack test-stories  # the dialogue contract: rasa test on bot/tests

Profiles: `embedded` (SQLite tracker store, in-memory lock store, no servers) and `production`
(PostgreSQL tracker store, Redis lock store; settings from AF_POSTGRES_* / AF_REDIS_*).
"""

from __future__ import annotations

import ctypes
import os
import secrets
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from tools.paths import BOT, MODEL, RASA, RASA_PYTHON, ROOT, VAR, rasa_env


def _die_with_parent() -> None:
    """Linux: the child gets SIGTERM when this launcher dies, however it dies."""
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except OSError:
        pass


@dataclass
class Ports:
    rasa: int = int(os.environ.get("AF_RASA_PORT", 5005))
    actions: int = int(os.environ.get("AF_ACTIONS_PORT", 5055))
    web: int = int(os.environ.get("AF_WEB_PORT", 8000))


def profile_env(profile: str, ports: Ports, data_dir: Path = VAR) -> dict[str, str]:
    env = {
        "ACTION_ENDPOINT_URL": f"http://127.0.0.1:{ports.actions}/webhook",
        "NLG_ENDPOINT_URL": f"http://127.0.0.1:{ports.web}/nlg",
        "AF_RASA_URL": f"http://127.0.0.1:{ports.rasa}",
        "AF_ACTION_SERVER_URL": f"http://127.0.0.1:{ports.actions}",
    }
    if profile == "embedded":
        env["TRACKER_SQLITE_PATH"] = str(data_dir / "tracker.db")
        env["AF_DATABASE_URL"] = f"sqlite+aiosqlite:///{data_dir / 'service.db'}"
        env["AF_REDIS_URL"] = ""  # the in-process queue
    else:
        pg_user = os.environ.get("AF_POSTGRES_USER", "postgres")
        pg_password = os.environ.get("AF_POSTGRES_PASSWORD", "")
        pg_host = os.environ.get("AF_POSTGRES_HOST", "127.0.0.1")
        pg_port = os.environ.get("AF_POSTGRES_PORT", "5432")
        pg_db = os.environ.get("AF_POSTGRES_DB", "test")
        redis_host = os.environ.get("AF_REDIS_HOST", "127.0.0.1")
        redis_port = os.environ.get("AF_REDIS_PORT", "6379")
        env.setdefault("AF_DATABASE_URL", f"postgresql+psycopg://{pg_user}:{pg_password}@{pg_host}:{pg_port}/{pg_db}")
        env["AF_REDIS_URL"] = os.environ.get(
            "AF_REDIS_URL", f"redis://{redis_host}:{redis_port}/{os.environ.get('AF_REDIS_SERVICE_DB', '2')}"
        )
        env.update(
            {
                "POSTGRES_HOST": os.environ.get("AF_POSTGRES_HOST", "127.0.0.1"),
                "POSTGRES_PORT": os.environ.get("AF_POSTGRES_PORT", "5432"),
                "POSTGRES_DB": os.environ.get("AF_POSTGRES_DB", "test"),
                "POSTGRES_USER": os.environ.get("AF_POSTGRES_USER", "postgres"),
                "POSTGRES_PASSWORD": os.environ.get("AF_POSTGRES_PASSWORD", ""),
                "REDIS_HOST": os.environ.get("AF_REDIS_HOST", "127.0.0.1"),
                "REDIS_PORT": os.environ.get("AF_REDIS_PORT", "6379"),
                "REDIS_LOCK_DB": os.environ.get("AF_REDIS_LOCK_DB", "1"),
            }
        )
    return env


@dataclass
class Stack:
    profile: str = "embedded"
    ports: Ports = field(default_factory=Ports)
    token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    workers: int = 1
    # Where the embedded profile keeps its SQLite databases (tests use a temporary directory).
    data_dir: Path = VAR
    env: dict[str, str] = field(default_factory=dict)
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    @property
    def web_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.web}"

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.ports.rasa}"

    def _spawn(self, name: str, command: list[str], env: dict[str, str]) -> None:
        logs = VAR / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        out = open(logs / f"{name}.log", "ab")
        self.processes[name] = subprocess.Popen(
            command,
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )

    def start(self, timeout: float = 180) -> Stack:
        if not MODEL.exists():
            raise SystemExit(f"no trained model at {MODEL}: run `make train`")
        env = rasa_env(profile_env(self.profile, self.ports, self.data_dir))
        env["AF_RASA_TOKEN"] = self.token
        endpoints = BOT / ("endpoints.yml" if self.profile == "embedded" else "endpoints.production.yml")
        VAR.mkdir(exist_ok=True)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        self.env = env
        self.spawn_web("web", self.ports.web)
        self._spawn(
            "actions", [str(RASA_PYTHON), "-m", "rasa_sdk", "--actions", "actions", "--port", str(self.ports.actions)], env
        )
        rasa_env_ = dict(env, SANIC_WORKERS=str(self.workers))
        self._spawn(
            "rasa",
            [
                str(RASA),
                "run",
                "--model",
                str(MODEL),
                "--endpoints",
                str(endpoints),
                "--credentials",
                str(BOT / "credentials.yml"),
                "--port",
                str(self.ports.rasa),
                "--interface",
                "127.0.0.1",
                "--enable-api",
                "--auth-token",
                self.token,
            ],
            rasa_env_,
        )
        self.wait_ready(timeout)
        return self

    def spawn_web(self, name: str, port: int) -> None:
        """One web service process; several may run side by side on the production settings."""
        command = [sys.executable, "-m", "uvicorn", "service.main:app", "--host", "127.0.0.1", "--port", str(port)]
        self._spawn(name, command + ["--no-access-log"], self.env)

    def restart_web(self, timeout: float = 60) -> None:
        """Stops the web service (SIGTERM) and starts it again: what survives is what was stored."""
        process = self.processes.pop("web")
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=20)
        self.spawn_web("web", self.ports.web)
        self.wait_url(self.processes["web"], f"{self.web_url}/health/live", timeout)

    def wait_url(self, process: subprocess.Popen, url: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"exited with {process.returncode}; see var/logs/")
            try:
                if httpx.get(url, timeout=2).status_code == 200:
                    return
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        raise TimeoutError(url)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        checks = {
            "web": f"{self.web_url}/health/live",
            "actions": f"http://127.0.0.1:{self.ports.actions}/health",
            "rasa": f"{self.rasa_url}/status?token={self.token}",
        }
        pending = dict(checks)
        while pending:
            for name, url in list(pending.items()):
                process = self.processes[name]
                if process.poll() is not None:
                    self.stop()
                    raise RuntimeError(f"{name} exited with {process.returncode}; see var/logs/{name}.log")
                try:
                    if httpx.get(url, timeout=2).status_code == 200:
                        del pending[name]
                except httpx.HTTPError:
                    pass
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"not ready after {timeout:.0f} s: {', '.join(pending)}; see var/logs/")
            time.sleep(0.5)

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()

    def __enter__(self) -> Stack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def test_stories() -> int:
    """Every test story must be predicted exactly; results land in reports/stories/."""
    return subprocess.run(
        [
            str(RASA),
            "test",
            "core",
            "--model",
            str(MODEL),
            "--stories",
            str(BOT / "tests"),
            "--out",
            str(ROOT / "reports" / "stories"),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT,
        env=rasa_env(),
    ).returncode


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # leave through run()'s `finally`, which stops the processes


def run() -> None:
    stack = Stack(profile=os.environ.get("AF_PROFILE", "embedded"))
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    _die_with_parent()  # `make run` killed, not just interrupted: take the processes down too
    print("Starting action server, Rasa and the web service (Rasa takes ~30 s to load) ...", flush=True)
    stack.start()
    print(f"\nThe assistant is running: open {stack.web_url}/  (REST channel: {stack.rasa_url}/webhooks/rest/webhook)")
    print("Press Ctrl-C to stop.", flush=True)
    try:
        while all(p.poll() is None for p in stack.processes.values()):
            time.sleep(1)
        print("a process stopped; see var/logs/", file=sys.stderr)
    except KeyboardInterrupt:
        pass
    finally:
        stack.stop()


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else "run"
    if command == "run":
        run()
    elif command == "test-stories":
        sys.exit(test_stories())
    else:
        sys.exit(__doc__)
