"""What an import did with every source line, and the problems it met."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from kkr.diagnostics import Code, Diagnostic, clipped, shown
from kkr.i18n import _
from kkr.importer.text import Line

FIELD = "field"


class DocumentError(Exception):
    """A document cannot be imported; the report holds the located error."""


@dataclass
class Report:
    """Coverage of the source lines and the diagnostics of one document."""

    display: str
    lines: list[Line]
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # line number -> where it went: a record field path, or "skipped: <reason>"
    destination: dict[int, str] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def cover(self, lines: list[Line] | Line, where: str) -> None:
        """Record that ``lines`` went into ``where`` (a field path)."""
        for line in [lines] if isinstance(lines, Line) else lines:
            if not line.blank:
                self.destination.setdefault(line.no, where)

    def skip(self, lines: list[Line] | Line, reason: str) -> None:
        """Record that ``lines`` were understood but deliberately not stored."""
        self.cover(lines, f"skipped: {reason}")

    def warning(self, line: int, code: Code, message: str, column: int = 1) -> None:
        """Add a located warning."""
        self.diagnostics.append(Diagnostic(self.display, line, column, "warning", code, message))

    def error(self, line: int, code: Code, message: str, column: int = 1) -> None:
        """Add a located error."""
        self.diagnostics.append(Diagnostic(self.display, line, column, "error", code, message))

    def fail(self, line: int, code: Code, message: str, column: int = 1) -> DocumentError:
        """Add an error and return the exception that stops the import."""
        self.error(line, code, message, column)
        return DocumentError(message)

    @property
    def ok(self) -> bool:
        """Whether the document imported without errors."""
        return not any(d.severity == "error" for d in self.diagnostics)

    def finish(self) -> None:
        """Report every non-blank line that went nowhere as not understood."""
        for line in self.lines:
            if not line.blank and line.no not in self.destination:
                self.destination[line.no] = "not understood"
                self.warning(
                    line.no,
                    Code.NOT_UNDERSTOOD,
                    _(
                        "the line {text!r} was not understood and is in no record field; add "
                        "it to the record by hand if it matters"
                    ).format(text=clipped(line.text.strip())),
                )

    def coverage(self) -> Counter[str]:
        """Count the non-blank lines per kind of destination."""
        counts: Counter[str] = Counter()
        for where in self.destination.values():
            counts[where if where.startswith(("skipped", "not")) else FIELD] += 1
        return counts

    def summary(self) -> str:
        """A short account of where the source lines went."""
        counts = self.coverage()
        total = sum(counts.values())
        parts = [_("{n} in record fields").format(n=counts[FIELD])]
        for what, n in sorted(counts.items()):
            if what.startswith("skipped: "):
                parts.append(_("{n} skipped: {reason}").format(n=n, reason=what[9:]))
            elif what != FIELD:
                parts.append(_("{n} not understood").format(n=n))
        # The file name and the skipped lines' words are untrusted: one line, no escapes.
        return shown(
            _("{file}: {total} non-blank lines: {parts}").format(
                file=self.display, total=total, parts=", ".join(parts)
            )
        )
