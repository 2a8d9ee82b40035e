"""The two guided checks through the REST channel: free-text answers, corrections, quitting."""

from __future__ import annotations

import pytest

from actions.checks import interview_trip as trip
from service.answers import Catalogs
from tests.stack.talk import Conversation, expected
from tools.stack import Stack

pytestmark = pytest.mark.stack


def minutes(value: float) -> dict:
    return {"duration_minutes": value}


COMMUTES = {
    # language: start, first answer, corrected answer, travel answer, (work, travel) minutes, response
    "sv": (
        "kan du kolla om jag kan pendla till ett jobb",
        "8 timmar",
        "9 timmar",
        "en och en halv timme",
        (540, 90),
        "utter_commute_within",
    ),
    "ar": (
        "أريد أن أتحقق إذا كان العمل ضمن مسافة التنقل اليومي",
        "٨ ساعات",
        "٧ ساعات",
        "٣ ساعات",
        (420, 180),
        "utter_commute_outside",
    ),
    "so": (
        "Ii hubi haddii shaqadu ku jirto masaafada safarka maalinlaha ah",
        "8 saacadood",
        "6 saacadood",
        "saacad iyo bar",
        (360, 90),
        "utter_commute_within",
    ),
    "fa": (
        "میخواهم بررسی کنم که آیا این شغل در فاصله رفت و آمد روزانه است",
        "۸ ساعت",
        "۱۰ ساعت",
        "۴۵ دقیقه",
        (600, 45),
        "utter_commute_within",
    ),
}
CORRECT = {
    "sv": "vänta, jag vill ändra mitt svar",
    "ar": "لحظة، أريد تغيير جوابي",
    "so": "sug, waxaan rabaa inaan jawaabtayda beddelo",
    "fa": "صبر کن، میخوام جوابم رو عوض کنم",
}


@pytest.mark.parametrize("lang", COMMUTES)
def test_commute_check_with_a_correction(stack: Stack, catalogs: Catalogs, lang: str) -> None:
    start, first, corrected, travel, (work_min, travel_min), result = COMMUTES[lang]
    chat = Conversation(stack.rasa_url)
    assert chat.texts(start) == expected(catalogs, "utter_ask_work_minutes", lang)
    assert chat.texts(first) == expected(catalogs, "utter_ask_travel_minutes", lang)
    assert chat.texts(CORRECT[lang]) == expected(catalogs, "utter_correct_answer", lang) + expected(
        catalogs, "utter_ask_work_minutes", lang
    )
    assert chat.texts(corrected) == expected(catalogs, "utter_ask_travel_minutes", lang)
    assert chat.texts(travel) == expected(
        catalogs,
        result,
        lang,
        work_time=minutes(work_min),
        travel_time=minutes(travel_min),
        total_time=minutes(work_min + 2 * travel_min),
    )


@pytest.mark.parametrize("answer", ["quite a long way", "purple banana", "no idea, sorry"])
def test_commute_check_rejects_an_answer_that_is_not_a_time_and_asks_again(stack: Stack, catalogs: Catalogs, answer: str) -> None:
    chat = Conversation(stack.rasa_url)
    chat.texts("can you check whether my commute is within daily commuting distance")
    assert chat.texts(answer) == expected(catalogs, "utter_invalid_duration", "en") + expected(
        catalogs, "utter_ask_work_minutes", "en"
    )


def test_side_question_in_the_middle_of_a_check(stack: Stack, catalogs: Catalogs) -> None:
    chat = Conversation(stack.rasa_url)
    chat.texts("can you check whether my commute is within daily commuting distance")
    assert chat.texts("what counts as suitable work?") == expected(catalogs, "utter_suitable_work", "en") + expected(
        catalogs, "utter_ask_work_minutes", "en"
    )


def test_interview_trip_check_eligible_then_corrected(stack: Stack, catalogs: Catalogs) -> None:
    chat = Conversation(stack.rasa_url)
    assert chat.texts("check if I qualify for travel money for my job interview") == expected(
        catalogs, "utter_ask_trip_age_ok", "en"
    )
    assert chat.texts("yes") == expected(catalogs, "utter_ask_trip_registered", "en")
    assert chat.texts("yes I am") == expected(catalogs, "utter_ask_trip_unemployed", "en")
    assert chat.texts("/affirm") == expected(catalogs, "utter_ask_trip_advertised", "en")
    assert chat.texts("yes, it's in Platsbanken") == expected(catalogs, "utter_ask_trip_destination", "en")
    assert chat.texts('/inform{"trip_destination": "sweden"}') == expected(catalogs, "utter_ask_trip_travel_minutes", "en")
    assert chat.texts("about 5 hours") == expected(catalogs, "utter_ask_trip_days_until", "en")
    _, deadline = trip.timing(14, "sweden")
    eligible = chat.say("14")
    assert [m["text"] for m in eligible] == expected(
        catalogs, "utter_trip_eligible", "en", deadline_date={"date": deadline.isoformat()}, working_days=3
    )
    assert [b["payload"] for b in eligible[0]["buttons"]] == ["/correct_answer", "/request_human"]
    # "Change an answer" after the result reopens the check at the last answer.
    assert chat.texts("/correct_answer") == expected(catalogs, "utter_correct_answer", "en") + expected(
        catalogs, "utter_ask_trip_days_until", "en"
    )
    assert chat.texts("2") == expected(catalogs, "utter_trip_fail_too_late", "en", working_days=3)


@pytest.mark.parametrize(
    "lang,answers,failure",
    [
        ("fa", ["بررسی کن ببینم میتونم برای سفر مصاحبه کاری resebidrag بگیرم", "نه"], "utter_trip_fail_age"),
        ("sv", ["kolla om jag kan få resebidrag för min intervjuresa", "jag är 19"], "utter_trip_fail_age"),
        ("ar", ["أريد أن أتحقق إذا كنت أستحق تعويض السفر لمقابلة العمل", "نعم", "لا"], "utter_trip_fail_registered"),
        (
            "en",
            [
                "check if I qualify for travel money for my job interview",
                "yes",
                "yes",
                "yes",
                "yes",
                '/inform{"trip_destination": "eea"}',
                "2 hours",
            ],
            "utter_trip_fail_short_trip",
        ),
        (
            "en",
            ["check if I qualify for travel money for my job interview", "I'm 34", "yes", "yes", "yes", "Turkey"],
            "utter_trip_fail_outside_eea",
        ),
    ],
)
def test_interview_trip_check_stops_at_the_first_failed_condition(
    stack: Stack, catalogs: Catalogs, lang: str, answers: list[str], failure: str
) -> None:
    chat = Conversation(stack.rasa_url)
    for answer in answers[:-1]:
        chat.texts(answer)
    assert chat.texts(answers[-1]) == expected(catalogs, failure, lang, working_days=trip.required_working_days("eea"))


@pytest.mark.parametrize(
    "lang,start,yes,stop",
    [
        ("ti", "ንናይ ቃለ-መሕትት ጉዕዞ resebidrag ክረክብ ከም ዝኽእል ፈትሸለይ", "እወ", "ኣቋርጾ"),
        ("sv", "kolla om jag kan få resebidrag för min intervjuresa", "ja", "avbryt"),
        ("ar", "أريد أن أتحقق إذا كنت أستحق تعويض السفر لمقابلة العمل", "نعم", "أوقف الفحص"),
    ],
)
def test_quitting_a_check_half_way(stack: Stack, catalogs: Catalogs, lang: str, start: str, yes: str, stop: str) -> None:
    chat = Conversation(stack.rasa_url)
    assert chat.texts(start) == expected(catalogs, "utter_ask_trip_age_ok", lang)
    assert chat.texts(yes) == expected(catalogs, "utter_ask_trip_registered", lang)
    assert chat.texts(stop) == expected(catalogs, "utter_check_stopped", lang)
    assert chat.texts("/ask_moving_grant") == expected(catalogs, "utter_moving_grant", lang)
