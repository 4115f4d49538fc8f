"""A cohort's readiness matrix for one post, written to the file the user names.

One entry for the window and the command line: ``.pdf`` prints it (``readiness_matrix_pdf``),
``.xlsx`` exports it (``readiness_matrix_xlsx``); any other name is refused before anything is
read or written.
"""

from __future__ import annotations

from pathlib import Path

from ..core.errors import UserError
from ..core.readiness import ReadinessMatrix, cohort_matrix
from ..core.store import Store
from ..core.wording import user_text
from .readiness_matrix_pdf import write_matrix_pdf
from .readiness_matrix_xlsx import write_matrix_xlsx

KINDS = (".pdf", ".xlsx")


def write_readiness_matrix(
    store: Store, cohort: str, post_uid: str, target: Path, language: str = "en"
) -> ReadinessMatrix:
    """Write the matrix to ``target``; rubric texts in ``language`` ("en" or "zh")."""
    target = Path(target)
    kind = target.suffix.lower()
    if kind not in KINDS:
        raise UserError(
            user_text(
                "Readiness",
                "{file}: the matrix is written as .pdf (to print) or .xlsx (to export)",
            ).format(file=target.name)
        )
    matrix = cohort_matrix(store, cohort, post_uid, language)
    sheet_language = "zh_CN" if language.startswith("zh") else "en"
    if kind == ".pdf":
        write_matrix_pdf(matrix, target, sheet_language)
    else:
        write_matrix_xlsx(matrix, target, sheet_language)
    return matrix
