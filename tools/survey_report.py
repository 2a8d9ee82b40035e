"""The survey report on the command line: headline figures, shares per question and language, a chart.

    python -m tools.survey_report                       # Swedish text report
    python -m tools.survey_report --language en --chart var/survey.png
    python -m tools.survey_report --json > report.json

Reads the service's database (AF_DATABASE_URL; the embedded SQLite database by default). Groups
with fewer than 20 answers are suppressed, as in AF's own survey practice."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

from service import database
from service.answers import SUPPORTED_LANGUAGES, Catalogs
from service.settings import get_settings
from service.survey import store
from service.survey.chart import render_png
from service.survey.report import ALL, compute, headline_texts, option_label, percent


async def _load() -> dict:
    database.configure(get_settings().database_url)
    try:
        await database.create_tables()
        async with database.sessions()() as db:
            responses, completed = await store.response_counts(db)
            report = compute(await store.answer_rows(db), responses=responses)
            report["completed"] = completed
            return report
    finally:
        await database.dispose()


def as_text(report: dict, catalogs: Catalogs, language: str) -> str:
    lines = [f"{report['responses']} responses, {report.get('completed', 0)} completed", ""]
    lines += [f"• {text}" for text in headline_texts(report, catalogs, language)]
    groups = (ALL, *SUPPORTED_LANGUAGES)
    for question in report["questions"]:
        lines += ["", f"{question['id']}  " + "  ".join(f"{g}: n={question['groups'][g]['answered']}" for g in groups)]
        for option in question["options"]:
            cells = []
            for g in groups:
                group = question["groups"][g]
                cells.append("–" if group["suppressed"] else percent(group["shares"][option], language))
            label = option_label(catalogs, language, question["id"], option)[:48]
            lines.append(f"  {label:<48} " + " ".join(f"{c:>6}" for c in cells))
    lines += ["", f"– = fewer than {report['min_group_size']} answers (suppressed)"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--language", default="sv", choices=SUPPORTED_LANGUAGES)
    parser.add_argument("--json", action="store_true", help="the report as JSON")
    parser.add_argument("--chart", type=Path, help="also write the chart image (PNG) here")
    args = parser.parse_args(argv)
    catalogs = Catalogs.load(get_settings().locales_dir)
    report = asyncio.run(_load())
    if args.chart:
        args.chart.parent.mkdir(parents=True, exist_ok=True)
        args.chart.write_bytes(render_png(report, catalogs, args.language))
    sys.stdout.write(json.dumps(report, indent=1, ensure_ascii=False) if args.json else as_text(report, catalogs, args.language))
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
