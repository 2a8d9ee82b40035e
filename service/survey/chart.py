"""The survey report as one PNG: headline figures, then each question's answer shares (all languages)."""

from __future__ import annotations

import io
import textwrap
from typing import Any

import matplotlib

matplotlib.use("Agg")  # no display on servers
import matplotlib.pyplot as plt  # noqa: E402

from service.answers import Catalogs  # noqa: E402
from service.answers.render import fill  # noqa: E402
from service.survey.report import ALL, option_label  # noqa: E402

CHOICE_QUESTIONS = ("F1", "F2", "F3", "F4", "F7", "F9", "F10")


def _wrap(text: str, width: int = 45) -> str:
    return "\n".join(textwrap.wrap(text, width)) or text


def render_png(report: dict[str, Any], catalogs: Catalogs, language: str = "sv") -> bytes:
    questions = {q["id"]: q for q in report["questions"] if q["id"] in CHOICE_QUESTIONS}
    headlines = [h for h in report["headlines"] if not h["suppressed"]]
    # Each panel as tall as its bars need (two-line labels fit).
    heights = [0.5 + 0.55 * max(1, len(headlines))] + [0.8 + 0.5 * len(q["options"]) for q in questions.values()]
    fig, axes = plt.subplots(
        len(heights), 1, figsize=(9, 1 + sum(heights)), constrained_layout=True, gridspec_kw={"height_ratios": heights}
    )
    title = fill(catalogs.text(language, "report_title") or "{responses}", {"responses": str(report["responses"])})
    fig.suptitle(title, fontsize=13)

    ax = axes[0]
    labels = [_wrap(fill(catalogs.text(language, f"report_{h['name']}") or h["name"], {"share": ""}).strip()) for h in headlines]
    values = [100 * h["share"] for h in headlines]
    ax.barh(range(len(values)), values, color="#00005a")
    ax.set_yticks(range(len(values)), labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel("%")
    for i, value in enumerate(values):
        ax.text(value + 1, i, f"{value:.0f} %", va="center", fontsize=7)

    for ax, (question_id, question) in zip(axes[1:], questions.items(), strict=True):
        group = question["groups"][ALL]
        ax.set_title(f"{question_id} (n = {group['answered']})", fontsize=9, loc="left")
        if group["suppressed"]:
            ax.text(
                0.5,
                0.5,
                fill(catalogs.text(language, "report_suppressed") or "", {"minimum": str(report["min_group_size"])}),
                ha="center",
                va="center",
                transform=ax.transAxes,
            )
            ax.set_axis_off()
            continue
        options = question["options"]
        values = [100 * group["shares"][option] for option in options]
        ax.barh(range(len(options)), values, color="#2e7d32")
        ax.set_yticks(range(len(options)), [_wrap(option_label(catalogs, language, question_id, o)) for o in options], fontsize=7)
        ax.invert_yaxis()
        ax.set_xlim(0, 100)
        for i, value in enumerate(values):
            ax.text(value + 1, i, f"{value:.0f} %", va="center", fontsize=7)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return buffer.getvalue()
