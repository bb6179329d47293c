"""Topics: the subject areas (fagområder) the council works in."""

from __future__ import annotations

from pydantic import Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import Slug, Text


class Topic(Record):
    """A subject area, e.g. sundhed."""

    id: Slug = Field(description="Stable id, e.g. sundhed")
    name: Text = Field(
        description="The subject area as the folder names it, e.g. Vækst og beskæftigelse"
    )
    description: Markdown | None = Field(
        None, description="The folder's account of the area, as Markdown"
    )
