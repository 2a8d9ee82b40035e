"""The mobility funnel and AF's survey end to end, through the chat API on PostgreSQL and Redis:
simulated seekers in every language complete the survey (both branches, skips, a stop and a
resume) and the stored rows must match; each funnel stage's help; live ads from Platsbanken;
funnel counts for staff."""

from __future__ import annotations

import json

import httpx
import psycopg
import pytest

from content.questionnaire import questionnaire
from service.answers import Catalogs, render_response
from tests.stack.people import Seeker, Staff, create_account, unique
from tools.stack import Stack

pytestmark = pytest.mark.stack
POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"
SURVEY = questionnaire()
GREETINGS = {"sv": "hej", "en": "hello", "ar": "مرحبا", "fa": "سلام", "so": "salaan", "ti": "ሰላም"}


def text(catalogs: Catalogs, key: str, language: str, **arguments) -> str:
    return render_response(catalogs, key, language, arguments)["text"]


def button(option: str) -> str:
    return '/inform{"survey_option": "' + option + '"}'


def tracker_slot(stack: Stack, seeker: Seeker, slot: str):
    reply = httpx.get(f"{stack.rasa_url}/conversations/{seeker.sender_id}/tracker", params={"token": stack.token}, timeout=30)
    return reply.json()["slots"].get(slot)


def stored(response_id: str) -> tuple[tuple, dict[str, set[str]], dict[str, str | None]]:
    with psycopg.connect(POSTGRES) as connection:
        response = connection.execute(
            "SELECT language, completed FROM af_survey_responses WHERE id = %s", (response_id,)
        ).fetchone()
        rows = connection.execute(
            "SELECT question, option, other_text FROM af_survey_answers WHERE response_id = %s", (response_id,)
        ).fetchall()
    answers: dict[str, set[str]] = {}
    others: dict[str, str | None] = {}
    for question, option, other in rows:
        answers.setdefault(question, set()).add(option)
        if other:
            others[question] = other
    return response, answers, others


# Per language: how F1 is answered (the branch), and some answers typed instead of pressed.
PLANS = {
    "sv": {"F1": "nej", "F2": "min partner har jobb här och jag har inte råd", "F5_1": "5", "F9": "vet ej"},
    "en": {"F1": button("move"), "F3": "4", "F7": "2-3 hours", "F10": "no"},
    "ar": {"F1": button("no"), "F2": button("other"), "F2_other": "أريد أن أدرس أولاً", "F5_2": "2"},
    "fa": {"F1": button("commute_daily"), "F3": button("housing"), "F6_1": button("dont_know")},
    "so": {"F1": button("no"), "F2": "1", "F8_1": button("great")},
    "ti": {"F1": button("commute_weekly"), "F3": button("try_first"), "F4": "3"},
}
EXPECTED = {
    "sv": {"F1": {"no"}, "F2": {"partner_job", "cannot_afford"}, "F5_1": {"5"}, "F9": {"dont_know"}},
    "en": {"F1": {"move"}, "F3": {"try_first"}, "F7": {"two_three_hours"}, "F10": {"no"}},
    "ar": {"F1": {"no"}, "F2": {"other"}, "F5_2": {"2"}},
    "fa": {"F1": {"commute_daily"}, "F3": {"housing"}, "F6_1": {"dont_know"}},
    "so": {"F1": {"no"}, "F2": {"thrive"}, "F8_1": {"great"}},
    "ti": {"F1": {"commute_weekly"}, "F3": {"try_first"}, "F4": {"all_sweden"}},
}
SKIPPED = {"F4", "F6_3"}  # skipped by everyone who has no typed answer for them
STOP_BEFORE = "F6_2"  # everyone stops here and resumes


@pytest.mark.parametrize("language", list(PLANS))
def test_a_seeker_completes_the_survey_in_every_language(stack: Stack, catalogs: Catalogs, language: str) -> None:
    seeker = Seeker(stack.web_url, language)
    seeker.say(GREETINGS[language])
    said = [m["text"] for m in seeker.say("/start_survey")]
    assert text(catalogs, "utter_ask_survey_consent", language) in said, said
    said = [m["text"] for m in seeker.say("/affirm")]
    assert text(catalogs, "utter_ask_survey_f1", language) in said, said

    plan, expected = PLANS[language], {k: set(v) for k, v in EXPECTED[language].items()}
    given: dict[str, list[str]] = {}
    asked = "F1"
    stopped = False
    for _ in range(60):
        if asked == STOP_BEFORE and not stopped:
            said = [m["text"] for m in seeker.say("/stop")]
            assert text(catalogs, "utter_survey_stopped", language) in said, said
            said = [m["text"] for m in seeker.say("/start_survey")]
            left = len(SURVEY.remaining(given))
            assert text(catalogs, "utter_survey_resume", language, left=left) in said, (said, given)
            assert text(catalogs, f"utter_ask_survey_{asked.lower()}", language) in said, said
            stopped = True
        if asked in plan:
            message = plan[asked]
        elif asked in SKIPPED:
            message, expected[asked] = button("skip"), {"skip"}
        else:
            option = SURVEY.question(asked).options[0]
            message = button(option)
            expected[asked] = {option}
        if asked in expected:
            given[asked] = sorted(expected[asked])
        replies = seeker.say(message)
        said = [m["text"] for m in replies]
        if text(catalogs, "utter_survey_thanks", language) in said:
            break
        question = next(
            (
                q
                for q in [*SURVEY.ids, "F2_other", "F3_other"]
                if text(catalogs, f"utter_ask_survey_{q.lower()}", language) in said
            ),
            None,
        )
        assert question is not None, (asked, message, said)
        assert text(catalogs, "utter_survey_invalid", language) not in said, (asked, message, said)
        asked = question
    else:
        raise AssertionError("the survey never ended")

    assert stopped
    response_id = tracker_slot(stack, seeker, "survey_response_id")
    response, answers, others = stored(response_id)
    assert response == (language, True)
    asked_questions = {q.id for q in SURVEY.questions if SURVEY.applies(q, {k: list(v) for k, v in expected.items()})}
    assert set(answers) == asked_questions
    assert answers == {q: v for q, v in expected.items() if q in asked_questions}
    if language == "ar":
        assert others == {"F2": "أريد أن أدرس أولاً"}
    # asked again after finishing: said so, nothing asked, nothing stored twice
    said = [m["text"] for m in seeker.say("/start_survey")]
    assert said == [text(catalogs, "utter_survey_already_done", language)]
    assert stored(response_id)[1] == answers
    # nothing in the survey tables points back to the conversation
    with psycopg.connect(POSTGRES) as connection:
        hits = connection.execute(
            "SELECT count(*) FROM af_survey_responses r JOIN af_survey_answers a ON a.response_id = r.id "
            "WHERE r.id = %s OR a.other_text LIKE %s",
            (seeker.sender_id, f"%{seeker.sender_id}%"),
        ).fetchone()[0]
    assert hits == 0


def test_a_declined_survey_stores_nothing_and_can_be_started_later(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "en")
    seeker.say("hello")
    seeker.say("/start_survey")
    said = [m["text"] for m in seeker.say("/deny")]
    assert text(catalogs, "utter_survey_declined", "en") in said
    assert tracker_slot(stack, seeker, "survey_response_id") is None
    said = [m["text"] for m in seeker.say("/start_survey")]
    assert text(catalogs, "utter_ask_survey_consent", "en") in said


def test_a_typed_answer_that_fits_no_option_is_asked_again(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("hej")
    seeker.say("/start_survey")
    seeker.say("/affirm")
    said = [m["text"] for m in seeker.say("<img src=x onerror=alert(1)> blå bil")]
    assert text(catalogs, "utter_survey_invalid", "sv") in said
    assert text(catalogs, "utter_ask_survey_f1", "sv") in said


# ---------------------------------------------------------------------------------------------
# the funnel

FUNNEL_SEEKER = [
    # (what the seeker writes, stage after it, a response that must be in the answer)
    ("jag vet inte alls hur jag ska börja söka jobb på andra orter", "kannedom", "utter_funnel_kannedom"),
    ("berätta om Kiruna, hur är det att bo där", "intresse", "utter_place_profile"),
    ("min partner har ju fast jobb här, vad händer med det", "overvagande", "utter_worry_partner_job"),
    ("nu har jag bestämt mig, jag flyttar dit", "beslut", "utter_funnel_beslut"),
]


def test_a_seeker_moves_from_kannedom_to_beslut(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("hej")
    for message, stage, response in FUNNEL_SEEKER:
        said = "\n".join(m["text"] for m in seeker.say(message))
        if response == "utter_place_profile":
            assert "Kiruna" in said and "Norrbottens län" in said and "356" in said, said
            assert "Kirunabostäder" in said
        else:
            assert text(catalogs, response, "sv").split("\n")[-1] in said, said
        assert tracker_slot(stack, seeker, "funnel_stage") == stage
    # the lost seeker is guided step by step (tone for "vilsen"), the group itself never shown
    assert tracker_slot(stack, seeker, "behaviour_group") == "vilsen"
    history = json.dumps(seeker.history(), ensure_ascii=False)
    assert "vilsen" not in history and "behaviour" not in history
    assert text(catalogs, "tone_vilsen_beslut", "sv") in history


@pytest.mark.parametrize(
    "language,message,response",
    [
        ("en", "I'm worried my kids would have to change school", "utter_worry_school"),
        ("ar", "لا أستطيع تحمل تكاليف الانتقال إلى مدينة أخرى", "utter_worry_cost"),
        ("fa", "حضانت بچه‌هام مشترکه و نمی‌تونم ازشون دور بشم", "utter_worry_custody"),
        ("so", "ma awoodo kharashka guuritaanka", "utter_worry_cost"),
    ],
)
def test_each_worry_gets_its_own_answer_and_the_offer_of_a_person(
    stack: Stack, catalogs: Catalogs, language: str, message: str, response: str
) -> None:
    seeker = Seeker(stack.web_url, language)
    replies = seeker.say(message)
    expected = render_response(catalogs, response, language)
    answer = next(m for m in replies if m["text"] == expected["text"])
    assert {b["payload"] for b in answer["buttons"]} == {"/request_human"}
    # the survey is offered once, after mobility help
    assert text(catalogs, "utter_survey_offer", language) in [m["text"] for m in replies]
    assert text(catalogs, "utter_survey_offer", language) not in [m["text"] for m in seeker.say(message)]


def test_live_ads_for_an_occupation(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("hej")
    said = [m["text"] for m in seeker.say("/ask_where_jobs")]
    assert text(catalogs, "utter_ask_job_occupation", "sv") in said
    said = "\n".join(m["text"] for m in seeker.say("undersköterska"))
    assert "1\xa0843" in said and "Stockholms län (412)" in said
    assert "https://arbetsformedlingen.se/platsbanken/annonser/29310551" in said and "Kiruna kommun" in said


def test_an_unreachable_platsbanken_gets_an_honest_answer_and_a_link(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "en")
    seeker.say("hello")
    seeker.say("/ask_where_jobs")
    said = [m["text"] for m in seeker.say("boom")]
    link = "https://arbetsformedlingen.se/platsbanken/annonser?q=boom"
    assert text(catalogs, "utter_jobs_unavailable", "en", occupation="boom", link=link) in said


def test_staff_read_funnel_counts_per_stage_and_language(stack: Stack) -> None:
    username = unique("analyst")
    assert create_account(username, "staff").returncode == 0
    anonymous = httpx.get(f"{stack.web_url}/api/staff/funnel", timeout=30)
    assert anonymous.status_code == 401
    assert httpx.get(f"{stack.web_url}/api/staff/survey/report", timeout=30).status_code == 401
    seeker = Seeker(stack.web_url, "en")
    seeker.say("there are only temp jobs for people like me, permanent ones don't exist")
    seeker.say("what is it like to live in Umeå")
    staff = Staff(stack.web_url, username)
    counts = staff.get("/api/staff/funnel").json()
    stages = {s["stage"]: s for s in counts["stages"]}
    assert stages["intresse"]["by_language"].get("en", 0) >= 1
    assert stages["intresse"]["label"] == "Intresse"
    moves = {(t["from"], t["to"]): t["count"] for t in counts["transitions"]}
    assert moves.get(("kannedom", "intresse"), 0) >= 1 and moves.get((None, "kannedom"), 0) >= 1
    assert counts["seekers"] == sum(s["seekers"] for s in counts["stages"])
    report = staff.get("/api/staff/survey/report?language=en")
    assert report.status_code == 200 and report.json()["responses"] >= 6
    chart = staff.get("/api/staff/survey/report.png")
    assert chart.status_code == 200 and chart.content[:4] == b"\x89PNG"
    # pseudonyms only: the conversation id is not in the table
    with psycopg.connect(POSTGRES) as connection:
        rows = connection.execute("SELECT count(*) FROM af_funnel_events WHERE pseudonym = %s", (seeker.sender_id,)).fetchone()
    assert rows[0] == 0
