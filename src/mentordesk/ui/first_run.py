"""The first-run wizard: who the user is, their organisation, how to start, a signing identity.

Every step can be skipped, and everything it sets can be changed later. The wizard collects
choices; the work (saving the profile, loading the demo) runs once the user finishes, and what
belongs to another area (importing a roster) is handed back to the caller in a
:class:`FirstRunChoice`. The signing identity is the exception: it is made at once, in the same
dialog the Assessments area uses, because the user asks for it there and then.

What the wizard reads and saves goes through operations on the database worker
(``ui/operations.py``): the profile and the emptiness of the database arrive just after it
opens, and Finish waits (the window still painting) until its work is done.
"""

from __future__ import annotations

import enum
import html
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core.demo import is_empty, load_demo
from ..core.models import STAFF_ROLES
from ..core.staff import StaffView, local_user, save_profile
from ..exchange import signing_identity
from ..paths import resources_dir
from .assessment_dialogs import IdentityDialog
from .forms import child, load_form
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .preferences import preferences

if TYPE_CHECKING:
    from ..core.store import Store

# Roles whose holders sign assessment sheets or countersign them.
SIGNING_ROLES = ("mentor", "supervisor", "teacher")
DONE_KEY = "first_run/done"


class Start(enum.Enum):
    DEMO = "demo"
    ROSTER = "roster"  # the caller opens the roster import (Sync area)
    EMPTY = "empty"
    SKIPPED = "skipped"


class Signing(enum.Enum):
    CREATED = "created"
    LATER = "later"  # the Assessments area asks for it at the first signature
    NOT_OFFERED = "not_offered"  # no profile, a role that does not sign, or one exists already


@dataclass(frozen=True)
class FirstRunChoice:
    """What the user chose; ``finished`` is False when they closed the wizard."""

    finished: bool
    profile: StaffView | None = None
    start: Start = Start.SKIPPED
    demo_counts: dict[str, int] | None = None
    signing: Signing = Signing.NOT_OFFERED

    @property
    def wants_roster_import(self) -> bool:
        return self.start is Start.ROSTER


def first_run_needed(store: Store) -> bool:
    """A user who has not been through the wizard, on a database with no trainees yet."""
    return not preferences().value(DONE_KEY, False, type=bool) and is_empty(store)


def _who_and_whether_empty(store: Store) -> tuple[StaffView | None, bool]:
    """On the worker: the profile to fill the wizard in from, and whether there are records."""
    return local_user(store), is_empty(store)


class FirstRunWizard(QWizard):
    PROFILE, ORGANISATION, START, SIGNING, SUMMARY = range(5)

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self._me: StaffView | None = None
        self._skipped: set[int] = set()
        self._adopt_form()
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("&Skip this step"))
        self.customButtonClicked.connect(self._skip)
        self.currentIdChanged.connect(self._entered)

        self.name_edit = child(self, QLineEdit, "nameEdit")
        self.role_combo = child(self, QComboBox, "roleCombo")
        self.organisation_edit = child(self, QLineEdit, "organisationEdit")
        self.demo_radio = child(self, QRadioButton, "demoRadio")
        self.roster_radio = child(self, QRadioButton, "rosterRadio")
        self.empty_radio = child(self, QRadioButton, "emptyRadio")
        self.start_note = child(self, QLabel, "startNote")
        self.identity_button = child(self, QPushButton, "identityButton")
        self.identity_status = child(self, QLabel, "identityStatus")
        self.summary_label = child(self, QLabel, "summaryLabel")

        roles = {
            "mentor": self.tr("Enterprise mentor"),
            "supervisor": self.tr("Workshop supervisor"),
            "teacher": self.tr("School teacher"),
            "coordinator": self.tr("School coordinator"),
            "hr": self.tr("HR"),
        }
        for role in STAFF_ROLES:
            self.role_combo.addItem(roles[role], role)
        self.role_combo.setCurrentIndex(max(self.role_combo.findData("mentor"), 0))
        self.start_note.hide()
        QueryOp(_who_and_whether_empty).success(self._prefill).run(worker, self)

        self._had_identity = signing_identity.has_identity()
        self._identity_created = False
        self.identity_button.clicked.connect(self._set_up_identity)

    def _adopt_form(self) -> None:
        # The pages are designed in forms/first_run.ui on a plain QWizard; they move into this
        # subclass, whose nextId() can skip the steps that do not apply.
        form = load_form("first_run")
        self.setObjectName(form.objectName())
        self.setWindowTitle(form.windowTitle())
        self.setWizardStyle(form.wizardStyle())
        self.setOptions(form.options())
        self.setMinimumSize(form.minimumSize())
        logo = resources_dir() / "icons" / "mentordesk-48.png"
        self.setPixmap(QWizard.WizardPixmap.LogoPixmap, QPixmap(str(logo)))
        self.resize(form.size())
        names = ("profilePage", "organisationPage", "startPage", "signingPage", "summaryPage")
        pages = [child(form, QWizardPage, name) for name in names]
        for page_id in form.pageIds():
            form.removePage(page_id)
        for page_id, page in enumerate(pages):
            self.setPage(page_id, page)
        form.deleteLater()

    def _prefill(self, found: tuple[StaffView | None, bool]) -> None:
        self._me = me = found[0]
        if me is not None:
            self.name_edit.setText(me.name)
            self.organisation_edit.setText(me.organisation)
            self.role_combo.setCurrentIndex(max(self.role_combo.findData(me.role), 0))
        if not found[1]:
            self.start_note.show()
            self.demo_radio.setEnabled(False)
            self.empty_radio.setText(self.tr("&Keep the records already in this database"))
            self.empty_radio.setChecked(True)

    # Navigation ---------------------------------------------------------------------------

    def _has_profile(self) -> bool:
        return bool(self.name_edit.text().strip()) and self.PROFILE not in self._skipped

    def _offers_signing(self) -> bool:
        if self._had_identity:
            return False
        return self._has_profile() and self.role_combo.currentData() in SIGNING_ROLES

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.PROFILE:
            # The organisation is part of the profile: without a name there is nothing to hold it.
            return self.ORGANISATION if self._has_profile() else self.START
        if current == self.START:
            return self.SIGNING if self._offers_signing() else self.SUMMARY
        if current == self.SUMMARY:
            return -1
        return current + 1

    def _skip(self, which: int) -> None:
        if which != QWizard.WizardButton.CustomButton1.value:
            return
        self._skipped.add(self.currentId())
        self.next()

    def _entered(self, page_id: int) -> None:
        self._skipped.discard(page_id)  # coming back to a step un-skips it
        on_summary = page_id == self.SUMMARY
        self.button(QWizard.WizardButton.CustomButton1).setVisible(not on_summary)
        if on_summary:
            self.summary_label.setText(self._summary_html())

    def _set_up_identity(self) -> None:
        # The profile is saved only at Finish: the dialog starts from what the wizard holds.
        dialog = IdentityDialog(
            self.worker,
            self,
            name=self.name_edit.text().strip(),
            organisation=self._organisation(),
        )
        if dialog.exec() == QDialog.DialogCode.Accepted.value:
            self._identity_created = True
            self.identity_status.setText(self.tr("Your signing identity is ready."))
            self.identity_button.setText(self.tr("&Replace it…"))
            # Enter now goes on to the next step: focus left on this button would press it
            # again and open the dialog to replace what was just made.
            self.identity_button.setAutoDefault(False)
            self.button(QWizard.WizardButton.NextButton).setFocus()
        dialog.deleteLater()

    # Choices ------------------------------------------------------------------------------

    def _organisation(self) -> str:
        if self.ORGANISATION in self._skipped:  # a skipped step leaves things as they were
            return self._me.organisation if self._me else ""
        return self.organisation_edit.text().strip()

    def _start_choice(self) -> Start:
        if self.START in self._skipped:
            return Start.SKIPPED
        if self.demo_radio.isChecked() and self.demo_radio.isEnabled():
            return Start.DEMO
        return Start.ROSTER if self.roster_radio.isChecked() else Start.EMPTY

    def _signing_choice(self) -> Signing:
        if self._identity_created:
            return Signing.CREATED
        return Signing.LATER if self._offers_signing() else Signing.NOT_OFFERED

    def _summary_html(self) -> str:
        items: list[str] = []
        if self._has_profile():
            organisation = self._organisation()
            if not organisation:
                items.append(
                    self.tr("Save your profile: %1, %2.")
                    .replace("%1", html.escape(self.name_edit.text().strip()))
                    .replace("%2", html.escape(self.role_combo.currentText()))
                )
            else:
                items.append(
                    self.tr("Save your profile: %1, %2, %3.")
                    .replace("%1", html.escape(self.name_edit.text().strip()))
                    .replace("%2", html.escape(self.role_combo.currentText()))
                    .replace("%3", html.escape(organisation))
                )
        elif self._me is not None:
            items.append(self.tr("Keep your profile as it is."))
        else:
            items.append(self.tr("Leave your profile empty for now."))
        items.append(
            {
                Start.DEMO: self.tr("Load the demo data."),
                Start.ROSTER: self.tr("Open the roster import."),
                Start.EMPTY: self.tr("Start with the database as it is."),
                Start.SKIPPED: self.tr("Start with the database as it is."),
            }[self._start_choice()]
        )
        signing = self._signing_choice()
        if signing is Signing.CREATED:
            items.append(self.tr("Your signing identity is ready."))
        elif signing is Signing.LATER:
            items.append(
                self.tr("Ask for a signing identity the first time you sign an assessment.")
            )
        return (
            "<ul>"
            + "".join(f'<li style="margin-bottom: 6px">{item}</li>' for item in items)
            + "</ul>"
        )

    # Doing it -----------------------------------------------------------------------------

    def apply(self) -> FirstRunChoice:
        """Carry out the finished wizard's choices; a failed step is reported, not fatal."""
        profile = None
        start = self._start_choice()
        signing = self._signing_choice()
        demo_counts = None
        if self._has_profile():
            profile = self._attempt(
                CollectionOp(
                    save_profile,
                    self.name_edit.text(),
                    self.role_combo.currentData(),
                    self._organisation(),
                    changes=Changes(settings=True),
                )
            )
        if start is Start.DEMO:
            demo_counts = self._attempt(CollectionOp(load_demo, changes=Changes(everything=True)))
        return FirstRunChoice(True, profile, start, demo_counts, signing)

    def _attempt(self, op: CollectionOp[Any]) -> Any:
        """Run ``op`` on the worker and wait for its answer (the window keeps painting); a
        refusal is shown, and gives None."""
        outcome: list[Any] = []
        refusals: list[str] = []
        loop = QEventLoop()

        def answered(result: Any) -> None:
            outcome.append(result)
            loop.quit()

        def refused(message: str) -> None:
            refusals.append(message)
            loop.quit()

        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            op.success(answered).failure(refused).run(self.worker, self)
            loop.exec()  # an answer always comes later, through the event loop
        finally:
            QGuiApplication.restoreOverrideCursor()
        if refusals:
            QMessageBox.warning(self, self.windowTitle(), refusals[0])
            return None
        return outcome[0]


def run_first_run(worker: DatabaseWorker, parent: QWidget | None = None) -> FirstRunChoice:
    """Show the wizard modally and carry out what the user chose."""
    wizard = FirstRunWizard(worker, parent)
    try:
        finished = wizard.exec() == QDialog.DialogCode.Accepted.value
        choice = wizard.apply() if finished else FirstRunChoice(False)
    finally:
        wizard.deleteLater()
    preferences().setValue(DONE_KEY, True)
    return choice
