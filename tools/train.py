"""Train the model when config, domain or training data changed (Rasa compares fingerprints)."""

from __future__ import annotations

import json
import subprocess
import sys
import time

from tools.paths import BOT, MODELS, RASA, REPORTS, ROOT, rasa_env, training_data


def train(force: bool = False) -> float:
    """Returns the seconds spent (training itself, or the fingerprint check when nothing changed)."""
    command = [
        str(RASA),
        "train",
        "--config",
        str(BOT / "config.yml"),
        "--domain",
        str(BOT / "domain"),
        "--data",
        *map(str, training_data()),
        "--out",
        str(MODELS),
        "--fixed-model-name",
        "af-assistant",
    ]
    if force:
        command.append("--force")
    started = time.perf_counter()
    subprocess.run(command, cwd=ROOT, env=rasa_env(), check=True)
    seconds = time.perf_counter() - started
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "training.json").write_text(json.dumps({"seconds": round(seconds, 1), "forced": force}))
    return seconds


if __name__ == "__main__":
    print(f"training step took {train('--force' in sys.argv):.1f} s")
