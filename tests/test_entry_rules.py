"""On-the-job entry rules: hire date and post judged against a cohort's rules."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentordesk.core.cohorts import create_cohort
from mentordesk.core.entry_rules import (
    EntryRules,
    check_cohort,
    evaluate,
    get_rules,
    service,
    set_rules,
)
from mentordesk.core.errors import UserError
from mentordesk.core.programmes import create_programme
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, update_trainee
from mentordesk.paths import resources_dir

START = date(2026, 3, 1)
RULES = EntryRules("OJ", 3, ("Rolling-mill operator", "Furnace operator"), START)


def test_service_counts_whole_years_and_months() -> None:
    assert service(date(2023, 11, 1), START) == (2, 4)
    assert service(date(2023, 3, 2), START) == (2, 11)
    assert service(date(2027, 1, 1), START) == (0, 0)


def test_enough_service_and_a_listed_post_meets() -> None:
    verdict = evaluate(date(2020, 1, 1), "Furnace operator", RULES, date(2026, 12, 1))
    assert verdict.meets


def test_short_service_says_how_long_and_what_is_asked() -> None:
    verdict = evaluate(date(2023, 11, 1), "Furnace operator", RULES, date(2026, 12, 1))
    assert not verdict.meets
    assert verdict.reason == "2 years 4 months of service, the cohort asks at least 3 years"


def test_post_not_listed_names_the_posts_admitted() -> None:
    verdict = evaluate(date(2020, 1, 1), "Crane operator", RULES, date(2026, 12, 1))
    assert verdict.reason == (
        "post Crane operator is not among Rolling-mill operator, Furnace operator"
    )


def test_missing_hire_date_and_post_are_both_said() -> None:
    verdict = evaluate(None, "", RULES, date(2026, 12, 1))
    assert not verdict.meets
    assert "no hire date" in verdict.reason
    assert "no post" in verdict.reason


def test_without_a_start_service_is_counted_to_today() -> None:
    rules = EntryRules("OJ", 3, (), None)
    assert evaluate(date(2023, 1, 1), "", rules, date(2026, 1, 1)).meets
    assert not evaluate(date(2023, 1, 2), "", rules, date(2026, 1, 1)).meets


@pytest.fixture()
def store(tmp_path: Path) -> Store:
    s = Store.open(tmp_path / "t.db")
    create_programme(s, "OJT", kind="on_the_job", start_date=START)
    load_rubric_file(
        s, resources_dir() / "rubrics" / "on-the-job-maintenance-skills.json", programme="OJT"
    )
    create_cohort(s, "OJ", programme="OJT")
    return s


def test_rules_are_stored_and_cleared(store: Store) -> None:
    rules = set_rules(store, "OJ", min_years=3, posts=["轧线点检员"])
    # Found by its Chinese name, kept by its English one; the start is the programme's.
    assert rules == EntryRules("OJ", 3, ("Mill maintenance technician",), START)
    assert get_rules(store, "OJ") == rules
    assert not set_rules(store, "OJ", clear=True).any


def test_negative_years_are_refused_unchanged(store: Store) -> None:
    with pytest.raises(UserError, match="Minimum years of service must be 0 to 60, not -1"):
        set_rules(store, "OJ", min_years=-1)
    assert get_rules(store, "OJ").min_years is None


def test_unknown_post_is_refused_unchanged(store: Store) -> None:
    with pytest.raises(UserError, match="'Crane operator' is not a known post"):
        set_rules(store, "OJ", min_years=2, posts=["Crane operator"])
    assert not get_rules(store, "OJ").any


def test_unknown_cohort_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="No cohort named 'Nope'"):
        set_rules(store, "Nope", min_years=1)


def test_check_lists_who_meets_and_who_does_not(store: Store) -> None:
    set_rules(store, "OJ", min_years=3)
    old = create_trainee(store, "A1", "Old Hand", cohort="OJ")
    update_trainee(store, old.uid, hire_date=date(2020, 5, 1), post="Mill maintenance technician")
    create_trainee(store, "A2", "New Hire", cohort="OJ")
    found = {v.trainee_id: v.verdict for v in check_cohort(store, "OJ")}
    assert found["A1"].meets
    assert found["A2"].reason == "no hire date"
