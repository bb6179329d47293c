"""Checks that span records: references, numbering, attendance, periods and tables."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from kkr.checks.citations import check_citations
from kkr.checks.deadlinks import check_dead_links
from kkr.checks.placeholders import check_placeholders
from kkr.checks.refs import BROKEN, holds_models, iter_refs, named, unresolved
from kkr.checks.roles import check_roles
from kkr.checks.trap import check_trap
from kkr.diagnostics import Code
from kkr.i18n import _, ngettext
from kkr.loading.corpus import Corpus, Entry
from kkr.loading.loader import PathKey, Position
from schema.base import Period
from schema.body import Body
from schema.markdown import TABLE_TOKEN
from schema.matter import Matter
from schema.meeting import DocumentKind, Item, Meeting
from schema.person import Person, PersonKind
from schema.workplan import WorkPlan

TEXT_SECTIONS = ("baggrund", "indstilling", "sagsfremstilling", "beslutning")
# Names of pages the site generates beside record pages (kkr.site.paths): the list page in
# every kind's folder, and a work plan's progress page beside its area pages. A record or
# area with such an id would overwrite the page; tests/test_case_sites.py keeps these current.
RESERVED_IDS = frozenset({"index"})
RESERVED_AREA_IDS = frozenset({"fremdrift"})


def check_corpus(corpus: Corpus) -> None:
    """Run every cross-record check, adding diagnostics to the records' documents."""
    index = build_index(corpus)
    for kind in sorted(corpus.by_kind):
        for entry in corpus.entries(kind):
            _check_id(entry)
            _check_refs(entry, index)
            check_roles(entry, index)
            check_trap(entry)
            check_dead_links(entry)
            _check_periods(entry)
            record = entry.record
            if isinstance(record, Meeting):
                _check_meeting(entry, record, corpus)
            elif isinstance(record, Person):
                _check_person(entry, record)
            elif isinstance(record, WorkPlan):
                _check_workplan(entry, record)
            elif isinstance(record, Body):
                _unique(entry, [(("terms", i, "id"), t.id) for i, t in enumerate(record.terms)])
            elif isinstance(record, Matter):
                _check_matter(entry, record)
    check_citations(corpus)
    check_placeholders(corpus)


def build_index(corpus: Corpus) -> dict[str, set[str]]:
    """Return, for each reference kind, the set of ids a reference may name."""
    index = {kind: set(found) for kind, found in corpus.by_kind.items()}
    index["item"] = {f"{m.record.id}/{item.number}" for m, item in corpus.items()}
    index["commitment"] = set()
    for entry in corpus.entries("workplan"):
        assert isinstance(entry.record, WorkPlan)
        for area in entry.record.areas:
            index["commitment"].update(f"{entry.record.id}/{c.id}" for c in area.commitments)
    index["initials"] = set()
    for entry in corpus.entries("person"):
        assert isinstance(entry.record, Person)
        if entry.record.initials:
            index["initials"].add(entry.record.initials)
    index["term"] = set()
    for entry in corpus.entries("body"):
        assert isinstance(entry.record, Body)
        index["term"].update(term.id for term in entry.record.terms)
    index["case"] = {item.case for _meeting, item in corpus.items() if item.case}
    for kind in ("meeting", "workplan"):
        index["case"].update(
            case for entry in corpus.entries(kind) if (case := getattr(entry.record, "case", None))
        )
    for kind, ids in corpus.unchecked.items():
        index[BROKEN + kind] = set(ids)
    return index


def _check_id(entry: Entry) -> None:
    stem = entry.path.stem
    if entry.record.id != stem:
        entry.document.error(
            entry.locate(("id",)),
            Code.ID_MISMATCH,
            _(
                "the id {id!r} differs from the file name {file!r}; rename the file or set "
                "id: {stem}"
            ).format(id=entry.record.id, file=entry.path.name, stem=stem),
        )


def _check_refs(entry: Entry, index: dict[str, set[str]]) -> None:
    seen: set[tuple[PathKey, str]] = set()
    for path, ref, value in iter_refs(entry.record):
        if isinstance(path[-1], int):
            if (path[:-1], value) in seen:
                entry.document.warning(
                    entry.locate(path),
                    Code.DUPLICATE_LINK,
                    _("{value!r} is already listed in {field}; remove the repetition").format(
                        value=value, field=path[-2]
                    ),
                )
            seen.add((path[:-1], value))
        if not named(index, ref.kind, value) and _folded(entry, path, value):
            continue
        if not named(index, ref.kind, value):
            known = index.get(ref.kind, set())
            entry.document.error(
                entry.locate(path), Code.UNRESOLVED_REFERENCE, unresolved(ref.kind, value, known)
            )


def _folded(entry: Entry, path: PathKey, value: str) -> bool:
    """Report a list entry indented under the one above (YAML joins them) as indentation."""
    parts = value.split(" - ")
    if not isinstance(path[-1], int) or len(parts) < 2 or any(not p.strip() for p in parts):
        return False
    start = entry.locate(path)
    try:
        lines = entry.document.path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return False
    below = lines[start.line] if start.line < len(lines) else ""
    if not below.lstrip().startswith("- "):
        return False
    entry.document.error(
        Position(start.line + 1, len(below) - len(below.lstrip()) + 1),
        Code.YAML_SYNTAX,
        _(
            "the line is indented too far: YAML reads it as the rest of the list entry "
            "{first!r} above, which becomes {value!r}; put its dash under the dash above, "
            "e.g. '- {second}' straight below '- {first}'"
        ).format(first=parts[0], value=value, second=parts[1]),
    )
    return True


_NESTED: dict[type[BaseModel], list[str]] = {}


def _nested_fields(cls: type[BaseModel]) -> list[str]:
    # The fields that may hold models (a Period is one), found once per class: looking at
    # every field of every record was 0.25 s of 2.9 s under cProfile on the L archive.
    fields = _NESTED.get(cls)
    if fields is None:
        fields = [name for name, info in cls.model_fields.items() if holds_models(info.annotation)]
        _NESTED[cls] = fields
    return fields


def _walk_periods(model: BaseModel, path: PathKey = ()) -> Iterator[tuple[PathKey, Period]]:
    for name in _nested_fields(type(model)):
        value = getattr(model, name)
        values = list(enumerate(value)) if isinstance(value, list) else [(None, value)]
        for index, child in values:
            child_path = (*path, name) if index is None else (*path, name, index)
            if isinstance(child, Period):
                yield child_path, child
            elif isinstance(child, BaseModel):
                yield from _walk_periods(child, child_path)


def _bounds(value: str) -> tuple[str, str]:
    # Compare partial dates as text: a year spans -01-01 to -12-31, a month -01 to -31.
    return (value + "-01-01"[len(value) - 4 :], value + "-12-31"[len(value) - 4 :])


def _check_periods(entry: Entry) -> None:
    for path, period in _walk_periods(entry.record):
        if period.start and period.end and _bounds(period.end)[1] < _bounds(period.start)[0]:
            entry.document.error(
                entry.locate((*path, "end")),
                Code.PERIOD_ORDER,
                _(
                    "the period ends ({end}) before it starts ({start}); "
                    "example: {{start: 2022-01, end: 2023-12}}"
                ).format(end=period.end, start=period.start),
            )


def _unique(entry: Entry, values: list[tuple[PathKey, str]]) -> None:
    seen: dict[str, PathKey] = {}
    for path, value in values:
        if value in seen:
            first = entry.locate(seen[value])
            entry.document.error(
                entry.locate(path),
                Code.DUPLICATE_ID,
                _("{value!r} is used twice (first at line {line}); give each a unique id").format(
                    value=value, line=first.line
                ),
            )
        else:
            seen[value] = path


def _check_person(entry: Entry, person: Person) -> None:
    only = {"party": PersonKind.politician, "municipality": PersonKind.politician}
    only["initials"] = PersonKind.staff
    for name, kind in only.items():
        if getattr(person, name) is not None and person.kind is not kind:
            entry.document.error(
                entry.locate((name,), key=True),
                Code.NOT_APPLICABLE,
                _(
                    "{name} applies only to people of kind {kind}, and this person is {actual}; "
                    "remove it or set kind: {kind}"
                ).format(name=name, kind=kind.value, actual=person.kind.value),
            )
    family = person.family_name
    if family is not None and not (person.name or "").endswith(" " + family):
        entry.document.error(
            entry.locate(("family_name",)),
            Code.INVALID_VALUE,
            _(
                "family_name must be the end of name, after a first name; "
                "for name: Johannes Lundsryd Jensen write family_name: Lundsryd Jensen"
            ),
        )
    if person.name is None and not (person.kind is PersonKind.staff and person.initials):
        entry.document.error(
            entry.locate(()),
            Code.MISSING_FIELD,
            _(
                "the field 'name' is missing; only staff known by their initials alone may omit "
                "it. Example: name: Bo Hansen"
            ),
        )


def _check_workplan(entry: Entry, plan: WorkPlan) -> None:
    ids: list[tuple[PathKey, str]] = []
    for a, area in enumerate(plan.areas):
        ids.append((("areas", a, "id"), area.id))
        if area.id in RESERVED_AREA_IDS:
            entry.document.error(
                entry.locate(("areas", a, "id")),
                Code.RESERVED_ID,
                _(
                    "the area id {id!r} is reserved for the page the site generates for the "
                    "work plan's progress; choose another, e.g. id: sundhed"
                ).format(id=area.id),
            )
        ids += [
            (("areas", a, "commitments", c, "id"), x.id) for c, x in enumerate(area.commitments)
        ]
        ids += [(("areas", a, "tasks", t, "id"), x.id) for t, x in enumerate(area.tasks)]
    _unique(entry, ids)


def _check_matter(entry: Entry, matter: Matter) -> None:
    keys = [_item_key(ref) for ref in matter.items]
    for index in range(1, len(keys)):
        if keys[index] < keys[index - 1]:
            entry.document.warning(
                entry.locate(("items", index)),
                Code.ITEM_ORDER,
                _(
                    "{item} comes before {previous} in time; list a matter's items oldest first"
                ).format(item=matter.items[index], previous=matter.items[index - 1]),
            )


def _item_key(ref: str) -> tuple[str, int, int]:
    meeting, number = ref.split("/", 1)
    section, item = number.split(".", 1)
    return meeting, int(section), int(item)


def _check_meeting(entry: Entry, meeting: Meeting, corpus: Corpus) -> None:
    from kkr.checks.meetings import check_items, check_links, check_promises

    if meeting.date.isoformat() != meeting.id:
        entry.document.error(
            entry.locate(("date",)),
            Code.MEETING_DATE,
            _(
                "the date {date} differs from the meeting id {id!r}; they must agree, "
                "e.g. id: {date}"
            ).format(date=meeting.date.isoformat(), id=meeting.id),
        )
    absent = set(meeting.absent)
    for index, person in enumerate(meeting.present):
        if person in absent:
            entry.document.error(
                entry.locate(("present", index)),
                Code.PRESENT_AND_ABSENT,
                _("{person} is listed both as present and as absent; keep one of them").format(
                    person=person
                ),
            )
    check_items(entry, meeting)
    check_links(entry, meeting, corpus)
    check_promises(entry, meeting)
    if meeting.document is DocumentKind.minutes:
        for index, item in enumerate(meeting.items):
            if item.beslutning is None:
                entry.document.error(
                    entry.locate(("items", index, "number")),
                    Code.MISSING_DECISION,
                    _(
                        "item {number} has no beslutning, but the record is minutes; add it, "
                        "e.g. beslutning: KKR Syddanmark tog orienteringen til efterretning."
                    ).format(number=item.number),
                )
    for index, item in enumerate(meeting.items):
        _check_tables(entry, index, item)


def _check_tables(entry: Entry, index: int, item: Item) -> None:
    base: PathKey = ("items", index)
    tables = {table.id: t for t, table in enumerate(item.tables)}
    _unique(entry, [((*base, "tables", t, "id"), x.id) for t, x in enumerate(item.tables)])
    used: set[str] = set()
    for section in TEXT_SECTIONS:
        text = getattr(item, section) or ""
        for match in TABLE_TOKEN.finditer(text):
            used.add(match.group(1))
            if match.group(1) not in tables:
                entry.document.error(
                    entry.locate((*base, section)),
                    Code.TABLE_REFERENCE,
                    _(
                        "[[tabel:{id}]] names no table of item {number}; known tables: {known}"
                    ).format(
                        id=match.group(1),
                        number=item.number,
                        known=", ".join(sorted(tables)) or _("none (the item has no tables)"),
                    ),
                )
    for table_id, t in tables.items():
        table = item.tables[t]
        if table_id not in used:
            entry.document.error(
                entry.locate((*base, "tables", t, "id")),
                Code.TABLE_REFERENCE,
                _(
                    "the table {id!r} is never placed; put a line [[tabel:{id}]] in the "
                    "section text where it belongs"
                ).format(id=table_id),
            )
        for r, row in enumerate(table.rows):
            if len(row) != len(table.columns):
                entry.document.error(
                    entry.locate((*base, "tables", t, "rows", r)),
                    Code.INVALID_VALUE,
                    ngettext(
                        "this row has {cells} cell but the table has {columns} columns; pad "
                        "empty cells with '', e.g. [Kerteminde, '0']",
                        "this row has {cells} cells but the table has {columns} columns; pad "
                        "empty cells with '', e.g. [Kerteminde, '0']",
                        len(row),
                    ).format(cells=len(row), columns=len(table.columns)),
                )
