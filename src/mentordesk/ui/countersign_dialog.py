"""Countersigning a signed sheet in the window: the school teacher's comment and result.

The teacher at this PC writes a comment and picks a result; the signing identity and its
passphrase are asked as for signing; the countersignature is added on the database worker
(``exchange.signing.countersign_assessment``, the service the command line's ``countersign``
shares the stamp with), as an incremental update that keeps the mentor's signature valid.
The comment and the result go into the teacher's box and into the database.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ..core.assessment_views import DocumentView
from .operations import Changes, CollectionOp
from .sheet_actions import unlocked_signer

if TYPE_CHECKING:
    from ..core.store import Store
    from .assessments_view import AssessmentsArea


def countersign_with_passphrase(
    store: Store, uid: str, secret: str, *, comment: str, result: str
) -> DocumentView:
    """On the worker: open the identity with its passphrase and countersign as the teacher."""
    from ..exchange.signing import countersign_assessment

    return countersign_assessment(store, uid, unlocked_signer(secret), "teacher", comment, result)


class CountersignDialog(QDialog):
    """The teacher's comment and result, asked before the identity's passphrase."""

    def __init__(self, results: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="countersignDialog")
        self.setWindowTitle(self.tr("Countersign as the school teacher"))
        self.comment_edit = QPlainTextEdit(objectName="countersignCommentEdit")
        self.comment_edit.setPlaceholderText(self.tr("The teacher's comment, printed in the box"))
        self.result_combo = QComboBox(objectName="countersignResultCombo")
        self.result_combo.addItem(self.tr("(no result)"), "")
        for key, label in results.items():
            self.result_combo.addItem(label, key)
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "Your countersignature is added to the signed sheet; the mentor's "
                    "signature stays valid."
                ),
                wordWrap=True,
            )
        )
        form.addRow(self.tr("Comment"), self.comment_edit)
        form.addRow(self.tr("Result"), self.result_combo)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Countersign…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def comment(self) -> str:
        return self.comment_edit.toPlainText()

    @property
    def result(self) -> str:
        return str(self.result_combo.currentData() or "")


def countersign_shown(area: AssessmentsArea) -> None:
    """Ask the comment and result, then the identity and passphrase; countersign on the worker."""
    view = area._current
    if view is None or view.state != "signed":
        return
    dialog = CountersignDialog(area.result_names, area)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    signer = area._signer()
    if signer is None:
        return
    said = area.tr("Countersigned; the comment and result are recorded.")
    CollectionOp(
        countersign_with_passphrase,
        view.uid,
        signer[1],
        comment=dialog.comment,
        result=dialog.result,
        changes=Changes(assessments=True),
    ).success(lambda _doc: area.reload(view.uid, then=lambda: area._say(said, ok=True))).failure(
        area._say
    ).run(area.worker, area)


def install_countersign_button(area: AssessmentsArea) -> QPushButton:
    """ "Countersign…" beside "Attach countersigned copy", for a signed sheet."""
    button = QPushButton(area.tr("Countersign…"), objectName="countersignButton")
    button.setToolTip(
        area.tr("Countersign this signed sheet here as the school teacher, with a comment")
    )
    button.setEnabled(False)
    parent = area.attach_button.parentWidget()
    rows = parent.findChildren(QHBoxLayout) if parent is not None else []
    for row in rows:
        at = row.indexOf(area.attach_button)
        if at >= 0:
            row.insertWidget(at, button)
            break
    button.clicked.connect(lambda: countersign_shown(area))
    return button
