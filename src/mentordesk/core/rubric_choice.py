"""Which rubric a trainee is rated against: their programme's own, else the shared one."""

from __future__ import annotations

from sqlalchemy import select

from .changes import find
from .models import Cohort, Rubric, Trainee
from .rubrics import RubricView, current_rubric, get_rubric
from .store import Store


def rubric_for_cohort(store: Store, cohort_id: int | None) -> RubricView | None:
    """The rubric a cohort's trainees are rated against: the newest version of its programme's
    own rubric, else the one the shop floor shares (``current_rubric``)."""
    uid = None
    if cohort_id is not None:
        with store.read() as s:
            uid = s.scalar(
                select(Rubric.uid)
                .join(Cohort, Cohort.programme_id == Rubric.programme_id)
                .where(
                    Cohort.id == cohort_id,
                    Rubric.deleted.is_(False),
                    Rubric.withdrawn.is_(False),
                )
                .order_by(Rubric.version.desc())
                .limit(1)
            )
    return get_rubric(store, uid) if uid is not None else current_rubric(store)


def cohort_rubrics(store: Store) -> dict[str, RubricView | None]:
    """Each cohort's rubric (``rubric_for_cohort``) by the cohort's uid."""
    with store.read() as s:
        cohorts = s.execute(select(Cohort.uid, Cohort.id)).all()
    return {uid: rubric_for_cohort(store, cohort_id) for uid, cohort_id in cohorts}


def rubric_for_trainee(store: Store, trainee_uid: str) -> RubricView | None:
    """The rubric the trainee is rated against: their cohort's (``rubric_for_cohort``)."""
    with store.read() as s:
        cohort_id = find(s, Trainee, trainee_uid, "trainee").cohort_id
    return rubric_for_cohort(store, cohort_id)
