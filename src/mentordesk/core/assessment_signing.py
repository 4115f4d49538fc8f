"""Signing, countersigning and amending assessments: what locks a draft and what follows.

Drafting and reading are in ``core/assessments.py``; the values both return are in
``core/assessment_views.py``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .assessment_summary import compute_summary
from .assessment_views import (
    AssessmentView,
    DocumentView,
    assessment_view,
    editable_draft,
    find_assessment,
    loaded_assessments,
    state_word,
)
from .changes import add, change
from .errors import Conflict, NotFound, UserError
from .known_certificates import record_signed_here
from .models import Assessment, AssessmentDocument, AuditEvent
from .store import Store
from .text import required
from .wording import user_text

# -- signing, countersigning, amending ----------------------------------------------------


@dataclass(frozen=True)
class Signed:
    """A signed PDF made from a draft, ready to lock it (see ``mark_signed``)."""

    uid: str
    pdf: bytes
    signed_by: str
    signed_at: datetime
    # The draft's updated_at when it was rendered: a draft changed since is not what was signed.
    drafted_at: datetime | None
    # Who signed by certificate, and whom the form names as mentor: kept in the audit trail.
    certificate_sha256: str = ""
    form_mentor: str = ""


def _lock(store: Store, s: Session, item: Signed, a: Assessment | None = None) -> Assessment:
    digest = hashlib.sha256(item.pdf).hexdigest()
    a = editable_draft(s, item.uid, a)
    if item.drafted_at is not None and a.updated_at != item.drafted_at:
        raise Conflict(
            user_text(
                "Assessments",
                "The draft of {name} changed while it was being signed; sign it again",
            ).format(name=a.trainee.name)
        )
    if not a.result:
        raise UserError(
            user_text("Assessments", "Choose a result for {name} before signing").format(
                name=a.trainee.name
            )
        )
    change(
        store,
        s,
        a,
        {
            "state": "signed",
            "signed_by": required(item.signed_by, user_text("Assessments", "Signer's name")),
            "signed_at": item.signed_at,
            "document_sha256": digest,
        },
        action="sign",
    )
    if item.certificate_sha256:
        store.audit(
            s,
            a,
            "signer",
            {
                "signed_by": item.signed_by,
                "certificate_sha256": item.certificate_sha256,
                "form_mentor": item.form_mentor,
            },
        )
        # A bundle bringing this signer's sheets back must carry this certificate's signature.
        record_signed_here(store, s, item.signed_by, item.certificate_sha256)
    s.add(
        AssessmentDocument(
            assessment_id=a.id, revision=1, kind="signed", pdf=item.pdf, sha256=digest
        )
    )
    return a


def mark_signed(store: Store, item: Signed) -> AssessmentView:
    """Lock a draft with the signed PDF made from it."""
    with store.write() as s:
        return assessment_view(_lock(store, s, item))


def mark_signed_many(store: Store, items: list[Signed]) -> None:
    """Lock a batch in one transaction: all of them, or none when one is refused."""
    with store.write() as s:
        loaded = {
            a.uid: a
            for a in s.scalars(
                loaded_assessments().where(Assessment.uid.in_([i.uid for i in items]))
            )
        }
        for item in items:
            _lock(store, s, item, loaded.get(item.uid))


def add_countersignature(
    store: Store,
    uid: str,
    pdf: bytes,
    kind: str,
    *,
    comment: str = "",
    result: str = "",
    signed_here: tuple[str, str] | None = None,
) -> DocumentView:
    """Keep a countersigned revision; it must extend the stored PDF as an incremental update.
    ``signed_here``: the signer's name and certificate fingerprint when it was signed here."""
    with store.write() as s:
        a = find_assessment(s, uid)
        if a.state != "signed":
            raise UserError(
                user_text(
                    "Assessments",
                    "Only a signed assessment can be countersigned (this one is {state})",
                ).format(state=state_word(a.state))
            )
        last = s.scalar(
            select(AssessmentDocument)
            .where(AssessmentDocument.assessment_id == a.id)
            .order_by(AssessmentDocument.revision.desc())
        )
        if last is None:
            raise NotFound(
                user_text("Assessments", "Assessment {uid} has no signed document").format(uid=uid)
            )
        if not pdf.startswith(last.pdf) or len(pdf) == len(last.pdf):
            raise UserError(
                user_text(
                    "Assessments",
                    "This PDF does not extend the signed sheet (the countersignature must be an "
                    "incremental update of it)",
                )
            )
        digest = hashlib.sha256(pdf).hexdigest()
        doc = AssessmentDocument(
            assessment_id=a.id, revision=last.revision + 1, kind=kind, pdf=pdf, sha256=digest
        )
        s.add(doc)
        store.audit(
            s,
            a,
            "countersign",
            {
                "kind": kind,
                "revision": doc.revision,
                "sha256": digest,
                "comment": comment,
                "result": result,
            },
        )
        if signed_here is not None:
            record_signed_here(store, s, *signed_here)
        s.flush()
        return DocumentView(doc.revision, kind, digest, doc.created_at, pdf)


def amend(store: Store, uid: str, reason: str) -> AssessmentView:
    """A new draft version of a signed assessment; the signed one becomes superseded."""
    reason = required(reason, user_text("Assessments", "The reason for the amendment"))
    with store.write() as s:
        old = find_assessment(s, uid)
        if old.state == "draft":
            raise UserError(
                user_text(
                    "Assessments",
                    "A draft can be edited as it is; only a signed assessment is amended",
                )
            )
        if old.state == "superseded":
            newer = s.scalar(select(Assessment.version).where(Assessment.supersedes_uid == uid))
            raise Conflict(
                user_text(
                    "Assessments",
                    "This version is already superseded (by version {newer}); amend that one",
                ).format(newer=newer)
            )
        change(store, s, old, {"state": "superseded"}, action="supersede")
        new = Assessment(
            trainee_id=old.trainee_id,
            period_start=old.period_start,
            period_end=old.period_end,
            version=old.version + 1,
            supersedes_uid=old.uid,
            amendment_reason=reason,
            result=old.result,
            strengths=old.strengths,
            improvements=old.improvements,
            comment=old.comment,
            summary=compute_summary(s, old.trainee, old.period_start, old.period_end),
            mentor_id=old.mentor_id,
        )
        add(store, s, new)
        return assessment_view(find_assessment(s, new.uid))


def countersign_comments(store: Store, uid: str) -> list[dict[str, object]]:
    """The comments and results countersigners gave, oldest first (from the audit trail)."""
    with store.read() as s:
        rows = s.scalars(
            select(AuditEvent)
            .where(AuditEvent.entity_uid == uid, AuditEvent.action == "countersign")
            .order_by(AuditEvent.id)
        )
        return [
            dict(r.changes) for r in rows if r.changes.get("comment") or r.changes.get("result")
        ]
