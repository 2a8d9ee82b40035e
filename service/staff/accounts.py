"""Creating accounts, checking passwords with lock-out, and login sessions.

Passwords are hashed with Argon2id (argon2-cffi). Session cookies carry a random token; the
database keeps only its SHA-256, next to the session's CSRF token."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from service.database import as_utc, utcnow
from service.staff.models import ROLES, StaffAccount, StaffSession

_hasher = PasswordHasher()
# Verified against when the user name is unknown, so both cases take the same time.
_DUMMY_HASH = _hasher.hash(secrets.token_urlsafe(16))
MIN_PASSWORD_LENGTH = 12


class AccountError(ValueError):
    pass


@dataclass
class LoginResult:
    account: StaffAccount | None = None
    locked_minutes: int = 0


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_account(
    db: AsyncSession, username: str, password: str, role: str, display_name: str | None = None
) -> StaffAccount:
    username = username.strip().lower()
    if role not in ROLES:
        raise AccountError(f"role must be one of {', '.join(ROLES)}")
    if not username or len(username) > 64 or not username.replace(".", "").replace("-", "").replace("_", "").isalnum():
        raise AccountError("user name: letters, digits, '.', '-' and '_' only, at most 64 characters")
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"password: at least {MIN_PASSWORD_LENGTH} characters")
    if await db.scalar(select(StaffAccount.id).where(StaffAccount.username == username)) is not None:
        raise AccountError(f"user name {username!r} is taken")
    account = StaffAccount(
        username=username, display_name=(display_name or username)[:80], password_hash=_hasher.hash(password), role=role
    )
    db.add(account)
    await db.commit()
    return account


async def authenticate(db: AsyncSession, username: str, password: str, attempts: int, lockout_minutes: int) -> LoginResult:
    """The account if the password is right and the account is not locked.

    `attempts` wrong passwords in a row lock the account for `lockout_minutes`; a right password
    while locked does not unlock it."""
    account = await db.scalar(select(StaffAccount).where(StaffAccount.username == username.strip().lower()))
    if account is None or not account.active:
        try:
            _hasher.verify(_DUMMY_HASH, password)
        except VerificationError:
            pass
        return LoginResult()
    now = utcnow()
    if account.locked_until is not None and as_utc(account.locked_until) > now:
        remaining = as_utc(account.locked_until) - now
        return LoginResult(locked_minutes=max(1, int(remaining.total_seconds() // 60) + 1))
    try:
        _hasher.verify(account.password_hash, password)
    except (VerificationError, InvalidHashError):
        account.failed_logins += 1
        locked = 0
        if account.failed_logins >= attempts:
            account.locked_until = now + timedelta(minutes=lockout_minutes)
            account.failed_logins = 0
            locked = lockout_minutes
        await db.commit()
        return LoginResult(locked_minutes=locked)
    account.failed_logins = 0
    account.locked_until = None
    if _hasher.check_needs_rehash(account.password_hash):
        account.password_hash = _hasher.hash(password)
    await db.commit()
    return LoginResult(account=account)


async def open_session(db: AsyncSession, account: StaffAccount, hours: float) -> tuple[str, StaffSession]:
    token = secrets.token_urlsafe(32)
    session = StaffSession(
        token_hash=_digest(token),
        account_id=account.id,
        csrf_token=secrets.token_urlsafe(32),
        expires_at=utcnow() + timedelta(hours=hours),
    )
    db.add(session)
    await db.commit()
    return token, session


async def find_session(db: AsyncSession, token: str) -> tuple[StaffSession, StaffAccount] | None:
    row = (
        await db.execute(
            select(StaffSession, StaffAccount)
            .join(StaffAccount, StaffAccount.id == StaffSession.account_id)
            .where(StaffSession.token_hash == _digest(token))
        )
    ).first()
    if row is None:
        return None
    session, account = row
    if as_utc(session.expires_at) <= utcnow() or not account.active:
        await db.delete(session)
        await db.commit()
        return None
    return session, account


async def close_session(db: AsyncSession, token: str) -> None:
    await db.execute(delete(StaffSession).where(StaffSession.token_hash == _digest(token)))
    await db.commit()
