"""The synthetic extraction corpus: each text original rendered as DOCX and as three kinds of PDF.

The originals in tests/data/extraction are invented test meetings. From each, this module writes
a Word file (python-docx, with a running header, a "Side N af M" footer, a dot-leader contents
page, a ruled table, bullets and soft hyphens), a PDF converted from it by LibreOffice, and a PDF
written directly with fpdf2 (its own justified, hyphenated line breaking, attachment markers in
the margin) and a PDF printed by Chromium from HTML (drawn bullets, its own header and footer),
then runs poppler's pdftotext on the first two PDFs, with and without -layout. Everything is
generated at test time from these files, so the corpus cannot drift from its script.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from html import escape
from pathlib import Path
from typing import Any

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph
from fpdf import FPDF

CORPUS = Path(__file__).resolve().parent / "data" / "extraction"
ORIGINALS = sorted(path.name for path in CORPUS.glob("*.txt"))
# Two real documents' text, rendered the same way: the shapes of KL's own agendas and minutes
# (long contents titles, sub-headings, tables, inline markers, participant lists) at full length.
REAL_DOCUMENTS = Path(__file__).resolve().parent.parent / "records" / "documents"
REAL = ("kkr-syddanmark-2021-06-09-dagsorden.txt", "kkr-syddanmark-2023-11-21-referat.txt")


def source(name: str) -> Path:
    """Where the text original ``name`` is kept."""
    return REAL_DOCUMENTS / name if name in REAL else CORPUS / name


FONTS = Path("/usr/share/fonts/truetype/dejavu")
PARTS = ("Baggrund", "Indstilling", "Sagsfremstilling", "Beslutning")
LISTS = ("Deltagerfortegnelse", "Deltagere", "Afbud")
_SECTION = re.compile(r"^\d+\. \S")
_ITEM = re.compile(r"^\d+\.\d+\. \S")
# Hyphenation points for the words the corpus breaks at line ends ("al-men" included on purpose:
# "men" alone is a word, so only the layout says the hyphen is a break).
# Breaks the direct PDF makes in a paragraph wherever the word falls (but first), so that the
# corpus holds them for certain: a word broken before "men", and names broken at their own hyphen.
_FORCED = {"almen": "al-", "KKR-sekretariatet": "KKR-", "EU-kontoret": "EU-"}
# The paragraph that a page break cuts in both PDFs, and the word the new page starts with.
PAGE_BREAK_BEFORE = "sammenføjningen"
_SYLLABLES = re.compile(
    r"([aeiouyæøå][bcdfghjklmnpqrstvwxz])(?=[bcdfghjklmnpqrstvwxz]?[aeiouyæøå])"
)


@dataclass
class Block:
    """One block of a text original: its kind and text (rows for a table)."""

    kind: str  # title, cover, toc, section, item, case, label, para, bullet, marker, table, person
    text: str = ""
    rows: list[list[str]] | None = None


def blocks(text: str) -> list[Block]:
    """Read a text original into blocks."""
    out: list[Block] = []
    body = False
    gap = True
    for line in text.split("\n"):
        if not line.strip():
            gap = True
            continue
        if "\t" in line and not body:
            out.append(Block("toc", line))
        elif "\t" in line:
            if out and out[-1].kind == "table" and out[-1].rows is not None:
                out[-1].rows.append(line.split("\t"))
            else:
                out.append(Block("table", rows=[line.split("\t")]))
        elif not out:
            out.append(Block("title", line))
        elif line.startswith(("KKR ", "Dato:", "Sted:")) and not body:
            out.append(Block("cover", line))
        elif _ITEM.match(line):
            out.append(Block("item", line))
        elif _SECTION.match(line):
            body = True
            out.append(Block("section", line))
        elif line.startswith("SAG-"):
            out.append(Block("case", line))
        elif line in PARTS or line in LISTS:
            body = body or line == "Deltagerfortegnelse"
            out.append(Block("label", line))
        elif line.startswith("- "):
            out.append(Block("bullet", line[2:]))
        elif line[:1] in " \t" and line.lstrip().startswith("- "):
            out.append(Block("bullet2", line.lstrip()[2:]))
        elif line == "./.":
            out.append(Block("marker", line))
        elif " (" in line and ") " in line and len(line) < 60:
            out.append(Block("person", line))
        elif out and out[-1].kind == "para" and not gap:
            out[-1].text += " " + line  # a paragraph's lines, as the text original breaks them
        else:
            out.append(Block("para", line))
        gap = False
    return out


def hyphenate(word: str) -> str:
    """``word`` with soft hyphens where it may break: vowel-consonant, then a vowel."""
    if len(word) < 7 or not word.isalpha() or not word.islower():
        return word if word != "almen" else "al\u00admen"
    return _SYLLABLES.sub(lambda m: m.group(1) + "\u00ad", word[:-3]) + word[-3:]


def soft(text: str) -> str:
    """A paragraph with soft hyphens in its long words, for the DOCX.

    A word's own hyphen before a small letter ("Vi-egand", "usual-fremskrivninger") is made
    non-breaking: broken at a line end it reads as a hyphenated word, which no reader of a PDF
    can tell apart (see the report's limits); names' hyphens ("KKR-sekretariatet") stay breakable.
    """
    return " ".join(_keep(hyphenate(word)) for word in text.split(" "))


def _keep(word: str) -> str:
    return re.sub(r"(?<=[a-zæøå])-(?=[a-zæøå])", "\u2011", word)


def running_header(text: str) -> str:
    """The running header: the council, the kind and the date."""
    kind = "Dagsorden" if text.startswith("DAGSORDEN") else "Referat"
    date = re.search(r"Dato: (\d\d)-(\d\d)-(\d{4})", text)
    assert date is not None
    return f"KKR Syddanmark · {kind} · {date.group(1)}.{date.group(2)}.{date.group(3)}"


# --- DOCX --------------------------------------------------------------------------------------


def write_docx(text: str, target: Path) -> None:
    """Render a text original as a Word document."""
    document = docx.Document()
    document.core_properties.created = datetime(2031, 1, 1, tzinfo=UTC)
    document.core_properties.modified = datetime(2031, 1, 1, tzinfo=UTC)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2.5)
    normal = document.styles["Normal"]
    normal.font.name = "Liberation Sans"
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(8)
    header = section.header.paragraphs[0]
    header.text = running_header(text)
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Side ")
    _field(footer, "PAGE")
    footer.add_run(" af ")
    _field(footer, "NUMPAGES")
    previous = ""
    for block in blocks(text):
        if block.kind in ("toc", "section") and previous not in ("toc", "section", "label"):
            _page_break(document)
        if block.kind == "label" and block.text == "Deltagerfortegnelse":
            _page_break(document)
        _docx_block(document, block)
        previous = (
            block.kind if block.kind != "label" or block.text != "Deltagerfortegnelse" else "label"
        )
    document.save(str(target))


def _page_break(document: docx.document.Document) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _docx_block(document: docx.document.Document, block: Block) -> None:
    if block.kind == "title":
        run = document.add_paragraph().add_run(block.text)
        run.bold, run.font.size = True, Pt(24)
    elif block.kind in ("section", "item"):
        document.add_heading(block.text, level=1 if block.kind == "section" else 2)
    elif block.kind == "toc":
        paragraph = document.add_paragraph(block.text)
        stops = paragraph.paragraph_format.tab_stops
        if block.text.count("\t") > 1:  # "1.1.<tab>Title<tab>Page", as Word's contents field
            stops.add_tab_stop(Cm(1.5))
        stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    elif block.kind == "label":
        document.add_paragraph().add_run(block.text).bold = True
    elif block.kind in ("bullet", "bullet2"):
        style = "List Bullet" if block.kind == "bullet" else "List Bullet 2"
        document.add_paragraph(soft(block.text), style=style)
    elif block.kind == "table" and block.rows is not None and len(block.rows[0]) > 3:
        _docx_table(document, block.rows, Pt(8))
    elif block.kind == "table" and block.rows is not None:
        _docx_table(document, block.rows, None)

    elif block.kind == "para":
        paragraph = document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        head, cut, tail = block.text.partition(" " + PAGE_BREAK_BEFORE)
        paragraph.add_run(soft(head) + (" " if cut else ""))
        if cut:  # a page break inside the paragraph: the sentence goes on on the next page
            paragraph.add_run().add_break(WD_BREAK.PAGE)
            paragraph.add_run(soft(PAGE_BREAK_BEFORE + tail))
    else:
        document.add_paragraph(block.text)


def _docx_table(document: Any, rows: list[list[str]], size: Pt | None) -> None:
    """A ruled Word table; a wide one in a smaller size, so that no word breaks in a cell."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for row, values in zip(table.rows, rows, strict=True):
        for cell, value in zip(row.cells, values, strict=True):
            cell.text = value
            if size is not None:
                for run in cell.paragraphs[0].runs:
                    run.font.size = size
    document.add_paragraph()


def _field(paragraph: Paragraph, name: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), name)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


# --- PDF written directly ----------------------------------------------------------------------


class _Pdf(FPDF):
    running = ""

    def header(self) -> None:
        if self.page_no() == 1:
            return
        self.set_font("Sans", size=8)
        self.set_xy(25, 10)
        self.cell(0, 5, self.running)

    def footer(self) -> None:
        self.set_font("Sans", size=8)
        self.set_xy(25, 282)
        self.cell(165, 5, f"Side {self.page_no()} af {{nb}}", align="R")


_LEFT, _WIDTH, _BOTTOM = 25.0, 165.0, 272.0


def write_pdf(text: str, target: Path) -> None:
    """Render a text original as a PDF with fpdf2, laying out every line itself."""
    pdf = _Pdf(format="A4")
    pdf.running = running_header(text)
    pdf.set_creation_date(datetime(2031, 1, 1, tzinfo=UTC))
    pdf.add_font("Sans", "", str(FONTS / "DejaVuSans.ttf"))
    pdf.add_font("Sans", "B", str(FONTS / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(False)
    pdf.set_margins(_LEFT, 20, 20)
    pdf.add_page()
    pdf.set_y(40)
    pending_marker = False
    previous = ""
    for block in blocks(text):
        if block.kind in ("toc", "section") and previous not in ("toc", "section", "label"):
            pdf.add_page()
            pdf.set_y(25)
        if block.kind == "label" and block.text == "Deltagerfortegnelse":
            pdf.add_page()
            pdf.set_y(25)
        previous = block.kind
        if block.kind == "marker":
            pending_marker = True
            continue
        _pdf_block(pdf, block, marker=pending_marker)
        pending_marker = False
    pdf.output(str(target))


def _room(pdf: FPDF, height: float) -> None:
    if pdf.get_y() + height > _BOTTOM:
        pdf.add_page()
        pdf.set_y(25)


def _pdf_block(pdf: FPDF, block: Block, *, marker: bool) -> None:
    size, bold = 10.5, ""
    if block.kind == "title":
        size, bold = 22, "B"
    elif block.kind == "section":
        size, bold = 14, "B"
    elif block.kind in ("item", "label"):
        size, bold = 12 if block.kind == "item" else 10.5, "B"
    pdf.set_font("Sans", bold, size)
    height = size * 0.5
    if block.kind == "toc":
        *heads, page = block.text.split("\t")
        title = " ".join(heads)
        *first, last = _break(pdf, title, _WIDTH - 30)
        for words, _full in first:  # a long title wraps; the page number follows its end
            _room(pdf, height)
            pdf.set_x(_LEFT)
            pdf.cell(0, height, " ".join(words))
            pdf.set_y(pdf.get_y() + height)
        title = " ".join(last[0])
        _room(pdf, height)
        y = pdf.get_y()
        pdf.set_x(_LEFT)
        pdf.cell(pdf.get_string_width(title) + 1, height, title)
        dots = "." * int((_WIDTH - pdf.get_string_width(title) - 12) / pdf.get_string_width("."))
        pdf.cell(pdf.get_string_width(dots), height, dots)
        pdf.set_xy(_LEFT + _WIDTH - 10, y)
        pdf.cell(10, height, page, align="R")
        pdf.set_y(y + height + 1.5)
        return
    if block.kind == "table" and block.rows is not None:
        pdf.set_font("Sans", "", 7)  # small enough that no word is broken inside a cell
        _room(pdf, height * (len(block.rows) + 1))
        with pdf.table(width=_WIDTH, align="LEFT", line_height=height + 1) as table:
            for values in block.rows:
                row = table.row()
                for value in values:
                    row.cell(value)
        pdf.set_y(pdf.get_y() + 3)
        return
    indent = {"bullet": 6.0, "bullet2": 12.0}.get(block.kind, 0.0)
    lines = _break(pdf, soft(block.text), _WIDTH - indent, force=block.kind == "para")
    for index, (words, full) in enumerate(lines):
        if not words:
            pdf.add_page()
            pdf.set_y(25)
            continue
        _room(pdf, height)
        y = pdf.get_y()
        if index == 0 and block.kind in ("bullet", "bullet2"):
            pdf.set_xy(_LEFT + indent - 6, y)
            pdf.cell(6, height, "•")
        if index == 0 and marker:
            pdf.set_xy(_LEFT - 13, y)
            pdf.cell(10, height, "./.")
        _line(
            pdf,
            words,
            _LEFT + indent,
            y,
            _WIDTH - indent,
            height,
            justify=full and block.kind == "para",
        )
        pdf.set_y(y + height + 0.6)
    pdf.set_y(pdf.get_y() + 3.5)


def _break(
    pdf: FPDF, text: str, width: float, *, force: bool = False
) -> list[tuple[list[str], bool]]:
    """Greedy line breaking at spaces, soft hyphens and a word's own hyphen."""
    lines: list[tuple[list[str], bool]] = []
    current: list[str] = []
    words = text.split(" ")
    index = 0
    while index < len(words):
        word = words[index]
        trial = [*current, word]
        forced = _FORCED.get(word.replace("\u00ad", ""))
        if forced and current and force and _width(pdf, [*current, forced]) <= width:
            lines.append(([*current, forced], True))
            current, words[index] = [], word.replace("\u00ad", "")[len(forced) - 1 :].lstrip("-")
            continue
        if word.replace("\u00ad", "") == PAGE_BREAK_BEFORE and current:
            lines.append((current, True))
            lines.append(([], True))  # the page ends here
            current, index = [word], index + 1
            continue
        if _width(pdf, trial) <= width or not current:
            current, index = trial, index + 1
            continue
        split = _split(pdf, current, word, width)
        if split is not None:
            head, tail = split
            lines.append(([*current, head], True))
            current, words[index] = [], tail
            continue
        lines.append((current, True))
        current = []
    lines.append((current, False))
    return [([w.replace("\u00ad", "") for w in ws], full) for ws, full in lines]


def _split(pdf: FPDF, current: list[str], word: str, width: float) -> tuple[str, str] | None:
    """The longest head of ``word`` (ending in a hyphen) that still fits on the line."""
    # Only at soft hyphens: a real hyphen at a line end ("usual-" + "fremskrivninger") reads
    # like a broken word, and no PDF says which it was (see _FORCED for names' own hyphens).
    points = [m.end() for m in re.finditer("\u00ad", word)]
    for point in reversed(points):
        head = word[:point].replace("\u00ad", "")
        if not head.endswith("-"):
            head += "-"  # a soft hyphen is printed only where the word breaks
        if _width(pdf, [*current, head]) <= width and len(word[point:]) >= 2:
            return head, word[point:]
    return None


def _width(pdf: FPDF, words: list[str]) -> float:
    return float(pdf.get_string_width(" ".join(w.replace("\u00ad", "") for w in words)))


def _line(
    pdf: FPDF, words: list[str], x: float, y: float, width: float, height: float, *, justify: bool
) -> None:
    gap = pdf.get_string_width(" ")
    if justify and len(words) > 1:
        total = sum(pdf.get_string_width(w) for w in words)
        gap = (width - total) / (len(words) - 1)
    for word in words:
        pdf.set_xy(x, y)
        pdf.cell(pdf.get_string_width(word), height, word)
        x += pdf.get_string_width(word) + gap


# --- PDF printed by Chromium from HTML ------------------------------------------------------------

_CSS = (
    "@page{size:A4;margin:2cm 2cm 2.5cm 2.5cm} body{font-family:'DejaVu Sans';font-size:10.5pt}"
    "p{margin:0 0 6pt 0;text-align:justify;hyphens:auto} h1{font-size:14pt} h2{font-size:12pt}"
    "table{border-collapse:collapse;margin:0 0 8pt 0} td{border:1px solid #000;padding:2pt 4pt}"
    ".toc{display:flex;text-align:left;margin:0 0 3pt 0} .toc span{flex:1}"
    ".toc b{font-weight:normal;padding-left:2em} .new{break-before:page}"
)


def write_html(text: str) -> str:
    """A text original as the HTML page Chromium prints, with its own header and footer."""
    out = [f'<html lang="da"><head><meta charset="utf-8"><style>{_CSS}</style></head><body>']
    previous = ""
    listing = ""
    for block in blocks(text):
        first = block.kind in ("toc", "section") and previous not in ("toc", "section", "label")
        new = ' class="new"' if first or block.text == "Deltagerfortegnelse" else ""
        if block.kind not in ("bullet", "bullet2") and listing:
            out.append(listing)
            listing = ""
        if block.kind == "bullet":
            out.append(
                ("</ul>" if listing == "</ul></ul>" else "") + f"<li>{escape(block.text)}</li>"
            )
            out[-1] = out[-1] if listing else "<ul>" + out[-1]
            listing = "</ul>"
        elif block.kind == "bullet2":
            nested = listing == "</ul></ul>"
            out.append(("" if nested else "<ul>") + f"<li>{escape(block.text)}</li>")
            listing = "</ul></ul>"
        else:
            out.append(_html_block(block, new))
        previous = block.kind
    out.append(listing + "</body></html>")
    return "\n".join(out)


def _html_block(block: Block, new: str) -> str:
    text = escape(block.text)
    if block.kind == "title":
        return f"<p{new}><b style='font-size:20pt'>{text}</b></p>"
    if block.kind in ("section", "item"):
        level = 1 if block.kind == "section" else 2
        return f"<h{level}{new}>{text}</h{level}>"
    if block.kind == "toc":
        *heads, page = block.text.split("\t")
        title = escape(" ".join(heads))
        return f'<p class="toc{" new" if new else ""}"><span>{title}</span><b>{page}</b></p>'
    if block.kind == "label":
        return f"<p{new}><b>{text}</b></p>"
    if block.kind == "table" and block.rows is not None:
        rows = "".join(
            "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>"
            for row in block.rows
        )
        return f"<table>{rows}</table>"
    return f"<p{new}>{_keep(text)}</p>"  # as in the DOCX: no break at a word's own hyphen


CHROMIUM = "chromium"


def _print(html: Path, pdf: Path, profile: Path) -> None:
    """Print ``html`` to ``pdf`` with Chromium, its own date, title, address and "1/5" footer
    included: furniture from a producer the extractor was not written against."""
    subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
         f"--print-to-pdf={pdf}", html.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


# --- The four forms ----------------------------------------------------------------------------


def build(target: Path) -> dict[str, dict[str, Path]]:
    """Write every form of every original into ``target``: {original: {form: path}}."""
    missing = [tool for tool in ("soffice", "pdftotext", CHROMIUM) if shutil.which(tool) is None]
    if missing:
        raise RuntimeError(
            f"{', '.join(missing)} missing: run make test-deps (installs libreoffice-writer-nogui, "
            "poppler-utils and chromium)"
        )
    forms: dict[str, dict[str, Path]] = {}
    docx_dir, office_dir = target / "docx", target / "libreoffice"
    docx_dir.mkdir(parents=True)
    (target / "fpdf").mkdir()
    (target / "chromium").mkdir()
    for name in (*ORIGINALS, *REAL):
        text = source(name).read_text(encoding="utf-8")
        stem = Path(name).stem
        write_docx(text, docx_dir / f"{stem}.docx")
        write_pdf(text, target / "fpdf" / f"{stem}.pdf")
        html = target / "chromium" / f"{stem}.html"
        html.write_text(write_html(text), encoding="utf-8")
        _print(html, target / "chromium" / f"{stem}.pdf", target / "browser")
        forms[name] = {
            "chromium.pdf": target / "chromium" / f"{stem}.pdf",
            "docx": docx_dir / f"{stem}.docx",
            "fpdf.pdf": target / "fpdf" / f"{stem}.pdf",
            "libreoffice.pdf": office_dir / f"{stem}.pdf",
        }
    profile = (target / "profile").as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
         "--outdir", str(office_dir), *sorted(str(p) for p in docx_dir.glob("*.docx"))],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    for name, paths in forms.items():
        for producer in ("fpdf", "libreoffice"):
            pdf = paths[f"{producer}.pdf"]
            for layout in (False, True):
                out = target / "text" / f"{pdf.stem}-{producer}{'-layout' if layout else ''}.txt"
                out.parent.mkdir(exist_ok=True)
                flags = ["-layout"] if layout else []
                subprocess.run(["pdftotext", *flags, str(pdf), str(out)], check=True, timeout=120)
                paths[f"{producer}{'-layout' if layout else ''}.txt"] = out
        del name
    return forms
