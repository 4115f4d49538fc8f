"""A cohort's sheets for one period, written to a folder, optionally signed in one go.

All or nothing: every sheet is first written whole to a temporary file beside its target,
the signatures are then recorded in one transaction, and only then are the files renamed.
A cancelled or failed run before that commit removes what it wrote and locks no assessment
(drafts it created stay, to be edited or reused by the next run). A rename that still fails
after the commit loses nothing: the signed PDF is kept in the store, and the same run again
writes every signed sheet from there.
"""

from __future__ import annotations

import contextlib
import glob
import re
import sys
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

from ..core import assessment_signing, assessment_views, assessments
from ..core.errors import UserError
from ..core.private_files import cannot_write, private_folder, replace_whole
from ..core.progress import NO_PROGRESS, Progress
from ..core.store import Store
from ..core.text import folded
from ..core.wording import user_text
from .sheet_pdf import render_sheet
from .signing import HeldKeySigner, other_mentor, signed_pdf, signed_record

# Not in a file name on Windows (and "/" nowhere), nor control or invisible format characters.
FORBIDDEN = re.compile(r'[\\/:*?"<>|\s\x00-\x1f\x7f]+')
RESERVED = {"CON", "PRN", "AUX", "NUL"} | {
    f"{dev}{n}" for dev in ("COM", "LPT") for n in [*"0123456789", "¹", "²", "³"]
}
# Linux allows 255 bytes of UTF-8 per name; the parts leave room for a suffix that tells two
# trainees apart and for the temporary file's name.
ID_BYTES, NAME_BYTES, NAME_MAX = 60, 120, 255


@dataclass
class BatchResult:
    written: list[Path] = field(default_factory=list)
    signed: int = 0
    already_signed: int = 0
    drafts_created: int = 0
    # Names of trainees whose draft has no result yet, so it was written unsigned.
    no_result: list[str] = field(default_factory=list)
    # Trainees whose form names another mentor than the certificate that signed it.
    other_mentor: list[tuple[str, str]] = field(default_factory=list)
    # Files found under a sheet's name that were not that sheet: kept, the sheet went beside.
    kept: list[Path] = field(default_factory=list)


@dataclass(frozen=True)
class BatchPlan:
    """What a batch is about to do, for the confirmation before it runs."""

    trainees: int
    drafts_to_create: int
    # When signing as someone: the mentors named on drafts ready to sign who are not them.
    other_mentors: dict[str, int] = field(default_factory=dict)


def plan_batch(
    store: Store, start: date, end: date, cohort: str | None, signer_name: str = ""
) -> BatchPlan:
    uids = _trainees(store, cohort)
    others: dict[str, int] = {}
    if signer_name:
        wanted = set(uids)
        for view in assessments.list_assessments(store, state="draft", overlapping=(start, end)):
            ready = view.result and view.trainee_uid in wanted
            same = (view.period_start, view.period_end) == (start, end)
            if ready and same and other_mentor(view.mentor, signer_name):
                others[view.mentor] = others.get(view.mentor, 0) + 1
    return BatchPlan(len(uids), assessments.missing_drafts(store, uids, start, end), others)


def sheet_as_it_stands(
    store: Store, view: assessment_views.AssessmentView, *, language: str = "both"
) -> bytes | None:
    """The sheet a reader gets now: a signed (or superseded) one as stored, a draft as it
    renders from the record (what signing it would sign)."""
    if view.state != "draft":
        return assessments.latest_document(store, view.uid)
    return render_sheet(view, assessments.result_choices(store), language=language).pdf


def _part(text: str, limit: int) -> str:
    text = "".join(
        c for c in unicodedata.normalize("NFC", text) if unicodedata.category(c) not in ("Cf",)
    )
    text = re.sub("_+", "_", FORBIDDEN.sub("_", text)).strip(" ._")
    data = text.encode("utf-8")[:limit]
    # Cut on a character boundary, then again drop what Windows strips from a name's end.
    return data.decode("utf-8", errors="ignore").rstrip(" ._")


def sheet_filename(view: assessment_views.AssessmentView, tag: str = "") -> str:
    """A file name valid on Windows and Linux: no forbidden or reserved names, <= 255 bytes."""
    ident = _part(view.trainee_id, ID_BYTES) or "id"
    name = _part(view.trainee_name, NAME_BYTES) or "trainee"
    stem = f"{ident}_{name}_{view.period_start}_{view.period_end}_v{view.version}"
    if tag:
        stem += f"_{tag}"
    if stem.split(".")[0].upper() in RESERVED:
        stem = "_" + stem
    filename = f"{stem}.pdf"
    assert len(filename.encode("utf-8")) <= NAME_MAX
    return filename


def _same_key(filename: str) -> str:
    # Windows and macOS fold case (and macOS normalisation): two names equal there clash.
    return folded(filename)


def batch_filenames(views: list[assessment_views.AssessmentView]) -> dict[str, str]:
    """Each assessment's file name, unique within the batch on any file system.

    Trainees whose names clash once made safe (IDs ``A/1`` and ``A:1``) each get a tag from
    their record's own id, so the same trainee gets the same name in every run.
    """
    plain = {v.uid: sheet_filename(v) for v in views}
    counts: dict[str, int] = {}
    for name in plain.values():
        counts[_same_key(name)] = counts.get(_same_key(name), 0) + 1
    names: dict[str, str] = {}
    taken: set[str] = set()
    for v in views:
        name = plain[v.uid]
        if counts[_same_key(name)] > 1:
            name = sheet_filename(v, v.trainee_uid.replace("-", "")[:8])
        n = 2
        while _same_key(name) in taken:
            name = sheet_filename(v, f"{v.trainee_uid.replace('-', '')[:8]}_{n}")
            n += 1
        taken.add(_same_key(name))
        names[v.uid] = name
    return names


def _ours(path: Path, view: assessment_views.AssessmentView) -> bool:
    """Is the file already at ``path`` a sheet of this very assessment (an earlier run)?"""
    try:
        if not path.is_file() or path.stat().st_size > 50_000_000:
            return False
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError:
        return False
    # The sheet's metadata and footer carry its document id, which starts with the uid.
    return data.startswith(b"%PDF") and view.uid.encode("ascii") in data


def _free_target(
    outdir: Path, filename: str, view: assessment_views.AssessmentView, outcome: BatchResult
) -> Path:
    target = outdir / filename
    if not target.exists() and not target.is_symlink():
        return target
    if _ours(target, view):
        return target
    outcome.kept.append(target)
    stem = filename.removesuffix(".pdf")
    n = 2
    while True:
        other = outdir / f"{stem} ({n}).pdf"
        if (not other.exists() and not other.is_symlink()) or _ours(other, view):
            return other
        n += 1


def _trainees(store: Store, cohort: str | None) -> list[str]:
    trainees = assessments.cohort_trainees(store, cohort)
    if not trainees:
        if cohort:
            raise UserError(
                user_text("Sheets", "No active trainees in {cohort}").format(cohort=cohort)
            )
        raise UserError(user_text("Sheets", "No active trainees"))
    return trainees


def write_sheets(
    store: Store,
    outdir: Path,
    start: date,
    end: date,
    *,
    cohort: str | None = None,
    signer: HeldKeySigner | None = None,
    drawing_png: bytes | None = None,
    progress: Progress = NO_PROGRESS,
    language: str = "both",
) -> BatchResult:
    trainees = _trainees(store, cohort)
    if signer is not None:
        signer.refuse_if_unfit()
    outdir = private_folder(Path(outdir))
    outcome = BatchResult(drafts_created=assessments.missing_drafts(store, trainees, start, end))
    views = assessments.ensure_drafts(store, trainees, start, end)
    names = batch_filenames(views)
    results = assessments.result_choices(store)
    to_lock: list[assessment_signing.Signed] = []
    staged: list[_Staged] = []
    progress.start(len(views), user_text("Sheets", "Writing sheets"))
    try:
        for view in views:
            target = _free_target(outdir, names[view.uid], view, outcome)
            if view.state != "draft":
                pdf = assessments.latest_document(store, view.uid) or b""
                outcome.already_signed += 1
            elif signer is not None and view.result:
                now = datetime.now(UTC)
                pdf = signed_pdf(view, results, signer, drawing_png, now, language=language)
                to_lock.append(signed_record(view, pdf, signer, now))
                if other_mentor(view.mentor, signer.name):
                    outcome.other_mentor.append((view.trainee_name, view.mentor))
            else:
                if signer is not None:
                    outcome.no_result.append(view.trainee_name)
                pdf = render_sheet(view, results, language=language).pdf
            _stage(staged, target, pdf)
            progress.step(1, view.trainee_name)
        progress.step(0, user_text("Sheets", "Recording signatures"))
        if to_lock:
            assessment_signing.mark_signed_many(store, to_lock)
    except BaseException:
        kind, error, trace = sys.exc_info()
        for writer, _target in staged:
            with contextlib.suppress(BaseException):
                writer.__exit__(kind, error, trace)
        raise
    outcome.signed = len(to_lock)
    _rename_all(staged, outcome)
    return outcome


# A sheet written to its temporary file, and where it goes once the batch commits.
_Staged = tuple[contextlib.AbstractContextManager[Path], Path]


def _stage(staged: list[_Staged], target: Path, pdf: bytes) -> None:
    """The sheet whole in a temporary file beside ``target``, renamed by ``_rename_all``."""
    # A run killed before its renames left its temporaries (hidden, named after the sheet).
    for stale in target.parent.glob(f".{glob.escape(target.name[:40])}-*.part"):
        with contextlib.suppress(OSError):
            stale.unlink()
    writer = replace_whole(target)
    temporary = writer.__enter__()
    staged.append((writer, target))
    try:
        with open(temporary, "wb") as fh:
            fh.write(pdf)
    except OSError as exc:
        raise cannot_write(target, exc) from exc


def _rename_all(staged: list[_Staged], outcome: BatchResult) -> None:
    """After the commit: rename every file; one that fails does not stop the others."""
    failed: list[str] = []
    for writer, target in staged:
        try:
            writer.__exit__(None, None, None)
            outcome.written.append(target)
        except UserError as exc:
            failed.append(str(exc))
    if failed:
        raise UserError(
            user_text(
                "Sheets",
                "{signed} signatures are recorded and {written} sheets written, but {count} "
                "could not be written: {errors}. The signed sheets are kept in MentorDesk: run "
                "the same batch again to write them",
            ).format(
                signed=outcome.signed,
                written=len(outcome.written),
                count=len(failed),
                errors="; ".join(failed),
            )
        )
