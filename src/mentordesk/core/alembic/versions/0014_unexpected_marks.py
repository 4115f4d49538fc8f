"""marks not at an expected session, kept by triggers

A whole-plant Summary shows, per trainee, the expected sessions and how many of them are
unrecorded. Pairing each of a year's marks with its session, cohort and the trainee's days to
tell whether it was expected reads every mark of the year. Nearly every mark is at an expected
session, so the database keeps the few that are not (``unexpected_mark``): a period's marks
at expected sessions are its marks, which the monthly totals give (migration 0004), less these.

A mark is kept here when the record and its session are not deleted, its trainee could be
expected somewhere (active, or with a leaving date) and it is not expected: the session was
cancelled or is not of the trainee's cohort, or its day is before the trainee's enrolment, on
or after their leaving, or in approved leave. Triggers re-decide a mark whenever anything that
decision reads changes: the record, its session, its trainee or the trainee's leave.

Revision ID: 0014
Revises: 0013
"""

import sqlalchemy as sa
from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None


def _unexpected(dialect: str, where: str) -> str:
    """INSERT of the unexpected marks among the records that ``where`` picks (alias ``a``).

    Records first, then their session and trainee by key: SQLite's CROSS JOIN keeps that
    order (``where`` names the records by id, session or trainee, or none for all)."""
    no, yes = ("0", "1") if dialect == "sqlite" else ("false", "true")
    return f"""
        INSERT INTO unexpected_mark (attendance_id, trainee_id, held_on)
        SELECT a.id, a.trainee_id, s.held_on
        FROM attendance AS a CROSS JOIN workshop_session AS s CROSS JOIN trainee AS t
        WHERE s.id = a.session_id AND t.id = a.trainee_id AND {where}
            AND a.deleted = {no} AND s.deleted = {no}
            AND (t.left_on IS NOT NULL OR t.status = 'active')
            AND NOT (
                s.cancelled = {no} AND t.cohort_id IS NOT NULL AND s.cohort_id = t.cohort_id
                AND (t.enrolled_on IS NULL OR t.enrolled_on <= s.held_on)
                AND (t.left_on IS NULL OR t.left_on > s.held_on)
                AND NOT EXISTS (
                    SELECT 1 FROM leave AS l
                    WHERE l.trainee_id = t.id AND l.deleted = {no} AND l.approved = {yes}
                        AND l.starts_on <= s.held_on AND l.ends_on >= s.held_on
                )
            );
    """


def _of_session(session: str) -> str:
    return f"attendance_id IN (SELECT id FROM attendance WHERE session_id = {session})"


SESSION_CHANGED = (
    "OLD.held_on IS NOT NEW.held_on OR OLD.deleted IS NOT NEW.deleted "
    "OR OLD.cancelled IS NOT NEW.cancelled OR OLD.cohort_id IS NOT NEW.cohort_id"
)
TRAINEE_CHANGED = (
    "OLD.cohort_id IS NOT NEW.cohort_id OR OLD.enrolled_on IS NOT NEW.enrolled_on "
    "OR OLD.left_on IS NOT NEW.left_on OR OLD.status IS NOT NEW.status"
)
SQLITE_TRIGGERS = (
    "unexpected_mark_attendance_insert",
    "unexpected_mark_attendance_update",
    "unexpected_mark_attendance_delete",
    "unexpected_mark_session",
    "unexpected_mark_trainee",
    "unexpected_mark_leave_insert",
    "unexpected_mark_leave_update",
    "unexpected_mark_leave_delete",
)


def _sqlite_triggers() -> None:
    def run(name: str, when: str, body: str, condition: str = "") -> None:
        op.execute(
            f"CREATE TRIGGER {name} {when} {f'WHEN {condition}' if condition else ''} "
            f"BEGIN {body} END"
        )

    sql = "sqlite"
    run(
        "unexpected_mark_attendance_insert",
        "AFTER INSERT ON attendance",
        _unexpected(sql, "a.id = NEW.id"),
    )
    run(
        "unexpected_mark_attendance_update",
        "AFTER UPDATE OF session_id, trainee_id, deleted ON attendance",
        "DELETE FROM unexpected_mark WHERE attendance_id = OLD.id;"
        + _unexpected(sql, "a.id = NEW.id"),
    )
    run(
        "unexpected_mark_attendance_delete",
        "AFTER DELETE ON attendance",
        "DELETE FROM unexpected_mark WHERE attendance_id = OLD.id;",
    )
    run(
        "unexpected_mark_session",
        "AFTER UPDATE OF held_on, deleted, cancelled, cohort_id ON workshop_session",
        f"DELETE FROM unexpected_mark WHERE {_of_session('NEW.id')};"
        + _unexpected(sql, "a.session_id = NEW.id"),
        SESSION_CHANGED,
    )
    run(
        "unexpected_mark_trainee",
        "AFTER UPDATE OF cohort_id, enrolled_on, left_on, status ON trainee",
        "DELETE FROM unexpected_mark WHERE trainee_id = NEW.id;"
        + _unexpected(sql, "a.trainee_id = NEW.id"),
        TRAINEE_CHANGED,
    )

    def redo(trainee: str) -> str:
        return f"DELETE FROM unexpected_mark WHERE trainee_id = {trainee};" + _unexpected(
            sql, f"a.trainee_id = {trainee}"
        )

    run("unexpected_mark_leave_insert", "AFTER INSERT ON leave", redo("NEW.trainee_id"))
    # A leave moved to another trainee re-decides both trainees' marks.
    run(
        "unexpected_mark_leave_update",
        "AFTER UPDATE ON leave",
        redo("OLD.trainee_id") + redo("NEW.trainee_id"),
    )
    run("unexpected_mark_leave_delete", "AFTER DELETE ON leave", redo("OLD.trainee_id"))


def _postgresql_triggers() -> None:
    sql = "postgresql"
    op.execute(
        f"""
        CREATE FUNCTION unexpected_mark_attendance() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                DELETE FROM unexpected_mark WHERE attendance_id = OLD.id;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                {_unexpected(sql, "a.id = NEW.id")}
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER unexpected_mark_attendance
        AFTER INSERT OR DELETE OR UPDATE OF session_id, trainee_id, deleted
        ON attendance FOR EACH ROW EXECUTE FUNCTION unexpected_mark_attendance()
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION unexpected_mark_session() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM unexpected_mark WHERE {_of_session("NEW.id")};
            {_unexpected(sql, "a.session_id = NEW.id")}
            RETURN NULL;
        END $$
        """
    )
    changed = SESSION_CHANGED.replace("IS NOT", "IS DISTINCT FROM")
    op.execute(
        f"""
        CREATE TRIGGER unexpected_mark_session
        AFTER UPDATE OF held_on, deleted, cancelled, cohort_id ON workshop_session
        FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION unexpected_mark_session()
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION unexpected_mark_trainee() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            DELETE FROM unexpected_mark WHERE trainee_id = NEW.id;
            {_unexpected(sql, "a.trainee_id = NEW.id")}
            RETURN NULL;
        END $$
        """
    )
    changed = TRAINEE_CHANGED.replace("IS NOT", "IS DISTINCT FROM")
    op.execute(
        f"""
        CREATE TRIGGER unexpected_mark_trainee
        AFTER UPDATE OF cohort_id, enrolled_on, left_on, status ON trainee
        FOR EACH ROW WHEN ({changed}) EXECUTE FUNCTION unexpected_mark_trainee()
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION unexpected_mark_leave() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                DELETE FROM unexpected_mark WHERE trainee_id = OLD.trainee_id;
                {_unexpected(sql, "a.trainee_id = OLD.trainee_id")}
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') THEN
                DELETE FROM unexpected_mark WHERE trainee_id = NEW.trainee_id;
                {_unexpected(sql, "a.trainee_id = NEW.trainee_id")}
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER unexpected_mark_leave AFTER INSERT OR UPDATE OR DELETE ON leave
        FOR EACH ROW EXECUTE FUNCTION unexpected_mark_leave()
        """
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no unexpected marks for {dialect}")
    op.create_table(
        "unexpected_mark",
        sa.Column("attendance_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.PrimaryKeyConstraint("attendance_id", name=op.f("pk_unexpected_mark")),
    )
    op.create_index(
        "ix_unexpected_mark_trainee_held_on", "unexpected_mark", ["trainee_id", "held_on"]
    )
    op.execute(_unexpected(dialect, "1 = 1"))
    if dialect == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        for table, name in (
            ("attendance", "unexpected_mark_attendance"),
            ("workshop_session", "unexpected_mark_session"),
            ("trainee", "unexpected_mark_trainee"),
            ("leave", "unexpected_mark_leave"),
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_index("ix_unexpected_mark_trainee_held_on", table_name="unexpected_mark")
    op.drop_table("unexpected_mark")
