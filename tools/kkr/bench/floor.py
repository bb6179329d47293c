"""The plain-MyST floor: the site's pages, with the same content, as hand-written MyST files.

Sphinx parses these like any Markdown project, so the floor is what the same site costs
without the extension: cross-references become ``{ref}`` roles to labels, record text is
copied in with its kkr roles turned into ``{ref}`` roles too.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes

from kkr.site.blocks import Block, Inline
from kkr.site.domain import ROLES
from kkr.site.render import Renderer
from kkr.site.views.front import FRONT

CONF = """project = "KKR floor"
language = "da"
extensions = ["myst_parser"]
root_doc = "index"
exclude_patterns = ["_build", "records"]
html_theme = "furo"
html_use_index = False
myst_enable_extensions = ["fieldlist"]
suppress_warnings = ["myst.header", "toc.not_included", "ref.ref"]
"""
_ROLE = re.compile(r"\{kkr:(\w+)\}`([^`]*)`")
_TARGET = re.compile(r"^(?P<title>.*?)\s*<(?P<target>[^<>]+)>$", re.DOTALL)
Labels = dict[tuple[str, str], str]


def labels(views: dict[str, dict[str, Any]]) -> Labels:
    """(object type, id) -> label, with anchors computed exactly as the site does."""
    found: Labels = {}
    for docname, view in views.items():
        page = docname if "/" in docname else "index"

        def register(objtype: str, name: str, anchor: str, label: str, page: str = page) -> None:
            found[(objtype, name)] = nodes.make_id(f"{page}-{anchor or 'top'}")

        Renderer(page, register, lambda *args: None).blocks(view["blocks"])
    return found


def _plain(text: str) -> str:
    return text.replace("`", "'").replace("<", "‹").replace("\n", " ")


class _Writer:
    def __init__(self, docname: str, refs: Labels) -> None:
        self.docname = docname
        self.refs = refs
        self.depth = 0

    def inline(self, parts: Inline) -> str:
        out = []
        for part in parts:
            if isinstance(part, str):
                out.append(_plain(part))
            elif "ref" in part:
                label = self.refs.get((ROLES.get(part["ref"], part["ref"]), part["id"]))
                text = _plain(part["text"])
                out.append(f"{{ref}}`{text} <{label}>`" if label else text)
            elif "doc" in part:
                out.append(f"{{doc}}`{_plain(part['text'])} </{part['doc']}>`")
            elif "url" in part:
                out.append(f"[{_plain(part['text'])}]({part['url']})")
            elif "b" in part:
                out.append(f"**{_plain(part['b'])}**")
        return "".join(out)

    def markdown(self, text: str) -> str:
        def role(match: re.Match[str]) -> str:
            found = _TARGET.match(match.group(2))
            title, target = (found["title"], found["target"]) if found else (None, match.group(2))
            label = self.refs.get((ROLES.get(match.group(1), match.group(1)), target.strip()))
            if label is None:
                return title or target
            return f"{{ref}}`{title} <{label}>`" if title else f"{{ref}}`{label}`"

        return _ROLE.sub(role, text)

    def blocks(self, blocks: list[Block]) -> list[str]:
        out: list[str] = []
        for block in blocks:
            out.extend(getattr(self, "_" + block["t"])(block))
            out.append("")
        return out

    def _section(self, block: Block) -> list[str]:
        out: list[str] = []
        if block["obj"]:
            label = self.refs.get((block["obj"][0], block["obj"][1]))
            if label:
                out += [f"({label})=", ""]
        title = self.inline(block["title"]) or "Afsnit"
        out.append("#" * min(self.depth + 1, 6) + " " + title)
        out.append("")
        self.depth += 1
        out += self.blocks(block["body"])
        self.depth -= 1
        return out

    def _p(self, block: Block) -> list[str]:
        return [self.inline(block["c"])]

    def _dl(self, block: Block) -> list[str]:
        return [f":{_plain(label)}: {self.inline(value)}" for label, value in block["rows"]]

    def _ul(self, block: Block) -> list[str]:
        return [f"- {self.inline(item)}" for item in block["items"]]

    def _ol(self, block: Block) -> list[str]:
        return [f"1. {self.inline(item)}" for item in block["items"]]

    def _md(self, block: Block) -> list[str]:
        return [self.markdown(block["text"])]

    def _table(self, block: Block) -> list[str]:
        def row(cells: list[str]) -> str:
            return "| " + " | ".join(c.replace("|", "/") for c in cells) + " |"

        out = [row([_plain(c) for c in block["columns"]]), row(["---"] * len(block["columns"]))]
        return out + [row([self.inline(c) for c in cells]) for cells in block["rows"]]

    def _box(self, block: Block) -> list[str]:
        return [
            f"````{{admonition}} {_plain(block['title'])}",
            ":class: important",
            "",
            *self.blocks(block["body"]),
            "````",
        ]

    def _toctree(self, block: Block) -> list[str]:
        head = ["```{toctree}", ":maxdepth: 1", ":titlesonly:"]
        if block["hidden"]:
            head.append(":hidden:")
        if block["caption"]:
            head.append(f":caption: {block['caption']}")
        return [*head, "", *("/" + e for e in block["entries"]), "```"]

    def _search(self, block: Block) -> list[str]:
        return []


def write(site: Path, target: Path, views: dict[str, dict[str, Any]]) -> Path:
    """Write the floor project for ``views`` (built from ``site``) into ``target``."""
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    (target / "conf.py").write_text(CONF)
    refs = labels(views)
    # Hand-written pages are the same on both sides, their kkr roles made {ref} roles.
    for path in sorted((site / "docs").rglob("*.md")):
        copy = target / path.relative_to(site)
        copy.parent.mkdir(parents=True, exist_ok=True)
        text = _Writer(str(path), refs).markdown(path.read_text(encoding="utf-8"))
        copy.write_text(text, encoding="utf-8")
    for key, view in views.items():
        docname = "index" if key == FRONT else key
        writer = _Writer(docname, refs)
        text = "\n".join(writer.blocks(view["blocks"]))
        if view.get("orphan") and key != FRONT:
            text = "---\norphan: true\n---\n\n" + text
        path = target / f"{docname}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def edit_page(target: Path, docname: str, step: int) -> None:
    """Change one sentence of one page of the floor."""
    path = target / f"{docname}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("skrevet som i", f"skrevet ({step}) som i", 1), encoding="utf-8")
