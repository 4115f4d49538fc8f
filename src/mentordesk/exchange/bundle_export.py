"""Writing a sync bundle: the results workbook, the signed sheets it refers to, a manifest.

The bundle is how signed sheets travel (interchange.md, section 6): a spreadsheet row cannot
carry a signature, so the signed and countersigned PDFs go beside the workbook, each named in
``manifest.json`` with its size and SHA-256. The zip is written beside its target and renamed
into place only when complete.
"""

from __future__ import annotations

import hashlib
import tempfile
import zipfile
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from ..core.errors import UserError
from ..core.export_scope import ExportScope
from ..core.private_files import check_target, replace_whole
from ..core.progress import NO_PROGRESS, Progress
from ..core.signed_documents import documents_in_scope
from ..core.store import Store
from ..core.wording import user_text
from .bundle_manifest import (
    MANIFEST,
    SIGNED_KIND,
    WORKBOOK,
    WORKBOOK_KIND,
    Entry,
    Manifest,
    sheet_path,
)
from .results_export import FORMAT, REVISION, VERSION, export_results

CHUNK = 1024 * 1024


@dataclass
class BundleResult:
    path: Path
    rows: dict[str, int] = field(default_factory=dict)
    sheets: int = 0

    def lines(self) -> list[str]:
        counts = ", ".join(f"{n} {sheet}" for sheet, n in self.rows.items())
        return [
            f"Exported to {self.path}: {counts}",
            f"  with {self.sheets} signed and countersigned sheets and {MANIFEST}",
        ]


def export_bundle(
    store: Store,
    path: Path,
    scope: ExportScope | None = None,
    *,
    chinese_headers: bool = False,
    progress: Progress = NO_PROGRESS,
) -> BundleResult:
    """The bundle of ``scope``: the results workbook, every signed and countersigned sheet of
    the assessments it holds, and the manifest of their hashes."""
    path = Path(path)
    scope = scope or ExportScope()
    if path.suffix.lower() != ".zip":
        raise UserError(
            user_text("Export", "{file}: a bundle must be saved as .zip").format(file=path.name)
        )
    check_target(path)
    created = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    with tempfile.TemporaryDirectory(prefix="mentordesk-bundle-") as tmp:
        book = Path(tmp) / WORKBOOK
        result = export_results(
            store, book, scope, chinese_headers=chinese_headers, progress=progress
        )
        manifest = Manifest(
            created,
            store.device_id,
            {
                "format": FORMAT,
                "version": VERSION,
                "revision": REVISION,
                "exported_by": store.actor.name,
                "scope": scope.describe(),
                "cohort": scope.cohort,
                "headers": "chinese" if chinese_headers else "english",
            },
        )
        manifest.files.append(Entry(WORKBOOK, WORKBOOK_KIND, book.stat().st_size, _digest(book)))
        with replace_whole(path) as part, zipfile.ZipFile(part, "w") as zf:
            # Workbooks and PDFs are compressed already: stored, not deflated again.
            zf.write(book, WORKBOOK, compress_type=zipfile.ZIP_STORED)
            revisions: dict[str, int] = {}
            for doc in documents_in_scope(store, scope):
                # Numbered in the bundle's own order: the first is the signed sheet.
                revision = revisions[doc.assessment_uid] = revisions.get(doc.assessment_uid, 0) + 1
                kind = SIGNED_KIND if revision == 1 else _countersigned_kind(doc.kind)
                name = sheet_path(doc.assessment_uid, revision)
                zf.writestr(_info(name), doc.pdf, compress_type=zipfile.ZIP_STORED)
                manifest.files.append(
                    Entry(
                        name,
                        kind,
                        len(doc.pdf),
                        hashlib.sha256(doc.pdf).hexdigest(),
                        doc.assessment_uid,
                        revision,
                    )
                )
                progress.step(0, user_text("Export", "Signed sheets: {count:,}").format(
                    count=len(manifest.files) - 1
                ))  # fmt: skip
            zf.writestr(_info(MANIFEST), manifest.dumps(), compress_type=zipfile.ZIP_DEFLATED)
    return BundleResult(path, result.rows, len(manifest.files) - 1)


def _countersigned_kind(kind: str) -> str:
    return "countersigned" if kind == SIGNED_KIND else kind


def _info(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.external_attr = 0o600 << 16
    return info


def _digest(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()
