"""layered, bilingual rubrics with posts: modules in layers, post targets, Chinese texts

A rubric belongs to a programme and comes in versions; its skills sit in named modules of three
layers (foundation, direction, job position), and the posts it trains for name the skills they
need with a target level each, which job readiness is judged against. Every text of a rubric
gains a Chinese column beside its English one. The free-text module of the skills already
there becomes a module record of its rubric (a foundation module when its name says so, a
direction otherwise), so an upgraded database shows its old rubric in layers at once.

Revision ID: 0010
Revises: 0009
"""

import uuid
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

import mentordesk.core.models.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

TEXTS = (
    ("rubric", "name_zh", sa.String(length=200)),
    ("rubric_level", "label_zh", sa.String(length=120)),
    ("rubric_level", "description_zh", sa.Text()),
    ("skill", "name_zh", sa.String(length=300)),
)


def _travelling(table: str) -> list[sa.schema.SchemaItem]:
    return [
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("updated_at", mentordesk.core.models.base.UTCDateTime(), nullable=False),
        sa.Column("origin_device", sa.String(length=64), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}")),
        sa.UniqueConstraint("uid", name=op.f(f"uq_{table}_uid")),
    ]


def _fk(
    table: str, column: str, target: str, ondelete: str | None = None
) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _reference(table: str, column: str, target: str) -> None:
    """A nullable reference added in place: a batch would rebuild the table, which SQLite
    refuses while ratings and sessions refer to its rows."""
    name = f"fk_{table}_{column}_{target}"
    if op.get_bind().dialect.name == "sqlite":
        # SQLite adds a column with its reference in one statement, never a constraint later.
        op.execute(
            f"ALTER TABLE {table} ADD COLUMN {column} INTEGER "
            f"CONSTRAINT {name} REFERENCES {target} (id)"
        )
    else:
        op.add_column(table, sa.Column(column, sa.Integer(), nullable=True))
        op.create_foreign_key(op.f(name), table, target, [column], ["id"])
    op.create_index(op.f(f"ix_{table}_{column}"), table, [column])


def _modules_from_free_text() -> None:
    conn = op.get_bind()
    skill = sa.table(
        "skill",
        sa.column("id", sa.Integer),
        sa.column("rubric_id", sa.Integer),
        sa.column("module", sa.String),
        sa.column("module_id", sa.Integer),
        sa.column("position", sa.Integer),
    )
    module = sa.table(
        "rubric_module",
        sa.column("id", sa.Integer),
        sa.column("uid", sa.String),
        sa.column("updated_at", mentordesk.core.models.base.UTCDateTime()),
        sa.column("origin_device", sa.String),
        sa.column("deleted", sa.Boolean),
        sa.column("rubric_id", sa.Integer),
        sa.column("name", sa.String),
        sa.column("name_zh", sa.String),
        sa.column("layer", sa.String),
        sa.column("position", sa.Integer),
    )
    found: dict[tuple[int, str], None] = {}
    for rubric_id, name in conn.execute(
        sa.select(skill.c.rubric_id, skill.c.module)
        .where(skill.c.module != "")
        .order_by(skill.c.rubric_id, skill.c.position, skill.c.id)
    ):
        found.setdefault((rubric_id, name), None)
    now = datetime.now(UTC)
    for position, (rubric_id, name) in enumerate(found):
        basic = "foundation" in name.lower() or "基础" in name
        conn.execute(
            module.insert().values(
                uid=str(uuid.uuid4()),
                updated_at=now,
                origin_device="",
                deleted=False,
                rubric_id=rubric_id,
                name=name,
                name_zh="",
                layer="foundation" if basic else "direction",
                position=position,
            )
        )
        new_id = conn.scalar(
            sa.select(module.c.id).where(module.c.rubric_id == rubric_id, module.c.name == name)
        )
        conn.execute(
            skill.update()
            .where(skill.c.rubric_id == rubric_id, skill.c.module == name)
            .values(module_id=new_id)
        )


def upgrade() -> None:
    for table, column, kind in TEXTS:
        op.add_column(table, sa.Column(column, kind, server_default="", nullable=False))
    op.add_column(
        "skill", sa.Column("descriptors_zh", sa.JSON(), server_default="[]", nullable=False)
    )
    op.create_table(
        "rubric_module",
        sa.Column("rubric_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("layer", sa.String(length=16), nullable=False),
        sa.Column("builds_on_id", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        *_travelling("rubric_module"),
        _fk("rubric_module", "rubric_id", "rubric", ondelete="CASCADE"),
        _fk("rubric_module", "builds_on_id", "rubric_module"),
        sa.UniqueConstraint("rubric_id", "name", name=op.f("uq_rubric_module_rubric_id_name")),
    )
    op.create_table(
        "post",
        sa.Column("rubric_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("name_zh", sa.String(length=200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        *_travelling("post"),
        _fk("post", "rubric_id", "rubric", ondelete="CASCADE"),
        sa.UniqueConstraint("rubric_id", "name", name=op.f("uq_post_rubric_id_name")),
    )
    op.create_table(
        "post_skill",
        sa.Column("post_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("target", sa.Integer(), nullable=False),
        _fk("post_skill", "post_id", "post", ondelete="CASCADE"),
        _fk("post_skill", "skill_id", "skill"),
        sa.PrimaryKeyConstraint("post_id", "skill_id", name=op.f("pk_post_skill")),
    )
    op.create_index(op.f("ix_post_skill_skill_id"), "post_skill", ["skill_id"])
    _reference("rubric", "programme_id", "programme")
    _reference("skill", "module_id", "rubric_module")
    _modules_from_free_text()


def downgrade() -> None:
    for table, column, target in (
        ("skill", "module_id", "rubric_module"),
        ("rubric", "programme_id", "programme"),
    ):
        op.drop_index(op.f(f"ix_{table}_{column}"), table_name=table)
        if op.get_bind().dialect.name != "sqlite":
            op.drop_constraint(op.f(f"fk_{table}_{column}_{target}"), table, type_="foreignkey")
        op.drop_column(table, column)
    op.drop_index(op.f("ix_post_skill_skill_id"), table_name="post_skill")
    op.drop_table("post_skill")
    op.drop_table("post")
    op.drop_table("rubric_module")
    # ALTER TABLE … DROP COLUMN in place, as 0009 does: a batch would rebuild skill.
    op.drop_column("skill", "descriptors_zh")
    for table, column, _kind in reversed(TEXTS):
        op.drop_column(table, column)
