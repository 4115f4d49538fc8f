"""Each programme's trainees are rated against its own rubric, in the grid and on the CLI."""

from __future__ import annotations

from pathlib import Path

from mentordesk.cli import main
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.database import backup_sqlite
from mentordesk.core.rating_grid import rating_grid
from mentordesk.core.rubric_choice import rubric_for_trainee
from mentordesk.core.store import Store
from mentordesk.core.trainees import create_trainee, list_trainees

CASTER = "Caster operators commissioned training 2025"


def _caster_trainee(store: Store) -> str:
    cohort = create_cohort(store, "2025 Caster Class", programme=CASTER)
    return create_trainee(store, "20259001", "Guo Lin", cohort=cohort.name).uid


def test_a_commissioned_cohort_is_rated_against_its_programmes_rubric(demo_store: Store) -> None:
    uid = _caster_trainee(demo_store)
    grid = rating_grid(demo_store, trainee_uid=uid)
    codes = {sk.code for sk in grid.skills}
    assert codes and all(code.startswith("C-") for code in codes)
    # The order classes keep the shared steel-plant rubric.
    order = next(t for t in list_trainees(demo_store) if t.cohort == "2025 Rolling Order Class")
    assert any(sk.code == "R-01" for sk in rating_grid(demo_store, trainee_uid=order.uid).skills)


def test_rate_finds_the_skill_in_the_trainees_rubric(
    _demo_template: Path, tmp_path: Path, capsys
) -> None:
    db = tmp_path / "demo.db"
    backup_sqlite(_demo_template, db)
    store = Store.open(db)
    try:
        _caster_trainee(store)
        rubric = rubric_for_trainee(
            store, next(t.uid for t in list_trainees(store) if t.trainee_id == "20259001")
        )
        assert rubric is not None and rubric.name != "Steel plant practical skills"
    finally:
        store.close()
    assert main(["rate", "20259001", "C-01", "3", "--db", str(db)]) == 0
    # A skill of another programme's rubric is refused, naming the trainee's rubric.
    assert main(["rate", "20259001", "R-01", "3", "--db", str(db)]) == 1
    assert rubric.name in capsys.readouterr().err
