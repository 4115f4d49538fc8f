"""Staff and the cohorts they work with."""

from __future__ import annotations

import pytest

from mentordesk.core.cohorts import create_cohort
from mentordesk.core.errors import NotFound, UserError
from mentordesk.core.staff import create_staff, list_staff, update_staff
from mentordesk.core.store import Store


def test_staff_work_with_cohorts(any_store: Store) -> None:
    create_cohort(any_store, "Welding 2026")
    create_cohort(any_store, "Assembly 2026")
    p = create_staff(any_store, "张伟", role="supervisor", cohorts=["Welding 2026"])
    assert p.cohorts == ("Welding 2026",)
    update_staff(any_store, p.uid, cohorts=["Welding 2026", "Assembly 2026"])
    assert list_staff(any_store)[0].cohorts == ("Assembly 2026", "Welding 2026")
    update_staff(any_store, p.uid, phone="138")  # cohorts not given: kept
    assert list_staff(any_store)[0].cohorts == ("Assembly 2026", "Welding 2026")


def test_unknown_cohort_is_refused_naming_it_changing_nothing(any_store: Store) -> None:
    create_cohort(any_store, "Welding 2026")
    with pytest.raises(NotFound, match="'Nope'"):
        create_staff(any_store, "A", cohorts=["Welding 2026", "Nope"])
    assert list_staff(any_store) == []
    p = create_staff(any_store, "A", cohorts=["Welding 2026"])
    with pytest.raises(NotFound, match="'Nope'"):
        update_staff(any_store, p.uid, name="B", cohorts=["Nope"])
    assert [(x.name, x.cohorts) for x in list_staff(any_store)] == [("A", ("Welding 2026",))]


def test_unknown_role_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="not one of"):
        create_staff(store, "A", role="boss")
    assert list_staff(store) == []


def test_staff_list_in_pinyin_order_found_by_initials(store: Store) -> None:
    for name in ("张伟", "Bob", "李娜"):
        create_staff(store, name)
    assert [p.name for p in list_staff(store)] == ["Bob", "李娜", "张伟"]
    assert [p.name for p in list_staff(store, "ln")] == ["李娜"]
