"""The Trainees form's hire date and post, and the verdict of the cohort's entry rules beside
them, judged again as they are edited."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from ..core import entry_rules, posts
from ..core.rubric_text import in_language
from ..core.store import Store
from .localised import localised
from .operations import DatabaseWorker, QueryOp
from .translation import current_language

MEETS_STYLE = "color: #1b5e20;"
FAILS_STYLE = "color: #b71c1c;"


def post_choices(store: Store) -> list[tuple[str, str]]:
    """The plant's posts, each once: (English name, Chinese name), by English name."""
    found: dict[str, str] = {}
    for p in posts.list_posts(store):
        found.setdefault(p.name, p.name_zh)
    return sorted(found.items())


class HireFields(QObject):
    """Fills, reads and judges the hire date and post fields of the Trainees form.

    Whatever is typed goes to core as typed: the service checks it (``entry_rules``), both
    when the verdict is judged and when the trainee is saved.
    """

    def __init__(
        self,
        worker: DatabaseWorker,
        owner: QWidget,
        hire_edit: QLineEdit,
        post_combo: QComboBox,
        cohort_combo: QComboBox,
        verdict_label: QLabel,
    ) -> None:
        super().__init__(owner)
        self.worker = worker
        self.owner = owner
        self.hire_edit = hire_edit
        self.post_combo = post_combo
        self.cohort_combo = cohort_combo
        self.verdict_label = verdict_label
        self.verdict_label.hide()
        self._asked: tuple[str, str, str] | None = None
        # Judged after a pause in typing, not on every key.
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.judge)
        for signal in (
            hire_edit.textChanged,
            post_combo.currentTextChanged,
            cohort_combo.currentTextChanged,
        ):
            signal.connect(lambda _text: self._timer.start())

    def load_posts(self) -> None:
        QueryOp(post_choices).success(self._posts).run(self.worker, self.owner)

    def _posts(self, choices: list[tuple[str, str]]) -> None:
        post = self.post()
        self.post_combo.blockSignals(True)
        self.post_combo.clear()
        language = current_language()
        for english, chinese in choices:
            # Shown in the interface language; the stored name is the English one, which the
            # cohorts' entry rules name.
            shown = in_language(english, chinese, language)
            self.post_combo.addItem(shown, english)
            # The name in the other language as the choice's tooltip.
            other = english if shown != english else chinese
            if other:
                self.post_combo.setItemData(
                    self.post_combo.count() - 1, other, Qt.ItemDataRole.ToolTipRole
                )
        self._show_post(post)
        self.post_combo.blockSignals(False)

    def _show_post(self, post: str) -> None:
        index = self.post_combo.findData(post) if post else -1
        if index >= 0:
            self.post_combo.setCurrentIndex(index)
        else:
            self.post_combo.setCurrentIndex(-1)
            self.post_combo.setEditText(post)

    def fill(self, hire_date: date | None, post: str, known: bool) -> None:
        """Show a trainee's values; ``known`` False while only their list row is in (the
        fields are then blank and no verdict is shown until the whole record comes)."""
        self.hire_edit.setText(hire_date.isoformat() if hire_date else "")
        self._show_post(post)
        self._timer.stop()
        if known:
            self.judge()
        else:
            self._asked = None
            self.verdict_label.hide()

    def post(self) -> str:
        """The post as stored: a listed post's English name, else the text as typed."""
        text = self.post_combo.currentText()
        index = self.post_combo.currentIndex()
        if index >= 0 and self.post_combo.itemText(index) == text:
            return str(self.post_combo.itemData(index))
        return text

    def values(self) -> dict[str, object]:
        return {"hire_date": self.hire_edit.text(), "post": self.post()}

    def judge(self) -> None:
        asked = (self.cohort_combo.currentText(), self.hire_edit.text(), self.post())
        self._asked = asked
        QueryOp(entry_rules.judge, *asked).success(
            lambda verdict: self._show(asked, verdict)
        ).failure(lambda message: self._refused(asked, message)).run(self.worker, self.owner)

    def _refused(self, asked: tuple[str, str, str], message: str) -> None:
        """A hire date that cannot be saved: said beside the fields, before Save is pressed."""
        if asked != self._asked:
            return  # edited on meanwhile: a later answer is coming
        self.verdict_label.setStyleSheet(FAILS_STYLE)
        self.verdict_label.setText(message)
        self.verdict_label.show()

    def flush(self) -> None:
        """Judge now what waits for a pause in typing: before a save, so that the answers come
        back in the order asked (the verdict, then the save's)."""
        if self._timer.isActive():
            self._timer.stop()
            self.judge()

    def said_below(self, message: str) -> None:
        """The form's message under the fields now says ``message`` (a refused save): the same
        sentence is not said twice, one above the other."""
        if self.verdict_label.text() == message:
            self.verdict_label.hide()

    def _show(self, asked: tuple[str, str, str], verdict: entry_rules.Verdict | None) -> None:
        if asked != self._asked:
            return
        # The cohort is named just above: the verdict says only whether, and why not.
        label = self.verdict_label
        if verdict is None:
            label.hide()
            label.setText("")
            return
        if verdict.meets:
            label.setStyleSheet(MEETS_STYLE)
            label.setText(self.tr("Meets the cohort's entry rules"))
        else:
            label.setStyleSheet(FAILS_STYLE)
            label.setText(self.tr("Not yet eligible: %1").replace("%1", localised(verdict.reason)))
        label.show()
