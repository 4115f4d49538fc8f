"""Self-assessment mode: one trainee's own grid, rating as role self, nothing else reachable,
and a way back that needs the mentor's PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import select

from mentordesk.core.errors import UserError
from mentordesk.core.hand_back import HandBackLock
from mentordesk.core.models import SkillRating, Trainee
from mentordesk.ui.self_assessment import HandOverDialog, enter_self_assessment
from tests.gui_waits import settled


def _trainee(store) -> tuple[str, str]:
    with store.read() as s:
        t = s.scalar(select(Trainee).order_by(Trainee.trainee_id))
        return t.uid, t.name


@pytest.fixture
def mode(qtbot, demo_store, make_worker):
    worker = make_worker(demo_store)
    main = QWidget()
    qtbot.addWidget(main)
    main.show()
    uid, name = _trainee(demo_store)
    window = enter_self_assessment(worker, uid, name, main, HandBackLock("2468"), lambda _w: None)
    qtbot.addWidget(window)
    settled(worker)
    return window, main, worker, uid


def test_the_mode_shows_only_that_trainees_skills_and_blocks_the_rest(mode):
    window, main, _worker, uid = mode
    assert window.isFullScreen() and not main.isVisible()
    assert window.windowModality() == Qt.WindowModality.ApplicationModal
    assert window.grid is not None and [t.uid for t in window.grid.trainees] == [uid]
    assert window.grid.role == "self"
    assert window.table.rowCount() == len(window.grid.skills) > 0
    # No closing, no Escape: the window stays until the mentor's PIN is typed.
    window.close()
    assert window.isVisible()
    from PySide6.QtTest import QTest

    QTest.keyClick(window, Qt.Key.Key_Escape)
    assert window.isVisible()


def test_a_level_picked_is_saved_as_the_trainees_own_view(mode, demo_store):
    window, _main, worker, uid = mode
    combo = window.table.cellWidget(0, 1)
    combo.setCurrentIndex(combo.findData(2))
    settled(worker)
    with demo_store.read() as s:
        roles = set(
            s.scalars(
                select(SkillRating.rater_role)
                .join(Trainee)
                .where(Trainee.uid == uid, SkillRating.rater_role == "self")
            )
        )
    assert roles == {"self"}
    assert window.message.text() == ""


def test_the_way_back_needs_the_mentors_pin(mode, qtbot):
    window, main, _worker, _uid = mode
    assert not window.hand_back("1111")
    assert window.isVisible() and not main.isVisible()
    assert "not the mentor's PIN" in window.message.text()
    with qtbot.waitSignal(window.handed_back):
        assert window.hand_back("2468")
    assert not window.isVisible() and main.isVisible()


def test_the_button_asks_for_the_pin_and_a_cancel_stays(qtbot, demo_store, make_worker):
    worker = make_worker(demo_store)
    main = QWidget()
    qtbot.addWidget(main)
    uid, name = _trainee(demo_store)
    answers = iter([None, "2468"])
    window = enter_self_assessment(
        worker, uid, name, main, HandBackLock("2468"), lambda _w: next(answers)
    )
    qtbot.addWidget(window)
    window.back_button.click()
    assert window.isVisible()
    window.back_button.click()
    assert not window.isVisible()
    settled(worker)


@pytest.mark.parametrize(
    ("pin", "repeat", "problem"),
    [("12", "12", "4 to 12 digits"), ("12ab", "12ab", "digits"), ("1234", "1235", "differ")],
)
def test_a_weak_or_mistyped_pin_is_refused(pin, repeat, problem):
    with pytest.raises(UserError, match=problem):
        HandBackLock(pin, repeat)


def test_the_hand_over_dialog_says_what_is_wrong_with_the_pin(qtbot):
    dialog = HandOverDialog("Wang Fang")
    qtbot.addWidget(dialog)
    dialog.pin.setText("12")
    dialog.repeat.setText("12")
    dialog.accept()
    assert dialog.lock is None and "digits" in dialog.message.text()
    dialog.pin.setText("2468")
    dialog.repeat.setText("2468")
    dialog.accept()
    assert dialog.lock is not None and dialog.lock.opens("2468")


def test_only_the_self_assessment_window_takes_input(mode):
    window, _main, _worker, _uid = mode
    assert QApplication.activeModalWidget() in (window, None)


def test_the_trainees_area_offers_self_assessment_for_the_selected_trainee(
    qtbot, demo_store, make_worker, monkeypatch
):
    from PySide6.QtWidgets import QPushButton

    from mentordesk.ui import self_assessment
    from mentordesk.ui.trainees_view import TraineesArea

    area = TraineesArea(make_worker(demo_store))
    qtbot.addWidget(area)
    area.show()
    settled(area.worker)
    button = area.findChild(QPushButton, "selfAssessButton")
    assert button is area.self_button and not button.isEnabled()
    area.table.selectRow(0)
    assert button.isEnabled()
    asked = []
    monkeypatch.setattr(
        self_assessment,
        "start_self_assessment",
        lambda worker, uid, name, window: asked.append((uid, name)),
    )
    button.click()
    assert asked and asked[0][0] == area.selected().uid
