"""The first-run wizard: who the user is, their organisation, how to start, a signing identity.

Every step can be skipped, and everything it sets can be changed later in Settings. The wizard
only collects choices; the work (saving the profile, loading the demo, creating the signing
identity) runs once the user finishes, and the rest (importing a roster, signing set-up in
Settings) is handed back to the caller in a :class:`FirstRunChoice`.
"""

from __future__ import annotations

import enum
import html
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from types import ModuleType
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..core.demo import is_empty, load_demo
from ..core.errors import UserError
from ..core.models import STAFF_ROLES
from ..core.staff import StaffView, local_user, save_profile
from ..core.store import Store
from ..paths import resources_dir
from .forms import child, load_form
from .preferences import preferences

# Roles whose holders sign assessment sheets or countersign them.
SIGNING_ROLES = ("mentor", "supervisor", "teacher")
DONE_KEY = "first_run/done"
T = TypeVar("T")


class Start(enum.Enum):
    DEMO = "demo"
    ROSTER = "roster"  # the caller opens the roster import (Sync area)
    EMPTY = "empty"
    SKIPPED = "skipped"


class Signing(enum.Enum):
    CREATED = "created"
    IN_SETTINGS = "in_settings"  # the caller opens the signing part of Settings
    SKIPPED = "skipped"
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

    @property
    def wants_signing_settings(self) -> bool:
        return self.signing is Signing.IN_SETTINGS


def signing_identities() -> ModuleType | None:
    """The signing-identity service, when this build has one."""
    try:
        return importlib.import_module("mentordesk.exchange.signing_identity")
    except ModuleNotFoundError:
        return None


def first_run_needed(store: Store) -> bool:
    """A user who has not been through the wizard, on a database with no trainees yet."""
    return not preferences().value(DONE_KEY, False, type=bool) and is_empty(store)


class FirstRunWizard(QWizard):
    PROFILE, ORGANISATION, START, SIGNING, SUMMARY = range(5)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
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
        self.signing_now = child(self, QRadioButton, "signingNowRadio")
        self.signing_later = child(self, QRadioButton, "signingLaterRadio")
        self.passphrase_box = child(self, QWidget, "passphraseBox")
        self.passphrase_edit = child(self, QLineEdit, "passphraseEdit")
        self.confirm_edit = child(self, QLineEdit, "confirmEdit")
        self.passphrase_message = child(self, QLabel, "passphraseMessage")
        self.signing_note = child(self, QLabel, "signingNote")
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
        self._prefill()

        self.signing_api = signing_identities()
        if self.signing_api is None:
            self.signing_now.hide()
            self.passphrase_box.hide()
            self.signing_later.setChecked(True)
            self.signing_note.setText(
                self.tr(
                    "Signing identities are set up in Settings, under Signing. MentorDesk "
                    "takes you there when you finish."
                )
            )
        self.signing_now.toggled.connect(self.passphrase_box.setEnabled)
        self.passphrase_message.setStyleSheet("color: #b00020;")

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

    def _prefill(self) -> None:
        self._me = me = local_user(self.store)
        if me is not None:
            self.name_edit.setText(me.name)
            self.organisation_edit.setText(me.organisation)
        index = self.role_combo.findData(me.role if me else "mentor")
        self.role_combo.setCurrentIndex(max(index, 0))
        if is_empty(self.store):
            self.start_note.hide()
        else:
            self.demo_radio.setEnabled(False)
            self.empty_radio.setText(self.tr("&Keep the records already in this database"))
            self.empty_radio.setChecked(True)

    # Navigation ---------------------------------------------------------------------------

    def _has_profile(self) -> bool:
        return bool(self.name_edit.text().strip()) and self.PROFILE not in self._skipped

    def _offers_signing(self) -> bool:
        if self.signing_api is not None and self.signing_api.has_identity():
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

    def validateCurrentPage(self) -> bool:
        if self.currentId() == self.SIGNING and self._signing_choice() is Signing.CREATED:
            problem = self._passphrase_problem()
            self.passphrase_message.setText(problem)
            if problem:
                return False
        return super().validateCurrentPage()

    def _passphrase_problem(self) -> str:
        passphrase = self.passphrase_edit.text()
        shortest = self.signing_api.MIN_PASSPHRASE if self.signing_api else 8
        if len(passphrase) < shortest:
            return self.tr("Use a passphrase of at least %1 characters.").replace(
                "%1", str(shortest)
            )
        if passphrase != self.confirm_edit.text():
            return self.tr("The two passphrases differ.")
        return ""

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
        if not self._offers_signing():
            return Signing.NOT_OFFERED
        if self.SIGNING in self._skipped:
            return Signing.SKIPPED
        if self.signing_api is not None and self.signing_now.isChecked():
            return Signing.CREATED
        return Signing.IN_SETTINGS

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
            items.append(self.tr("Create your signing identity."))
        elif signing is Signing.IN_SETTINGS:
            items.append(self.tr("Open Settings so you can set up your signing identity."))
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
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            if self._has_profile():
                profile = self._attempt(
                    lambda: save_profile(
                        self.store,
                        self.name_edit.text(),
                        self.role_combo.currentData(),
                        self._organisation(),
                    )
                )
            if start is Start.DEMO:
                demo_counts = self._attempt(lambda: load_demo(self.store))
            if signing is Signing.CREATED and not self._create_identity(profile):
                signing = Signing.IN_SETTINGS
        finally:
            QGuiApplication.restoreOverrideCursor()
        return FirstRunChoice(True, profile, start, demo_counts, signing)

    def _create_identity(self, profile: StaffView | None) -> bool:
        assert self.signing_api is not None
        if profile is None:
            return False
        create = self.signing_api.create_identity
        result = self._attempt(
            lambda: create(
                profile.name, self.passphrase_edit.text(), organisation=profile.organisation
            )
        )
        return result is not None

    def _attempt(self, work: Callable[[], T]) -> T | None:
        try:
            return work()
        except UserError as exc:
            QGuiApplication.restoreOverrideCursor()
            QMessageBox.warning(self, self.windowTitle(), str(exc))
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            return None


def run_first_run(store: Store, parent: QWidget | None = None) -> FirstRunChoice:
    """Show the wizard modally and carry out what the user chose."""
    wizard = FirstRunWizard(store, parent)
    try:
        finished = wizard.exec() == QDialog.DialogCode.Accepted.value
        choice = wizard.apply() if finished else FirstRunChoice(False)
    finally:
        wizard.deleteLater()
    preferences().setValue(DONE_KEY, True)
    return choice
