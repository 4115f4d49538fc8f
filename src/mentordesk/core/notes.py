"""Teamwork and behaviour notes about one trainee."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache

from sqlalchemy import Select, bindparam, select
from sqlalchemy.orm import Session, aliased

from . import record_values
from .changes import add, change, find
from .errors import UserError
from .models import NOTE_CATEGORIES, Note, Staff, Trainee, WorkshopSession
from .store import Store
from .text import clean, required
from .wording import user_text

MAX_NOTE = record_values.MAX_TEXT


@dataclass(frozen=True)
class NoteView:
    uid: str
    trainee_uid: str
    category: str
    text: str
    written_at: datetime
    author: str
    session_uid: str | None
    session_label: str


def _label(held_on: date | None, module: str | None, task: str | None) -> str:
    if held_on is None:
        return ""
    what = " · ".join(p for p in (module, task) if p)
    return f"{held_on:%Y-%m-%d} {what}".strip()


def add_note(
    store: Store,
    trainee_uid: str,
    category: str,
    text: str,
    *,
    session_uid: str | None = None,
) -> NoteView:
    category = clean(category) or "other"
    if category not in NOTE_CATEGORIES:
        raise UserError(
            user_text("Notes", "Note category {category!r} is not one of: {allowed}").format(
                category=category, allowed=", ".join(NOTE_CATEGORIES)
            )
        )
    body = required(text, user_text("Notes", "The note's text"))
    record_values.text_within(body, user_text("Notes", "A note"), MAX_NOTE)
    with store.write() as s:
        t = find(s, Trainee, trainee_uid, "trainee")
        ws = find(s, WorkshopSession, session_uid, "session") if session_uid else None
        author = (
            s.scalar(select(Staff).where(Staff.uid == store.actor.staff_uid))
            if store.actor.staff_uid
            else None
        )
        n = add(
            store,
            s,
            Note(
                trainee_id=t.id,
                category=category,
                text=body,
                author_id=author.id if author else None,
                session_id=ws.id if ws else None,
            ),
        )
        return NoteView(
            n.uid,
            t.uid,
            n.category,
            n.text,
            n.written_at,
            author.name if author else store.actor.name,
            session_uid,
            _label(ws.held_on, ws.module, ws.task) if ws else "",
        )


def _set_deleted(store: Store, note_uid: str, deleted: bool) -> None:
    with store.write() as s:
        n = s.scalar(select(Note).where(Note.uid == note_uid))
        if n is None:
            raise UserError(user_text("Notes", "No note with id {uid}").format(uid=note_uid))
        change(store, s, n, {"deleted": deleted}, action="delete" if deleted else "restore")


def delete_note(store: Store, note_uid: str) -> None:
    """Removed from the trainee's notes (kept as deleted so the removal travels)."""
    _set_deleted(store, note_uid, True)


def restore_note(store: Store, note_uid: str) -> None:
    """Undo of ``delete_note`` (or redo of ``add_note`` after an undo)."""
    _set_deleted(store, note_uid, False)


@cache
def _notes_query(
    since: bool, until: bool
) -> Select[str, str, str, datetime, str, str, date, str, str]:
    # Built once per shape: a record is opened from every row of the shop-floor screens, and
    # composing this statement cost about as much as running it.
    author = aliased(Staff)
    query = (
        # Plain columns, not ORM objects: a trainee's record lists every note of five years.
        select(
            Note.uid,
            Note.category,
            Note.text,
            Note.written_at,
            author.name,
            WorkshopSession.uid,
            WorkshopSession.held_on,
            WorkshopSession.module,
            WorkshopSession.task,
        )
        .outerjoin(author, author.id == Note.author_id)
        .outerjoin(WorkshopSession, WorkshopSession.id == Note.session_id)
        .where(Note.trainee_id == bindparam("tid"), Note.deleted.is_(False))
        .order_by(Note.written_at.desc(), Note.id.desc())
    )
    if since:
        query = query.where(Note.written_at >= bindparam("since"))
    if until:
        query = query.where(Note.written_at < bindparam("until"))
    return query


def trainee_notes(
    session: Session,
    trainee_id: int,
    trainee_uid: str,
    start: date | None = None,
    end: date | None = None,
) -> list[NoteView]:
    """The notes of a trainee found in this session, newest first (see ``list_notes``)."""
    params: dict[str, object] = {"tid": trainee_id}
    if start is not None:
        params["since"] = datetime.combine(start, time.min, UTC)
    if end is not None:
        params["until"] = datetime.combine(end + timedelta(days=1), time.min, UTC)
    rows = session.connection().execute(_notes_query(start is not None, end is not None), params)
    return [
        NoteView(
            uid,
            trainee_uid,
            category,
            text,
            written_at,
            name or "",
            session_uid,
            _label(held_on, module, task),
        )
        for uid, category, text, written_at, name, session_uid, held_on, module, task in rows
    ]


def list_notes(
    store: Store,
    trainee_uid: str,
    *,
    start: date | None = None,
    end: date | None = None,
) -> list[NoteView]:
    """The trainee's notes, newest first, each with the session it was written at."""
    with store.read() as s:
        trainee = find(s, Trainee, trainee_uid, "trainee")
        return trainee_notes(s, trainee.id, trainee_uid, start, end)
