"""The sheet as an archive document (issue 20, item 6): what pdftotext, pdffonts, pdfinfo and
pdfsig say about drafts, signed and countersigned sheets, in English and in Chinese."""

from __future__ import annotations

import re
import subprocess
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from mentordesk.core import assessments as A
from mentordesk.core.trainees import list_trainees
from mentordesk.exchange import signing_identity as I
from mentordesk.exchange.sheet_page import MentorStamp
from mentordesk.exchange.sheet_pdf import render_sheet
from mentordesk.exchange.signing import HeldKeySigner, countersign, sign_assessment

START, END = date(2026, 10, 1), date(2026, 11, 20)
PASS = "correct horse battery"


@pytest.fixture(scope="module")
def signer(tmp_path_factory: pytest.TempPathFactory) -> HeldKeySigner:
    folder = tmp_path_factory.mktemp("identity")
    I.create_identity("Zhang Wei 张伟", PASS, folder=folder)
    return HeldKeySigner(I.load_identity(PASS, folder))


def _tool(*argv: str) -> str:
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout


def _saved(tmp_path: Path, pdf: bytes, name: str = "sheet.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def _page_texts(path: Path) -> list[str]:
    """Each page's text as pdfium reads it (poppler's pdftotext leaves diagonal text out)."""
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(path))
    try:
        return [doc[n].get_textpage().get_text_range() for n in range(len(doc))]
    finally:
        doc.close()


def _draft(store, index: int = 0, **fields: str) -> A.AssessmentView:
    t = list_trainees(store)[index]
    view = A.create_draft(store, t.uid, START, END)
    A.update_draft(store, view.uid, result="pass", **fields)
    return A.get_assessment(store, view.uid)


@pytest.mark.parametrize("language, word", [("en", "DRAFT"), ("zh_CN", "草稿")])
def test_a_draft_says_draft_on_every_page_and_a_signed_sheet_does_not(
    demo_store, signer, tmp_path, language, word
):
    view = _draft(demo_store, comment="很好。" * 400)  # long enough for several pages
    draft = render_sheet(view, A.result_choices(demo_store), language=language)
    pages = _page_texts(_saved(tmp_path, draft.pdf))
    assert len(pages) >= 2
    assert all(word in page for page in pages)

    signed = sign_assessment(demo_store, view.uid, signer, None, language=language)
    pdf = A.latest_document(demo_store, signed.uid)
    assert not any(word in page for page in _page_texts(_saved(tmp_path, pdf, "signed.pdf")))


@pytest.mark.parametrize("length", [300, 900, 1500, 4000])
def test_the_signature_boxes_stay_with_the_comment_and_result_they_sign(demo_store, length):
    """A long assessment breaks across pages (a 4,000-character field used to fail to lay
    out), and the page with the signature boxes also holds the overall comment's end and the
    result: never the boxes alone on a page of their own."""
    view = replace(
        _draft(demo_store),
        strengths="操作规范，" * (length // 5),
        improvements="Needs more theory. " * (length // 19),
        comment="按规程操作，进步明显。" * (length // 10) + "END-OF-COMMENT",
    )
    sheet = render_sheet(view, ["pass"], MentorStamp("Zhang Wei", date(2026, 12, 3)), language="en")
    page = sheet.boxes["mentor"][0]
    assert {p for p, _ in sheet.boxes.values()} == {page}
    path = Path(f"{demo_store.path}.pdf")
    text = _page_texts(_saved(path.parent, sheet.pdf, path.name))[page]
    assert "Result" in text and "Pass" in text
    assert "END-OF-COMMENT" in text


def test_the_creation_date_is_the_signing_time_and_rendering_is_reproducible(
    demo_store, signer, tmp_path
):
    view = _draft(demo_store)
    when = datetime(2026, 11, 21, 9, 30, 5, tzinfo=UTC)
    first = render_sheet(view, ["pass"], created=when).pdf
    assert render_sheet(view, ["pass"], created=when).pdf == first
    assert render_sheet(view, ["pass"], created=when.replace(minute=31)).pdf != first
    info = _tool("pdfinfo", "-isodates", str(_saved(tmp_path, first)))
    assert re.search(r"CreationDate:\s+2026-11-21T09:30:05", info)

    signed = sign_assessment(demo_store, view.uid, signer, None)
    pdf = A.latest_document(demo_store, signed.uid)
    info = _tool("pdfinfo", "-isodates", str(_saved(tmp_path, pdf, "signed.pdf")))
    created = datetime.fromisoformat(re.search(r"CreationDate:\s+(\S+)", info)[1])
    # Drawn just before it was signed: the real time, at most moments before the signature's.
    assert signed.signed_at - timedelta(minutes=1) <= created <= signed.signed_at
    assert "2000-01-01" not in info


@pytest.mark.parametrize("language", ["en", "zh_CN", "both"])
def test_every_font_is_embedded_and_the_metadata_names_the_sheet(
    demo_store, signer, tmp_path, language
):
    view = _draft(demo_store, comment="按规程操作，进步明显。")
    signed = sign_assessment(demo_store, view.uid, signer, None, language=language)
    pdf = countersign(A.latest_document(demo_store, signed.uid), signer, "teacher", "很好", "pass")
    path = _saved(tmp_path, pdf)

    fonts = _tool("pdffonts", str(path)).splitlines()[2:]
    assert fonts and all(line.split()[-5] == "yes" for line in fonts), fonts
    assert "Helvetica" not in "\n".join(fonts)

    meta = _tool("pdfinfo", "-meta", str(path))
    for value in (
        signed.trainee_name,
        signed.trainee_id,
        "2026-10-01",
        "2026-11-20",
        signed.document_id,
        f"uuid:{signed.uid}",
        'pdfaid:part="2"',
        'pdfaid:conformance="B"',
    ):
        assert value in meta, value
    info = _tool("pdfinfo", str(path))
    producer = re.search(r"Producer:\s+(.*)", info)[1]
    assert f'pdf:Producer="{producer}"' in meta  # the Info dictionary and XMP agree
    assert _tool("pdfsig", str(path)).count("Signature is Valid") == 2


def test_a_control_character_in_a_name_still_makes_readable_metadata(demo_store, tmp_path):
    view = replace(_draft(demo_store), trainee_name="Wang\x01 Fang")
    meta = _tool("pdfinfo", "-meta", str(_saved(tmp_path, render_sheet(view, ["pass"]).pdf)))
    assert "Wang Fang" in meta
