"""``kkr fix-encoding``: turn a Windows-1252 or Latin-1 file into UTF-8, if it reads as Danish."""

from __future__ import annotations

import argparse
import os
import tempfile
import unicodedata
from pathlib import Path

from kkr.commands.options import add_records, usage_error
from kkr.i18n import _
from kkr.loading.characters import REPLACEMENT, printable
from kkr.loading.loader import MAX_BYTES

# Letters and signs Danish text holds beyond ASCII: the Danish, Nordic and German letters,
# French and other accents in names, and the typography of Word and KL's PDFs.
_DANISH = frozenset(
    "æøåÆØÅéèêëÉÈÊËáàâÁÀÂíìîïÍÌÎÏóòôÓÒÔúùûÚÙÛüÜöÖäÄßñÑçÇýÝ"
    "“”„‘’‚«»–—…•·€£$§°½¼¾×÷±²³µ¶©®™´¨¸\u00a0\u00ad"
)
_SHOWN = 200


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``fix-encoding`` command."""
    parser = subparsers.add_parser(
        "fix-encoding",
        help=_("convert a Windows-1252 or Latin-1 file to UTF-8, showing each changed letter"),
        description=_(
            "Read FILE as Windows-1252 (the encoding older Danish Windows programs save in), or "
            "Latin-1, and convert it to UTF-8, but only when the result is plausible Danish "
            "text: every letter beyond ASCII must be one Danish text holds (æ, ø, å, é, “ …). "
            "Prints each character it changes, with its line and column. Writes nothing unless "
            "--force is given; then FILE is replaced by its UTF-8 version, and the message says "
            "so. Exits 0 when the file is (or now is) UTF-8 or would convert cleanly, 1 when it "
            "cannot be converted safely (nothing is written then) and 2 on usage errors."
        ),
    )
    parser.add_argument("file", type=Path, metavar=_("FILE"), help=_("the file to convert"))
    parser.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE by its UTF-8 version (without it, only show what would change)"),
    )
    add_records(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Check, show and (with --force) convert one file."""
    path: Path = args.file
    if path.is_symlink() or not path.is_file():
        return usage_error(
            _(
                "{path} is not a regular file; example: kkr fix-encoding records/people/x.yaml"
            ).format(path=path)
        )
    records: Path = args.records
    if args.force and not path.resolve().is_relative_to(records.resolve()):
        # kkr writes only inside the records folder; a document on its way in is copied there
        # by kkr import, or saved as UTF-8 in the editor.
        return usage_error(
            _(
                "{path} is outside the records folder {records}, and kkr fix-encoding writes "
                "only inside it; without --force it shows what it would change. For a document "
                "to import, save it as UTF-8 in VS Code: 'Reopen with Encoding' → 'Western "
                "(Windows 1252)', then 'Save with Encoding' → 'UTF-8'"
            ).format(path=printable(str(path)), records=printable(str(records)))
        )
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return usage_error(_("cannot read {path}: {reason}").format(path=path, reason=exc.strerror))
    if len(raw) > MAX_BYTES:
        return usage_error(
            _("{path} is {size} bytes; at most {limit}").format(
                path=path, size=len(raw), limit=MAX_BYTES
            )
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return _convert(path, raw, force=args.force)
    if REPLACEMENT in text:
        offset = text.index(REPLACEMENT)
        line = text.count("\n", 0, offset) + 1
        column = offset - text.rfind("\n", 0, offset)
        print(
            f"{printable(str(path))}:{line}:{column}: error[encoding]: "
            + _(
                "the file is UTF-8 but holds U+FFFD (�): it was saved as UTF-8 from a wrong "
                "encoding, and the letters are lost. Converting cannot bring them back; restore "
                "them from the original file or an earlier version (git log -p)"
            )
        )
        return 1
    print(_("{path} is already UTF-8; nothing to do").format(path=printable(str(path))))
    return 0


def _convert(path: Path, raw: bytes, *, force: bool) -> int:
    shown = printable(str(path))
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in raw[:4]:
        print(
            f"{shown}:1:1: error[encoding]: "
            + _(
                "the file is UTF-16, not Windows-1252; in VS Code: 'Reopen with Encoding' → "
                "'UTF-16 LE', then 'Save with Encoding' → 'UTF-8'"
            )
        )
        return 1
    text, encoding = _decode(raw)
    changes, implausible = _changes(text, "cp1252" if encoding == "Windows-1252" else "latin-1")
    if implausible is not None:
        line, column, char = implausible
        print(
            f"{shown}:{line}:{column}: error[encoding]: "
            + _(
                "read as {encoding}, this byte is {char}, which Danish text does not hold: the "
                "file is in another encoding, or mixes two, so converting would damage it. "
                "Nothing was written. Open it in VS Code with 'Reopen with Encoding' and pick "
                "the encoding whose letters look right, then 'Save with Encoding' → 'UTF-8'"
            ).format(encoding=encoding, char=_name(char))
        )
        return 1
    for line, column, byte, char in changes[:_SHOWN]:
        print(f"{shown}:{line}:{column}: 0x{byte:02x} → {char}  ({_name(char)})")
    if len(changes) > _SHOWN:
        print(_("… and {count} more").format(count=len(changes) - _SHOWN))
    if not force:
        print(
            _(
                "{path} is {encoding}; {count} characters would change as shown. Nothing was "
                "written: run again with --force to replace the file by its UTF-8 version"
            ).format(path=shown, encoding=encoding, count=len(changes))
        )
        return 0
    _replace(path, text.encode("utf-8"))
    print(
        _(
            "replaced {path} by its UTF-8 version: {count} characters changed as shown; the "
            "{encoding} bytes are gone (git keeps the old version if the file was committed)"
        ).format(path=shown, encoding=encoding, count=len(changes))
    )
    return 0


def _decode(raw: bytes) -> tuple[str, str]:
    """The text as Windows-1252, or as Latin-1 where a byte is undefined in Windows-1252."""
    try:
        return raw.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "Latin-1"


def _changes(
    text: str, codec: str
) -> tuple[list[tuple[int, int, int, str]], tuple[int, int, str] | None]:
    """Each non-ASCII character with its place and byte; the first implausible one, if any."""
    changes: list[tuple[int, int, int, str]] = []
    for number, row in enumerate(text.split("\n"), start=1):
        for index, char in enumerate(row):
            if char.isascii():
                if not char.isprintable() and char not in "\t\r":
                    return changes, (number, index + 1, char)
                continue
            if char not in _DANISH:
                return changes, (number, index + 1, char)
            changes.append((number, index + 1, char.encode(codec)[0], char))
    return changes, None


def _name(char: str) -> str:
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X} {name}".strip()


def _replace(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so a failure leaves the old file."""
    mode = path.stat().st_mode & 0o777
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".kkr-", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        Path(temporary).chmod(mode)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
