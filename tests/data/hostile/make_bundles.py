"""Hostile bundles (interchange.md 3.8): a good bundle taken apart and put back wrong.

A bundle's sheets must carry valid signatures, and signing needs an identity and a database,
so these are made at test time (``tests/test_hostile_input.py``) from a good bundle exported
there, not written beside ``make_corpus.py``. ``BUNDLES`` maps each file name to words its
refusal must contain and to how it is made from the good bundle (``Good``). Sizes that would
take gigabytes are claimed by the zip's headers, not written.
"""

from __future__ import annotations

import hashlib
import io
import json
import struct
import unicodedata
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

Members = list[tuple[str, bytes]]
OTHER_UID = "00000000-0000-4000-8000-000000000000"


@dataclass(frozen=True)
class Good:
    """What the hostile bundles are made from."""

    members: Members  # the good bundle's members, in order
    forged: tuple[str, bytes]  # a sheet signed by a second self-signed "mentor": uid, PDF
    expired: tuple[str, bytes]  # a sheet signed with an expired certificate: uid, PDF
    unsigned: bytes  # a PDF without signatures
    workbooks: Path  # the hostile workbooks of the corpus

    @property
    def manifest(self) -> dict:
        return json.loads(dict(self.members)["manifest.json"])

    def sheets(self) -> list[dict]:
        return [e for e in self.manifest["files"] if e["kind"] != "workbook"]


def zipped(members: list[tuple[str | zipfile.ZipInfo, bytes]], comment: bytes = b"") -> bytes:
    buf = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        warnings.simplefilter("ignore")  # a name twice is what some of them are for
        for name, data in members:
            zf.writestr(name, data)
        zf.comment = comment
    return buf.getvalue()


def listed(members: Members, manifest: dict | None = None) -> Members:
    """The members with the manifest (given, or theirs) made to match them: size and hash."""
    found = dict(members)
    manifest = manifest or json.loads(found["manifest.json"])
    for entry in manifest["files"]:
        if entry["path"] in found:
            entry["size"] = len(found[entry["path"]])
            entry["sha256"] = hashlib.sha256(found[entry["path"]]).hexdigest()
    text = json.dumps(manifest).encode()
    return [(n, text if n == "manifest.json" else d) for n, d in members]


def with_manifest(members: Members, text: bytes | str) -> bytes:
    data = text.encode() if isinstance(text, str) else text
    return zipped([(n, data if n == "manifest.json" else d) for n, d in members])


def patched(data: bytes, member: str, **fields: int | bytes) -> bytes:
    """The zip with one member's headers rewritten (central directory and local header):
    ``file_size``, ``compress_size``, ``flags`` (or-ed), ``external_attr``, ``name`` (same
    length), ``header_offset`` (where its data is) — what a hand-made hostile zip says about a member, whatever it holds."""
    out = bytearray(data)
    zf = zipfile.ZipFile(io.BytesIO(data))
    at = zf.start_dir
    while out[at : at + 4] == b"PK\x01\x02":
        n, e, c = struct.unpack_from("<HHH", out, at + 28)
        current = bytes(out[at + 46 : at + 46 + n])
        local = struct.unpack_from("<I", out, at + 42)[0]
        if current == member.encode():
            for where, base in ((at, 0), (local, -4)):
                if "file_size" in fields:
                    struct.pack_into("<I", out, where + 24 + base, fields["file_size"])
                if "compress_size" in fields:
                    struct.pack_into("<I", out, where + 20 + base, fields["compress_size"])
                if "flags" in fields:
                    flags = struct.unpack_from("<H", out, where + 8 + base)[0]
                    struct.pack_into("<H", out, where + 8 + base, flags | int(fields["flags"]))
                if "name" in fields:
                    start = where + (46 if base == 0 else 30)
                    out[start : start + n] = bytes(fields["name"])  # type: ignore[arg-type]
            if "external_attr" in fields:
                struct.pack_into("<I", out, at + 38, fields["external_attr"])
            if "header_offset" in fields:
                struct.pack_into("<I", out, at + 42, fields["header_offset"])
        at += 46 + n + e + c
    return bytes(out)


def _sheet(good: Good, n: int = 0) -> dict:
    return good.sheets()[n]


def _single(good: Good) -> dict:
    """The sheet of the assessment signed and not countersigned."""
    sheets = good.sheets()
    return next(e for e in sheets if [s["assessment"] for s in sheets].count(e["assessment"]) == 1)


def _plus(good: Good, name: str, data: bytes) -> bytes:
    return zipped([*good.members, (name, data)])


def _renamed(good: Good, old: str, new: str) -> bytes:
    return zipped([(new if n == old else n, d) for n, d in good.members])


def _entry_changed(good: Good, n: int, **values: object) -> bytes:
    manifest = good.manifest
    manifest["files"][n].update(values)
    return with_manifest(good.members, json.dumps(manifest))


def _manifest_key(good: Good, key: str, value: object) -> bytes:
    manifest = good.manifest
    manifest[key] = value
    return with_manifest(good.members, json.dumps(manifest))


def _sheet_replaced(good: Good, pdf: bytes, single: bool = False) -> bytes:
    path = (_single(good) if single else _sheet(good))["path"]
    return zipped(listed([(k, pdf if k == path else d) for k, d in good.members]))


def _extra_sheet(good: Good, uid: str, pdf: bytes) -> bytes:
    """A sheet added to the bundle and listed in its manifest as the assessment it names."""
    path = f"sheets/{uid}-r1.pdf"
    manifest = good.manifest
    manifest["files"].append(
        {"path": path, "kind": "signed", "size": 0, "sha256": "", "assessment": uid, "revision": 1}
    )
    return zipped(listed([*good.members, (path, pdf)], manifest))


def _workbook(good: Good, data: bytes) -> bytes:
    return zipped(listed([(n, data if n == "results.xlsx" else d) for n, d in good.members]))


def _declared(good: Good, member: str, **fields: int | bytes) -> bytes:
    return patched(zipped(good.members), member, **fields)


def _deflated_bomb(good: Good) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        for name, data in good.members:
            zf.writestr(name, data)
        # Just past the size below which the ratio is not checked: zeros deflate ~1000 to 1.
        zf.writestr("sheets/bomb.pdf", bytes(21 * 2**20), zipfile.ZIP_DEFLATED)
    return buf.getvalue()


def _past_total(good: Good) -> bytes:
    """Two members each claiming 2 GB packed and unpacked: no ratio, but far too much."""
    data = zipped([*good.members, ("sheets/a.pdf", b"x" * 64), ("sheets/b.pdf", b"y" * 64)])
    for name in ("sheets/a.pdf", "sheets/b.pdf"):
        data = patched(data, name, file_size=2**31, compress_size=2**31)
    return data


def _overlapping(good: Good) -> bytes:
    """Two entries of the directory on one member's bytes (the overlapping-file zip bomb)."""
    data = zipped([*good.members, ("sheets/twin.pdf", b"%PDF-1.7\n")])
    return patched(data, "sheets/twin.pdf", header_offset=0)


def _nul_name(good: Good) -> bytes:
    # Python's zipfile cuts a name at its first NUL: this member reads as "results.xlsx".
    data = _renamed(good, "results.xlsx", "results.xlsxQ../evil")
    return patched(data, "results.xlsxQ../evil", name=b"results.xlsx\0../evil")


def _normalisation_twins(good: Good) -> bytes:
    name = "sheets/é.pdf"
    twins = [(unicodedata.normalize(f, name), b"%PDF-1.7\n") for f in ("NFC", "NFD")]
    return zipped([*good.members, *twins])


def _hash_of_another(good: Good) -> bytes:
    manifest = good.manifest
    sheets = [e for e in manifest["files"] if e["kind"] != "workbook"]
    sheets[0]["sha256"], sheets[-1]["sha256"] = sheets[-1]["sha256"], sheets[0]["sha256"]
    sheets[0]["size"], sheets[-1]["size"] = sheets[-1]["size"], sheets[0]["size"]
    return with_manifest(good.members, json.dumps(manifest))


def _unlisted(good: Good) -> bytes:
    manifest = good.manifest
    del manifest["files"][-1]
    return with_manifest(good.members, json.dumps(manifest))


def _listed_not_there(good: Good) -> bytes:
    manifest = good.manifest
    manifest["files"].append(dict(_sheet(good), path=f"sheets/{OTHER_UID}-r1.pdf"))
    return with_manifest(good.members, json.dumps(manifest))


def _no_workbook(good: Good) -> bytes:
    manifest = good.manifest
    del manifest["files"][0]
    members = [(n, d) for n, d in good.members if n != "results.xlsx"]
    return with_manifest(members, json.dumps(manifest))


def _nested(depth: int) -> str:
    return (
        '{"format": "mentordesk-bundle", "version": 1, "about": '
        + "[" * depth
        + "]" * depth
        + ', "files": []}'
    )


def _huge_manifest(good: Good) -> bytes:
    # Stored, so that nothing but its size is wrong.
    return with_manifest(good.members, json.dumps(good.manifest) + " " * (17 * 2**20))


def _changed_after_signing(good: Good) -> bytes:
    """The signed sheet with an incremental update appended that changes its first page."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = dict(good.members)[_single(good)["path"]]
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    page = writer.find_page_for_modification(0)[0]
    page.get_object()["/Rotate"] = generic.NumberObject(90)
    writer.update_container(page)
    out = io.BytesIO()
    writer.write(out)
    return _sheet_replaced(good, out.getvalue(), single=True)


def _info_changed_after_signing(good: Good) -> bytes:
    """An update that only names another assessment in the document information."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

    pdf = dict(good.members)[_single(good)["path"]]
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    info = writer.trailer["/Info"].get_object()
    info["/Subject"] = generic.TextStringObject(f"{OTHER_UID} v1")
    writer.update_container(info)
    out = io.BytesIO()
    writer.write(out)
    return _sheet_replaced(good, out.getvalue(), single=True)


def _not_extending(good: Good) -> bytes:
    """Revision 2 of the countersigned assessment replaced by its revision 1."""
    second = next(e for e in good.sheets() if e["revision"] == 2)
    first = next(
        e for e in good.sheets() if e["assessment"] == second["assessment"] and e["revision"] == 1
    )
    pdf = dict(good.members)[first["path"]]
    return zipped(listed([(n, pdf if n == second["path"] else d) for n, d in good.members]))


def _hostile_workbook(name: str) -> Callable[[Good], bytes]:
    return lambda good: _workbook(good, (good.workbooks / name).read_bytes())


def _truncated(good: Good) -> bytes:
    data = zipped(good.members)
    return data[: len(data) * 2 // 3]


def _prepended(good: Good) -> bytes:
    return b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + b"0" * 512 + zipped(good.members)


def _zip_before(good: Good) -> bytes:
    # Starts like a zip (another one), the bundle after it.
    return zipped([("readme.txt", b"hello")]) + zipped(good.members)


def _hidden_between(good: Good) -> bytes:
    """Bytes slipped between two members: another tool may see another file there."""
    data = zipped(good.members)
    zf = zipfile.ZipFile(io.BytesIO(data))
    second = zf.infolist()[1].header_offset
    hidden = b"PK\x03\x04 hidden payload " * 8
    out = bytearray(data[:second] + hidden + data[second:])
    # Every offset from the second member on moves by the hidden bytes.
    end = bytearray()
    at = zf.start_dir + len(hidden)
    while out[at : at + 4] == b"PK\x01\x02":
        offset = struct.unpack_from("<I", out, at + 42)[0]
        if offset >= second:
            struct.pack_into("<I", out, at + 42, offset + len(hidden))
        n, e, c = struct.unpack_from("<HHH", out, at + 28)
        at += 46 + n + e + c
    struct.pack_into("<I", out, at + 16, zf.start_dir + len(hidden))
    return bytes(out + end)


def _roster(good: Good) -> bytes:
    return (good.workbooks / "header_only.xlsx").read_bytes()


# name -> (words the refusal must contain, how it is made)
BUNDLES: dict[str, tuple[str, Callable[[Good], bytes]]] = {
    # Zip bombs and absurd sizes, claimed by the headers.
    "bundle_bomb_declared_size.zip": (
        "zip bomb",
        lambda g: _declared(g, _sheet(g)["path"], file_size=4_000_000_000),
    ),
    "bundle_bomb_deflated.zip": ("sheets/bomb.pdf: unpacks to 21 MB", _deflated_bomb),
    "bundle_sizes_claimed_past_limit.zip": ("overlap", _past_total),
    "bundle_member_longer_than_declared.zip": (
        "altered",
        lambda g: _declared(g, _sheet(g)["path"], file_size=_sheet(g)["size"] - 100),
    ),
    "bundle_workbook_longer_than_declared.zip": (
        "results.xlsx",
        lambda g: _declared(g, "results.xlsx", file_size=1000),
    ),
    "bundle_overlapping_members.zip": ("overlap at byte 0", _overlapping),
    # Member names.
    "bundle_absolute_name.zip": ("an absolute path", lambda g: _plus(g, "/etc/cron.d/x", b"")),
    "bundle_dotdot_name.zip": ("climbs out", lambda g: _plus(g, "sheets/../../evil.pdf", b"")),
    "bundle_backslash_name.zip": ("backslash", lambda g: _plus(g, "sheets\\..\\evil.pdf", b"")),
    "bundle_drive_letter_name.zip": ("absolute", lambda g: _plus(g, "C:/Windows/evil.pdf", b"")),
    "bundle_drive_relative_name.zip": ("absolute", lambda g: _plus(g, "c:evil.pdf", b"")),
    "bundle_nul_in_name.zip": ("control character", _nul_name),
    "bundle_lookalike_name.zip": (
        "r\\u0435sults.xlsx",
        lambda g: _renamed(g, "results.xlsx", "r\u0435sults.xlsx"),
    ),
    "bundle_enormous_member_name.zip": (
        "extra",
        lambda g: _plus(g, "sheets/" + "\u200b" * 20_000 + ".pdf", b"%PDF"),
    ),
    "bundle_lookalike_slash.zip": (
        "extra",
        lambda g: _plus(g, "sheets\u2215..\u2215evil.pdf", b"%PDF"),
    ),
    "bundle_same_name_twice.zip": (
        "twice",
        lambda g: zipped([*g.members, ("results.xlsx", dict(g.members)["results.xlsx"])]),
    ),
    "bundle_names_differ_in_case.zip": (
        "twice",
        lambda g: _plus(g, _sheet(g)["path"].upper(), b"%PDF"),
    ),
    "bundle_names_differ_in_normalisation.zip": ("twice", _normalisation_twins),
    "bundle_manifest_twice.zip": (
        "twice",
        lambda g: zipped([("manifest.json", b"{}"), *g.members]),
    ),
    "bundle_symlink_member.zip": (
        "symbolic link",
        lambda g: _declared(g, "results.xlsx", external_attr=0o120777 << 16),
    ),
    "bundle_encrypted_member.zip": (
        "encrypted",
        lambda g: _declared(g, _sheet(g)["path"], flags=0x1),
    ),
    # The manifest lies or is not one.
    "bundle_manifest_hash_of_another_file.zip": ("altered", _hash_of_another),
    "bundle_manifest_missing_entry.zip": ("extra", _unlisted),
    "bundle_manifest_lists_absent_file.zip": (f"{OTHER_UID}-r1.pdf: missing", _listed_not_there),
    "bundle_manifest_wrong_size.zip": (
        "the manifest says 1",
        lambda g: _entry_changed(g, 1, size=1),
    ),
    "bundle_manifest_not_json.zip": (
        "not readable JSON",
        lambda g: with_manifest(g.members, b"<manifest/>"),
    ),
    "bundle_manifest_utf16.zip": (
        "not readable JSON",
        lambda g: with_manifest(g.members, json.dumps(g.manifest).encode("utf-16")),
    ),
    "bundle_manifest_huge.zip": ("far larger than any manifest", _huge_manifest),
    "bundle_manifest_deeply_nested.zip": (
        "manifest.json",
        lambda g: with_manifest(g.members, _nested(200_000)),
    ),
    "bundle_manifest_is_a_list.zip": (
        "not a MentorDesk bundle manifest",
        lambda g: with_manifest(g.members, "[1, 2]"),
    ),
    "bundle_manifest_version_as_text.zip": ("version", lambda g: _manifest_key(g, "version", "1")),
    "bundle_manifest_version_true.zip": ("version", lambda g: _manifest_key(g, "version", True)),
    "bundle_manifest_version_newer.zip": ("newer", lambda g: _manifest_key(g, "version", 2)),
    "bundle_manifest_version_enormous.zip": (
        "newer",
        lambda g: _manifest_key(g, "version", 10**4000),
    ),
    "bundle_manifest_files_not_a_list.zip": (
        "list of files",
        lambda g: _manifest_key(g, "files", {"results.xlsx": {}}),
    ),
    "bundle_manifest_entry_not_an_object.zip": (
        "file 1: not an entry",
        lambda g: _manifest_key(g, "files", ["results.xlsx"]),
    ),
    "bundle_manifest_size_as_text.zip": (
        "not a number",
        lambda g: _entry_changed(g, 1, size=str(_sheet(g)["size"])),
    ),
    "bundle_manifest_size_negative.zip": ("not a number", lambda g: _entry_changed(g, 1, size=-1)),
    "bundle_manifest_hash_upper_case.zip": (
        "64 hex digits",
        lambda g: _entry_changed(g, 1, sha256=_sheet(g)["sha256"].upper()),
    ),
    "bundle_manifest_unknown_kind.zip": ("unknown kind", lambda g: _entry_changed(g, 1, kind="x-")),
    "bundle_manifest_enormous_kind.zip": (
        "unknown kind",
        lambda g: _entry_changed(g, 1, kind="A" * 2_000_000),
    ),
    "bundle_manifest_enormous_path.zip": (
        "unsafe path",
        lambda g: _entry_changed(g, 1, path="../" * 500_000),
    ),
    "bundle_manifest_path_not_text.zip": ("unsafe path", lambda g: _entry_changed(g, 1, path=7)),
    "bundle_manifest_revision_as_text.zip": (
        "no revision number",
        lambda g: _entry_changed(g, 1, revision="1"),
    ),
    "bundle_manifest_two_workbooks.zip": (
        "one results workbook, not 2",
        lambda g: _entry_changed(g, 1, kind="workbook", path="b.xlsx"),
    ),
    "bundle_manifest_no_workbook.zip": ("one results workbook, not 0", _no_workbook),
    # The sheets.
    "bundle_sheet_of_another_assessment.zip": (
        "the manifest says " + OTHER_UID,
        lambda g: _entry_changed(g, 3, assessment=OTHER_UID),
    ),
    "bundle_sheet_expired_certificate.zip": (
        "does not verify",
        lambda g: _extra_sheet(g, *g.expired),
    ),
    # A sheet signed by a second self-signed certificate in the mentor's name, beside the
    # mentor's own: the name is known by another certificate (trust on first use).
    "bundle_forged_certificate_same_name.zip": (
        "signed as Liu Jianguo by certificate",
        lambda g: _extra_sheet(g, *g.forged),
    ),
    "bundle_sheet_changed_after_signing.zip": (
        "changed after it was signed",
        _changed_after_signing,
    ),
    "bundle_sheet_renamed_after_signing.zip": (
        "changed after it was signed",
        _info_changed_after_signing,
    ),
    "bundle_sheet_renamed_then_signed_again.zip": (
        "the sheet is of assessment",
        lambda g: _renamed_and_signed_again(g),
    ),
    "bundle_sheet_bytes_appended.zip": (
        "changed after it was signed",
        lambda g: _sheet_replaced(
            g, dict(g.members)[_single(g)["path"]] + b"\n% trailing\n" * 4, single=True
        ),
    ),
    "bundle_sheet_unsigned.zip": ("no signature", lambda g: _sheet_replaced(g, g.unsigned)),
    "bundle_sheet_not_a_pdf.zip": ("readable PDF", lambda g: _sheet_replaced(g, b"hello " * 99)),
    "bundle_sheet_truncated.zip": (
        "sheets/",
        lambda g: _sheet_replaced(g, dict(g.members)[_sheet(g)["path"]][:5000]),
    ),
    "bundle_countersigned_not_extending.zip": ("does not extend", _not_extending),
    # The workbook inside is a hostile one of the corpus.
    **{
        f"bundle_with_{name.removesuffix('.xlsx')}.zip": (words, _hostile_workbook(name))
        for name, words in {
            "entity_bomb.xlsx": "entities",
            "external_entity.xlsx": "entities",
            "truncated_half.xlsx": "damaged or truncated",
            "password_protected.xlsx": "password",
            "zip_without_workbook.xlsx": "without workbook parts",
            "path_traversal_parts.xlsx": "results.xlsx",
            "renamed_pdf.xlsx": "not an .xlsx",
            "header_only.xlsx": "no About sheet",
            "results_wrong_version.xlsx": "version",
            "results_forged_signed_assessment.xlsx": "rejected",
            "results_values_out_of_range.xlsx": "rejected",
        }.items()
    },
    # Not a bundle at all, or not only one.
    "bundle_is_a_renamed_workbook.zip": ("manifest.json: missing", _roster),
    "bundle_empty_zip.zip": ("manifest.json: missing", lambda g: zipped([])),
    "bundle_empty_file.zip": ("not a zip", lambda g: b""),
    "bundle_truncated.zip": ("damaged or truncated", _truncated),
    "bundle_with_comment.zip": ("comment", lambda g: zipped(g.members, b"run me: rm -rf ~")),
    "bundle_after_other_data.zip": ("not a zip", _prepended),
    "bundle_after_another_zip.zip": ("outside its members", _zip_before),
    "bundle_hidden_bytes_between_members.zip": ("outside its members", _hidden_between),
}


def make_bundles(good: Good, folder: Path) -> dict[str, str]:
    """Write every hostile bundle into ``folder``: file name -> words of its refusal."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, (_, make) in BUNDLES.items():
        (folder / name).write_bytes(make(good))
    return {name: words for name, (words, _) in BUNDLES.items()}


def _attacker_signer_class():  # -> type[HeldKeySigner]
    from mentordesk.exchange.signing import HeldKeySigner

    class AttackerSigner(HeldKeySigner):
        def refuse_if_unfit(self) -> None:
            """An attacker's signer signs with whatever certificate it has."""

    return AttackerSigner


def _renamed_and_signed_again(good: Good) -> bytes:
    """The signed sheet renamed to another assessment in an update that a second signature
    (the attacker's, in the teacher's box) then covers, sent as that assessment's signed
    sheet: nothing follows the last signature, and the mentor's still verifies."""
    from pyhanko.pdf_utils import generic
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import signers

    from mentordesk.exchange.sheet_fields import signature_meta

    entry = _single(good)
    writer = IncrementalPdfFileWriter(io.BytesIO(dict(good.members)[entry["path"]]))
    info = writer.trailer["/Info"].get_object()
    info["/Subject"] = generic.TextStringObject(f"{OTHER_UID} v1")
    writer.update_container(info)
    out = io.BytesIO()
    signer = _attacker_signer_class()(_identity(expired=False))
    signers.sign_pdf(writer, signature_meta("teacher", "Wang Fang"), signer=signer, output=out)
    path = f"sheets/{OTHER_UID}-r1.pdf"
    manifest = good.manifest
    manifest["files"] = [e for e in manifest["files"] if e["path"] != entry["path"]]
    manifest["files"].append(dict(entry, path=path, assessment=OTHER_UID))
    members = [(path if n == entry["path"] else n, d) for n, d in good.members]
    members = [(n, out.getvalue() if n == path else d) for n, d in members]
    return zipped(listed(members, manifest))


def _identity(expired: bool):  # -> LoadedIdentity
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.x509.oid import NameOID

    from mentordesk.exchange.signing_identity import LoadedIdentity

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Liu Jianguo")])
    ended = datetime.now(UTC) + timedelta(days=-30 if expired else 300)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(ended - timedelta(days=365))
        .not_valid_after(ended)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    return LoadedIdentity(key, cert)


def good_bundle(folder: Path, demo_db: Path, workbooks: Path) -> Good:
    """A bundle of two signed sheets (one countersigned) exported from a copy of ``demo_db``,
    and two sheets signed there after it: by a second self-signed "Liu Jianguo", and with an
    expired certificate (which MentorDesk itself refuses to sign with)."""
    from datetime import date

    from mentordesk.core import assessments as A
    from mentordesk.core.database import backup_sqlite
    from mentordesk.core.store import Store
    from mentordesk.core.trainees import list_trainees
    from mentordesk.exchange import signing_identity as identities
    from mentordesk.exchange.bundle_export import export_bundle
    from mentordesk.exchange.signing import (
        HeldKeySigner,
        countersign_assessment,
        sign_assessment,
    )

    AttackerSigner = _attacker_signer_class()

    def signer(name: str) -> HeldKeySigner:
        identities.create_identity("Liu Jianguo", "hostile passphrase", folder=folder / name)
        return HeldKeySigner(identities.load_identity("hostile passphrase", folder / name))

    db = folder / "plant.db"
    backup_sqlite(demo_db, db)
    store = Store.open(db)
    try:
        mentor = signer("mentor")
        trainees = list_trainees(store)[:4]
        uids = []
        for t in trainees:
            view = A.create_draft(store, t.uid, date(2026, 11, 1), date(2026, 11, 20))
            A.update_draft(store, view.uid, result="pass")
            uids.append(view.uid)
        for uid in uids[:2]:
            sign_assessment(store, uid, mentor, None)
        countersign_assessment(store, uids[1], mentor, "teacher")
        with zipfile.ZipFile(export_bundle(store, folder / "good.zip").path) as zf:
            members = [(i.filename, zf.read(i)) for i in zf.infolist()]
        sign_assessment(store, uids[2], signer("forger"), None)
        sign_assessment(store, uids[3], AttackerSigner(_identity(expired=True)), None)
        forged = (uids[2], A.latest_document(store, uids[2]))
        expired = (uids[3], A.latest_document(store, uids[3]))
    finally:
        store.close()
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    page = Canvas(buf, invariant=True)
    page.drawString(72, 720, "Assessment sheet (unsigned copy)")
    page.save()
    return Good(members, forged, expired, buf.getvalue(), workbooks)  # type: ignore[arg-type]
