"""Imports of one meeting in any order, with hand edits between, never lose data silently.

A Hypothesis state machine draws sequences from: a planned placeholder, the agenda, a
corrected agenda, the minutes, revised minutes, hand edits, and --force. Whatever the order,
a decision, the attendance, the status and every hand edit survive unless --force names
them as discarded; a refused import writes nothing, and --keep-mine settles the refusal.
"""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from kkr.cli import main
from kkr.importer.assemble import import_document
from kkr.importer.patching import patched
from kkr.importer.preserve import imported_values
from kkr.importer.resolve import Resolver
from kkr.importer.writer import emit, schema_comment
from kkr.loading.loader import load

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "tests" / "data" / "meeting"
DATE = "2024-09-10"
# A root of its own with no meetings, so the meeting's date is free whatever records/ holds.
FOLDERS = ("body",)
STATUS = {"planned": 0, "agenda-published": 1, "held": 2, "minutes-approved": 3}
CONFLICT = re.compile(r"error\[hand-edit\]: (\S+) ")
DISCARDED = re.compile(r"warning\[hand-edit\]: (\S+) ")


def _documents(folder: Path) -> dict[str, Path]:
    agenda = (DATA / f"kkr-syddanmark-{DATE}-dagsorden.txt").read_text(encoding="utf-8")
    minutes = (DATA / f"kkr-syddanmark-{DATE}-referat.txt").read_text(encoding="utf-8")
    revised = minutes.replace("er udsendt.", "er udsendt og godkendt.").replace(
        "tog orienteringen til efterretning.", "tog orienteringen til efterretning med ros."
    )
    texts = {
        "agenda": agenda,
        "corrected agenda": agenda.replace("Status & plan", "Status og plan"),
        "minutes": minutes,
        "revised minutes": revised,
    }
    paths = {}
    for label, text in texts.items():
        kind = "dagsorden" if "agenda" in label else "referat"
        path = folder / label.replace(" ", "-") / f"kkr-syddanmark-{DATE}-{kind}.txt"
        path.parent.mkdir(parents=True)
        path.write_text(text, encoding="utf-8")
        paths[label] = path
    return paths


def _revised_baggrund(paths: dict[str, Path]) -> str:
    path = paths["revised minutes"]
    result = import_document(
        path, path.read_text(encoding="utf-8"), Resolver.scan(REPO / "records"), "x"
    )
    value = imported_values(result.records[f"meetings/{DATE}.yaml"])["items[1.1].baggrund"]
    assert isinstance(value, str) and " er udsendt" in value
    return value


_SCRATCH = Path(tempfile.mkdtemp(prefix="kkr-order-"))
PATHS = _documents(_SCRATCH)
# The revised minutes' text with other line breaks: an edit staff carried into that version.
SAME_WORDS = _revised_baggrund(PATHS).replace(" er udsendt", "\ner udsendt")
EDITS = {
    "place": st.sampled_from(["Severin Kursuscenter, Middelfart", "Vejle Rådhus"]),
    "items[1.1].baggrund": st.sampled_from(["Referatet er sendt til medlemmerne.\n", SAME_WORDS]),
    "items[2.1].beslutning": st.sampled_from(["KKR Syddanmark tog punktet til efterretning.\n"]),
    "status": st.sampled_from(["held", "minutes-approved"]),
}


class ImportOrder(RuleBasedStateMachine):
    """One meeting's record under any order of imports and hand edits."""

    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="kkr-order-run-"))
        self.records = self.folder / "records"
        for name in FOLDERS:
            shutil.copytree(REPO / "records" / name, self.records / name)
        self.path = self.records / "meetings" / f"{DATE}.yaml"
        self.edits: dict[str, Any] = {}
        self.minutes = False
        self.status = -1

    def teardown(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def _run(self, *args: str | Path) -> tuple[int, str]:
        out, err = io.StringIO(), io.StringIO()
        argv = ["import", *map(str, args), "--records", str(self.records), "--lang", "en"]
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        return code, out.getvalue() + err.getvalue()

    def _record(self) -> dict[str, Any]:
        data = load(self.path).data
        assert isinstance(data, dict)
        return data

    @precondition(lambda self: not self.path.exists())
    @rule()
    def plan(self) -> None:
        placeholder = {"id": DATE, "body": "kkr-syddanmark", "date": DATE, "status": "planned"}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.path.write_text(emit(placeholder, schema_comment("meeting")), encoding="utf-8")

    @rule(label=st.sampled_from(sorted(PATHS)))
    def import_document(self, label: str) -> None:
        before = self.path.read_bytes() if self.path.exists() else None
        code, out = self._run(PATHS[label])
        if code == 1:
            # Refused: nothing written; only fields staff edited conflict; --keep-mine settles.
            assert (self.path.read_bytes() if self.path.exists() else None) == before, out
            conflicts = CONFLICT.findall(out)
            assert conflicts, out
            assert set(conflicts) <= set(self.edits), out
            keep = [arg for field in conflicts for arg in ("--keep-mine", field)]
            code, out = self._run(PATHS[label], *keep)
        assert code == 0, out
        self.minutes = self.minutes or "minutes" in label

    @precondition(lambda self: self.path.exists())
    @rule(label=st.sampled_from(["minutes", "revised minutes", "agenda"]))
    def import_with_force(self, label: str) -> None:
        code, out = self._run(PATHS[label], "--force")
        assert code == 0, out
        record = imported_values(self._record())
        discarded = set(DISCARDED.findall(out))
        for field, value in list(self.edits.items()):
            if record.get(field) != value:
                # --force may discard a hand edit, but only one it names.
                assert field in discarded, (field, out)
                del self.edits[field]
        self.minutes = self.minutes or "minutes" in label
        self.status = STATUS[str(self._record()["status"])]

    @precondition(lambda self: self.path.exists())
    @rule(data=st.data(), field=st.sampled_from(sorted(EDITS)))
    def edit_by_hand(self, data: st.DataObject, field: str) -> None:
        record = self._record()
        value = data.draw(EDITS[field])
        if field == "status" and STATUS[value] < STATUS[str(record["status"])]:
            return  # staff move a meeting on, not back
        edited: dict[str, Any] = {**record}
        if field.startswith("items["):
            number, name = field[6:].split("].")
            items = [dict(item) for item in record.get("items", [])]
            item = next((i for i in items if i["number"] == number), None)
            if item is None or name not in item:
                return
            item[name] = value
            edited["items"] = items
        else:
            edited[field] = value
        text = self.path.read_text(encoding="utf-8")
        new = patched(text, record, edited, schema_comment("meeting"))
        self.path.write_text(new, encoding="utf-8")
        self.edits[field] = value

    @invariant()
    def nothing_is_lost(self) -> None:
        if not self.path.exists():
            return
        record = self._record()
        values = imported_values(record)
        for field, value in self.edits.items():
            assert values.get(field) == value, (field, values.get(field), value)
        status = STATUS[str(record["status"])]
        assert status >= self.status, "the status moved back"
        self.status = status
        if self.minutes:
            assert record["document"] == "minutes"
            assert status >= STATUS["held"]
            assert record.get("present") and record.get("absent")
            assert all(item.get("beslutning") for item in record["items"])


TestImportOrder = ImportOrder.TestCase
TestImportOrder.settings = settings(
    max_examples=12,
    stateful_step_count=7,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
