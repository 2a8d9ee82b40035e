"""A stand-in for JobTech's JobSearch API serving the answers in tests/fixtures/jobsearch/.

`q=undersköterska` (any case) gets the occupation answer, `municipality=2584` (Kiruna) the
municipality count, `q=boom` a 503 and `q=slow` an answer slower than the client waits; anything
else finds nothing. Every request is logged in `requests` so tests can count retries."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "jobsearch"


class FakeJobSearch:
    def __init__(self, port: int = 0) -> None:
        self.requests: list[dict[str, str]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:  # noqa: N802
                url = urlparse(self.path)
                params = {k: v[-1] for k, v in parse_qs(url.query).items()}
                fake.requests.append(params)
                query = params.get("q", "").casefold()
                if url.path != "/search":
                    return self._send(404, {"message": "not found"})
                if query == "boom":
                    return self._send(503, {"message": "unavailable"})
                if query == "slow":
                    time.sleep(3)
                if params.get("municipality") == "2584":
                    return self._send(200, json.loads((FIXTURES / "search_municipality_2584.json").read_text()))
                name = "search_underskoterska.json" if "undersköterska" in query else "search_empty.json"
                return self._send(200, json.loads((FIXTURES / name).read_text()))

            def _send(self, status: int, body: dict) -> None:
                data = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self) -> FakeJobSearch:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
