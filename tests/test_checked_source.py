"""Issue 17, items 3 and 5, checked on the source: core and exchange pass mypy's strict mode as
pyproject.toml configures it, and comments say why the code is as it is, not what it measured.

Files other streams were changing when the checks arrived are listed as not yet clean; each
list only shrinks.
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "mentordesk"

# Still to be brought under the strict check (see scripts/typecheck.sh).
NOT_YET_TYPED = {
    "core/export_rows.py",
    "core/merge_rows.py",
    "exchange/cell_values.py",
    "exchange/headers.py",
    "exchange/results_export.py",
    "exchange/roster_import.py",
    "exchange/rubric_import.py",
    "exchange/session_sheet.py",
    "exchange/sheet_language.py",
    "exchange/sheet_page.py",
    "exchange/sheet_pdf.py",
    "exchange/workbook_import.py",
    "exchange/workbook_reading.py",
}

# Comments and docstrings that still carry measured figures.
NOT_YET_REWORDED: set[str] = set()

# A time measured (12 ms, 0.6 s), a before → after pair, or "~4× faster".
MEASURED = re.compile(
    r"\b\d+(?:[.,]\d+)?\s?(?:ms|µs|s)\b"
    r"|\d\s?(?:→|->)\s?~?\d"
    r"|\d\s?[×x]\s?(?:faster|slower)"
    r"|\bwas \d[\d.,]*\s?\S*,? now \d"
)


def typed_files() -> list[Path]:
    files = [
        path
        for folder in ("core", "exchange")
        for path in sorted((SOURCE / folder).rglob("*.py"))
        if path.relative_to(SOURCE).as_posix() not in NOT_YET_TYPED
    ]
    assert len(files) > 40
    return files


def test_core_and_exchange_pass_the_strict_type_check() -> None:
    api = pytest.importorskip("mypy.api")
    # Errors in the files not yet typed are left out; the typed ones must have none.
    out, err, status = api.run(
        [
            "--config-file",
            str(ROOT / "pyproject.toml"),
            "--follow-imports=silent",
            *map(str, typed_files()),
        ]
    )
    assert status == 0, out + err


def comments_and_docstrings(path: Path) -> list[tuple[int, str]]:
    text = path.read_text(encoding="utf-8")
    found = [
        (tok.start[0], tok.string)
        for tok in tokenize.generate_tokens(io.StringIO(text).readline)
        if tok.type == tokenize.COMMENT
    ]
    for node in ast.walk(ast.parse(text)):
        body = getattr(node, "body", None)
        if not isinstance(body, list) or not body:
            continue
        first = body[0]
        value = first.value if isinstance(first, ast.Expr) else None
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            found.append((first.lineno, value.value))
    return found


def test_comments_carry_no_measured_figures() -> None:
    paths = sorted(SOURCE.rglob("*.py")) + sorted((ROOT / "tests").rglob("*.py"))
    hits = []
    for path in paths:
        name = path.relative_to(ROOT).as_posix()
        if name in NOT_YET_REWORDED or path.name == Path(__file__).name:
            continue
        for line, text in comments_and_docstrings(path):
            if found := MEASURED.search(text):
                hits.append(f"{name}:{line}: {found.group()!r}")
    assert not hits, "\n".join(hits)


def test_the_figure_check_sees_what_it_is_for() -> None:
    assert MEASURED.search("a cohort-year summary 587 → 217 ms")
    assert MEASURED.search("about 0.6 s to import")
    assert MEASURED.search("built ~4× faster this way")
    assert not MEASURED.search("a 1366×768 laptop; 32,767 characters; minutes late")
