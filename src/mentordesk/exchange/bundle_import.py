"""Importing a sync bundle: every member checked against the manifest, every signature
verified, and only then the workbook merged and the sheets stored.

The checks come before the database is opened: a bundle with a missing, extra or altered
file, an unsafe member name, a member that unpacks out of all proportion, or a sheet whose
signatures do not verify is refused whole, naming the member, and nothing changes.
"""

from __future__ import annotations

import hashlib
import stat
import struct
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from ..core.bulk import fewer_collections
from ..core.import_report import ImportReport
from ..core.merge import merge_results
from ..core.merge_records import CountersignedSheet, SheetSigner, VerifiedSheet
from ..core.progress import NO_PROGRESS, Progress
from ..core.store import Store
from ..core.wording import message_of, user_text
from .bundle_manifest import (
    MANIFEST,
    MAX_MANIFEST_BYTES,
    BundleError,
    Entry,
    Manifest,
    quoted,
    read_manifest,
    refused,
    same_name,
    unsafe_name,
)
from .bundle_sheets import checked_sheets
from .results_import import read_about, read_results
from .workbook_reading import (
    MAX_FILE_BYTES,
    MAX_RATIO,
    MAX_UNPACKED_BYTES,
    RATIO_CHECKED_ABOVE,
    WorkbookError,
    one_line,
    open_workbook,
)

BUNDLE_KIND = "results bundle"
# A cohort's signed sheets beside a workbook of at most MAX_FILE_BYTES.
MAX_BUNDLE_BYTES = 2 * MAX_FILE_BYTES
# A signed sheet is tens of kilobytes; the sheets are held in memory while they are checked.
MAX_SHEET_BYTES = 16 * 1024 * 1024
MAX_SHEETS_BYTES = 1024 * 1024 * 1024
CHUNK = 1024 * 1024
SYMLINK = stat.S_IFLNK
LOCAL_HEADER = struct.Struct("<4s22xHH")
# What may follow a member's data when its sizes come after it (flag bit 3): a data
# descriptor, with or without its signature, with 4- or 8-byte sizes.
DESCRIPTOR_SIZES = (12, 16, 20, 24)


def is_bundle(path: Path) -> bool:
    """A zip that holds a bundle manifest (a workbook never does)."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        return True
    try:
        with zipfile.ZipFile(path) as zf:
            return MANIFEST in zf.namelist() and not any(n.startswith("xl/") for n in zf.namelist())
    except (OSError, zipfile.BadZipFile, ValueError):
        return False


@dataclass
class PreparedBundle:
    """A bundle whose members and signatures have all been checked; ``dry_run`` and ``apply``
    merge its workbook with its sheets (each may be called again)."""

    path: Path
    manifest: Manifest
    verified: dict[str, VerifiedSheet] = field(default_factory=dict)
    countersigned: list[CountersignedSheet] = field(default_factory=list)
    # Every sheet's signers, checked against the database's known certificates by the merge;
    # the fingerprints (``AB:CD:…``) the user accepted for a name known with another one.
    signers: list[SheetSigner] = field(default_factory=list)
    accepted_certificates: frozenset[str] = frozenset()

    @property
    def kind(self) -> str:
        return BUNDLE_KIND

    @property
    def roster(self) -> None:
        """A bundle holds no roster (the import's cohort choice does not apply to it)."""
        return None

    def dry_run(self, store: Store, progress: Progress = NO_PROGRESS) -> ImportReport:
        return self._merge(store, False, progress)

    def apply(
        self, store: Store, progress: Progress = NO_PROGRESS, *, strict: bool = False
    ) -> ImportReport:
        return self._merge(store, True, progress, strict)

    def _merge(
        self, store: Store, apply: bool, progress: Progress, strict: bool = False
    ) -> ImportReport:
        try:
            return self._merge_workbook(store, apply, progress, strict)
        except WorkbookError as exc:
            # The workbook's own refusal names it by its name in the bundle: say which bundle.
            said = message_of(exc).rstrip(".")
            member = self.manifest.workbook.path
            rest = said.removeprefix(member).lstrip(",: ") if said.startswith(member) else said
            raise self._refused(member, rest) from exc

    def _merge_workbook(
        self, store: Store, apply: bool, progress: Progress, strict: bool
    ) -> ImportReport:
        with fewer_collections(), self._workbook() as book:
            wb = open_workbook(book)
            try:
                about = read_about(book, wb)
                if about is None:
                    raise self._refused(
                        self.manifest.workbook.path,
                        user_text("Bundle", "not a results workbook (no About sheet)"),
                    )
                source = read_results(book, wb, about)
                source.source = self.path.name
                source.verified_sheets = dict(self.verified)
                source.countersigned_sheets = list(self.countersigned)
                source.signers = list(self.signers)
                source.accepted_certificates = self.accepted_certificates
                report = merge_results(store, source, apply=apply, progress=progress, strict=strict)
            finally:
                wb.close()
        report.kind = BUNDLE_KIND
        return report

    def _refused(self, member: str, problem: str) -> BundleError:
        return refused(self.path.name, member, problem)

    @contextmanager
    def _workbook(self) -> Iterator[Path]:
        """The workbook unpacked to a private temporary folder, its hash checked again (the
        bundle may have changed on disk since it was checked)."""
        entry = self.manifest.workbook
        with tempfile.TemporaryDirectory(prefix="mentordesk-bundle-") as tmp:
            target = Path(tmp) / entry.path
            with _open_zip(self.path) as zf, target.open("wb") as out:
                digest = _copy_checked(self.path.name, zf, entry, out)
            if digest != entry.sha256:
                raise self._refused(entry.path, _altered())
            yield target


def prepare_bundle(path: Path) -> PreparedBundle:
    """Check every member of the bundle at ``path`` against its manifest and every sheet's
    signatures; a ``BundleError`` naming the member otherwise."""
    path = Path(path)
    _check_file(path)
    with fewer_collections(), _open_zip(path) as zf:
        _check_layout(path, zf)
        manifest = _members(path.name, zf)
        prepared = PreparedBundle(path, manifest)
        sheets: dict[str, bytes] = {}
        for entry in manifest.files:
            if entry.kind == "workbook":
                digest = _copy_checked(path.name, zf, entry, None)
            else:
                with _member(path.name, zf, entry.path) as part:
                    data = part.read(entry.size + 1)
                if len(data) != entry.size:
                    raise refused(path.name, entry.path, _altered())
                digest = hashlib.sha256(data).hexdigest()
                sheets[entry.path] = data
            if digest != entry.sha256:
                raise refused(path.name, entry.path, _altered())
    prepared.verified, prepared.countersigned = checked_sheets(
        path.name, manifest, sheets, prepared.signers
    )
    return prepared


def _altered() -> str:
    return user_text("Bundle", "altered: its SHA-256 is not the one in the manifest")


def _check_file(path: Path) -> None:
    def bad(problem: str) -> BundleError:
        return BundleError(
            user_text("Bundle", "{bundle}: {problem}; nothing was imported").format(
                bundle=path.name if path.exists() else str(path), problem=problem
            )
        )

    if not path.exists():
        raise bad(user_text("Bundle", "no such file"))
    if path.is_dir():
        raise bad(user_text("Bundle", "is a folder, not a bundle"))
    size = path.stat().st_size
    if size > MAX_BUNDLE_BYTES:
        raise bad(
            user_text("Bundle", "the file is {size} MB, larger than any bundle (limit {limit} MB)")
            .format(size=size // 2**20, limit=MAX_BUNDLE_BYTES // 2**20)
        )  # fmt: skip
    with path.open("rb") as fh:
        if fh.read(2) != b"PK":
            raise bad(user_text("Bundle", "not a bundle (the file is not a zip)"))


@contextmanager
def _open_zip(path: Path) -> Iterator[zipfile.ZipFile]:
    try:
        with zipfile.ZipFile(path) as zf:
            yield zf
    except zipfile.BadZipFile as exc:
        raise BundleError(
            user_text(
                "Bundle",
                "{bundle}: the zip is damaged or truncated ({error}); nothing was imported",
            ).format(bundle=path.name, error=one_line(exc))
        ) from exc
    except (OSError, EOFError, zipfile.LargeZipFile) as exc:
        raise BundleError(
            user_text("Bundle", "{bundle}: cannot be read ({error}); nothing was imported").format(
                bundle=path.name, error=one_line(exc)
            )
        ) from exc


@contextmanager
def _member(bundle: str, zf: zipfile.ZipFile, name: str) -> Iterator[IO[bytes]]:
    try:
        with zf.open(name) as part:
            yield part
    except zipfile.BadZipFile as exc:
        raise refused(
            bundle, name, user_text("Bundle", "damaged ({error})").format(error=one_line(exc))
        ) from exc


def _members(bundle: str, zf: zipfile.ZipFile) -> Manifest:
    """The manifest, once every member's name, kind and size is safe and each member is listed
    in it, and each file it lists is a member."""
    infos = zf.infolist()
    names: dict[str, zipfile.ZipInfo] = {}
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        # zipfile cuts a name at a NUL; the name as stored is what another tool would write.
        why = unsafe_name(info.orig_filename)
        if why:
            raise refused(
                bundle,
                quoted(info.orig_filename),
                user_text("Bundle", "unsafe name: {why}").format(why=why),
            )
        if same_name(name) in seen:
            raise refused(bundle, name, user_text("Bundle", "the bundle holds this name twice"))
        seen.add(same_name(name))
        if (info.external_attr >> 16) & 0o170000 == SYMLINK:
            raise refused(bundle, name, user_text("Bundle", "a symbolic link, not a file"))
        if info.flag_bits & 0x1:
            raise refused(bundle, name, user_text("Bundle", "encrypted"))
        total += info.file_size
        if info.file_size > RATIO_CHECKED_ABOVE and info.file_size > MAX_RATIO * max(
            info.compress_size, 1
        ):
            raise refused(
                bundle,
                name,
                user_text(
                    "Bundle", "unpacks to {unpacked} MB from {packed} KB — a zip bomb, not a bundle"
                ).format(unpacked=info.file_size // 2**20, packed=info.compress_size // 1024),
            )
        if not info.is_dir():
            names[name] = info
    if total > MAX_UNPACKED_BYTES:
        raise BundleError(
            user_text(
                "Bundle",
                "{bundle}: unpacks to {size} MB, far larger than any bundle; nothing was imported",
            ).format(bundle=bundle, size=total // 2**20)
        )
    listing = names.get(MANIFEST)
    if listing is None:
        raise refused(bundle, MANIFEST, user_text("Bundle", "missing: this zip is not a bundle"))
    if listing.file_size > MAX_MANIFEST_BYTES:
        raise refused(bundle, MANIFEST, user_text("Bundle", "far larger than any manifest"))
    with _member(bundle, zf, MANIFEST) as part:
        manifest = read_manifest(bundle, part.read(MAX_MANIFEST_BYTES + 1))
    listed = {e.path: e for e in manifest.files}
    for name in names:
        if name != MANIFEST and name not in listed:
            raise refused(bundle, name, user_text("Bundle", "extra: not listed in the manifest"))
    for entry in manifest.files:
        found = names.get(entry.path)
        if found is None:
            raise refused(
                bundle,
                entry.path,
                user_text("Bundle", "missing: listed in the manifest, not in the bundle"),
            )
        if entry.kind != "workbook" and found.file_size > MAX_SHEET_BYTES:
            raise refused(
                bundle,
                entry.path,
                user_text("Bundle", "{size:,} bytes, far larger than any signed sheet").format(
                    size=found.file_size
                ),
            )
        if found.file_size != entry.size:
            raise refused(
                bundle,
                entry.path,
                user_text("Bundle", "altered: {size:,} bytes, the manifest says {listed:,}").format(
                    size=found.file_size, listed=entry.size
                ),
            )
    sheets = sum(e.size for e in manifest.sheets)
    if sheets > MAX_SHEETS_BYTES:
        raise BundleError(
            user_text(
                "Bundle",
                "{bundle}: its sheets come to {size} MB, far more than any bundle holds; "
                "nothing was imported",
            ).format(bundle=bundle, size=sheets // 2**20)
        )
    return manifest


def _check_layout(path: Path, zf: zipfile.ZipFile) -> None:
    """The zip is only its members, end to end from its first byte, then its directory, as
    MentorDesk writes it: bytes before, between or after them (a comment, another file the
    zip was glued to) are where another program could find another file than this one."""
    if zf.comment:
        raise _whole(path, user_text("Bundle", "the zip carries a comment, which no bundle has"))
    expected, described = 0, False
    with path.open("rb") as fh:
        for info in [*sorted(zf.infolist(), key=lambda i: i.header_offset), None]:
            start = zf.start_dir if info is None else info.header_offset
            gap = start - expected
            if gap < 0:
                raise _whole(path, user_text(
                    "Bundle", "its members overlap at byte {offset:,}: one claims bytes another "
                    "holds (a zip bomb's trick, or a damaged zip)",
                ).format(offset=start))  # fmt: skip
            if gap and not (described and gap in DESCRIPTOR_SIZES):
                raise _whole(path, user_text(
                    "Bundle", "{size:,} bytes at byte {offset:,} lie outside its members (data "
                    "hidden in the zip, or glued to it)",
                ).format(size=gap, offset=expected))  # fmt: skip
            if info is None:
                return
            fh.seek(start)
            head = fh.read(LOCAL_HEADER.size)
            if len(head) < LOCAL_HEADER.size or head[:4] != b"PK\x03\x04":
                raise refused(path.name, info.filename, user_text("Bundle", "damaged (no header)"))
            _, name_len, extra_len = LOCAL_HEADER.unpack(head)
            expected = start + LOCAL_HEADER.size + name_len + extra_len + info.compress_size
            described = bool(info.flag_bits & 0x8)


def _whole(path: Path, problem: str) -> BundleError:
    return BundleError(
        user_text("Bundle", "{bundle}: {problem}; nothing was imported").format(
            bundle=path.name, problem=problem
        )
    )


def _copy_checked(bundle: str, zf: zipfile.ZipFile, entry: Entry, out: IO[bytes] | None) -> str:
    """The SHA-256 of a member read in chunks (written to ``out`` when given); a member
    longer than the manifest says is altered."""
    h = hashlib.sha256()
    read = 0
    with _member(bundle, zf, entry.path) as part:
        while chunk := part.read(CHUNK):
            read += len(chunk)
            if read > entry.size:
                raise refused(bundle, entry.path, _altered())
            h.update(chunk)
            if out is not None:
                out.write(chunk)
    return h.hexdigest()


__all__ = ["BundleError", "PreparedBundle", "WorkbookError", "is_bundle", "prepare_bundle"]
