"""The mobility funnel: where a seeker stands (kännedom → beslut), in what tone to help, and the help.

Rasa's slots hold the stage and behaviour group for the conversation. Every change of stage is
also sent to the web service as a `funnel` message, which stores it under a pseudonym so staff
can count seekers per stage and follow how they move (service/funnel/).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import places
from actions.jobsearch import JobSearchUnavailable, client, platsbanken_link
from content import _load_yaml

Events = List[Dict[str, Any]]

WORRIES = {
    "worry_partner_job": "utter_worry_partner_job",
    "worry_cost": "utter_worry_cost",
    "worry_custody": "utter_worry_custody",
    "worry_school": "utter_worry_school",
    "worry_social_ties": "utter_worry_social_ties",
    "worry_housing": "utter_worry_housing",
    "want_to_try_first": "utter_worry_try_first",
}
STAGE_HELP = {
    "kannedom": "utter_funnel_kannedom",
    "intresse": "utter_funnel_intresse",
    "beslut": "utter_funnel_beslut",
}


@lru_cache(maxsize=1)
def funnel() -> Dict[str, Any]:
    return _load_yaml("funnel.yml")


def stage_rank(stage: str | None) -> int:
    stages = funnel()["stages"]
    return stages.index(stage) if stage in stages else -1


def _intent(tracker: Tracker) -> str:
    return (tracker.latest_message.get("intent") or {}).get("name") or ""


def move_to(dispatcher: CollectingDispatcher, tracker: Tracker, stage: str | None, group: str | None = None) -> Events:
    """Moves the seeker forward (never back) and tells the service; sets the tone group if given."""
    events: Events = []
    if group and group != tracker.get_slot("behaviour_group"):
        events.append(SlotSet("behaviour_group", group))
    current = tracker.get_slot("funnel_stage")
    if stage and stage_rank(stage) > stage_rank(current):
        events.append(SlotSet("funnel_stage", stage))
        dispatcher.utter_message(
            json_message={"funnel": {"stage": stage, "previous": current, "language": tracker.get_slot("language")}}
        )
    return events


def signal_of_intent(intent: str) -> Dict[str, str]:
    return dict(funnel()["intents"].get(intent) or {})


def signal_of_answer(question: str, answers: List[str]) -> Dict[str, str]:
    table = (funnel().get("survey") or {}).get(question) or {}
    for answer in answers:
        if answer in table:
            return dict(table[answer])
    return {}


def tone(group: str | None, stage: str | None) -> Dict[str, str]:
    """The lead-in that sets the tone for the seeker's behaviour group (none when it is unknown)."""
    if group in funnel()["groups"] and stage in funnel()["stages"]:
        return {"prefix_key": f"tone_{group}_{stage}"}
    return {}


def offer_survey(dispatcher: CollectingDispatcher, tracker: Tracker) -> Events:
    """Once per conversation, after mobility help, and only to someone who has not started it."""
    if tracker.get_slot("survey_offered") or tracker.get_slot("survey_status"):
        return []
    dispatcher.utter_message(response="utter_survey_offer")
    return [SlotSet("survey_offered", True)]


def place_profile(dispatcher: CollectingDispatcher, name: str, live_ads: int | None) -> None:
    """A place in depth from content/places/profiles.yml; any other municipality with what is known."""
    municipality = places.municipality(name)
    profile = places.profile(name)
    if profile is None:
        parts: List[Dict[str, Any]] = [{"key": "place_basic", "args": {"place": name, "county": municipality.county}}]
    else:
        parts = places.profile_parts(name, profile)
    if live_ads is not None:
        parts.append({"key": "place_live_ads", "args": {"place": name, "ads": live_ads}})
    parts.append({"key": "place_platsbanken", "args": {"link": platsbanken_link(name)}})
    dispatcher.utter_message(response="utter_place_profile", place=name, profile={"parts": parts})


async def live_ads_in(name: str) -> int | None:
    municipality = places.municipality(name)
    try:
        return (await client().search(municipality=municipality.code, limit=0)).total
    except JobSearchUnavailable:
        return None


class ActionFunnelHelp(Action):
    """One action for every mobility intent: note the stage and tone, then help for that stage."""

    def name(self) -> str:
        return "action_funnel_help"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        intent = _intent(tracker)
        signal = signal_of_intent(intent)
        events = move_to(dispatcher, tracker, signal.get("stage"), signal.get("group"))
        group = signal.get("group") or tracker.get_slot("behaviour_group")
        stage = signal.get("stage") or tracker.get_slot("funnel_stage")
        lead = tone(group, stage)
        place = places.find(tracker)
        if intent == "ask_where_jobs":
            dispatcher.utter_message(response="utter_where_jobs_intro", **lead)
            return events + [SlotSet("job_place", place)]
        if intent == "ask_place_profile" and place:
            place_profile(dispatcher, place, await live_ads_in(place))
            return events + [SlotSet("job_place", place)]
        if intent in WORRIES:
            dispatcher.utter_message(response=WORRIES[intent], **lead)
        else:
            dispatcher.utter_message(response=STAGE_HELP.get(signal.get("stage") or "", "utter_funnel_kannedom"), **lead)
        return events + offer_survey(dispatcher, tracker)


class ActionWhereJobs(Action):
    """After the occupation is known: live ads and where in Sweden they are, from Platsbanken."""

    def name(self) -> str:
        return "action_where_jobs"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        occupation = " ".join(str(tracker.get_slot("job_occupation") or "").split())[:80]
        place = tracker.get_slot("job_place")
        municipality = places.municipality(place)
        code = municipality.code if municipality else None
        link = platsbanken_link(" ".join(filter(None, [occupation, place])))
        events: Events = [SlotSet("job_occupation", None)]
        try:
            result = await client().search(query=occupation, municipality=code)
        except JobSearchUnavailable:
            dispatcher.utter_message(response="utter_jobs_unavailable", occupation=occupation, link=link)
            return events
        if result.total == 0:
            response = "utter_jobs_none_in_place" if place else "utter_jobs_none"
            dispatcher.utter_message(response=response, occupation=occupation, place=place or "", link=link)
            return events
        ads = {"lines": [f"• {ad.headline} – {ad.employer}, {ad.municipality}\n  {ad.url}" for ad in result.ads]}
        if place:
            dispatcher.utter_message(
                response="utter_jobs_found_in_place", occupation=occupation, place=place, total=result.total, ads=ads, link=link
            )
        else:
            dispatcher.utter_message(
                response="utter_jobs_found",
                occupation=occupation,
                total=result.total,
                regions={"counts": [list(r) for r in result.regions[:5]]},
                ads=ads,
                link=link,
            )
        return events + offer_survey(dispatcher, tracker)
