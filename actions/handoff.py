"""Handing the conversation to a person: why, how urgent, and pausing the assistant.

The action says why in the seeker's language (`utter_handoff_<reason>`), then sends the web
service a machine-readable `handoff` message, which opens the case in the staff queue, and
pauses the conversation (Rasa's standard `pause` event). Staff hand it back with `resume`."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from rasa_sdk import Action, Tracker
from rasa_sdk.events import ActiveLoop, ConversationPaused, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

Events = List[Dict[str, Any]]

# intent → (reason, urgent). Urgent cases go to the front of the queue and get emergency numbers at once.
HANDOFF_INTENTS: Dict[str, Tuple[str, bool]] = {
    "request_human": ("request_human", False),
    "ask_own_case": ("own_case", False),
    "protected_identity": ("protected_identity", False),
    "threat_violence": ("threat", True),
    "crisis": ("crisis", True),
    "health_work_capacity": ("health", False),
    "need_interpreter": ("interpreter", False),
    "establishment_programme": ("establishment", False),
    "unsupported_language": ("unsupported_language", False),
    "switch_language": ("unsupported_language", False),  # asked for a language we do not speak
    "nlu_fallback": ("misunderstood", False),
}
MISUNDERSTANDINGS_BEFORE_HANDOFF = 2
ACTION_MISUNDERSTOOD = "action_misunderstood"


def handoff_reason(tracker: Tracker) -> Tuple[str, bool]:
    intent = (tracker.latest_message.get("intent") or {}).get("name") or ""
    return HANDOFF_INTENTS.get(intent, ("request_human", False))


def hand_over(dispatcher: CollectingDispatcher, tracker: Tracker, reason: str, urgent: bool) -> Events:
    dispatcher.utter_message(response=f"utter_handoff_{reason}")
    detected = next(tracker.get_latest_entity_values("detected_language"), None)
    named = [code for code in tracker.get_latest_entity_values("language_name")]
    dispatcher.utter_message(
        json_message={
            "handoff": {
                "reason": reason,
                "urgent": urgent,
                "language": tracker.get_slot("language"),
                "detected_language": detected or (named[-1] if named else None),
                "funnel_stage": tracker.get_slot("funnel_stage") if "funnel_stage" in tracker.slots else None,
            }
        }
    )
    events: Events = [SlotSet("handoff_reason", reason)]
    if tracker.active_loop_name:
        events += [ActiveLoop(None), SlotSet("requested_slot", None)]
    return events + [ConversationPaused()]


class ActionHandOver(Action):
    def name(self) -> str:
        return "action_hand_over"

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        reason, urgent = handoff_reason(tracker)
        return hand_over(dispatcher, tracker, reason, urgent)


class ActionHandOverInCheck(ActionHandOver):
    """The same, in the middle of a check: the check ends (its own name keeps the rules apart)."""

    def name(self) -> str:
        return "action_hand_over_in_check"


def consecutive_misunderstandings(tracker: Tracker) -> int:
    """How many messages in a row the assistant has not understood, this one included.

    A turn counts when the assistant answered it with this action, whether the NLU was unsure
    (nlu_fallback) or the dialogue had no next step (core fallback). Counting stops at a turn
    that was understood and at a `resume` (a conversation handed back by staff starts afresh)."""
    count, misunderstood, latest_seen = 1, False, False
    for event in reversed(tracker.events):
        kind = event.get("event")
        if kind == "resume":
            break
        if kind == "action" and event.get("name") == ACTION_MISUNDERSTOOD:
            misunderstood = True
        elif kind == "user":
            if latest_seen:
                if not misunderstood:
                    break
                count += 1
            latest_seen, misunderstood = True, False
    return count


class ActionMisunderstood(Action):
    """The first time: ask to rephrase. The second time in a row: a person takes over."""

    def name(self) -> str:
        return ACTION_MISUNDERSTOOD

    async def run(self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: Dict[str, Any]) -> Events:
        if consecutive_misunderstandings(tracker) >= MISUNDERSTANDINGS_BEFORE_HANDOFF:
            return hand_over(dispatcher, tracker, "misunderstood", False)
        dispatcher.utter_message(response="utter_default")
        # Wait for the next message. As the core fallback, nothing else would stop the predictions.
        return [FollowupAction("action_listen")]
