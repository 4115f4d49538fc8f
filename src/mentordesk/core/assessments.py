"""Assessments: one trainee over one period, drafted from the records, signed, then locked.

A signed assessment never changes (the database refuses it too, see migration 0002): a
correction is an amendment, a new draft version naming the one it supersedes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import Select, func, or_, select
from sqlalchemy.orm import Session, selectinload

from .assessment_summary import compute_summary
from .changes import add, change, find, not_found
from .errors import Conflict, LockedRecord, NotFound, UserError
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
from .wording import Text, user_text

RESULTS_SETTING = "assessment_results"
EDITABLE = ("result", "strengths", "improvements", "comment")
# Assessment states in a sentence, said in the interface language.
STATE_WORDS: dict[str, Text] = {
    "draft": user_text("Assessments", "draft"),
    "signed": user_text("Assessments", "signed"),
    "superseded": user_text("Assessments", "superseded"),
}


def _state_word(state: str) -> str:
    return STATE_WORDS.get(state, state)


@dataclass(frozen=True)
class AssessmentView:
    uid: str
    version: int
    state: str
    period_start: date
    period_end: date
    trainee_uid: str
    trainee_id: str
    employee_no: str
    trainee_name: str
    track: str
    cohort: str
    programme: str
    school: str
    enterprise: str
    mentor: str
    result: str
    strengths: str
    improvements: str
    comment: str
    summary: dict[str, object] = field(default_factory=dict)
    supersedes_uid: str | None = None
    amendment_reason: str = ""
    signed_at: datetime | None = None
    signed_by: str = ""
    document_sha256: str = ""
    updated_at: datetime | None = None

    @property
    def document_id(self) -> str:
        """Printed on every page and in the QR code: which version of which assessment."""
        return f"{self.uid} v{self.version}"

    @property
    def locked(self) -> bool:
        return self.state != "draft"


@dataclass(frozen=True)
class DocumentView:
    revision: int
    kind: str
    sha256: str
    created_at: datetime
    pdf: bytes


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


def _view(a: Assessment) -> AssessmentView:
    t = a.trainee
    cohort = t.cohort
    programme = cohort.programme if cohort is not None else None
    return AssessmentView(
        uid=a.uid,
        version=a.version,
        state=a.state,
        period_start=a.period_start,
        period_end=a.period_end,
        trainee_uid=t.uid,
        trainee_id=t.trainee_id,
        employee_no=t.employee_no,
        trainee_name=t.name,
        track=t.track or (cohort.track if cohort else ""),
        cohort=cohort.name if cohort else "",
        programme=programme.name if programme else "",
        school=programme.school if programme else "",
        enterprise=programme.enterprise if programme else "",
        mentor=a.mentor.name if a.mentor is not None else "",
        result=a.result,
        strengths=a.strengths,
        improvements=a.improvements,
        comment=a.comment,
        summary=a.summary or {},
        supersedes_uid=a.supersedes_uid,
        amendment_reason=a.amendment_reason,
        signed_at=a.signed_at,
        signed_by=a.signed_by,
        document_sha256=a.document_sha256,
        updated_at=a.updated_at,
    )


def _loaded() -> Select[Assessment]:
    return select(Assessment).options(
        selectinload(Assessment.trainee)
        .selectinload(Trainee.cohort)
        .selectinload(Cohort.programme),
        selectinload(Assessment.mentor),
    )


def _find(s: Session, uid: str) -> Assessment:
    a = s.scalar(_loaded().where(Assessment.uid == uid))
    if a is None or a.deleted:
        raise not_found("assessment", uid)
    return a


def get_assessment(store: Store, uid: str) -> AssessmentView:
    with store.read() as s:
        return _view(_find(s, uid))


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
    query = _loaded().join(Trainee).where(Assessment.deleted.is_(False))
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
        rows = [_view(a) for a in s.scalars(query)]
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
        a = _find(s, uid)
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
        _loaded()
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
                    name=trainee.name, state=_state_word(existing.state), start=start, end=end
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
        return _view(_find(s, a.uid))


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
            _loaded()
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
                a = _find(s, a.uid)
            out.append(_view(a))
    return out


def _editable(s: Session, uid: str, loaded: Assessment | None = None) -> Assessment:
    a = loaded if loaded is not None and not loaded.deleted else _find(s, uid)
    if a.state != "draft":
        raise LockedRecord(
            user_text(
                "Assessments",
                "The assessment of {name} ({start} – {end}, version {version}) is {state} and "
                "cannot change; amend it instead",
            ).format(
                name=a.trainee.name,
                start=a.period_start,
                end=a.period_end,
                version=a.version,
                state=_state_word(a.state),
            )
        )
    return a


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
        a = _editable(s, uid)
        change(store, s, a, values)
        return _view(a)


def refresh_summary(store: Store, uid: str) -> AssessmentView:
    """Recompute a draft's summary from the records as they are now."""
    with store.write() as s:
        a = _editable(s, uid)
        change(
            store,
            s,
            a,
            {"summary": compute_summary(s, a.trainee, a.period_start, a.period_end)},
            action="refresh",
        )
        return _view(a)


def delete_draft(store: Store, uid: str) -> None:
    with store.write() as s:
        a = _editable(s, uid)
        change(store, s, a, {"deleted": True}, action="delete")


def versions(store: Store, uid: str) -> list[AssessmentView]:
    """Every version of the same trainee and period, oldest first."""
    with store.read() as s:
        a = _find(s, uid)
        rows = s.scalars(
            _loaded()
            .where(
                Assessment.trainee_id == a.trainee_id,
                Assessment.period_start == a.period_start,
                Assessment.period_end == a.period_end,
                Assessment.deleted.is_(False),
            )
            .order_by(Assessment.version)
        )
        return [_view(r) for r in rows]


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


# Signing and amending live in their own module; callers import them from here.
from .assessment_signing import (  # noqa: E402
    Signed,
    add_countersignature,
    amend,
    countersign_comments,
    mark_signed,
    mark_signed_many,
)

__all__ = [
    "Signed",
    "add_countersignature",
    "amend",
    "countersign_comments",
    "mark_signed",
    "mark_signed_many",
]
