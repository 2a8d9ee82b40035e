"""Staff accounts, for admins. The first admin is made with `python -m tools.create_account`."""

from __future__ import annotations

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from service.database import get_db
from service.staff import accounts
from service.staff.auth import require_role
from service.staff.models import ROLES, StaffAccount

router = APIRouter(prefix="/api/staff/accounts", tags=["accounts"], dependencies=[Depends(require_role("admin"))])


class NewAccount(BaseModel):
    username: str = Field(min_length=1, max_length=64)
    display_name: str | None = Field(default=None, max_length=80)
    password: str = Field(min_length=accounts.MIN_PASSWORD_LENGTH, max_length=256)
    role: str = Field(description=f"One of: {', '.join(ROLES)}")


class Account(BaseModel):
    id: int
    username: str
    display_name: str
    role: str
    active: bool


def _account(account: StaffAccount) -> Account:
    return Account(
        id=account.id, username=account.username, display_name=account.display_name, role=account.role, active=account.active
    )


@router.get("", response_model=list[Account])
async def list_accounts(db: AsyncSession = Depends(get_db)) -> list[Account]:
    return [_account(a) for a in (await db.scalars(select(StaffAccount).order_by(StaffAccount.username))).all()]


@router.post("", response_model=Account, status_code=201)
async def create(body: NewAccount, db: AsyncSession = Depends(get_db)) -> Account:
    try:
        account = await accounts.create_account(db, body.username, body.password, body.role, body.display_name)
    except accounts.AccountError as error:
        raise HTTPException(status_code=422, detail=str(error)) from error
    return _account(account)
