"""known signers' certificates: trust on first use for signed sheets from bundles

A bundle's sheet signed in a name this database knows must be signed by a certificate known
for that name. The table starts with the certificates MentorDesk signed with here, as the
audit trail's "signer" events record them.

Revision ID: 0015
Revises: 0014
"""

import unicodedata
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def _name_key(name: str) -> str:
    # core/known_certificates.name_key as of this revision: a migration does not follow it.
    folded = unicodedata.normalize("NFKC", name).casefold()
    visible = "".join(ch for ch in folded if unicodedata.category(ch) not in ("Cc", "Cf"))
    return " ".join(visible.split())[:200]


def upgrade() -> None:
    table = op.create_table(
        "known_certificate",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=200), nullable=False),
        sa.Column("fingerprint", sa.String(length=95), nullable=False),
        sa.Column("how", sa.String(length=16), nullable=False),
        sa.Column("seen_in", sa.String(length=300), nullable=False),
        sa.Column("first_seen_at", sa.DateTime(), nullable=False),
        sa.Column("accepted_by", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_known_certificate")),
        sa.UniqueConstraint(
            "name_key", "fingerprint", name=op.f("uq_known_certificate_name_key_fingerprint")
        ),
    )
    op.create_index(
        op.f("ix_known_certificate_name_key"), "known_certificate", ["name_key"], unique=False
    )
    _seed(table)


def _seed(table: sa.Table) -> None:
    """The certificates sheets were signed with here, oldest first (one row per name and
    certificate)."""
    audit = sa.table(
        "audit_event",
        sa.column("id", sa.Integer()),
        sa.column("at", sa.DateTime()),
        sa.column("actor", sa.String()),
        sa.column("action", sa.String()),
        sa.column("changes", sa.JSON()),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(audit.c.at, audit.c.actor, audit.c.changes)
        .where(audit.c.action == "signer")
        .order_by(audit.c.id)
    )
    seen: set[tuple[str, str]] = set()
    out = []
    for at, actor, changes in rows:
        if not isinstance(changes, dict):
            continue
        signer = str(changes.get("signed_by") or "").strip()[:200]
        fingerprint = str(changes.get("certificate_sha256") or "").strip().upper()
        key = (_name_key(signer), fingerprint)
        if not signer or len(fingerprint) != 95 or key in seen:
            continue
        seen.add(key)
        out.append(
            {
                "signer": signer,
                "name_key": key[0],
                "fingerprint": fingerprint,
                "how": "signed here",
                "seen_in": "signed here",
                "first_seen_at": at or datetime.now(UTC).replace(tzinfo=None),
                "accepted_by": str(actor or "")[:200],
            }
        )
    if out:
        op.bulk_insert(table, out)


def downgrade() -> None:
    op.drop_index(op.f("ix_known_certificate_name_key"), table_name="known_certificate")
    op.drop_table("known_certificate")
