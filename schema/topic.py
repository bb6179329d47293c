"""Topics: the subject areas (fagområder) the council works in."""

from __future__ import annotations

from schema.base import Record
from schema.markdown import Markdown
from schema.types import Slug, Text


class Topic(Record):
    """A subject area, e.g. sundhed."""

    id: Slug
    name: Text
    description: Markdown | None = None
