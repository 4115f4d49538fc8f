"""A rubric's texts in one language: Chinese or English, falling back to the other.

Skill, module, post and level names and level descriptors carry both languages; a Chinese
window or sheet asks for ``zh`` and gets the English text where no Chinese was written, and the
other way round, so that a half-translated rubric never shows an empty cell.
"""

from __future__ import annotations

from dataclasses import replace

from .rubrics import ModuleView, PostView, RubricView, SkillView

LANGUAGES = ("en", "zh")


def chinese(language: str) -> bool:
    """Whether ``language`` (``zh``, ``zh_CN``, ``zh-Hans``, ``en`` …) asks for Chinese."""
    return language.lower().replace("-", "_").startswith("zh")


def in_language(english: str, chinese_text: str, language: str) -> str:
    """The text in ``language``, else in the other one."""
    first, second = (chinese_text, english) if chinese(language) else (english, chinese_text)
    return first or second


def descriptors_in(
    english: tuple[str, ...], chinese_texts: tuple[str, ...], language: str
) -> tuple[str, ...]:
    """Each level's descriptor in ``language``, each falling back on its own."""
    count = max(len(english), len(chinese_texts))
    en = english + ("",) * (count - len(english))
    zh = chinese_texts + ("",) * (count - len(chinese_texts))
    return tuple(in_language(e, z, language) for e, z in zip(en, zh, strict=True))


def skill_in(skill: SkillView, language: str, modules: dict[str, ModuleView]) -> SkillView:
    module = modules.get(skill.module)
    return replace(
        skill,
        name=in_language(skill.name, skill.name_zh, language),
        module=in_language(skill.module, module.name_zh, language) if module else skill.module,
        descriptors=descriptors_in(skill.descriptors, skill.descriptors_zh, language),
    )


def post_in(post: PostView, language: str) -> PostView:
    return replace(post, name=in_language(post.name, post.name_zh, language))


def rubric_in(rubric: RubricView, language: str) -> RubricView:
    """The rubric with every text in ``language`` (falling back to the other): what a window or
    a sheet in that language shows. The ``_zh`` fields keep the Chinese as stored."""
    modules = {m.name: m for m in rubric.layers}
    return replace(
        rubric,
        name=in_language(rubric.name, rubric.name_zh, language),
        levels=tuple(
            replace(
                lv,
                label=in_language(lv.label, lv.label_zh, language),
                description=in_language(lv.description, lv.description_zh, language),
            )
            for lv in rubric.levels
        ),
        skills=tuple(skill_in(sk, language, modules) for sk in rubric.skills),
        layers=tuple(
            replace(
                m,
                name=in_language(m.name, m.name_zh, language),
                builds_on=in_language(
                    m.builds_on, modules[m.builds_on].name_zh if m.builds_on else "", language
                ),
            )
            for m in rubric.layers
        ),
        posts=tuple(post_in(p, language) for p in rubric.posts),
    )
