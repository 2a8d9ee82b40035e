"""Moves that work the same in every check: stop, correct an answer, answer a side question, switch language."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.handoff import hand_over
from content import LANGUAGES

Events = List[Dict[str, Any]]


def _required_slots(domain: Dict[str, Any], form: str) -> List[str]:
    return list((domain.get("forms") or {}).get(form, {}).get("required_slots") or [])


def _last_answered(order: List[str], tracker: Tracker, before: str | None = None) -> str | None:
    answered = order[: order.index(before)] if before in order else order
    filled = [slot for slot in answered if tracker.get_slot(slot) is not None]
    return filled[-1] if filled else None


class ActionCorrectAnswer(Action):
    """Clears the previous answer so the check asks it again; after a result, reopens that check."""

    def name(self) -> str:
        return "action_correct_answer"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        form = tracker.active_loop_name
        reopen = form is None
        form = form or tracker.get_slot("last_check")
        order = _required_slots(domain, form) if form else []
        slot = _last_answered(order, tracker, before=None if reopen else tracker.get_slot("requested_slot"))
        if slot is None:
            dispatcher.utter_message(response="utter_nothing_to_correct")
            return []
        dispatcher.utter_message(response="utter_correct_answer")
        events: Events = [SlotSet(slot, None), SlotSet("trip_failed_condition", None)]
        return events + [FollowupAction(form)] if reopen else events


class ActionStopCheck(Action):
    def name(self) -> str:
        return "action_stop_check"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        form = tracker.active_loop_name
        dispatcher.utter_message(response="utter_check_stopped")
        cleared = [SlotSet(slot, None) for slot in _required_slots(domain, form)] if form else []
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("trip_failed_condition", None), *cleared]


class ActionAnswerQuestion(Action):
    """Answers a question asked in the middle of a check (the check then asks again)."""

    def name(self) -> str:
        return "action_answer_question"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
        topic = intent[len("ask_") :] if intent.startswith("ask_") else intent
        dispatcher.utter_message(response=f"utter_{topic}")
        return []


class ActionSwitchLanguage(Action):
    """The language slot is already set by the NLU; this only confirms or explains."""

    def name(self) -> str:
        return "action_switch_language"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        named = list(tracker.get_latest_entity_values("language_name"))
        supported = [code for code in named if code in LANGUAGES]
        if supported:
            dispatcher.utter_message(response="utter_language_switched", language=supported[-1])
            return [SlotSet("language", supported[-1])]
        if named:
            dispatcher.utter_message(response="utter_unsupported_language")
            return hand_over(dispatcher, tracker, "unsupported_language", False)
        else:
            dispatcher.utter_message(response="utter_choose_language")
        return []
