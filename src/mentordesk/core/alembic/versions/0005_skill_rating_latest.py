"""each trainee's latest rating of each skill, kept by triggers

The Summary's mean level takes each skill's latest level in the period. Looking that up is one
index step per trainee and skill, which for every trainee of a plant's five years is too many
steps for a Summary. A period that ends on or after the newest rating, which is what
an export of "up to now" asks, needs no search at all: a skill's latest level in it is the
skill's latest rating overall, if that falls on or after the period's start. So
``skill_rating_latest`` holds that rating (not deleted; greatest date, then greatest id, as the
Summary orders them) per trainee and skill. The database maintains it with triggers, whatever
program writes ratings: a rating joining a pair is compared with the pair's latest, and a pair a
rating leaves or changes in is recomputed from the rating index (one step since 0004).

Revision ID: 0005
Revises: 0004
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TABLE = "skill_rating_latest"
COLUMNS = "trainee_id, skill_id, rated_on, level, rating_id"
# What a rating's place in the table depends on; other columns (evidence, rater) change freely.
WATCHED = ("id", "trainee_id", "skill_id", "rated_on", "level", "deleted")


def _add(row: str, only_if: str) -> str:
    """SQL counting ``row`` into its pair: it becomes the latest if it is later than the kept
    one. Compared with the row as committed (ON CONFLICT waits for a writer of the same pair
    and reads its row), so two writers adding to one pair at once give the later of both."""
    return f"""
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT {row}.trainee_id, {row}.skill_id, {row}.rated_on, {row}.level, {row}.id
        WHERE {only_if}
        ON CONFLICT (trainee_id, skill_id) DO UPDATE SET rated_on = excluded.rated_on,
            level = excluded.level, rating_id = excluded.rating_id
        WHERE (excluded.rated_on, excluded.rating_id)
            > ({TABLE}.rated_on, {TABLE}.rating_id);
    """


def _sqlite_recompute(row: str, only_if: str) -> str:
    """SQL putting back the latest rating of ``row``'s trainee and skill, when ``only_if``."""
    pair = f"trainee_id = {row}.trainee_id AND skill_id = {row}.skill_id"
    return f"""
        DELETE FROM {TABLE} WHERE {pair} AND {only_if};
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT trainee_id, skill_id, rated_on, level, id FROM skill_rating
        WHERE {pair} AND deleted = 0 AND {only_if}
        ORDER BY rated_on DESC, id DESC LIMIT 1;
    """


def _sqlite_triggers() -> None:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
    # A deleted rating is never a pair's latest: inserting or removing one changes nothing. A
    # rating leaving a pair (moved, deleted, re-dated or re-levelled within it) may have been
    # its latest, so the pair is recomputed; one joining a pair only has to be compared.
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_insert AFTER INSERT ON skill_rating
        WHEN NEW.deleted = 0
        BEGIN
            {_add("NEW", "1")}
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_update
        AFTER UPDATE OF {", ".join(WATCHED)} ON skill_rating
        WHEN (OLD.deleted = 0 OR NEW.deleted = 0) AND ({changed})
        BEGIN
            {_sqlite_recompute("OLD", "OLD.deleted = 0")}
            {_add("NEW", "NEW.deleted = 0")}
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_delete AFTER DELETE ON skill_rating
        WHEN OLD.deleted = 0
        BEGIN
            {_sqlite_recompute("OLD", "1")}
        END
        """
    )


def _postgresql_triggers() -> None:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in WATCHED)
    pair = "trainee_id = OLD.trainee_id AND skill_id = OLD.skill_id"
    latest = f"""SELECT trainee_id, skill_id, rated_on, level, id FROM skill_rating
                 WHERE {pair} AND NOT deleted ORDER BY rated_on DESC, id DESC LIMIT 1"""
    op.execute(
        f"""
        CREATE FUNCTION skill_rating_latest() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND (OLD.deleted AND NEW.deleted OR NOT ({changed})) THEN
                RETURN NULL;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.deleted THEN
                -- The pair's row exists (OLD was one of its ratings). Locking it first makes
                -- another writer of the pair wait for this transaction or this one for theirs,
                -- and the statements below, each with a fresh snapshot under READ COMMITTED,
                -- then see what they committed. Row locks, not advisory ones: a bulk import
                -- touching 75,000 pairs in one transaction ran out of the shared lock table.
                PERFORM 1 FROM {TABLE} WHERE {pair} FOR UPDATE;
                UPDATE {TABLE} AS kept
                SET rated_on = r.rated_on, level = r.level, rating_id = r.id
                FROM ({latest}) AS r
                WHERE kept.trainee_id = OLD.trainee_id AND kept.skill_id = OLD.skill_id;
                IF NOT FOUND THEN
                    DELETE FROM {TABLE} WHERE {pair};
                    INSERT INTO {TABLE} ({COLUMNS}) {latest};
                END IF;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                {_add("NEW", "NOT NEW.deleted")}
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest
        AFTER INSERT OR DELETE OR UPDATE OF {", ".join(WATCHED)}
        ON skill_rating FOR EACH ROW EXECUTE FUNCTION skill_rating_latest()
        """
    )


def _fill(dialect: str) -> None:
    """Existing ratings: one step down the rating index per trainee and skill."""
    if dialect == "sqlite":
        op.execute(
            f"""
            INSERT INTO {TABLE} ({COLUMNS})
            SELECT p.trainee_id, p.skill_id, r.rated_on, r.level, r.id
            FROM (SELECT DISTINCT trainee_id, skill_id FROM skill_rating WHERE deleted = 0) AS p
            JOIN skill_rating AS r ON r.id = (
                SELECT id FROM skill_rating
                WHERE trainee_id = p.trainee_id AND skill_id = p.skill_id AND deleted = 0
                ORDER BY rated_on DESC, id DESC LIMIT 1)
            """
        )
    else:
        op.execute(
            f"""
            INSERT INTO {TABLE} ({COLUMNS})
            SELECT DISTINCT ON (trainee_id, skill_id) trainee_id, skill_id, rated_on, level, id
            FROM skill_rating WHERE NOT deleted
            ORDER BY trainee_id, skill_id, rated_on DESC, id DESC
            """
        )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no latest ratings for {dialect}")
    op.create_table(
        TABLE,
        sa.Column("trainee_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("skill_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("rating_id", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("trainee_id", "skill_id", name=op.f("pk_skill_rating_latest")),
        sqlite_with_rowid=False,
    )
    _fill(dialect)
    # The newest rating (is the period's end past it?) and a period's start as one range,
    # answered from the index alone; a trainee's pairs are the primary key's range.
    op.create_index("ix_skill_rating_latest_rated_on", TABLE, ["rated_on", "trainee_id", "level"])
    if dialect == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS skill_rating_latest_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS skill_rating_latest ON skill_rating")
        op.execute("DROP FUNCTION IF EXISTS skill_rating_latest()")
    op.drop_index("ix_skill_rating_latest_rated_on", table_name=TABLE)
    op.drop_table(TABLE)
