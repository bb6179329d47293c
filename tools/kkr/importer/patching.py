"""Write a changed record as targeted edits of its text, so untouched lines keep their bytes.

Staff format records by hand: quoting, ``|`` blocks or plain text, comments. An import that
re-emitted a whole file would rewrite all of that, and a reviewer would see churn nobody
asked for. So the old text is composed with PyYAML, whose nodes carry their marks, and only
the entries whose data changed are re-emitted, in the house style, at their own indentation;
every other byte stays. The result is loaded again and compared with the data it must hold;
if anything disagrees (an alias, a flow collection, odd layout), the whole file is emitted.
"""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass, field
from typing import Any

import yaml

from kkr.importer.writer import emit, emit_entry, emit_item
from kkr.loading.loader import load_text


class _UnsupportedError(Exception):
    """A layout the edits do not handle; the caller emits the whole file instead."""


@dataclass
class _Edits:
    text: str
    edits: list[tuple[int, int, str]] = field(default_factory=list)

    def replace(self, start: int, end: int, new: str) -> None:
        self.edits.append((start, end, new))

    def apply(self) -> str:
        out: list[str] = []
        at = 0
        for start, end, new in sorted(self.edits, key=lambda e: (e[0], e[1])):
            if start < at:
                raise _UnsupportedError
            out += [self.text[at:start], new]
            at = end
        return "".join(out) + self.text[at:]


def patched(old_text: str, old: dict[str, Any], new: dict[str, Any], comment: str) -> str:
    """``old_text`` edited to hold ``new``, changing only the lines that must change."""
    if old == new:
        return old_text
    try:
        text = _patch(old_text, old, new)
    except (_UnsupportedError, yaml.YAMLError, RecursionError):
        return emit(new, comment)
    check = load_text(text)
    if not check.ok or check.data != new:
        return emit(new, comment)
    return text


def _patch(text: str, old: dict[str, Any], new: dict[str, Any]) -> str:
    if "\r" in text or "\t" in text or text.startswith("\ufeff"):
        raise _UnsupportedError
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(root, yaml.MappingNode):
        raise _UnsupportedError
    edits = _Edits(text)
    _mapping(edits, root, old, new)
    return edits.apply()


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _tight_end(text: str, node: yaml.Node) -> int:
    """Just after the line break that ends ``node``'s last content line."""
    if isinstance(node, yaml.MappingNode) and node.value and not node.flow_style:
        return _tight_end(text, node.value[-1][1])
    if isinstance(node, yaml.SequenceNode) and node.value and not node.flow_style:
        return _tight_end(text, node.value[-1])
    end = node.end_mark.index
    if end > 0 and text[end - 1] == "\n":
        # A block scalar ends after its line breaks, blank lines included: step back over them.
        while end > 1 and text[end - 2] == "\n":
            end -= 1
        return end
    newline = text.find("\n", end)
    return len(text) if newline < 0 else newline + 1


def _check_node(node: yaml.Node) -> None:
    if node.tag not in (
        "tag:yaml.org,2002:map",
        "tag:yaml.org,2002:seq",
        "tag:yaml.org,2002:str",
        "tag:yaml.org,2002:int",
        "tag:yaml.org,2002:bool",
        "tag:yaml.org,2002:null",
        "tag:yaml.org,2002:float",
        "tag:yaml.org,2002:timestamp",
    ):
        raise _UnsupportedError


def _mapping(
    edits: _Edits, node: yaml.MappingNode, old: dict[str, Any], new: dict[str, Any]
) -> None:
    if node.flow_style or not isinstance(old, dict) or not isinstance(new, dict):
        raise _UnsupportedError
    text = edits.text
    pairs = _pairs(node)
    if set(pairs) != {str(k) for k in old}:
        raise _UnsupportedError
    for name, (key, value) in pairs.items():
        if name not in new:
            edits.replace(_own_line(text, key), _tight_end(text, value), "")
        elif new[name] != old[name]:
            _value(edits, key, value, old[name], new[name])
    # New keys go after the nearest key before them in the new order that the text holds.
    previous: str | None = None
    for name, value in new.items():
        if name in pairs:
            previous = name
            continue
        if previous is None:
            at = _own_line(text, node.value[0][0])
        else:
            at = _tight_end(text, pairs[previous][1])
        indent = node.value[0][0].start_mark.column
        edits.replace(at, at, "".join(f"{line}\n" for line in emit_entry(name, value, indent)))


def _pairs(node: yaml.MappingNode) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    pairs: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key, value in node.value:
        _check_node(value)
        if not isinstance(key, yaml.ScalarNode) or key.value in pairs:
            raise _UnsupportedError
        pairs[key.value] = (key, value)
    if not pairs:
        raise _UnsupportedError
    return pairs


def _own_line(text: str, key: yaml.Node) -> int:
    """Where the line of ``key`` starts, if the key stands first on it (not after "- ")."""
    start = _line_start(text, key.start_mark.index)
    if text[start : key.start_mark.index].strip():
        raise _UnsupportedError
    return start


def _value(edits: _Edits, key: yaml.Node, node: yaml.Node, old: Any, new: Any) -> None:
    """Change one entry's value: within it where it is a block collection, else the entry."""
    block = not getattr(node, "flow_style", True) and bool(node.value)
    if block and isinstance(node, yaml.MappingNode) and isinstance(new, dict) and new:
        _mapping(edits, node, old, new)
        return
    if block and isinstance(node, yaml.SequenceNode) and isinstance(new, list) and new:
        _sequence(edits, node, old, new)
        return
    text = edits.text
    start = _line_start(text, key.start_mark.index)
    lead = text[start : key.start_mark.index]
    if lead.strip() not in ("", "-"):
        raise _UnsupportedError
    lines = emit_entry(str(key.value), new, key.start_mark.column)
    lines[0] = lead + lines[0].lstrip(" ")
    edits.replace(start, _tight_end(text, node), "".join(f"{line}\n" for line in lines))


def _sequence(edits: _Edits, node: yaml.SequenceNode, old: list[Any], new: list[Any]) -> None:
    text = edits.text
    if len(node.value) != len(old):
        raise _UnsupportedError
    starts = []
    for item in node.value:
        _check_node(item)
        start = _line_start(text, item.start_mark.index)
        if not text[start : item.start_mark.index].strip().startswith("-"):
            raise _UnsupportedError
        starts.append(start)
    dash = text.index("-", starts[0])
    column = dash - starts[0]

    def rendered(values: list[Any]) -> str:
        return "".join(f"{line}\n" for value in values for line in emit_item(value, column))

    before = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in old]
    after = [json.dumps(v, sort_keys=True, ensure_ascii=False) for v in new]
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        pairable = tag == "replace" and i2 - i1 == j2 - j1
        if pairable and all(
            isinstance(old[i], dict) and isinstance(new[j], dict) and new[j]
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
        ):
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                item = node.value[i]
                if isinstance(item, yaml.MappingNode) and not item.flow_style and item.value:
                    _mapping(edits, item, old[i], new[j])
                else:
                    edits.replace(starts[i], _tight_end(text, item), rendered([new[j]]))
            continue
        if i1 < i2:
            edits.replace(starts[i1], _tight_end(text, node.value[i2 - 1]), rendered(new[j1:j2]))
        else:
            at = starts[i1] if i1 < len(starts) else _tight_end(text, node.value[-1])
            edits.replace(at, at, rendered(new[j1:j2]))
