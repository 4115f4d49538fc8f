"""Each trainee's latest rating of each skill, which database triggers keep (migration 0005).

The Summary takes mean levels from ``skill_rating_latest`` for every period that ends on or
after the newest rating, so a table that no longer matches the ratings would give wrong levels
without any sign. Only a program writing ratings with the triggers switched off (a bulk tool, a
copy restored from elsewhere) could make it so: ``check`` proves the table still equals the
ratings, and ``rebuild`` recomputes it. The latest is the assessor (mentor or supervisor) rating
not deleted with the greatest date, then the greatest id, as in the triggers.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import Select, delete, except_, func, insert, select, text, union
from sqlalchemy.orm import Session, aliased

from .models import ASSESSOR_ROLES, SkillRating, SkillRatingLatest
from .wording import user_text

_COLUMNS = ("trainee_id", "skill_id", "rated_on", "level", "rating_id")


def _from_ratings(session: Session) -> Select[int, int, date, int, int]:
    """Each pair's latest rating, worked out from the ratings as the migration fills the table."""
    # Only the assessors' ratings count (migration 0011): another source never takes their place.
    live = SkillRating.deleted.is_(False) & SkillRating.rater_role.in_(ASSESSOR_ROLES)
    if session.get_bind().dialect.name == "postgresql":
        # Imported here: a SQLite store never loads the PostgreSQL dialect.
        from sqlalchemy.dialects.postgresql import distinct_on

        latest = (
            select(
                SkillRating.trainee_id,
                SkillRating.skill_id,
                SkillRating.rated_on,
                SkillRating.level,
                SkillRating.id,
            )
            .where(live)
            .ext(distinct_on(SkillRating.trainee_id, SkillRating.skill_id))
            .order_by(
                SkillRating.trainee_id,
                SkillRating.skill_id,
                SkillRating.rated_on.desc(),
                SkillRating.id.desc(),
            )
            .subquery()
        )
        c = latest.c
        return select(c.trainee_id, c.skill_id, c.rated_on, c.level, c.id)
    # SQLite: one step down the rating index per trainee and skill.
    pairs = select(SkillRating.trainee_id, SkillRating.skill_id).where(live).distinct().subquery()
    rating = aliased(SkillRating)
    latest_id = (
        select(SkillRating.id)
        .where(
            SkillRating.trainee_id == pairs.c.trainee_id,
            SkillRating.skill_id == pairs.c.skill_id,
            live,
        )
        .order_by(SkillRating.rated_on.desc(), SkillRating.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    return select(
        pairs.c.trainee_id, pairs.c.skill_id, rating.rated_on, rating.level, rating.id
    ).join(rating, rating.id == latest_id)


def _kept() -> Select[int, int, date, int, int]:
    kept = SkillRatingLatest
    return select(kept.trainee_id, kept.skill_id, kept.rated_on, kept.level, kept.rating_id)


def drift(session: Session) -> list[str]:
    """What differs between the kept latest ratings and the ratings; empty when they agree."""
    kept, recomputed = _kept(), _from_ratings(session)
    stale = except_(kept, recomputed).subquery()
    missing = except_(recomputed, kept).subquery()
    differing = union(select(stale.c[0], stale.c[1]), select(missing.c[0], missing.c[1])).subquery()
    pairs = session.scalar(select(func.count()).select_from(differing))
    if not pairs:
        return []
    return [
        user_text(
            "Database",
            "latest skill levels disagree with the ratings for {pairs} trainee-skill pairs; "
            "run `mentordesk check --repair`",
        ).format(pairs=pairs)
    ]


def rebuild(session: Session) -> None:
    """Recompute every pair's latest rating."""
    if session.get_bind().dialect.name == "postgresql":
        # Writers of ratings wait until the rebuilt table is committed, and the rebuild reads
        # every rating committed before it: no trigger's change falls between the two.
        session.execute(text("LOCK TABLE skill_rating IN SHARE MODE"))
    session.execute(delete(SkillRatingLatest))
    session.execute(insert(SkillRatingLatest).from_select(list(_COLUMNS), _from_ratings(session)))
