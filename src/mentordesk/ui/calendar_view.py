"""The Calendar area: every cohort's school and plant weeks at a glance, and for the cohort
selected its blocks, its holidays and closures, and its planned sessions.

Everything is read and changed through the services the ``plan`` command calls.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from ..core import calendar_plan, cohorts, days_off
from ..core.calendar_plan import BlockView
from ..core.cohorts import CohortView
from ..core.store import Store
from .area import FormArea
from .calendar_dialogs import PLAN_CHANGES, BlockDialog, PlanDialog
from .calendar_lists import RecordListModel
from .calendar_sessions import PlannedSessionsPanel
from .calendar_week_model import (
    PLANT_COLOUR,
    SCHOOL_COLOUR,
    CalendarOverview,
    CalendarWeekModel,
    WeekDelegate,
)
from .forms import child
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp

ERROR_STYLE = "color: #b00020;"
OK_STYLE = "color: #1b5e20;"
# Every day off the user keeps, whatever plan it falls in.
DAYS_OFF_FROM = date(1900, 1, 1)
DAYS_OFF_TO = date(9999, 12, 31)
WEEK_COLUMN_WIDTH = 46
WEEK_ROW_HEIGHT = 30
LIST_ROW_HEIGHT = 24


def read_overview(store: Store) -> CalendarOverview:
    found = cohorts.list_cohorts(store)
    return CalendarOverview(
        found,
        {c.uid: calendar_plan.list_blocks(store, c.uid) for c in found},
        days_off.list_days_off(store, DAYS_OFF_FROM, DAYS_OFF_TO),
    )


class CalendarArea(FormArea):
    """Reads and saves through the database worker."""

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        super().__init__("calendar", parent)
        self.worker = worker
        self.today = date.today()
        f = self.form
        self.week_stack = child(f, QStackedWidget, "weekStack")
        self.week_table = child(f, QTableView, "weekTable")
        self.empty_label = child(f, QLabel, "emptyLabel")
        self.legend = child(f, QLabel, "legendLabel")
        self.cohort_panel = child(f, QWidget, "cohortPanel")
        self.cohort_heading = child(f, QLabel, "cohortHeading")
        self.tabs = child(f, QTabWidget, "cohortTabs")
        self.plan_state = child(f, QLabel, "planStateLabel")
        self.block_table = child(f, QTableView, "blockTable")
        self.new_plan_button = child(f, QPushButton, "newPlanButton")
        self.today_button = child(f, QPushButton, "todayButton")
        self.add_block_button = child(f, QPushButton, "addBlockButton")
        self.edit_block_button = child(f, QPushButton, "editBlockButton")
        self.delete_block_button = child(f, QPushButton, "deleteBlockButton")
        self.day_off_table = child(f, QTableView, "dayOffTable")
        self.day_off_date = child(f, QDateEdit, "dayOffDate")
        self.day_off_kind = child(f, QComboBox, "dayOffKind")
        self.day_off_label = child(f, QLineEdit, "dayOffLabel")
        self.add_day_off_button = child(f, QPushButton, "addDayOffButton")
        self.remove_day_off_button = child(f, QPushButton, "removeDayOffButton")
        self.message = child(f, QLabel, "messageLabel")

        self.model = CalendarWeekModel(self)
        self.week_table.setModel(self.model)
        self.week_table.setItemDelegate(WeekDelegate(self.week_table))
        header = self.week_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(WEEK_COLUMN_WIDTH)
        self.week_table.verticalHeader().setDefaultSectionSize(WEEK_ROW_HEIGHT)
        self.week_table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.week_table.selectionModel().currentChanged.connect(self._cell_changed)
        self.week_table.doubleClicked.connect(self._cell_opened)

        self.places = {"school": self.tr("school"), "plant": self.tr("plant")}
        self.kinds = {"holiday": self.tr("holiday"), "closure": self.tr("closure")}
        self.blocks = RecordListModel(
            [self.tr("From"), self.tr("To"), self.tr("Place"), self.tr("Days"),
             self.tr("Planned hours")],
            self,
        )  # fmt: skip
        self.days_off = RecordListModel(
            [self.tr("Date"), self.tr("Kind"), self.tr("What"), self.tr("For")], self
        )
        for table, model in ((self.block_table, self.blocks), (self.day_off_table, self.days_off)):
            table.setModel(model)
            table.verticalHeader().setVisible(False)
            table.verticalHeader().setDefaultSectionSize(LIST_ROW_HEIGHT)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        # The label of a day off is the one column that may be long.
        self.day_off_table.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.block_table.doubleClicked.connect(lambda _i: self.edit_block())
        self.day_off_kind.addItem(self.tr("Holiday, every cohort"), "holiday")
        self.day_off_kind.addItem(self.tr("Closure, this cohort"), "closure")
        self.day_off_date.setDate(QDate(self.today.year, self.today.month, self.today.day))
        self.legend.setText(
            self.tr(
                "%1 school · %2 plant · ◆ a holiday or closure that week · the framed column is "
                "this week. Point at a week for its dates and planned hours."
            )
            .replace("%1", _swatch(SCHOOL_COLOUR.name(), self.model.cell_letter("school")))
            .replace("%2", _swatch(PLANT_COLOUR.name(), self.model.cell_letter("plant")))
        )

        self.sessions = PlannedSessionsPanel(f, worker, self._say, self)
        self.new_plan_button.clicked.connect(lambda: self.new_plan(single=False))
        self.today_button.clicked.connect(self.scroll_to_today)
        self.add_block_button.clicked.connect(lambda: self.new_plan(single=True))
        self.edit_block_button.clicked.connect(self.edit_block)
        self.delete_block_button.clicked.connect(self.delete_block)
        self.add_day_off_button.clicked.connect(self.add_day_off)
        self.remove_day_off_button.clicked.connect(self.remove_day_off)
        self.splitter = child(f, QSplitter, "splitter")
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        worker.changes.subscribe(self, self._records_changed)

        self._overview = CalendarOverview([], {}, [])
        self._cohort_uid = ""
        self._scrolled = False
        self.refresh()

    # -- reading ----------------------------------------------------------------------------

    def refresh(self) -> None:
        # A window left open overnight moves its "this week" on.
        self.today = date.today()
        QueryOp(read_overview).success(self._read).failure(self._say).run(self.worker, self)

    def _records_changed(self, changes: Changes) -> None:
        if changes.touches_sessions() or changes.touches_trainees():
            self.refresh()

    def _read(self, overview: CalendarOverview) -> None:
        self._overview = overview
        self.model.set_overview(overview, self.today)
        has_cohorts = bool(overview.cohorts)
        self.week_stack.setCurrentWidget(self.week_table if has_cohorts else self.empty_label)
        self.cohort_panel.setVisible(has_cohorts)
        self.new_plan_button.setEnabled(has_cohorts)
        self.today_button.setEnabled(has_cohorts)
        self.legend.setVisible(has_cohorts)
        row = max(self.model.row_of(self._cohort_uid), 0)
        self.week_table.resizeColumnToContents(-1)
        self.week_table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        if has_cohorts:
            column = self.week_table.currentIndex().column()
            if column < 0:
                column = max(self.model.today_column(), 0)
            self.week_table.setCurrentIndex(self.model.index(row, column))
        if not self._scrolled and has_cohorts:
            self._scrolled = True
            self._fit_week_view()
            self.scroll_to_today()
        self._show_cohort(self.model.cohort_at(row) if has_cohorts else None)

    def _fit_week_view(self) -> None:
        """Give the week view the height of its rows (up to half the area), the rest to the
        cohort's tabs."""
        table = self.week_table
        wanted = (
            table.horizontalHeader().sizeHint().height()
            + self.model.rowCount() * WEEK_ROW_HEIGHT
            + table.horizontalScrollBar().sizeHint().height()
            + 2 * table.frameWidth()
            + 4
        )
        total = sum(self.splitter.sizes()) or self.height()
        top = min(wanted, total // 2)
        self.splitter.setSizes([top, max(total - top, 0)])

    def scroll_to_today(self) -> None:
        column = self.model.today_column()
        row = max(self.week_table.currentIndex().row(), 0)
        if column >= 0 and self.model.rowCount():
            self.week_table.scrollTo(
                self.model.index(row, column), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _cell_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        cohort = self.model.cohort_at(current.row())
        if cohort is not None and cohort.uid != self._cohort_uid:
            self._show_cohort(cohort)

    def _cell_opened(self, index: QModelIndex) -> None:
        """A double click on a week opens its block, or a new plan where there is none."""
        found = self.model.blocks_at(index.row(), index.column())
        if found:
            self._edit(found[0])
        else:
            self.new_plan(single=False)

    def cohort(self) -> CohortView | None:
        return next((c for c in self._overview.cohorts if c.uid == self._cohort_uid), None)

    def _show_cohort(self, cohort: CohortView | None) -> None:
        self._cohort_uid = cohort.uid if cohort else ""
        blocks = self._overview.blocks.get(cohort.uid, []) if cohort else []
        self.blocks.set_rows(
            [
                (
                    b,
                    [
                        b.starts_on.isoformat(),
                        b.ends_on.isoformat(),
                        self.places.get(b.place, b.place),
                        str(b.days),
                        f"{b.planned_hours:g}" if b.place == "plant" else "",
                    ],
                    False,
                )
                for b in blocks
            ]
        )
        off = self._overview.days_off_of(cohort.name) if cohort else []
        everyone = self.tr("every cohort")
        self.days_off.set_rows(
            [
                (d, [d.day.isoformat(), self.kinds.get(d.kind, d.kind), d.label,
                     d.cohort or everyone], False)
                for d in off
            ]
        )  # fmt: skip
        if cohort is None:
            self.cohort_heading.setText("")
            self.plan_state.setText("")
        else:
            self.cohort_heading.setText(cohort.name)
            if blocks:
                planned = sum(b.planned_hours for b in blocks)
                self.plan_state.setText(
                    self.tr("%1 blocks from %2 to %3, %4 planned practice hours.")
                    .replace("%1", str(len(blocks)))
                    .replace("%2", blocks[0].starts_on.isoformat())
                    .replace("%3", blocks[-1].ends_on.isoformat())
                    .replace("%4", f"{planned:g}")
                )
            else:
                self.plan_state.setText(
                    self.tr(
                        "No plan yet for %1: press New plan… to lay out its school and plant weeks"
                    ).replace("%1", cohort.name)
                )
        self.sessions.today = self.today
        self.sessions.show_cohort(cohort)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has = self.cohort() is not None
        self.add_block_button.setEnabled(has)
        block = self._selected(self.block_table, self.blocks)
        self.edit_block_button.setEnabled(block is not None)
        self.delete_block_button.setEnabled(block is not None)
        self.add_day_off_button.setEnabled(has)
        self.remove_day_off_button.setEnabled(
            self._selected(self.day_off_table, self.days_off) is not None
        )

    @staticmethod
    def _selected(table: QTableView, model: RecordListModel) -> object:
        rows = table.selectionModel().selectedRows()
        return model.record_at(rows[0].row()) if rows else None

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet(OK_STYLE if ok else ERROR_STYLE)
        self.message.setText(text)

    # -- the plan ---------------------------------------------------------------------------

    def new_plan(self, single: bool = False) -> PlanDialog | None:
        """Open the new-plan dialog (``single``: on one block); shown, not waited for."""
        if not self._overview.cohorts:
            return None
        dialog = PlanDialog(self.worker, self._overview.cohorts, self._cohort_uid, self.today, self)
        if single:
            dialog.single_choice.setChecked(True)
        dialog.accepted.connect(lambda: self._planned(dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _planned(self, dialog: PlanDialog) -> None:
        self._cohort_uid = str(dialog.cohort.currentData() or self._cohort_uid)
        self._say(self.tr("Plan saved."), True)
        self.refresh()

    def edit_block(self) -> BlockDialog | None:
        block = self._selected(self.block_table, self.blocks)
        return self._edit(block) if isinstance(block, BlockView) else None

    def _edit(self, block: BlockView) -> BlockDialog:
        dialog = BlockDialog(self.worker, block, self)
        dialog.accepted.connect(lambda: (self._say(self.tr("Block saved."), True), self.refresh()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def delete_block(self) -> None:
        block = self._selected(self.block_table, self.blocks)
        if not isinstance(block, BlockView):
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete block"),
            self.tr("Delete the %1 block from %2 to %3? Sessions already made stay until you "
                    "generate the plan's sessions again.")
            .replace("%1", self.places.get(block.place, block.place))
            .replace("%2", block.starts_on.isoformat())
            .replace("%3", block.ends_on.isoformat()),
        )  # fmt: skip
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._change(calendar_plan.delete_block, block.uid, done=self.tr("Block deleted."))

    def add_day_off(self) -> None:
        cohort = self.cohort()
        if cohort is None:
            return
        kind = str(self.day_off_kind.currentData())
        entry = days_off.DayOffEntry(self.day_off_date.date().toPython(), self.day_off_label.text())
        scope = cohort.uid if kind == "closure" else ""
        self._change(
            days_off.add_days_off, [entry], kind=kind, cohort_key=scope,
            done=self.tr("Day off added."), already=self.tr("That day is already off."),
        )  # fmt: skip
        self.day_off_label.clear()

    def remove_day_off(self) -> None:
        day = self._selected(self.day_off_table, self.days_off)
        if isinstance(day, days_off.DayOffView):
            self._change(days_off.remove_day_off, day.uid, done=self.tr("Day off removed."))

    def _change(self, call, *args, done: str, already: str = "", **kwargs) -> None:  # type: ignore[no-untyped-def]
        """A change to the plan; on success say ``done`` (``already``: an empty answer) and
        read the calendar again."""

        def succeeded(result: object) -> None:
            self._say(already if already and not result else done, True)
            self.refresh()

        CollectionOp(call, *args, changes=PLAN_CHANGES, **kwargs).success(succeeded).failure(
            self._say
        ).run(self.worker, self)

    def take_focus(self) -> bool:
        if self.week_stack.currentWidget() is self.week_table:
            self.week_table.setFocus(Qt.FocusReason.OtherFocusReason)
            return True
        return False


def _swatch(colour: str, letter: str) -> str:
    return f'<span style="background-color: {colour}; color: #212121;">&nbsp;{letter}&nbsp;</span>'
