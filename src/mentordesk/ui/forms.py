"""Loading Qt Designer forms from ``forms/*.ui`` and finding their widgets by objectName."""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QCoreApplication, QFile, QIODevice
from PySide6.QtWidgets import QWidget

from ..paths import forms_dir

if TYPE_CHECKING:
    from PySide6.QtUiTools import QUiLoader

W = TypeVar("W", bound=QWidget)


class FormError(RuntimeError):
    """A form or a widget the code expects is missing: a packaging or naming defect."""


_loader: QUiLoader | None = None


def _ui_loader() -> QUiLoader:
    """One loader for every form, made without Designer's widget plugins.

    A new QUiLoader loads every plugin in ``<library path>/designer`` (PySide6 ships the
    QQuickWidget and QWebEngineView ones, which pull Qt Quick, QML and Network and their
    libraries into every start-up). The forms use only Qt's own widgets, which need no plugin.
    """
    global _loader
    if _loader is None:
        # Imported with the first form, not with the window's frame (main_window._frame).
        from PySide6.QtUiTools import QUiLoader

        paths = QCoreApplication.libraryPaths()
        QCoreApplication.setLibraryPaths([])
        try:
            _loader = QUiLoader()
        finally:
            QCoreApplication.setLibraryPaths(paths)
        from .hours_spin_box import HoursSpinBox

        # The forms' own widget classes (``<customwidgets>`` in the .ui files).
        _loader.registerCustomWidget(HoursSpinBox)
    return _loader


def load_form(name: str, parent: QWidget | None = None) -> QWidget:
    """Build the widget tree of ``forms/<name>.ui``."""
    path = forms_dir() / f"{name}.ui"
    file = QFile(str(path))
    if not file.open(QIODevice.OpenModeFlag.ReadOnly):
        raise FormError(f"form {path} cannot be opened")
    try:
        loader = _ui_loader()
        widget = loader.load(file, parent)
    finally:
        file.close()
    if widget is None:
        raise FormError(f"form {path}: {loader.errorString()}")
    return widget


def child(root: QWidget, kind: type[W], name: str) -> W:
    """The named widget of a loaded form; fails loudly when a form and the code disagree."""
    found = root.findChild(kind, name)
    if found is None:
        raise FormError(f"{root.objectName() or type(root).__name__}: no {kind.__name__} {name!r}")
    return found
