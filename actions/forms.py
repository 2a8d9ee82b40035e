"""Slot validation for the two guided checks: free text in any language becomes a value."""

from __future__ import annotations

from typing import Any, Dict, List

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.checks import interview_trip as trip
from actions.parsing import (
    parse_age,
    parse_days_until,
    parse_destination,
    parse_duration_minutes,
    parse_yes_no,
)

Slots = Dict[str, Any]


def _language(tracker: Tracker) -> str | None:
    return tracker.get_slot("language")


def _entity(tracker: Tracker, name: str) -> Any:
    """A value a button sent as an entity (`/inform{"trip_destination": "eea"}`)."""
    return next(tracker.get_latest_entity_values(name), None)


def _yes_no(tracker: Tracker, text: Any) -> bool | None:
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    if intent == "affirm":
        return True
    if intent == "deny":
        return False
    return parse_yes_no(str(text or ""), _language(tracker))


def _duration(value: Any, tracker: Tracker, default_unit: str) -> float | None:
    if isinstance(value, (int, float)):
        return float(value)
    return parse_duration_minutes(str(value or ""), _language(tracker), default_unit=default_unit)


class ValidateCommuteForm(FormValidationAction):
    def name(self) -> str:
        return "validate_commute_form"

    def validate_work_minutes(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Slots:
        minutes = _duration(value, tracker, "hours")
        if minutes is None or minutes <= 0:
            dispatcher.utter_message(response="utter_invalid_duration")
            return {"work_minutes": None}
        return {"work_minutes": minutes}

    def validate_travel_minutes(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        minutes = _duration(value, tracker, "minutes")
        if minutes is None or minutes < 0:
            dispatcher.utter_message(response="utter_invalid_duration")
            return {"travel_minutes": None}
        return {"travel_minutes": minutes}


class ValidateInterviewTripForm(FormValidationAction):
    """Asks the resebidrag conditions one at a time; stops at the first that fails."""

    def name(self) -> str:
        return "validate_interview_trip_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        if tracker.get_slot("trip_failed_condition"):
            return []
        return domain_slots

    def _yes_no_slot(self, slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        answer = _yes_no(tracker, value)
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_yes_no")
            return {slot: None}
        return {slot: answer, "trip_failed_condition": None if answer else trip.YES_NO_CONDITIONS[slot]}

    def validate_trip_age_ok(self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict) -> Slots:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        age = None if intent in ("affirm", "deny") else parse_age(str(value or ""), _language(tracker))
        if age is not None:
            ok = not trip.failed_age(age)
            return {"trip_age_ok": ok, "trip_failed_condition": None if ok else "age"}
        return self._yes_no_slot("trip_age_ok", value, dispatcher, tracker)

    def validate_trip_registered(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._yes_no_slot("trip_registered", value, dispatcher, tracker)

    def validate_trip_unemployed(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._yes_no_slot("trip_unemployed", value, dispatcher, tracker)

    def validate_trip_advertised(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._yes_no_slot("trip_advertised", value, dispatcher, tracker)

    def validate_trip_destination(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        place = _entity(tracker, "trip_destination") or parse_destination(str(value or ""), _language(tracker))
        if place not in ("sweden", "eea", "outside"):
            dispatcher.utter_message(response="utter_invalid_destination")
            return {"trip_destination": None}
        return {"trip_destination": place, "trip_failed_condition": "outside_eea" if place == "outside" else None}

    def validate_trip_travel_minutes(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        minutes = _duration(value, tracker, "hours")
        if minutes is None or minutes <= 0:
            dispatcher.utter_message(response="utter_invalid_duration")
            return {"trip_travel_minutes": None}
        short = trip.failed_travel_time(minutes)
        return {"trip_travel_minutes": minutes, "trip_failed_condition": "short_trip" if short else None}

    def validate_trip_days_until(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        days = _entity(tracker, "trip_days_until")
        if days is None:
            days = parse_days_until(str(value or ""), _language(tracker))
        try:
            days = int(days)
        except (TypeError, ValueError):
            dispatcher.utter_message(response="utter_invalid_days")
            return {"trip_days_until": None}
        failure, _ = trip.timing(days, tracker.get_slot("trip_destination") or "sweden")
        return {"trip_days_until": float(days), "trip_failed_condition": failure}
