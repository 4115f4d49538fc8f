"""Dialogs that add or change a programme or a staff member, saved through operations."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import programmes, staff
from ..core.models import PROGRAMME_KINDS, STAFF_ROLES
from ..core.rubric_text import chinese
from ..core.store import Store
from .operations import Changes, CollectionOp, DatabaseWorker
from .translation import current_language

ERROR_STYLE = "color: #b00020;"
# What a programme or staff change touches: cohorts and the lists built on them.
PEOPLE_CHANGED = Changes(trainees=True)


def kind_names() -> dict[str, str]:
    """Each programme kind in the interface language: the Chinese names schools use, else
    English."""
    if chinese(current_language()):
        return {key: name for name, key in programmes.KIND_NAMES.items()}
    tr = _english_kinds()
    return {key: tr.get(key, key) for key in PROGRAMME_KINDS}


def _english_kinds() -> dict[str, str]:
    t = ProgrammeDialog.tr_static
    return {
        "order_class": t("Order class"),
        "commissioned": t("Commissioned training"),
        "early_employment": t("Early-employment class"),
        "on_the_job": t("On-the-job training"),
        "concentrated": t("Concentrated training"),
        "skills_workshop": t("Skills workshop"),
    }


def role_names() -> dict[str, str]:
    t = StaffDialog.tr_static
    names = {
        "mentor": t("Enterprise mentor"),
        "supervisor": t("On-site supervisor"),
        "teacher": t("School teacher"),
        "coordinator": t("Coordinator"),
        "hr": t("HR"),
    }
    return {key: names.get(key, key) for key in STAFF_ROLES}


def save_programme(
    store: Store, uid: str | None, fields: dict[str, object]
) -> programmes.ProgrammeView:
    """Change the programme ``uid``, or add one (no ``uid``)."""
    if uid:
        return programmes.update_programme(store, uid, **fields)
    fields = dict(fields)
    return programmes.create_programme(store, str(fields.pop("name")), **fields)  # type: ignore[arg-type]


def save_staff(store: Store, uid: str | None, fields: dict[str, object]) -> staff.StaffView:
    """Change the staff member ``uid``, or add one (no ``uid``)."""
    fields = dict(fields)
    cohorts = fields.pop("cohorts")
    if uid:
        return staff.update_staff(store, uid, cohorts=cohorts, **fields)  # type: ignore[arg-type]
    return staff.create_staff(store, str(fields.pop("name")), cohorts=cohorts, **fields)  # type: ignore[arg-type]


class _SavingDialog(QDialog):
    """OK saves through an operation: closes on its success, shows its refusal otherwise."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.layout_ = QVBoxLayout(self)
        self.fields = QFormLayout()
        self.layout_.addLayout(self.fields)
        self.message = QLabel()
        self.message.setObjectName("dialogMessage")
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saved: object = None

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.message)
        self.layout_.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def save(self, call: Callable[..., object], *args: object) -> None:
        self.message.clear()
        self.buttons.setEnabled(False)
        CollectionOp(call, *args, changes=PEOPLE_CHANGED).success(self._saved).failure(
            self._refused
        ).run(self.worker, self)

    def _saved(self, result: object) -> None:
        self.saved = result
        self.buttons.setEnabled(True)
        super().accept()

    def _refused(self, message: str) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(message)


def _date_edit(value: object) -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox()
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    # The order the list shows dates in, never a two-digit year.
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(value) if value else QDate.currentDate())  # type: ignore[call-overload]
    check.setChecked(value is not None)
    edit.setEnabled(value is not None)
    check.toggled.connect(edit.setEnabled)
    return check, edit


class ProgrammeDialog(_SavingDialog):
    """Name, kind (one of the six), school and enterprise partners, start and end."""

    @staticmethod
    def tr_static(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("ProgrammeDialog", text)

    def __init__(
        self,
        worker: DatabaseWorker,
        programme: programmes.ProgrammeView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.uid = programme.uid if programme else None
        self.setWindowTitle(self.tr("Edit programme") if programme else self.tr("New programme"))
        self.name_edit = QLineEdit(programme.name if programme else "")
        self.name_edit.setObjectName("programmeNameEdit")
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("programmeKindCombo")
        if programme and not programme.kind:
            # An imported programme: its kind is chosen here, never assumed.
            self.kind_combo.addItem(self.tr("Not set: choose the kind"), "")
        for key, name in kind_names().items():
            self.kind_combo.addItem(name, key)
        if programme:
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(programme.kind)))
        self.school_edit = QLineEdit(programme.school if programme else "")
        self.enterprise_edit = QLineEdit(programme.enterprise if programme else "")
        self.start_check, self.start_edit = _date_edit(programme.start_date if programme else None)
        self.end_check, self.end_edit = _date_edit(programme.end_date if programme else None)
        self.fields.addRow(self.tr("Name"), self.name_edit)
        self.fields.addRow(self.tr("Kind"), self.kind_combo)
        self.fields.addRow(self.tr("School"), self.school_edit)
        self.fields.addRow(self.tr("Enterprise"), self.enterprise_edit)
        for label, check, edit in (
            (self.tr("Starts"), self.start_check, self.start_edit),
            (self.tr("Ends"), self.end_check, self.end_edit),
        ):
            row = QWidget()
            line = QFormLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addRow(check, edit)
            self.fields.addRow(label, row)
        self.finish_layout()

    def values(self) -> dict[str, object]:
        def day(check: QCheckBox, edit: QDateEdit) -> object:
            return edit.date().toPython() if check.isChecked() else None

        kind = self.kind_combo.currentData()
        return {
            "name": self.name_edit.text(),
            **({"kind": kind} if kind else {}),
            "school": self.school_edit.text(),
            "enterprise": self.enterprise_edit.text(),
            "start_date": day(self.start_check, self.start_edit),
            "end_date": day(self.end_check, self.end_edit),
        }

    def accept(self) -> None:
        self.save(save_programme, self.uid, self.values())


class StaffDialog(_SavingDialog):
    """Name, role, organisation and the cohorts they work with."""

    @staticmethod
    def tr_static(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("StaffDialog", text)

    def __init__(
        self,
        worker: DatabaseWorker,
        cohort_names: list[str],
        member: staff.StaffView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(worker, parent)
        self.uid = member.uid if member else None
        self.setWindowTitle(self.tr("Edit staff member") if member else self.tr("New staff member"))
        self.name_edit = QLineEdit(member.name if member else "")
        self.name_edit.setObjectName("staffNameEdit")
        self.role_combo = QComboBox()
        self.role_combo.setObjectName("staffRoleCombo")
        for key, name in role_names().items():
            self.role_combo.addItem(name, key)
        if member:
            self.role_combo.setCurrentIndex(max(0, self.role_combo.findData(member.role)))
        self.organisation_edit = QLineEdit(member.organisation if member else "")
        self.cohort_list = QListWidget()
        self.cohort_list.setObjectName("staffCohortList")
        self.cohort_list.setMaximumHeight(140)
        chosen = set(member.cohorts) if member else set()
        for name in cohort_names:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if name in chosen else Qt.CheckState.Unchecked)
            self.cohort_list.addItem(item)
        self.fields.addRow(self.tr("Name"), self.name_edit)
        self.fields.addRow(self.tr("Role"), self.role_combo)
        self.fields.addRow(self.tr("Organisation"), self.organisation_edit)
        self.fields.addRow(self.tr("Works with cohorts"), self.cohort_list)
        if not cohort_names:
            self.fields.addRow("", QLabel(self.tr("No cohort yet.")))
        self.finish_layout()

    def values(self) -> dict[str, object]:
        items = [self.cohort_list.item(n) for n in range(self.cohort_list.count())]
        return {
            "name": self.name_edit.text(),
            "role": self.role_combo.currentData(),
            "organisation": self.organisation_edit.text(),
            "cohorts": [i.text() for i in items if i.checkState() == Qt.CheckState.Checked],
        }

    def accept(self) -> None:
        self.save(save_staff, self.uid, self.values())
