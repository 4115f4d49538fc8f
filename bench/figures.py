"""One measured figure, with the baseline measured in the same run and its target."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Figure:
    figure: str
    value: float
    unit: str
    baseline: float | None = None
    # Target on ``ratio`` (value / baseline) when there is a baseline, else on ``value``.
    target: float | None = None
    higher_is_better: bool = False
    target_text: str = ""
    # The target is on ``value`` even though a baseline is shown (the baseline then tells how
    # much of the value any program would spend, as plain sqlite3 reading the same rows).
    absolute: bool = False
    # A limit on ``value`` that holds besides a target on the ratio ("< 50 ms and <= 3x").
    ceiling: float | None = None

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline  # type: ignore[operator]

    @property
    def met(self) -> bool | None:
        if self.target is None:
            return None
        measured = self.value if self.absolute or self.ratio is None else self.ratio
        met = measured >= self.target if self.higher_is_better else measured <= self.target
        return met and (self.ceiling is None or self.value < self.ceiling)

    def as_json(self) -> dict:
        row = asdict(self)
        return {
            "figure": self.figure,
            "value": self.value,
            "unit": self.unit,
            "baseline": self.baseline,
            "ratio": self.ratio,
            "target": self.target_text or row["target"],
            "met": self.met,
        }
