"""How a Feedback sheet's row merges: the mentor's suggestions and the school's reply.

A row is matched by UID, else by its cohort and period (two machines that each wrote feedback
for the same cohort and period hold one record, not two). The newer ``Updated At`` wins, as
everywhere. The reply is the school's own field, though: a reply that arrives with an older
``Updated At`` (typed into the sheet at the school, or answered there while the mentor here
edited the suggestions) is still taken when there is none here or its ``Replied At`` is newer,
and the record is then stamped as changed here, so that both sides end up with both texts.
Likewise a newer row without a reply never clears the reply recorded here.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from sqlalchemy import select

from .import_report import UPDATED
from .merge_records import CohortName, Incoming, Rejected, to_ms
from .models import Cohort, SchoolFeedback
from .wording import user_text

if TYPE_CHECKING:
    from .merge import Merger


def _same_period(
    m: Merger, cohort: str, start: date | None, end: date | None
) -> SchoolFeedback | None:
    m.s.flush()
    query = (
        select(SchoolFeedback)
        .join(Cohort, Cohort.id == SchoolFeedback.cohort_id)
        .where(Cohort.name == cohort, SchoolFeedback.deleted.is_(False))
        .where(
            SchoolFeedback.period_start.is_(None)
            if start is None
            else SchoolFeedback.period_start == start,
            SchoolFeedback.period_end.is_(None)
            if end is None
            else SchoolFeedback.period_end == end,
        )
    )
    return m.s.scalars(query.order_by(SchoolFeedback.id)).first()


def feedback(m: Merger, r: Incoming, local: SchoolFeedback | None, label: str) -> None:
    v = r.values
    cohort = v["Cohort"]
    if not cohort:
        raise Rejected(
            user_text("Merge", "column {column}: empty").format(column=m.column("Cohort"))
        )
    start, end = v["Period Start"], v["Period End"]
    if start is not None and end is not None and end < start:
        raise Rejected(
            user_text(
                "Merge", "column {column}: {end} is before the period's start {start}"
            ).format(column=m.column("Period End"), end=end, start=start)
        )
    if local is None and not r.deleted:
        local = _same_period(m, cohort, start, end)
    reply = (v["School Reply"] or "").strip()
    values = {
        "cohort_id": CohortName(cohort),
        "period_start": start,
        "period_end": end,
        "suggestions": (v["Suggestions"] or "").strip(),
        "written_by": v["Written By"],
        "reply": reply,
        "replied_by": v["Replied By"],
        "replied_at": v["Replied At"],
    }
    if local is None or to_ms(r.updated_at) > to_ms(local.updated_at) or r.deleted:
        # A newer row that never saw the reply recorded here does not clear it; the record
        # then counts as changed here, so the reply travels back with the newer words.
        kept = local is not None and not r.deleted and not reply and bool(local.reply)
        if kept and local is not None:
            values |= {k: getattr(local, k) for k in ("reply", "replied_by", "replied_at")}
        m.merge(r, SchoolFeedback, local, values, label)
        if kept and local is not None:
            m.store.stamp(local)
        return
    if reply and reply != local.reply and _reply_newer(r, local):
        m.check(SchoolFeedback, values)
        answered = v["Replied At"] or to_ms(r.updated_at)
        fields = {"reply": reply, "replied_by": v["Replied By"], "replied_at": answered}
        diff = {k: [getattr(local, k), new] for k, new in fields.items()}
        for key, new in fields.items():
            setattr(local, key, new)
        m.store.stamp(local)
        m.store.audit(m.s, local, "merge", {"source": m.source.source, **diff})
        m.outcome(r, UPDATED, label, ["School Reply"])
        return
    m.merge(r, SchoolFeedback, local, values, label)


def _reply_newer(r: Incoming, local: SchoolFeedback) -> bool:
    if not local.reply or local.replied_at is None:
        return True
    incoming = r.values["Replied At"]
    return incoming is not None and to_ms(incoming) > to_ms(local.replied_at)
