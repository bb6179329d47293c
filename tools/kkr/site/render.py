"""Turns page models (blocks.py) into docutils nodes; every record string becomes a text node."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from sphinx import addnodes

from kkr.site import mdrender
from kkr.site.blocks import Block, Inline
from kkr.site.safety import safe_uri

Register = Callable[[str, str, str, str], None]
Warn = Callable[[str, str, int], None]


class search_form(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """The front page's search box."""


class source_lines(nodes.General, nodes.Element):  # type: ignore[misc]  # noqa: N801
    """A source document's numbered lines (kkr.site.sourcepage writes them, escaped)."""


class Renderer:
    """Renders the blocks of one page."""

    def __init__(
        self, docname: str, register: Register, warn: Warn, where: tuple[str, int] = ("", 0)
    ) -> None:
        self.docname = docname
        # Titles and field names carry the page's source and line: Sphinx patches those that
        # lack them one by one (ApplySourceWorkaround), logging each node as XML.
        self.source, self.line = where
        self.register = register
        self.warn = warn
        self.ids: set[str] = set()
        self.depth = 0

    def blocks(self, blocks: list[Block]) -> list[nodes.Node]:
        """Render a list of blocks."""
        out: list[nodes.Node] = []
        for block in blocks:
            out.extend(getattr(self, "_" + block["t"])(block))
        return out

    def inline(self, parts: Inline) -> list[nodes.Node]:
        """Render inline content."""
        out: list[nodes.Node] = []
        for part in parts:
            if isinstance(part, str):
                out.append(nodes.Text(part))
            elif "ref" in part:
                out.append(self._xref("kkr", part["ref"], part["id"], part["text"]))
            elif "doc" in part:
                out.append(self._xref("std", "doc", "/" + part["doc"], part["text"]))
            elif "lines" in part:
                # A range of a source document's page, e.g. arkiv/kilder/x#L272-L274.
                out.append(self._xref("kkr", "lines", part["lines"], part["text"]))
            elif "file" in part:
                # A file published beside the page (a source document); its name is checked.
                text = nodes.Text(part["text"])
                out.append(
                    nodes.reference("", "", text, refuri=part["file"], classes=["kkr-download"])
                    if safe_uri(part["file"]) and "/" not in part["file"]
                    else text
                )
            elif "url" in part:
                text = nodes.Text(part["text"])
                out.append(
                    nodes.reference("", "", text, refuri=part["url"])
                    if safe_uri(part["url"])
                    else text
                )
            elif "b" in part:
                out.append(nodes.strong(part["b"], part["b"]))
        return out

    def _xref(self, domain: str, kind: str, target: str, text: str) -> nodes.Node:
        return addnodes.pending_xref(
            "",
            nodes.inline(text, text),
            refdomain=domain,
            reftype=kind,
            reftarget=target,
            refexplicit=True,
            refwarn=True,
            refdoc=self.docname,
        )

    def _unique(self, wanted: str) -> str:
        base = nodes.make_id(wanted) or "afsnit"
        candidate, number = base, 1
        while candidate in self.ids:
            number += 1
            candidate = f"{base}-{number}"
        self.ids.add(candidate)
        return candidate

    def _section(self, block: Block) -> list[nodes.Node]:
        title_text = "".join(
            p if isinstance(p, str) else p.get("text", p.get("b", "")) for p in block["title"]
        )
        anchor = self._unique(block["anchor"] or title_text)
        node = nodes.section(ids=[anchor], names=[], classes=block["classes"])
        title = nodes.title("", "", *self.inline(block["title"]))
        title.source, title.line = self.source, self.line
        node += title
        if block["obj"]:
            objtype, name = block["obj"]
            # The page's own object links to the page; nested ones to their anchor.
            self.register(objtype, name, anchor if self.depth else "", title_text)
        self.depth += 1
        node.extend(self.blocks(block["body"]))
        self.depth -= 1
        return [node]

    def _p(self, block: Block) -> list[nodes.Node]:
        return [nodes.paragraph("", "", *self.inline(block["c"]), classes=block.get("classes", []))]

    def _dl(self, block: Block) -> list[nodes.Node]:
        if not block["rows"]:
            return []
        fields = nodes.field_list(classes=["kkr-fields"])
        for label, value in block["rows"]:
            body = nodes.field_body("", nodes.paragraph("", "", *self.inline(value)))
            name = nodes.field_name(label, label)
            name.source, name.line = self.source, self.line
            fields += nodes.field("", name, body)
        return [fields]

    def _list(self, node: nodes.Element, items: list[Inline]) -> list[nodes.Node]:
        for item in items:
            node += nodes.list_item("", nodes.paragraph("", "", *self.inline(item)))
        return [node] if items else []

    def _ul(self, block: Block) -> list[nodes.Node]:
        return self._list(nodes.bullet_list(bullet="*"), block["items"])

    def _ol(self, block: Block) -> list[nodes.Node]:
        return self._list(
            nodes.enumerated_list(enumtype="arabic", prefix="", suffix="."), block["items"]
        )

    def _md(self, block: Block) -> list[nodes.Node]:
        source, line = block["where"]

        def warn(message: str, at: int) -> None:
            self.warn(message, source, at)

        return mdrender.render(block["text"], source, line, block["tables"], warn)

    def _table(self, block: Block) -> list[nodes.Node]:
        columns: list[str] = block["columns"]
        table = nodes.table(classes=["kkr-table"])
        if block["caption"]:
            caption = nodes.title(text=block["caption"])
            caption.source, caption.line = self.source, self.line
            table += caption
        group = nodes.tgroup(cols=len(columns))
        table += group
        group.extend(nodes.colspec(colwidth=1) for _ in columns)
        group += nodes.thead("", self._row([[c] for c in columns]))
        group += nodes.tbody("", *(self._row(row) for row in block["rows"]))
        return [table]

    def _row(self, cells: list[Inline]) -> nodes.row:
        return nodes.row(
            "", *(nodes.entry("", nodes.paragraph("", "", *self.inline(c))) for c in cells)
        )

    def _box(self, block: Block) -> list[nodes.Node]:
        node = nodes.admonition(classes=["kkr-" + block["kind"], "important"])
        title = nodes.title(block["title"], block["title"])
        title.source, title.line = self.source, self.line
        node += title
        node.extend(self.blocks(block["body"]))
        return [node]

    def _toctree(self, block: Block) -> list[nodes.Node]:
        tree = addnodes.toctree()
        tree["parent"] = self.docname
        tree["entries"] = [(None, name) for name in block["entries"]]
        tree["includefiles"] = list(block["entries"])
        tree["maxdepth"] = 1
        tree["caption"] = block["caption"]
        tree["glob"] = False
        tree["hidden"] = block["hidden"]
        tree["includehidden"] = False
        tree["numbered"] = 0
        tree["titlesonly"] = True
        return [nodes.compound("", tree, classes=["toctree-wrapper"])]

    def _lines(self, block: Block) -> list[nodes.Node]:
        node = source_lines()
        node["lines"] = block["lines"]
        node["ranges"] = block["ranges"]
        return [node]

    def _search(self, block: dict[str, Any]) -> list[nodes.Node]:
        return [search_form()]
