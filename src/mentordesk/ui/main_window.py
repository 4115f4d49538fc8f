"""The main window: a navigation of the product's areas over a stack of area views."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from .forms import child, load_form
from .preferences import preferences
from .store_opening import service
from .window_geometry import restore_geometry, save_geometry

if TYPE_CHECKING:
    from ..core import staff
    from ..core.first_screen import FirstScreen
    from ..core.store import Store
else:
    staff = service("staff")

# (key, module, class): an area's view is built the first time it is shown.
AREAS = (
    ("today", "today_view", "TodayArea"),
    ("trainees", "trainees_view", "TraineesArea"),
    ("assessments", "assessments_view", "AssessmentsArea"),
    ("sync", "sync_view", "SyncArea"),
    ("settings", "settings_view", "SettingsArea"),
)


class MainWindow(QMainWindow):
    def __init__(
        self, store: Store, parent: QWidget | None = None, first: FirstScreen | None = None
    ) -> None:
        """``first``: the Today area's first screen, read while ``store`` is still opening."""
        super().__init__(parent)
        self.store = store
        self._first = first
        self.setWindowTitle(self.tr("MentorDesk"))
        self.content = load_form("main_window", self)
        self.setCentralWidget(self.content)
        self.navigation = child(self.content, QListWidget, "navigation")
        self.stack = child(self.content, QStackedWidget, "areas")
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
            "sync": self.tr("Sync"),
            "settings": self.tr("Settings"),
        }
        self._views: dict[str, QWidget] = {}
        self._placeholders: list[QWidget] = []
        for number, (key, _module, _cls) in enumerate(AREAS, start=1):
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(
                self.tr("%1 (Ctrl+%2)").replace("%1", titles[key]).replace("%2", str(number))
            )
            self.navigation.addItem(item)
            holder = QWidget()
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
        self.update_status()
        restore_geometry(self)
        start = str(preferences().value("ui/area", "today"))
        keys = [key for key, _, _ in AREAS]
        self.navigation.setCurrentRow(keys.index(start) if start in keys else 0)
        self.focus_area()

    def area(self, key: str) -> QWidget:
        """The view of an area, built on first use."""
        if key not in self._views:
            row = [k for k, _, _ in AREAS].index(key)
            _, module_name, class_name = AREAS[row]
            try:
                module = importlib.import_module(f"{__package__}.{module_name}")
            except ModuleNotFoundError as exc:
                if exc.name != f"{__package__}.{module_name}":
                    raise
                view = QLabel(self.tr("This area is not available in this build."))
                view.setAlignment(Qt.AlignmentFlag.AlignCenter)
            else:
                factory: Callable[..., QWidget] = getattr(module, class_name)
                if key == "today" and self._first is not None:
                    view = factory(self.store, self, first=self._first)
                else:
                    view = factory(self.store, self)
            self.stack.removeWidget(self._placeholders[row])
            self.stack.insertWidget(row, view)
            self._views[key] = view
        return self._views[key]

    def show_area(self, row: int) -> None:
        if row < 0:
            return
        key = AREAS[row][0]
        view = self.area(key)
        self.stack.setCurrentWidget(view)
        refresh = getattr(view, "refresh", None)
        if callable(refresh) and getattr(view, "_shown_once", False):
            refresh()
        view._shown_once = True  # type: ignore[attr-defined]
        preferences().setValue("ui/area", key)

    def go_to(self, row: int) -> None:
        """Show the area in that row of the navigation, with the keys in it."""
        self.navigation.setCurrentRow(row)
        self.focus_area()

    def focus_area(self) -> None:
        """Focus into the area shown: its own choice (``take_focus``), else the widget that had
        the focus there last, else its first widget that takes focus by Tab."""
        view = self.stack.currentWidget()
        take = getattr(view, "take_focus", None)
        if callable(take):
            take()
            return
        target = view.focusWidget()
        if target is None or not target.isVisible() or not target.isEnabled():
            target = _first_in_tab_order(view)
        (target or view).setFocus(Qt.FocusReason.OtherFocusReason)

    def update_status(self) -> None:
        if self._first is not None:
            who = self._first.user
            where = self._first.location
        else:
            me = staff.local_user(self.store)
            who = me.name if me else None
            where = self.store.path.name if self.store.path else self.store.location
        who = who or self.tr("profile not set (Settings)")
        self.user_label.setText(self.tr("%1 · %2").replace("%1", who).replace("%2", where))

    def store_opened(self) -> None:
        """The store the first screen was read beside is open: from now on, ask it."""
        self._first = None
        self.update_status()
        prepare = getattr(self._views.get("today"), "prepare_later", None)
        if callable(prepare):
            prepare()

    def closeEvent(self, event: QCloseEvent) -> None:
        save_geometry(self)
        super().closeEvent(event)


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
