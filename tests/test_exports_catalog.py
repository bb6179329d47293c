"""The DCAT-AP catalogue against the official SHACL shapes, and the licence in every export."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import feedparser
import pytest
from conftest import build, copy_root
from exports_support import BASE, REPO, write_exports
from frictionless import Package
from kkr.checks.corpus import load_corpus
from kkr.exports.bundle import bundle
from kkr.exports.catalog import PATH
from kkr.exports.context import ExportContext
from kkr.exports.license import NONE_CHOSEN, DataLicense
from pyshacl import validate
from rdflib import Graph
from rdflib.namespace import SH
from sphinx.errors import ConfigError

# rdflib's own JSON-LD parser still uses its deprecated ConjunctiveGraph.
pytestmark = pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated")
SHAPES = Path(__file__).parent / "data" / "dcat-ap-2.1.1"
CC_BY = DataLicense(
    "CC-BY-4.0", "Creative Commons Navngivelse 4.0", "https://creativecommons.org/licenses/by/4.0/"
)


def _shapes() -> Graph:
    graph = Graph()
    for path in sorted(SHAPES.glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _violations(catalog: bytes) -> list[str]:
    data = Graph().parse(data=catalog, format="json-ld")
    # Warnings (the recommended properties) do not fail; every mandatory rule and range does.
    _conforms, report, _text = validate(data, shacl_graph=_shapes(), allow_warnings=True)
    assert isinstance(report, Graph)
    out = []
    # Only the report's own results: a rule of severity Warning may nest stricter details.
    for result in report.objects(None, SH.result):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        path = report.value(result, SH.resultPath)
        focus = report.value(result, SH.focusNode)
        out.append(f"{focus} {path}: {report.value(result, SH.resultMessage)}")
    return sorted(out)


def _bundle(license: DataLicense | None) -> dict[str, bytes]:
    corpus = load_corpus(REPO / "records")
    return bundle(ExportContext.create(corpus, BASE, "arkiv", license=license)).files


@pytest.fixture(scope="module", params=[None, CC_BY], ids=["no-licence", "cc-by"])
def files(request: pytest.FixtureRequest) -> dict[str, bytes]:
    return _bundle(request.param)


def test_the_catalogue_passes_the_dcat_ap_shapes(files: dict[str, bytes]) -> None:
    assert _violations(files[PATH]) == []


def test_the_shapes_catch_a_dataset_without_a_title(files: dict[str, bytes]) -> None:
    catalog = json.loads(files[PATH])
    del catalog["dcat:dataset"][0]["dct:title"]
    found = _violations(json.dumps(catalog).encode())
    assert len(found) == 1 and "title" in found[0]


def test_every_download_is_a_dataset_with_its_file() -> None:
    found = bundle(ExportContext.create(load_corpus(REPO / "records"), BASE, "arkiv"))
    catalog = json.loads(found.files[PATH])
    files = [d["dcat:distribution"][0] for d in catalog["dcat:dataset"]]
    listed = [item for item in found.downloads if item.path != PATH]
    assert [f["dct:title"]["@value"] for f in files] == [item.title for item in listed]
    for item, file in zip(listed, files, strict=True):
        if "dcat:downloadURL" in file:
            assert file["dcat:downloadURL"]["@id"] == BASE + item.path
            assert int(file["dcat:byteSize"]["@value"]) == len(found.files[item.path])
        else:
            assert file["dcat:accessURL"]["@id"].startswith(BASE + (item.page or item.path))


def _said(files: dict[str, bytes]) -> dict[str, Any]:
    package = json.loads(files["data/datapackage.json"])
    system = json.loads(files["oparl/system.json"])
    feed = feedparser.parse(files["feeds/dagsordener-og-referater.xml"])
    catalog = json.loads(files[PATH])
    return {"package": package, "system": system, "feed": feed.feed, "catalog": catalog}


def test_no_licence_is_said_plainly_everywhere() -> None:
    said = _said(_bundle(None))
    assert "licenses" not in said["package"] and said["package"]["description"] == NONE_CHOSEN
    assert "license" not in said["system"] and said["system"]["kkr:license"] == NONE_CHOSEN
    assert said["feed"]["rights"] == NONE_CHOSEN
    for dataset in said["catalog"]["dcat:dataset"]:
        rights = dataset["dcat:distribution"][0]["dct:rights"]
        assert rights["dct:description"]["@value"] == NONE_CHOSEN


def test_a_licence_set_in_conf_reaches_every_export(tmp_path: Path) -> None:
    files = _bundle(CC_BY)
    said = _said(files)
    assert said["package"]["licenses"] == [
        {"name": "CC-BY-4.0", "path": CC_BY.url, "title": CC_BY.title}
    ]
    assert said["system"]["license"] == CC_BY.url
    assert CC_BY.url in said["feed"]["rights"]
    for dataset in said["catalog"]["dcat:dataset"]:
        assert dataset["dcat:distribution"][0]["dct:license"]["@id"] == CC_BY.url
    out = write_exports(REPO / "records", tmp_path)
    (out / "data/datapackage.json").write_bytes(files["data/datapackage.json"])
    assert Package(str(out / "data/datapackage.json")).licenses[0]["name"] == "CC-BY-4.0"


def test_the_data_page_states_the_setting(tmp_path: Path) -> None:
    site = copy_root("test-site", tmp_path / "site")
    (site / "docs" / "licens.md").write_text(
        "# Licens\n\n```{kkr-license}\n```\n", encoding="utf-8"
    )
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8").replace('("docs/om",)', '("docs/om", "docs/licens")'),
        encoding="utf-8",
    )
    page = build(site, fresh=True).out / "docs" / "licens.html"
    assert NONE_CHOSEN.split(".")[0] in page.read_text(encoding="utf-8")
    conf.write_text(
        conf.read_text(encoding="utf-8") + f"\nkkr_data_license = {CC_BY.__dict__!r}\n",
        encoding="utf-8",
    )
    html = build(site, fresh=True).out.joinpath("docs", "licens.html").read_text(encoding="utf-8")
    assert f'href="{CC_BY.url}"' in html and CC_BY.title in html


def test_a_malformed_licence_setting_stops_with_its_valid_form(tmp_path: Path) -> None:
    site = copy_root("test-site", tmp_path / "site")
    conf = site / "conf.py"
    conf.write_text(
        conf.read_text(encoding="utf-8") + "\nkkr_data_license = {'url': 'cc-by'}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError, match=re.escape("kkr_data_license = {'name': 'CC-BY-4.0'")):
        build(site, fresh=True)
