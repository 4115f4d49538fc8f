"""What an import would do (dry run) or did: one outcome per row, the sheet's own row numbers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

NEW = "new"
UPDATED = "updated"
UNCHANGED = "unchanged"
REJECTED = "rejected"
CONFLICT = "conflict"
OUTCOMES = (NEW, UPDATED, UNCHANGED, REJECTED, CONFLICT)
# Beyond this many rows, unchanged ones are only counted: a million-row merge stays small.
KEEP_UNCHANGED = 20_000


@dataclass(frozen=True)
class Outcome:
    sheet: str
    row: int
    outcome: str
    record: str
    fields: tuple[str, ...] = ()
    # Shown in the GUI's import preview: a ``wording.Text`` (English here, translated on screen).
    reason: str = ""

    @property
    def detail(self) -> str:
        """Which fields changed, or why the row was rejected."""
        if self.reason:
            return self.reason
        return ", ".join(self.fields)


@dataclass
class ImportReport:
    """Filled by a dry run; ``applied`` is set once the changes are committed."""

    source: str
    kind: str
    outcomes: list[Outcome] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # Shown in the GUI's import preview, like ``Outcome.reason``: ``wording.Text`` sentences.
    notes: list[str] = field(default_factory=list)
    applied: bool = False
    unlisted_unchanged: int = 0
    # A strict import with rejected rows: performed, then undone whole.
    held_back: bool = False

    def add(self, outcome: Outcome) -> None:
        if outcome.outcome == UNCHANGED and len(self.outcomes) >= KEEP_UNCHANGED:
            self.unlisted_unchanged += 1
        else:
            self.outcomes.append(outcome)

    def counts(self) -> dict[str, int]:
        found = Counter(o.outcome for o in self.outcomes)
        found[UNCHANGED] += self.unlisted_unchanged
        return {name: found[name] for name in OUTCOMES if found[name] or name != CONFLICT}

    @property
    def accepted(self) -> int:
        """Rows that went in or were already in: all but the rejected ones."""
        counts = self.counts()
        return sum(n for what, n in counts.items() if what != REJECTED)

    @property
    def changes_anything(self) -> bool:
        return any(o.outcome in (NEW, UPDATED, CONFLICT) for o in self.outcomes)

    def summary_line(self) -> str:
        counts = ", ".join(f"{n} {what}" for what, n in self.counts().items())
        verb = "applied" if self.applied else "not applied" if self.held_back else "dry run"
        return f"{self.source} ({self.kind}, {verb}): {counts}"

    def lines(self, *, everything: bool = True) -> list[str]:
        """The report as printed by the command line, one outcome per line."""
        out = [self.summary_line()]
        for o in self.outcomes:
            if not everything and o.outcome == UNCHANGED:
                continue
            detail = f": {o.detail}" if o.detail else ""
            out.append(f"  {o.sheet} row {o.row}: {o.outcome} {o.record}{detail}")
        if self.unlisted_unchanged:
            out.append(f"  … and {self.unlisted_unchanged} more unchanged rows")
        if self.ignored_columns:
            out.append("  ignored columns: " + ", ".join(self.ignored_columns))
        out.extend(f"  note: {n}" for n in self.notes)
        return out
