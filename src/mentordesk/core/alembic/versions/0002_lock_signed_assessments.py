"""lock signed assessments in the database itself

A signed assessment is evidence: the services refuse to change it, and these triggers make
the database refuse too, whatever program writes to it. Allowed: a draft changes freely; a
signed one may only become superseded (an amendment replaced it), which also stamps
``updated_at`` and ``origin_device``. Stored documents are append-only.

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Everything but state, updated_at and origin_device: the content of the signed record.
CONTENT = (
    "id",
    "uid",
    "deleted",
    "trainee_id",
    "period_start",
    "period_end",
    "version",
    "supersedes_uid",
    "amendment_reason",
    "result",
    "strengths",
    "improvements",
    "comment",
    "summary",
    "mentor_id",
    "signed_at",
    "signed_by",
    "document_sha256",
)
MESSAGE = "assessment is signed and locked; amend it instead"
DOC_MESSAGE = "a signed assessment document cannot be changed or removed"


def _sqlite_upgrade() -> None:
    same = " AND ".join(f"NEW.{c} IS OLD.{c}" for c in CONTENT)
    op.execute(
        f"""
        CREATE TRIGGER assessment_locked_update BEFORE UPDATE ON assessment
        FOR EACH ROW WHEN OLD.state <> 'draft'
            AND NOT (OLD.state = 'signed' AND NEW.state = 'superseded' AND {same})
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    )
    op.execute(
        f"""
        CREATE TRIGGER assessment_locked_delete BEFORE DELETE ON assessment
        FOR EACH ROW WHEN OLD.state <> 'draft'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END
        """
    )
    for action in ("UPDATE", "DELETE"):
        op.execute(
            f"""
            CREATE TRIGGER assessment_document_locked_{action.lower()}
            BEFORE {action} ON assessment_document
            BEGIN SELECT RAISE(ABORT, '{DOC_MESSAGE}'); END
            """
        )


def _postgresql_upgrade() -> None:
    # json has no equality operator: compare its text.
    new = ", ".join(f"NEW.{c}::text" if c == "summary" else f"NEW.{c}" for c in CONTENT)
    old = ", ".join(f"OLD.{c}::text" if c == "summary" else f"OLD.{c}" for c in CONTENT)
    op.execute(
        f"""
        CREATE FUNCTION assessment_locked() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF OLD.state = 'draft' THEN
                IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' AND OLD.state = 'signed' AND NEW.state = 'superseded'
                AND ROW({new}) IS NOT DISTINCT FROM ROW({old}) THEN
                RETURN NEW;
            END IF;
            RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'restrict_violation';
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER assessment_locked BEFORE UPDATE OR DELETE ON assessment
        FOR EACH ROW EXECUTE FUNCTION assessment_locked()
        """
    )
    op.execute(
        f"""
        CREATE FUNCTION assessment_document_locked() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '{DOC_MESSAGE}' USING ERRCODE = 'restrict_violation';
        END $$
        """
    )
    op.execute(
        """
        CREATE TRIGGER assessment_document_locked BEFORE UPDATE OR DELETE
        ON assessment_document FOR EACH ROW EXECUTE FUNCTION assessment_document_locked()
        """
    )


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        _sqlite_upgrade()
    elif dialect == "postgresql":
        _postgresql_upgrade()
    else:
        raise NotImplementedError(f"no assessment lock for {dialect}")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for name in (
            "assessment_locked_update",
            "assessment_locked_delete",
            "assessment_document_locked_update",
            "assessment_document_locked_delete",
        ):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    else:
        op.execute("DROP TRIGGER IF EXISTS assessment_locked ON assessment")
        op.execute("DROP TRIGGER IF EXISTS assessment_document_locked ON assessment_document")
        op.execute("DROP FUNCTION IF EXISTS assessment_locked()")
        op.execute("DROP FUNCTION IF EXISTS assessment_document_locked()")
