"""The base every record and nested object inherits: strict, closed and immutable."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from schema.markdown import Markdown
from schema.types import PartialDate, Text


class Strict(BaseModel):
    """Forbids unknown fields and every implicit type conversion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Strict):
    """Where in the source documents a record's facts come from."""

    document: Annotated[
        str,
        Field(
            pattern=r"^[a-z0-9][a-z0-9.-]*\.(txt|md)$",
            description="File name in shared/sources, e.g. kkr-syddanmark-2021-06-09-dagsorden.txt",
        ),
    ]
    lines: Annotated[
        str | None,
        Field(pattern=r"^[1-9]\d*(-[1-9]\d*)?$", description="Line or line range, e.g. 120-134"),
    ] = None
    note: Text | None = None


class Discrepancy(Strict):
    """A place where a source contradicts itself; both readings are kept."""

    field: Text = Field(description="The field the discrepancy concerns, e.g. title")
    readings: list[Text] = Field(min_length=2, description="Every reading, as printed")
    note: Markdown | None = None


class Period(Strict):
    """A span of time known to the year, month or day; an open end is still running."""

    start: PartialDate | None = None
    end: PartialDate | None = None


class Record(Strict):
    """Fields every top-level record has."""

    id: str = Field(description="Stable, readable id; must equal the file name without .yaml")
    sources: list[Source] = Field(
        default_factory=list, description="Where the record's facts come from"
    )
    discrepancies: list[Discrepancy] = Field(
        default_factory=list, description="Contradictions within the sources, kept as printed"
    )
