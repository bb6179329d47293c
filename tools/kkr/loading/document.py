"""A loaded YAML file: its data, where every key and value stands, and its problems."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from kkr.diagnostics import Code, Diagnostic

PathKey = tuple[str | int, ...]


class Position(NamedTuple):
    """A 1-based line and column."""

    # A named tuple, not a frozen dataclass: the loader makes one per node, and a tuple is
    # several times cheaper to make.
    line: int
    column: int


@dataclass
class Document:
    """A loaded YAML file: its data, where each node stands, and what went wrong."""

    path: Path
    display: str
    data: Any = None
    values: dict[PathKey, Position] = field(default_factory=dict)
    keys: dict[PathKey, Position] = field(default_factory=dict)
    blocks: dict[PathKey, Position] = field(default_factory=dict)
    """Where the first content line of each literal block scalar (``|``) starts."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the file loaded with no error."""
        return not any(d.severity == "error" for d in self.diagnostics)

    def error(self, position: Position, code: Code, message: str) -> None:
        """Record an error at ``position``."""
        self.diagnostics.append(
            Diagnostic(self.display, position.line, position.column, "error", code, message)
        )

    def warning(self, position: Position, code: Code, message: str) -> None:
        """Record a warning at ``position``."""
        self.diagnostics.append(
            Diagnostic(self.display, position.line, position.column, "warning", code, message)
        )

    def locate(self, path: PathKey, *, key: bool = False) -> Position:
        """Return the position of ``path``, or of its nearest located ancestor."""
        if key and path in self.keys:
            return self.keys[path]
        while path:
            if path in self.values:
                return self.values[path]
            if path in self.keys:
                return self.keys[path]
            path = path[:-1]
        return self.values.get((), Position(1, 1))
