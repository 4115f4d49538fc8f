"""Write the hostile-input corpus: broken, malicious and absurd files MentorDesk may be handed.

``python tests/data/hostile/make_corpus.py`` rewrites the small files beside it and
``manifest.json`` (file -> the command it is fed to, and words its refusal must contain).
The huge ones (a zip bomb, a million blank rows) are made at test time by ``make_huge``, and
the hostile bundles (their sheets need signatures) by ``make_bundles.py`` beside this file.
``--missing`` writes only files not there yet, leaving the others byte for byte as they are.

Workbooks are assembled part by part, not through openpyxl, so that each can be broken exactly
where a hostile or careless sender would break it.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
{sheets}
</Types>"""
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
)
ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
WORKBOOK = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets>{sheets}</sheets>
</workbook>"""
WORKBOOK_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
{rels}
</Relationships>"""
SHEET_REL = (
    '<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/worksheet" Target="worksheets/sheet{n}.xml"/>'
)
SHEET_HEAD = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)

ROSTER_HEAD = ["Trainee ID", "Name", "Cohort", "Status"]
GOOD_ROWS = [
    ["H0001", "Hostile One", "Hostile Class", "active"],
    ["H0002", "李四", "Hostile Class", "active"],
]


def _col(i: int) -> str:
    name = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        name = chr(65 + r) + name
    return name


def cell(ref: str, value: object) -> str:
    """One cell's XML: numbers as numbers, ``("f", text)`` a formula, ``("raw", xml)`` as is."""
    if value is None:
        return ""
    if isinstance(value, tuple) and value[0] == "f":
        return f'<c r="{ref}"><f>{escape(value[1])}</f></c>'
    if isinstance(value, tuple) and value[0] == "raw":
        return value[1].format(ref=ref)
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"><v>{value}</v></c>'
    return (
        f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{escape(str(value))}</t></is></c>'
    )


def sheet_xml(rows: list[list[object]], prolog: str = "") -> str:
    body = "".join(
        f'<row r="{r}">' + "".join(cell(f"{_col(c)}{r}", v) for c, v in enumerate(row)) + "</row>"
        for r, row in enumerate(rows, start=1)
    )
    head = SHEET_HEAD
    if prolog:
        head = head.replace("\n", "\n" + prolog + "\n", 1)
    return f"{head}<sheetData>{body}</sheetData></worksheet>"


def package(sheets: dict[str, str], extra: dict[str, bytes | str] | None = None) -> bytes:
    """An .xlsx package of sheet name -> sheet XML, plus any extra parts."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        n = range(1, len(sheets) + 1)
        zf.writestr(
            "[Content_Types].xml",
            CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=i) for i in n)),
        )
        zf.writestr("_rels/.rels", ROOT_RELS)
        zf.writestr(
            "xl/workbook.xml",
            WORKBOOK.format(
                sheets="".join(
                    f'<sheet name="{escape(name)}" sheetId="{i}" r:id="rId{i}"/>'
                    for i, name in zip(n, sheets, strict=True)
                )
            ),
        )
        zf.writestr(
            "xl/_rels/workbook.xml.rels",
            WORKBOOK_RELS.format(rels="".join(SHEET_REL.format(n=i) for i in n)),
        )
        for i, xml in zip(n, sheets.values(), strict=True):
            zf.writestr(f"xl/worksheets/sheet{i}.xml", xml)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return buf.getvalue()


def roster(rows: list[list[object]], head: list[object] | None = None, prolog: str = "") -> bytes:
    return package({"Trainees": sheet_xml([head or ROSTER_HEAD, *rows], prolog)})


def _results(rows: dict[str, list[list[object]]], version: str = "1") -> bytes:
    from mentordesk.core.export_columns import COLUMNS

    now = datetime(2026, 11, 20, 12, tzinfo=UTC).isoformat()
    about = [
        ["Key", "Value"],
        ["format", "mentordesk-exchange"],
        ["version", version],
        ["exported_at", now],
        ["device", "hostile-pc"],
        ["exported_by", "Mallory"],
    ]
    sheets = {"About": sheet_xml(about)}
    for name, data in rows.items():
        sheets[name] = sheet_xml([list(COLUMNS[name]), *data])
    # interchange.md puts About last.
    return package({k: sheets[k] for k in [*rows, "About"]})


def _record(sheet: str, **values: object) -> list[object]:
    """One row of a results sheet by header (``Trainee_ID`` for "Trainee ID"); others empty."""
    from mentordesk.core.export_columns import COLUMNS

    given = {k.replace("_", " "): v for k, v in values.items()}
    return [given.get(h) for h in COLUMNS[sheet]]


# The demo database the corpus is fed to holds trainee 20250101 and this rubric.
DEMO_TRAINEE = "20250101"
RUBRIC = "Steel plant practical skills"
WHEN = "2026-11-21T08:00:00+00:00"


def _uid(n: int) -> str:
    return f"7e57c0de-0000-4000-8000-{n:012d}"


def _forged_signed() -> bytes:
    row = _record(
        "Assessments", UID=_uid(1), Updated_At=WHEN, Deleted=False, Trainee_ID=DEMO_TRAINEE,
        Period_Start="2026-10-01", Period_End="2026-10-31", Version=1, State="signed",
        Result="distinction", Signed_At="2026-11-20T09:30:05.123+00:00", Signed_By="Anyone",
        Document_SHA_256="0" * 64,
    )  # fmt: skip
    superseded = [*row]
    superseded[0], superseded[11] = _uid(2), "superseded"
    return _results({"Assessments": [row, superseded]})


def _values_out_of_range() -> bytes:
    def rating(n: int, level: object) -> list[object]:
        return _record(
            "Ratings", UID=_uid(n), Updated_At=WHEN, Deleted=False, Trainee_ID=DEMO_TRAINEE,
            Rubric=RUBRIC, Rubric_Version=1, Skill_Code="F-01", Level=level,
            Rated_On="2026-11-02", Rater="Brand New Rater",
        )  # fmt: skip

    note = _record(
        "Notes", UID=_uid(9), Updated_At=WHEN, Deleted=False, Trainee_ID=DEMO_TRAINEE,
        Written_At=WHEN, Category="safety", Text="x" * 32_767, Author="Brand New Author",
    )  # fmt: skip
    return _results({"Ratings": [rating(1, 99), rating(2, -3), rating(3, "nan")], "Notes": [note]})


def _hours_out_of_range() -> bytes:
    """A good session and attendance at it with absurd values: fed with --strict."""
    session = _record(
        "Sessions", UID=_uid(100), Updated_At=WHEN, Deleted=False, Date="2026-11-02",
        Start="08:00", End="12:00", Cohort="Corpus Cohort", Mentor="Corpus Mentor",
    )  # fmt: skip

    def mark(n: int, **values: object) -> list[object]:
        return _record(
            "Attendance", UID=_uid(n), Updated_At=WHEN, Deleted=False, Session_UID=_uid(100),
            Trainee_ID=DEMO_TRAINEE, Status="late", Recorded_By="Corpus Recorder", **values,
        )  # fmt: skip

    marks = [
        mark(101, Hours="inf"), mark(102, Hours="nan"), mark(103, Hours=-4),
        mark(104, Hours=1e308), mark(105, Minutes_Late=-30), mark(106, Note="n" * 32_767),
    ]  # fmt: skip
    return _results({"Sessions": [session], "Attendance": marks})


def _lenient_dates() -> bytes:
    sessions = [
        _record("Sessions", UID=_uid(n), Updated_At=WHEN, Deleted=False, Date=text,
                Cohort="Corpus Cohort", Mentor="Corpus Mentor")
        for n, text in enumerate(["2026-11-05 junk", "20261105", "2026-W45-4"], start=1)
    ]  # fmt: skip
    return _results({"Sessions": sessions})


def _duplicate_new_uid() -> bytes:
    """Two trainees sharing one new UID: fed with --strict (the first alone is fine)."""
    rows = [
        _record("Trainees", UID=_uid(1), Updated_At=WHEN, Deleted=False, Trainee_ID=f"DUP{n}",
                Name=f"Duplicate {n}", Cohort="Corpus Cohort")
        for n in (1, 2)
    ]  # fmt: skip
    return _results({"Trainees": rows})


def _calendar_overlap() -> bytes:
    """A good plan block, one overlapping it and one with unreadable dates: fed with --strict
    (the first alone is fine)."""

    def block(n: int, start: object, end: object) -> list[object]:
        return _record("Calendar", UID=_uid(200 + n), Updated_At=WHEN, Deleted=False,
                       Cohort="Corpus Cohort", Start=start, End=end, Place="plant",
                       Planned_Hours=40)  # fmt: skip

    return _results({"Calendar": [
        block(1, "2026-11-02", "2026-11-06"), block(2, "2026-11-04", "2026-11-10"),
        block(3, "2026-02-30", "next week"),
    ]})  # fmt: skip


def _calendar_bad_dates() -> bytes:
    """Blocks and days off that cannot be: every row rejected."""

    def row(n: int, **values: object) -> list[object]:
        return _record("Calendar", UID=_uid(300 + n), Updated_At=WHEN, Deleted=False, **values)

    return _results({"Calendar": [
        row(1, Cohort="Corpus Cohort", Start="soon", End="2026-11-31", Place="plant"),
        row(2, Cohort="Corpus Cohort", Start="2026-11-10", End="2026-11-02", Place="school"),
        row(3, Start="2026-10-01", End="2026-10-07", Place="holiday", Label="Golden Week"),
        row(4, Cohort="Corpus Cohort", Start="2026-11-02", End="2026-11-03", Place="plant",
            Planned_Hours=1e308),
        row(5, Start="2026-10-01", End="2026-10-01", Place="moon base"),
    ]})  # fmt: skip


def _hidden_first_sheet() -> bytes:
    """A very hidden roster of good rows first, the visible one of bad rows after it."""
    data = package(
        {
            "Trainees": sheet_xml([ROSTER_HEAD, *GOOD_ROWS]),
            "Class 2026": sheet_xml([ROSTER_HEAD, ["V1", None, "C", "active"]]),
        }
    )
    return _rewrite(
        data,
        lambda n, d: (
            d.replace(b'name="Trainees"', b'name="Trainees" state="veryHidden"')
            if n == "xl/workbook.xml"
            else d
        ),
    )


def _shared_strings_negative() -> bytes:
    sst = (
        '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>H0001</t></si>'
        "<si><t>Last String</t></si></sst>"
    )
    sst_type = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    # Index -1 of a Python list is the last string: the row would read "Last String" twice.
    negative = ("raw", '<c r="{ref}" t="s"><v>-1</v></c>')
    data = roster([[negative, negative]])

    def change(name: str, part: bytes) -> bytes:
        if name == "[Content_Types].xml":
            return part.replace(b"</Types>", sst_type.encode() + b"</Types>")
        return part

    return _with_part(_rewrite(data, change), "xl/sharedStrings.xml", sst)


def _with_part(data: bytes, name: str, content: str) -> bytes:
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(name, content)
    return buf.getvalue()


def _formatted_last_row() -> bytes:
    """Rows all rejected (no names), and one formatted empty cell on the sheet's last row."""
    body = sheet_xml([ROSTER_HEAD, ["L1", None, "C"], ["L2", None, "C"]])
    last = '<row r="1048576"><c r="A1048576" s="0"/></row>'
    return package({"Trainees": body.replace("</sheetData>", last + "</sheetData>")})


BILLION_LAUGHS = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    + "".join(
        f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    )
    + "]>"
)
XXE = '<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>'


def _truncated(fraction: float) -> bytes:
    data = roster(GOOD_ROWS * 50)
    return data[: int(len(data) * fraction)]


def _password_protected() -> bytes:
    # msoffcrypto-tool: only this script needs it; its output is committed.
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(roster(GOOD_ROWS))
    out = io.BytesIO()
    office = OOXMLFile(plain)
    office.encrypt("secret", out)
    return out.getvalue()


def _pdf() -> bytes:
    return (
        b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
        b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
        b"trailer<</Root 1 0 R>>\n%%EOF\n"
    )


def _unsigned_pdf() -> bytes:
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    page = Canvas(buf, invariant=True)
    page.drawString(72, 720, "Assessment sheet (unsigned copy)")
    page.save()
    return buf.getvalue()


def _p12(passphrase: bytes) -> bytes:
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.serialization import BestAvailableEncryption, pkcs12
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Hostile Signer")])
    now = datetime(2026, 1, 1, tzinfo=UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=3650))
        .sign(key, hashes.SHA256())
    )
    return pkcs12.serialize_key_and_certificates(
        b"hostile", key, cert, None, BestAvailableEncryption(passphrase)
    )


def _pem_cert_only() -> bytes:
    from cryptography.hazmat.primitives.serialization import Encoding, pkcs12

    _, cert, _ = pkcs12.load_key_and_certificates(_p12(b"x"), b"x")
    assert cert is not None
    return cert.public_bytes(Encoding.PEM)


def _ole(encrypted: bool) -> bytes:
    head = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504
    body = "EncryptedPackage".encode("utf-16-le") if encrypted else b"Workbook"
    return head + body + b"\0" * 2048


U_BLANK = ""
ZWSP, RLO, PDF_MARK = "\u200b", "\u202e", "\u202c"

# name -> (words the refusal must hold, maker of its content)
WORKBOOKS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "not_a_zip.xlsx": ("not an .xlsx", lambda: b"Trainee ID,Name\nH1,Plain text\n" * 20),
    "empty.xlsx": ("empty", lambda: b""),
    "truncated_half.xlsx": ("damaged or truncated", lambda: _truncated(0.5)),
    "truncated_head.xlsx": ("damaged or truncated", lambda: _truncated(0.02)),
    "zip_without_workbook.xlsx": (
        "without workbook parts",
        lambda: _zip({"readme.txt": "not a workbook"}),
    ),
    "renamed_csv.xlsx": ("not an .xlsx", lambda: "Trainee ID,Name\n2025001,王五\n".encode()),
    "renamed_pdf.xlsx": ("not an .xlsx", _pdf),
    "renamed_png.xlsx": ("not an .xlsx", lambda: b"\x89PNG\r\n\x1a\n" + b"\0" * 64),
    "html_table_as_xls.xlsx": (
        "not an .xlsx",
        lambda: b"<html><table><tr><td>Trainee ID</td><td>Name</td></tr></table></html>",
    ),
    "old_format_xls.xlsx": ("old-format .xls", lambda: _ole(False)),
    "password_protected.xlsx": ("password", _password_protected),
    "entity_bomb.xlsx": (
        "entities",
        lambda: roster([["&lol9;", "Bomb"]], prolog=BILLION_LAUGHS).replace(b"&amp;lol9;", b"&lol9;"),
    ),
    "external_entity.xlsx": (
        "entities",
        lambda: roster([["H1", "&xxe;"]], prolog=XXE).replace(b"&amp;xxe;", b"&xxe;"),
    ),
    "external_entity_in_workbook_part.xlsx": ("entities", lambda: _xxe_in_workbook()),
    "entity_bomb_after_padding.xlsx": ("entities", lambda: _late_doctype()),
    "malformed_sheet_xml.xlsx": ("cannot be read", lambda: _broken_part(b"<worksheet><sheetData><row>")),
    "nul_bytes_in_sheet.xlsx": ("cannot be read", lambda: _broken_part(SHEET_HEAD.encode() + b"\0\0\0")),
    "missing_content_types.xlsx": ("without workbook parts", lambda: _without("[Content_Types].xml")),
    "missing_sheet_part.xlsx": ("sheet", lambda: _without("xl/worksheets/sheet1.xml")),
    "shared_string_out_of_range.xlsx": (
        "cannot be read",
        lambda: roster([[("raw", '<c r="{ref}" t="s"><v>999</v></c>'), "Ghost"]]),
    ),
    "no_header.xlsx": ("header", lambda: package({"Sheet1": sheet_xml([["x", 1, 2], [3, 4, 5]])})),
    "header_only.xlsx": ("no trainees", lambda: roster([])),
    "missing_name_column.xlsx": ("Name", lambda: roster([["H1", "Hostile Class"]], ["Trainee ID", "Cohort"])),
    "formulas_without_values.xlsx": (
        "rejected",
        lambda: roster([[("f", "ROW()*1000"), ("f", 'CONCAT("A","B")'), "Hostile Class", "active"]] * 3),
    ),
    "formula_injection_ids.xlsx": (
        "rejected",
        lambda: roster([[("f", 'HYPERLINK("http://evil.example","x")'), "=cmd|' /C calc'!A0"]]),
    ),
    "huge_string_name.xlsx": ("rejected", lambda: roster([["H1", "名" * 2_000_000]])),
    "huge_string_id.xlsx": ("rejected", lambda: roster([["9" * 1_000_000, "Long Id"]])),
    "wrong_types_everywhere.xlsx": (
        "rejected",
        lambda: roster(
            [
                [True, 12345.5, ("raw", '<c r="{ref}" t="e"><v>#REF!</v></c>'), 3.14],
                [45000.25, False, 7, "maybe"],
                [("raw", '<c r="{ref}" t="e"><v>#DIV/0!</v></c>'), None, None, "2025-01-01"],
            ]
        ),
    ),
    "duplicate_ids.xlsx": (
        "rejected",
        lambda: roster([["D001", "First Holder"], ["D001", "Second Holder"], ["D001", "第三"]]),
    ),
    "bidi_override_ids.xlsx": (
        "rejected",
        lambda: roster([[f"H{RLO}1002{PDF_MARK}", "Trojan Source"], [f"{RLO}", f"{RLO}{PDF_MARK}"]]),
    ),
    "invisible_only_cells.xlsx": (
        "rejected",
        lambda: roster([[ZWSP, "\u3000\u3000"], ["\u00a0", ZWSP + ZWSP], ["\u2060", "\ufeff"]]),
    ),
    "illegal_xml_characters.xlsx": (
        "cannot be read",
        lambda: roster([["H\u0007 1", "Иван 王 Smith\u001b[31m"], ["\u0085", "Ahmed أحمد"]]),
    ),
    "mixed_scripts_bad_status.xlsx": (
        "rejected",
        # Chinese and English headers mixed, names in four scripts, a status no one knows.
        lambda: roster(
            [["M001", "Иван 王 Smith", "混合班", "休学"], ["M002", "أحمد Ли", "混合班", "停课"]],
            ["学号", "Name", "班级", "Status"],
        ),
    ),
    "rtl_text_missing_ids.xlsx": (
        "rejected",
        lambda: roster([[None, "محمد الأحمد"], [None, "דוד כהן"], [" ", "مريم\u200f"]]),
    ),
    "sixteen_thousand_columns.xlsx": (
        "header",
        lambda: package({"Sheet1": sheet_xml([[f"col{i}" for i in range(16_384)], ["1"] * 100])}),
    ),
    "results_wrong_version.xlsx": (
        "version",
        lambda: _results({"Trainees": []}, version="99"),
    ),
    "results_bad_uids_and_dates.xlsx": (
        "rejected",
        lambda: _results(
            {
                "Attendance": [
                    ["not-a-uuid", "yesterday", "maybe", "also-not-a-uid", "soon", "H1", "X",
                     "present", "ten", "lots", "", ""],
                ]
            }
        ),
    ),
    "results_dangling_references.xlsx": (
        "rejected",
        lambda: _results(
            {
                "Attendance": [
                    ["6f1c0b9e-3f57-4d0a-9d43-9d5a3c2f1e01", "2026-11-01T08:00:00+00:00", False,
                     "0b5d1c2e-8a39-4b6f-9f0e-1a2b3c4d5e6f", "2026-11-01", "NOBODY", "Nobody",
                     "present", 0, 8, "", ""],
                ],
                "Ratings": [
                    ["2f1c0b9e-3f57-4d0a-9d43-9d5a3c2f1e02", "2026-11-01T08:00:00+00:00", False,
                     "NOBODY", "Nobody", "No rubric", 1, "0b5d1c2e-0000-4b6f-9f0e-1a2b3c4d5e6f",
                     "X-1", "Nothing", 9, "2026-11-01", "", "", ""],
                ],
            }
        ),
    ),
    "results_forged_signed_assessment.xlsx": ("rejected", _forged_signed),
    "results_values_out_of_range.xlsx": ("rejected", _values_out_of_range),
    "results_hours_out_of_range_strict.xlsx": ("--strict", _hours_out_of_range),
    "results_lenient_dates.xlsx": ("rejected", _lenient_dates),
    "results_duplicate_new_uid_strict.xlsx": ("--strict", _duplicate_new_uid),
    "results_calendar_overlap_strict.xlsx": ("--strict", _calendar_overlap),
    "results_calendar_bad_dates.xlsx": ("rejected", _calendar_bad_dates),
    "roster_lost_digit_ids.xlsx": (
        "rejected",
        lambda: roster([[1.101012000010112e17, "Lost Digits"], ["1.10101200001011E+17", "As Text"]]),
    ),
    "roster_hidden_first_sheet.xlsx": ("rejected", _hidden_first_sheet),
    "roster_formatted_last_row.xlsx": ("rejected", _formatted_last_row),
    "shared_string_negative_index.xlsx": ("cannot be read", _shared_strings_negative),
    "path_traversal_parts.xlsx": (
        "without workbook parts",
        lambda: _zip({"../../../../tmp/evil.sh": "#!/bin/sh\necho owned\n", "/etc/passwd": "x"}),
    ),
}  # fmt: skip

KEYS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "pdf_as_key.p12": ("", _pdf),
    "empty_key.p12": ("", lambda: b""),
    "truncated_key.p12": ("", lambda: _p12(b"right")[:200]),
    "certificate_without_key.p12": ("", _pem_cert_only),
    "workbook_as_key.p12": ("", lambda: roster(GOOD_ROWS)),
    "wrong_passphrase.p12": ("passphrase", lambda: _p12(b"not-the-one-given")),
}
PDFS: dict[str, tuple[str, Callable[[], bytes]]] = {
    "not_a_pdf.pdf": ("", lambda: b"hello, I am not a PDF\n" * 10),
    "truncated.pdf": ("", lambda: _pdf()[:60]),
    "unsigned.pdf": ("signature", lambda: _unsigned_pdf()),
    "workbook_as_pdf.pdf": ("", lambda: roster(GOOD_ROWS)),
}


def _zip(parts: dict[str, str]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _rewrite(data: bytes, change: Callable[[str, bytes], bytes | None]) -> bytes:
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for info in src.infolist():
            new = change(info.filename, src.read(info))
            if new is not None:
                zf.writestr(info.filename, new)
    return buf.getvalue()


def _broken_part(xml: bytes) -> bytes:
    return _rewrite(roster(GOOD_ROWS), lambda n, d: xml if n.endswith("sheet1.xml") else d)


def _without(part: str) -> bytes:
    return _rewrite(roster(GOOD_ROWS), lambda n, d: None if n == part else d)


def _xxe_in_workbook() -> bytes:
    def change(name: str, data: bytes) -> bytes:
        if name == "xl/workbook.xml":
            return data.replace(b"?>\n", b"?>\n" + XXE.encode() + b"\n", 1).replace(
                b'name="Trainees"', b'name="&xxe;"'
            )
        return data

    return _rewrite(roster(GOOD_ROWS), change)


def _late_doctype() -> bytes:
    """A DOCTYPE after 8 KB of comment: a check that reads only a part's start misses it."""
    padding = "<!--" + " " * 8192 + "-->"
    xml = sheet_xml([ROSTER_HEAD, ["&lol9;", "Late bomb"]], prolog=padding + "\n" + BILLION_LAUGHS)
    return _broken_part(xml.replace("&amp;lol9;", "&lol9;").encode())


def make_huge(folder: Path) -> dict[str, str]:
    """The corpus's huge files, written into ``folder``: file name -> words of the refusal."""
    folder.mkdir(parents=True, exist_ok=True)
    # A 1 GB sheet of one repeated row, deflated to about 1 MB.
    row = b'<row><c t="inlineStr"><is><t>A</t></is></c></row>'
    bomb = folder / "zip_bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets=SHEET_TYPE.format(n=1)))
        zf.writestr("xl/workbook.xml", WORKBOOK.format(sheets=""))
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as part:
            part.write(SHEET_HEAD.encode() + b"<sheetData>")
            block = row * 20_000
            for _ in range((1 << 30) // len(block)):
                part.write(block)
            part.write(b"</sheetData></worksheet>")
    # A roster header, then a million blank rows, then nothing.
    blank = folder / "million_blank_rows.xlsx"
    rows = "".join(f'<row r="{r}"/>' for r in range(2, 1_000_002))
    head = (
        '<row r="1">'
        + "".join(cell(f"{_col(c)}1", v) for c, v in enumerate(ROSTER_HEAD))
        + "</row>"
    )
    blank.write_bytes(
        package({"Trainees": f"{SHEET_HEAD}<sheetData>{head}{rows}</sheetData></worksheet>"})
    )
    return {"zip_bomb.xlsx": "zip bomb", "million_blank_rows.xlsx": "no trainees"}


def main(argv: list[str] | None = None) -> int:
    """Rewrite every file, or with ``--missing`` only those not written yet (keys and the
    password-protected workbook come out different on each run)."""
    missing_only = "--missing" in (sys.argv[1:] if argv is None else argv)
    manifest: dict[str, dict[str, str]] = {}
    for group, command in ((WORKBOOKS, "import"), (KEYS, "identity-import"), (PDFS, "verify")):
        for name, (words, make) in group.items():
            if not (missing_only and (HERE / name).exists()):
                (HERE / name).write_bytes(make())
            # Files whose first rows alone would be accepted are fed with --strict.
            fed = "import-strict" if name.endswith("_strict.xlsx") else command
            manifest[name] = {"command": fed, "expect": words}
    (HERE / "manifest.json").write_text(json.dumps(manifest, indent=1, ensure_ascii=False) + "\n")
    size = sum((HERE / n).stat().st_size for n in manifest)
    print(f"wrote {len(manifest)} files ({size / 1e6:.1f} MB) and manifest.json in {HERE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
