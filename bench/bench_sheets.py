"""Signed sheets: a 200-trainee cohort rendered, PAdES-signed and written, in sheets per second.

MentorDesk's path is the product's own: ``write_sheets`` with the mentor's key loaded once
(drafts looked up, sheets rendered, signed, written, the signatures recorded). The baseline,
in the same run on the same records, is the straightforward way: a bare reportlab loop drawing
a comparable page (same font, the same figures, skills, notes and boxes) and pyHanko signing
it as its documentation shows, ``SimpleSigner.load`` once and ``sign_pdf`` with a
``PdfSigner`` per sheet. Both write one file per sheet.

The cohort is the demo's records copied onto 200 trainees (40 when quick): a sheet's cost
depends on one trainee's record, not on the size of the database, so ``dataset`` is not used.
"""

from __future__ import annotations

import io
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

from sqlalchemy import insert, select

from mentordesk.core import assessments as A
from mentordesk.core.cohorts import create_cohort
from mentordesk.core.demo import load_demo
from mentordesk.core.models import Attendance, Cohort, Note, SkillRating, Trainee
from mentordesk.core.store import Store

from .figures import Figure

START, END = date(2026, 10, 1), date(2026, 11, 20)
COHORTS = ("Bench cohort A", "Bench cohort B")
PASSPHRASE = "bench passphrase"


def _clone_cohort(store: Store, name: str, first: int, size: int) -> None:
    """``size`` trainees in a new cohort, each with a copy of a demo trainee's records."""
    create_cohort(store, name, programme="Rolling and steelmaking order classes 2025")
    with store.write() as s:
        cohort_id = s.scalar(select(Cohort.id).where(Cohort.name == name))
        sources = list(
            s.scalars(
                select(Trainee)
                .join(Cohort, Cohort.id == Trainee.cohort_id)
                .where(Cohort.name.not_like("Bench%"))
                .order_by(Trainee.id)
            )
        )
        for i in range(first, first + size):
            src = sources[i % len(sources)]
            new_id = s.execute(
                insert(Trainee)
                .values(
                    trainee_id=f"B{i:05d}",
                    name=src.name if i < len(sources) else f"{src.name} {i}",
                    cohort_id=cohort_id,
                    track=src.track,
                    origin_device=store.device_id,
                )
                .returning(Trainee.id)
            ).scalar_one()
            for model, columns in (
                (Attendance, ("session_id", "status", "minutes_late", "hours", "note")),
                (SkillRating, ("skill_id", "level", "rated_on", "evidence", "session_id")),
                (Note, ("category", "text", "written_at", "session_id")),
            ):
                rows = [
                    {"trainee_id": new_id, **{c: getattr(r, c) for c in columns}}
                    for r in s.scalars(select(model).where(model.trainee_id == src.id))
                ]
                if rows:
                    s.execute(insert(model), rows)


def _prepare(folder: Path, size: int) -> tuple[Store, Path]:
    from mentordesk.exchange.signing_identity import create_identity

    store = Store.open(folder / "bench.db")
    load_demo(store, today=END)
    half = size // 2
    for n, cohort in enumerate(COHORTS):
        _clone_cohort(store, cohort, n * half, half)
        for view in A.ensure_drafts(store, A.cohort_trainees(store, cohort), START, END):
            A.update_draft(store, view.uid, result="pass", comment="Steady progress. " * 12)
    ident = folder / "identity"
    create_identity("Zhang Wei 张伟", PASSPHRASE, organisation="Northbay", folder=ident)
    return store, ident


def _mentordesk(store: Store, ident: Path, out: Path, cohort: str) -> tuple[int, float]:
    from mentordesk.exchange.sheet_batch import write_sheets
    from mentordesk.exchange.signing import HeldKeySigner
    from mentordesk.exchange.signing_identity import load_identity

    began = time.perf_counter()
    signer = HeldKeySigner(load_identity(PASSPHRASE, ident))
    result = write_sheets(store, out, START, END, cohort=cohort, signer=signer)
    elapsed = time.perf_counter() - began
    assert result.signed == len(result.written)
    return len(result.written), elapsed


def _baseline_page(view: A.AssessmentView, font: str) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.pdfgen.canvas import Canvas

    out = io.BytesIO()
    c = Canvas(out, pagesize=A4)
    width, height = A4
    y = height - 20 * mm

    def line(text: str, size: float = 9, x: float = 16 * mm, step: float = 5 * mm) -> None:
        nonlocal y
        if y < 30 * mm:
            c.showPage()
            y = height - 20 * mm
        c.setFont(font, size)
        c.drawString(x, y, text[:110])
        y -= step

    line("Workplace Training Assessment Sheet 企业实训考核表", 16, step=9 * mm)
    for label, value in (
        ("School 学校", view.school),
        ("Programme 项目", view.programme),
        ("Trainee 学员", f"{view.trainee_name}  {view.trainee_id}"),
        ("Period 考核期", f"{view.period_start} – {view.period_end}"),
        ("Mentor 导师", view.mentor),
    ):
        c.rect(16 * mm, y - 1.5 * mm, width - 32 * mm, 5.5 * mm)
        line(f"{label}: {value}")
    a = view.summary["attendance"]
    line(
        f"Sessions {a['sessions']}  Present {a['present']}  Late {a['late']}  Absent "
        f"{a['absent']}  Excused {a['excused']}  Hours {a['hours']}  Rate {a['rate']}",
        step=7 * mm,
    )
    for sk in view.summary["skills"]:
        c.rect(16 * mm, y - 1.5 * mm, width - 32 * mm, 5.5 * mm)
        line(f"{sk['code']}  {sk['name']}  {sk['level']}  {sk['label']}  {sk['change']}")
        c.rect(150 * mm, y + 5 * mm, sk["level"] * 8 * mm, 3 * mm, fill=1)
    for category, notes in view.summary["notes"].items():
        line(category, 10)
        for note in notes:
            line(f"{note['date']}  {note['text']}", 8, step=4 * mm)
    line(f"Strengths: {view.strengths}  Comment: {view.comment}")
    line(f"Result 考核结果: {view.result}")
    for i in range(3):
        c.rect((16 + i * 60) * mm, 40 * mm, 55 * mm, 30 * mm)
    c.setFont(font, 7)
    c.drawString(16 * mm, 12 * mm, f"Document ID {view.document_id}  Page 1")
    c.showPage()
    c.save()
    return out.getvalue()


def _baseline(store: Store, ident: Path, out: Path, folder: Path, cohort: str) -> tuple[int, float]:
    from cryptography.hazmat.primitives import serialization
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields, signers

    from mentordesk.exchange.sheet_page import font_name
    from mentordesk.exchange.signing_identity import load_identity

    loaded = load_identity(PASSPHRASE, ident)
    key_pem, cert_pem = folder / "key.pem", folder / "cert.pem"
    key_pem.write_bytes(
        loaded.key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(PASSPHRASE.encode()),
        )
    )
    cert_pem.write_bytes(loaded.certificate.public_bytes(serialization.Encoding.PEM))
    views = A.list_assessments(store, cohort=cohort, state="draft")
    font = font_name()
    began = time.perf_counter()
    signer = signers.SimpleSigner.load(
        str(key_pem), str(cert_pem), key_passphrase=PASSPHRASE.encode()
    )
    for n, view in enumerate(views):
        writer = IncrementalPdfFileWriter(io.BytesIO(_baseline_page(view, font)))
        meta = signers.PdfSignatureMetadata(
            field_name="Signature1",
            md_algorithm="sha256",
            subfilter=fields.SigSeedSubFilter.PADES,
        )
        signed = signers.sign_pdf(
            writer,
            meta,
            signer=signer,
            new_field_spec=fields.SigFieldSpec("Signature1", box=(45, 113, 200, 198)),
        )
        (out / f"{cohort}-{n}.pdf").write_bytes(signed.getvalue())
    return len(views), time.perf_counter() - began


def run(dataset: Path | None, quick: bool) -> list[Figure]:
    size = 40 if quick else 200
    with tempfile.TemporaryDirectory(prefix="bench-sheets-") as tmp:
        folder = Path(tmp)
        store, ident = _prepare(folder, size)
        try:
            (folder / "base").mkdir()
            (folder / "ours").mkdir()
            # Interleaved halves, so that a change of load on a shared machine hits both.
            totals = {"base": [0, 0.0], "ours": [0, 0.0]}
            for cohort in COHORTS:
                for key, measured in (
                    ("base", _baseline(store, ident, folder / "base", folder, cohort)),
                    ("ours", _mentordesk(store, ident, folder / "ours", cohort)),
                ):
                    totals[key][0] += measured[0]
                    totals[key][1] += measured[1]
        finally:
            store.close()
    base = totals["base"][0] / totals["base"][1]
    ours = totals["ours"][0] / totals["ours"][1]
    return [
        Figure(
            f"signed sheets of a {size}-trainee cohort (render + PAdES + write)",
            round(ours, 2),
            "sheets/s",
            baseline=round(base, 2),
            target=4.0,
            higher_is_better=True,
            target_text="≥ 4× bare reportlab + SimpleSigner",
        )
    ]


if __name__ == "__main__":
    for figure in run(None, "--quick" in sys.argv[1:]):
        ratio = f"{figure.ratio:.2f}×" if figure.ratio else "-"
        print(
            f"{figure.figure}: {figure.value} {figure.unit} (baseline {figure.baseline}, {ratio})"
        )
