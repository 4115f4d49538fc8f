"""What a merge reads: typed rows of the round-trip sheets, and how its report names them."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any


@dataclass(frozen=True)
class Incoming:
    """One row of a round-trip sheet, typed; ``values`` keyed by interchange.md's headers."""

    sheet: str
    row: int
    uid: str
    updated_at: datetime
    deleted: bool
    values: dict[str, Any]
    problem: str = ""


@dataclass
class IncomingSheet:
    kind: str  # Skills, Trainees, Sessions, Attendance, Ratings, Notes, Assessments, Calendar
    rows: Iterable[Incoming]
    # interchange.md's header -> the header as this sheet writes it ("学号"): refusals name
    # the column the user sees.
    titles: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class VerifiedSheet:
    """A signed PDF that came with the workbook, its hash and signatures already verified
    (by the bundle import): the only way a signed assessment may arrive."""

    sha256: str
    pdf: bytes
    # The assessment the sheet names (its document ID): only that assessment's row may take it.
    assessment_uid: str = ""


@dataclass(frozen=True)
class CountersignedSheet:
    """A later revision of a signed sheet (a countersignature), verified by the bundle import:
    kept beside the signed one when it extends the sheet held here."""

    assessment_uid: str
    revision: int
    kind: str
    sha256: str
    pdf: bytes
    member: str
    comment: str = ""
    result: str = ""


@dataclass(frozen=True)
class SheetSigner:
    """One signature of a bundle's sheet: whom its certificate names, and that certificate's
    SHA-256 fingerprint (``AB:CD:…``)."""

    member: str
    signer: str
    fingerprint: str


@dataclass
class MergeSource:
    source: str
    device: str
    sheets: list[IncomingSheet] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    # SHA-256 -> the verified signed PDF. A plain workbook carries none: its rows can then
    # neither create a signed assessment nor change one.
    verified_sheets: dict[str, VerifiedSheet] = field(default_factory=dict)
    # Countersigned revisions from a bundle, oldest revision first, merged after the sheets.
    countersigned_sheets: list[CountersignedSheet] = field(default_factory=list)
    # Every signature of the bundle's sheets, checked against the known certificates before
    # anything is written; and the fingerprints the user accepted for this import.
    signers: list[SheetSigner] = field(default_factory=list)
    accepted_certificates: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StaffName:
    """A staff member named by a row: found or created only once the whole row is accepted."""

    name: str


@dataclass(frozen=True)
class CohortName:
    """A cohort (and its programme) named by a row, created only once the row is accepted."""

    name: str
    programme: str = ""


class Rejected(Exception):
    """A row cannot be merged: a value out of range, or a reference neither the file nor the
    store holds."""


def to_ms(value: datetime) -> datetime:
    """Spreadsheets keep milliseconds: timestamps are compared and stored at that precision."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    value = value.astimezone(UTC)
    return value.replace(microsecond=0) + timedelta(milliseconds=round(value.microsecond / 1000))


_FIELD_LABELS = {
    "held_on": "Date",
    "start_time": "Start",
    "end_time": "End",
    "cohort_id": "Cohort",
    "mentor_id": "Mentor",
    "session_id": "Session",
    "trainee_id": "Trainee",
    "recorded_by_id": "Recorded By",
    "rater_id": "Rater",
    "rater_role": "Rater Role",
    "author_id": "Author",
    "skill_id": "Skill",
    "rubric_id": "Rubric",
}


def field_label(key: str) -> str:
    return _FIELD_LABELS.get(key) or key.replace("_", " ").title()


def row_label(r: Incoming) -> str:
    v = r.values
    who = " ".join(str(v[k]) for k in ("Trainee ID", "Name") if v.get(k))
    if r.sheet.startswith("Skills"):
        who = f"{v.get('Code', '')} {v.get('Skill', '')}".strip()
    if r.sheet.startswith("Calendar"):
        who = f"{v.get('Cohort', '')} {v.get('Place', '')}".strip()
    when = next(
        (v[k] for k in ("Date", "Rated On", "Written At", "Period Start", "Start") if v.get(k)),
        None,
    )
    if isinstance(when, datetime):
        when = when.date()
    parts = [p for p in (who, when.isoformat() if isinstance(when, date) else "") if p]
    return " ".join(parts) or r.uid
