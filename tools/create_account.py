"""Creates a staff account: the way in for the first admin, who then adds the others in the API.

    python -m tools.create_account alice --role admin              # asks for the password twice
    printf '%s' "$PASSWORD" | python -m tools.create_account bob --role staff --password-stdin

Uses the service's settings (AF_DATABASE_URL; the embedded SQLite database by default)."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from service import database
from service.settings import get_settings
from service.staff import accounts
from service.staff.models import ROLES


async def _create(username: str, password: str, role: str, display_name: str | None) -> str:
    database.configure(get_settings().database_url)
    try:
        await database.create_tables()
        async with database.sessions()() as db:
            account = await accounts.create_account(db, username, password, role, display_name)
            return f"created {account.role} account {account.username!r}"
    finally:
        await database.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("username")
    parser.add_argument("--role", choices=ROLES, required=True)
    parser.add_argument("--name", dest="display_name", help="shown to colleagues; defaults to the user name")
    parser.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    args = parser.parse_args(argv)
    if args.password_stdin:
        password = sys.stdin.read().rstrip("\n")
    else:
        password = getpass.getpass("Password: ")
        if getpass.getpass("Again: ") != password:
            print("the passwords differ", file=sys.stderr)
            return 2
    try:
        print(asyncio.run(_create(args.username, password, args.role, args.display_name)))
    except accounts.AccountError as error:
        print(f"not created: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
