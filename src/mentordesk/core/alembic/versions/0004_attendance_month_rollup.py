"""attendance per trainee and month, kept by triggers; indexes for period summaries

A cohort's year is tens of thousands of attendance records, too many to add up each time a
screen opens. Whole months come from ``attendance_month`` (a row per trainee and month) and the
part-months at a period's edges from one range of a trainee-and-date index, so
attendance copies its session's date (``held_on``). The database maintains both with triggers,
whatever program writes attendance or sessions, so they cannot drift from the records.

The rating index puts ``deleted`` before the date so that a skill's latest level in a period is
one index step; the note index gains ``deleted`` so counting notes never reads the table.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STATUSES = ("present", "late", "left_early", "absent", "excused")
COUNTS = ("sessions", *STATUSES, "hours")


def _replace_index(table: str, name: str, columns: list[str]) -> None:
    with op.batch_alter_table(table) as batch:
        batch.drop_index(name)
        batch.create_index(name, columns)


def _sqlite_month(day: str) -> str:
    return f"strftime('%Y-%m-01', {day})"


def _sqlite_triggers() -> None:
    upsert = ", ".join(f"{c} = {c} + excluded.{c}" for c in COUNTS)

    def add(row: str) -> str:
        flags = ", ".join(f"{row}.status = '{s}'" for s in STATUSES)
        return f"""
            INSERT INTO attendance_month (trainee_id, month, {", ".join(COUNTS)})
            SELECT {row}.trainee_id, {_sqlite_month("held_on")}, 1, {flags}, {row}.hours
            FROM workshop_session WHERE id = {row}.session_id AND deleted = 0
                AND {row}.deleted = 0
            ON CONFLICT (trainee_id, month) DO UPDATE SET {upsert};
        """

    def subtract(row: str) -> str:
        minus = ", ".join(f"{s} = {s} - ({row}.status = '{s}')" for s in STATUSES)
        return f"""
            UPDATE attendance_month
            SET sessions = sessions - 1, {minus}, hours = hours - {row}.hours
            WHERE {row}.deleted = 0 AND trainee_id = {row}.trainee_id
                AND month = (SELECT {_sqlite_month("held_on")} FROM workshop_session
                             WHERE id = {row}.session_id AND deleted = 0);
            DELETE FROM attendance_month WHERE trainee_id = {row}.trainee_id AND sessions = 0;
        """

    op.execute(
        f"""
        CREATE TRIGGER attendance_rollup_insert AFTER INSERT ON attendance
        BEGIN
            {add("NEW")}
        END
        """
    )
    # A writer that already gives the session's date (capture, bulk loads) costs no second
    # write; one that leaves it out or gets it wrong is corrected.
    op.execute(
        """
        CREATE TRIGGER attendance_held_on_insert AFTER INSERT ON attendance
        WHEN NEW.held_on IS NOT (SELECT held_on FROM workshop_session WHERE id = NEW.session_id)
        BEGIN
            UPDATE attendance SET held_on =
                (SELECT held_on FROM workshop_session WHERE id = NEW.session_id)
            WHERE id = NEW.id;
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER attendance_rollup_update
        AFTER UPDATE OF session_id, trainee_id, status, hours, deleted ON attendance
        BEGIN
            UPDATE attendance SET held_on =
                (SELECT held_on FROM workshop_session WHERE id = NEW.session_id)
            WHERE id = NEW.id AND NEW.session_id IS NOT OLD.session_id;
            {subtract("OLD")}
            {add("NEW")}
        END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER attendance_rollup_delete AFTER DELETE ON attendance
        BEGIN
            {subtract("OLD")}
        END
        """
    )
    sums = ", ".join(f"sum(status = '{s}')" for s in STATUSES)
    minus = ", ".join(f"{c} = attendance_month.{c} - d.{c}" for c in COUNTS)
    named = ", ".join(f"sum(status = '{s}') AS {s}" for s in STATUSES)
    op.execute(
        f"""
        CREATE TRIGGER workshop_session_rollup
        AFTER UPDATE OF held_on, deleted ON workshop_session
        WHEN OLD.held_on IS NOT NEW.held_on OR OLD.deleted IS NOT NEW.deleted
        BEGIN
            UPDATE attendance SET held_on = NEW.held_on WHERE session_id = NEW.id;
            UPDATE attendance_month SET {minus}
            FROM (SELECT trainee_id, count(*) AS sessions, {named}, sum(hours) AS hours
                  FROM attendance WHERE session_id = OLD.id AND deleted = 0
                  GROUP BY trainee_id) AS d
            WHERE OLD.deleted = 0 AND attendance_month.trainee_id = d.trainee_id
                AND attendance_month.month = {_sqlite_month("OLD.held_on")};
            DELETE FROM attendance_month WHERE sessions = 0 AND trainee_id IN
                (SELECT trainee_id FROM attendance WHERE session_id = OLD.id);
            INSERT INTO attendance_month (trainee_id, month, {", ".join(COUNTS)})
            SELECT trainee_id, {_sqlite_month("NEW.held_on")}, count(*), {sums}, sum(hours)
            FROM attendance WHERE session_id = NEW.id AND deleted = 0 AND NEW.deleted = 0
            GROUP BY trainee_id
            ON CONFLICT (trainee_id, month) DO UPDATE SET {upsert};
        END
        """
    )


def _postgresql_triggers() -> None:
    upsert = ", ".join(f"{c} = attendance_month.{c} + EXCLUDED.{c}" for c in COUNTS)
    flags = ", ".join(f"(NEW.status = '{s}')::int" for s in STATUSES)
    minus = ", ".join(f"{s} = m.{s} - (OLD.status = '{s}')::int" for s in STATUSES)
    op.execute(
        """
        CREATE FUNCTION attendance_held_on() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            NEW.held_on := (SELECT held_on FROM workshop_session WHERE id = NEW.session_id);
            RETURN NEW;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER attendance_held_on BEFORE INSERT OR UPDATE OF session_id ON attendance
        FOR EACH ROW EXECUTE FUNCTION attendance_held_on()
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION attendance_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') AND NOT OLD.deleted THEN
                UPDATE attendance_month AS m
                SET sessions = m.sessions - 1, {minus}, hours = m.hours - OLD.hours
                FROM workshop_session AS s
                WHERE s.id = OLD.session_id AND NOT s.deleted AND m.trainee_id = OLD.trainee_id
                    AND m.month = date_trunc('month', s.held_on)::date;
                DELETE FROM attendance_month WHERE trainee_id = OLD.trainee_id AND sessions = 0;
            END IF;
            IF TG_OP IN ('INSERT', 'UPDATE') AND NOT NEW.deleted THEN
                INSERT INTO attendance_month (trainee_id, month, {", ".join(COUNTS)})
                SELECT NEW.trainee_id, date_trunc('month', held_on)::date, 1, {flags}, NEW.hours
                FROM workshop_session WHERE id = NEW.session_id AND NOT deleted
                ON CONFLICT (trainee_id, month) DO UPDATE SET {upsert};
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER attendance_rollup
        AFTER INSERT OR DELETE OR UPDATE OF session_id, trainee_id, status, hours, deleted
        ON attendance FOR EACH ROW EXECUTE FUNCTION attendance_rollup()
        """
    )
    sums = ", ".join(f"count(*) FILTER (WHERE status = '{s}')" for s in STATUSES)
    named = ", ".join(f"count(*) FILTER (WHERE status = '{s}') AS {s}" for s in STATUSES)
    less = ", ".join(f"{c} = m.{c} - d.{c}" for c in COUNTS)
    op.execute(
        f"""
        CREATE FUNCTION workshop_session_rollup() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            UPDATE attendance SET held_on = NEW.held_on WHERE session_id = NEW.id;
            IF NOT OLD.deleted THEN
                UPDATE attendance_month AS m SET {less}
                FROM (SELECT trainee_id, count(*) AS sessions, {named}, sum(hours) AS hours
                      FROM attendance WHERE session_id = OLD.id AND NOT deleted
                      GROUP BY trainee_id) AS d
                WHERE m.trainee_id = d.trainee_id
                    AND m.month = date_trunc('month', OLD.held_on)::date;
                DELETE FROM attendance_month WHERE sessions = 0 AND trainee_id IN
                    (SELECT trainee_id FROM attendance WHERE session_id = OLD.id);
            END IF;
            IF NOT NEW.deleted THEN
                INSERT INTO attendance_month (trainee_id, month, {", ".join(COUNTS)})
                SELECT trainee_id, date_trunc('month', NEW.held_on)::date, count(*), {sums},
                    sum(hours)
                FROM attendance WHERE session_id = NEW.id AND NOT deleted
                GROUP BY trainee_id
                ON CONFLICT (trainee_id, month) DO UPDATE SET {upsert};
            END IF;
            RETURN NULL;
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER workshop_session_rollup AFTER UPDATE OF held_on, deleted
        ON workshop_session FOR EACH ROW
        WHEN (OLD.held_on IS DISTINCT FROM NEW.held_on OR OLD.deleted IS DISTINCT FROM NEW.deleted)
        EXECUTE FUNCTION workshop_session_rollup()
        """
    )


def _fill(dialect: str) -> None:
    """Existing records: copy each session's date, then add up every month once."""
    op.execute(
        "UPDATE attendance SET held_on = "
        "(SELECT held_on FROM workshop_session WHERE workshop_session.id = attendance.session_id)"
    )
    if dialect == "sqlite":
        month = _sqlite_month("s.held_on")
        flags = ", ".join(f"sum(a.status = '{s}')" for s in STATUSES)
        false = "0"
    else:
        month = "date_trunc('month', s.held_on)::date"
        flags = ", ".join(f"count(*) FILTER (WHERE a.status = '{s}')" for s in STATUSES)
        false = "false"
    op.execute(
        f"""
        INSERT INTO attendance_month (trainee_id, month, {", ".join(COUNTS)})
        SELECT a.trainee_id, {month}, count(*), {flags}, sum(a.hours)
        FROM attendance AS a JOIN workshop_session AS s ON s.id = a.session_id
        WHERE a.deleted = {false} AND s.deleted = {false}
        GROUP BY a.trainee_id, {month}
        """
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect not in ("sqlite", "postgresql"):
        raise NotImplementedError(f"no attendance rollup for {dialect}")
    op.create_table(
        "attendance_month",
        sa.Column("trainee_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        *(sa.Column(c, sa.Integer(), nullable=False) for c in COUNTS[:-1]),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("trainee_id", "month", name=op.f("pk_attendance_month")),
        sqlite_with_rowid=False,
    )
    with op.batch_alter_table("attendance") as batch:
        batch.add_column(sa.Column("held_on", sa.Date(), nullable=True))
    _fill(dialect)
    _replace_index(
        "attendance",
        "ix_attendance_trainee_cover",
        ["trainee_id", "held_on", "session_id", "status", "hours", "deleted"],
    )
    _replace_index(
        "skill_rating",
        "ix_skill_rating_trainee_skill_date",
        ["trainee_id", "skill_id", "deleted", "rated_on"],
    )
    _replace_index("note", "ix_note_trainee_written", ["trainee_id", "written_at", "deleted"])
    if dialect == "sqlite":
        _sqlite_triggers()
    else:
        _postgresql_triggers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "attendance_held_on_insert",
            "attendance_rollup_insert",
            "attendance_rollup_update",
            "attendance_rollup_delete",
            "workshop_session_rollup",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS workshop_session_rollup ON workshop_session")
        op.execute("DROP TRIGGER IF EXISTS attendance_rollup ON attendance")
        op.execute("DROP TRIGGER IF EXISTS attendance_held_on ON attendance")
        for name in ("workshop_session_rollup", "attendance_rollup", "attendance_held_on"):
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    _replace_index("note", "ix_note_trainee_written", ["trainee_id", "written_at"])
    _replace_index(
        "skill_rating",
        "ix_skill_rating_trainee_skill_date",
        ["trainee_id", "skill_id", "rated_on", "level", "deleted"],
    )
    _replace_index(
        "attendance",
        "ix_attendance_trainee_cover",
        ["trainee_id", "session_id", "status", "hours", "deleted"],
    )
    with op.batch_alter_table("attendance") as batch:
        batch.drop_column("held_on")
    op.drop_table("attendance_month")
