"""Held-out NLU evaluation per language. Runs in the Rasa environment (.venv-rasa):

    .venv-rasa/bin/python -m tools.nlu_evaluation models/af-assistant.tar.gz reports/nlu_evaluation.json

Loads the model once, parses every example of nlu_data/<lang>/test/ (never trained on) and writes
intent macro-F1, accuracy, the worst intents, language_name entity scores and language
identification accuracy per language.
"""

from __future__ import annotations

import asyncio
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path

from rasa.core.agent import Agent
from rasa.shared.nlu.training_data.loading import load_data
from rasa.utils.common import configure_logging_and_warnings
from rasa.utils.log_utils import configure_structlog
from sklearn.metrics import f1_score

from content import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]


def _accuracy(truth: list, predicted: list) -> float:
    return round(sum(t == p for t, p in zip(truth, predicted, strict=True)) / len(truth), 4)


def _entity_pairs(entities: list[dict], name: str) -> Counter:
    return Counter(str(e.get("value")) for e in entities if e.get("entity") == name)


async def evaluate(model: Path) -> dict:
    configure_structlog(logging.WARNING)
    configure_logging_and_warnings(logging.WARNING)
    agent = Agent.load(str(model))
    results = {}
    for lang in LANGUAGES:
        data = load_data(str(ROOT / "nlu_data" / lang / "test"))
        truth, predicted, raw, confusions, mistakes = [], [], [], Counter(), []
        tp = fp = fn = 0
        detected = 0
        started = time.perf_counter()
        for example in data.intent_examples:
            parsed = await agent.parse_message(example.get("text"))
            want, got = example.get("intent"), (parsed.get("intent") or {}).get("name")
            ranking = [r for r in parsed.get("intent_ranking") or [] if r.get("name") != "nlu_fallback"]
            top = ranking[0] if ranking else {"name": got, "confidence": 0.0}
            truth.append(want)
            predicted.append(got)
            raw.append((top.get("name"), float(top.get("confidence") or 0.0)))
            if want != got:
                confusions[f"{want} -> {got}"] += 1
                mistakes.append(
                    {
                        "text": example.get("text"),
                        "want": want,
                        "got": got,
                        "top": top.get("name"),
                        "confidence": round(raw[-1][1], 3),
                    }
                )
            expected = _entity_pairs(example.get("entities") or [], "language_name")
            found = _entity_pairs(parsed.get("entities") or [], "language_name")
            tp += sum((expected & found).values())
            fp += sum((found - expected).values())
            fn += sum((expected - found).values())
            languages = [e.get("value") for e in parsed.get("entities") or [] if e.get("entity") == "language"]
            detected += lang in languages
        seconds = time.perf_counter() - started
        labels = sorted(set(truth))
        per_intent = f1_score(truth, predicted, labels=labels, average=None, zero_division=0)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        raw_names = [name for name, _ in raw]
        thresholds = {}
        for threshold in (0.0, 0.2, 0.3, 0.4, 0.5):
            chosen = [name if conf >= threshold else "nlu_fallback" for name, conf in raw]
            thresholds[str(threshold)] = round(float(f1_score(truth, chosen, labels=labels, average="macro", zero_division=0)), 4)
        results[lang] = {
            "macro_f1_by_fallback_threshold": thresholds,
            "classifier_accuracy_without_fallback": _accuracy(truth, raw_names),
            "mistakes": mistakes,
            "examples": len(truth),
            "intent_macro_f1": round(float(f1_score(truth, predicted, labels=labels, average="macro", zero_division=0)), 4),
            "intent_accuracy": _accuracy(truth, predicted),
            "weakest_intents": {
                label: round(float(score), 3)
                for label, score in sorted(zip(labels, per_intent, strict=True), key=lambda x: x[1])[:5]
            },
            "confusions": dict(confusions.most_common(8)),
            "language_name_entity": {
                "precision": round(precision, 3),
                "recall": round(recall, 3),
                "f1": round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0,
                "annotated": tp + fn,
            },
            "language_identified": round(detected / len(truth), 4),
            "ms_per_message": round(1000 * seconds / len(truth), 2),
        }
    return results


if __name__ == "__main__":
    model, out = Path(sys.argv[1]), Path(sys.argv[2])
    report = asyncio.run(evaluate(model))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2, ensure_ascii=False))
