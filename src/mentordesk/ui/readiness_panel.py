"""Job readiness in the window: a trainee against a post of their programme (sentence and
chart, on the trainee record), and a cohort's trainees × a post's skills coloured by gap."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core import cohorts
from ..core.posts import list_posts, posts_for_trainee
from ..core.readiness import Readiness, ReadinessMatrix, cohort_matrix, trainee_readiness
from ..core.rubric_text import post_in
from ..core.rubrics import PostView
from ..core.store import Store
from .localised import localised
from .operations import Changes, DatabaseWorker, QueryOp
from .readiness_chart import ReadinessChart, gap_colour
from .translation import current_language


def _posts_in(posts: list[PostView], language: str) -> list[PostView]:
    return [post_in(p, language) for p in posts]


def trainee_posts(store: Store, trainee_uid: str, language: str) -> list[PostView]:
    """The posts of the trainee's programme, named in ``language``."""
    return _posts_in(posts_for_trainee(store, trainee_uid), language)


def export_matrix(store: Store, cohort: str, post_uid: str, path: str, language: str) -> str:
    """Write the matrix to ``path`` (on the worker: the file libraries load only here)."""
    from ..exchange.readiness_matrix import write_readiness_matrix

    write_readiness_matrix(store, cohort, post_uid, Path(path), language)
    return path


def matrix_choices(store: Store, language: str) -> tuple[list[str], list[PostView]]:
    """The cohorts and the posts (newest rubric versions) a matrix can be asked for."""
    return [c.name for c in cohorts.list_cohorts(store)], _posts_in(list_posts(store), language)


class TraineeReadinessPanel(QWidget):
    """Pick a post: the readiness sentence, and target vs latest level per skill."""

    def __init__(
        self, worker: DatabaseWorker, trainee_uid: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.trainee_uid = trainee_uid
        self.max_level = 5
        self.readiness: Readiness | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.post_combo = QComboBox()
        self.post_combo.setObjectName("readinessPostCombo")
        form.addRow(self.tr("Post"), self.post_combo)
        layout.addLayout(form)
        self.sentence = QLabel()
        self.sentence.setObjectName("readinessSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setStyleSheet(
            "font-size: 12pt; padding: 6px; background: #eceff1; border-radius: 4px;"
        )
        layout.addWidget(self.sentence)
        self.chart_holder = QVBoxLayout()
        layout.addLayout(self.chart_holder)
        self.legend = QLabel(
            self.tr(
                "Grey: target level · coloured: latest level (green at target, orange below)"
                " · ?: not yet rated"
            )
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #546e7a;")
        layout.addWidget(self.legend)
        layout.addStretch(1)
        self.chart: ReadinessChart | None = None
        self.post_combo.currentIndexChanged.connect(lambda _n: self.reload())
        QueryOp(trainee_posts, trainee_uid, current_language()).success(self._posts).failure(
            self.sentence.setText
        ).run(worker, self)

    def _posts(self, posts: list[PostView]) -> None:
        self.post_combo.blockSignals(True)
        self.post_combo.clear()
        for p in posts:
            self.post_combo.addItem(p.name, p.uid)
        self.post_combo.blockSignals(False)
        if not posts:
            self.sentence.setText(self.tr("No post to judge readiness against yet."))
            return
        self.reload()

    def reload(self) -> None:
        uid = self.post_combo.currentData()
        if uid:
            QueryOp(trainee_readiness, self.trainee_uid, uid, current_language()).success(
                self._show
            ).failure(self.sentence.setText).run(self.worker, self)

    def records_changed(self, changes: Changes) -> None:
        if self.trainee_uid in changes.ratings or changes.everything:
            self.reload()

    def _show(self, readiness: Readiness) -> None:
        self.readiness = readiness
        self.sentence.setText(localised(readiness.sentence()))
        if self.chart is not None:
            self.chart.deleteLater()
        self.chart = ReadinessChart(readiness, self.max_level, self)
        self.chart.setObjectName("readinessChart")
        self.chart_holder.addWidget(self.chart)


class CohortReadinessPane(QWidget):
    """A cohort × a post: each trainee's latest level per skill, coloured by its gap, the
    gap written in the cell."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.matrix: ReadinessMatrix | None = None
        layout = QVBoxLayout(self)
        line = QHBoxLayout()
        self.cohort_combo = QComboBox()
        self.cohort_combo.setObjectName("matrixCohortCombo")
        self.post_combo = QComboBox()
        self.post_combo.setObjectName("matrixPostCombo")
        self.post_combo.setMinimumContentsLength(24)
        line.addWidget(QLabel(self.tr("Cohort")))
        line.addWidget(self.cohort_combo)
        line.addWidget(QLabel(self.tr("Post")))
        line.addWidget(self.post_combo)
        line.addStretch(1)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("matrixExportButton")
        self.export_button.clicked.connect(self.export)
        line.addWidget(self.export_button)
        layout.addLayout(line)
        self.summary = QLabel()
        self.summary.setObjectName("matrixSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget()
        self.table.setObjectName("readinessMatrix")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.table, 1)
        self.cohort_combo.currentIndexChanged.connect(lambda _n: self.reload())
        self.post_combo.currentIndexChanged.connect(lambda _n: self.reload())
        self.refresh()

    def refresh(self) -> None:
        QueryOp(matrix_choices, current_language()).success(self._choices).run(self.worker, self)

    def _choices(self, found: tuple[list[str], list[PostView]]) -> None:
        names, posts = found
        for combo, items in (
            (self.cohort_combo, [(n, n) for n in names]),
            (self.post_combo, [(p.name, p.uid) for p in posts]),
        ):
            kept = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(kept)))
            combo.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        cohort, post = self.cohort_combo.currentData(), self.post_combo.currentData()
        if not cohort or not post:
            self.table.clear()
            self.table.setRowCount(0)
            self.summary.setText(self.tr("Choose a cohort and a post."))
            return
        QueryOp(cohort_matrix, cohort, post, current_language()).success(self._show).failure(
            self.summary.setText
        ).run(self.worker, self)

    def ask_path(self) -> str:
        """Where to save the matrix ("" when the user cancels; tests answer it)."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            self.tr("Export readiness"),
            "readiness.xlsx",
            self.tr("Workbooks (*.xlsx);;PDF to print (*.pdf)"),
        )
        return path

    def export(self) -> None:
        cohort, post = self.cohort_combo.currentData(), self.post_combo.currentData()
        path = self.ask_path() if cohort and post else ""
        if path:
            QueryOp(export_matrix, cohort, post, path, current_language()).success(
                lambda saved: self.summary.setText(self.tr("Saved %1").replace("%1", saved))
            ).failure(self.summary.setText).run(self.worker, self)

    def _show(self, matrix: ReadinessMatrix) -> None:
        self.matrix = matrix
        columns = matrix.columns
        self.table.clear()
        self.table.setColumnCount(len(columns) + 2)
        self.table.setRowCount(len(matrix.rows))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Trainee"), self.tr("At target")]
            + [
                self.tr("%1\ntarget %2").replace("%1", c.code).replace("%2", str(c.target))
                for c in columns
            ]
        )
        for n, c in enumerate(columns, start=2):
            self.table.horizontalHeaderItem(n).setToolTip(c.name)
        for r, row in enumerate(matrix.rows):
            self.table.setItem(r, 0, QTableWidgetItem(f"{row.name} ({row.trainee_id})"))
            self.table.setItem(r, 1, QTableWidgetItem(f"{row.at_target}/{len(columns)}"))
            for n, (level, gap) in enumerate(zip(row.levels, row.gaps, strict=True), start=2):
                if level is None:
                    text = "—"
                elif gap:
                    text = self.tr("%1 (−%2)").replace("%1", str(level)).replace("%2", str(gap))
                else:
                    text = str(level)
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                item.setBackground(QBrush(gap_colour(gap)))
                self.table.setItem(r, n, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr("%1 trainees; %2 ready for %3.")
            .replace("%1", str(len(matrix.rows)))
            .replace("%2", str(sum(1 for r in matrix.rows if r.at_target == len(columns))))
            .replace("%3", matrix.post)
            if matrix.rows
            else self.tr("No trainee in this cohort.")
        )
