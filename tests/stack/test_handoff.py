"""Handing hard cases to staff, end to end on PostgreSQL and Redis: triggers in several
languages, the queue, the atomic claim, live replies, hand-back, close, and a service restart."""

from __future__ import annotations

import concurrent.futures
import os
import time

import httpx
import psycopg
import pytest

from service.answers import Catalogs, render_response
from tests.stack.people import Seeker, Staff, create_account, ensure_admin, unique
from tools.stack import Stack

pytestmark = pytest.mark.stack
SECOND_WEB_PORT = int(os.environ.get("AF_TEST_WEB2_PORT", 18001))

# (reason, language, what the seeker writes): every hard case of the domain brief, each in three languages.
TRIGGERS = [
    ("request_human", "sv", "kan jag få prata med en riktig människa istället"),
    ("request_human", "en", "I'd like to speak to an actual person please"),
    ("request_human", "ar", "أريد التحدث مع موظف حقيقي من فضلك"),
    ("own_case", "sv", "min a-kassa har dragits in och jag vill överklaga beslutet"),
    ("own_case", "en", "I got a warning from my case officer and I want to appeal it"),
    ("own_case", "ar", "أوقفوا تعويضي وأريد الاعتراض على هذا القرار"),
    ("protected_identity", "sv", "jag har skyddade personuppgifter, hur kontaktar jag er säkert"),
    ("protected_identity", "en", "I have protected identity and my address is secret"),
    ("protected_identity", "fa", "من اطلاعات شخصی محافظت شده دارم و آدرسم مخفیه"),
    ("threat", "sv", "min man slår mig och jag är rädd att gå hem"),
    ("threat", "en", "my ex keeps threatening to hurt me"),
    ("threat", "ar", "زوجي يضربني وأنا خائفة منه"),
    ("crisis", "sv", "jag orkar inte leva längre, jag vill ta mitt liv"),
    ("crisis", "en", "I want to end my life, I can't see any way out"),
    ("crisis", "fa", "دیگه نمیخوام زنده باشم و به خودکشی فکر میکنم"),
    ("health", "sv", "jag har ont i ryggen och kan inte jobba heltid längre"),
    ("health", "en", "my depression makes it impossible to work full time"),
    ("health", "ar", "عندي إعاقة ولا أستطيع العمل بدوام كامل"),
    ("interpreter", "sv", "jag behöver tolk till mitt nästa möte"),
    ("interpreter", "en", "I need an interpreter at my meeting with arbetsförmedlingen"),
    ("interpreter", "so", "waxaan u baahanahay turjumaan kulanka"),
    ("establishment", "sv", "jag är med i etableringsprogrammet och undrar vad som händer nu"),
    ("establishment", "en", "I'm in the establishment programme and have questions about my plan"),
    ("establishment", "ar", "أنا في برنامج التأسيس etableringsprogrammet ولدي سؤال"),
]
UNSUPPORTED = [
    ("de", "Guten Tag, ich suche Arbeit und brauche Hilfe mit meinen Reisekosten"),
    ("pl", "Dzień dobry, szukam pracy i potrzebuję pomocy z kosztami podróży"),
    ("ru", "Здравствуйте, я ищу работу и мне нужна помощь"),
]


@pytest.fixture(scope="module")
def admin(stack: Stack) -> Staff:
    return Staff(stack.web_url, ensure_admin(stack))


@pytest.fixture(scope="module")
def staff_names(stack: Stack, admin: Staff) -> list[str]:
    names = []
    for i in range(3):
        name = unique(f"staff{i}")
        reply = admin.post("/api/staff/accounts", {"username": name, "password": "a long enough password", "role": "staff"})
        assert reply.status_code == 201, reply.text
        names.append(name)
    return names


@pytest.fixture(scope="module")
def staff(stack: Stack, staff_names: list[str]) -> Staff:
    return Staff(stack.web_url, staff_names[0], "a long enough password")


@pytest.fixture(scope="module")
def second_web(stack: Stack) -> str:
    """A second web service process on the same PostgreSQL and Redis."""
    stack.spawn_web("web2", SECOND_WEB_PORT)
    url = f"http://127.0.0.1:{SECOND_WEB_PORT}"
    stack.wait_url(stack.processes["web2"], f"{url}/health/live", 60)
    yield url
    process = stack.processes.pop("web2")
    process.terminate()
    process.wait(20)


def texts(catalogs: Catalogs, key: str, language: str, **arguments) -> str:
    return render_response(catalogs, key, language, arguments)["text"]


@pytest.mark.parametrize(("reason", "language", "message"), TRIGGERS, ids=[f"{r}-{lang}" for r, lang, _ in TRIGGERS])
def test_each_hard_case_hands_over(
    stack: Stack, catalogs: Catalogs, staff: Staff, reason: str, language: str, message: str
) -> None:
    seeker = Seeker(stack.web_url, language)
    replies = seeker.say(message)
    assert seeker.state["mode"] == "waiting", replies
    said = [m["text"] for m in replies]
    assert texts(catalogs, f"utter_handoff_{reason}", language) in said
    # The seeker hears their place in the queue, or, when nobody is online, how else to reach a person.
    if seeker.state["staff_online"]:
        assert said[-1] == texts(catalogs, "handoff_queued", language, position=seeker.state["position"])
    else:
        assert said[-1] == texts(catalogs, "handoff_no_staff", language)
    case = staff.case_of(seeker)
    assert (case["reason"], case["language"], case["status"]) == (reason, language, "waiting")
    assert case["urgent"] is (reason in ("threat", "crisis"))
    assert message in case["summary"]


def test_when_nobody_is_online_the_seeker_hears_the_other_ways_in(stack: Stack, catalogs: Catalogs, staff: Staff) -> None:
    deadline = time.monotonic() + 90  # consoles closed by earlier tests drop out within the presence margin
    while staff.queue()["staff_online"] and time.monotonic() < deadline:
        time.sleep(2)
    seeker = Seeker(stack.web_url, "so")
    said = seeker.texts("waxaan rabaa inaan la hadlo qof shaqaale ah")
    assert seeker.state["staff_online"] == 0
    assert said[-1] == texts(catalogs, "handoff_no_staff", "so")
    assert "0771" in said[-1]


def test_urgent_cases_get_emergency_numbers_and_jump_the_queue(stack: Stack, catalogs: Catalogs, staff: Staff) -> None:
    calm = Seeker(stack.web_url, "en")
    calm.say("I want to talk to a human being")
    urgent = Seeker(stack.web_url, "en")
    said = " ".join(urgent.texts("someone at home is hitting me and I'm scared"))
    assert "112" in said and "020" in said
    waiting = staff.queue()["waiting"]
    order = [c["conversation_id"] for c in waiting]
    assert order.index(urgent.sender_id) < order.index(calm.sender_id)
    flags = [c["urgent"] for c in waiting]
    assert flags == sorted(flags, reverse=True), "every urgent case comes before every other"


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "I have a question about resebidrag for my interview but honestly I keep thinking about suicide"),
        ("sv", "hur många jobb ska jag söka, jag orkar inte längre och tänker på självmord"),
    ],
)
def test_words_about_suicide_make_any_message_urgent(
    stack: Stack, catalogs: Catalogs, staff: Staff, language: str, message: str
) -> None:
    seeker = Seeker(stack.web_url, language)
    said = seeker.texts(message)
    assert texts(catalogs, "utter_handoff_crisis", language) in said
    case = staff.case_of(seeker)
    assert case["reason"] == "crisis" and case["urgent"]


def test_a_waiting_seeker_who_writes_about_a_crisis_moves_to_the_front(stack: Stack, catalogs: Catalogs, staff: Staff) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("jag vill prata med en handläggare")
    assert not staff.case_of(seeker)["urgent"]
    replies = seeker.texts("jag vill inte leva längre")
    assert replies == [texts(catalogs, "utter_handoff_crisis", "sv")]
    case = staff.case_of(seeker)
    assert case["urgent"] and case["reason"] == "crisis"
    assert seeker.state["position"] == 1 or staff.queue()["waiting"][0]["urgent"]


@pytest.mark.parametrize(("code", "message"), UNSUPPORTED, ids=[c for c, _ in UNSUPPORTED])
def test_a_language_the_assistant_does_not_speak_hands_over(stack: Stack, staff: Staff, code: str, message: str) -> None:
    seeker = Seeker(stack.web_url)
    seeker.say(message)
    assert seeker.state["mode"] == "waiting"
    case = staff.case_of(seeker)
    assert case["reason"] == "unsupported_language" and case["detected_language"] == code


@pytest.mark.parametrize(
    ("language", "nonsense"),
    [("sv", ["blörk fnask", "asdfgh jklö"]), ("en", ["zxcv qwop", "flibber jabber"]), ("ar", ["ززز ققق", "ثثث ضضض"])],
)
def test_two_misunderstandings_in_a_row_hand_over(
    stack: Stack, catalogs: Catalogs, staff: Staff, language: str, nonsense: list
) -> None:
    seeker = Seeker(stack.web_url, language)
    first = seeker.texts(nonsense[0])
    assert first == [texts(catalogs, "utter_default", language)] and seeker.state["mode"] == "bot"
    second = seeker.texts(nonsense[1])
    assert texts(catalogs, "utter_handoff_misunderstood", language) in second
    assert staff.case_of(seeker)["reason"] == "misunderstood"


def test_one_misunderstanding_then_a_good_question_does_not_hand_over(stack: Stack, catalogs: Catalogs) -> None:
    seeker = Seeker(stack.web_url, "en")
    seeker.say("zxcv qwop")
    seeker.say("how many jobs do I have to apply for each month?")
    seeker.say("flibber jabber")
    assert seeker.state["mode"] == "bot"


def test_place_in_the_queue_when_staff_is_online(stack: Stack, catalogs: Catalogs, staff: Staff) -> None:
    stream = staff.listen()
    try:
        stream.next("queue")
        seeker = Seeker(stack.web_url, "en")
        said = seeker.texts("can I talk to a person")
        position = seeker.state["position"]
        assert seeker.state["staff_online"] >= 1 and position >= 1
        assert said[-1] == texts(catalogs, "handoff_queued", "en", position=position)
    finally:
        stream.close()


def test_claim_is_atomic_across_service_processes(stack: Stack, staff_names: list[str], second_web: str) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("jag vill prata med en människa")
    people = [Staff(stack.web_url, name, "a long enough password") for name in staff_names]
    case_id = people[0].case_of(seeker)["id"]
    attempts = [(person, url) for person in people for url in (stack.web_url, second_web)] * 8

    def claim(attempt: tuple[Staff, str]) -> int:
        person, url = attempt
        return person.post(f"/api/staff/cases/{case_id}/claim", web_url=url).status_code

    with concurrent.futures.ThreadPoolExecutor(max_workers=len(attempts)) as pool:
        codes = list(pool.map(claim, attempts))
    assert codes.count(200) == 1 and codes.count(409) == len(attempts) - 1, codes
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test") as db:
        status, claimed_by = db.execute("select status, claimed_by from af_handoff_cases where id = %s", (case_id,)).fetchone()
    assert status == "claimed" and claimed_by is not None


def test_staff_reply_reaches_the_seeker_live_then_hand_back(
    stack: Stack, catalogs: Catalogs, staff: Staff, second_web: str
) -> None:
    seeker = Seeker(stack.web_url, "en")
    seeker.say("I want to talk to a person")
    # The seeker's page is connected to the other service process: delivery goes through Redis.
    events = seeker.listen(second_web)
    try:
        case_id = staff.case_of(seeker)["id"]
        assert staff.post(f"/api/staff/cases/{case_id}/claim").status_code == 200
        joined = events.next("message")["message"]
        assert joined["text"] == texts(catalogs, "handoff_joined", "en")
        assert events.next("state")["state"]["mode"] == "staff"
        # The bot stays quiet while a person has the conversation; staff sees the message.
        assert seeker.say("Hello? I have a question about my benefit") == []
        reply = staff.post(f"/api/staff/cases/{case_id}/reply", {"text": "Hi, I'm Anna. <b>How</b> can I help?"})
        assert reply.status_code == 200
        live = events.next("message")["message"]
        assert (live["author"], live["text"], live["staff_name"]) == (
            "staff",
            "Hi, I'm Anna. <b>How</b> can I help?",
            staff.me["display_name"],
        )
        # Staff replies are masked like everything stored, but Arbetsförmedlingen's own numbers stay.
        staff.post(f"/api/staff/cases/{case_id}/reply", {"text": "Call 0771-416 416; your number 19850101-1234 is not needed"})
        masked = events.next("message")["message"]["text"]
        assert "0771-416 416" in masked and "19850101-1234" not in masked and "[personnummer]" in masked
        assert staff.post(f"/api/staff/cases/{case_id}/hand-back").status_code == 200
        back = events.next("message")["message"]
        assert back["text"] == texts(catalogs, "handoff_returned", "en")
    finally:
        events.close()
    answer = seeker.texts("How many jobs do I have to apply for each month?")
    assert answer and answer[0].startswith(texts(catalogs, "utter_how_many_jobs", "en")[:40])
    authors = [m["author"] for m in seeker.history()["messages"]]
    assert authors.count("staff") == 2 and authors[-1] == "bot"


def test_close_with_an_outcome_is_stored(stack: Stack, catalogs: Catalogs, staff: Staff) -> None:
    seeker = Seeker(stack.web_url, "ar")
    seeker.say("أريد التحدث مع موظف")
    case_id = staff.case_of(seeker)["id"]
    assert staff.post(f"/api/staff/cases/{case_id}/claim").status_code == 200
    assert staff.post(f"/api/staff/cases/{case_id}/close", {"outcome": "nonsense"}).status_code == 422
    closed = staff.post(f"/api/staff/cases/{case_id}/close", {"outcome": "referred_phone"})
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert seeker.history()["messages"][-1]["text"] == texts(catalogs, "handoff_closed", "ar")
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test") as db:
        row = db.execute(
            "select status, outcome, ended_at is not null from af_handoff_cases where id = %s", (case_id,)
        ).fetchone()
    assert row == ("closed", "referred_phone", True)
    assert seeker.history()["state"]["mode"] == "bot"


def test_transcript_for_staff_is_masked(stack: Stack, staff: Staff) -> None:
    seeker = Seeker(stack.web_url, "sv")
    seeker.say("jag vill prata med en person")
    seeker.say("mitt personnummer är 19850101-1234, ring 070-123 45 67 eller mejla anna.svensson@example.com")
    case_id = staff.case_of(seeker)["id"]
    lines = [m["text"] for m in staff.get(f"/api/staff/cases/{case_id}").json()["messages"]]
    joined = " ".join(lines)
    assert "[personnummer]" in joined and "[telefon]" in joined and "[e-post]" in joined
    assert "19850101" not in joined and "123 45 67" not in joined and "anna.svensson" not in joined
    with psycopg.connect("postgresql://postgres@127.0.0.1:5432/test") as db:
        stored = " ".join(
            r[0] for r in db.execute("select text from af_transcript_messages where sender_id = %s", (seeker.sender_id,))
        )
    assert "19850101" not in stored and "anna.svensson" not in stored


def test_the_queue_survives_a_restart_of_the_service(stack: Stack, staff: Staff) -> None:
    seeker = Seeker(stack.web_url, "en")
    seeker.say("can I speak with a member of staff")
    case_id = staff.case_of(seeker)["id"]
    stack.restart_web()
    assert case_id in [c["id"] for c in staff.queue()["waiting"]]
    assert seeker.history()["state"]["mode"] == "waiting"
    assert staff.post(f"/api/staff/cases/{case_id}/claim").status_code == 200


def test_the_queue_survives_losing_redis_state(stack: Stack, staff: Staff) -> None:
    """The database is the record: a Redis that lost the queue gets it back at start-up."""
    import redis

    seeker = Seeker(stack.web_url, "en")
    seeker.say("can I speak with a member of staff")
    case_id = staff.case_of(seeker)["id"]
    redis.Redis.from_url("redis://127.0.0.1:6379/2").delete("af:handoff:queue")
    stack.restart_web()
    assert case_id in [c["id"] for c in staff.queue()["waiting"]]


def test_seekers_cannot_read_or_write_other_conversations(stack: Stack) -> None:
    owner, other = Seeker(stack.web_url, "en"), Seeker(stack.web_url, "en")
    owner.say("hello")
    url = f"{stack.web_url}/api/conversations/{owner.sender_id}"
    assert httpx.get(f"{url}/messages", params={"token": other.token}).status_code == 403
    assert httpx.get(f"{url}/events", params={"token": other.token}).status_code == 403
    body = {"sender_id": owner.sender_id, "token": other.token, "message": "hi"}
    assert httpx.post(f"{stack.web_url}/api/chat", json=body).status_code == 403
    assert httpx.get(f"{url}/messages").status_code == 422


def test_admin_command_refuses_weak_passwords_and_duplicates(stack: Stack) -> None:
    name = unique("someone")
    assert create_account(name, "staff", "short").returncode == 1
    assert create_account(name, "staff").returncode == 0
    assert create_account(name, "staff").returncode == 1
