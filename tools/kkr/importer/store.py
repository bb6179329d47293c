"""The importer's document store: reading documents, naming them in records/documents, links."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _
from kkr.importer.text import slug
from kkr.loading.characters import REPLACEMENT
from kkr.loading.encoding import not_utf8, replacement_character
from kkr.loading.loader import MAX_BYTES

DOCUMENTS = "documents"
_DOCUMENT_NAME = re.compile(r"^[a-z0-9][a-z0-9.-]*\.(txt|md)$")


@dataclass
class Incoming:
    """A document to import: where it is, its bytes and text, and its name in the store."""

    path: Path
    raw: bytes
    text: str
    name: str  # its name in records/documents
    order: tuple[str, int] = ("", 2)
    original: bytes | None = None  # the PDF or Word file the text was extracted from

    def original_name(self) -> str:
        """The name its PDF or Word original gets: the text's name with the original's suffix."""
        return Path(self.name).with_suffix(self.path.suffix.lower()).name


def document_name(path: Path) -> str:
    """The name a document gets in records/documents: its own, if a citation may use it."""
    name = path.name
    if _DOCUMENT_NAME.match(name):
        return name
    suffix = ".md" if path.suffix.lower() == ".md" else ".txt"
    return (slug(path.stem) or "dokument") + suffix


def read_document(path: Path, diagnostics: list[Diagnostic]) -> Incoming | None:
    """The document at ``path``, or None after adding why it cannot be imported."""

    def fail(code: Code, message: str) -> None:
        diagnostics.append(Diagnostic(str(path), 1, 1, "error", code, message))

    try:
        raw = path.read_bytes()
    except OSError as exc:
        fail(Code.IO_ERROR, _("cannot read the document: {reason}").format(reason=exc.strerror))
        return None
    if len(raw) > MAX_BYTES:
        fail(
            Code.FILE_TOO_LARGE,
            _("the document is {size} bytes; at most {limit}").format(
                size=len(raw), limit=MAX_BYTES
            ),
        )
        return None
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start].decode("utf-8", errors="replace")
        line = before.count("\n") + 1
        column = len(before) - (before.rfind("\n") + 1) + 1
        diagnostics.append(
            Diagnostic(
                str(path), line, column, "error", Code.ENCODING, not_utf8(raw, exc.start, str(path))
            )
        )
        return None
    for number, row in enumerate(text.split("\n"), start=1):
        if REPLACEMENT in row:
            column = row.index(REPLACEMENT) + 1
            message = replacement_character()
            diagnostics.append(
                Diagnostic(str(path), number, column, "error", Code.ENCODING, message)
            )
    if REPLACEMENT in text:
        return None
    return Incoming(path, raw, text, document_name(path))


def extracted_document(path: Path, text: str, original: bytes) -> Incoming:
    """A document read from a PDF or Word file: its text, stored beside the file itself."""
    return Incoming(path, text.encode("utf-8"), text, document_name(path), original=original)


def name_documents(sources: list[Incoming], records: Path) -> list[Diagnostic]:
    """Give each document a name in records/documents that no different document holds.

    Records cite a document's lines by its name, so a second document of the same name (the
    agenda of another meeting, or a revised one) never replaces the first: it is kept as
    ``name-2.txt`` and so on, and its records cite that name. The same bytes reuse a name.
    """
    diagnostics: list[Diagnostic] = []
    taken: dict[str, bytes] = {}
    folder = records / DOCUMENTS
    for source in sources:
        base = Path(source.name)
        name, number = source.name, 1
        while True:
            target = folder / name
            original = target.with_suffix(source.path.suffix.lower())
            free = _free(target, source.raw) and (
                source.original is None or _free(original, source.original)
            )
            if taken[name] == source.raw if name in taken else free:
                break
            number += 1
            name = f"{base.stem}-{number}{base.suffix}"
        taken[name] = source.raw
        if name != source.name:
            diagnostics.append(
                Diagnostic(
                    str(source.path),
                    1,
                    1,
                    "warning",
                    Code.RECORD_EXISTS,
                    _(
                        "a different document named {name} is already kept, and records cite "
                        "its lines; this one is kept beside it as {new}, which its records cite"
                    ).format(name=f"{DOCUMENTS}/{source.name}", new=f"{DOCUMENTS}/{name}"),
                )
            )
            source.name = name
    return diagnostics


def _free(path: Path, raw: bytes) -> bool:
    """Whether ``path`` may hold ``raw``: nothing is there, or a file with those bytes."""
    if path.is_symlink():
        return False
    if not path.exists():
        return True
    try:
        return path.is_file() and path.stat().st_size == len(raw) and path.read_bytes() == raw
    except OSError:
        return False


def linked_folder(folder: Path, root: Path) -> Diagnostic | None:
    """An error if the linked ``folder`` leads outside the records folder, or to nothing."""
    try:
        resolved = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        resolved = None
    if resolved is not None and resolved.is_dir() and resolved.is_relative_to(root):
        return None
    if resolved is None:
        message = _(
            "{folder} is a symbolic link to nothing; the import writes only inside the records "
            "folder. Replace the link with a real folder, e.g. mkdir {folder}"
        )
    else:
        message = _(
            "{folder} is a symbolic link to {target}, outside the records folder; the import "
            "writes only inside it. Replace the link with a real folder, e.g. mkdir {folder}"
        )
    text = message.format(folder=folder, target=resolved)
    return Diagnostic(str(folder), 1, 1, "error", Code.SYMLINK, text)


def linked_targets(records: Path, relatives: list[str]) -> list[Diagnostic]:
    """An error for each link on the way to a file the import would write.

    Every parent folder is resolved: one linked inside records/ is followed, one leading
    outside or to nothing is refused. A file that is itself a link is never written through.
    """
    root = records.resolve()
    linked: dict[Path, Diagnostic | None] = {}
    for relative in relatives:
        folder = records
        for part in relative.split("/")[:-1]:
            folder = folder / part
            if folder.is_symlink() and folder not in linked:
                linked[folder] = linked_folder(folder, root)
    found = [diagnostic for diagnostic in linked.values() if diagnostic is not None]
    if found:
        return found
    for relative in relatives:
        target = records / relative
        if target.is_symlink():
            message = _(
                "{target} is a symbolic link; the import writes only regular files "
                "inside the records folder. Remove the link, then import again"
            ).format(target=target)
            found.append(Diagnostic(str(target), 1, 1, "error", Code.SYMLINK, message))
    return found
