"""OParl File objects for the source documents, attached to the Meetings and Papers they state.

A meeting's own minutes are its resultsProtocol (KL's referat records the decisions, not every
word), its own agenda its invitation; documents of other meetings that mention it are
auxiliary files. A Paper (a case file) gets as mainFile the document of its first handling,
and the documents of later handlings as auxiliary files. accessUrl is the document's page on
the site (numbered lines), downloadUrl the file itself; a PDF or DOCX kept beside the text is a
File of its own, the text's masterFile.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from kkr.exports.context import ExportContext
from kkr.site import citing
from kkr.site.links import ItemInfo
from schema.meeting import DocumentKind, Meeting

SPEC = "https://schema.oparl.org/1.1/"
Obj = dict[str, Any]
_TYPES = {
    ".txt": "text/plain",
    ".md": "text/markdown",
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}


def file_key(name: str) -> str:
    """The key of a document's File, e.g. kkr-syddanmark-2023-11-21-referat-txt."""
    return name.replace(".", "-")


@dataclass
class Files:
    """The File objects of one export, made once per document and stored where used."""

    ctx: ExportContext
    made: dict[str, Obj] = field(default_factory=dict)

    def file(self, name: str) -> Obj | None:
        """The File of the document ``name``; None when the document cannot be read."""
        if name not in self.made:
            lines = self.ctx.library.lines(name)
            if lines is None:
                return None
            self.made[name] = self._file(name)
        return self.made[name]

    def _file(self, name: str) -> Obj:
        ctx = self.ctx
        out = self._common(name, ctx.library.title(name))
        out["accessUrl"] = ctx.url(citing.page(ctx.prefix, name) + ".html")
        out["downloadUrl"] = ctx.file_url(name)
        found = ctx.library.meeting_document(name)
        if found is not None:
            out["date"] = found[1].isoformat()
        originals = ctx.library.originals(name)
        if originals:
            master = originals[0]
            original = self._common(master, f"{ctx.library.title(name)} (original)")
            original["accessUrl"] = ctx.file_url(master)
            original["downloadUrl"] = ctx.file_url(master)
            original["derivativeFile"] = [out["id"]]
            self.made[master] = original
            out["masterFile"] = original["id"]
        return out

    def _common(self, name: str, title: str) -> Obj:
        key = file_key(name)
        data = (self.ctx.library.folder / name).read_bytes()
        return {
            "id": self.ctx.url(f"oparl/file/{key}.json"),
            "type": SPEC + "File",
            "name": title,
            "fileName": name,
            "mimeType": _TYPES[name[name.rfind(".") :]],
            "size": len(data),
            "sha512Checksum": hashlib.sha512(data).hexdigest(),
        }

    def attach_meeting(self, obj: Obj, meeting: Meeting) -> None:
        """Add the meeting's documents to its OParl Meeting ``obj``."""
        own = self.ctx.library.own_document(meeting)
        if own is not None and (made := self.file(own)) is not None:
            slot = "resultsProtocol" if meeting.document is DocumentKind.minutes else "invitation"
            obj[slot] = made
        others = [s.document for s in meeting.sources if s.document != own]
        extra = [f for name in dict.fromkeys(others) if (f := self.file(name)) is not None]
        if extra:
            obj["auxiliaryFile"] = extra

    def attach_paper(self, obj: Obj, infos: list[ItemInfo]) -> None:
        """Add the documents of a case file's handlings to its OParl Paper ``obj``."""
        names: list[str] = []
        for info in sorted(infos, key=lambda i: i.date):
            own = self.ctx.library.own_document(info.meeting)
            if own is not None and own not in names:
                names.append(own)
        made = [f for name in names if (f := self.file(name)) is not None]
        if made:
            obj["mainFile"] = made[0]
        if len(made) > 1:
            obj["auxiliaryFile"] = made[1:]

    def objects(self) -> list[Obj]:
        """Every File made, for a file of its own each."""
        return [self.made[name] for name in sorted(self.made)]
