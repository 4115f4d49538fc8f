"""What every area of the main window is: a widget built from its Designer form."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .forms import load_form


class FormArea(QWidget):
    """An area (or record window) whose widgets come from ``forms/<form_name>.ui``.

    An area is built with the database worker (``ui/operations.py``): it reads and changes
    records through operations and subscribes to the change notices of what it shows. The
    main window calls ``refresh`` each time the area is shown again and ``take_focus`` when
    the keys go into it; both do nothing unless the area says otherwise.
    """

    # Its records are on screen for the first time (an area that reads through operations).
    first_read = Signal()
    # False while such an area waits for its first read.
    has_read = True

    def __init__(
        self, form_name: str, parent: QWidget | None = None, margins: bool = False
    ) -> None:
        super().__init__(parent)
        self._before_form()
        self.form = load_form(form_name, self)
        layout = QVBoxLayout(self)
        if not margins:
            layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)

    def _before_form(self) -> None:
        """Children the form's widgets must outlive (destroyed in creation order) go here."""

    def refresh(self) -> None:
        """Read again what the area shows: another area may have changed it."""

    def take_focus(self) -> bool:
        """Put the keys where this area wants them; False to leave it to the window."""
        return False
