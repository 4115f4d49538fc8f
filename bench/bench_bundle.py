"""Sync bundles: a 200-trainee cohort's bundle written and imported, against same-run baselines.

Export: ``export_bundle`` (the results workbook, every signed sheet, the manifest, one zip)
against ``export_results`` of the same scope plus copying the same PDFs out of the database
into files. Import: ``prepare_bundle(...).apply(store)`` into an empty database (members
checked against the manifest, signatures verified, workbook merged, sheets stored) against
``prepare_import(...).apply(store)`` of the same workbook into an empty database plus
verifying every PDF's signatures with pyHanko directly (``validate_pdf_signature``, the way
its documentation shows). Times are CPU time of this process; wall time is printed beside.

The cohort is the demo's records copied onto 200 trainees (40 when quick), each with a signed
sheet, as in ``bench_sheets``: ``dataset`` is not used.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .bench_sheets import COHORTS, END, START, _prepare
from .figures import Figure

EXPORT_TARGET = 1.3
IMPORT_TARGET = 1.5


def _timed(work: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return time.process_time() - cpu, time.perf_counter() - wall


def _signed_cohort(folder: Path, size: int):
    from mentordesk.exchange.sheet_batch import write_sheets
    from mentordesk.exchange.signing import HeldKeySigner
    from mentordesk.exchange.signing_identity import load_identity

    from .bench_sheets import PASSPHRASE

    store, ident = _prepare(folder, size * 2)
    signer = HeldKeySigner(load_identity(PASSPHRASE, ident))
    (folder / "sheets").mkdir()
    write_sheets(store, folder / "sheets", START, END, cohort=COHORTS[0], signer=signer)
    return store


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    from mentordesk.core.export_scope import ExportScope
    from mentordesk.core.signed_documents import documents_in_scope
    from mentordesk.core.store import Store
    from mentordesk.exchange.bundle_export import export_bundle
    from mentordesk.exchange.bundle_import import prepare_bundle
    from mentordesk.exchange.results_export import export_results
    from mentordesk.exchange.workbook_import import prepare_import

    size = 40 if quick else 200
    with tempfile.TemporaryDirectory(prefix="mentordesk-bench-bundle-") as tmp:
        folder = Path(tmp)
        store = _signed_cohort(folder, size)
        scope = ExportScope(COHORTS[0], START, END)
        try:

            def baseline_export() -> None:
                export_results(store, folder / "plain.xlsx", scope)
                out = folder / "copied"
                out.mkdir(exist_ok=True)
                for n, doc in enumerate(documents_in_scope(store, scope)):
                    (out / f"{n}.pdf").write_bytes(doc.pdf)

            base_cpu, base_wall = _timed(baseline_export)
            cpu, wall = _timed(lambda: export_bundle(store, folder / "bundle.zip", scope))
            pdfs = [(folder / "copied" / f"{n}.pdf").read_bytes() for n in range(size)]
        finally:
            store.close()

        def baseline_import() -> None:
            from pyhanko.pdf_utils.reader import PdfFileReader
            from pyhanko.sign.validation import validate_pdf_signature

            empty = Store.open(folder / "plain.db")
            try:
                prepare_import(folder / "plain.xlsx").apply(empty)
            finally:
                empty.close()
            for pdf in pdfs:
                for sig in PdfFileReader(io.BytesIO(pdf)).embedded_signatures:
                    assert validate_pdf_signature(sig).intact

        def bundle_import() -> None:
            empty = Store.open(folder / "bundle.db")
            try:
                prepare_bundle(folder / "bundle.zip").apply(empty)
            finally:
                empty.close()

        in_base_cpu, in_base_wall = _timed(baseline_import)
        in_cpu, in_wall = _timed(bundle_import)
    print(
        f"bundle: export {wall:.2f} s wall (baseline {base_wall:.2f} s), "
        f"import {in_wall:.2f} s wall (baseline {in_base_wall:.2f} s), {size} signed sheets",
        file=sys.stderr,
    )
    return [
        Figure(
            f"bundle export, {size}-trainee cohort (vs workbook export + copying the PDFs)",
            cpu,
            "s",
            base_cpu,
            EXPORT_TARGET,
            target_text=f"<= {EXPORT_TARGET}x",
        ),
        Figure(
            f"bundle import, {size}-trainee cohort (vs workbook import + pyHanko verifying)",
            in_cpu,
            "s",
            in_base_cpu,
            IMPORT_TARGET,
            target_text=f"<= {IMPORT_TARGET}x",
        ),
    ]


if __name__ == "__main__":
    for figure in run(None, "--quick" in sys.argv[1:]):
        ratio = f"{figure.ratio:.2f}x" if figure.ratio else "-"
        print(
            f"{figure.figure}: {figure.value:.2f} {figure.unit} "
            f"(baseline {figure.baseline:.2f}, {ratio}, met {figure.met})"
        )
