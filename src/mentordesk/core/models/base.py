"""Declarative base, the travelling-record mixin and the UTC timestamp type."""

import uuid
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Boolean, DateTime, MetaData, String, TypeDecorator, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Explicit constraint names keep Alembic batch migrations on SQLite and PostgreSQL in step.
NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_uid() -> str:
    return str(uuid.uuid4())


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC, hands out aware UTC: SQLite has no time zones, PostgreSQL does."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: object) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Travelling:
    """Columns of every record that travels between machines (DESIGN.md)."""

    if TYPE_CHECKING:
        # Every travelling class is a mapped table: the audit log names records by it.
        __tablename__: str

    id: Mapped[int] = mapped_column(primary_key=True)
    # A unique text column, not the primary key: random UUID keys scatter inserts over the
    # table's pages, where growing integer keys append. Made here and unique, it is also the
    # insert sentinel: SQLAlchemy then inserts many new records by one INSERT … RETURNING
    # (matching the ids it gets back to its objects by it) instead of a statement per record.
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid, insert_sentinel=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    origin_device: Mapped[str] = mapped_column(String(64), default="")
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
