"""Column widths of the lists: each column as wide as what it holds, except a person's name.

One very long name ("Muhammad Abdul-Rahman bin …") must not push the columns after it (cohort,
status, state, result) out of a 1366-pixel window: a name column is as wide as its longest
name up to about NAME_CHARS characters, and longer names are elided (the full name is in the
row's tooltip).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

NAME_CHARS = 26


def name_column_width(view: QTableView) -> int:
    """The widest a name column gets in ``view``'s font."""
    metrics = view.fontMetrics()
    return metrics.averageCharWidth() * NAME_CHARS + 2 * metrics.horizontalAdvance("M")


def fit_columns(view: QTableView, name_column: int) -> None:
    """Size the columns to their contents, the name column no wider than a name needs."""
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.resizeColumnsToContents()
    cap = name_column_width(view)
    if view.columnWidth(name_column) > cap:
        view.setColumnWidth(name_column, cap)
