"""AF's survey on moving for work as a Rasa form: consent, F1–F10 with branching, skip, stop, resume.

Answers are kept in slots (so a stopped survey resumes where it stopped, even in a later session)
and each one is also sent to the web service as a `survey` message under a random response id,
which the service stores without anything that points back to the conversation (service/survey/).
"""

from __future__ import annotations

import functools
import uuid
from typing import Any, Dict, List, Optional

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import ActiveLoop, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.funnel import move_to, signal_of_answer
from actions.parsing import parse_yes_no
from actions.survey_answers import match_answer
from content.questionnaire import OTHER, SKIP, Question, questionnaire

Events = List[Dict[str, Any]]
Slots = Dict[str, Any]
CONSENT = "survey_consent"
# An answer that is plainly one of these intents picks the option, whatever words were used.
INTENT_OPTIONS: Dict[str, Dict[str, str]] = {
    "F2": {
        "worry_partner_job": "partner_job",
        "worry_cost": "cannot_afford",
        "worry_custody": "custody",
        "worry_social_ties": "friends_family",
        "worry_school": "school",
        "unwilling_to_move": "thrive",
    },
    "F3": {
        "worry_cost": "moving_costs",
        "worry_partner_job": "partner_job",
        "worry_housing": "housing",
        "want_to_try_first": "try_first",
    },
}
YES_NO_INTENTS = {"affirm": "yes", "deny": "no"}
# A question asked in the middle of the survey is answered when the classifier is this sure.
SIDE_QUESTION_CONFIDENCE = 0.8


def other_slot(question: Question) -> str:
    return f"{question.slot}_other"


def answers_of(tracker: Tracker) -> Dict[str, Optional[List[str]]]:
    """Question id -> option codes given so far (None: not asked yet)."""
    out: Dict[str, Optional[List[str]]] = {}
    for question in questionnaire().questions:
        value = tracker.get_slot(question.slot)
        out[question.id] = str(value).split(",") if value else None
    return out


def record(dispatcher: CollectingDispatcher, tracker: Tracker, **fields: Any) -> None:
    """Tells the web service; it stores the answer under the random response id only."""
    dispatcher.utter_message(
        json_message={
            "survey": {"response_id": tracker.get_slot("survey_response_id"), "language": tracker.get_slot("language"), **fields}
        }
    )


def _intent(tracker: Tracker) -> tuple[str, float]:
    intent = tracker.latest_message.get("intent") or {}
    return intent.get("name") or "", float(intent.get("confidence") or 0.0)


class ValidateSurveyForm(FormValidationAction):
    def name(self) -> str:
        return "validate_survey_form"

    async def required_slots(
        self, domain_slots: List[str], dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> List[str]:
        """Every question that applies, answered or not, in order: rasa-sdk validates only the slots
        listed here, and asks the first one still empty. Branching follows the answers so far."""
        if tracker.get_slot(CONSENT) is False:
            return []
        answers = answers_of(tracker)
        slots = [CONSENT]
        for question in questionnaire().questions:
            if not questionnaire().applies(question, answers):
                continue
            slots.append(question.slot)
            if OTHER in (answers[question.id] or []):
                slots.append(other_slot(question))
        return slots

    def __getattr__(self, name: str) -> Any:
        # validate_survey_f1 … validate_survey_f10: one validator for every question.
        prefix = "validate_survey_f"
        if name.startswith(prefix) and not name.endswith("_other"):
            question = questionnaire().question(name[len("validate_survey_") :].upper())
            return functools.partial(self._validate_question, question)
        raise AttributeError(name)

    async def validate_survey_consent(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if tracker.get_slot("requested_slot") != CONSENT:
            return {CONSENT: value}  # given earlier, validated again as the form resumes
        intent, _ = _intent(tracker)
        answer = {"affirm": True, "deny": False}.get(intent)
        if answer is None:
            answer = parse_yes_no(str(value or ""), tracker.get_slot("language"))
        if answer is None:
            dispatcher.utter_message(response="utter_invalid_yes_no")
            return {CONSENT: None}
        if not answer:
            return {CONSENT: False}
        response_id = tracker.get_slot("survey_response_id") or uuid.uuid4().hex
        return {CONSENT: True, "survey_response_id": response_id, "survey_status": "started"}

    async def _validate_question(
        self, question: Question, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        if tracker.get_slot("requested_slot") != question.slot:
            return {question.slot: value}  # an earlier answer, validated again as the form resumes: already stored
        picked = self._picked(question, value, tracker)
        if picked is None:
            intent, confidence = _intent(tracker)
            if intent.startswith("ask_") and confidence >= SIDE_QUESTION_CONFIDENCE:
                dispatcher.utter_message(response=f"utter_{intent[len('ask_') :]}")
            else:
                dispatcher.utter_message(response="utter_survey_invalid")
            return {question.slot: None}
        record(dispatcher, tracker, question=question.id, answers=picked)
        slots: Slots = {question.slot: ",".join(picked)}
        signal = signal_of_answer(question.id, picked)
        if signal:
            for event in move_to(dispatcher, tracker, signal.get("stage"), signal.get("group")):
                slots[event["name"]] = event["value"]
        return slots

    def _picked(self, question: Question, value: Any, tracker: Tracker) -> Optional[List[str]]:
        sent = next(tracker.get_latest_entity_values("survey_option"), None)
        if sent is not None:
            sent = str(sent)
            return [sent] if sent in question.options or sent == SKIP else None
        picked = match_answer(question, str(value or ""), tracker.get_slot("language"))
        if picked:
            return picked
        intent, _ = _intent(tracker)
        if question.id in INTENT_OPTIONS and intent in INTENT_OPTIONS[question.id]:
            return [INTENT_OPTIONS[question.id][intent]]
        if question.scale == "yes_no" and intent in YES_NO_INTENTS:
            return [YES_NO_INTENTS[intent]]
        return None

    def _other(self, question_id: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker) -> Slots:
        question = questionnaire().question(question_id)
        if value in ("given", SKIP) or tracker.get_slot("requested_slot") != other_slot(question):
            return {other_slot(question): value}  # validated and stored already (the form resumed)
        text = " ".join(str(value or "").split())[:500]
        if next(tracker.get_latest_entity_values("survey_option"), None) == SKIP or not text:
            return {other_slot(question): SKIP}
        given = answers_of(tracker)[question.id] or [OTHER]
        record(dispatcher, tracker, question=question.id, answers=given, other_text=text)
        return {other_slot(question): "given"}

    async def validate_survey_f2_other(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._other("F2", value, dispatcher, tracker)

    async def validate_survey_f3_other(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> Slots:
        return self._other("F3", value, dispatcher, tracker)


class ActionSurveyStart(Action):
    """Before survey_form runs: a fresh start (consent first), a resume, or "already done"."""

    def name(self) -> str:
        return "action_survey_start"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        status = tracker.get_slot("survey_status")
        if status == "completed":
            dispatcher.utter_message(response="utter_survey_already_done")
            return []
        events: Events = [SlotSet("survey_offered", True)]
        if status in ("started", "stopped") and tracker.get_slot(CONSENT):
            remaining = questionnaire().remaining(answers_of(tracker))
            dispatcher.utter_message(response="utter_survey_resume", left=len(remaining))
            events.append(SlotSet("survey_status", "started"))
        elif tracker.get_slot(CONSENT) is False:
            events.append(SlotSet(CONSENT, None))
        return events


class ActionSurveyStop(Action):
    """Stops for now; the answers so far stay, and "continue the survey" picks up from here."""

    def name(self) -> str:
        return "action_survey_stop"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if not tracker.get_slot(CONSENT):
            dispatcher.utter_message(response="utter_survey_declined")
            return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet(CONSENT, None)]
        dispatcher.utter_message(response="utter_survey_stopped")
        return [ActiveLoop(None), SlotSet("requested_slot", None), SlotSet("survey_status", "stopped")]


class ActionSurveyDone(Action):
    def name(self) -> str:
        return "action_survey_done"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if tracker.get_slot("survey_status") == "completed":
            return []  # asked again after finishing: action_survey_start has said so
        if not tracker.get_slot(CONSENT):
            dispatcher.utter_message(response="utter_survey_declined")
            return [SlotSet(CONSENT, None), SlotSet("survey_status", None)]
        record(dispatcher, tracker, completed=True)
        dispatcher.utter_message(response="utter_survey_thanks")
        return [SlotSet("survey_status", "completed")]
