"""What a service said, in the interface language: its template from the catalogue, refilled."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from ..core.wording import Text, message_of

log = logging.getLogger("mentordesk")


def localised(said: object) -> str:
    """A service's sentence (a ``Text``, or an error raised with one) in the interface language.

    Plain strings come back as they are: names, skills and notes are shown as written. Safe to
    call from a worker thread (QCoreApplication.translate is thread-safe).
    """
    if isinstance(said, BaseException):
        said = message_of(said)
    if not isinstance(said, Text):
        return str(said)
    template = QCoreApplication.translate(said.context, said.template)
    # Numbers stay numbers: templates may format them ({hours:g}, {rows:,}).
    args = {
        name: localised(value) if isinstance(value, Text) else value
        for name, value in said.args.items()
    }
    try:
        return template.format(**args)
    except (KeyError, IndexError, ValueError):
        # A translation that lost or garbled a placeholder must not hide the message itself.
        log.warning("translation of %r does not fit its arguments", said.template)
        return str(said)
