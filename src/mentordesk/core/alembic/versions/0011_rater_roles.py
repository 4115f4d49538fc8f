"""rater roles: whose view each rating is, and a programme's composite weights

Schools judge a placement from several sources: the enterprise mentor or supervisor, the school
teacher, the trainee's own view and their peers'. Every rating now says whose view it is
(``rater_role``); a rating already there becomes the role of the staff member who made it when
that is a rater role, else ``mentor``. A programme may weigh the roles into a composite grade
(``rating_weights``, "mentor=50,teacher=30,self=20"; empty for none). A draft assessment may
hold the trainee's acknowledgement made on the device (name, drawn signature, when, which
device), stamped into the trainee box when the mentor signs.

``skill_rating_latest`` (migration 0005) stays the assessors' view (mentor and supervisor)
that the Summary and readiness read: a self, peer or teacher rating never takes the place of
the mentor's latest, so its triggers now count only assessor ratings.

Revision ID: 0011
Revises: 0010
"""

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlalchemy as sa
from alembic import op

import mentordesk.core.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TABLE = "skill_rating_latest"
COLUMNS = "trainee_id, skill_id, rated_on, level, rating_id"
WATCHED = ("id", "trainee_id", "skill_id", "rated_on", "level", "deleted", "rater_role")
RATER_ROLES = ("mentor", "supervisor", "teacher", "self", "peer")
ASSESSORS = "('mentor', 'supervisor')"


def _counts(row: str, deleted_false: str) -> str:
    return f"{row}.{deleted_false} AND {row}.rater_role IN {ASSESSORS}"


def _add(row: str, only_if: str) -> str:
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
    pair = f"trainee_id = {row}.trainee_id AND skill_id = {row}.skill_id"
    return f"""
        DELETE FROM {TABLE} WHERE {pair} AND {only_if};
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT trainee_id, skill_id, rated_on, level, id FROM skill_rating
        WHERE {pair} AND deleted = 0 AND rater_role IN {ASSESSORS} AND {only_if}
        ORDER BY rated_on DESC, id DESC LIMIT 1;
    """


def _drop_triggers(dialect: str) -> None:
    if dialect == "sqlite":
        for name in ("insert", "update", "delete"):
            op.execute(f"DROP TRIGGER IF EXISTS skill_rating_latest_{name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS skill_rating_latest ON skill_rating")
        op.execute("DROP FUNCTION IF EXISTS skill_rating_latest()")


def _sqlite_triggers() -> None:
    changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in WATCHED)
    old, new = _counts("OLD", "deleted = 0"), _counts("NEW", "deleted = 0")
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_insert AFTER INSERT ON skill_rating
        WHEN {new}
        BEGIN
            {_add("NEW", "1")}
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_update
        AFTER UPDATE OF {", ".join(WATCHED)} ON skill_rating
        WHEN (({old}) OR ({new})) AND ({changed})
        BEGIN
            {_sqlite_recompute("OLD", old)}
            {_add("NEW", new)}
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER skill_rating_latest_delete AFTER DELETE ON skill_rating
        WHEN {old}
        BEGIN
            {_sqlite_recompute("OLD", "1")}
        END
        """
    )


def _postgresql_triggers() -> None:
    changed = " OR ".join(f"OLD.{c} IS DISTINCT FROM NEW.{c}" for c in WATCHED)
    old, new = _counts("OLD", "deleted IS FALSE"), _counts("NEW", "deleted IS FALSE")
    pair = "trainee_id = OLD.trainee_id AND skill_id = OLD.skill_id"
    latest = f"""SELECT trainee_id, skill_id, rated_on, level, id FROM skill_rating
                 WHERE {pair} AND NOT deleted AND rater_role IN {ASSESSORS}
                 ORDER BY rated_on DESC, id DESC LIMIT 1"""
    op.execute(
        f"""
        CREATE FUNCTION skill_rating_latest() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' AND (NOT ({old}) AND NOT ({new}) OR NOT ({changed})) THEN
                RETURN NULL;
            END IF;
            IF TG_OP IN ('UPDATE', 'DELETE') AND {old} THEN
                -- Row locks on the pair, as migration 0005 explains.
                PERFORM 1 FROM {TABLE} WHERE {pair} FOR UPDATE;
                DELETE FROM {TABLE} WHERE {pair};
                INSERT INTO {TABLE} ({COLUMNS}) {latest};
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                {_add("NEW", new)}
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


def _refill(only_assessors: bool) -> None:
    """Every pair's latest again, from the ratings the triggers now count."""
    role = f"AND rater_role IN {ASSESSORS}" if only_assessors else ""
    op.execute(f"DELETE FROM {TABLE}")
    op.execute(
        f"""
        INSERT INTO {TABLE} ({COLUMNS})
        SELECT p.trainee_id, p.skill_id, r.rated_on, r.level, r.id
        FROM (SELECT DISTINCT trainee_id, skill_id FROM skill_rating
              WHERE deleted = {"FALSE" if op.get_bind().dialect.name != "sqlite" else "0"} {role})
             AS p
        JOIN skill_rating AS r ON r.id = (
            SELECT id FROM skill_rating
            WHERE trainee_id = p.trainee_id AND skill_id = p.skill_id
                AND deleted = {"FALSE" if op.get_bind().dialect.name != "sqlite" else "0"} {role}
            ORDER BY rated_on DESC, id DESC LIMIT 1)
        """
    )


def _revision_0005() -> ModuleType:
    """Migration 0005's trigger builders, to put its triggers back on the way down."""
    path = Path(__file__).with_name("0005_skill_rating_latest.py")
    spec = importlib.util.spec_from_file_location("mentordesk_migration_0005", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _acknowledgement_columns() -> list[sa.Column[Any]]:
    return [
        sa.Column("acknowledged_by", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("acknowledged_at", mentordesk.core.models.base.UTCDateTime(), nullable=True),
        sa.Column("acknowledged_device", sa.String(length=200), nullable=False, server_default=""),
        sa.Column("acknowledgement_png", sa.LargeBinary(), nullable=True),
    ]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    roles = ", ".join(f"'{r}'" for r in RATER_ROLES)
    # In place, not by rebuilding the table (0009 explains why).
    op.add_column(
        "skill_rating",
        sa.Column("rater_role", sa.String(length=16), nullable=False, server_default="mentor"),
    )
    op.execute(
        f"""
        UPDATE skill_rating SET rater_role = (
            SELECT staff.role FROM staff WHERE staff.id = skill_rating.rater_id)
        WHERE rater_id IS NOT NULL AND (
            SELECT staff.role FROM staff WHERE staff.id = skill_rating.rater_id) IN ({roles})
        """
    )
    op.add_column(
        "programme",
        sa.Column("rating_weights", sa.String(length=200), nullable=False, server_default=""),
    )
    for column in _acknowledgement_columns():
        op.add_column("assessment", column)
    _drop_triggers(dialect)
    if dialect == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()
    _refill(only_assessors=True)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    _drop_triggers(dialect)
    for column in _acknowledgement_columns():
        op.drop_column("assessment", column.name)
    op.drop_column("programme", "rating_weights")
    op.drop_column("skill_rating", "rater_role")
    older = _revision_0005()
    if dialect == "sqlite":
        older._sqlite_triggers()
    else:
        older._postgresql_triggers()
    _refill(only_assessors=False)
