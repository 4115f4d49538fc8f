"""Working through the missing marks: the roster's cursor goes from one unrecorded trainee to
the next, not row by row.

An unrecorded trainee is one expected at the session and not marked; a trainee on leave or one
marked though not of the cohort is never one (``core.expected``'s rule, as the roster's rows
carry it).
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core.capture_views import RosterRow


def unrecorded_from(rows: Sequence[RosterRow], start: int) -> int:
    """The first unrecorded row at or after ``start``, else before it; -1 when none is left."""
    order = [*range(max(start, 0), len(rows)), *range(0, min(max(start, 0), len(rows)))]
    return next((i for i in order if rows[i].expected and rows[i].mark is None), -1)


class UnrecordedWalk:
    """Whether the roster is being worked through for its missing marks."""

    def __init__(self) -> None:
        self.following = False
        # The roster about to arrive opens at its first unrecorded trainee.
        self._seeking = False

    def begin(self) -> None:
        self.following = True
        self._seeking = True

    def session_changed(self) -> None:
        """A session chosen by hand (not from the missing marks) ends the walk."""
        self.following = self._seeking

    def first_row(self, rows: Sequence[RosterRow], current: int) -> int:
        """Where the cursor goes in a roster just read: ``current`` unless the walk begins."""
        if not self._seeking or not rows:
            return current
        self._seeking = False
        return max(0, unrecorded_from(rows, 0))

    def next_row(self, rows: Sequence[RosterRow], current: int) -> int:
        """The next unrecorded row after ``current``; -1 (and the walk ends) when none is left."""
        found = unrecorded_from(rows, current + 1)
        if found < 0:
            self.following = False
        return found
