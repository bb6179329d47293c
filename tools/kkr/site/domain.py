"""The kkr domain: objects for every record, cross-reference roles and the page directive."""

from __future__ import annotations

import copy
from collections.abc import Iterable, Iterator, Set
from typing import Any

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.builders import Builder
from sphinx.domains import Domain, ObjType
from sphinx.environment import BuildEnvironment
from sphinx.roles import XRefRole
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import make_refnode

from kkr.checks.roles import ROLES
from kkr.site.blocks import fingerprint
from kkr.site.render import Renderer

logger = logging.getLogger(__name__)


class KkrDomain(Domain):
    """Objects and roles for the records of KKR Syddanmark."""

    name = "kkr"
    label = "KKR Syddanmark"
    object_types = {  # noqa: RUF012 - Sphinx reads these class attributes
        "meeting": ObjType("møde", "meeting"),
        "item": ObjType("punkt", "item"),
        "case": ObjType("sag", "case"),
        "person": ObjType("person", "person"),
        "organization": ObjType("organisation", "org"),
        "contract": ObjType("aftale", "contract"),
        "commitment": ObjType("målsætning", "commitment"),
        "topic": ObjType("emne", "topic"),
        "matter": ObjType("forløb", "matter"),
        "workplan": ObjType("arbejdsgrundlag", "workplan"),
    }
    roles = {role: XRefRole(warn_dangling=True) for role in ROLES}  # noqa: RUF012
    initial_data: dict[str, Any] = {"objects": {}, "views": {}, "by_doc": {}}  # noqa: RUF012
    data_version = 2

    # Page models of the current build, built only when a page is read; never pickled.
    site_views: dict[str, dict[str, Any]] | None = None
    # The snapshot key of this build's records, code and settings (site/cache.py).
    site_key: str = ""
    # Fingerprint of every page model, known at builder-inited.
    site_prints: dict[str, str]
    # Hand-written pages of the menu (kkr_menu) that exist.
    site_menu: list[str]
    # The folder of the generated pages (kkr_pages).
    site_prefix: str = ""
    site_trails: dict[str, dict[str, Any]]
    site_search: dict[str, list[tuple[str, str]]]

    @property
    def objects(self) -> dict[str, tuple[str, str, str, str]]:
        """ "type:name" -> (docname, anchor, label, type)."""
        result: dict[str, tuple[str, str, str, str]] = self.data["objects"]
        return result

    @property
    def views(self) -> dict[str, dict[str, str]]:
        """docname -> {view key: fingerprint the page was read with}."""
        result: dict[str, dict[str, str]] = self.data["views"]
        return result

    @property
    def by_doc(self) -> dict[str, list[str]]:
        """docname -> the "type:name" keys it defined, so clearing a page is not a full scan."""
        result: dict[str, list[str]] = self.data["by_doc"]
        return result

    def note_object(
        self, objtype: str, name: str, anchor: str, label: str, node: nodes.Node
    ) -> None:
        """Register an object; a second definition is a located warning."""
        key = f"{objtype}:{name}"
        if key in self.objects and self.objects[key][0] != self.env.docname:
            logger.warning(
                "duplicate kkr %s %r, also defined in %s",
                objtype,
                name,
                self.objects[key][0],
                location=node,
            )
        self.objects[key] = (self.env.docname, anchor, label, objtype)
        self.by_doc.setdefault(self.env.docname, []).append(key)

    def clear_doc(self, docname: str) -> None:
        """Forget what ``docname`` defined."""
        # A scan of every object for each page read made a full build quadratic (1.5 s at L).
        for key in self.by_doc.pop(docname, []):
            if self.objects.get(key, ("",))[0] == docname:
                del self.objects[key]
        self.views.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the objects and views of ``docnames`` from a parallel reader."""
        for key, value in otherdata["objects"].items():
            if value[0] in docnames:
                self.objects[key] = value
        for docname, keys in otherdata["by_doc"].items():
            if docname in docnames:
                self.by_doc[docname] = keys
        for docname, prints in otherdata["views"].items():
            if docname in docnames:
                self.views[docname] = prints

    def _find(self, objtype: str, target: str) -> tuple[str, str, str, str] | None:
        if objtype == "case":
            target = target.upper()
        return self.objects.get(f"{objtype}:{target}")

    def resolve_xref(  # noqa: PLR0917 - the signature is Sphinx's
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> nodes.Element | None:
        """Resolve a kkr role; None makes Sphinx report it as unresolved."""
        if typ == "lines":
            # "arkiv/kilder/<stem>#L272-L274": the lines of a source document's page.
            docname, _sep, anchor = target.partition("#")
            if docname not in env.all_docs:
                return None
            return make_refnode(builder, fromdocname, docname, anchor, contnode)
        found = self._find(ROLES.get(typ, typ), target)
        if found is None:
            return None
        docname, anchor, label, _ = found
        if not node.get("refexplicit"):
            contnode = nodes.inline(label, label)
        if docname == fromdocname and not anchor:
            # A link to the page itself would be href="#", a jump to the top: plain text instead.
            return contnode
        return make_refnode(builder, fromdocname, docname, anchor, contnode, label)

    def resolve_any_xref(  # noqa: PLR0917 - the signature is Sphinx's
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Resolve an ``any`` reference against every object type."""
        out: list[tuple[str, nodes.reference]] = []
        for role, objtype in ROLES.items():
            found = self._find(objtype, target)
            if found is not None:
                docname, anchor, label, _ = found
                out.append(
                    (
                        f"kkr:{role}",
                        make_refnode(builder, fromdocname, docname, anchor, contnode, label),
                    )
                )
        return out

    def get_objects(self) -> Iterator[tuple[str, str, str, str, str, int]]:
        """Every object, for objects.inv and the search index, in a stable order."""
        for key in sorted(self.objects):
            docname, anchor, label, objtype = self.objects[key]
            yield key.split(":", 1)[1], label, objtype, docname, anchor, 1

    def get_full_qualified_name(self, node: nodes.Element) -> str | None:
        """The target of a kkr reference."""
        target = node.get("reftarget")
        return str(target) if target else None


class ViewDirective(SphinxDirective):
    """``{kkr:view} KEY`` renders the page model KEY built from the records."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        """Render the page model and remember its fingerprint for env-get-outdated."""
        domain = self.env.domains["kkr"]
        assert isinstance(domain, KkrDomain)
        key = self.arguments[0]
        views = domain.site_views or {}
        if key not in views:
            logger.warning("no kkr page model named %r", key, location=self.get_location())
            return []
        domain.views.setdefault(self.env.docname, {})[key] = domain.site_prints[key]

        def register(objtype: str, name: str, anchor: str, label: str) -> None:
            domain.note_object(objtype, name, anchor, label, self.state.document)

        def warn(message: str, source: str, line: int) -> None:
            where = nodes.Element()
            where.source, where.line = source, line
            logger.warning(message, location=where, type="kkr", subtype="text")

        if self.env.docname.startswith(domain.site_prefix + "/"):
            # A generated page holds only record text, which carries its own typographic
            # quotes: smart quotes (13% of a build) need not run. This document's settings
            # are a copy, so hand-written pages keep them.
            document = self.state.document
            document.settings = copy.copy(document.settings)
            document.settings.smart_quotes = False
        where = self.get_source_info()
        renderer = Renderer(self.env.docname, register, warn, (str(where[0]), where[1] or 0))
        return renderer.blocks(views[key]["blocks"])


KkrDomain.directives = {"view": ViewDirective}


def outdated(domain: KkrDomain, removed: Iterable[str]) -> list[str]:
    """Docnames whose page model changed since they were last read."""
    gone = set(removed)
    current = getattr(domain, "site_prints", {})
    return sorted(
        docname
        for docname, prints in domain.views.items()
        if docname not in gone and any(current.get(key) != value for key, value in prints.items())
    )


__all__ = ["ROLES", "KkrDomain", "ViewDirective", "fingerprint", "outdated"]
