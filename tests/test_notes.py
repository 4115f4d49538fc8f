"""Notes about a trainee: categories, newest first with their session, removal and undo."""

from __future__ import annotations

import pytest

from mentordesk.core import notes
from mentordesk.core.errors import UserError
from mentordesk.core.workshop_sessions import list_recent_sessions


@pytest.fixture
def trainee_and_session(demo_store):
    from mentordesk.core.attendance import session_roster

    ws = list_recent_sessions(demo_store, 1)[0]
    return session_roster(demo_store, ws.uid)[0].trainee_uid, ws


def test_new_note_is_listed_first_with_its_session_and_author(demo_store, trainee_and_session):
    uid, ws = trainee_and_session
    before = len(notes.list_notes(demo_store, uid))
    note = notes.add_note(
        demo_store, uid, "safety", "  未佩戴护目镜，已纠正。 ", session_uid=ws.uid
    )
    listed = notes.list_notes(demo_store, uid)
    assert len(listed) == before + 1
    assert listed[0].uid == note.uid
    assert listed[0].text == "未佩戴护目镜，已纠正。"
    assert listed[0].session_uid == ws.uid and ws.held_on.isoformat() in listed[0].session_label
    assert listed[0].author == "Zhang Wei 张伟"
    assert [n.written_at for n in listed] == sorted((n.written_at for n in listed), reverse=True)


@pytest.mark.parametrize(
    ("category", "text", "message"),
    [("gossip", "x", "not one of"), ("teamwork", "   ", "must not be empty")],
)
def test_bad_notes_are_refused(demo_store, trainee_and_session, category, text, message):
    uid, _ = trainee_and_session
    before = notes.list_notes(demo_store, uid)
    with pytest.raises(UserError, match=message):
        notes.add_note(demo_store, uid, category, text)
    assert notes.list_notes(demo_store, uid) == before


def test_delete_and_restore(demo_store, trainee_and_session):
    uid, _ = trainee_and_session
    note = notes.add_note(demo_store, uid, "teamwork", "Helped at the roll change")
    notes.delete_note(demo_store, note.uid)
    assert note.uid not in {n.uid for n in notes.list_notes(demo_store, uid)}
    notes.restore_note(demo_store, note.uid)
    assert notes.list_notes(demo_store, uid)[0].uid == note.uid
