"""The documentation says what the program does.

``docs/interchange.md`` is the contract the school's and HR's systems are built against: its
sheets, columns, Chinese headers and cell types are compared with a workbook the exporter
really writes (the demo database, with a signed and an amended assessment and a deleted note),
and its header and status lists with the importer's. The guides' file paths and function names
must exist, so a newcomer following them never lands on nothing.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time
from pathlib import Path

import pytest
from openpyxl import load_workbook

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "mentordesk"
INTERCHANGE = ROOT / "docs" / "interchange.md"
GUIDES = (ROOT / "docs" / "architecture.md", ROOT / "CONTRIBUTING.md")

SPAN = re.compile(r"`([^`]+)`")
SHEET_HEADING = re.compile(r"^#### `([A-Za-z]+)`\s*$")
LEVEL = re.compile(r"^Level \d+$")
LEVEL_ZH = re.compile(r"^等级\d+$")
# The Chinese descriptors of the Skills sheet: one documented row for them all, too.
CHINESE_LEVEL = re.compile(r"^Level \d+ \(zh\)$")
CHINESE_LEVEL_ZH = re.compile(r"^等级\d+（中文）$")


# -- reading the markdown ---------------------------------------------------------------------


def section(text: str, title: str) -> str:
    """The lines under the heading that starts with ``title``, up to the next heading of its
    level or above."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        hashes = len(line) - len(line.lstrip("#"))
        if hashes and line[hashes:].strip().startswith(title):
            out = []
            for later in lines[i + 1 :]:
                level = len(later) - len(later.lstrip("#"))
                if level and level <= hashes and later[level:].startswith(" "):
                    break
                out.append(later)
            return "\n".join(out)
    raise AssertionError(f"{INTERCHANGE.name} has no heading {title!r}")


def first_table(text: str) -> list[list[str]]:
    """The body rows of the first markdown table in ``text``, as lists of cells."""
    rows: list[list[str]] = []
    for line in text.splitlines():
        if line.startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if not all(set(c) <= {"-", ":"} for c in cells):
                rows.append(cells)
        elif rows:
            break
    assert rows, "no table found"
    return rows[1:]  # the table's own header row aside


def spans(cell: str) -> list[str]:
    return SPAN.findall(cell)


def documented_sheets() -> dict[str, list[tuple[str, str, str]]]:
    """Each ``#### `Sheet` `` heading's table: (column, Chinese header, type) in order."""
    text = INTERCHANGE.read_text(encoding="utf-8")
    sheets: dict[str, list[tuple[str, str, str]]] = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        found = SHEET_HEADING.match(line)
        if found:
            rows = first_table("\n".join(lines[i + 1 :]))
            sheets[found[1]] = [(spans(r[1])[0], spans(r[2])[0], r[3]) for r in rows]
    return sheets


# -- the workbook the exporter writes ---------------------------------------------------------


@pytest.fixture(scope="module")
def exported(_demo_template: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The demo database exported with English and with Chinese headers."""
    from mentordesk.core import assessment_signing, assessments
    from mentordesk.core.database import backup_sqlite
    from mentordesk.core.notes import delete_note, list_notes
    from mentordesk.core.store import Store
    from mentordesk.core.trainees import list_trainees
    from mentordesk.exchange.results_export import export_results

    folder = tmp_path_factory.mktemp("docs")
    db = folder / "demo.db"
    backup_sqlite(_demo_template, db)
    store = Store.open(db)
    try:
        # Every column filled somewhere: a signed assessment, amended; a deleted note.
        first = list_trainees(store)[0]
        draft = assessments.create_draft(store, first.uid, date(2026, 10, 24), date(2026, 11, 20))
        draft = assessments.update_draft(store, draft.uid, result="pass", comment="Steady.")
        signed_at = datetime(2026, 11, 20, 15, 0, tzinfo=UTC)
        pdf = b"%PDF-1.7 stand-in for a signed sheet"
        assessment_signing.mark_signed(
            store, assessment_signing.Signed(draft.uid, pdf, "Zhang Wei", signed_at, None)
        )
        assessment_signing.amend(store, draft.uid, "Result corrected")
        delete_note(store, list_notes(store, first.uid)[0].uid)
        # The Calendar sheet: a plan block and a holiday.
        from mentordesk.core.calendar_plan import add_block
        from mentordesk.core.days_off import DayOffEntry, add_days_off

        add_block(
            store,
            first.cohort,
            start=date(2026, 11, 2),
            end=date(2026, 11, 6),
            place="plant",
            planned_hours=40,
        )
        add_days_off(store, [DayOffEntry(date(2026, 10, 1), "National Day")])
        paths = {"en": folder / "results.xlsx", "zh": folder / "results-zh.xlsx"}
        export_results(store, paths["en"])
        export_results(store, paths["zh"], chinese_headers=True)
    finally:
        store.close()
    return paths


def header_rows(path: Path) -> dict[str, list[str]]:
    wb = load_workbook(path, read_only=True)
    try:
        return {
            ws.title: [c for c in next(ws.iter_rows(max_row=1, values_only=True)) if c is not None]
            for ws in wb.worksheets
        }
    finally:
        wb.close()


def records(path: Path, sheet: str) -> Iterator[tuple]:
    wb = load_workbook(path, read_only=True)
    try:
        yield from wb[sheet].iter_rows(min_row=2, values_only=True)
    finally:
        wb.close()


def folded_levels(headers: list[str], pattern: re.Pattern, placeholder: str) -> list[str]:
    """``Level 1`` … ``Level 5`` as the one ``Level N`` row the document writes for them."""
    out: list[str] = []
    for h in headers:
        if pattern.match(h):
            if not out or out[-1] != placeholder:
                out.append(placeholder)
        else:
            out.append(h)
    return out


# -- the sheets and their columns -------------------------------------------------------------


def test_the_document_lists_every_sheet_the_exporter_writes_in_order(exported) -> None:
    written = list(header_rows(exported["en"]))
    assert list(documented_sheets()) == written
    overview = first_table(section(INTERCHANGE.read_text(encoding="utf-8"), "3.2 The sheets"))
    assert [spans(r[0])[0] for r in overview] == written


def test_every_sheets_columns_are_documented_in_the_order_written(exported) -> None:
    written = header_rows(exported["en"])
    documented = documented_sheets()
    for sheet, headers in written.items():
        expected = folded_levels(headers, LEVEL, "Level N")
        expected = folded_levels(expected, CHINESE_LEVEL, "Level N (zh)")
        assert [column for column, _, _ in documented[sheet]] == expected, sheet


def test_every_chinese_header_is_the_one_the_exporter_writes(exported) -> None:
    written = header_rows(exported["zh"])
    documented = documented_sheets()
    assert list(written) == list(documented)
    for sheet, headers in written.items():
        expected = folded_levels(headers, LEVEL_ZH, "等级N")
        expected = folded_levels(expected, CHINESE_LEVEL_ZH, "等级N（中文）")
        assert [zh for _, zh, _ in documented[sheet]] == expected, sheet


def _fits(kind: str, value: object) -> bool:
    """Whether a cell read back from the workbook is of the documented type."""
    if value is None:
        return True  # an empty cell means "none" in any column
    if " or " in kind:
        return any(_fits(k, value) for k in kind.split(" or "))
    word = kind.split()[0]
    if word == "text":
        return isinstance(value, str)
    if word == "UUID":
        return isinstance(value, str) and str(uuid.UUID(value)) == value
    if word == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if word == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if word == "date":
        return isinstance(value, datetime) and value.time() == time(0)
    if word == "date-time":
        return isinstance(value, datetime)
    if word == "time":
        return isinstance(value, time)
    if word == "TRUE/FALSE":
        return isinstance(value, bool)
    raise AssertionError(f"unknown type {kind!r} in {INTERCHANGE.name}")


def test_every_cell_written_is_of_its_documented_type(exported) -> None:
    documented = documented_sheets()
    filled: set[tuple[str, str]] = set()
    wrong: list[str] = []
    for sheet, columns in documented.items():
        headers = header_rows(exported["en"])[sheet]
        kinds = {}
        for column, _, kind in columns:
            if column == "Level N":
                kinds.update({h: kind for h in headers if LEVEL.match(h)})
            elif column == "Level N (zh)":
                kinds.update({h: kind for h in headers if CHINESE_LEVEL.match(h)})
            else:
                kinds[column] = kind
        for number, row in enumerate(records(exported["en"], sheet), start=2):
            for header, value in zip(headers, row, strict=False):
                if value is not None:
                    filled.add((sheet, header))
                if not _fits(kinds[header], value) and len(wrong) < 10:
                    wrong.append(f"{sheet} row {number} {header}: {value!r} is not {kinds[header]}")
    assert wrong == []
    # The check meant something: the ID, date, time and flag columns were all seen filled.
    for cell in [
        ("Summary", "Trainee ID"),
        ("Summary", "Attendance Rate"),
        ("Sessions", "Start"),
        ("Attendance", "Date"),
        ("Ratings", "Level"),
        ("Notes", "Written At"),
        ("Assessments", "Supersedes UID"),
        ("Assessments", "Signed At"),
        ("Skills", "Level 1"),
        ("Skills", "Skill (zh)"),
        ("Skills", "Level 5 (zh)"),
        ("Calendar", "Start"),
        ("Calendar", "Planned Hours"),
        ("Calendar", "Label"),
    ]:
        assert cell in filled, cell


def test_about_keys_are_the_ones_written_in_order(exported) -> None:
    written = []
    for key, _value in records(exported["en"], "About"):
        word = "rows SHEET" if key.startswith("rows ") else key
        if word not in written:
            written.append(word)
    table = first_table(section(INTERCHANGE.read_text(encoding="utf-8"), "3.4 About keys"))
    assert [spans(r[0])[0] for r in table] == written


def test_deleted_records_travel_as_rows_marked_deleted(exported) -> None:
    flags = [row[2] for row in records(exported["en"], "Notes")]
    assert True in flags and False in flags


# -- what the importer accepts ----------------------------------------------------------------


def test_roster_headers_are_the_ones_the_importer_accepts() -> None:
    from mentordesk.exchange.headers import ROSTER_HEADERS

    table = first_table(section(INTERCHANGE.read_text(encoding="utf-8"), "Accepted headers"))
    documented = {r[0]: tuple(spans(r[1])) for r in table}
    assert documented == ROSTER_HEADERS
    required = {r[0] for r in table if r[2].startswith("yes")}
    assert required == {"trainee_id", "name"}


def test_roster_sheet_names_and_status_words_are_the_importers() -> None:
    from mentordesk.exchange.headers import ROSTER_SHEETS, STATUS_WORDS

    text = section(INTERCHANGE.read_text(encoding="utf-8"), "Which sheet and which row")
    sheet_line = next(line for line in text.splitlines() if "**Sheet:**" in line)
    assert tuple(spans(sheet_line)) == ROSTER_SHEETS
    # The status table follows the headers table, after its own "**Status**" lead-in.
    accepted = section(INTERCHANGE.read_text(encoding="utf-8"), "Accepted headers")
    statuses = first_table(accepted.split("**Status**")[1])
    documented = {word: spans(r[0])[0] for r in statuses for word in spans(r[1])}
    assert documented == STATUS_WORDS


def test_skills_sheet_headers_are_the_ones_the_importer_accepts() -> None:
    from mentordesk.exchange.cell_values import header_key
    from mentordesk.exchange.rubric_import import SKILL_KEYS

    table = first_table(section(INTERCHANGE.read_text(encoding="utf-8"), "2. Skills sheets"))
    documented = {header_key(h): r[0] for r in table for h in spans(r[1])}
    assert documented == SKILL_KEYS


def test_attendance_status_words_are_the_ones_the_importer_accepts() -> None:
    from mentordesk.exchange.cell_values import header_key
    from mentordesk.exchange.headers import ATTENDANCE_WORDS

    table = first_table(section(INTERCHANGE.read_text(encoding="utf-8"), "3.5 Attendance"))
    documented = {}
    for status_cell, others in table:
        status = spans(status_cell)[0]
        for word in [status, *spans(others)]:
            documented[header_key(word)] = status
    # Words are compared as headers are ("Left Early", "left_early" and "leftearly" are one).
    assert documented == {header_key(k): v for k, v in ATTENDANCE_WORDS.items()}


def test_the_planned_additions_are_marked_as_not_implemented(exported) -> None:
    planned = section(INTERCHANGE.read_text(encoding="utf-8"), "4. Planned additions")
    assert "Not yet implemented" in planned
    written = header_rows(exported["en"])
    written_today = planned.split("Not yet implemented")[0]
    assert "`Calendar`" in written_today and "Calendar" in written
    assert "Rater Role" in written_today and "Rater Role" in written["Ratings"]
    assert "`Feedback`" in written_today and "Feedback" in written


# -- the guides point at things that exist ----------------------------------------------------

# A word with a folder in it: a file (by its extension) or a folder (by its trailing slash).
# Bare names (``utils.py`` in "never utils.py") are examples, not citations.
PATH_LIKE = re.compile(
    r"^[\w.\-*]+/[\w.\-*/]*\.(py|md|ui|sh|toml|ts|qm|db|spec|mako|xml|txt)$|^[\w.\-]+/[\w.\-/]*$"
)
CALL = re.compile(r"^([A-Za-z_][\w.]*)\(\)$")


# Made by the set-up or by a run, never committed: cited, but not in a checkout.
GENERATED = (".venv/", "bench/out/")


def inline_spans(text: str) -> list[str]:
    """The code spans outside fenced blocks (a fence's backticks would pair with a span's)."""
    return SPAN.findall(re.sub(r"```.*?```", "", text, flags=re.S))


def cited(path: Path) -> Iterator[str]:
    """Every word in backticks that looks like a file or folder, from code spans and blocks.
    Templates (``forms/<name>.ui``, ``NNNN_what_it_does.py``) are left out."""
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```[^\n]*\n(.*?)```", text, flags=re.S)
    for chunk in [*inline_spans(text), *blocks]:
        for word in chunk.split():
            word = word.strip("()[],;:'\"")
            if any(c in word for c in "<>{}~$=") or "://" in word or "NNNN" in word:
                continue
            if word.startswith(("/", "-", *GENERATED)):
                continue
            if PATH_LIKE.match(word):
                yield word


def exists(word: str) -> bool:
    """A path from the top of the repository or, for short forms like ``core/store.py``, from
    the package; a glob must match something."""
    for base in (ROOT, PACKAGE):
        if any(c in word for c in "*?"):
            if list(base.glob(word)):
                return True
        elif (base / word).exists():
            return True
    return False


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_file_a_guide_cites_exists(guide: Path) -> None:
    words = sorted(set(cited(guide)))
    assert len(words) > 10, f"{guide.name} should cite the files it explains"
    assert [w for w in words if not exists(w)] == []


def _sources() -> Iterator[str]:
    for folder in (PACKAGE, ROOT / "tests", ROOT / "scripts", ROOT / "bench"):
        for source in folder.rglob("*.py"):
            yield source.read_text(encoding="utf-8")


def _defined_names() -> set[str]:
    found = (re.findall(r"^\s*(?:async\s+)?(?:def|class)\s+(\w+)", s, re.M) for s in _sources())
    return {name for names in found for name in names}


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_function_a_guide_names_exists(guide: Path) -> None:
    defined = _defined_names()
    text = guide.read_text(encoding="utf-8")
    calls = [m[1] for s in inline_spans(text) if (m := CALL.match(s))]
    assert calls, f"{guide.name} should name the functions it explains"
    assert [c for c in calls if c.rsplit(".", 1)[-1] not in defined] == []


IDENTIFIER = re.compile(r"^[A-Za-z_]\w*$")


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_name_a_guide_cites_is_in_the_code(guide: Path) -> None:
    """Constants, classes, fixtures and variables (``SCHEMA_HEAD``, ``StoreOpening``,
    ``any_store``, ``MENTORDESK_DB``) occur in the code; plain words in backticks are left out."""
    corpus = "\n".join(_sources())
    names = {
        s
        for s in inline_spans(guide.read_text(encoding="utf-8"))
        if IDENTIFIER.match(s) and ("_" in s or s != s.lower())
    }
    assert len(names) > 5
    assert sorted(n for n in names if not re.search(rf"\b{n}\b", corpus)) == []


# -- the bundle's contract --------------------------------------------------------------------


def test_the_bundle_section_lists_the_members_and_keys_the_code_writes() -> None:
    from mentordesk.exchange import bundle_manifest as M

    text = section(INTERCHANGE.read_text(encoding="utf-8"), "3.8 Bundles")
    tables = [t for t in text.split("\n\n") if t.startswith("|")]
    members, keys, entry_keys = (first_table(t) for t in tables[:3])
    assert [row[0] for row in members] == [
        f"`{M.WORKBOOK}`",
        "`sheets/UID-rN.pdf`",
        f"`{M.MANIFEST}`",
    ]
    assert M.sheet_path("UID", 7) == "sheets/UID-r7.pdf" and M.SHEETS_FOLDER == "sheets/"
    assert [row[0].strip("`") for row in keys] == list(M.MANIFEST_KEYS)
    assert [row[0].strip("`") for row in entry_keys] == list(M.ENTRY_KEYS)
    assert (
        f"`{M.FORMAT}`" in text and f"`{M.WORKBOOK_KIND}`" in text and f"`{M.SIGNED_KIND}`" in text
    )
    manifest = M.Manifest(
        "2026-12-03T12:00:00Z", "abc", {}, [M.Entry("results.xlsx", "workbook", 1, "0" * 64)]
    )
    import json

    written = json.loads(manifest.dumps())
    assert list(written) == list(M.MANIFEST_KEYS)
    sheet = M.Entry("sheets/u-r1.pdf", "signed", 1, "0" * 64, "u", 1).as_json()
    assert list(sheet) == list(M.ENTRY_KEYS)
