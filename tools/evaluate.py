"""`make evaluate`: intent and entity scores per language on the held-out split.

Runs tools/nlu_evaluation.py in the Rasa environment and prints a table; the JSON lands in
reports/nlu_evaluation.json. The bar (MIN_MACRO_F1) is enforced by tests/stack/test_nlu_quality.py.
"""

from __future__ import annotations

import json
import subprocess
import sys

from tools.paths import MODEL, RASA_PYTHON, REPORTS, ROOT, rasa_env

MIN_MACRO_F1 = 0.90
REPORT = REPORTS / "nlu_evaluation.json"


def run_evaluation() -> dict:
    subprocess.run(
        [str(RASA_PYTHON), "-m", "tools.nlu_evaluation", str(MODEL), str(REPORT)], cwd=ROOT, env=rasa_env(), check=True
    )
    return json.loads(REPORT.read_text())


def table(report: dict) -> str:
    lines = [
        "| language | examples | intent macro-F1 | intent accuracy | language_name F1 | language identified | ms/msg |",
        "|---|---|---|---|---|---|---|",
    ]
    for lang, r in report.items():
        lines.append(
            f"| {lang} | {r['examples']} | {r['intent_macro_f1']:.3f} | {r['intent_accuracy']:.3f} | "
            f"{r['language_name_entity']['f1']:.3f} | {r['language_identified']:.3f} | {r['ms_per_message']} |"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    result = run_evaluation()
    print(table(result))
    for lang, r in result.items():
        print(f"{lang}: weakest {r['weakest_intents']}; confusions {r['confusions']}")
    sys.exit(0 if all(r["intent_macro_f1"] >= MIN_MACRO_F1 for r in result.values()) else 1)
