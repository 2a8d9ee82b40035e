"""`make check-content`: are all catalogs complete and every fact sourced? Exit 1 lists what to fix."""

from __future__ import annotations

import sys

from content import facts
from service.answers import Catalogs
from service.settings import get_settings


def main() -> int:
    problems = Catalogs.load(get_settings().locales_dir).problems()
    try:
        loaded = facts()
    except ValueError as error:
        problems.append(f"content/facts.yml: {error}")
        loaded = {}
    for line in problems:
        print(line)
    print(f"{len(problems)} problem(s); {len(loaded)} facts")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
