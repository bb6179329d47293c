"""Reading a Word (DOCX) document: paragraphs by style and formatting, and Word tables."""

from __future__ import annotations

import re
from pathlib import Path

import docx
from docx.oxml.parser import parse_xml
from docx.table import Table
from docx.text.paragraph import Paragraph

from kkr.extraction.layout import BULLETS
from kkr.i18n import N_, _

# A contents line as Word stores it: the title, a tab (the dot leader is formatting), the page.
# Word's own contents field writes "1.1.<tab>Title<tab>Page".
_TOC = re.compile(r"^(\S.{0,400}?)\t+(\d{1,4})$")
_ASIDES = {
    "footnotes.xml": ("//w:footnote[not(@w:type)]", N_("footnote(s)")),
    "endnotes.xml": ("//w:endnote[not(@w:type)]", N_("endnote(s)")),
    "comments.xml": ("//w:comment", N_("comment(s)")),
}
_STRAY = re.compile("[\u00ad\u200b]")
_HYPHENS = str.maketrans({"\u2011": "-", "\u2010": "-"})


def read_docx(path: Path) -> tuple[str, list[str]]:
    """The import's text of the document body, and notes on text it did not read.

    The header and footer parts are left out on purpose; text boxes, footnotes and comments
    are not part of the body either, so a note names how many there are.
    """
    document = docx.Document(str(path))
    out: list[str] = []
    notes: list[str] = []
    boxes = document.element.body.xpath(".//w:txbxContent//w:p[.//w:t]")
    if boxes:
        notes.append(
            _("{count} paragraph(s) in text boxes were not read; move their text into the "
              "document itself if the record needs it").format(count=len(boxes))
        )  # fmt: skip
    for part in document.part.package.iter_parts():
        name = str(part.partname).rsplit("/", 1)[-1]
        if name not in _ASIDES:
            continue
        # Word writes separator footnotes into every document; only real ones have no type.
        # python-docx's own parser, which resolves no entities, as for the body.
        query, kind = _ASIDES[name]
        found = parse_xml(part.blob).xpath(query)
        if found:
            notes.append(_("{count} {kind} were not read").format(count=len(found), kind=_(kind)))
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            rows = _rows(block)
            if rows:
                out.append("\n".join(rows))
        else:
            text = _paragraph(block)
            if text:
                out.append(text)
    return "\n\n".join(out) + "\n", notes


def _paragraph(paragraph: Paragraph) -> str:
    raw = _STRAY.sub("", paragraph.text).translate(_HYPHENS).replace("\n", " ")
    raw = raw.replace("\v", " ")
    toc = _TOC.match(raw.strip())
    if toc is not None:
        return f"{' '.join(toc.group(1).split())}\t{toc.group(2)}"
    text = " ".join(raw.split())
    if not text:
        return ""
    if _listed(paragraph):
        if text[:1] in BULLETS and text[1:2] == " ":
            text = text[2:]
        return "  " * _level(paragraph) + "- " + text
    return text


def _listed(paragraph: Paragraph) -> bool:
    """Whether Word shows the paragraph as a list item (a list style or list numbering)."""
    style = paragraph.style.name if paragraph.style is not None else ""
    numbered = paragraph._p.pPr is not None and paragraph._p.pPr.numPr is not None
    return numbered or (style or "").lower().startswith(("list bullet", "list number"))


def _level(paragraph: Paragraph) -> int:
    """0 for a list item, 1 for one nested under it (list numbering level, or 'List Bullet 2')."""
    level = paragraph._p.xpath("./w:pPr/w:numPr/w:ilvl/@w:val")
    if level:
        return min(int(level[0]), 1)
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    return 1 if style.lower().rstrip().endswith((" 2", " 3", " 4")) else 0


def _rows(table: Table) -> list[str]:
    rows: list[str] = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue  # a merged cell is returned once per grid column it spans
            seen.add(id(cell._tc))
            cells.append(" ".join(_STRAY.sub("", cell.text).translate(_HYPHENS).split()))
        if any(cells):
            rows.append("\t".join(cells))
    return rows
