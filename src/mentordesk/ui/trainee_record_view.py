"""A trainee's record: attendance with its rate, a chart per skill, notes — by period."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..core.rubric_choice import rubric_for_trainee
from ..core.rubrics import RubricView
from ..core.time_and_hours import hours_text
from ..core.trainee_record import TraineeRecord, trainee_record
from .attendance_history_model import AttendanceHistoryModel
from .coalesced_reload import CoalescedReload
from .forms import child, load_form
from .level_chart import LevelChart
from .localised import localised
from .note_category_names import note_category_names
from .notes_panel import notes_html
from .operations import Changes, DatabaseWorker, QueryOp
from .readiness_panel import TraineeReadinessPanel
from .record_figures import expectation_text
from .window_geometry import fitting_size

PERIODS = ("all", "30", "90", "year", "custom")


class TraineeRecordDialog(QDialog):
    """Read on the database worker; read again when the trainee's records change."""

    def __init__(
        self, worker: DatabaseWorker, trainee_uid: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self.trainee_uid = trainee_uid
        self.record: TraineeRecord | None = None
        self.resize(fitting_size(QSize(1000, 740)))
        self.form = load_form("trainee_record", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        f = self.form
        self.name_label = child(f, QLabel, "nameLabel")
        self.details_label = child(f, QLabel, "detailsLabel")
        self.period = child(f, QComboBox, "periodCombo")
        self.from_date = child(f, QDateEdit, "fromDate")
        self.to_date = child(f, QDateEdit, "toDate")
        self.figures_label = child(f, QLabel, "figuresLabel")
        self.attendance_table = child(f, QTableView, "attendanceTable")
        self.skills_container = child(f, QWidget, "skillsContainer")
        self.notes_list = child(f, QTextBrowser, "notesList")
        child(f, QDialogButtonBox, "buttonBox").rejected.connect(self.reject)
        self.readiness = TraineeReadinessPanel(worker, trainee_uid, self)
        child(f, QTabWidget, "recordTabs").addTab(self.readiness, self.tr("Readiness"))

        self.attendance_model = AttendanceHistoryModel(self)
        self.attendance_table.setModel(self.attendance_model)
        self.attendance_table.verticalHeader().setVisible(False)
        self.attendance_table.horizontalHeader().setStretchLastSection(True)
        self.attendance_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.Interactive
        )
        self.skills_grid = QGridLayout(self.skills_container)
        self.skills_grid.setSpacing(12)
        self.categories = note_category_names()
        self.max_level = 5
        self.level_labels: dict[int, str] = {}
        # Asked first: the worker answers in order, so the scale is known when the charts are.
        QueryOp(rubric_for_trainee, trainee_uid).success(self._rubric_arrived).run(worker, self)
        self._later = CoalescedReload(self, self.reload, wait_hidden=True)
        worker.changes.subscribe(self, self._records_changed)

        for key, text in zip(
            PERIODS,
            (
                self.tr("All time"),
                self.tr("Last 30 days"),
                self.tr("Last 90 days"),
                self.tr("This year"),
                self.tr("Between dates"),
            ),
            strict=True,
        ):
            self.period.addItem(text, key)
        today = QDate.currentDate()
        self.from_date.setDate(today.addDays(-30))
        self.to_date.setDate(today)
        self.period.currentIndexChanged.connect(self._period_changed)
        self.from_date.dateChanged.connect(lambda _: self.reload())
        self.to_date.dateChanged.connect(lambda _: self.reload())
        self._period_changed()

    def _rubric_arrived(self, rubric: RubricView | None) -> None:
        if rubric is not None:
            self.max_level = rubric.max_level
            self.readiness.max_level = rubric.max_level
            self.level_labels = {lv.level: lv.label for lv in rubric.levels}

    def _records_changed(self, changes: Changes) -> None:
        uid = self.trainee_uid
        if (
            changes.attendance
            or uid in changes.ratings
            or uid in changes.notes
            or changes.touches_sessions()
            or changes.touches_trainees()
        ):
            self._later.request()
        self.readiness.records_changed(changes)

    # -- period -----------------------------------------------------------------------------

    def bounds(self) -> tuple[date | None, date | None]:
        key = self.period.currentData()
        today = date.today()
        if key == "30":
            return today - timedelta(days=30), today
        if key == "90":
            return today - timedelta(days=90), today
        if key == "year":
            return date(today.year, 1, 1), today
        if key == "custom":
            return self.from_date.date().toPython(), self.to_date.date().toPython()  # type: ignore[return-value]
        return None, None

    def _period_changed(self) -> None:
        custom = self.period.currentData() == "custom"
        self.from_date.setEnabled(custom)
        self.to_date.setEnabled(custom)
        self.reload()

    # -- content ----------------------------------------------------------------------------

    def reload(self) -> None:
        start, end = self.bounds()
        QueryOp(trainee_record, self.trainee_uid, start, end).success(self._show_record).failure(
            self.figures_label.setText
        ).run(self.worker, self)

    def _show_record(self, r: TraineeRecord) -> None:
        self.record = r
        t = r.trainee
        self.setWindowTitle(self.tr("Trainee record — %1").replace("%1", t.name))
        self.name_label.setText(t.name)
        self.details_label.setText(
            " · ".join(
                p
                for p in (
                    t.trainee_id,
                    t.cohort,
                    t.track,
                    t.employee_no,
                    t.status if t.status != "active" else "",
                )
                if p
            )
        )
        fig = r.figures
        rate = r.attendance_rate
        self.figures_label.setText(
            self.tr(
                "Attendance rate <b>%1</b> · sessions %2 · present %3 · late %4 · left early %5"
                " · absent %6 · excused %7 · hours credited %8 · skills rated %9"
            )
            .replace("%1", f"{rate:.0%}" if rate is not None else "—")
            .replace("%2", str(fig.sessions))
            .replace("%3", str(fig.present))
            .replace("%4", str(fig.late))
            .replace("%5", str(fig.left_early))
            .replace("%6", str(fig.absent))
            .replace("%7", str(fig.excused))
            .replace("%8", localised(hours_text(fig.hours)))
            .replace("%9", str(fig.skills_rated))
        )
        # Beside the rate: over how many expected sessions, the forgotten ones, hours vs plan.
        self.figures_label.setText(f"{self.figures_label.text()}<br>{expectation_text(r)}")
        self.attendance_model.set_rows(r.attendance)
        self.attendance_table.resizeColumnsToContents()
        self._show_skills(r)
        self._show_notes(r)

    def _show_skills(self, r: TraineeRecord) -> None:
        while self.skills_grid.count():
            item = self.skills_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        if not r.skills:
            empty = QLabel(self.tr("No skill rated in this period."))
            self.skills_grid.addWidget(empty, 0, 0)
            return
        for n, history in enumerate(r.skills):
            chart = LevelChart(history, self.max_level, self.level_labels, self.skills_container)
            chart.setObjectName(f"chart_{history.code}")
            self.skills_grid.addWidget(chart, n // 2, n % 2)
        self.skills_grid.setRowStretch(len(r.skills) // 2 + 1, 1)

    def _show_notes(self, r: TraineeRecord) -> None:
        self.notes_list.setHtml(
            notes_html(
                list(r.notes),
                self.categories,
                self.tr("at %1"),
                self.tr("No notes in this period."),
            )
        )


def open_trainee_record(
    worker: DatabaseWorker, trainee_uid: str, parent: QWidget | None
) -> QDialog:
    """Show a trainee's record beside the window it was opened from (it does not block it)."""
    dialog = TraineeRecordDialog(worker, trainee_uid, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
