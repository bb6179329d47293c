"""Add an item to a meeting record by inserting lines, so every other byte stays as it was."""

from __future__ import annotations

from kkr.checks.schema_errors import validate_record
from kkr.i18n import _
from kkr.importer.writer import emit
from kkr.loading.loader import load_text
from kkr.skeletons.records import SkeletonError
from schema.meeting import DocumentKind, Meeting


def next_number(meeting: Meeting, section: str | None) -> str:
    """The first free number in ``section`` (default: the last item's, else the first section)."""
    if section is None:
        if meeting.items:
            section = meeting.items[-1].number.split(".")[0]
        else:
            section = meeting.sections[0].number if meeting.sections else "1"
    listed = [s.number for s in meeting.sections]
    if listed and section not in listed:
        raise SkeletonError(
            _(
                "the meeting has no section {section}; "
                "choose one of {listed}, e.g. --section {first}"
            ).format(section=section, listed=", ".join(listed), first=listed[0])
        )
    used = [int(i.number.split(".")[1]) for i in meeting.items if i.number.split(".")[0] == section]
    return f"{section}.{max(used, default=0) + 1}"


def add_item(text: str, meeting: Meeting, number: str, title: str) -> str:
    """Return the meeting's text with a new item ``number`` inserted in agenda order."""
    item: dict[str, object] = {"number": number, "title": title}
    if meeting.document is DocumentKind.minutes:
        # Minutes need a decision; an empty one is valid and shows where to write it.
        item["beslutning"] = ""
    lines = text.splitlines(keepends=True)
    start = _items_line(lines)
    if start is None:
        block = emit({"items": [item]}, "")
        new = text + ("" if text.endswith("\n") else "\n") + block
    else:
        head = lines[start].split("#")[0].strip()
        indent = _item_indent(lines, start)
        entry = emit({"items": [item]}, "").splitlines(keepends=True)[1:]
        entry = [" " * (indent - 2) + line if indent >= 2 else line[2 - indent :] for line in entry]
        if head == "items: []":
            lines[start] = "items:\n"
            at = start + 1
        else:
            at = _position(lines, start, meeting, number)
        new = "".join(lines[:at] + entry + lines[at:])
    _check(new, meeting, number)
    return new


def _items_line(lines: list[str]) -> int | None:
    for index, line in enumerate(lines):
        if line.startswith("items:"):
            return index
    return None


def _item_indent(lines: list[str], start: int) -> int:
    for line in lines[start + 1 :]:
        if line.lstrip().startswith("- "):
            return len(line) - len(line.lstrip())
    return 2


def _position(lines: list[str], start: int, meeting: Meeting, number: str) -> int:
    """The line to insert before: the first later item's, else the end of the items."""
    key = tuple(int(p) for p in number.split("."))
    later = [
        i for i, item in enumerate(meeting.items) if tuple(map(int, item.number.split("."))) > key
    ]
    indent = _item_indent(lines, start)
    seen = -1
    end = len(lines)
    for index in range(start + 1, len(lines)):
        line = lines[index]
        if line.strip() and not line[0].isspace() and not line.startswith(("-", "#")):
            end = index
            break
        if line.startswith(" " * indent + "- ") or (indent == 0 and line.startswith("- ")):
            seen += 1
            if later and seen == later[0]:
                return index
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return end


def _check(text: str, before: Meeting, number: str) -> None:
    """The new text must read as the same meeting plus exactly the new item."""
    after = validate_record(Meeting, load_text(text))
    if not isinstance(after, Meeting):
        raise SkeletonError(
            _("the item could not be added without changing other lines; add it by hand")
        )
    rest = [item for item in after.items if item.number != number]
    if rest != list(before.items) or after.model_copy(update={"items": []}) != before.model_copy(
        update={"items": []}
    ):
        raise SkeletonError(
            _("the item could not be added without changing other lines; add it by hand")
        )
