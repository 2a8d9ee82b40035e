"""Train the model when config, domain or training data changed (Rasa compares fingerprints)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from tools.paths import BOT, MODEL_NAME, MODELS, RASA, REPORTS, ROOT, rasa_env, training_data


def train_command(out: Path = MODELS, force: bool = False) -> list[str]:
    """The `rasa train` call for this project: dialogue data and every language's train split."""
    command = [str(RASA), "train", "--config", str(BOT / "config.yml"), "--domain", str(BOT / "domain")]
    command += ["--data", *map(str, training_data()), "--out", str(out), "--fixed-model-name", MODEL_NAME]
    return command + (["--force"] if force else [])


def train(force: bool = False) -> float:
    """Returns the seconds spent (training itself, or the fingerprint check when nothing changed)."""
    started = time.perf_counter()
    subprocess.run(train_command(force=force), cwd=ROOT, env=rasa_env(), check=True)
    seconds = time.perf_counter() - started
    REPORTS.mkdir(exist_ok=True)
    (REPORTS / "training.json").write_text(json.dumps({"seconds": round(seconds, 1), "forced": force}))
    return seconds


if __name__ == "__main__":
    print(f"training step took {train('--force' in sys.argv):.1f} s")
