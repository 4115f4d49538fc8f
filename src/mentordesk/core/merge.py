"""Merging records from another MentorDesk: matched by UID, the newer ``Updated At`` wins.

An older or equal record changes nothing, deletions travel as ``deleted`` flags, and a signed
assessment is never overwritten: a different signed version is kept beside it and reported.
The dry run is the same merge, rolled back.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import cache
from itertools import islice
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .changes import KINDS, add
from .import_report import CONFLICT, NEW, REJECTED, UNCHANGED, UPDATED, ImportReport, Outcome
from .merge_records import (
    Incoming,
    IncomingSheet,
    MergeSource,
    Rejected,
    field_label,
    row_label,
    to_ms,
)
from .models import (
    Assessment,
    Attendance,
    Cohort,
    Note,
    Programme,
    Rubric,
    RubricLevel,
    Skill,
    SkillRating,
    Staff,
    Trainee,
    Travelling,
    WorkshopSession,
    new_uid,
)
from .progress import NO_PROGRESS, Progress
from .store import Store
from .wording import message_of, user_text

SIGNED = ("signed", "superseded")
CHUNK = 1000
# The sheets as the progress dialog names them.
SHEET_NAMES = {
    "Skills": user_text("Merge", "Skills"),
    "Trainees": user_text("Merge", "Trainees"),
    "Sessions": user_text("Merge", "Sessions"),
    "Attendance": user_text("Merge", "Attendance"),
    "Ratings": user_text("Merge", "Ratings"),
    "Notes": user_text("Merge", "Notes"),
    "Assessments": user_text("Merge", "Assessments"),
}

# What a row's reference names when the record it points to is missing ("no session with UID …").
SESSION = KINDS["session"]
SKILL = KINDS["skill"]


class _DryRun(Exception):
    pass


def _chunks(rows: Iterable[Incoming]) -> Iterator[list[Incoming]]:
    it = iter(rows)
    while chunk := list(islice(it, CHUNK)):
        yield chunk


class _Merger:
    def __init__(self, store: Store, session: Session, source: MergeSource) -> None:
        self.store = store
        self.s = session
        self.source = source
        self.report = ImportReport(source.source, "results")
        self._titles: dict[str, str] = {}
        self.report.ignored_columns = list(source.ignored_columns)
        self._staff: dict[str, int] = {
            name: sid for sid, name in session.execute(select(Staff.id, Staff.name))
        }
        self._cohorts = {c.name: c for c in session.scalars(select(Cohort))}
        self._programmes = {p.name: p for p in session.scalars(select(Programme))}
        # uid -> database id of sessions and skills, which many rows refer to.
        self._ids: dict[str, int] = {}
        self._pairs: dict[tuple[int, int], Attendance] = {}
        self._trainees: dict[str, int] = {
            tid: pk for tid, pk in session.execute(select(Trainee.trainee_id, Trainee.id))
        }

    # -- references by name or uid ------------------------------------------------------

    def staff(self, name: str) -> int | None:
        if not name:
            return None
        if name not in self._staff:
            self._staff[name] = add(self.store, self.s, Staff(name=name)).id
        return self._staff[name]

    def cohort(self, name: str, programme: str = "") -> int | None:
        if not name:
            return None
        cohort = self._cohorts.get(name)
        if cohort is None:
            cohort = self._cohorts[name] = add(self.store, self.s, Cohort(name=name))
        if programme and cohort.programme_id is None:
            prog = self._programmes.get(programme)
            if prog is None:
                prog = self._programmes[programme] = add(
                    self.store, self.s, Programme(name=programme)
                )
            cohort.programme_id = prog.id
            self.store.stamp(cohort)
            self.store.audit(self.s, cohort, "merge", {"programme": [None, programme]})
        return cohort.id

    def trainee(self, trainee_id: str) -> int:
        found = self._trainees.get(trainee_id)
        if found is None:
            raise Rejected(
                user_text(
                    "Merge", "no trainee with Trainee ID {id} here or in the Trainees sheet"
                ).format(id=trainee_id)
            )
        return found

    def by_uid(self, model: type[Travelling], uid: str, what: str, required: bool = True):
        if not uid:
            if required:
                raise Rejected(user_text("Merge", "{what} UID is empty").format(what=what))
            return None
        found = self._ids.get(uid)
        if found is None:
            found = self.s.scalar(select(model.id).where(model.uid == uid))
            if found is not None:
                self._ids[uid] = found
        if found is None and required:
            raise Rejected(
                user_text("Merge", "no {what} with UID {uid} here or in this workbook").format(
                    what=what, uid=uid
                )
            )
        return found

    # -- the merge rule -----------------------------------------------------------------

    def _outcome(self, r: Incoming, outcome: str, label: str, fields=(), reason: str = "") -> None:
        self.report.add(Outcome(r.sheet, r.row, outcome, label, tuple(fields), reason))

    def merge(
        self,
        r: Incoming,
        model: type[Travelling],
        local: Travelling | None,
        values: dict[str, Any],
        label: str,
    ) -> Travelling | None:
        incoming_at = to_ms(r.updated_at)
        values = {**values, "deleted": r.deleted}
        for key, limit in _limits(model).items():
            value = values.get(key)
            if value.__class__ is str and len(value) > limit:
                raise Rejected(
                    user_text(
                        "Merge", "{column}: {length:,} characters, more than the {limit} allowed"
                    ).format(
                        column=self._titles.get(field_label(key), field_label(key)),
                        length=len(value),
                        limit=limit,
                    )
                )
        if local is None:
            record = model(
                uid=r.uid,
                updated_at=incoming_at,
                origin_device=self.source.device,
                **values,
            )
            self.s.add(record)
            self.store.audit(self.s, record, "merge", {"source": self.source.source, **values})
            self._outcome(r, NEW, label)
            return record
        if incoming_at <= to_ms(local.updated_at):
            self._outcome(r, UNCHANGED, label)
            return local
        diff = {k: [getattr(local, k), v] for k, v in values.items() if getattr(local, k) != v}
        if not diff:
            self._outcome(r, UNCHANGED, label)
            return local
        for key, (_, new) in diff.items():
            setattr(local, key, new)
        local.updated_at = incoming_at
        local.origin_device = self.source.device
        self.store.audit(self.s, local, "merge", {"source": self.source.source, **diff})
        self._outcome(r, UPDATED, label, [field_label(k) for k in diff])
        return local

    def _locals(self, model: type[Travelling], chunk: list[Incoming]) -> dict[str, Any]:
        uids = [r.uid for r in chunk if r.uid]
        return {x.uid: x for x in self.s.scalars(select(model).where(model.uid.in_(uids)))}

    def run(self, sheets: list[IncomingSheet], progress: Progress) -> None:
        handlers = {
            "Skills": self._skill,
            "Trainees": self._trainee,
            "Sessions": self._session,
            "Attendance": self._attendance,
            "Ratings": self._rating,
            "Notes": self._note,
            "Assessments": self._assessment,
        }
        models = {
            "Skills": Skill,
            "Trainees": Trainee,
            "Sessions": WorkshopSession,
            "Attendance": Attendance,
            "Ratings": SkillRating,
            "Notes": Note,
            "Assessments": Assessment,
        }
        for sheet in sheets:
            handler = handlers[sheet.kind]
            self._titles = sheet.titles
            for chunk in _chunks(sheet.rows):
                local = self._locals(models[sheet.kind], chunk)
                if sheet.kind == "Attendance":
                    self._prefetch_pairs(chunk, local)
                with self.s.no_autoflush:
                    self._chunk(handler, chunk, local)
                self.s.flush()
                progress.step(
                    len(chunk),
                    user_text("Merge", "{sheet}: row {row:,}").format(
                        sheet=SHEET_NAMES.get(sheet.kind, sheet.kind), row=chunk[-1].row
                    ),
                )

    def _prefetch_pairs(self, chunk: list[Incoming], local: dict[str, Any]) -> None:
        """This chunk's sessions' attendance, by (session, trainee), for rows new by UID."""
        uids = {r.values.get("Session UID") for r in chunk if r.uid not in local}
        ids = {self.by_uid(WorkshopSession, u, SESSION, False) for u in uids if u}
        ids.discard(None)
        self._pairs = {}
        if ids:
            query = select(Attendance).where(Attendance.session_id.in_(ids))
            self._pairs = {(a.session_id, a.trainee_id): a for a in self.s.scalars(query)}

    def _chunk(self, handler, chunk: list[Incoming], local: dict[str, Any]) -> None:
        for r in chunk:
            label = row_label(r)
            if r.problem:
                self._outcome(r, REJECTED, label, reason=r.problem)
                continue
            try:
                handler(r, local.get(r.uid), label)
            except Rejected as exc:
                self._outcome(r, REJECTED, label, reason=message_of(exc))

    # -- one handler per sheet ----------------------------------------------------------

    def _skill(self, r: Incoming, local: Skill | None, label: str) -> None:
        v = r.values
        rubric = self.s.scalar(select(Rubric).where(Rubric.uid == v["Rubric UID"]))
        if rubric is None:
            rubric = self.s.scalar(
                select(Rubric).where(
                    Rubric.name == v["Rubric"], Rubric.version == v["Rubric Version"]
                )
            )
        if rubric is None:
            labels = v["Level Labels"] or [f"Level {n}" for n in range(1, v["Levels"] + 1)]
            rubric = Rubric(
                uid=v["Rubric UID"] or new_uid(),
                name=v["Rubric"],
                version=v["Rubric Version"] or 1,
                levels=[RubricLevel(level=n, label=t) for n, t in enumerate(labels, start=1)],
                updated_at=to_ms(r.updated_at),
                origin_device=self.source.device,
            )
            self.s.add(rubric)
            self.s.flush()
            self.store.audit(self.s, rubric, "merge", {"source": self.source.source})
        if local is None:
            local = self.s.scalar(
                select(Skill).where(Skill.rubric_id == rubric.id, Skill.code == v["Code"])
            )
        position = v.get("Position", 0)
        values = {
            "rubric_id": rubric.id,
            "code": v["Code"],
            "area": v["Area"],
            "name": v["Skill"],
            "module": v["Module"],
            "descriptors": v["Descriptors"],
        }
        if local is None:
            values["position"] = position
        self.merge(r, Skill, local, values, label)

    def _trainee(self, r: Incoming, local: Trainee | None, label: str) -> None:
        v = r.values
        if not v["Trainee ID"] or not v["Name"]:
            raise Rejected(user_text("Merge", "Trainee ID and Name must not be empty"))
        if local is None:
            # Already known here under its Trainee ID (e.g. from the school's roster).
            known = self._trainees.get(v["Trainee ID"])
            local = self.s.get(Trainee, known) if known is not None else None
        values = {
            "trainee_id": v["Trainee ID"],
            "employee_no": v["Employee No"],
            "name": v["Name"],
            "cohort_id": self.cohort(v["Cohort"], v["Programme"]),
            "track": v["Track"],
            "status": v["Status"] or "active",
            "email": v["Email"],
            "enrolled_on": v["Enrolled On"],
            "left_on": v["Left On"],
        }
        clash = self._trainees.get(v["Trainee ID"])
        if local is not None and clash is not None and clash != local.id:
            raise Rejected(
                user_text("Merge", "Trainee ID {id} belongs to another trainee here").format(
                    id=v["Trainee ID"]
                )
            )
        record = self.merge(r, Trainee, local, values, label)
        if record is not None and local is None:
            self.s.flush()
            self._trainees[record.trainee_id] = record.id

    def _session(self, r: Incoming, local: WorkshopSession | None, label: str) -> None:
        v = r.values
        if v["Date"] is None:
            raise Rejected(user_text("Merge", "Date is empty"))
        values = {
            "held_on": v["Date"],
            "start_time": v["Start"],
            "end_time": v["End"],
            "cohort_id": self.cohort(v["Cohort"]),
            "location": v["Location"],
            "module": v["Module"],
            "task": v["Task"],
            "mentor_id": self.staff(v["Mentor"]),
        }
        self.merge(r, WorkshopSession, local, values, label)

    def _attendance(self, r: Incoming, local: Attendance | None, label: str) -> None:
        v = r.values
        session_id = self.by_uid(WorkshopSession, v["Session UID"], SESSION)
        trainee_id = self.trainee(v["Trainee ID"])
        if not v["Status"]:
            raise Rejected(user_text("Merge", "Status is empty"))
        if local is None:
            # Recorded here too, under another UID: one record per trainee and session.
            local = self._pairs.get((session_id, trainee_id))
        values = {
            "session_id": session_id,
            "trainee_id": trainee_id,
            "status": v["Status"],
            "minutes_late": v["Minutes Late"] or 0,
            "hours": v["Hours"] or 0.0,
            "note": v["Note"],
            "recorded_by_id": self.staff(v["Recorded By"]),
        }
        self.merge(r, Attendance, local, values, label)

    def _rating(self, r: Incoming, local: SkillRating | None, label: str) -> None:
        v = r.values
        skill_id = self.by_uid(Skill, v["Skill UID"], SKILL, False)
        if skill_id is None:
            skill_id = self.s.scalar(
                select(Skill.id)
                .join(Rubric, Rubric.id == Skill.rubric_id)
                .where(
                    Rubric.name == v["Rubric"],
                    Rubric.version == v["Rubric Version"],
                    Skill.code == v["Skill Code"],
                )
            )
        if skill_id is None:
            raise Rejected(
                user_text("Merge", "no skill {code} of rubric {rubric} here").format(
                    code=v["Skill Code"], rubric=v["Rubric"]
                )
            )
        if v["Level"] is None or v["Rated On"] is None:
            raise Rejected(user_text("Merge", "Level and Rated On must not be empty"))
        values = {
            "trainee_id": self.trainee(v["Trainee ID"]),
            "skill_id": skill_id,
            "level": v["Level"],
            "rated_on": v["Rated On"],
            "rater_id": self.staff(v["Rater"]),
            "evidence": v["Evidence"],
            "session_id": self.by_uid(WorkshopSession, v["Session UID"], SESSION, False),
        }
        self.merge(r, SkillRating, local, values, label)

    def _note(self, r: Incoming, local: Note | None, label: str) -> None:
        v = r.values
        if v["Written At"] is None:
            raise Rejected(user_text("Merge", "Written At is empty"))
        values = {
            "trainee_id": self.trainee(v["Trainee ID"]),
            "written_at": to_ms(v["Written At"]),
            "category": v["Category"] or "other",
            "text": v["Text"],
            "author_id": self.staff(v["Author"]),
            "session_id": self.by_uid(WorkshopSession, v["Session UID"], SESSION, False),
        }
        self.merge(r, Note, local, values, label)

    def _assessment(self, r: Incoming, local: Assessment | None, label: str) -> None:
        v = r.values
        if v["Period Start"] is None or v["Period End"] is None:
            raise Rejected(user_text("Merge", "Period Start and Period End must not be empty"))
        values = {
            "trainee_id": self.trainee(v["Trainee ID"]),
            "period_start": v["Period Start"],
            "period_end": v["Period End"],
            "version": v["Version"] or 1,
            "supersedes_uid": v["Supersedes UID"] or None,
            "amendment_reason": v["Amendment Reason"],
            "state": v["State"] or "draft",
            "result": v["Result"],
            "strengths": v["Strengths"],
            "improvements": v["Improvements"],
            "comment": v["Comment"],
            "mentor_id": self.staff(v["Mentor"]),
            "signed_at": to_ms(v["Signed At"]) if v["Signed At"] else None,
            "signed_by": v["Signed By"],
            "document_sha256": v["Document SHA-256"],
        }
        if local is None or local.state not in SIGNED:
            record = self.merge(r, Assessment, local, values, label)
            if local is None and values["state"] in SIGNED:
                self._report_rival(r, record, values)
            return
        content = {k: x for k, x in values.items() if k != "state"}
        same = all(getattr(local, k) == x for k, x in content.items())
        if same:
            # Only the signed → superseded step may travel onto a signed record.
            if values["state"] == "superseded" and local.state == "signed":
                self.merge(r, Assessment, local, values, label)
            else:
                self._outcome(r, UNCHANGED, label)
            return
        if values["state"] not in SIGNED:
            self._outcome(
                r,
                UNCHANGED,
                label,
                reason=user_text("Merge", "signed here; a signed sheet is never overwritten"),
            )
            return
        twin = self.s.scalar(
            select(Assessment.uid).where(
                Assessment.trainee_id == values["trainee_id"],
                Assessment.uid != local.uid,
                Assessment.signed_at == values["signed_at"],
                Assessment.document_sha256 == values["document_sha256"],
                Assessment.result == values["result"],
            )
        )
        if twin is not None:
            self._outcome(
                r,
                UNCHANGED,
                label,
                reason=user_text("Merge", "conflicting version already kept as {uid}").format(
                    uid=twin
                ),
            )
            return
        copy = Assessment(
            uid=new_uid(),
            updated_at=to_ms(r.updated_at),
            origin_device=self.source.device,
            deleted=r.deleted,
            **values,
        )
        self.s.add(copy)
        self.store.audit(self.s, copy, "merge-conflict", {"conflicts_with": local.uid})
        self._outcome(
            r,
            CONFLICT,
            label,
            reason=user_text(
                "Merge",
                "a different signed version of {uid} exists here; "
                "both kept (the incoming one as {copy})",
            ).format(uid=local.uid, copy=copy.uid),
        )
        self.report.notes.append(
            user_text(
                "Merge",
                "{sheet} row {row}: two different signed versions of assessment {uid}; "
                "both kept, the incoming one as {copy}",
            ).format(sheet=r.sheet, row=r.row, uid=local.uid, copy=copy.uid)
        )

    def _report_rival(self, r: Incoming, record: Any, values: dict[str, Any]) -> None:
        rival = self.s.scalar(
            select(Assessment.uid).where(
                Assessment.trainee_id == values["trainee_id"],
                Assessment.period_start == values["period_start"],
                Assessment.period_end == values["period_end"],
                Assessment.version == values["version"],
                Assessment.state.in_(SIGNED),
                Assessment.uid != record.uid,
            )
        )
        if rival is not None:
            self.report.notes.append(
                user_text(
                    "Merge",
                    "{sheet} row {row}: assessment {uid} and {rival} are both signed "
                    "for the same trainee, period and version; both kept",
                ).format(sheet=r.sheet, row=r.row, uid=record.uid, rival=rival)
            )


@cache
def _limits(model: type[Travelling]) -> dict[str, int]:
    """The longest text each column of ``model`` holds."""
    columns = model.__table__.columns  # type: ignore[attr-defined]
    return {c.key: c.type.length for c in columns if getattr(c.type, "length", None)}


def merge_results(
    store: Store, source: MergeSource, *, apply: bool, progress: Progress = NO_PROGRESS
) -> ImportReport:
    """Merge every sheet in one transaction; a dry run performs it and rolls it back."""
    progress.start(0, user_text("Merge", "Merging"))
    merger: _Merger | None = None
    try:
        with store.write() as session:
            merger = _Merger(store, session, source)
            merger.run(source.sheets, progress)
            session.flush()
            if not apply:
                raise _DryRun()
    except _DryRun:
        pass
    assert merger is not None
    merger.report.applied = apply
    return merger.report
