"""Dialogs of the Assessments area: a period (one trainee or a cohort), the drawn signature,
the signing identity, and the passphrase."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import cohorts, staff, trainees
from ..core.cohorts import CohortView
from ..core.drawn_signature import save_drawn_signature
from ..core.staff import StaffView
from ..core.trainees import TraineeRow
from ..exchange import signing_identity
from .forms import child, load_form
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .signature_pad import SignaturePad


def _wrap(dialog: QDialog, form: QWidget) -> None:
    layout = QVBoxLayout(dialog)
    layout.addWidget(form)


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class PeriodDialog(QDialog):
    """A new assessment (cohort, trainee, period) or a cohort's batch (cohort, period, folder)."""

    def __init__(self, worker: DatabaseWorker, batch: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.batch = batch
        self.form = load_form("new_assessment_dialog", self)
        _wrap(self, self.form)
        f = self.form
        self.cohort_combo = child(f, QComboBox, "cohortCombo")
        self.trainee_combo = child(f, QComboBox, "traineeCombo")
        self.from_date = child(f, QDateEdit, "fromDate")
        self.to_date = child(f, QDateEdit, "toDate")
        self.folder_edit = child(f, QLineEdit, "folderEdit")
        self.sign_check = child(f, QCheckBox, "signCheck")
        self.message = child(f, QLabel, "dialogMessage")
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        child(f, QPushButton, "browseButton").clicked.connect(self._browse)
        self.setWindowTitle(self.tr("Sheets for a cohort") if batch else self.tr("New assessment"))
        hidden = (
            ("traineeLabel", "traineeCombo")
            if batch
            else ("folderLabel", "folderEdit", "browseButton", "signCheck")
        )
        for name in hidden:
            child(f, QWidget, name).hide()
        if not batch:
            self.cohort_combo.addItem(self.tr("All cohorts"), "")
        self.cohort_combo.currentIndexChanged.connect(lambda _: self._fill_trainees())
        today = date.today()
        self.to_date.setDate(_qdate(today))
        self.from_date.setDate(_qdate(today.replace(day=1)))
        QueryOp(cohorts.list_cohorts).success(self._show_cohorts).run(worker, self)

    def _show_cohorts(self, found: list[CohortView]) -> None:
        self.cohort_combo.blockSignals(True)
        for c in found:
            self.cohort_combo.addItem(c.name, c.name)
        self.cohort_combo.blockSignals(False)
        self._fill_trainees()

    def _fill_trainees(self) -> None:
        if self.batch:
            return
        cohort = self.cohort_combo.currentData() or ""
        QueryOp(trainees.list_trainees, cohort=cohort).success(self._show_trainees).run(
            self.worker, self
        )

    def _show_trainees(self, found: list[TraineeRow]) -> None:
        # Answers come in the order asked: the last one is for the cohort chosen now.
        self.trainee_combo.clear()
        for t in found:
            self.trainee_combo.addItem(f"{t.name} ({t.trainee_id})", t.uid)

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Save sheets in"))
        if folder:
            self.folder_edit.setText(folder)

    def _accept(self) -> None:
        if self.period[1] < self.period[0]:
            self.message.setText(self.tr("The period ends before it starts."))
        elif self.batch and not Path(self.folder_edit.text().strip() or "/nonexistent").is_dir():
            self.message.setText(self.tr("Choose an existing folder for the sheets."))
        elif not self.batch and self.trainee_combo.currentData() is None:
            self.message.setText(self.tr("Choose a trainee."))
        else:
            self.accept()

    @property
    def period(self) -> tuple[date, date]:
        return _pydate(self.from_date.date()), _pydate(self.to_date.date())

    @property
    def trainee_uid(self) -> str:
        return str(self.trainee_combo.currentData())

    @property
    def cohort(self) -> str:
        return str(self.cohort_combo.currentData() or "")

    @property
    def folder(self) -> Path:
        return Path(self.folder_edit.text().strip())

    @property
    def sign(self) -> bool:
        return self.sign_check.isChecked()


class SignaturePadDialog(QDialog):
    """Draw the local user's signature; OK saves it (on the database worker) and closes."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("My drawn signature"))
        self.form = load_form("signature_pad_dialog", self)
        _wrap(self, self.form)
        self.pad = SignaturePad()
        child(self.form, QFrame, "padFrame").layout().addWidget(self.pad)
        child(self.form, QPushButton, "clearButton").clicked.connect(self.pad.clear)
        self.message = child(self.form, QLabel, "padMessage")
        self.pad.changed.connect(lambda: self.message.setText(""))
        buttons = child(self.form, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)

    def _save(self) -> None:
        if self.pad.is_empty():
            self.message.setText(self.tr("Nothing to save: draw your signature in the box first."))
            return
        CollectionOp(
            save_drawn_signature, self.pad.to_png(), changes=Changes(settings=True)
        ).success(lambda _none: self.accept()).failure(self.message.setText).run(self.worker, self)


class IdentityDialog(QDialog):
    """Create a key and self-signed certificate, or import a PKCS#12 file.

    ``name`` and ``organisation`` fill the form in; without them it is filled in from the local
    user's profile."""

    def __init__(
        self,
        worker: DatabaseWorker,
        parent: QWidget | None = None,
        *,
        name: str | None = None,
        organisation: str = "",
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._making = False
        self.setWindowTitle(self.tr("Signing identity"))
        self.form = load_form("identity_dialog", self)
        _wrap(self, self.form)
        f = self.form
        self.name_edit = child(f, QLineEdit, "nameEdit")
        self.org_edit = child(f, QLineEdit, "organisationEdit")
        self.passphrase = child(f, QLineEdit, "passphraseEdit")
        self.repeat = child(f, QLineEdit, "repeatEdit")
        self.message = child(f, QLabel, "dialogMessage")
        if name is not None:
            self.name_edit.setText(name)
            self.org_edit.setText(organisation)
        else:
            QueryOp(staff.local_user).success(self._show_profile).run(worker, self)
        buttons = child(f, QDialogButtonBox, "buttonBox")
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        child(f, QPushButton, "importButton").clicked.connect(self._import)

    def _show_profile(self, me: StaffView | None) -> None:
        # Not over what the user has begun to type.
        if me is not None and not self.name_edit.text() and not self.org_edit.text():
            self.name_edit.setText(me.name)
            self.org_edit.setText(me.organisation)

    def _secret(self) -> str | None:
        if self.passphrase.text() != self.repeat.text():
            self.message.setText(self.tr("The two passphrases differ."))
            return None
        return self.passphrase.text()

    def _create(self) -> None:
        secret = self._secret()
        if secret is None:
            return
        self._make(_create_identity, self.name_edit.text(), secret, self.org_edit.text())

    def _make(self, call: Callable[..., None], *args: object) -> None:
        """Make the identity on the worker (a new key takes a moment); OK closes once made."""
        if self._making:
            return
        self._making = True

        def refused(message: str) -> None:
            self._making = False
            self.message.setText(message)

        QueryOp(call, *args).success(lambda _none: self.accept()).failure(refused).run(
            self.worker, self
        )

    def _import(self) -> None:
        secret = self._secret()
        if secret is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import PKCS#12"), "", self.tr("PKCS#12 files (*.p12 *.pfx)")
        )
        if not path:
            return
        file_secret = ask_passphrase(self, self.tr("Passphrase of %1").replace("%1", path))
        if file_secret is None:
            return
        self._make(_import_identity, Path(path), file_secret, secret)


def _create_identity(_store: object, name: str, secret: str, organisation: str) -> None:
    # On the worker, beside the store it is handed and does not need.
    signing_identity.create_identity(name, secret, organisation=organisation, replace=True)


def _import_identity(_store: object, source: Path, file_secret: str, secret: str) -> None:
    signing_identity.import_pkcs12(source, file_secret, secret, replace=True)


def ask_passphrase(parent: QWidget, label: str) -> str | None:
    title = QCoreApplication.translate("PassphrasePrompt", "Passphrase")
    text, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Password)
    return text if ok else None
