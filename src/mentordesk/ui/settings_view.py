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
from ..core.errors import UserError
from ..core.models import STAFF_ROLES
from ..core.store import Store
from ..paths import data_dir
from .area import FormArea
from .forms import child
from .localised import localised
from .operations import Changes
from .preferences import preferences

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"


def _languages() -> list[tuple[str, str]]:
    from .translation import available_languages

    return list(available_languages())


class SettingsArea(FormArea):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__("settings", parent)
        self.store = store
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
        self.backup_button.setEnabled(store.path is not None)
        self.refresh()

    def refresh(self) -> None:
        me = staff.local_user(self.store)
        self.name_edit.setText(me.name if me else "")
        self.role_combo.setCurrentIndex(
            max(self.role_combo.findData(me.role if me else "mentor"), 0)
        )
        self.org_edit.setText(me.organisation if me else "")
        self.db_label.setText(self.tr("Database: %1").replace("%1", self.store.location))

    @staticmethod
    def _show(label: QLabel, text: str, ok: bool) -> None:
        label.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        label.setText(text)

    def save_profile(self) -> None:
        try:
            staff.save_profile(
                self.store,
                self.name_edit.text(),
                self.role_combo.currentData(),
                self.org_edit.text(),
            )
        except UserError as exc:
            self._show(self.profile_message, localised(exc), ok=False)
            return
        self._show(self.profile_message, self.tr("Saved."), ok=True)
        self.records_changed.emit(Changes(settings=True))

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
        try:
            written = backup.backup(self.store, Path(target))
        except UserError as exc:
            self._show(self.db_message, localised(exc), ok=False)
            return
        self._show(self.db_message, self.tr("Backed up to %1").replace("%1", str(written)), ok=True)

    def check(self) -> None:
        report = backup.check(self.store)
        if report.ok:
            self._show(self.db_message, self.tr("The database is sound."), ok=True)
        else:
            self._show(self.db_message, "\n".join(map(localised, report.problems)), ok=False)
