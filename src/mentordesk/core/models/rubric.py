"""Versioned skill frameworks: a scale of levels, skills in layered modules, and posts.

Every text a trainee or mentor reads in a rubric (skill, module, post and level names, level
descriptors) has an English and a Chinese column (``…_zh``): the window and the sheet show the
language asked for and fall back to the other (core/rubric_text.py).
"""

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling
from .people import Programme

# The order of a rubric's layers: a module builds only on a module of an earlier layer.
LAYERS = ("foundation", "direction", "job")


class Rubric(Travelling, Base):
    __tablename__ = "rubric"
    __table_args__ = (UniqueConstraint("name", "version"),)

    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="", server_default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    description: Mapped[str] = mapped_column(Text, default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # The programme whose trainees are rated against it; none for a rubric shared by all.
    programme_id: Mapped[int | None] = mapped_column(ForeignKey("programme.id"), index=True)

    programme: Mapped[Programme | None] = relationship()
    levels: Mapped[list["RubricLevel"]] = relationship(
        back_populates="rubric", order_by="RubricLevel.level", cascade="all, delete-orphan"
    )
    skills: Mapped[list["Skill"]] = relationship(
        back_populates="rubric", order_by="Skill.position", cascade="all, delete-orphan"
    )
    modules: Mapped[list["RubricModule"]] = relationship(
        back_populates="rubric", order_by="RubricModule.position", cascade="all, delete-orphan"
    )
    posts: Mapped[list["Post"]] = relationship(
        back_populates="rubric", order_by="Post.name", cascade="all, delete-orphan"
    )


class RubricLevel(Base):
    """One step of a rubric's scale, e.g. 3 = "Independent"."""

    __tablename__ = "rubric_level"
    __table_args__ = (UniqueConstraint("rubric_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(120))
    label_zh: Mapped[str] = mapped_column(String(120), default="", server_default="")
    description: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="", server_default="")

    rubric: Mapped[Rubric] = relationship(back_populates="levels")


class RubricModule(Travelling, Base):
    """A named module of one layer (foundation, direction or job position) of a rubric."""

    __tablename__ = "rubric_module"
    __table_args__ = (UniqueConstraint("rubric_id", "name"),)

    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    layer: Mapped[str] = mapped_column(String(16), default="foundation")
    # The module of an earlier layer this one builds on (a direction on the foundation, …).
    builds_on_id: Mapped[int | None] = mapped_column(ForeignKey("rubric_module.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)

    rubric: Mapped[Rubric] = relationship(back_populates="modules")
    builds_on: Mapped["RubricModule | None"] = relationship(remote_side="RubricModule.id")


class Skill(Travelling, Base):
    __tablename__ = "skill"
    __table_args__ = (UniqueConstraint("rubric_id", "code"),)

    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    area: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(300))
    name_zh: Mapped[str] = mapped_column(String(300), default="", server_default="")
    # The module's English name, as sessions and exchange files name it; module_id links the
    # module record (its layer and Chinese name) when the rubric has layers.
    module: Mapped[str] = mapped_column(String(200), default="", index=True)
    module_id: Mapped[int | None] = mapped_column(ForeignKey("rubric_module.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # One descriptor per level of the rubric's scale, index 0 = level 1.
    descriptors: Mapped[list[str]] = mapped_column(JSON, default=list)
    descriptors_zh: Mapped[list[str]] = mapped_column(JSON, default=list, server_default="[]")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    rubric: Mapped[Rubric] = relationship(back_populates="skills")
    module_record: Mapped[RubricModule | None] = relationship()


class Post(Travelling, Base):
    """A job position (e.g. rolling-mill operator, 轧钢工) that a rubric version trains for."""

    __tablename__ = "post"
    __table_args__ = (UniqueConstraint("rubric_id", "name"),)

    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    name_zh: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")

    rubric: Mapped[Rubric] = relationship(back_populates="posts")
    targets: Mapped[list["PostSkill"]] = relationship(
        back_populates="post", cascade="all, delete-orphan"
    )


class PostSkill(Base):
    """A skill a post needs and the level it needs it at."""

    __tablename__ = "post_skill"

    post_id: Mapped[int] = mapped_column(
        ForeignKey("post.id", ondelete="CASCADE"), primary_key=True
    )
    skill_id: Mapped[int] = mapped_column(ForeignKey("skill.id"), primary_key=True, index=True)
    target: Mapped[int] = mapped_column(Integer)

    post: Mapped[Post] = relationship(back_populates="targets")
    skill: Mapped[Skill] = relationship()
