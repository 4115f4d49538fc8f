"""Job readiness and pinyin search on the shared dataset, each against a same-run baseline.

- The readiness matrix (trainees × a post's skills, core/readiness.py) of the largest cohort,
  against its own statements run through plain ``sqlite3`` and fetched whole, in the same
  rounds: at most 2×.
- Searching every trainee by pinyin (``wangw`` for 王伟) against the name search it stands
  beside (``王``), in the same rounds: at most 2×.
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from mentordesk.core.models import Cohort, Trainee
from mentordesk.core.posts import list_posts
from mentordesk.core.readiness import cohort_matrix
from mentordesk.core.rubrics import list_rubrics
from mentordesk.core.store import Store
from mentordesk.core.trainees import list_trainees

from .bench_queries import captured, plain, timed
from .figures import Figure


def _largest_cohort(store: Store) -> tuple[str, str, int]:
    with store.read() as s:
        name, track, size = s.execute(
            select(Cohort.name, Cohort.track, func.count(Trainee.id))
            .join(Trainee, Trainee.cohort_id == Cohort.id)
            .group_by(Cohort.id)
            .order_by(func.count(Trainee.id).desc())
            .limit(1)
        ).one()
    return name, track, size


def _post_for(store: Store, track: str) -> str:
    """The post with the most skills of the cohort's direction and the foundation."""
    skills = {sk.uid: sk.module for r in list_rubrics(store) for sk in r.skills}
    posts = list_posts(store)
    if not posts:
        raise RuntimeError("the dataset's rubric names no post")
    taught = {track, "Foundation"}
    return max(posts, key=lambda p: sum(skills.get(t.skill_uid) in taught for t in p.targets)).uid


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    if dataset is None:
        from .dataset import build_dataset

        dataset = build_dataset(quick=quick)
    store = Store.open(dataset)
    try:
        cohort, track, size = _largest_cohort(store)
        post = _post_for(store, track)
        held = store.engine.raw_connection()
        try:
            with captured(store) as statements:
                matrix = cohort_matrix(store, cohort, post)
            ms = timed(
                {
                    "matrix": lambda: cohort_matrix(store, cohort, post),
                    "plain": plain(held.dbapi_connection, statements),
                    "pinyin": lambda: list_trainees(store, "wangw"),
                    "name": lambda: list_trainees(store, "王"),
                },
                5 if quick else 15,
            )
        finally:
            held.close()
        everyone = len(list_trainees(store))
    finally:
        store.close()
    cells = len(matrix.rows) * len(matrix.columns)
    return [
        Figure(
            f"readiness matrix, largest cohort ({size} trainees, {len(matrix.rows)} not withdrawn"
            f" × {len(matrix.columns)} skills = {cells:,} cells, {len(statements)} statements)",
            ms["matrix"],
            "ms",
            baseline=ms["plain"],
            target=2.0,
            target_text="<= 2x plain",
        ),
        Figure(
            f"pinyin search 'wangw' over {everyone:,} trainees, against name search '王'",
            ms["pinyin"],
            "ms",
            baseline=ms["name"],
            target=2.0,
            target_text="<= 2x name search",
        ),
    ]
