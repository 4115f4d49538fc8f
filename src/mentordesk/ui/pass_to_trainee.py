"""Pass to trainee: the draft sheet full screen, the trainee's name and drawn signature.

Like self-assessment, the window covers the screen and is application-modal; the way back needs
the PIN the mentor chose when passing the PC over (core/hand_back.py). The acknowledgement is
kept by core and stamped into the trainee box when the mentor signs, so the mentor's signature
covers it; the trainee needs no key.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.acknowledgements import Acknowledgement, acknowledge
from ..core.assessment_views import AssessmentView
from ..core.hand_back import HandBackLock
from ..exchange.acknowledgement_stamp import draft_for_trainee
from .handed_over import HandedOverWindow
from .operations import Changes, CollectionOp, DatabaseWorker, QueryOp
from .self_assessment import HandOverDialog
from .sheet_preview import page_pixmaps
from .signature_pad import SignaturePad

if TYPE_CHECKING:
    from .assessments_view import AssessmentsArea

# An A4 page's width in inches: the pages are drawn to the width the reader has.
A4_WIDTH_IN = 8.27


class PassToTraineeWindow(HandedOverWindow):
    """The draft to read on the left; name, signature pad and "I have read it" on the right."""

    acknowledged = Signal(object)

    def __init__(
        self,
        worker: DatabaseWorker,
        assessment_uid: str,
        trainee_name: str,
        lock: HandBackLock,
        *,
        language: str = "both",
        ask_pin: Callable[[QWidget], str | None] | None = None,
    ) -> None:
        super().__init__(lock, ask_pin)
        self.setObjectName("passToTraineeWindow")
        self.worker = worker
        self.assessment_uid = assessment_uid
        self.setWindowTitle(self.tr("Assessment sheet for %1").replace("%1", trainee_name))
        outer = QHBoxLayout(self)
        outer.setContentsMargins(24, 16, 24, 16)
        self.scroll = QScrollArea(objectName="sheetScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.pages = QWidget()
        self.pages_layout = QVBoxLayout(self.pages)
        self.pages_layout.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.pages)
        outer.addWidget(self.scroll, 2)
        side = QVBoxLayout()
        outer.addLayout(side, 1)
        self._pdf: bytes | None = None
        self._drawn_at = 0
        title = QLabel(self.tr("Your assessment sheet"), objectName="titleLabel")
        title.setStyleSheet("font-size: 18pt; font-weight: bold;")
        side.addWidget(title)
        intro = QLabel(
            self.tr(
                "Read the sheet. If you have read it, give your name and sign in the box: your "
                "signature goes into the trainee box, and your mentor's signature covers it."
            )
        )
        intro.setWordWrap(True)
        side.addWidget(intro)
        side.addWidget(QLabel(self.tr("Your name")))
        self.name = QComboBox(objectName="nameCombo")
        self.name.setEditable(True)
        self.name.addItem(trainee_name)
        self.name.setMinimumHeight(40)
        side.addWidget(self.name)
        side.addWidget(QLabel(self.tr("Your signature")))
        frame = QFrame(objectName="padFrame")
        frame.setFrameShape(QFrame.Shape.StyledPanel)
        QVBoxLayout(frame).addWidget(pad := SignaturePad())
        self.pad = pad
        side.addWidget(frame, 1)
        buttons = QHBoxLayout()
        self.clear_button = QPushButton(self.tr("Clear"), objectName="clearButton")
        self.clear_button.clicked.connect(self.pad.clear)
        buttons.addWidget(self.clear_button)
        self.ack_button = QPushButton(self.tr("I have read this sheet"), objectName="ackButton")
        self.ack_button.setMinimumHeight(44)
        self.ack_button.clicked.connect(self.submit)
        buttons.addWidget(self.ack_button, 1)
        side.addLayout(buttons)
        self.message = QLabel(objectName="ackMessage")
        self.message.setWordWrap(True)
        side.addWidget(self.message)
        self.back_button = QPushButton(self.tr("Hand back to mentor…"), objectName="handBackButton")
        self.back_button.clicked.connect(self.ask_to_hand_back)
        side.addWidget(self.back_button)
        self.pad.changed.connect(lambda: self.message.setText(""))
        QueryOp(draft_for_trainee, assessment_uid, language).success(self._show_pages).failure(
            self._say
        ).run(worker, self)

    def _show_pages(self, pdf: bytes) -> None:
        self._pdf = pdf
        self._draw_pages()

    def _draw_pages(self) -> None:
        """The pages as wide as the reading pane, so nothing is cut off at the side."""
        width = self.scroll.viewport().width() - 40
        if self._pdf is None or width <= 0 or abs(width - self._drawn_at) < 8:
            return
        self._drawn_at = width
        while self.pages_layout.count():
            item = self.pages_layout.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for pixmap in page_pixmaps(self._pdf, width / A4_WIDTH_IN):
            page = QLabel()
            page.setPixmap(pixmap)
            page.setFrameShape(QFrame.Shape.Box)
            self.pages_layout.addWidget(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._draw_pages()

    def _say(self, text: str, ok: bool = False) -> None:
        self.message.setStyleSheet("color: #1b5e20;" if ok else "color: #b00020;")
        self.message.setText(text)

    def submit(self) -> None:
        """Keep the acknowledgement; core says what is missing, if anything."""
        if self.pad.is_empty():
            self._say(self.tr("Sign in the box first."))
            return
        name, drawing = self.name.currentText(), self.pad.to_png()
        CollectionOp(
            acknowledge,
            self.assessment_uid,
            name,
            drawing,
            changes=Changes(assessments=True),
        ).success(self._done).failure(self._say).run(self.worker, self)

    def _done(self, ack: Acknowledgement) -> None:
        self.ack_button.setEnabled(False)
        self.pad.setEnabled(False)
        self.name.setEnabled(False)
        self._say(self.tr("Thank you. Please hand the PC back to your mentor."), ok=True)
        self.acknowledged.emit(ack)


def pass_to_trainee(
    worker: DatabaseWorker,
    assessment_uid: str,
    trainee_name: str,
    window: QWidget,
    *,
    language: str = "both",
    lock: HandBackLock | None = None,
    ask_pin: Callable[[QWidget], str | None] | None = None,
) -> PassToTraineeWindow | None:
    """Ask the mentor for a PIN (unless given), then hand the screen to the trainee."""
    if lock is None:
        dialog = HandOverDialog(trainee_name, window)
        dialog.setWindowTitle(dialog.tr("Pass to trainee"))
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.lock is None:
            return None
        lock = dialog.lock
    mode = PassToTraineeWindow(
        worker, assessment_uid, trainee_name, lock, language=language, ask_pin=ask_pin
    )
    window.hide()
    mode.handed_back.connect(window.show)
    mode.showFullScreen()
    mode.activateWindow()
    return mode


def install_pass_button(area: AssessmentsArea) -> QPushButton:
    """ "Pass to trainee…" beside the Assessments area's Sign button, for a draft."""
    button = QPushButton(area.tr("Pass to trainee…"), objectName="passToTraineeButton")
    button.setToolTip(
        area.tr("Show the draft full screen for the trainee to read, name and sign (no key)")
    )
    actions = area.sign_button.parentWidget().findChild(QHBoxLayout, "actionLayout")
    if actions is not None:
        actions.insertWidget(actions.indexOf(area.sign_button), button)

    def saved(view: AssessmentView) -> None:
        if view.state != "draft":
            return
        mode = pass_to_trainee(
            area.worker, view.uid, view.trainee_name, area.window(), language=area.sheet_language
        )
        if mode is not None:
            area.pass_mode = mode
            mode.handed_back.connect(lambda: area.reload(view.uid))

    # The draft as shown is saved first, so the trainee reads (and acknowledges) exactly it.
    button.clicked.connect(lambda: area.save(then=saved))
    return button
