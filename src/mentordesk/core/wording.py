"""Sentences that services say to the user, in English here and in the user's language on screen.

``core`` and ``exchange`` must not import Qt, yet their refusals, import verdicts and progress
texts reach a Chinese window. So a service writes

    raise UserError(user_text("Attendance", "Minutes late cannot be negative"))
    reject(user_text("RosterImport", "Trainee ID {id} also appears in row {rows}").format(
        id=trainee_id, rows=others))

and gets a ``Text``: a plain ``str`` holding the English sentence (what the command line prints,
logs record and tests compare), which also keeps its context, template and arguments. The GUI
looks the template up in the Qt Linguist catalogue and fills in the arguments
(``mentordesk.ui.localised``). ``scripts/update_translations.py`` tells lupdate that
``user_text(context, template)`` is a translatable call, so the templates land in the same
``.ts`` file as the window's own words. lupdate reads only literal arguments: the template must
be a string literal (implicit concatenation is fine), and arguments go in ``.format(...)``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


class Text(str):
    """The English sentence; ``context``, ``template`` and ``args`` say it again in another language."""

    context: str
    template: str
    args: Mapping[str, Any]

    def __new__(cls, context: str, template: str, args: Mapping[str, Any] | None = None) -> Text:
        english = template.format(**args) if args else template
        text = super().__new__(cls, english)
        text.context = context
        text.template = template
        text.args = dict(args or {})
        return text

    def format(self, *positional: object, **args: Any) -> Text:
        if positional:
            raise TypeError("user_text templates take named arguments only: {name}")
        return Text(self.context, self.template, {**self.args, **args})

    def __reduce__(self) -> tuple[type[Text], tuple[str, str, dict[str, Any]]]:
        return (Text, (self.context, self.template, dict(self.args)))


def user_text(context: str, template: str) -> Text:
    """Mark ``template`` for translation under ``context``; fill it with ``.format(name=...)``."""
    return Text(context, template)


def message_of(error: BaseException) -> str:
    """The sentence an error was raised with: a ``Text`` when the service wrote one."""
    if error.args and isinstance(error.args[0], str):
        return error.args[0]
    return str(error)
