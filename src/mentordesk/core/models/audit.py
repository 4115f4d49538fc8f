"""The trail of who changed what, and when."""

from datetime import datetime

from sqlalchemy import JSON, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, UTCDateTime, new_uid, utcnow


class AuditEvent(Base):
    __tablename__ = "audit_event"
    __table_args__ = (Index("ix_audit_event_entity", "entity", "entity_uid"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uid, insert_sentinel=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    actor: Mapped[str] = mapped_column(String(200), default="")
    device: Mapped[str] = mapped_column(String(64), default="")
    entity: Mapped[str] = mapped_column(String(64))
    entity_uid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(32))
    # {"field": [old, new], ...} for updates; the new values for creations.
    changes: Mapped[dict[str, object]] = mapped_column(JSON, default=dict)
