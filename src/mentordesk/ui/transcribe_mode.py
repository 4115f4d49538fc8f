"""Transcribing a paper sign-in sheet: the same roster in the same order, one trainee at a time.

The printed sheet lists the session's roster as Today does (``exchange.session_sheet`` reads
``attendance.session_roster``), so the dialog walks the roster on screen from its first row:
the status keys of normal marking, the minutes late or the hours attended after L or O, Enter
for the next trainee. Each mark is saved like a key in the roster (``MarkSaving``: shown at
once, undone with Ctrl+Z in Today).
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core import attendance
from ..core.capture_views import MarkState, RosterRow
from ..core.time_and_hours import hours_text
from .localised import localised
from .roster_model import STATUS_KEYS, RosterModel

if TYPE_CHECKING:
    from .attendance_panel import AttendancePanel

KEY_STATUS = {getattr(Qt.Key, f"Key_{k}"): status for status, k in STATUS_KEYS.items()}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
BACK_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Backspace)


class TranscribeDialog(QDialog):
    """Walks ``panel``'s roster; ``position`` is the trainee shown (0-based)."""

    def __init__(self, panel: AttendancePanel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcribeDialog")
        self.panel = panel
        session = panel.session
        assert session is not None
        self.session_uid = session.uid
        self.session_hours = session.hours
        self.order = [r.trainee_uid for r in panel.model.rows()]
        self.position = 0
        # L or O waits for its minutes or hours until Enter.
        self.pending: str | None = None
        self.setWindowTitle(self.tr("Transcribe paper sheet"))
        self.resize(640, 420)
        layout = QVBoxLayout(self)
        self.session_label = QLabel(session.title, self)
        self.session_label.setWordWrap(True)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("progressLabel")
        self.progress_label.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.trainee_label = QLabel(self)
        self.trainee_label.setObjectName("traineeLabel")
        self.trainee_label.setStyleSheet("font-size: 20pt; font-weight: 600;")
        self.trainee_label.setWordWrap(True)
        self.mark_label = QLabel(self)
        self.mark_label.setObjectName("markLabel")
        self.mark_label.setStyleSheet("font-size: 14pt;")
        self.minutes = QSpinBox(self)
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(self.tr(" min"))
        self.hours = QDoubleSpinBox(self)
        self.hours.setRange(0.0, 24.0)
        self.hours.setSingleStep(0.5)
        self.hours.setSuffix(self.tr(" h"))
        details = QFormLayout()
        details.addRow(self.tr("Minutes late (after L)"), self.minutes)
        details.addRow(self.tr("Hours attended (after O)"), self.hours)
        names = panel.model.status_names
        # The sheet's box for left early reads LE; the key is the roster's O.
        names = dict(
            names, left_early=self.tr("%1 (LE on the sheet)").replace("%1", names["left_early"])
        )
        keys = "   ".join(f"{STATUS_KEYS[s]} {names[s]}" for s in STATUS_KEYS)
        self.keys_label = QLabel(
            self.tr("%1 · Enter: next · ↑: back · Esc: close").replace("%1", keys), self
        )
        self.keys_label.setWordWrap(True)
        self.keys_label.setStyleSheet("color: #424242; font-size: 11pt;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for widget in (self.session_label, self.progress_label, self.trainee_label):
            layout.addWidget(widget)
        layout.addWidget(self.mark_label)
        layout.addLayout(details)
        layout.addStretch(1)
        layout.addWidget(self.keys_label)
        layout.addWidget(buttons)
        for editor in (self.minutes, self.hours):
            editor.installEventFilter(self)
        panel.model.dataChanged.connect(self._show)
        panel.model.modelReset.connect(self._show)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._show()

    # -- what is shown ----------------------------------------------------------------------

    @property
    def done(self) -> bool:
        return self.position >= len(self.order)

    def _row(self) -> RosterRow | None:
        if self.done:
            return None
        model = self.panel.model
        return model.row_at(model.row_of(self.order[self.position]))

    def _show(self, *_changed: object) -> None:
        total = len(self.order)
        row = self._row()
        if row is None:
            self.progress_label.setText(
                self.tr("All %1 transcribed").replace("%1", str(total))
                if total
                else self.tr("This session has nobody on its roster.")
            )
            self.trainee_label.setText("")
            self.mark_label.setText(self.tr("Esc closes; the marks are in Today."))
            self._editors(None)
            return
        self.progress_label.setText(
            self.tr("%1 of %2").replace("%1", str(self.position + 1)).replace("%2", str(total))
        )
        self.trainee_label.setText(f"{self.position + 1}.  {row.trainee_id}  {row.name}")
        names = self.panel.model.status_names
        if self.pending is not None:
            # Waiting for Enter: an answer arriving for an earlier trainee must not hide it.
            self.mark_label.setText(
                self.tr("Late: type the minutes late, then Enter")
                if self.pending == "late"
                else self.tr("Left early: type the hours attended, then Enter")
            )
        elif row.mark is not None:
            text = names[row.mark.status]
            if row.mark.status == "late":
                text += self.tr(", %1 min").replace("%1", str(row.mark.minutes_late))
            text += self.tr(", %1 credited").replace("%1", localised(hours_text(row.mark.hours)))
            self.mark_label.setText(self.tr("Now: %1").replace("%1", text))
        elif row.on_leave:
            self.mark_label.setText(self.tr("Now: on approved leave (not expected)"))
        else:
            self.mark_label.setText(self.tr("Now: not marked"))
        self._editors(self.pending)

    def _editors(self, pending: str | None) -> None:
        self.minutes.setEnabled(pending == "late")
        self.hours.setEnabled(pending == "left_early")

    # -- keys -------------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        plain = not event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        )
        if plain and key in KEY_STATUS and not self.done:
            self.status_key(KEY_STATUS[key])
        elif key in ENTER_KEYS:
            self.next()
        elif key in BACK_KEYS:
            self.back()
        elif key == Qt.Key.Key_Down:
            self.next()
        else:
            super().keyPressEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and watched in (self.minutes, self.hours):
            key: QKeyEvent = event  # type: ignore[assignment]
            if key.key() in ENTER_KEYS:
                spin: QAbstractSpinBox = watched  # type: ignore[assignment]
                spin.interpretText()
                self.next()
                return True
            if key.key() == Qt.Key.Key_Escape:
                self.pending = None
                self.setFocus()
                self._show()
                return True
        return super().eventFilter(watched, event)

    def status_key(self, status: str) -> None:
        """P, A, E: marked, on to the next; L, O: the minutes or hours first, then Enter."""
        if status == "late":
            self._wait_for(status, self.minutes, 0)
        elif status == "left_early":
            self._wait_for(status, self.hours, self.session_hours)
        else:
            self._save(status)
            self._go(self.position + 1)

    def _wait_for(self, status: str, editor: QAbstractSpinBox, value: float) -> None:
        self.pending = status
        self._editors(status)
        self._show()
        editor.setValue(value)  # type: ignore[attr-defined]
        editor.setFocus()
        editor.selectAll()

    def next(self) -> None:
        """Save what waits for Enter (late, left early), then the next trainee."""
        if self.pending == "late":
            self._save("late", minutes_late=self.minutes.value())
        elif self.pending == "left_early":
            self._save("left_early", hours=self.hours.value())
        self._go(self.position + 1)

    def back(self) -> None:
        self._go(self.position - 1)

    def _go(self, position: int) -> None:
        self.pending = None
        self.position = min(max(position, 0), len(self.order))
        self.setFocus()
        row = self._row()
        if row is not None:
            # The roster behind follows: its notes and record show the same trainee.
            table = self.panel.table
            i = self.panel.model.row_of(row.trainee_uid)
            table.setCurrentIndex(self.panel.model.index(i, RosterModel.STATUS))
        self._show()

    def _save(
        self, status: str, *, minutes_late: int | None = None, hours: float | None = None
    ) -> None:
        row = self._row()
        if row is None or self.panel.sessions.uid != self.session_uid:
            return
        old = row.mark
        shown = replace(
            row,
            previous=old,
            mark=MarkState(
                status,
                minutes_late or 0,
                hours if hours is not None else (old.hours if old else 0.0),
                old.note if old else "",
            ),
        )
        s_uid, t_uid = self.session_uid, row.trainee_uid
        self.panel.model.update_row(shown)
        self.panel.saving.change(
            s_uid,
            f"{self.panel.model.status_names[status]}: {row.name}",
            [shown],
            lambda store: attendance.mark(
                store, s_uid, t_uid, status, minutes_late=minutes_late, hours=hours
            ),
        )
