"""The main window: a navigation of the product's areas over a stack of area views."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .area import FormArea
from .operations import Changes, DatabaseWorker, QueryOp
from .preferences import preferences
from .window_geometry import restore_geometry, save_geometry

if TYPE_CHECKING:
    from ..core.store import Store

# (key, module, class): an area's view is built the first time it is shown.
AREAS = (
    ("today", "today_view", "TodayArea"),
    ("trainees", "trainees_view", "TraineesArea"),
    ("assessments", "assessments_view", "AssessmentsArea"),
    ("calendar", "calendar_view", "CalendarArea"),
    ("programmes", "programmes_view", "ProgrammesArea"),
    ("sync", "sync_view", "SyncArea"),
    ("settings", "settings_view", "SettingsArea"),
)


class MainWindow(QMainWindow):
    """The navigation and the areas. Until the worker has opened the store, the area shown
    says that the records are opening; its view is built once they are open."""

    # The area shown first is built and its records are on screen (Today: the roster).
    ready = Signal()

    def __init__(self, worker: DatabaseWorker, parent: QWidget | None = None) -> None:
        """``worker``: the database worker, its store open or still opening."""
        super().__init__(parent)
        self.worker = worker
        self.setWindowTitle(self.tr("MentorDesk"))
        self.content, self.navigation, self.stack = _frame(self)
        self.setCentralWidget(self.content)
        self.navigation.setStyleSheet(
            "QListWidget { background: #263238; color: #eceff1; font-size: 12pt; padding-top: 8px;"
            " outline: 0; }"
            "QListWidget::item { padding: 10px 14px; }"
            "QListWidget::item:selected { background: #37474f; color: white;"
            " border-left: 4px solid #ff9800; }"
        )
        titles = {
            "today": self.tr("Today"),
            "trainees": self.tr("Trainees"),
            "assessments": self.tr("Assessments"),
            "calendar": self.tr("Calendar"),
            "programmes": self.tr("Programmes"),
            "sync": self.tr("Sync"),
            "settings": self.tr("Settings"),
        }
        self._views: dict[str, FormArea] = {}
        self._placeholders: list[QLabel] = []
        for number, (key, _module, _cls) in enumerate(AREAS, start=1):
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", titles[key]).replace("%2", str(number))
            )
            self.navigation.addItem(item)
            holder = QLabel(self.tr("Opening your records…"))
            holder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self._placeholders.append(holder)
            self.stack.addWidget(holder)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda row=number - 1: self.go_to(row))
        self.navigation.currentRowChanged.connect(self.show_area)
        # A click (or Enter) on an area sends the keys into it, so that the shortcuts printed
        # on its buttons work at once; arrow keys still browse the list.
        self.navigation.itemClicked.connect(lambda _item: self.focus_area())
        self.navigation.itemActivated.connect(lambda _item: self.focus_area())

        self.user_label = QLabel()
        self.statusBar().addPermanentWidget(self.user_label)
        # The areas are the window's children, and what they change concerns it too.
        worker.changes.subscribe(self, self._records_changed, parts=False)
        restore_geometry(self)
        start = str(preferences().value("ui/area", "today"))
        keys = [key for key, _, _ in AREAS]
        self.navigation.setCurrentRow(keys.index(start) if start in keys else 0)
        self.focus_area()
        if worker.is_open:
            self._opened()
        else:
            worker.opened.connect(self._opened)

    def _opened(self) -> None:
        """The store is open: build the area on screen, then read the status bar (the worker
        reads in the order asked: the area's records first)."""
        self.show_area(self.navigation.currentRow())
        self.update_status()
        view = self.stack.currentWidget()
        if isinstance(view, FormArea):
            if view.has_read:
                self.ready.emit()
            else:
                view.first_read.connect(self.ready)
        self.focus_area()

    def area(self, key: str) -> FormArea:
        """The view of an area, built on first use."""
        if key not in self._views:
            row = [k for k, _, _ in AREAS].index(key)
            _, module_name, class_name = AREAS[row]
            module = importlib.import_module(f"{__package__}.{module_name}")
            factory: type[FormArea] = getattr(module, class_name)
            view = factory(self.worker, self)
            self.stack.removeWidget(self._placeholders[row])
            self.stack.insertWidget(row, view)
            self._views[key] = view
        return self._views[key]

    def show_area(self, row: int) -> None:
        if row < 0:
            return
        key = AREAS[row][0]
        preferences().setValue("ui/area", key)
        if not self.worker.is_open:
            self.stack.setCurrentIndex(row)
            return
        shown_before = key in self._views
        view = self.area(key)
        self.stack.setCurrentWidget(view)
        if shown_before:
            view.refresh()

    def go_to(self, row: int) -> None:
        """Show the area in that row of the navigation, with the keys in it."""
        self.navigation.setCurrentRow(row)
        self.focus_area()

    def focus_area(self) -> None:
        """Focus into the area shown: its own choice (``take_focus``), else the widget that had
        the focus there last, else its first widget that takes focus by Tab."""
        view = self.stack.currentWidget()
        if isinstance(view, FormArea) and view.take_focus():
            return
        target = view.focusWidget()
        if target is None or not target.isVisible() or not target.isEnabled():
            target = _first_in_tab_order(view)
        (target or view).setFocus(Qt.FocusReason.OtherFocusReason)

    def update_status(self) -> None:
        """Who uses this installation, and where the records are (read on the worker)."""
        QueryOp(_who_and_where).success(self._show_status).run(self.worker, self)

    def _show_status(self, found: tuple[str | None, str]) -> None:
        who, where = found
        who = who or self.tr("profile not set (Settings)")
        self.user_label.setText(self.tr("%1 · %2").replace("%1", who).replace("%2", where))

    def _records_changed(self, changes: Changes) -> None:
        if changes.settings or changes.everything:
            self.update_status()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self)
        super().closeEvent(event)


def _frame(window: QMainWindow) -> tuple[QWidget, QListWidget, QStackedWidget]:
    """The window's frame: the navigation beside the stack of areas. Made here rather than in a
    Designer form: the first form loaded pays QUiLoader's one-time set-up, which the areas'
    forms may pay once the window is on screen."""
    content = QWidget(window)
    content.setObjectName("MainContent")
    layout = QHBoxLayout(content)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    navigation = QListWidget(content)
    navigation.setObjectName("navigation")
    navigation.setMinimumWidth(150)
    navigation.setMaximumWidth(190)
    navigation.setFrameShape(QFrame.Shape.NoFrame)
    navigation.setIconSize(QSize(24, 24))
    navigation.setSpacing(2)
    stack = QStackedWidget(content)
    stack.setObjectName("areas")
    layout.addWidget(navigation)
    layout.addWidget(stack)
    return content, navigation, stack


def _who_and_where(store: Store) -> tuple[str | None, str]:
    # On the worker: the window's module does not load the store's libraries before it shows.
    from ..core import staff

    me = staff.local_user(store)
    return (me.name if me else None, store.path.name if store.path else store.location)


def _first_in_tab_order(view: QWidget) -> QWidget | None:
    """The first widget inside ``view`` that Tab would reach."""
    tab = Qt.FocusPolicy.TabFocus.value
    widget = view.nextInFocusChain()
    for _ in range(len(view.findChildren(QWidget)) + 1):
        if widget is view or widget is None:
            return None
        if (
            view.isAncestorOf(widget)
            and widget.isVisible()
            and widget.isEnabled()
            and widget.focusPolicy().value & tab
        ):
            return widget
        widget = widget.nextInFocusChain()
    return None
