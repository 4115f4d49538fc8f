"""A trainee's hire date and post through the services, the roster import and the command
line: carried by the trainee's view, checked once (unreadable, in the future, too long) with a
message naming the field, and nothing changed when refused."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from openpyxl import Workbook

from mentordesk.cli import main
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.demo import load_demo
from mentordesk.core.entry_rules import hire_date_problem, set_rules
from mentordesk.core.errors import UserError
from mentordesk.core.programmes import create_programme
from mentordesk.core.rubrics import load_rubric_file
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, get_trainee, update_trainee
from mentordesk.core.wording import Text
from mentordesk.exchange.workbook_import import prepare_import
from mentordesk.paths import resources_dir

POST = "Mill maintenance technician"
COHORT = "2026 Mill Maintenance On-the-job"
TOMORROW = date.today() + timedelta(days=1)


def ruled(store: Store) -> None:
    create_programme(store, "OJT", kind="on_the_job")
    load_rubric_file(
        store, resources_dir() / "rubrics" / "on-the-job-maintenance-skills.json", programme="OJT"
    )
    create_cohort(store, "OJ", programme="OJT", start_date=date(2026, 3, 1))
    set_rules(store, "OJ", min_years=3, posts=[POST])


def test_the_trainee_view_carries_hire_date_and_post(store):
    made = create_trainee(store, "E1", "Gao Jun", hire_date=date(2018, 3, 1), post=POST)
    assert (made.hire_date, made.post) == (date(2018, 3, 1), POST)
    # Typed text is read the same way; an empty one clears the date.
    changed = update_trainee(store, made.uid, hire_date="2019-04-02", post="  Fitter ")
    assert (changed.hire_date, changed.post) == (date(2019, 4, 2), "Fitter")
    assert update_trainee(store, made.uid, hire_date="").hire_date is None


@pytest.mark.parametrize(
    ("fields", "said"),
    [
        ({"hire_date": TOMORROW}, f"Hire date: {TOMORROW} is in the future (today is "),
        ({"hire_date": TOMORROW.isoformat()}, f"Hire date: {TOMORROW} is in the future"),
        ({"hire_date": "3/1/2018"}, "Hire date: '3/1/2018' is not a date as YYYY-MM-DD"),
        ({"hire_date": "2018-02-30"}, "Hire date: '2018-02-30' is not a date"),
        ({"post": "x" * 201}, "Post: 201 characters, more than the 200 allowed"),
        ({"track": "t" * 121}, "Track: 121 characters, more than the 120 allowed"),
    ],
)
def test_bad_values_are_refused_naming_the_field_changing_nothing(store, fields, said):
    made = create_trainee(store, "E1", "Gao Jun", hire_date=date(2018, 3, 1), post=POST)
    with pytest.raises(UserError) as refused:
        update_trainee(store, made.uid, name="Renamed", **fields)
    assert str(refused.value).startswith(said)
    assert get_trainee(store, made.uid) == made
    with pytest.raises(UserError):
        create_trainee(store, "E2", "Hu Bin", **fields)
    assert get_trainee(store, made.uid) == made


def test_the_reason_is_translatable():
    # A Text, so that a Chinese window says it in Chinese (the import's reason included).
    assert isinstance(hire_date_problem("last spring"), Text)
    assert isinstance(hire_date_problem(TOMORROW.isoformat()), Text)
    assert hire_date_problem("") is None
    assert hire_date_problem("2018-03-01") is None


def test_a_roster_hire_date_in_the_future_is_refused_naming_row_and_column(store, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Roster"
    ws.append(["Trainee ID", "Name", "Hire Date"])
    ws.append(["E1", "Gao Jun", TOMORROW.isoformat()])
    ws.append(["E2", "Hu Bin", "2018-03-01"])
    wb.save(tmp_path / "r.xlsx")
    report = prepare_import(tmp_path / "r.xlsx").apply(store)
    assert [(o.row, o.outcome) for o in report.outcomes] == [(2, "rejected"), (3, "new")]
    assert report.outcomes[0].reason.startswith(
        f"column Hire Date: {TOMORROW} is in the future (today is "
    )


def test_judge_says_what_the_values_being_edited_would_give(store):
    from mentordesk.core.entry_rules import judge

    ruled(store)
    today = date(2026, 11, 20)
    assert judge(store, "OJ", "2018-03-01", POST, today).meets
    late = judge(store, "OJ", "2024-07-01", POST, today)
    assert not late.meets
    assert late.reason == "1 year 8 months of service, the cohort asks at least 3 years"
    assert judge(store, "OJ", "", "Crane operator", today).reason == (
        "no hire date; post Crane operator is not among Mill maintenance technician"
    )
    # No rules, no verdict; a hire date that could not be saved is refused as saving would.
    assert judge(store, "No such cohort", "2018-03-01", POST, today) is None
    with pytest.raises(UserError, match="Hire date: 'soon' is not a date"):
        judge(store, "OJ", "soon", POST, today)


def _demo(tmp_path: Path) -> Path:
    db = tmp_path / "m.db"
    store = Store.open(db)
    load_demo(store, today=date(2026, 11, 20), seed=1)
    store.close()
    return db


def run(db: Path, *argv: str) -> int:
    return main([*argv[:2], "--db", str(db), *argv[2:]])


def test_cli_shows_and_sets_hire_date_and_post(tmp_path: Path, capsys) -> None:
    db = _demo(tmp_path)
    assert run(db, "trainee", "show", "OJ005") == 0
    out = capsys.readouterr().out
    assert f"OJ005  Tang Lei 唐磊  2024-07-01  {POST}  {COHORT}" in out
    assert f"does not meet the entry rules of {COHORT}: 1 year 8 months of service" in out
    assert run(db, "trainee", "edit", "OJ005", "--hire-date", "2019-01-01") == 0
    out = capsys.readouterr().out
    assert f"OJ005  Tang Lei 唐磊  2019-01-01  {POST}" in out
    assert f"meets the entry rules of {COHORT}" in out
    assert run(db, "trainee", "edit", "OJ005", "--hire-date", "", "--post", "") == 0
    assert f"OJ005  Tang Lei 唐磊  —  —  {COHORT}" in capsys.readouterr().out


def test_cli_refuses_a_future_hire_date_or_long_post_changing_nothing(
    tmp_path: Path, capsys
) -> None:
    db = _demo(tmp_path)
    with pytest.raises(SystemExit) as usage:
        run(db, "trainee", "edit", "OJ005", "--hire-date", TOMORROW.isoformat())
    assert usage.value.code == 2
    assert f"Hire date: {TOMORROW} is in the future" in capsys.readouterr().err
    assert run(db, "trainee", "edit", "OJ005", "--post", "p" * 201) == 1
    err = capsys.readouterr().err
    assert "Post: 201 characters, more than the 200 allowed" in err and "Traceback" not in err
    assert run(db, "trainee", "show", "OJ005") == 0
    assert f"2024-07-01  {POST}" in capsys.readouterr().out
