"""The Platsbanken client against recorded answers: parsing, retries, timeouts, the cache."""

from __future__ import annotations

import asyncio

import pytest

from actions.jobsearch import JobSearchClient, JobSearchUnavailable, parse_search, platsbanken_link
from tests.jobsearch_fake import FakeJobSearch


@pytest.fixture(scope="module")
def fake():
    with FakeJobSearch() as server:
        yield server


def run(coroutine):
    return asyncio.run(coroutine)


def test_an_occupation_gives_ads_and_counts_per_county(fake: FakeJobSearch) -> None:
    result = run(JobSearchClient(fake.url).search("undersköterska"))
    assert result.total == 1843
    assert [ad.municipality for ad in result.ads] == ["Kiruna", "Umeå", "Stockholm"]
    assert result.ads[0].url == "https://arbetsformedlingen.se/platsbanken/annonser/29310551"
    assert result.regions[0] == ("Stockholms län", 412)
    assert [count for _, count in result.regions] == sorted((count for _, count in result.regions), reverse=True)
    sent = fake.requests[-1]
    assert sent["q"] == "undersköterska" and sent["stats"] == "region"


def test_a_municipality_is_asked_by_its_scb_code(fake: FakeJobSearch) -> None:
    result = run(JobSearchClient(fake.url).search(municipality="2584", limit=0))
    assert result.total == 356 and fake.requests[-1]["municipality"] == "2584"


def test_the_same_question_within_ten_minutes_costs_no_request(fake: FakeJobSearch) -> None:
    client = JobSearchClient(fake.url)
    before = len(fake.requests)
    first = run(client.search("undersköterska"))
    second = run(client.search("undersköterska"))
    assert first == second and len(fake.requests) == before + 1


def test_server_errors_are_retried_then_reported(fake: FakeJobSearch) -> None:
    client = JobSearchClient(fake.url, retries=2, backoff_seconds=0.01)
    before = len(fake.requests)
    with pytest.raises(JobSearchUnavailable):
        run(client.search("boom"))
    assert len(fake.requests) == before + 3


def test_a_slow_api_times_out_instead_of_keeping_the_seeker_waiting(fake: FakeJobSearch) -> None:
    client = JobSearchClient(fake.url, timeout_seconds=0.5, retries=0)
    with pytest.raises(JobSearchUnavailable):
        run(client.search("slow"))


def test_an_unreachable_api_is_reported_not_hidden() -> None:
    client = JobSearchClient("http://127.0.0.1:9", timeout_seconds=0.5, retries=1, backoff_seconds=0.01)
    with pytest.raises(JobSearchUnavailable):
        run(client.search("lärare"))


def test_a_malformed_answer_is_unavailable_and_missing_fields_are_tolerated() -> None:
    with pytest.raises(JobSearchUnavailable):
        parse_search(["not", "an", "object"])
    result = parse_search({"total": {"value": 2}, "hits": [{"id": "1"}, {"headline": "no id"}], "stats": [{"type": "region"}]})
    assert result.total == 2 and len(result.ads) == 1 and result.regions == ()


def test_the_fallback_link_searches_platsbanken_for_the_same_words() -> None:
    assert platsbanken_link("svetsare Kiruna") == "https://arbetsformedlingen.se/platsbanken/annonser?q=svetsare+Kiruna"
