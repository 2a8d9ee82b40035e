"""Explain the outcome of a finished check: the numbers, the rule, what to do next and by when."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.checks import interview_trip as trip
from actions.checks.commute import evaluate_commute


def duration(minutes: float) -> Dict[str, float]:
    """A duration argument: the NLG endpoint formats it per language."""
    return {"duration_minutes": round(float(minutes), 1)}


class ActionCommuteResult(Action):
    def name(self) -> str:
        return "action_commute_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        result = evaluate_commute(float(tracker.get_slot("work_minutes")), float(tracker.get_slot("travel_minutes")))
        dispatcher.utter_message(
            response="utter_commute_within" if result.within else "utter_commute_outside",
            work_time=duration(result.work_minutes),
            travel_time=duration(result.travel_minutes),
            total_time=duration(result.total_minutes),
        )
        return [SlotSet("last_check", "commute_form")]


class ActionInterviewTripResult(Action):
    def name(self) -> str:
        return "action_interview_trip_result"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> List[Dict[str, Any]]:
        events: List[Dict[str, Any]] = [SlotSet("last_check", "interview_trip_form")]
        destination = tracker.get_slot("trip_destination") or "sweden"
        working_days = trip.required_working_days(destination)
        failed = tracker.get_slot("trip_failed_condition")
        if failed:
            dispatcher.utter_message(response=f"utter_trip_fail_{failed}", working_days=working_days)
            return events
        failure, deadline = trip.timing(int(tracker.get_slot("trip_days_until")), destination)
        if failure:
            dispatcher.utter_message(response=f"utter_trip_fail_{failure}", working_days=working_days)
            return events
        dispatcher.utter_message(
            response="utter_trip_eligible",
            deadline_date={"date": deadline.isoformat()},
            working_days=working_days,
        )
        return events
