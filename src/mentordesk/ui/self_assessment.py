"""Self-assessment: the PC handed to one trainee, who rates their own skills as role ``self``.

The window covers the screen and is application-modal, so nothing else of MentorDesk can be
reached: no navigation, no menu, no other trainee. Closing it, Escape and Alt+F4 are ignored;
the only way back is "Hand back to mentor" with the PIN the mentor chose when handing over
(core/hand_back.py says why a PIN per hand-over). Reads and ratings go through the database
worker like every other view.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import ratings
from ..core.errors import UserError
from ..core.hand_back import HandBackLock
from ..core.rating_grid import RatingGrid
from ..core.rubric_text import descriptors_in, in_language
from .handed_over import HandedOverWindow
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .translation import current_language

ROLE = "self"


class HandOverDialog(QDialog):
    """The mentor chooses the PIN that brings the PC back to them."""

    def __init__(self, trainee_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Hand over for self-assessment"))
        self.lock: HandBackLock | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "%1 will see only their own skills and rate them. Choose a PIN: it is needed "
                "to leave self-assessment."
            ).replace("%1", trainee_name)
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="pinEdit")
        self.repeat = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="repeatEdit")
        form.addRow(self.tr("PIN"), self.pin)
        form.addRow(self.tr("PIN again"), self.repeat)
        layout.addLayout(form)
        self.message = QLabel(objectName="handOverMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        try:
            self.lock = HandBackLock(self.pin.text(), self.repeat.text())
        except UserError as exc:
            self.message.setText(str(exc))
            return
        super().accept()


class SelfAssessmentWindow(HandedOverWindow):
    """One trainee's skills, each with a level to pick; nothing else."""

    def __init__(
        self,
        worker: DatabaseWorker,
        trainee_uid: str,
        trainee_name: str,
        lock: HandBackLock,
        ask_pin: Callable[[QWidget], str | None] | None = None,
    ) -> None:
        super().__init__(lock, ask_pin)
        self.setObjectName("selfAssessmentWindow")
        self.worker = worker
        self.trainee_uid = trainee_uid
        self.grid: RatingGrid | None = None
        # The rubric's own texts in the interface language (the trainee's, as set on this PC).
        self.language = current_language()
        self.setWindowTitle(self.tr("Self-assessment — %1").replace("%1", trainee_name))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 24, 32, 24)
        top = QHBoxLayout()
        title = QLabel(self.tr("Self-assessment: %1").replace("%1", trainee_name))
        title.setObjectName("titleLabel")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        top.addWidget(title, 1)
        self.back_button = QPushButton(self.tr("Hand back to mentor…"), objectName="handBackButton")
        self.back_button.setMinimumHeight(44)
        self.back_button.clicked.connect(self.ask_to_hand_back)
        top.addWidget(self.back_button)
        layout.addLayout(top)
        hint = QLabel(
            self.tr(
                "Pick the level you think you have reached in each skill. Your mentor sees "
                "your view beside theirs; it does not replace it."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.table = QTableWidget(0, 3, objectName="selfGrid")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Skill"), self.tr("My level"), self.tr("What the level means")]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        layout.addWidget(self.table, 1)
        self.message = QLabel(objectName="selfMessage")
        layout.addWidget(self.message)
        self.load()

    # -- the grid ---------------------------------------------------------------------------

    def load(self) -> None:
        QueryOp(ratings.rating_grid, trainee_uid=self.trainee_uid, role=ROLE).success(
            self._arrived
        ).failure(self._say).run(self.worker, self)

    def _arrived(self, grid: RatingGrid) -> None:
        self.grid = grid
        self.table.setRowCount(len(grid.skills))
        for row, skill in enumerate(grid.skills):
            name = in_language(skill.name, skill.name_zh, self.language)
            self.table.setItem(row, 0, QTableWidgetItem(f"{skill.code}  {name}"))
            combo = QComboBox(objectName=f"level_{skill.code}")
            combo.addItem(self.tr("Not rated"), None)
            for lv in grid.levels:
                label = in_language(lv.label, lv.label_zh, self.language)
                combo.addItem(f"{lv.level} · {label}", lv.level)
            cell = grid.cell(self.trainee_uid, skill.uid)
            combo.setCurrentIndex(max(combo.findData(cell.level), 0))
            self.table.setItem(row, 2, QTableWidgetItem(self._meaning(row, cell.level)))
            combo.currentIndexChanged.connect(
                lambda _i, r=row, c=combo: self._picked(r, c.currentData())
            )
            self.table.setCellWidget(row, 1, combo)

    def _picked(self, row: int, level: int | None) -> None:
        if self.grid is None or level is None:
            return
        skill = self.grid.skills[row]
        self.table.setItem(row, 2, QTableWidgetItem(self._meaning(row, level)))
        CollectionOp(
            ratings.rate,
            self.trainee_uid,
            skill.uid,
            level,
            role=ROLE,
            changes=Changes(ratings=frozenset({self.trainee_uid})),
        ).success(lambda _view: self._say("")).failure(self._say).run(self.worker, self)

    def _meaning(self, row: int, level: int | None) -> str:
        assert self.grid is not None
        skill = self.grid.skills[row]
        texts = descriptors_in(skill.descriptors, skill.descriptors_zh, self.language)
        return texts[level - 1] if level and 0 < level <= len(texts) else ""

    def _say(self, text: str) -> None:
        self.message.setText(text)


def start_self_assessment(
    worker: DatabaseWorker, trainee_uid: str, trainee_name: str, window: QWidget
) -> SelfAssessmentWindow | None:
    """Ask the mentor for a PIN, then hide ``window`` and hand the screen to the trainee."""
    dialog = HandOverDialog(trainee_name, window)
    if dialog.exec() != QDialog.DialogCode.Accepted or dialog.lock is None:
        return None
    return enter_self_assessment(worker, trainee_uid, trainee_name, window, dialog.lock)


def enter_self_assessment(
    worker: DatabaseWorker,
    trainee_uid: str,
    trainee_name: str,
    window: QWidget,
    lock: HandBackLock,
    ask_pin: Callable[[QWidget], str | None] | None = None,
) -> SelfAssessmentWindow:
    mode = SelfAssessmentWindow(worker, trainee_uid, trainee_name, lock, ask_pin)
    window.hide()
    mode.handed_back.connect(window.show)
    mode.showFullScreen()
    mode.activateWindow()
    return mode
