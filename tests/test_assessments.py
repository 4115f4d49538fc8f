"""Assessment drafts, results, locking and amendments, in the store and in the database."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DatabaseError

from mentordesk.core import assessment_signing as AS
from mentordesk.core import assessments as A
from mentordesk.core.errors import Conflict, LockedRecord, UserError
from mentordesk.core.models import Note, Skill, SkillRating, Trainee
from mentordesk.core.summary import period_figures
from mentordesk.core.trainees import list_trainees

START, END = date(2026, 10, 1), date(2026, 11, 20)


def _trainee(store, index: int = 0):
    return list_trainees(store)[index]


def _signed(store, uid: str, pdf: bytes = b"%PDF-1.7 signed") -> A.AssessmentView:
    view = A.get_assessment(store, uid)
    return AS.mark_signed(
        store, AS.Signed(uid, pdf, "Zhang Wei 张伟", datetime.now(UTC), view.updated_at)
    )


def test_draft_summary_matches_the_records(demo_store):
    t = _trainee(demo_store)
    view = A.create_draft(demo_store, t.uid, START, END)
    with demo_store.read() as s:
        tid = s.scalar(select(Trainee.id).where(Trainee.uid == t.uid))
        fig = period_figures(s, [tid], START, END)[tid]
    att = view.summary["attendance"]
    assert (att["sessions"], att["present"], att["absent"]) == (
        fig.sessions,
        fig.present,
        fig.absent,
    )
    assert att["hours"] == pytest.approx(fig.hours)
    assert att["rate"] == pytest.approx(fig.attendance_rate, abs=1e-4)
    assert len(view.summary["skills"]) == fig.skills_rated
    assert all(sk["label"] for sk in view.summary["skills"])
    assert view.state == "draft" and view.version == 1
    assert view.trainee_name == t.name and view.school and view.enterprise


def test_skill_change_since_before_the_period_and_notes_by_category(demo_store):
    t = _trainee(demo_store, 3)
    with demo_store.write() as s:
        tid = s.scalar(select(Trainee.id).where(Trainee.uid == t.uid))
        skill = s.scalars(select(Skill).order_by(Skill.position)).first()
        s.add(SkillRating(trainee_id=tid, skill_id=skill.id, level=1, rated_on=date(2026, 3, 1)))
        s.add(SkillRating(trainee_id=tid, skill_id=skill.id, level=4, rated_on=date(2026, 11, 19)))
        s.add(
            Note(
                trainee_id=tid,
                category="safety",
                text="在换辊前检查了吊具 and reported it",
                written_at=datetime(2026, 10, 5, 9, tzinfo=UTC),
            )
        )
        code = skill.code
    view = A.create_draft(demo_store, t.uid, START, END)
    row = next(sk for sk in view.summary["skills"] if sk["code"] == code)
    assert row["level"] == 4
    assert row["change"] == 4 - row["previous"]
    safety = view.summary["notes"]["safety"]
    assert any("吊具" in n["text"] for n in safety)


def test_results_come_from_a_configurable_list(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    assert A.result_choices(demo_store) == ["distinction", "pass", "not_yet_competent"]
    with pytest.raises(UserError, match="not one of"):
        A.update_draft(demo_store, view.uid, result="excellent")
    A.set_result_choices(demo_store, ["excellent", "good", "fail"])
    edited = A.update_draft(demo_store, view.uid, result="excellent", comment="  Well done  ")
    assert (edited.result, edited.comment) == ("excellent", "Well done")


def test_one_live_assessment_per_trainee_and_period(demo_store):
    t = _trainee(demo_store)
    A.create_draft(demo_store, t.uid, START, END)
    with pytest.raises(Conflict):
        A.create_draft(demo_store, t.uid, START, END)
    with pytest.raises(UserError, match="before it starts"):
        A.create_draft(demo_store, t.uid, END, START)


def test_signed_assessment_refuses_edits_and_signing_needs_a_result(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    with pytest.raises(UserError, match="result"):
        _signed(demo_store, view.uid)
    A.update_draft(demo_store, view.uid, result="pass")
    signed = _signed(demo_store, view.uid)
    assert signed.state == "signed" and signed.signed_by == "Zhang Wei 张伟"
    assert len(signed.document_sha256) == 64
    with pytest.raises(LockedRecord):
        A.update_draft(demo_store, view.uid, comment="changed afterwards")
    with pytest.raises(LockedRecord):
        A.refresh_summary(demo_store, view.uid)


def test_signing_a_draft_that_changed_meanwhile_is_refused(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    rendered_from = A.update_draft(demo_store, view.uid, result="pass")
    A.update_draft(demo_store, view.uid, comment="edited in another window")
    with pytest.raises(Conflict):
        AS.mark_signed(
            demo_store,
            AS.Signed(view.uid, b"%PDF", "me", datetime.now(UTC), rendered_from.updated_at),
        )
    assert A.get_assessment(demo_store, view.uid).state == "draft"


def test_amendment_keeps_the_superseded_version(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    A.update_draft(demo_store, view.uid, result="pass", comment="first")
    _signed(demo_store, view.uid, b"%PDF-original")
    with pytest.raises(UserError, match="reason"):
        AS.amend(demo_store, view.uid, "  ")
    new = AS.amend(demo_store, view.uid, "Hours of 10-12 were missing")
    assert (new.version, new.state, new.supersedes_uid) == (2, "draft", view.uid)
    assert new.amendment_reason == "Hours of 10-12 were missing"
    assert new.comment == "first"
    old = A.get_assessment(demo_store, view.uid)
    assert old.state == "superseded" and old.comment == "first"
    assert A.latest_document(demo_store, view.uid) == b"%PDF-original"
    assert [v.version for v in A.versions(demo_store, new.uid)] == [1, 2]
    with pytest.raises(Conflict, match="already superseded"):
        AS.amend(demo_store, view.uid, "again")


def test_countersignature_must_extend_the_signed_document(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    A.update_draft(demo_store, view.uid, result="pass")
    _signed(demo_store, view.uid, b"%PDF-signed")
    with pytest.raises(UserError, match="incremental"):
        AS.add_countersignature(demo_store, view.uid, b"%PDF-other", "teacher")
    doc = AS.add_countersignature(demo_store, view.uid, b"%PDF-signed+teacher", "teacher")
    assert doc.revision == 2
    assert [d.kind for d in A.documents(demo_store, view.uid)] == ["signed", "teacher"]


def test_database_rejects_raw_updates_of_a_signed_assessment(demo_store):
    view = A.create_draft(demo_store, _trainee(demo_store).uid, START, END)
    A.update_draft(demo_store, view.uid, result="pass")
    draft = A.create_draft(demo_store, _trainee(demo_store, 1).uid, START, END)
    _signed(demo_store, view.uid)
    with demo_store.engine.begin() as conn:
        # A draft is free to change, even behind the services' back.
        conn.execute(text("UPDATE assessment SET comment = 'x' WHERE uid = :u"), {"u": draft.uid})
    for statement in (
        "UPDATE assessment SET result = 'distinction' WHERE uid = :u",
        "UPDATE assessment SET state = 'draft' WHERE uid = :u",
        "UPDATE assessment SET state = 'superseded', comment = 'sneaky' WHERE uid = :u",
        "DELETE FROM assessment WHERE uid = :u",
        "UPDATE assessment_document SET pdf = x'00' WHERE assessment_id = "
        "(SELECT id FROM assessment WHERE uid = :u)",
    ):
        with pytest.raises(DatabaseError, match="signed"), demo_store.engine.begin() as conn:
            conn.execute(text(statement), {"u": view.uid})
    assert A.get_assessment(demo_store, view.uid).result == "pass"
    with demo_store.engine.begin() as conn:
        conn.execute(
            text("UPDATE assessment SET state = 'superseded' WHERE uid = :u"), {"u": view.uid}
        )
    assert A.get_assessment(demo_store, view.uid).state == "superseded"


def test_list_and_search(demo_store):
    people = list_trainees(demo_store)[:3]
    drafts = A.ensure_drafts(demo_store, [p.uid for p in people], START, END)
    again = A.ensure_drafts(demo_store, [p.uid for p in people], START, END)
    assert [d.uid for d in drafts] == [d.uid for d in again]
    assert len(A.list_assessments(demo_store)) == 3
    found = A.list_assessments(demo_store, people[1].name)
    assert people[1].name in {f.trainee_name for f in found}
    assert A.list_assessments(demo_store, state="signed") == []
    assert len(A.list_assessments(demo_store, cohort=people[0].cohort)) >= 1


def test_lock_holds_on_sqlite_and_postgresql(any_store):
    from mentordesk.core.trainees import create_trainee

    t = create_trainee(any_store, "20250001", "王磊", cohort="2025 Rolling Order Class")
    view = A.create_draft(any_store, t.uid, START, END)
    A.update_draft(any_store, view.uid, result="pass")
    _signed(any_store, view.uid)
    with pytest.raises(DatabaseError, match="signed"), any_store.engine.begin() as conn:
        conn.execute(text("UPDATE assessment SET comment = 'x' WHERE uid = :u"), {"u": view.uid})
    with pytest.raises(DatabaseError, match="signed"), any_store.engine.begin() as conn:
        conn.execute(text("DELETE FROM assessment WHERE uid = :u"), {"u": view.uid})
    amended = AS.amend(any_store, view.uid, "typo in the comment")
    assert A.get_assessment(any_store, view.uid).state == "superseded"
    assert amended.summary == A.get_assessment(any_store, view.uid).summary
