"""An import changes only the lines it must: every other byte of every record stays."""

from __future__ import annotations

import copy
import difflib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from english import english  # noqa: F401  (messages in English)
from hypothesis import given, settings
from hypothesis import strategies as st
from kkr.cli import main
from kkr.importer.patching import patched
from kkr.importer.writer import schema_comment
from kkr.loading.loader import load, load_text
from meeting_variants import free_meeting

REPO = Path(__file__).resolve().parent.parent
LARGE = REPO / "records" / "meetings" / "2023-11-21.yaml"


@pytest.fixture
def records(tmp_path: Path) -> Path:
    target = tmp_path / "records"
    shutil.copytree(REPO / "records", target)
    return target


def _snapshot(records: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in records.rglob("*") if p.is_file()}


def _changed_lines(old: bytes, new: bytes) -> tuple[list[str], list[str]]:
    """The removed and the added lines of a line diff."""
    diff = difflib.ndiff(old.decode().splitlines(), new.decode().splitlines())
    removed, added = [], []
    for line in diff:
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def _import(capsys: pytest.CaptureFixture[str], records: Path, *files: Path) -> None:
    capsys.readouterr()
    code = main(["import", *map(str, files), "--records", str(records)])
    assert code == 0, capsys.readouterr()


def test_a_new_meeting_changes_only_next_in_its_neighbour(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "documents")
    neighbour = records / "meetings" / f"{meeting.previous}.yaml"
    # Formatting staff may use by hand: a comment, double quotes, a block for a short note.
    text = neighbour.read_text(encoding="utf-8")
    data = load(neighbour).data
    text = text.replace(f"id: '{meeting.previous}'", f'id: "{meeting.previous}"')
    text += "# Rettet i hånden af sekretariatet\n"
    neighbour.write_text(text, encoding="utf-8")
    before = _snapshot(records)
    _import(capsys, records, meeting.agenda)
    after = _snapshot(records)
    for path, old in before.items():
        if path == neighbour:
            continue
        assert after[path] == old, f"{path} changed"
    removed, added = _changed_lines(before[neighbour], after[neighbour])
    assert removed == []
    assert added == ([] if "next" in data else [f"next: '{meeting.date}'"])
    assert (records / meeting.relative).is_file()
    capsys.readouterr()
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out


def test_the_minutes_keep_the_formatting_of_an_agenda_record(
    records: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    meeting = free_meeting(records, tmp_path / "documents")
    _import(capsys, records, meeting.agenda)
    path = records / meeting.relative
    text = path.read_text(encoding="utf-8")
    # Staff reformat lines the minutes do not change, and comment on an item.
    assert "start_time: '10:00'\n" in text and "\n  - number: '2.1'\n" in text
    text = text.replace("start_time: '10:00'\n", 'start_time: "10:00"  # bekræftet\n')
    text = text.replace("\n  - number: '2.1'\n", "\n  # Punktet blev flyttet\n  - number: '2.1'\n")
    path.write_text(text, encoding="utf-8")
    _import(capsys, records, meeting.minutes)
    after = path.read_text(encoding="utf-8")
    assert 'start_time: "10:00"  # bekræftet\n' in after
    assert "  # Punktet blev flyttet\n  - number: '2.1'\n" in after
    assert load(path).data["document"] == "minutes"
    removed, _added = _changed_lines(text.encode(), after.encode())
    # Only what the minutes change: the document, the status and the hashes of changed fields.
    hashes = re.compile(r"^  \S+: [0-9a-f]{12}$")
    for line in removed:
        assert line.startswith(("document:", "status:")) or hashes.match(line), line
    capsys.readouterr()
    assert main(["validate", "--strict", str(records)]) == 0, capsys.readouterr().out


def _span(text: str, index: int) -> tuple[int, int]:
    """Where item ``index`` of the record's items stands: from its line to the next item's."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    assert isinstance(root, yaml.MappingNode)
    items = next(v for k, v in root.value if k.value == "items")
    node = items.value[index]
    start = text.rfind("\n", 0, node.start_mark.index) + 1
    following = items.value[index + 1] if index + 1 < len(items.value) else None
    end = text.rfind("\n", 0, following.start_mark.index) + 1 if following else len(text)
    return start, end


# Comments a whole-file emit would drop: the property fails if the edits fall back to one.
_LARGE_TEXT = LARGE.read_text(encoding="utf-8") + "# Gennemgået af sekretariatet\n"
_LARGE_DATA = load(LARGE).data
_ITEMS = len(_LARGE_DATA["items"])
_VALUES = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40),
    st.lists(st.text(alphabet="abcæøå -", min_size=1, max_size=8), min_size=1, max_size=3),
    st.none(),
)


@settings(max_examples=40, deadline=None)
@given(
    st.integers(0, _ITEMS - 1),
    st.sampled_from(["title", "beslutning", "baggrund", "topics", "note"]),
    _VALUES,
)
def test_a_changed_item_changes_no_line_outside_it(index: int, name: str, value: Any) -> None:
    new: dict[str, Any] = copy.deepcopy(_LARGE_DATA)
    item = new["items"][index]
    if value is None:
        item.pop(name, None)
    else:
        item[name] = value
    text = patched(_LARGE_TEXT, _LARGE_DATA, new, schema_comment("meeting"))
    assert load_text(text).data == new
    start, end = _span(_LARGE_TEXT, index)
    if json.dumps(new) != json.dumps(_LARGE_DATA):
        assert text.startswith(_LARGE_TEXT[:start])
        assert text.endswith(_LARGE_TEXT[end:])
