"""What validates, builds: every validator case without errors builds as a site."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOTS, build, copy_root
from kkr.checks.corpus import load_corpus
from kkr.checks.records import RESERVED_AREA_IDS, RESERVED_IDS
from kkr.site import paths
from kkr.site.dates import build_day
from kkr.site.views.site import all_views
from pydantic import BaseModel, ValidationError

from schema.registry import KINDS

pytestmark = pytest.mark.sphinx

CASES = Path(__file__).parent / "cases"
PASSING = sorted(
    case
    for case in CASES.iterdir()
    if " error[" not in (case / "expected.txt").read_text(encoding="utf-8")
)


def test_some_cases_pass() -> None:
    assert len(PASSING) >= 3, PASSING


@pytest.mark.parametrize("case", PASSING, ids=[c.name for c in PASSING])
def test_a_case_that_validates_builds(case: Path, tmp_path: Path) -> None:
    src = copy_root("case-site", tmp_path / "site")
    shutil.copytree(case / "records", src / "records", symlinks=True)
    result = build(src, fresh=True)
    expected = (case / "expected.txt").read_text(encoding="utf-8").splitlines()
    # The validator's own warnings come through as warnings; nothing else may.
    others = [
        line
        for line in result.warnings.splitlines()
        if line.strip() and not any(want.split(": ", 2)[1] in line for want in expected)
    ]
    assert others == []
    assert (result.out / "docs" / "index.html").is_file()


def test_every_generated_page_name_is_an_id_no_record_can_have() -> None:
    """A page the site makes in a kind's folder (a list, a year) can never be a record's."""
    corpus = load_corpus(ROOTS / "test-site" / "records")
    kinds = {kind.name: kind for kind in KINDS.values()}
    folders = {folder: kind for kind, folder in paths.DIRS.items()}
    records = {
        paths.page("arkiv", kind, entry.record.id)
        for kind in kinds
        if kind in paths.DIRS
        for entry in corpus.entries(kind)
    }
    generated = [
        docname.split("/")
        for docname in all_views(corpus, "arkiv", [], build_day())
        if docname not in records and docname.count("/") == 2
    ]
    assert generated, "the test site generates no list pages"
    for _prefix, folder, name in generated:
        kind = kinds.get(folders.get(folder, ""))
        if kind is None:  # sager: case numbers, not records
            continue
        assert name in RESERVED_IDS or _id_rejected(kind.model, name), (folder, name)


def test_every_page_beside_a_work_plans_areas_is_an_area_id_no_area_can_have() -> None:
    corpus = load_corpus(ROOTS / "test-site" / "records")
    plans = corpus.entries("workplan")
    assert plans, "the test site has no work plan"
    areas = {
        paths.area_page("arkiv", plan.record.id, area.id)
        for plan in plans
        for area in plan.record.areas  # type: ignore[attr-defined]
    }
    beside = {
        docname.rsplit("/", 1)[1]
        for docname in all_views(corpus, "arkiv", [], build_day())
        for plan in plans
        if docname.startswith(paths.page("arkiv", "workplan", plan.record.id) + "/")
        and docname not in areas
    }
    assert beside, "the test site generates no page beside the areas"
    assert beside <= RESERVED_AREA_IDS


def _id_rejected(model: type[BaseModel], record_id: str) -> bool:
    try:
        model.model_validate({"id": record_id}, strict=True)
    except ValidationError as exc:
        return any(error["loc"] == ("id",) for error in exc.errors())
    return False
