"""Versioned skill frameworks: a scale of levels and the skills rated against it."""

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Travelling


class Rubric(Travelling, Base):
    __tablename__ = "rubric"
    __table_args__ = (UniqueConstraint("name", "version"),)

    name: Mapped[str] = mapped_column(String(200))
    version: Mapped[int] = mapped_column(Integer, default=1)
    description: Mapped[str] = mapped_column(Text, default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    levels: Mapped[list["RubricLevel"]] = relationship(
        back_populates="rubric", order_by="RubricLevel.level", cascade="all, delete-orphan"
    )
    skills: Mapped[list["Skill"]] = relationship(
        back_populates="rubric", order_by="Skill.position", cascade="all, delete-orphan"
    )


class RubricLevel(Base):
    """One step of a rubric's scale, e.g. 3 = "Independent"."""

    __tablename__ = "rubric_level"
    __table_args__ = (UniqueConstraint("rubric_id", "level"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    level: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(120))
    description: Mapped[str] = mapped_column(Text, default="")

    rubric: Mapped[Rubric] = relationship(back_populates="levels")


class Skill(Travelling, Base):
    __tablename__ = "skill"
    __table_args__ = (UniqueConstraint("rubric_id", "code"),)

    rubric_id: Mapped[int] = mapped_column(ForeignKey("rubric.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(64))
    area: Mapped[str] = mapped_column(String(200), default="")
    name: Mapped[str] = mapped_column(String(300))
    module: Mapped[str] = mapped_column(String(200), default="", index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # One descriptor per level of the rubric's scale, index 0 = level 1.
    descriptors: Mapped[list[str]] = mapped_column(JSON, default=list)
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    rubric: Mapped[Rubric] = relationship(back_populates="skills")
