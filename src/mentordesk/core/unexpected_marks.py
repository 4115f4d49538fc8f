"""The marks not at a session where their trainee was expected, kept by triggers (migration 0014).

A period's marks at expected sessions are its marks less these (``expected``); ``check``
proves the kept ones still equal the records, and ``rebuild`` recomputes them should a program
ever have written with the triggers switched off.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.orm import Session

from .wording import user_text


def _from_records(session: Session) -> str:
    """As the triggers decide: a mark whose record and session are not deleted, of a trainee
    who could be expected somewhere, at a session where that trainee was not expected.

    Records first, then their session and trainee by key, which SQLite's CROSS JOIN keeps:
    left to choose, it pairs every trainee with every session first."""
    no, yes = ("0", "1") if session.get_bind().dialect.name == "sqlite" else ("false", "true")
    return f"""
        SELECT a.id, a.trainee_id, s.held_on
        FROM attendance AS a CROSS JOIN workshop_session AS s CROSS JOIN trainee AS t
        WHERE s.id = a.session_id AND t.id = a.trainee_id
            AND a.deleted = {no} AND s.deleted = {no}
            AND (t.left_on IS NOT NULL OR t.status = 'active')
            AND NOT (
                s.cancelled = {no} AND t.cohort_id IS NOT NULL AND s.cohort_id = t.cohort_id
                AND (t.enrolled_on IS NULL OR t.enrolled_on <= s.held_on)
                AND (t.left_on IS NULL OR t.left_on > s.held_on)
                AND NOT EXISTS (
                    SELECT 1 FROM leave AS l
                    WHERE l.trainee_id = t.id AND l.deleted = {no} AND l.approved = {yes}
                        AND l.starts_on <= s.held_on AND l.ends_on >= s.held_on
                )
            )
    """


_KEPT = "SELECT attendance_id, trainee_id, held_on FROM unexpected_mark"


def drift(session: Session) -> list[str]:
    """What differs between the kept marks and the records; empty when they agree."""
    recomputed = _from_records(session)
    differ = 0
    for first, second in ((_KEPT, recomputed), (recomputed, _KEPT)):
        differ += (
            session.scalar(text(f"SELECT count(*) FROM ({first} EXCEPT {second}) AS differing"))
            or 0
        )
    if not differ:
        return []
    return [
        user_text(
            "Database",
            "the marks kept as not expected disagree with the records in {marks} marks; "
            "run `mentordesk check --repair`",
        ).format(marks=differ)
    ]


def rebuild(session: Session) -> None:
    """Recompute every kept mark from the records."""
    session.execute(text("DELETE FROM unexpected_mark"))
    session.execute(
        text(
            "INSERT INTO unexpected_mark (attendance_id, trainee_id, held_on) "
            + _from_records(session)
        )
    )
