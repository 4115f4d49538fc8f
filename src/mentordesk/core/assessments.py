"""Assessments: one trainee over one period, drafted from the records, signed, then locked.

A signed assessment never changes (the database refuses it too, see migration 0002): a
correction is an amendment, a new draft version naming the one it supersedes.

This module holds the list of results, reading and drafting; signing and amending are in
``core/assessment_signing.py``, and the values both return in ``core/assessment_views.py``.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from .assessment_summary import compute_summary
from .assessment_views import (
    AssessmentView,
    DocumentView,
    assessment_view,
    editable_draft,
    find_assessment,
    loaded_assessments,
    state_word,
)
from .changes import add, change, find, not_found
from .errors import Conflict, NotFound, UserError
from .models import (
    DEFAULT_RESULTS,
    Assessment,
    AssessmentDocument,
    Cohort,
    Staff,
    Trainee,
)
from .staff import local_user
from .store import Store
from .text import clean, folded
from .wording import user_text

RESULTS_SETTING = "assessment_results"
EDITABLE = ("result", "strengths", "improvements", "comment")


# -- the configurable list of results ------------------------------------------------------


def result_choices(store: Store) -> list[str]:
    raw = store.get_setting(RESULTS_SETTING)
    if not raw:
        return list(DEFAULT_RESULTS)
    return list(json.loads(raw))


def set_result_choices(store: Store, choices: list[str]) -> list[str]:
    cleaned = [clean(c) for c in choices if clean(c)]
    if not cleaned:
        raise UserError(user_text("Assessments", "The list of results needs at least one entry"))
    if len(set(cleaned)) != len(cleaned):
        raise UserError(user_text("Assessments", "The list of results holds the same entry twice"))
    with store.write() as s:
        store.set_setting(s, RESULTS_SETTING, json.dumps(cleaned, ensure_ascii=False))
    return cleaned


# -- reading ----------------------------------------------------------------------------------


def get_assessment(store: Store, uid: str) -> AssessmentView:
    with store.read() as s:
        return assessment_view(find_assessment(s, uid))


def list_assessments(
    store: Store,
    search: str = "",
    *,
    cohort: str | None = None,
    state: str | None = None,
    trainee_uid: str | None = None,
    overlapping: tuple[date, date] | None = None,
) -> list[AssessmentView]:
    """Newest period first; every version (superseded ones too) unless ``state`` narrows it."""
    query = loaded_assessments().join(Trainee).where(Assessment.deleted.is_(False))
    if cohort:
        query = query.join(Cohort, Cohort.id == Trainee.cohort_id).where(Cohort.name == cohort)
    if state:
        query = query.where(Assessment.state == state)
    if trainee_uid:
        query = query.where(Trainee.uid == trainee_uid)
    if overlapping:
        query = query.where(
            Assessment.period_end >= overlapping[0], Assessment.period_start <= overlapping[1]
        )
    query = query.order_by(Assessment.period_start.desc(), Trainee.name, Assessment.version.desc())
    with store.read() as s:
        rows = [assessment_view(a) for a in s.scalars(query)]
    needle = folded(search.strip())
    if needle:
        rows = [
            r
            for r in rows
            if needle
            in folded(f"{r.trainee_name} {r.trainee_id} {r.cohort} {r.result} {r.state} {r.uid}")
        ]
    return rows


def documents(store: Store, uid: str) -> list[DocumentView]:
    """Every stored PDF of an assessment, first signature first."""
    with store.read() as s:
        a = find_assessment(s, uid)
        rows = s.scalars(
            select(AssessmentDocument)
            .where(AssessmentDocument.assessment_id == a.id)
            .order_by(AssessmentDocument.revision)
        )
        return [DocumentView(d.revision, d.kind, d.sha256, d.created_at, d.pdf) for d in rows]


def latest_document(store: Store, uid: str) -> bytes | None:
    docs = documents(store, uid)
    return docs[-1].pdf if docs else None


# -- drafting ---------------------------------------------------------------------------------


def _check_period(start: date, end: date) -> None:
    if end < start:
        raise UserError(
            user_text("Assessments", "The period ends ({end}) before it starts ({start})").format(
                end=end, start=start
            )
        )


def _mentor_id(s: Session, store: Store) -> int | None:
    me = local_user(store)
    if me is None:
        return None
    return s.scalar(select(Staff.id).where(Staff.uid == me.uid))


def current_for(s: Session, trainee_id: int, start: date, end: date) -> Assessment | None:
    """The live (draft or signed, not superseded) assessment of exactly this period."""
    return s.scalar(
        loaded_assessments()
        .where(
            Assessment.trainee_id == trainee_id,
            Assessment.period_start == start,
            Assessment.period_end == end,
            Assessment.state != "superseded",
            Assessment.deleted.is_(False),
        )
        .order_by(Assessment.version.desc())
    )


def create_draft(store: Store, trainee_uid: str, start: date, end: date) -> AssessmentView:
    """A new draft with its summary computed from the records of the period."""
    _check_period(start, end)
    with store.write() as s:
        trainee = find(s, Trainee, trainee_uid, "trainee")
        existing = current_for(s, trainee.id, start, end)
        if existing is not None:
            if existing.state == "signed":
                said = user_text(
                    "Assessments",
                    "{name} already has a {state} assessment for {start} – {end}; "
                    "open it and amend it",
                )
            else:
                said = user_text(
                    "Assessments",
                    "{name} already has a {state} assessment for {start} – {end}; open it",
                )
            raise Conflict(
                said.format(
                    name=trainee.name, state=state_word(existing.state), start=start, end=end
                )
            )
        a = Assessment(
            trainee_id=trainee.id,
            period_start=start,
            period_end=end,
            summary=compute_summary(s, trainee, start, end),
            mentor_id=_mentor_id(s, store),
        )
        add(store, s, a)
        return assessment_view(find_assessment(s, a.uid))


def ensure_drafts(
    store: Store, trainee_uids: list[str], start: date, end: date
) -> list[AssessmentView]:
    """The live assessment of each trainee for the period, drafting those that have none."""
    _check_period(start, end)
    out = []
    with store.write() as s:
        ids = dict(
            s.execute(
                select(Trainee.uid, Trainee.id).where(
                    Trainee.uid.in_(trainee_uids), Trainee.deleted.is_(False)
                )
            ).all()
        )
        live: dict[int, Assessment] = {}
        for found in s.scalars(
            loaded_assessments()
            .where(
                Assessment.trainee_id.in_(list(ids.values())),
                Assessment.period_start == start,
                Assessment.period_end == end,
                Assessment.state != "superseded",
                Assessment.deleted.is_(False),
            )
            .order_by(Assessment.version)
        ):
            live[found.trainee_id] = found
        mentor_id = _mentor_id(s, store)
        for uid in trainee_uids:
            if uid not in ids:
                raise not_found("trainee", uid)
            a = live.get(ids[uid])
            if a is None:
                trainee = find(s, Trainee, uid, "trainee")
                a = Assessment(
                    trainee_id=trainee.id,
                    period_start=start,
                    period_end=end,
                    summary=compute_summary(s, trainee, start, end),
                    mentor_id=mentor_id,
                )
                add(store, s, a)
                a = find_assessment(s, a.uid)
            out.append(assessment_view(a))
    return out


def update_draft(store: Store, uid: str, **fields: object) -> AssessmentView:
    """Set result, strengths, improvements or comment of a draft."""
    values: dict[str, object] = {}
    for key, value in fields.items():
        if key not in EDITABLE:
            raise UserError(
                user_text("Assessments", "Unknown assessment field {key!r}").format(key=key)
            )
        values[key] = clean(value)
    result = values.get("result")
    if result:
        choices = result_choices(store)
        if result not in choices:
            raise UserError(
                user_text("Assessments", "Result {result!r} is not one of: {choices}").format(
                    result=result, choices=", ".join(choices)
                )
            )
    with store.write() as s:
        a = editable_draft(s, uid)
        change(store, s, a, values)
        return assessment_view(a)


def refresh_summary(store: Store, uid: str) -> AssessmentView:
    """Recompute a draft's summary from the records as they are now."""
    with store.write() as s:
        a = editable_draft(s, uid)
        change(
            store,
            s,
            a,
            {"summary": compute_summary(s, a.trainee, a.period_start, a.period_end)},
            action="refresh",
        )
        return assessment_view(a)


def delete_draft(store: Store, uid: str) -> None:
    with store.write() as s:
        a = editable_draft(s, uid)
        change(store, s, a, {"deleted": True}, action="delete")


def versions(store: Store, uid: str) -> list[AssessmentView]:
    """Every version of the same trainee and period, oldest first."""
    with store.read() as s:
        a = find_assessment(s, uid)
        rows = s.scalars(
            loaded_assessments()
            .where(
                Assessment.trainee_id == a.trainee_id,
                Assessment.period_start == a.period_start,
                Assessment.period_end == a.period_end,
                Assessment.deleted.is_(False),
            )
            .order_by(Assessment.version)
        )
        return [assessment_view(r) for r in rows]


def missing_drafts(store: Store, trainee_uids: list[str], start: date, end: date) -> int:
    """How many of these trainees have no live assessment for the period (drafts to create)."""
    with store.read() as s:
        have = s.scalar(
            select(func.count(func.distinct(Assessment.trainee_id)))
            .join(Trainee, Trainee.id == Assessment.trainee_id)
            .where(
                Trainee.uid.in_(trainee_uids),
                Assessment.period_start == start,
                Assessment.period_end == end,
                Assessment.state != "superseded",
                Assessment.deleted.is_(False),
            )
        )
    return len(set(trainee_uids)) - int(have or 0)


def cohort_trainees(store: Store, cohort: str | None) -> list[str]:
    """The uids of a cohort's active trainees (all active trainees without a cohort name)."""
    query = select(Trainee.uid).where(Trainee.deleted.is_(False), Trainee.status == "active")
    if cohort:
        query = query.join(Cohort, Cohort.id == Trainee.cohort_id).where(
            or_(Cohort.name == cohort, Cohort.uid == cohort)
        )
    with store.read() as s:
        if cohort and not s.scalar(
            select(Cohort.id).where(or_(Cohort.name == cohort, Cohort.uid == cohort))
        ):
            raise NotFound(user_text("Cohorts", "No cohort named {name!r}").format(name=cohort))
        return list(s.scalars(query.order_by(Trainee.name)))
