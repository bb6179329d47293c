"""A DCAT-AP catalogue of every dataset and distribution, as the Danish data portals read it."""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from kkr.exports.context import ExportContext
from kkr.exports.license import statement

if TYPE_CHECKING:  # the bundle imports this module to make the catalogue
    from kkr.exports.bundle import Download

PATH = "data/catalog.jsonld"
DATA_PAGE = "docs/data.html"
EU = "http://publications.europa.eu/resource/authority/"
IANA = "http://www.iana.org/assignments/media-types/"
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}
# By the file's ending: the IANA media type, and the EU file type where that list has one
# (it has none for SQLite, so that distribution gives only its media type).
FORMATS = {
    ".csv": ("text/csv", "CSV"),
    ".json": ("application/json", "JSON"),
    ".jsonld": ("application/ld+json", "JSON_LD"),
    ".ics": ("text/calendar", "ICS"),
    ".xml": ("application/atom+xml", "ATOM"),
    ".db": ("application/vnd.sqlite3", ""),
}


def _da(text: str) -> dict[str, str]:
    return {"@value": text, "@language": "da"}


def _concept(scheme: str, code: str, kind: str) -> dict[str, Any]:
    # The controlled vocabularies' own statement that the code is theirs, which the DCAT-AP
    # shapes check; the catalogue carries it because the EU URIs do not dereference to RDF.
    return {"@id": f"{EU}{scheme}/{code}", "@type": kind, "skos:inScheme": {"@id": EU + scheme}}


# The EU data theme "Government and public sector", with its label in the EU's own words.
THEME = {
    **_concept("data-theme", "GOVE", "skos:Concept"),
    "skos:prefLabel": {"@value": "Government and public sector", "@language": "en"},
}


# The area the council covers lies in Denmark; the EU country list is the vocabulary portals read.
DENMARK = _concept("country", "DNK", "dct:Location")
TAXONOMY = {
    "@id": EU + "data-theme",
    "@type": "skos:ConceptScheme",
    "dct:title": {"@value": "Data theme", "@language": "en"},
}
KEYWORDS = [_da("KKR Syddanmark"), _da("kommuner"), _da("politiske møder")]


def _period(ctx: ExportContext) -> dict[str, Any] | None:
    """From the first to the last meeting the records hold, which is what the data covers."""
    days = sorted(m.date for m in ctx.meetings())
    if not days:
        return None
    return {
        "@type": "dct:PeriodOfTime",
        "dcat:startDate": {"@value": days[0].isoformat(), "@type": "xsd:date"},
        "dcat:endDate": {"@value": days[-1].isoformat(), "@type": "xsd:date"},
    }


def _slug(path: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.lower()).strip("-")


def _terms(ctx: ExportContext) -> dict[str, Any]:
    """The licence, or the plain statement that none has been chosen."""
    if ctx.license:
        return {"dct:license": {"@id": ctx.license.url, "@type": "dct:LicenseDocument"}}
    return {"dct:rights": {"@type": "dct:RightsStatement", "dct:description": _da(statement(None))}}


def _distribution(ctx: ExportContext, item: Download) -> dict[str, Any]:
    ending = "." + item.path.rsplit(".", 1)[-1] if "." in item.path.rsplit("/", 1)[-1] else ""
    media, file_type = FORMATS.get(ending, ("", ""))
    many = item.files > 1 or item.path.endswith("/")
    access = ctx.url(item.page + ".html") if item.page else ctx.url(item.path)
    out: dict[str, Any] = {
        "@id": f"{ctx.url(PATH)}#{_slug(item.path)}-fil",
        "@type": "dcat:Distribution",
        "dct:title": _da(item.title),
        "dct:description": _da(item.description),
        "dcat:accessURL": {"@id": access},
    }
    if not many:
        out["dcat:downloadURL"] = {"@id": ctx.url(item.path)}
        out["dcat:byteSize"] = {"@value": str(item.size), "@type": "xsd:decimal"}
    if media:
        out["dcat:mediaType"] = {"@id": IANA + media, "@type": "dct:MediaType"}
    if file_type:
        out["dct:format"] = _concept("file-type", file_type, "dct:MediaTypeOrExtent")
    out.update(_terms(ctx))
    return out


def catalog(ctx: ExportContext, downloads: list[Download]) -> dict[str, Any]:
    """The catalogue as JSON-LD: one dataset per entry of the Data page, each with its file."""
    publisher = {
        "@id": ctx.url(PATH) + "#udgiver",
        "@type": "foaf:Agent",
        "foaf:name": _da("KKR Syddanmark"),
    }
    contact = {
        "@id": ctx.url(PATH) + "#kontakt",
        "@type": ["vcard:Kind", "vcard:Organization"],
        "vcard:fn": "KKR Syddanmark",
        "vcard:hasURL": {"@id": ctx.front_url},
    }
    language = _concept("language", "DAN", "dct:LinguisticSystem")
    modified = {"@value": ctx.stamp.date().isoformat(), "@type": "xsd:date"}
    period = _period(ctx)
    covers = {"dct:temporal": period} if period else {}
    datasets = [
        {
            "@id": f"{ctx.url(PATH)}#{_slug(item.path)}",
            "@type": "dcat:Dataset",
            "dct:title": _da(item.title),
            "dct:description": _da(item.description),
            "dct:publisher": publisher,
            "dcat:contactPoint": contact,
            "dcat:landingPage": {"@id": ctx.url(DATA_PAGE), "@type": "foaf:Document"},
            "dcat:theme": THEME,
            "dcat:keyword": KEYWORDS,
            "dct:spatial": DENMARK,
            **covers,
            "dct:language": language,
            "dct:modified": modified,
            "dcat:distribution": [_distribution(ctx, item)],
        }
        for item in downloads
    ]
    return {
        "@context": CONTEXT,
        "@id": ctx.url(PATH),
        "@type": "dcat:Catalog",
        "dct:title": _da("KKR Syddanmark – åbne data"),
        "dct:description": _da(
            "Møder, dagsordener, referater, personer, organisationer, aftaler og det politiske "
            "arbejdsgrundlag for KKR Syddanmark, bygget af de samme poster som vidensbasen. "
            + statement(ctx.license)
        ),
        "dct:publisher": publisher,
        "foaf:homepage": {"@id": ctx.front_url, "@type": "foaf:Document"},
        "dct:language": language,
        "dct:spatial": DENMARK,
        "dct:modified": modified,
        "dcat:themeTaxonomy": TAXONOMY,
        **_terms(ctx),
        "dcat:dataset": datasets,
    }


def export(ctx: ExportContext, downloads: list[Download]) -> dict[str, bytes]:
    """data/catalog.jsonld, keyed by its path."""
    text = json.dumps(catalog(ctx, downloads), ensure_ascii=False, indent=1) + "\n"
    return {PATH: text.encode("utf-8")}
