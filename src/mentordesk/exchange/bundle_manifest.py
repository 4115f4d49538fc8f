"""The sync bundle's manifest: which files a bundle holds, their sizes and SHA-256 hashes.

A bundle is a zip of the results workbook, the signed and countersigned sheets it refers to,
and ``manifest.json`` (interchange.md, section 6). The manifest is what the importer checks
every member against before anything is merged; this module writes it and reads it back,
refusing anything it does not expect.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

from ..core.errors import UserError
from ..core.wording import user_text

FORMAT = "mentordesk-bundle"
VERSION = 1
MANIFEST = "manifest.json"
WORKBOOK = "results.xlsx"
SHEETS_FOLDER = "sheets/"
# The kinds a manifest entry may have: the workbook, the signed sheet (first revision), and
# the countersigned revisions (as the database names them: by whom, or plainly countersigned).
WORKBOOK_KIND = "workbook"
SIGNED_KIND = "signed"
# The keys of a manifest and of each of its entries, in the order written.
MANIFEST_KEYS = ("format", "version", "created_at", "device", "about", "files")
ENTRY_KEYS = ("path", "kind", "size", "sha256", "assessment", "revision")
# A manifest is a few hundred bytes per sheet: anything near this is not one.
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
UID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
KIND = re.compile(r"^[a-z][a-z_]{0,31}$")
# A value quoted in a message is cut to this: a hostile manifest's strings may be megabytes.
SHOWN_CHARS = 100
PLAIN_NAME = re.compile(r"^[\x20-\x7e]*$")


class BundleError(UserError):
    """The bundle is refused whole: says which member and what is wrong."""


@dataclass(frozen=True)
class Entry:
    path: str
    kind: str
    size: int
    sha256: str
    assessment: str = ""
    revision: int = 0

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "path": self.path,
            "kind": self.kind,
            "size": self.size,
            "sha256": self.sha256,
        }
        if self.kind != WORKBOOK_KIND:
            out["assessment"] = self.assessment
            out["revision"] = self.revision
        return out


@dataclass
class Manifest:
    created_at: str
    device: str
    about: dict[str, Any] = field(default_factory=dict)
    files: list[Entry] = field(default_factory=list)

    def dumps(self) -> bytes:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": self.created_at,
            "device": self.device,
            "about": self.about,
            "files": [e.as_json() for e in self.files],
        }
        return json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")

    @property
    def workbook(self) -> Entry:
        return next(e for e in self.files if e.kind == WORKBOOK_KIND)

    @property
    def sheets(self) -> list[Entry]:
        return [e for e in self.files if e.kind != WORKBOOK_KIND]


def sheet_path(assessment_uid: str, revision: int) -> str:
    """A sheet's member name: made of the uid and revision only, so always a safe name."""
    return f"{SHEETS_FOLDER}{assessment_uid}-r{revision}.pdf"


def refused(bundle: str, member: str, problem: str) -> BundleError:
    return BundleError(
        user_text("Bundle", "{bundle}, member {member}: {problem}; nothing was imported").format(
            bundle=bundle, member=shown(member), problem=problem
        )
    )


def clipped(text: str) -> str:
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def shown(name: str) -> str:
    """A member name as a message shows it: as is when plain printable ASCII (every name
    MentorDesk writes is), else escaped, so that a look-alike letter, an invisible or a
    control character is seen for what it is; cut short either way."""
    return clipped(name if PLAIN_NAME.match(name) else ascii(name))


def quoted(value: object) -> str:
    """A value from the manifest or the zip, quoted and escaped for a message."""
    return clipped(ascii(value))


def same_name(name: str) -> str:
    """What two names that a file system or a reader may take for one another share: the
    same letters in another case or another Unicode composition (é as one code point or e
    and an accent)."""
    return unicodedata.normalize("NFKC", name).casefold()


def unsafe_name(name: str) -> str:
    """Why a member name is unsafe to take (empty when it is safe): absolute, climbing out of
    the bundle, a drive or a backslash, control characters."""
    if not name or name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name):
        return user_text("Bundle", "an absolute path")
    if "\\" in name:
        return user_text("Bundle", "a backslash in the name")
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        return user_text("Bundle", "a control character in the name")
    if any(part in ("..", ".", "") for part in name.rstrip("/").split("/")):
        return user_text("Bundle", "a path that climbs out of the bundle")
    return ""


def read_manifest(bundle: str, data: bytes) -> Manifest:
    """The manifest as written by ``Manifest.dumps``; a ``BundleError`` naming what is wrong."""

    def bad(problem: str) -> BundleError:
        return refused(bundle, MANIFEST, problem)

    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise bad(
            user_text("Bundle", "not readable JSON ({error})").format(error=clipped(str(exc)))
        ) from exc
    except RecursionError as exc:
        # Arrays or objects nested thousands deep: no manifest is; the parser gives up.
        raise bad(user_text("Bundle", "not a manifest (nested far too deep)")) from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise bad(user_text("Bundle", "not a MentorDesk bundle manifest (format {format!r})").format(
            format=FORMAT
        ))  # fmt: skip
    version = raw.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise bad(
            user_text("Bundle", "the version is missing or not a number ({version})").format(
                version=quoted(version)
            )
        )
    if version > VERSION:
        raise bad(
            user_text(
                "Bundle",
                "bundle format version {version} is newer than this MentorDesk reads "
                "({known}); update MentorDesk",
            ).format(version=clipped(str(version)), known=VERSION)
        )
    files = raw.get("files")
    if not isinstance(files, list):
        raise bad(user_text("Bundle", "the list of files is missing"))
    about = raw.get("about")
    manifest = Manifest(
        str(raw.get("created_at", "")),
        str(raw.get("device", "")),
        about if isinstance(about, dict) else {},
    )
    seen: set[str] = set()
    for n, item in enumerate(files, start=1):
        entry = _entry(bundle, n, item)
        folded = same_name(entry.path)
        if folded in seen:
            raise bad(
                user_text("Bundle", "file {path} is listed twice").format(path=shown(entry.path))
            )
        seen.add(folded)
        manifest.files.append(entry)
    workbooks = [e for e in manifest.files if e.kind == WORKBOOK_KIND]
    if len(workbooks) != 1:
        raise bad(
            user_text("Bundle", "it must list one results workbook, not {count}").format(
                count=len(workbooks)
            )
        )
    return manifest


def _entry(bundle: str, n: int, item: object) -> Entry:
    def bad(problem: str) -> BundleError:
        return refused(
            bundle,
            MANIFEST,
            user_text("Bundle", "file {n}: {problem}").format(n=n, problem=problem),
        )

    if not isinstance(item, dict):
        raise bad(user_text("Bundle", "not an entry with a path, size and SHA-256"))
    path, kind, size, digest = (item.get(k) for k in ("path", "kind", "size", "sha256"))
    if not isinstance(path, str) or unsafe_name(path):
        raise bad(
            user_text("Bundle", "unsafe path {path} ({why})").format(
                path=quoted(path), why=unsafe_name(path) if isinstance(path, str) else "?"
            )
        )
    if not isinstance(kind, str) or not KIND.match(kind):
        raise bad(user_text("Bundle", "unknown kind {kind}").format(kind=quoted(kind)))
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise bad(
            user_text("Bundle", "the size of {path} is not a number").format(path=shown(path))
        )
    if not isinstance(digest, str) or not HEX64.match(digest):
        raise bad(
            user_text("Bundle", "the SHA-256 of {path} is not 64 hex digits").format(
                path=shown(path)
            )
        )
    if kind == WORKBOOK_KIND:
        if not path.endswith(".xlsx") or "/" in path:
            raise bad(
                user_text("Bundle", "the workbook {path} must be an .xlsx at the top").format(
                    path=shown(path)
                )
            )
        return Entry(path, kind, size, digest)
    uid, revision = item.get("assessment"), item.get("revision")
    if not isinstance(uid, str) or not UID.match(uid):
        raise bad(user_text("Bundle", "{path} names no assessment UID").format(path=shown(path)))
    if not isinstance(revision, int) or isinstance(revision, bool) or revision < 1:
        raise bad(user_text("Bundle", "{path} has no revision number").format(path=shown(path)))
    if not path.startswith(SHEETS_FOLDER) or not path.endswith(".pdf"):
        raise bad(
            user_text("Bundle", "the sheet {path} must be a .pdf under {folder}").format(
                path=shown(path), folder=SHEETS_FOLDER
            )
        )
    return Entry(path, kind, size, digest, uid, revision)
