"""A sheet's paragraph, whose line breaking is remembered across sheets.

reportlab breaks a paragraph with Chinese text character by character, measuring each one,
and breaks it again each time a table or a keep-together block asks for its size. A cohort's
sheets repeat most of their texts (captions, skill, module and level names, rubric wording),
so the lines a text breaks into at a given width are worked out once per process and every
later paragraph gets its own copy of them: reportlab's page split edits the lines it is
given, and a copy keeps such an edit to the one paragraph it happens in.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

# (markup, style name, style identity, widths) -> (style, lines as first broken). The style
# is held so that its identity cannot be reused by another style while the entry lives.
_BROKEN: dict[tuple[Any, ...], tuple[Any, Any]] = {}
# Enough for the distinct texts of a large cohort's sheets; past it the memory starts over.
_MOST = 4096


def _copied(lines: Any) -> Any:
    """A copy of broken lines deep enough that editing one never changes another."""
    if lines.kind == 1:
        return lines.clone(
            lines=[line.clone(words=[w.clone() for w in line.words]) for line in lines.lines]
        )
    return lines.clone(lines=[(space, list(words)) for space, words in lines.lines])


class SheetParagraph(Paragraph):
    """A Paragraph that breaks a given text at a given width only once per process."""

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        text = getattr(self, "text", None)
        # The part of a split paragraph has no text of its own, and a bullet changes the
        # widths as it is broken: both are broken as reportlab does.
        if text is None or getattr(self, "_splitpara", 0) or self.bulletText is not None:
            return super().breakLinesCJK(maxWidths)
        key = (text, self.style.name, id(self.style), widths)
        known = _BROKEN.get(key)
        if known is not None and known[0] is self.style:
            self.height = 0
            return _copied(known[1])
        made = super().breakLinesCJK(list(widths))
        if len(_BROKEN) >= _MOST:
            _BROKEN.clear()
        _BROKEN[key] = (self.style, _copied(made))
        return made
