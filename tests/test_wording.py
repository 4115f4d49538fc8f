"""What services say reaches a Chinese window in Chinese, and still reads as English elsewhere."""

from __future__ import annotations

import ast
import pickle
from pathlib import Path

import pytest

from mentordesk.core.errors import UserError
from mentordesk.core.wording import message_of, user_text
from mentordesk.ui.localised import localised
from mentordesk.ui.translation import install_translator

SRC = Path(__file__).resolve().parent.parent / "src" / "mentordesk"
# Calls whose text argument a user reads: refusals, import verdicts, report notes, progress.
ERRORS = {
    "UserError",
    "NotFound",
    "Conflict",
    "LockedRecord",
    "SchemaTooNew",
    "DatabaseInUse",
    "Cancelled",
    "WorkbookError",
    "WrongPassphrase",
    "Rejected",
}
TEXT_KEYWORDS = {"reason", "what", "message", "problem"}
# Names a sentence is kept under before it reaches a report or a refusal.
TEXT_NAMES = {"problem", "reason", "said"}
# Modules whose ValueErrors explain a cell to the user (elsewhere they report a bug).
CELL_READERS = {"results_import.py"}


def _raw_english(node: ast.AST | None) -> bool:
    """A sentence written inline (literal, f-string, concatenation, literal.format) — not a Text."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and any(c.isalpha() for c in node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _raw_english(node.left) or _raw_english(node.right)
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in {"format", "join"}
    ):
        return _raw_english(node.func.value)
    return False


def _offences(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            named = {t.id for t in targets if isinstance(t, ast.Name)}
            if named & TEXT_NAMES and _raw_english(node.value):
                found.append(f"{path.name}:{node.lineno}")
            continue
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        suspects: list[ast.AST] = []
        if name in ERRORS or name == "reject":
            suspects += node.args[:1]
        if name == "ValueError" and path.name in CELL_READERS:
            suspects += node.args[:1]
        if isinstance(func, ast.Attribute) and name in {"start", "step"} and len(node.args) > 1:
            suspects.append(node.args[1])
        if (
            name == "append"
            and isinstance(func, ast.Attribute)
            and getattr(func.value, "attr", "") == "notes"
        ):
            suspects += node.args[:1]
        suspects += [k.value for k in node.keywords if k.arg in TEXT_KEYWORDS]
        found += [f"{path.name}:{node.lineno}" for suspect in suspects if _raw_english(suspect)]
    return found


def test_services_say_everything_through_user_text() -> None:
    modules = [
        p
        for part in ("core", "exchange")
        for p in sorted((SRC / part).rglob("*.py"))
        if "alembic" not in p.parts
    ]
    offences = [f"{module.parent.name}/{o}" for module in modules for o in _offences(module)]
    assert not offences, (
        "these sentences reach the user but cannot be translated; write them as "
        "user_text(context, template).format(...) (mentordesk.core.wording):\n"
        + "\n".join(offences)
    )


def test_the_guard_sees_inline_sentences(tmp_path: Path) -> None:
    sample = tmp_path / "results_import.py"
    sample.write_text(
        "raise UserError(f'{x} is wrong')\n"
        "reject('Bad row')\n"
        "progress.start(3, 'Working')\n"
        "report.notes.append('a note')\n"
        "Outcome(reason='why ' + x)\n"
        "raise Rejected('no such session')\n"
        "raise ValueError(f'{value} is not a date')\n"
        "problem = 'column UID: empty'\n"
        "raise UserError(user_text('C', '{x} is wrong').format(x=x))\n"
        "raise UserError(message)\n"
        "problem = user_text('C', 'column {c}: empty').format(c=c)\n"
        "title = 'Summary'\n",
        encoding="utf-8",
    )
    assert len(_offences(sample)) == 8


def test_text_is_the_english_sentence_and_keeps_what_it_was_made_of() -> None:
    said = user_text("Attendance", "{minutes} minutes late is longer than the session ({h:g} h)")
    filled = said.format(minutes=90, h=1.5)
    assert filled == "90 minutes late is longer than the session (1.5 h)"
    assert isinstance(filled, str) and filled.template == said.template
    error = UserError(filled)
    assert str(error) == filled and message_of(error) is filled
    assert pickle.loads(pickle.dumps(filled)).args == {"minutes": 90, "h": 1.5}
    with pytest.raises(TypeError):
        said.format(90)


def test_a_chinese_window_shows_a_service_refusal_in_chinese(qapp, store, tmp_path) -> None:
    from mentordesk.core.attendance import mark
    from mentordesk.exchange.workbook_import import prepare_import

    empty = tmp_path / "名单.xlsx"
    empty.write_bytes(b"")
    with pytest.raises(UserError) as unreadable:
        prepare_import(empty)
    with pytest.raises(UserError) as unknown:
        mark(store, "no-such-session", "no-such-trainee", "present")
    try:
        assert install_translator(qapp, "zh_CN") == "zh_CN"
        for error in (unreadable.value, unknown.value):
            shown = localised(error)
            assert shown != str(error)
            leftover = (
                shown.replace("名单.xlsx", "").replace("no-such-session", "").replace("ID", "")
            )
            assert not any("a" <= c.lower() <= "z" for c in leftover), shown
        assert "名单.xlsx" in localised(unreadable.value)
    finally:
        install_translator(qapp, "en")
    assert localised(unreadable.value) == str(unreadable.value)
    assert localised("张伟 — as written") == "张伟 — as written"
