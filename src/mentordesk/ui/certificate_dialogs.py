"""Signers' certificates in the window: accepting a new one for a known name, listing them.

The decision itself (which certificate is known for whom) is ``core/known_certificates.py``;
these only show it and ask.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..core.known_certificates import CertificateRefused, CertificateView


class AcceptCertificateBox(QMessageBox):
    """Both fingerprints side by side; accepting is never the default."""

    def __init__(self, refusal: CertificateRefused, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Accept a new certificate"))
        self.setText(self.tr("Accept this certificate as %1's?").replace("%1", refusal.signer))
        if refusal.known_here:
            known = self.tr("Known here for %1:").replace("%1", refusal.signer)
        else:
            known = self.tr("Other sheets of this bundle name %1 with:").replace(
                "%1", refusal.signer
            )
        self.setInformativeText(
            self.tr(
                "%1 in %2 is signed as %3 by a certificate not known here. Anyone can make a "
                "certificate in any name: accept it only if %3 reads you the same fingerprint "
                "from 'mentordesk identity show' on their PC."
            )
            .replace("%1", refusal.member)
            .replace("%2", refusal.bundle)
            .replace("%3", refusal.signer)
            + "\n\n"
            + self.tr("This certificate (SHA-256):")
            + "\n"
            + refusal.fingerprint
            + "\n\n"
            + known
            + "\n"
            + "\n".join(refusal.known)
        )
        self.accept_button = self.addButton(
            self.tr("Accept for %1").replace("%1", refusal.signer),
            QMessageBox.ButtonRole.AcceptRole,
        )
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        self.setDefaultButton(cancel)
        self.setEscapeButton(cancel)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def accepted_certificate(self) -> bool:
        return self.clickedButton() is self.accept_button


class KnownCertificatesDialog(QDialog):
    """The certificates signed sheets were accepted with, read-only."""

    def __init__(self, known: list[CertificateView], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Known certificates"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "A bundle's sheet signed in one of these names by another certificate is "
                    "refused until you accept that certificate."
                )
            )
        )
        hows = {
            "signed here": self.tr("signed here"),
            "first seen": self.tr("first seen"),
            "accepted": self.tr("accepted"),
        }
        self.table = QTableWidget(len(known), 5, self)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Signer"),
                self.tr("SHA-256 fingerprint"),
                self.tr("How"),
                self.tr("Seen in"),
                self.tr("Since"),
            ]
        )
        for row, c in enumerate(known):
            how = hows.get(c.how, c.how)
            if c.how == "accepted" and c.accepted_by:
                how = self.tr("%1 by %2").replace("%1", how).replace("%2", c.accepted_by)
            seen_in = hows["signed here"] if c.seen_in == "signed here" else c.seen_in
            for col, text in enumerate(
                (c.signer, c.fingerprint, how, seen_in, f"{c.first_seen_at:%Y-%m-%d %H:%M} UTC")
            ):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1100, 360)
