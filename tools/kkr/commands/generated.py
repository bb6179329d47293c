"""Writing generated files, or checking that the committed copies are current."""

from __future__ import annotations

from pathlib import Path

from kkr.diagnostics import Code, Diagnostic
from kkr.i18n import _


def write_or_check(directory: Path, files: dict[str, str], *, check: bool, regenerate: str) -> int:
    """Write ``files`` into ``directory``, or with ``check`` report those that differ."""
    stale = []
    for name, text in sorted(files.items()):
        path = directory / name
        current = path.read_text(encoding="utf-8") if path.exists() else None
        if current == text:
            continue
        stale.append(path)
        if not check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    if check and stale:
        for path in stale:
            message = _("out of date; run `{command}` and commit the result").format(
                command=regenerate
            )
            print(Diagnostic(str(path), 1, 1, "error", Code.STALE_FILE, message).text())
        return 1
    for path in stale:
        print(_("wrote {path}").format(path=path))
    return 0
