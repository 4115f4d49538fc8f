"""Merging ``Assessments`` rows: a spreadsheet is not a signature.

A signed assessment is locked forever, so its signed state may only arrive together with the
signed PDF it names, whose hash and signatures were verified before the merge
(``MergeSource.verified_sheets``, filled by the bundle import). A plain workbook row that would
create a signed or superseded assessment, or change one held here, is rejected with its reason;
a signed row identical to the one held here (its signing instant compared to the millisecond a
spreadsheet keeps) is unchanged, so that re-importing one's own export changes nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from . import record_values
from .import_report import CONFLICT, UNCHANGED
from .merge_records import Incoming, Rejected, StaffName, VerifiedSheet, to_ms
from .models import ASSESSMENT_STATES, Assessment, AssessmentDocument, new_uid
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger

SIGNED = ("signed", "superseded")
FREE_TEXT = {
    "amendment_reason": "Amendment Reason",
    "strengths": "Strengths",
    "improvements": "Improvements",
    "comment": "Comment",
}


def _values(m: Merger, v: dict[str, Any]) -> dict[str, Any]:
    if v["Period Start"] is None or v["Period End"] is None:
        raise Rejected(user_text("Merge", "Period Start and Period End must not be empty"))
    state = v["State"] or "draft"
    if state not in ASSESSMENT_STATES:
        raise Rejected(
            user_text("Merge", "column {column}: {state!r} is not one of: {allowed}").format(
                column=m.column("State"), state=state, allowed=", ".join(ASSESSMENT_STATES)
            )
        )
    values = {
        "trainee_id": m.trainee(v["Trainee ID"]),
        "period_start": v["Period Start"],
        "period_end": v["Period End"],
        "version": v["Version"] or 1,
        "supersedes_uid": v["Supersedes UID"] or None,
        "amendment_reason": v["Amendment Reason"],
        "state": state,
        "result": v["Result"],
        "strengths": v["Strengths"],
        "improvements": v["Improvements"],
        "comment": v["Comment"],
        "mentor_id": StaffName(v["Mentor"]),
        "signed_at": to_ms(v["Signed At"]) if v["Signed At"] else None,
        "signed_by": v["Signed By"],
        "document_sha256": v["Document SHA-256"],
    }
    for key, header in FREE_TEXT.items():
        what = m.column(header)
        m.value(header, record_values.text_within, values[key], what, record_values.MAX_CELL)
    m.check(Assessment, values)
    return values


def _same(m: Merger, local: Assessment, values: dict[str, Any], deleted: bool) -> bool:
    """The row says exactly what is held here, the signing instant to the millisecond."""
    for key, value in values.items():
        held = getattr(local, key)
        if key == "signed_at":
            held = to_ms(held) if held is not None else None
        elif key == "mentor_id":
            name = value.name
            value = m.staff_id(name) if name else None
            if name and value is None:
                return False
        if held != value:
            return False
    return bool(local.deleted) == deleted


def _refuse_signature(m: Merger, state: str) -> Rejected:
    return Rejected(
        user_text(
            "Merge",
            "column {column}: {state!r} cannot come from a spreadsheet row; a signed "
            "assessment arrives only with the signed PDF it names, its hash and signatures "
            "verified (in a bundle)",
        ).format(column=m.column("State"), state=state)
    )


def assessment(m: Merger, r: Incoming, local: Assessment | None, label: str) -> None:
    values = _values(m, r.values)
    state = values["state"]
    verified = m.source.verified_sheets.get(values["document_sha256"]) if state in SIGNED else None
    if verified is not None and verified.assessment_uid not in ("", r.uid):
        verified = None  # another assessment's sheet: it signs nothing for this row
    if local is None or local.state not in SIGNED:
        if state in SIGNED and verified is None:
            raise _refuse_signature(m, state)
        record = m.merge(r, Assessment, local, values, label)
        if verified is not None and isinstance(record, Assessment):
            _keep_document(m, record, verified)
            if local is None:
                _report_rival(m, r, record, values)
        return
    if _same(m, local, values, r.deleted):
        m.outcome(r, UNCHANGED, label)
        return
    if state not in SIGNED and to_ms(r.updated_at) <= to_ms(local.updated_at):
        # An older draft of what was signed here since: the merge rule keeps the newer.
        m.outcome(r, UNCHANGED, label)
        return
    if verified is None:
        raise Rejected(
            user_text(
                "Merge",
                "assessment {uid} is signed here and a spreadsheet row cannot change it; "
                "changing a signed sheet takes an amendment, signed",
            ).format(uid=local.uid)
        )
    _keep_both(m, r, local, values, label, verified)


def _keep_document(m: Merger, record: Assessment, verified: VerifiedSheet) -> None:
    m.s.flush()
    held = m.s.scalar(
        select(AssessmentDocument.id).where(
            AssessmentDocument.assessment_id == record.id,
            AssessmentDocument.sha256 == verified.sha256,
        )
    )
    if held is None:
        m.s.add(
            AssessmentDocument(
                assessment_id=record.id, kind="signed", pdf=verified.pdf, sha256=verified.sha256
            )
        )


def _keep_both(
    m: Merger,
    r: Incoming,
    local: Assessment,
    values: dict[str, Any],
    label: str,
    verified: VerifiedSheet,
) -> None:
    """Two different verified signed versions of one assessment: both are kept and reported."""
    twin = m.s.scalar(
        select(Assessment.uid).where(
            Assessment.trainee_id == values["trainee_id"],
            Assessment.uid != local.uid,
            Assessment.document_sha256 == values["document_sha256"],
        )
    )
    if twin is not None:
        m.outcome(
            r,
            UNCHANGED,
            label,
            reason=user_text("Merge", "conflicting version already kept as {uid}").format(uid=twin),
        )
        return
    copy = Assessment(
        uid=new_uid(),
        updated_at=to_ms(r.updated_at),
        origin_device=m.source.device,
        deleted=r.deleted,
        **m.resolve(values),
    )
    m.s.add(copy)
    m.store.audit(m.s, copy, "merge-conflict", {"conflicts_with": local.uid})
    _keep_document(m, copy, verified)
    m.outcome(
        r,
        CONFLICT,
        label,
        reason=user_text(
            "Merge",
            "a different signed version of {uid} exists here; "
            "both kept (the incoming one as {copy})",
        ).format(uid=local.uid, copy=copy.uid),
    )
    m.report.notes.append(
        user_text(
            "Merge",
            "{sheet} row {row}: two different signed versions of assessment {uid}; "
            "both kept, the incoming one as {copy}",
        ).format(sheet=r.sheet, row=r.row, uid=local.uid, copy=copy.uid)
    )


def _report_rival(m: Merger, r: Incoming, record: Assessment, values: dict[str, Any]) -> None:
    rival = m.s.scalar(
        select(Assessment.uid).where(
            Assessment.trainee_id == values["trainee_id"],
            Assessment.period_start == values["period_start"],
            Assessment.period_end == values["period_end"],
            Assessment.version == values["version"],
            Assessment.state.in_(SIGNED),
            Assessment.uid != record.uid,
        )
    )
    if rival is not None:
        m.report.notes.append(
            user_text(
                "Merge",
                "{sheet} row {row}: assessment {uid} and {rival} are both signed "
                "for the same trainee, period and version; both kept",
            ).format(sheet=r.sheet, row=r.row, uid=record.uid, rival=rival)
        )
