"""Live Platsbanken ads through JobTech's JobSearch API (https://jobsearch.api.jobtechdev.se).

A seeker waits while this runs, so every call has a short timeout, a couple of retries for the
errors that pass (timeouts, 429, 5xx) and a cache: the same question within ten minutes costs no
request. When the API cannot be reached the caller gets `JobSearchUnavailable` and tells the
seeker so, with a link to Platsbanken, rather than pretending there are no jobs.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import aiohttp

log = logging.getLogger(__name__)

DEFAULT_URL = "https://jobsearch.api.jobtechdev.se"
PLATSBANKEN_URL = "https://arbetsformedlingen.se/platsbanken/annonser"
RETRY_STATUSES = {429, 500, 502, 503, 504}


class JobSearchUnavailable(Exception):
    """The API did not answer usefully in time (network, timeout, 4xx/5xx, not JSON)."""


@dataclass(frozen=True)
class Ad:
    id: str
    headline: str
    employer: str
    municipality: str
    url: str


@dataclass(frozen=True)
class SearchResult:
    total: int
    ads: tuple[Ad, ...]
    regions: tuple[tuple[str, int], ...]  # (county, open ads), most first


def platsbanken_link(query: str = "") -> str:
    """Platsbanken's own search page for the same words: where to go when the API is down."""
    return f"{PLATSBANKEN_URL}?{urlencode({'q': query})}" if query else PLATSBANKEN_URL


def _text(value: Any, limit: int = 120) -> str:
    return " ".join(str(value or "").split())[:limit]


def parse_search(body: Any) -> SearchResult:
    """The parts of a /search answer the assistant uses; tolerant of missing fields."""
    if not isinstance(body, dict):
        raise JobSearchUnavailable("answer is not a JSON object")
    total = body.get("total")
    total = total.get("value") if isinstance(total, dict) else total
    ads = []
    for hit in body.get("hits") or []:
        if not isinstance(hit, dict) or not hit.get("id"):
            continue
        address = hit.get("workplace_address") or {}
        ad_id = _text(hit.get("id"), 40)
        ads.append(
            Ad(
                id=ad_id,
                headline=_text(hit.get("headline")),
                employer=_text((hit.get("employer") or {}).get("name")),
                municipality=_text(address.get("municipality") or address.get("region")),
                url=f"{PLATSBANKEN_URL}/{ad_id}",
            )
        )
    regions: list[tuple[str, int]] = []
    for stat in body.get("stats") or []:
        if isinstance(stat, dict) and stat.get("type") == "region":
            for value in stat.get("values") or []:
                if isinstance(value, dict) and value.get("term") and isinstance(value.get("count"), int):
                    regions.append((_text(value["term"], 60), int(value["count"])))
    regions.sort(key=lambda item: -item[1])
    return SearchResult(int(total or 0), tuple(ads), tuple(regions))


class JobSearchClient:
    def __init__(
        self,
        base_url: str | None = None,
        timeout_seconds: float | None = None,
        retries: int = 2,
        backoff_seconds: float = 0.3,
        cache_seconds: float = 600.0,
        cache_size: int = 256,
    ) -> None:
        self.base_url = (base_url or os.environ.get("AF_JOBSEARCH_URL") or DEFAULT_URL).rstrip("/")
        self.timeout = float(timeout_seconds or os.environ.get("AF_JOBSEARCH_TIMEOUT_SECONDS") or 4.0)
        self.retries = retries
        self.backoff = backoff_seconds
        self.cache_seconds = cache_seconds
        self.cache_size = cache_size
        self._cache: dict[str, tuple[float, SearchResult]] = {}
        self.requests_made = 0

    def _cached(self, key: str) -> SearchResult | None:
        hit = self._cache.get(key)
        if hit and time.monotonic() - hit[0] < self.cache_seconds:
            return hit[1]
        self._cache.pop(key, None)
        return None

    def _remember(self, key: str, result: SearchResult) -> None:
        if len(self._cache) >= self.cache_size:
            self._cache.pop(min(self._cache, key=lambda k: self._cache[k][0]))
        self._cache[key] = (time.monotonic(), result)

    async def search(self, query: str = "", municipality: str | None = None, limit: int = 3) -> SearchResult:
        """Open ads for `query` (free text), optionally in one municipality (SCB code), with counts per county."""
        params: dict[str, Any] = {"limit": limit, "stats": "region", "stats.limit": 5}
        if query:
            params["q"] = query[:100]
        if municipality:
            params["municipality"] = municipality
        key = urlencode(sorted(params.items()))
        cached = self._cached(key)
        if cached is not None:
            return cached
        result = parse_search(await self._get("/search", params))
        self._remember(key, result)
        return result

    async def _get(self, path: str, params: dict[str, Any]) -> Any:
        timeout = aiohttp.ClientTimeout(total=self.timeout)
        last: Exception | None = None
        for attempt in range(self.retries + 1):
            if attempt:
                await asyncio.sleep(self.backoff * attempt)
            try:
                self.requests_made += 1
                async with aiohttp.ClientSession(timeout=timeout) as session:
                    async with session.get(
                        self.base_url + path, params=params, headers={"accept": "application/json"}
                    ) as response:
                        if response.status in RETRY_STATUSES:
                            last = JobSearchUnavailable(f"HTTP {response.status}")
                            continue
                        if response.status != 200:
                            raise JobSearchUnavailable(f"HTTP {response.status}")
                        return await response.json(content_type=None)
            except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
                last = error
        log.warning("JobSearch unavailable after %d attempts: %s", self.retries + 1, last)
        raise JobSearchUnavailable(str(last))


_client: JobSearchClient | None = None


def client() -> JobSearchClient:
    """One client per action-server process, so the cache is shared between conversations."""
    global _client
    if _client is None:
        _client = JobSearchClient()
    return _client
