"""Programmes: one validation per field, refusals that change nothing."""

from __future__ import annotations

from datetime import date

import pytest

from mentordesk.core.cohorts import create_cohort, withdraw_cohort
from mentordesk.core.errors import Conflict, UserError
from mentordesk.core.programmes import (
    create_programme,
    list_programmes,
    update_programme,
    withdraw_programme,
)
from mentordesk.core.store import Store


def test_kind_by_chinese_name_is_stored_by_its_key(store: Store) -> None:
    p = create_programme(store, "宁波订单班", kind="订单班")
    assert p.kind == "order_class"
    assert update_programme(store, p.uid, kind="技能大师工作室").kind == "skills_workshop"


def test_unknown_kind_is_refused_changing_nothing(store: Store) -> None:
    with pytest.raises(UserError, match="not one of"):
        create_programme(store, "X", kind="apprenticeship")
    assert list_programmes(store) == []


def test_same_name_is_refused(store: Store) -> None:
    create_programme(store, "Order class 2026")
    with pytest.raises(Conflict, match="already exists"):
        create_programme(store, "Order class 2026")
    assert len(list_programmes(store)) == 1


def test_end_before_start_is_refused(store: Store) -> None:
    p = create_programme(store, "P", start_date=date(2026, 9, 1))
    with pytest.raises(UserError, match="before its start"):
        update_programme(store, p.uid, end_date=date(2026, 8, 31))
    assert list_programmes(store)[0].end_date is None


def test_programme_in_use_is_not_withdrawn_and_the_cohorts_are_named(store: Store) -> None:
    p = create_programme(store, "P")
    create_cohort(store, "Welding 2026", programme="P")
    c = create_cohort(store, "Assembly 2026", programme="P")
    with pytest.raises(Conflict, match="Assembly 2026, Welding 2026"):
        withdraw_programme(store, p.uid)
    assert [x.name for x in list_programmes(store)] == ["P"]
    withdraw_cohort(store, c.uid)
    with pytest.raises(Conflict, match="Welding 2026"):
        withdraw_programme(store, p.uid)
