"""An import never invents a programme's kind: a new programme waits for the user to say it."""

from __future__ import annotations

from pathlib import Path

from mentordesk.cli import main
from mentordesk.core.programmes import list_programmes, update_programme
from mentordesk.core.store import Store
from mentordesk.exchange.results_export import export_results
from mentordesk.exchange.workbook_import import prepare_import

from .test_roster_import import english_roster


def _kinds(store: Store) -> dict[str, str]:
    return {p.name: p.kind for p in list_programmes(store)}


def test_a_roster_naming_a_new_programme_leaves_its_kind_to_the_user(
    store: Store, tmp_path: Path
) -> None:
    job = prepare_import(english_roster(tmp_path / "roster.xlsx"))
    dry = job.dry_run(store)
    said = "\n".join(dry.lines())
    assert "New programme 'Order 2025': its kind is not set" in said
    assert "Order 2025" not in _kinds(store)  # the dry run made nothing

    report = job.apply(store)
    assert any("its kind is not set" in n for n in report.notes)
    assert _kinds(store)["Order 2025"] == ""  # not an order class by default

    # Editing anything else keeps it unset; choosing the kind (by its Chinese name) sets it.
    uid = next(p.uid for p in list_programmes(store) if p.name == "Order 2025")
    update_programme(store, uid, school="Hebei Vocational College")
    assert _kinds(store)["Order 2025"] == ""
    update_programme(store, uid, kind="委托培养")
    assert _kinds(store)["Order 2025"] == "commissioned"

    # Importing the roster again says nothing more: the programme is known now.
    again = prepare_import(english_roster(tmp_path / "roster.xlsx")).dry_run(store)
    assert not any("its kind is not set" in n for n in again.notes)


def test_the_command_line_says_the_kind_is_not_set(tmp_path: Path, capsys) -> None:
    db = tmp_path / "k.db"
    store = Store.open(db)
    try:
        prepare_import(english_roster(tmp_path / "roster.xlsx")).apply(store)
    finally:
        store.close()
    assert main(["programme", "list", "--db", str(db)]) == 0
    assert "(kind not set)" in capsys.readouterr().out
    assert main(["programme", "edit", "Order 2025", "--kind", "订单班", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "order_class" in out and "not set" not in out


def test_a_results_workbook_naming_a_new_programme_leaves_its_kind_to_the_user(
    demo_store: Store, tmp_path: Path
) -> None:
    store_b = Store.open(tmp_path / "b.db")
    workbook = tmp_path / "results.xlsx"
    export_results(demo_store, workbook)
    named = {name for name, kind in _kinds(demo_store).items() if kind}

    try:
        report = prepare_import(workbook).apply(store_b)
        kinds = _kinds(store_b)
    finally:
        store_b.close()
    arrived = named & set(kinds)
    assert arrived, "the demo's cohorts name their programmes"
    assert all(kinds[name] == "" for name in arrived)
    assert any("its kind is not set" in n for n in report.notes)
