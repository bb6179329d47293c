"""Topics: the subject areas (fagområder) the council works in."""

from __future__ import annotations

from pydantic import ConfigDict, Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import Slug, Text


class Topic(Record):
    """A subject area, e.g. sundhed."""

    model_config = ConfigDict(json_schema_extra={"description": "Et emne (fagområde), fx sundhed."})

    id: Slug = Field(title="id", description="Fast id, fx sundhed")
    name: Text = Field(
        title="navn", description="Emnet, som folderen kalder det, fx Vækst og beskæftigelse"
    )
    description: Markdown | None = Field(
        None, title="beskrivelse", description="Folderens beskrivelse af området, i Markdown"
    )
