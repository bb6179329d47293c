"""The OParl tree: every object valid against both official schema sets; walkable from System."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import Build, build, copy_root
from exports_support import BASE, REPO, write_exports
from jsonschema import Draft4Validator, FormatChecker, validators
from jsonschema.protocols import Validator
from kkr.exports.context import LOCAL_BASE
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

SCHEMAS = REPO.parent / "shared" / "external" / "oparl-1.1"
SPEC = "https://schema.oparl.org/1.1/"
TYPES = sorted(p.stem for p in SCHEMAS.glob("*.json"))

FORMATS = FormatChecker(formats=())


@FORMATS.checks("url")
def _url(value: object) -> bool:
    parts = urlsplit(str(value))
    return parts.scheme in ("http", "https") and bool(parts.netloc)


@FORMATS.checks("date-time", raises=ValueError)
def _date_time(value: object) -> bool:
    return datetime.fromisoformat(str(value)).tzinfo is not None


@FORMATS.checks("date", raises=ValueError)
def _date(value: object) -> bool:
    return len(str(value)) == 10 and bool(date.fromisoformat(str(value)))


def _validators() -> dict[str, list[Validator]]:
    if not SCHEMAS.is_dir():
        pytest.skip("../shared/external/oparl-1.1 is not available")
    out: dict[str, list[Validator]] = {name: [] for name in TYPES}
    registry: Registry[Any] = Registry()
    draft7 = {}
    for name in TYPES:
        schema = json.loads((SCHEMAS / "draft-07-branch" / f"{name}.json").read_text())
        resource = Resource.from_contents(schema, default_specification=DRAFT7)
        # The branch's $ids lack ".json" while its $refs name files, so register both.
        registry = registry.with_resources(
            [(SPEC + name, resource), (SPEC + name + ".json", resource)]
        )
        draft7[name] = schema
    for name in TYPES:
        master = json.loads((SCHEMAS / f"{name}.json").read_text())
        cls = validators.validator_for(master, default=Draft4Validator)
        out[name].append(cls(master, format_checker=FORMATS))
        branch = draft7[name]
        cls = validators.validator_for(branch)
        out[name].append(cls(branch, registry=registry, format_checker=FORMATS))
    return out


def _objects(value: Any) -> Iterator[dict[str, Any]]:
    """Every OParl object in a file, embedded ones included."""
    if isinstance(value, dict):
        if str(value.get("type", "")).startswith(SPEC):
            yield value
        for child in value.values():
            yield from _objects(child)
    elif isinstance(value, list):
        for child in value:
            yield from _objects(child)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The OParl export of the real records."""
    return write_exports(REPO / "records", tmp_path_factory.mktemp("real"))


@pytest.fixture(scope="module")
def site_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The built test site, which has no html_baseurl."""
    return build(copy_root("test-site", tmp_path_factory.mktemp("t") / "site"))


def _check_all(root: Path) -> tuple[int, list[str]]:
    checks = _validators()
    errors: list[str] = []
    count = 0
    for path in sorted((root / "oparl").rglob("*.json")):
        for obj in _objects(json.loads(path.read_text(encoding="utf-8"))):
            name = obj["type"].removeprefix(SPEC)
            assert name in checks, f"{path}: unknown type {name}"
            count += 1
            for validator in checks[name]:
                errors.extend(f"{path}: {e.message}" for e in validator.iter_errors(obj))
    return count, errors


def test_every_object_is_valid_against_both_schema_sets(tree: Path) -> None:
    count, errors = _check_all(tree)
    assert errors == []
    # Every record became at least one object: the tree is not empty by accident.
    assert count > len(list((REPO / "records").rglob("*.yaml")))


def test_a_build_without_base_url_writes_a_valid_local_tree(site_build: Build) -> None:
    count, errors = _check_all(site_build.out)
    assert count > 0
    assert errors == []
    system = json.loads((site_build.out / "oparl" / "system.json").read_text(encoding="utf-8"))
    assert system["id"] == LOCAL_BASE + "oparl/system.json"
    # The build says how to set the address, without a warning that would fail -W builds.
    assert "html_baseurl" in site_build.app.status.getvalue()
    assert site_build.warnings == ""


def test_the_validators_reject_a_broken_object() -> None:
    checks = _validators()
    bad = {"id": "not a url", "type": SPEC + "Meeting", "start": "21. november 2023"}
    for validator in checks["Meeting"]:
        assert len(list(validator.iter_errors(bad))) == 2


def _resolve(root: Path, base: str, url: str) -> Any:
    assert url.startswith(base), url
    path = root / url.removeprefix(base)
    assert path.is_file(), f"{url} resolves to no file"
    return json.loads(path.read_text(encoding="utf-8"))


def test_a_client_walk_from_system_reaches_every_file(tree: Path) -> None:
    """Follow every URL the way an OParl client does; each has the type its schema names."""
    masters = {n: json.loads((SCHEMAS / f"{n}.json").read_text()) for n in TYPES}
    system = _resolve(tree, BASE, BASE + "oparl/system.json")
    seen: set[tuple[str, str]] = set()
    reached: set[str] = set()
    queue: list[tuple[str, str]] = [(system["id"], "System")]
    while queue:
        url, expected = queue.pop()
        if (url, expected) in seen:
            continue
        seen.add((url, expected))
        data = _resolve(tree, BASE, url)
        reached.add(url.removeprefix(BASE))
        if expected.startswith("list:"):
            assert set(data) == {"data", "pagination", "links"}, url
            assert data["pagination"]["totalElements"] >= len(data["data"])
            queue.extend((link, expected) for link in data["links"].values())
            found = list(data["data"])
            expected = expected.removeprefix("list:")
        else:
            found = [data]
        for obj in found:
            assert obj["type"] == SPEC + expected, url
            for embedded in _objects(obj):
                name = embedded["type"].removeprefix(SPEC)
                assert _resolve(tree, BASE, embedded["id"]) == embedded
                reached.add(embedded["id"].removeprefix(BASE))
                queue.extend(_references(embedded, masters[name]))
    files = {str(p.relative_to(tree)) for p in (tree / "oparl").rglob("*.json")}
    assert files - reached == set()


def _references(obj: dict[str, Any], schema: dict[str, Any]) -> Iterator[tuple[str, str]]:
    for key, spec in schema["properties"].items():
        target = spec.get("references")
        value = obj.get(key)
        if target is None or value is None or not isinstance(value, str | list):
            continue
        if target == "externalList":
            yield value, "list:" + spec["items"]["schema"].removesuffix(".json")
        elif isinstance(value, list):
            yield from ((v, target) for v in value if isinstance(v, str))
        else:
            yield value, target
