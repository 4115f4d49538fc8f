"""The calendar's "Planned sessions" tab: a cohort's week template, what generating would change,
and its coming sessions, each of which can be cancelled or reinstated.

Generate is offered only after a preview of the template on screen, so that what it does is
what the user has just read; editing the template asks for a new preview.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, time

from PySide6.QtCore import QObject, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTimeEdit,
    QWidget,
)

from ..core import planned_sessions, session_plan, staff
from ..core.cohorts import CohortView
from ..core.store import Store
from .calendar_lists import RecordListModel
from .forms import child
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp

# Dates shown in the preview before "…": enough to check the first weeks against the plan.
PREVIEW_DATES = 6

SessionsTab = tuple[
    list[session_plan.SlotSpec], list[staff.StaffView], list[planned_sessions.UpcomingSession]
]


def read_sessions_tab(store: Store, cohort_uid: str, since: date) -> SessionsTab:
    return (
        session_plan.week_of(store, cohort_uid),
        staff.list_staff(store),
        planned_sessions.upcoming_sessions(store, cohort_uid, since),
    )


def save_and_preview(
    store: Store, cohort_uid: str, slots: list[session_plan.SlotSpec]
) -> session_plan.PlanChanges:
    """Keep the week template (as ``plan edit --week`` does), then what ``plan sessions
    --dry-run`` says generating would change."""
    session_plan.set_week(store, cohort_uid, slots)
    return session_plan.plan_many_sessions(store, [cohort_uid], dry_run=True)[0]


def _when(day: date, start: time | None) -> str:
    return f"{day.isoformat()} {start:%H:%M}" if start else day.isoformat()


class PlannedSessionsPanel(QObject):
    def __init__(
        self,
        form: QWidget,
        worker: DatabaseWorker,
        say: Callable[[str, bool], None],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.worker = worker
        self._say = say
        self._cohort: CohortView | None = None
        # The cohort whose template is in the widgets: a later read keeps what is typed there.
        self._template_of = ""
        self.today = date.today()
        box = child(form, QWidget, "weekdayBox")
        days = QHBoxLayout(box)
        days.setContentsMargins(0, 0, 0, 0)
        names = (
            self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
            self.tr("Fri"), self.tr("Sat"), self.tr("Sun"),
        )  # fmt: skip
        self.day_checks = [QCheckBox(name, box) for name in names]
        for check in self.day_checks:
            days.addWidget(check)
        self.start_time = child(form, QTimeEdit, "startTimeEdit")
        self.end_time = child(form, QTimeEdit, "endTimeEdit")
        self.workshop = child(form, QLineEdit, "workshopEdit")
        self.mentor = child(form, QComboBox, "mentorCombo")
        self.topic = child(form, QLineEdit, "topicEdit")
        self.preview_button = child(form, QPushButton, "previewButton")
        self.generate_button = child(form, QPushButton, "generateButton")
        self.preview = child(form, QLabel, "previewLabel")
        self.upcoming_label = child(form, QLabel, "upcomingLabel")
        self.table = child(form, QTableView, "sessionTable")
        self.cancel_button = child(form, QPushButton, "cancelSessionButton")
        self.reinstate_button = child(form, QPushButton, "reinstateButton")

        self.model = RecordListModel(
            [
                self.tr("Date"), self.tr("Time"), self.tr("Workshop"), self.tr("Topic"),
                self.tr("Mentor"), self.tr("State"),
            ],
            self,
        )  # fmt: skip
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for check in self.day_checks:
            check.toggled.connect(lambda _on: self._template_edited())
        for edit in (self.start_time, self.end_time):
            edit.timeChanged.connect(lambda _t: self._template_edited())
        for line in (self.workshop, self.topic):
            line.textEdited.connect(lambda _t: self._template_edited())
        self.mentor.activated.connect(lambda _i: self._template_edited())
        self.preview_button.clicked.connect(self.preview_plan)
        self.generate_button.clicked.connect(self.generate)
        self.cancel_button.clicked.connect(lambda: self._cancel(True))
        self.reinstate_button.clicked.connect(lambda: self._cancel(False))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    # -- reading ----------------------------------------------------------------------------

    def show_cohort(self, cohort: CohortView | None) -> None:
        changed = (cohort.uid if cohort else None) != (self._cohort.uid if self._cohort else None)
        self._cohort = cohort
        if changed:
            self.preview.setText("")
            self.generate_button.setEnabled(False)
        self.reload()

    def reload(self) -> None:
        cohort = self._cohort
        if cohort is None:
            self.model.set_rows([])
            self._update_buttons()
            return
        QueryOp(read_sessions_tab, cohort.uid, self.today).success(
            lambda found: self._read(cohort.uid, found)
        ).failure(lambda m: self._say(m, False)).run(self.worker, self)

    def _read(self, cohort_uid: str, found: SessionsTab) -> None:
        if self._cohort is None or self._cohort.uid != cohort_uid:
            return  # another cohort was chosen meanwhile
        week, people, upcoming = found
        if self._template_of != cohort_uid:
            self._template_of = cohort_uid
            self._fill_template(week, people)
        states = {
            "cancelled": self.tr("cancelled"),
            "planned": self.tr("planned"),
            "hand": self.tr("made by hand"),
        }
        rows = []
        for s in upcoming:
            times = (
                f"{s.start_time:%H:%M}–{s.end_time:%H:%M}" if s.start_time and s.end_time else ""
            )
            state = "cancelled" if s.cancelled else ("planned" if s.planned else "hand")
            texts = [s.held_on.isoformat(), times, s.location, s.module, s.mentor, states[state]]
            rows.append((s, texts, s.cancelled))
        self.model.set_rows(rows)
        if upcoming:
            self.upcoming_label.setText(
                self.tr("Sessions from %1 on:").replace("%1", self.today.isoformat())
            )
        else:
            self.upcoming_label.setText(
                self.tr(
                    "No session from %1 on. Fill in the week template, preview, then generate."
                ).replace("%1", self.today.isoformat())
            )
        self._update_buttons()

    def _fill_template(
        self, week: list[session_plan.SlotSpec], people: list[staff.StaffView]
    ) -> None:
        widgets = [*self.day_checks, self.start_time, self.end_time, self.mentor]
        for w in widgets:
            w.blockSignals(True)
        days = {slot.weekday for slot in week}
        for n, check in enumerate(self.day_checks):
            check.setChecked(n in days if week else n < 5)
        first = week[0] if week else None
        self.start_time.setTime(QTime(first.start if first else time(8)))
        self.end_time.setTime(QTime(first.end if first else time(12)))
        self.workshop.setText(first.location if first else "")
        self.topic.setText(first.module if first else "")
        self.mentor.clear()
        self.mentor.addItem(self.tr("(no mentor)"), "")
        for p in people:
            if not p.withdrawn:
                self.mentor.addItem(p.name, p.uid)
        self.mentor.setCurrentIndex(max(self.mentor.findData(first.mentor_uid if first else ""), 0))
        for w in widgets:
            w.blockSignals(False)

    # -- the template and the plan ----------------------------------------------------------

    def slots(self) -> list[session_plan.SlotSpec]:
        start, end = self.start_time.time().toPython(), self.end_time.time().toPython()
        return [
            session_plan.SlotSpec(
                day,
                start,
                end,
                self.workshop.text(),
                self.topic.text(),
                "",
                str(self.mentor.currentData() or ""),
            )
            for day, check in enumerate(self.day_checks)
            if check.isChecked()
        ]

    def _template_edited(self) -> None:
        self.generate_button.setEnabled(False)
        if self.preview.text():
            self.preview.setText(self.tr("The template changed: preview again before generating."))

    def preview_plan(self) -> None:
        if self._cohort is None:
            return
        self.generate_button.setEnabled(False)
        CollectionOp(save_and_preview, self._cohort.uid, self.slots(), changes=Changes()).success(
            self._previewed
        ).failure(self._refused).run(self.worker, self)

    def _refused(self, message: str) -> None:
        self.preview.setText("")
        self._say(message, False)

    def _previewed(self, changes: session_plan.PlanChanges) -> None:
        added = ", ".join(_when(d, t) for d, t in changes.added[:PREVIEW_DATES])
        if len(changes.added) > PREVIEW_DATES:
            added += ", …"
        removed = ", ".join(_when(d, t) for d, t in changes.removed[:PREVIEW_DATES])
        if len(changes.removed) > PREVIEW_DATES:
            removed += ", …"
        lines = [
            self.tr("Generating would add %1 sessions, take away %2 and keep %3.")
            .replace("%1", str(len(changes.added)))
            .replace("%2", str(len(changes.removed)))
            .replace("%3", str(changes.unchanged))
        ]
        if added:
            lines.append(self.tr("Added: %1").replace("%1", added))
        if removed:
            lines.append(self.tr("Taken away: %1").replace("%1", removed))
        self.preview.setText("\n".join(lines))
        self._say(self.tr("Week template saved; nothing else has changed yet."), True)
        self.generate_button.setEnabled(bool(changes.added or changes.removed))

    def generate(self) -> None:
        if self._cohort is None:
            return
        self.generate_button.setEnabled(False)
        CollectionOp(
            session_plan.plan_many_sessions, [self._cohort.uid], changes=Changes(sessions=True)
        ).success(self._generated).failure(self._refused).run(self.worker, self)

    def _generated(self, done: list[session_plan.PlanChanges]) -> None:
        changes = done[0]
        self.preview.setText("")
        self._say(
            self.tr("%1 sessions added, %2 taken away.")
            .replace("%1", str(len(changes.added)))
            .replace("%2", str(len(changes.removed))),
            True,
        )
        self.reload()

    # -- one session ------------------------------------------------------------------------

    def selected(self) -> planned_sessions.UpcomingSession | None:
        rows = self.table.selectionModel().selectedRows()
        found = self.model.record_at(rows[0].row()) if rows else None
        return found if isinstance(found, planned_sessions.UpcomingSession) else None

    def select_uid(self, uid: str) -> None:
        for row in range(self.model.rowCount()):
            found = self.model.record_at(row)
            if isinstance(found, planned_sessions.UpcomingSession) and found.uid == uid:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        chosen = self.selected()
        self.cancel_button.setEnabled(chosen is not None and not chosen.cancelled)
        self.reinstate_button.setEnabled(chosen is not None and chosen.cancelled)
        self.preview_button.setEnabled(self._cohort is not None)

    def _cancel(self, cancelled: bool) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        done = (
            self.tr("Session of %1 cancelled.")
            if cancelled
            else self.tr("Session of %1 reinstated.")
        )
        CollectionOp(
            session_plan.cancel_session, chosen.uid, cancelled, changes=Changes(sessions=True)
        ).success(
            lambda _r: (
                self._say(done.replace("%1", chosen.held_on.isoformat()), True),
                self.reload(),
            )
        ).failure(lambda m: self._say(m, False)).run(self.worker, self)
