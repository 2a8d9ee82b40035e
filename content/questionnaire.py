"""AF's survey on moving for work (content/survey.yml): questions, options, branching, headlines.

Shared by the action server, which asks the questions, and the web service, which stores and
reports the answers, so both read the same order, options and branching from one file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping

from content import _load_yaml

SKIP = "skip"
OTHER = "other"
KINDS = ("choice", "multi", "scale")


@dataclass(frozen=True)
class Question:
    id: str  # "F1", "F5_3"
    kind: str  # choice | multi | scale
    options: tuple[str, ...]  # option codes, in the order shown
    scale: str | None = None  # agree | yes_no | importance for kind == scale
    only_if: Mapping[str, tuple[str, ...]] | None = None  # {"F1": ("no",)}

    @property
    def slot(self) -> str:
        """The Rasa slot (and form question) holding the answer: survey_f5_3."""
        return f"survey_{self.id.lower()}"

    @property
    def group(self) -> str:
        """F5_3 -> F5: the statements that share one heading in the source."""
        return self.id.split("_")[0]

    def label_key(self, option: str) -> str:
        """The catalog key of an option's text (also its button title)."""
        if self.kind == "scale":
            return f"survey_scale_{self.scale}_{option}"
        return f"survey_{self.id}_{option}"

    @property
    def has_other(self) -> bool:
        return OTHER in self.options


@dataclass(frozen=True)
class Headline:
    name: str
    question: str
    answers: tuple[str, ...]


@dataclass(frozen=True)
class Questionnaire:
    questions: tuple[Question, ...]
    headlines: tuple[Headline, ...]
    min_group_size: int
    source: str

    def question(self, question_id: str) -> Question:
        for question in self.questions:
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions)

    def applies(self, question: Question, answers: Mapping[str, Iterable[str] | None]) -> bool:
        """Branching: F2 only after "no" to F1, F3 only after a "yes" option."""
        for earlier, wanted in (question.only_if or {}).items():
            given = answers.get(earlier) or ()
            if not set(given) & set(wanted):
                return False
        return True

    def remaining(self, answers: Mapping[str, Iterable[str] | None]) -> list[Question]:
        """The questions still to ask, in order, given the answers so far (None = not asked yet)."""
        return [q for q in self.questions if answers.get(q.id) is None and self.applies(q, answers)]


def _codes(values: Iterable) -> tuple[str, ...]:
    return tuple(str(v) for v in values)


@lru_cache(maxsize=1)
def questionnaire() -> Questionnaire:
    raw = _load_yaml("survey.yml")
    scales = {name: _codes(values) for name, values in (raw.get("scales") or {}).items()}
    questions = []
    for entry in raw["questions"]:
        kind = entry["kind"]
        if kind not in KINDS:
            raise ValueError(f"survey question {entry['id']}: unknown kind {kind!r}")
        options = scales[entry["scale"]] if kind == "scale" else _codes(entry["options"])
        only_if = {k: _codes(v) for k, v in (entry.get("only_if") or {}).items()} or None
        questions.append(Question(str(entry["id"]), kind, options, entry.get("scale"), only_if))
    headlines = tuple(
        Headline(name, str(h["question"]), _codes(h["answers"])) for name, h in (raw.get("headlines") or {}).items()
    )
    survey = Questionnaire(tuple(questions), headlines, int(raw.get("min_group_size", 20)), str(raw.get("source", "")))
    for headline in headlines:  # e.g. an unquoted `no`, which YAML reads as false
        unknown = set(headline.answers) - set(survey.question(headline.question).options)
        if unknown:
            raise ValueError(f"survey headline {headline.name}: {sorted(unknown)} are not options of {headline.question}")
    return survey
