"""The first-run wizard: what a new user fills in ends up saved, and every step can be skipped."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QWizard,
)

from mentordesk.core.demo import is_empty
from mentordesk.core.staff import local_user
from mentordesk.exchange import signing_identity
from mentordesk.ui import first_run
from mentordesk.ui.assessment_dialogs import IdentityDialog
from mentordesk.ui.first_run import (
    FirstRunWizard,
    Signing,
    Start,
    first_run_needed,
    run_first_run,
)
from tests.gui_waits import settled

NEXT = QWizard.WizardButton.NextButton
SKIP = QWizard.WizardButton.CustomButton1
FINISH = QWizard.WizardButton.FinishButton


def _open(qtbot, worker) -> FirstRunWizard:
    w = FirstRunWizard(worker)
    qtbot.addWidget(w)
    w.show()
    settled(worker)  # the profile and the records it starts from are read on the worker
    return w


@pytest.fixture
def wizard(qtbot, store, make_worker):
    return _open(qtbot, make_worker(store))


def click(qtbot, wizard: FirstRunWizard, which: QWizard.WizardButton) -> None:
    qtbot.mouseClick(wizard.button(which), Qt.MouseButton.LeftButton)


def finish(qtbot, wizard: FirstRunWizard):
    assert wizard.currentId() == wizard.SUMMARY
    click(qtbot, wizard, FINISH)
    assert wizard.result() == QWizard.DialogCode.Accepted.value
    return wizard.apply()


def test_profile_organisation_and_demo_are_saved(qtbot, wizard, store):
    qtbot.keyClicks(wizard.name_edit, "Li Na ")
    wizard.name_edit.insert("李娜")  # QTest types ASCII only
    wizard.role_combo.setCurrentIndex(wizard.role_combo.findData("supervisor"))
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.ORGANISATION
    qtbot.keyClicks(wizard.organisation_edit, "Hot strip mill")
    click(qtbot, wizard, NEXT)
    assert wizard.demo_radio.isChecked()
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SIGNING
    click(qtbot, wizard, NEXT)
    assert "Li Na 李娜" in wizard.summary_label.text()
    assert "Hot strip mill" in wizard.summary_label.text()

    choice = finish(qtbot, wizard)

    me = local_user(store)
    assert (me.name, me.role, me.organisation) == ("Li Na 李娜", "supervisor", "Hot strip mill")
    assert choice.profile == me
    assert choice.start is Start.DEMO and choice.demo_counts["trainees"] == 86
    assert not is_empty(store)
    assert choice.signing is Signing.LATER and not signing_identity.has_identity()


def test_skipping_every_step_changes_nothing(qtbot, wizard, store):
    qtbot.keyClicks(wizard.name_edit, "Typed then skipped")
    for _ in range(2):  # about you, then getting started (organisation needs a name)
        click(qtbot, wizard, SKIP)
    assert not wizard.button(SKIP).isVisible()

    choice = finish(qtbot, wizard)

    assert choice.finished
    assert choice.profile is None and local_user(store) is None
    assert choice.start is Start.SKIPPED and is_empty(store)
    assert choice.signing is Signing.NOT_OFFERED


def test_without_a_name_the_organisation_and_signing_steps_are_left_out(qtbot, wizard):
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.START
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SUMMARY


def test_roles_that_do_not_sign_are_not_asked_for_a_signing_identity(qtbot, wizard):
    qtbot.keyClicks(wizard.name_edit, "Zhou Min")
    wizard.role_combo.setCurrentIndex(wizard.role_combo.findData("hr"))
    for _ in range(2):
        click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.START
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SUMMARY
    assert "signing" not in wizard.summary_label.text()


def test_choosing_a_roster_import_is_handed_back_and_loads_nothing(qtbot, wizard, store):
    click(qtbot, wizard, NEXT)
    wizard.roster_radio.setChecked(True)
    click(qtbot, wizard, NEXT)
    choice = finish(qtbot, wizard)
    assert choice.wants_roster_import
    assert is_empty(store)


def test_a_mentor_sets_up_a_signing_identity_in_the_assessments_dialog(qtbot, wizard, store):
    qtbot.keyClicks(wizard.name_edit, "Chen Hong")
    click(qtbot, wizard, NEXT)
    qtbot.keyClicks(wizard.organisation_edit, "BOF plant")
    click(qtbot, wizard, NEXT)
    wizard.empty_radio.setChecked(True)
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SIGNING
    seen = {}

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, IdentityDialog)
        seen["name"], seen["organisation"] = dialog.name_edit.text(), dialog.org_edit.text()
        dialog.passphrase.setText("steel and slag")
        dialog.repeat.setText("steel and slag")
        dialog.findChild(QDialogButtonBox, "buttonBox").accepted.emit()

    QTimer.singleShot(0, fill_in)
    wizard.identity_button.click()

    assert seen == {"name": "Chen Hong", "organisation": "BOF plant"}
    assert wizard.identity_status.text()
    info = signing_identity.identity_info()
    assert (info.name, info.organisation) == ("Chen Hong", "BOF plant")
    click(qtbot, wizard, NEXT)
    choice = finish(qtbot, wizard)
    assert choice.signing is Signing.CREATED
    assert local_user(store).name == "Chen Hong"


def test_someone_with_a_signing_identity_is_not_asked_again(qtbot, store, make_worker):
    signing_identity.create_identity("Chen Hong", "steel and slag")
    wizard = _open(qtbot, make_worker(store))
    qtbot.keyClicks(wizard.name_edit, "Chen Hong")
    for _ in range(3):
        click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SUMMARY


def test_on_a_database_in_use_the_profile_is_filled_in_and_demo_is_not_offered(
    qtbot, demo_store, make_worker
):
    wizard = _open(qtbot, make_worker(demo_store))
    assert wizard.name_edit.text() == local_user(demo_store).name
    assert not wizard.demo_radio.isEnabled()
    assert not wizard.start_note.isHidden()  # says why, once that step is shown


def test_run_again_a_skipped_step_keeps_what_was_there(qtbot, demo_store, make_worker):
    before = local_user(demo_store)
    wizard = _open(qtbot, make_worker(demo_store))
    wizard.role_combo.setCurrentIndex(wizard.role_combo.findData("teacher"))
    click(qtbot, wizard, NEXT)
    wizard.organisation_edit.clear()
    click(qtbot, wizard, SKIP)  # the organisation stays
    click(qtbot, wizard, NEXT)  # keep the records
    if wizard.currentId() == wizard.SIGNING:
        click(qtbot, wizard, SKIP)

    choice = finish(qtbot, wizard)

    after = local_user(demo_store)
    assert (after.uid, after.role, after.organisation) == (
        before.uid,
        "teacher",
        before.organisation,
    )
    assert choice.start is Start.EMPTY and choice.demo_counts is None


def test_the_wizard_runs_once(qtbot, store, make_worker):
    assert first_run_needed(store)

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, FirstRunWizard)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    choice = run_first_run(make_worker(store), None)

    assert not choice.finished and choice.profile is None
    assert not first_run_needed(store)


def test_enter_after_creating_the_identity_goes_on_not_back_to_replace_it(
    qtbot, wizard, monkeypatch
):
    opened = []

    class Accepting:
        """The identity dialog, as if the mentor filled it in and pressed OK."""

        def __init__(self, *args, **kwargs) -> None:
            opened.append(self)

        def exec(self) -> int:
            return QDialog.DialogCode.Accepted.value

        def deleteLater(self) -> None:
            pass

    monkeypatch.setattr(first_run, "IdentityDialog", Accepting)
    qtbot.keyClicks(wizard.name_edit, "Chen Hong")
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    click(qtbot, wizard, NEXT)
    assert wizard.currentId() == wizard.SIGNING
    wizard.identity_button.setFocus()
    qtbot.keyClick(wizard.identity_button, Qt.Key.Key_Space)  # set it up from the keyboard
    assert len(opened) == 1 and "Replace" in wizard.identity_button.text()
    qtbot.keyClick(QApplication.focusWidget() or wizard, Qt.Key.Key_Return)
    assert len(opened) == 1
    assert wizard.currentId() == wizard.SUMMARY


def _mnemonics(widgets) -> list[str]:
    found = []
    for w in widgets:
        text = w.text().replace("&&", "")
        if "&" in text:
            found.append(text[text.index("&") + 1].lower())
    return found


@pytest.mark.parametrize("page", ["PROFILE", "ORGANISATION", "START", "SIGNING", "SUMMARY"])
def test_each_page_has_one_widget_per_alt_key(qtbot, wizard, page):
    wizard.name_edit.setText("Chen Hong")
    while wizard.currentId() != getattr(wizard, page):
        wizard.next()
    shown = wizard.currentPage()
    own = [
        w for w in shown.findChildren(QLabel) + shown.findChildren(QAbstractButton) if w.isVisible()
    ]
    buttons = [b for b in wizard.findChildren(QAbstractButton) if b.isVisible() and b not in own]
    keys = _mnemonics(own + buttons)
    assert len(keys) == len(set(keys)), keys
