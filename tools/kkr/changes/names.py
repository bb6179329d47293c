"""How the summary names records: people and bodies by name, meetings by their Danish date."""

from __future__ import annotations

from datetime import date

from kkr.i18n import _
from kkr.loading.corpus import Corpus
from kkr.site.dates import long_date, partial_date


class Names:
    """Looks names up in the new records first, then in the old (for what was removed)."""

    def __init__(self, new: Corpus, old: Corpus) -> None:
        self.corpora = (new, old)

    def _field(self, kind: str, record_id: str, field: str) -> str:
        for corpus in self.corpora:
            entry = corpus.get(kind, record_id)
            value = getattr(entry.record, field, None) if entry else None
            if isinstance(value, str) and value:
                return value
        return record_id

    def person(self, record_id: str) -> str:
        """Return the person's name, or the id where no record names them."""
        return self._field("person", record_id, "name")

    def organization(self, record_id: str) -> str:
        """Return the body's name."""
        return self._field("organization", record_id, "name")

    def contract(self, record_id: str) -> str:
        """Return the agreement's title."""
        return self._field("contract", record_id, "title")

    def topic(self, record_id: str) -> str:
        """Return the subject area's name."""
        return self._field("topic", record_id, "name")

    def people(self, ids: list[str]) -> str:
        """Return people's names as one list, e.g. "Bo Hansen, Ib Holm og Mads Skau"."""
        return self.join([self.person(record_id) for record_id in ids])

    @staticmethod
    def join(parts: list[str]) -> str:
        """Join names as a sentence does: "A, B og C"."""
        if len(parts) < 2:
            return "".join(parts)
        return _("{first} and {last}").format(first=", ".join(parts[:-1]), last=parts[-1])

    def link(self, field: str, value: str) -> str:
        """Name the target of an item link, e.g. "emnet Sundhed" for a topics entry."""
        if field in ("people", "presenters"):
            return self.person(value)
        if field == "organizations":
            return self.organization(value)
        if field == "contracts":
            return _("the agreement {title}").format(title=self.contract(value))
        if field == "topics":
            return _("the topic {name}").format(name=self.topic(value))
        return self.commitment(value) or _("the commitment {id}").format(id=value)

    def commitment(self, ref: str) -> str | None:
        """A commitment as the site names it, e.g. "Sundhed, målsætning 1"."""
        plan_id, _slash, commitment_id = ref.partition("/")
        for corpus in self.corpora:
            entry = corpus.get("workplan", plan_id)
            for area in getattr(entry.record, "areas", []) if entry else []:
                for number, found in enumerate(area.commitments, start=1):
                    if found.id == commitment_id:
                        return f"{area.title}, målsætning {number}"
        return None


def meeting_date(meeting_id: str) -> str:
    """Return a meeting id as a Danish date, e.g. "10. september 2024"."""
    try:
        return long_date(date.fromisoformat(meeting_id))
    except ValueError:
        return meeting_id


def item_ref(ref: str) -> str:
    """Return an item reference such as 2023-11-21/2.4 as "punkt 2.4 den 21. november 2023"."""
    meeting, _slash, number = ref.partition("/")
    return _("item {number} of {date}").format(number=number, date=meeting_date(meeting))


def until(value: str) -> str:
    """Return a partial date in Danish words, e.g. "2024" or "juni 2024"."""
    try:
        return partial_date(value)
    except (ValueError, IndexError):
        return value
