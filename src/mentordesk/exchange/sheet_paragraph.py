"""A sheet's paragraph, whose markup and line breaking are remembered across sheets.

reportlab parses each paragraph's markup, breaks a paragraph with Chinese text character by
character, measuring each one, and breaks it again each time a table or a keep-together block
asks for its size. A cohort's
sheets repeat most of their texts (captions, skill, module and level names, rubric wording),
so a text's fragments, and the lines it breaks into at a given width, are worked out once
per process and every later paragraph gets its own copy of them: reportlab's page split
edits the lines it is given, and a copy keeps such an edit to the one paragraph it happens in.
"""

from __future__ import annotations

from typing import Any

from reportlab.platypus import Paragraph

# (markup, style name, style identity, widths) -> (style, lines as first broken). The style
# is held so that its identity cannot be reused by another style while the entry lives.
_BROKEN: dict[tuple[Any, ...], tuple[Any, Any]] = {}
# (markup, style name, style identity, case sensitivity) -> (style given, cleaned markup,
# style parsed, fragments).
_PARSED: dict[tuple[Any, ...], tuple[Any, str, Any, list[Any]]] = {}
# Enough for the distinct texts of a large cohort's sheets; past it the memory starts over.
_MOST = 4096


def _copied(lines: Any) -> Any:
    """A copy of broken lines deep enough that editing one never changes another."""
    if lines.kind == 1:
        return lines.clone(
            lines=[line.clone(words=[w.clone() for w in line.words]) for line in lines.lines]
        )
    return lines.clone(lines=[(space, list(words)) for space, words in lines.lines])


def _remember(memory: dict[Any, Any], key: Any, value: Any) -> None:
    if len(memory) >= _MOST:
        memory.clear()
    memory[key] = value


class SheetParagraph(Paragraph):
    """A Paragraph that parses a given text, and breaks it at a given width, only once per
    process."""

    def _setup(self, text: Any, style: Any, bulletText: Any, frags: Any, cleaner: Any) -> None:
        # Given fragments (a split part) and bullets are set up as reportlab does. (The
        # reportlab stubs leave out Paragraph._setup, which Paragraph.__init__ calls.)
        if frags is not None or text is None or bulletText is not None:
            super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]
            return
        key = (text, style.name, id(style), self.caseSensitive)
        known = _PARSED.get(key)
        if known is not None and known[0] is style:
            _, self.text, self.style, parsed = known
            self.frags = [f.clone() for f in parsed]
            self.bulletText = None
            self.debug = 0
            return
        super()._setup(text, style, bulletText, frags, cleaner)  # type: ignore[misc]
        if self.bulletText is None:
            _remember(_PARSED, key, (style, self.text, self.style, [f.clone() for f in self.frags]))

    def breakLinesCJK(self, maxWidths: Any) -> Any:
        widths = tuple(maxWidths) if isinstance(maxWidths, (list, tuple)) else (maxWidths,)
        text = getattr(self, "text", None)
        # The part of a split paragraph has no text of its own, and a bullet changes the
        # widths as it is broken: both are broken as reportlab does.
        if text is None or getattr(self, "_splitpara", False) or self.bulletText is not None:
            return super().breakLinesCJK(maxWidths)
        key = (text, self.style.name, id(self.style), widths)
        known = _BROKEN.get(key)
        if known is not None and known[0] is self.style:
            self.height = 0
            return _copied(known[1])
        made = super().breakLinesCJK(list(widths))
        _remember(_BROKEN, key, (self.style, _copied(made)))
        return made
