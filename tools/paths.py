"""Where things are: one place for the paths and interpreters every tool uses."""

from __future__ import annotations

import os
from pathlib import Path

from content import LANGUAGES

ROOT = Path(__file__).resolve().parents[1]
BOT = ROOT / "bot"
NLU_DATA = ROOT / "nlu_data"
MODELS = ROOT / "models"
MODEL_NAME = "af-assistant"
MODEL = MODELS / f"{MODEL_NAME}.tar.gz"
VAR = ROOT / "var"
REPORTS = ROOT / "reports"
RASA_VENV = Path(os.environ.get("AF_RASA_VENV", ROOT / ".venv-rasa"))
RASA_PYTHON = RASA_VENV / "bin" / "python"
RASA = RASA_VENV / "bin" / "rasa"


def training_data() -> list[Path]:
    """Dialogue data plus each language's train split; the test splits are never listed here."""
    return [BOT / "data"] + [NLU_DATA / lang / "train" for lang in LANGUAGES]


def rasa_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """Environment for Rasa processes: custom components and content importable."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(BOT), str(ROOT)])
    env.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    env.setdefault("RASA_TELEMETRY_ENABLED", "false")
    env.setdefault("SQLALCHEMY_SILENCE_UBER_WARNING", "1")
    env.update(extra or {})
    return env
