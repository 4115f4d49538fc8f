"""The notes side panel of the Today area: category chips, the text, the trainee's notes."""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QButtonGroup,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QWidget,
)

from ..core import notes
from ..core.capture_views import NOTE_CATEGORIES
from ..core.notes import NoteView
from ..core.time_and_hours import moment_text
from .capture_undo import OperationCommand
from .forms import child
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .steady_text import SteadyText

if TYPE_CHECKING:
    from ..core.store import Store
    from .today_session import SessionOnScreen

NOTES_DELAY_MS = 150
# Two across: "Communication" and its Chinese stay whole in a narrow panel.
CHIP_COLUMNS = 2
CHIP_STYLE = (
    "QPushButton { border: 1px solid #90a4ae; border-radius: 14px; padding: 4px 6px;"
    " min-height: 22px; background: #eceff1; }"
    "QPushButton:checked { background: #1565c0; color: white; border-color: #0d47a1; }"
)


def plain(label: str) -> str:
    """A button label without its shortcut marker: "&Safety" → "Safety", "安全(&S)" → "安全"."""
    return re.sub(r"\s*\(&\w\)", "", label).replace("&", "")


def notes_html(found: list[NoteView], names: dict[str, str], at: str, empty: str) -> str:
    """Notes newest first as rich text: category, when, who, the text, the session.

    Rich text, not list items: items sized by one font cut off lines set in another (Chinese
    falls back to a taller font).
    """
    parts = []
    for n in found:
        when = moment_text(n.written_at)
        where = (
            f'<br><span style="color:#607d8b">{escape(at.replace("%1", n.session_label))}</span>'
            if n.session_label
            else ""
        )
        body = escape(n.text).replace("\n", "<br>")
        parts.append(
            f'<p style="margin-bottom:14px"><b>{escape(names.get(n.category, n.category))}</b>'
            f" · {when} · {escape(n.author)}<br>{body}{where}</p>"
        )
    return "".join(parts) or f"<p>{escape(empty)}</p>"


class NotesPanel(QObject):
    """Binds the notes widgets of ``forms/today.ui``; notes go to the trainee shown, at the
    session on screen (``sessions``)."""

    def __init__(
        self,
        worker: DatabaseWorker,
        form: QWidget,
        undo_stack: QUndoStack,
        sessions: SessionOnScreen,
        report: Callable[[str, bool], None],
    ) -> None:
        super().__init__(form)
        self.worker = worker
        self.undo_stack = undo_stack
        self.sessions = sessions
        self._report = report
        self.trainee_uid: str | None = None
        self.group = child(form, QGroupBox, "notesPanel")
        # A name breaks between words onto a second line kept for it: moving down the roster
        # must not make the notes below jump, nor lay the window out again, at every name.
        self.who = SteadyText(child(form, QLabel, "noteTraineeLabel"), " ")
        self.text = child(form, QPlainTextEdit, "noteText")
        self.save_button = child(form, QPushButton, "saveNoteButton")
        self.message = child(form, QLabel, "noteMessage")
        self.list = child(form, QTextBrowser, "noteList")
        self.names = {
            "teamwork": self.tr("&Teamwork"),
            "communication": self.tr("&Communication"),
            "safety": self.tr("&Safety"),
            "initiative": self.tr("&Initiative"),
            "innovation": self.tr("In&novation"),
            "attitude": self.tr("&Attitude"),
            "other": self.tr("Ot&her"),
        }
        chips = child(form, QWidget, "categoryChips")
        grid = QGridLayout(chips)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        self.chips = QButtonGroup(self)
        for n, category in enumerate(NOTE_CATEGORIES):
            chip = QPushButton(self.names[category], chips)
            chip.setCheckable(True)
            chip.setStyleSheet(CHIP_STYLE)
            chip.setProperty("category", category)
            chip.setToolTip(self.tr("Alt + the underlined letter"))
            chip.setObjectName(f"chip_{category}")
            self.chips.addButton(chip, n)
            grid.addWidget(chip, n // CHIP_COLUMNS, n % CHIP_COLUMNS)
        self.chips.button(0).setChecked(True)
        self.save_button.clicked.connect(self.save)
        self.text.installEventFilter(self)
        self._load_timer = QTimer(self, singleShot=True, interval=NOTES_DELAY_MS)
        self._load_timer.timeout.connect(self.reload)
        self.set_trainee(None, "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.text
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)  # type: ignore[attr-defined]
            and event.modifiers() & Qt.KeyboardModifier.ControlModifier  # type: ignore[attr-defined]
        ):
            self.save()
            return True
        return super().eventFilter(watched, event)

    @property
    def category(self) -> str:
        checked = self.chips.checkedButton()
        return str(checked.property("category")) if checked else "other"

    def set_trainee(self, trainee_uid: str | None, name: str) -> None:
        if trainee_uid == self.trainee_uid and trainee_uid is not None:
            return
        self.trainee_uid = trainee_uid
        self.who.set_text(name or self.tr("Choose a trainee in the list"))
        enabled = trainee_uid is not None
        self.text.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        # Marking runs down the list every few milliseconds: nothing here may ask for more
        # layout or painting than the change shows. setText("") on an empty label does nothing;
        # clear() would lay the window out again, and clear() on an empty list repaint it.
        self.message.setText("")
        if not self.list.document().isEmpty():
            self.list.clear()
        # Marking runs down the list faster than notes could load: load once the cursor rests.
        self._load_timer.start()

    def reload(self) -> None:
        if self.trainee_uid is None:
            self.list.clear()
            return
        uid = self.trainee_uid
        QueryOp(notes.list_notes, uid).success(lambda found: self._show(uid, found)).failure(
            self.message.setText
        ).run(self.worker, self)

    def _show(self, trainee_uid: str, found: list[NoteView]) -> None:
        if trainee_uid != self.trainee_uid:
            return
        self.list.setHtml(
            notes_html(
                found,
                {k: plain(v) for k, v in self.names.items()},
                self.tr("at %1"),
                self.tr("No notes yet."),
            )
        )

    def save(self) -> None:
        if self.trainee_uid is None:
            return
        uid = self.trainee_uid
        text = self.text.toPlainText()
        changes = Changes(notes=frozenset({uid}))
        category, session_uid = self.category, self.sessions.uid
        made: list[str] = []

        def add(store: Store) -> NoteView:
            note = notes.add_note(store, uid, category, text, session_uid=session_uid)
            made.append(note.uid)
            return note

        CollectionOp(add, changes=changes).success(lambda _note: self._saved(uid)).failure(
            lambda message: self._refused(text, message)
        ).run(self.worker, self)
        # Cleared at once: the next note can be typed while this one is saved.
        self.text.clear()

        def put(store: Store, restore: bool) -> None:
            # After the note was added, in the worker's order; nothing if it was refused.
            for note_uid in made:
                (notes.restore_note if restore else notes.delete_note)(store, note_uid)

        def again(restore: bool) -> None:
            CollectionOp(put, restore, changes=changes).success(
                lambda _none: self._saved(uid, quiet=True)
            ).failure(self._error).run(self.worker, self)

        self.undo_stack.push(
            OperationCommand(self.tr("note"), lambda: again(False), lambda: again(True))
        )

    def _saved(self, trainee_uid: str, quiet: bool = False) -> None:
        if not quiet and trainee_uid == self.trainee_uid:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("Saved."))
        if trainee_uid == self.trainee_uid:
            self.reload()

    def _refused(self, text: str, message: str) -> None:
        # The words typed come back, to be corrected rather than typed again.
        if not self.text.toPlainText():
            self.text.setPlainText(text)
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(message)

    def _error(self, message: str) -> None:
        self._report(message, True)
