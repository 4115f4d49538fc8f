"""Chinese names found and ordered by their pinyin, as Chinese users expect."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from mentordesk.core.models import Staff, Trainee
from mentordesk.core.pinyin_keys import name_key
from mentordesk.core.staff import create_staff, update_staff
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees, update_trainee
from mentordesk.exchange.workbook_import import prepare_import

from .test_roster_import import english_roster


def test_key_is_full_pinyin_without_tones_then_initials() -> None:
    assert name_key("张伟") == "zhangwei zw"
    assert name_key("吕小明") == "lvxiaoming lxm"  # ü typed v, as pinyin keyboards do
    assert name_key("  Anna LI ") == "anna li"


def names(store: Store, search: str = "") -> list[str]:
    return [r.name for r in list_trainees(store, search)]


def test_pinyin_and_initials_find_chinese_names(any_store: Store) -> None:
    for n, name in enumerate(["张伟", "王芳", "张小明", "Zoe Zhang"], 1):
        create_trainee(any_store, f"T{n}", name)
    assert names(any_store, "zhang") == ["张伟", "张小明", "Zoe Zhang"]
    assert names(any_store, "zw") == ["张伟"]
    assert names(any_store, "Zhang Wei") == ["张伟"]
    assert names(any_store, "张") == ["张伟", "张小明"]
    assert names(any_store, "z_w") == []  # LIKE's wildcards match only themselves


def test_list_orders_by_pinyin_with_latin_names_among_them(any_store: Store) -> None:
    for n, name in enumerate(["张伟", "王芳", "Anna Li", "李娜", "Bob"], 1):
        create_trainee(any_store, f"T{n}", name)
    # an, bo, li, wa, zh: not code point order (李 U+674E before 王 U+738B before 张 U+5F20).
    assert names(any_store) == ["Anna Li", "Bob", "李娜", "王芳", "张伟"]


def test_renaming_rekeys(any_store: Store) -> None:
    t = create_trainee(any_store, "T1", "张伟")
    update_trainee(any_store, t.uid, name="李娜")
    assert names(any_store, "zw") == []
    assert names(any_store, "ln") == ["李娜"]
    update_trainee(any_store, t.uid, track="welding")  # a change that keeps the name
    assert names(any_store, "lina") == ["李娜"]


def test_staff_rows_keep_their_key(store: Store) -> None:
    p = create_staff(store, "陈静")
    update_staff(store, p.uid, name="陈静怡")
    with store.read() as s:
        assert s.scalar(select(Staff.name_key)) == "chenjingyi cjy"


def test_roster_import_keys_new_and_renamed_trainees(store: Store, tmp_path: Path) -> None:
    rows = [[20250101, "王伟", "A", None, "Active", None, None]]
    prepare_import(english_roster(tmp_path / "a.xlsx", rows)).apply(store)
    assert names(store, "ww") == ["王伟"]
    rows = [[20250101, "黄伟", "A", None, "Active", None, None]]
    prepare_import(english_roster(tmp_path / "b.xlsx", rows)).apply(store)
    assert names(store, "hw") == ["黄伟"]
    with store.read() as s:
        assert s.scalar(select(Trainee.name_key)) == "huangwei hw"
