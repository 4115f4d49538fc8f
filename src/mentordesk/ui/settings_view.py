"""The Settings area: the local user's profile, preferences and the database."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ..core import backup, staff
from ..core.backup import CheckReport
from ..core.models import STAFF_ROLES
from ..core.staff import StaffView
from ..core.store import Store
from ..paths import data_dir
from .area import FormArea
from .forms import child
from .localised import localised
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .preferences import preferences

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def _languages() -> list[tuple[str, str]]:
    from .translation import available_languages

    return list(available_languages())


def read_settings(store: Store) -> tuple[StaffView | None, str, bool]:
    """The local user's profile, where the database is, and whether it is a file."""
    return staff.local_user(store), store.location, store.path is not None


class SettingsArea(FormArea):
    """Reads and saves through the database worker."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("settings", parent)
        self.worker = worker
        f = self.form
        self.name_edit = child(f, QLineEdit, "profileNameEdit")
        self.role_combo = child(f, QComboBox, "profileRoleCombo")
        self.org_edit = child(f, QLineEdit, "profileOrganisationEdit")
        self.save_button = child(f, QPushButton, "saveProfileButton")
        self.profile_message = child(f, QLabel, "profileMessage")
        self.language_combo = child(f, QComboBox, "languageCombo")
        self.language_hint = child(f, QLabel, "languageHint")
        self.db_label = child(f, QLabel, "databasePathLabel")
        self.backup_button = child(f, QPushButton, "backupButton")
        self.check_button = child(f, QPushButton, "checkButton")
        self.folder_button = child(f, QPushButton, "openDataFolderButton")
        self.db_message = child(f, QLabel, "databaseMessage")

        roles = {
            "mentor": self.tr("Enterprise mentor"),
            "supervisor": self.tr("Workshop supervisor"),
            "teacher": self.tr("School teacher"),
            "coordinator": self.tr("School coordinator"),
            "hr": self.tr("HR"),
        }
        for role in STAFF_ROLES:
            self.role_combo.addItem(roles[role], role)
        self.language_combo.addItem(self.tr("System language"), "")
        for code, label in _languages():
            self.language_combo.addItem(label, code)
        chosen = str(preferences().value("ui/language", ""))
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(chosen), 0))
        self.language_combo.currentIndexChanged.connect(self._language_changed)

        self.save_button.clicked.connect(self.save_profile)
        self.backup_button.clicked.connect(self.backup)
        self.check_button.clicked.connect(self.check)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
        )
        self.backup_button.setEnabled(False)
        self.refresh()

    def refresh(self) -> None:
        QueryOp(read_settings).success(self._read).run(self.worker, self)

    def _read(self, found: tuple[StaffView | None, str, bool]) -> None:
        me, location, is_file = found
        # What someone has begun to type stays: the profile read does not overwrite it.
        if not self.name_edit.isModified():
            self.name_edit.setText(me.name if me else "")
            self.role_combo.setCurrentIndex(
                max(self.role_combo.findData(me.role if me else "mentor"), 0)
            )
        if not self.org_edit.isModified():
            self.org_edit.setText(me.organisation if me else "")
        self.db_label.setText(self.tr("Database: %1").replace("%1", location))
        self.backup_button.setEnabled(is_file)

    @staticmethod
    def _show(label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)

    def save_profile(self) -> None:
        CollectionOp(
            staff.save_profile,
            self.name_edit.text(),
            self.role_combo.currentData(),
            self.org_edit.text(),
            changes=Changes(settings=True),
        ).success(self._saved).failure(
            lambda message: self._show(self.profile_message, message, ok=False)
        ).run(self.worker, self)

    def _saved(self, _me: object) -> None:
        self.name_edit.setModified(False)
        self.org_edit.setModified(False)
        self._show(self.profile_message, self.tr("Saved."), ok=True)

    def _language_changed(self) -> None:
        choice = self.language_combo.currentData()
        preferences().setValue("ui/language", choice)
        self._say_when_language_applies(choice)

    def _say_when_language_applies(self, choice: str) -> None:
        """Say, at the choice, that the window changes language only at the next start —
        also in the language chosen, which someone picking it reads better."""
        from .translation import current_language, language_chosen, translate_in

        target = language_chosen(choice)
        if target == current_language():
            self.language_hint.setStyleSheet("")
            self.language_hint.setText(self.tr("This is the language in use."))
            return
        name = dict(_languages()).get(target, target)
        # Literal translate() calls: lupdate finds no string behind a helper.
        template = QCoreApplication.translate(
            "SettingsArea",
            "MentorDesk changes to %1 the next time it starts: close it and start it again.",
        )
        lines = [template.replace("%1", name)]
        there = translate_in(
            target,
            "SettingsArea",
            "MentorDesk changes to %1 the next time it starts: close it and start it again.",
        ).replace("%1", name)
        if there not in lines:
            lines.append(there)
        self.language_hint.setStyleSheet("font-weight: 600; color: #e65100;")
        self.language_hint.setText("\n".join(lines))

    def backup(self) -> None:
        target, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up the database"), str(Path.home() / "mentordesk-backup.db"),
            self.tr("MentorDesk database (*.db)"),
        )  # fmt: skip
        if not target:
            return
        QueryOp(backup.backup, Path(target)).success(
            lambda written: self._show(
                self.db_message, self.tr("Backed up to %1").replace("%1", str(written)), ok=True
            )
        ).failure(lambda message: self._show(self.db_message, message, ok=False)).run(
            self.worker, self
        )

    def check(self) -> None:
        QueryOp(backup.check).success(self._checked).run(self.worker, self)

    def _checked(self, report: CheckReport) -> None:
        if report.ok:
            self._show(self.db_message, self.tr("The database is sound."), ok=True)
        else:
            self._show(self.db_message, "\n".join(map(localised, report.problems)), ok=False)
