"""The Assessments area's list: who, period, state and result of each assessment version."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from ..core.assessment_views import AssessmentView
from ..core.time_and_hours import local_date
from .table_columns import fit_columns

NAME_COLUMN = 0


class AssessmentList(QObject):
    """Fills ``table`` (a QTableWidget of ``forms/assessments.ui``) with assessment rows."""

    def __init__(
        self, table: QTableWidget, states: dict[str, str], results: dict[str, str]
    ) -> None:
        super().__init__(table)
        self.table = table
        self.states = states
        self.results = results
        self.rows: list[AssessmentView] = []
        self._sized = False
        # Who, when, and where it stands first: at 1366 px the list shows about five columns.
        # The area's context keeps the catalogue's words (literal calls: lupdate reads them).
        headers = [
            QCoreApplication.translate("AssessmentsArea", "Trainee"),
            QCoreApplication.translate("AssessmentsArea", "Trainee ID"),
            QCoreApplication.translate("AssessmentsArea", "Period"),
            QCoreApplication.translate("AssessmentsArea", "State"),
            QCoreApplication.translate("AssessmentsArea", "Result"),
            QCoreApplication.translate("AssessmentsArea", "Version"),
            QCoreApplication.translate("AssessmentsArea", "Signed on"),
            QCoreApplication.translate("AssessmentsArea", "Cohort"),
        ]
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().setVisible(False)
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.horizontalHeader().setStretchLastSection(True)

    def fill(self, rows: list[AssessmentView], keep: str | None) -> None:
        """Show ``rows``; select the one with uid ``keep``, else the first (no signals)."""
        self.rows = rows
        table = self.table
        table.blockSignals(True)
        table.setRowCount(len(rows))
        for row, v in enumerate(rows):
            cells = [
                v.trainee_name,
                v.trainee_id,
                f"{v.period_start:%Y-%m-%d} – {v.period_end:%Y-%m-%d}",
                self.states.get(v.state, v.state),
                self.results.get(v.result, v.result),
                str(v.version),
                f"{local_date(v.signed_at):%Y-%m-%d}" if v.signed_at else "",
                v.cohort,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == NAME_COLUMN:
                    item.setToolTip(text)  # the whole name, when the column elides it
                if v.state == "superseded":
                    item.setForeground(Qt.GlobalColor.gray)
                table.setItem(row, col, item)
        if rows and not self._sized:
            fit_columns(table, NAME_COLUMN)
            self._sized = True
        uids = [v.uid for v in rows]
        if keep in uids:
            table.selectRow(uids.index(keep))
        elif rows:
            table.selectRow(0)
        else:
            table.clearSelection()
        table.blockSignals(False)

    def selected(self) -> AssessmentView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.rows[rows[0].row()] if rows else None
