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
            description="File name in records/documents, e.g. "
            "kkr-syddanmark-2023-11-21-referat.txt",
        ),
    ]
    lines: Annotated[
        str | None,
        Field(pattern=r"^[1-9]\d*(-[1-9]\d*)?$", description="Line or line range, e.g. 120-134"),
    ] = None
    digest: Annotated[
        str | None,
        Field(
            pattern=r"^[0-9a-f]{16}$",
            description="The first 16 hex digits of the SHA-256 of the cited lines (each "
            "with a line feed), written by kkr import; kkr validate checks that the document "
            "still prints them, e.g. 3f1c0a9e5b7d2468",
        ),
    ] = None
    quote: Text | None = Field(
        None,
        description="Words printed in the cited lines, checked by kkr validate, "
        "e.g. Bo Hansen (A) Svendborg",
    )
    note: Text | None = Field(
        None, description="What the source says there, where the line range alone is not enough"
    )


class Discrepancy(Strict):
    """A place where a source contradicts itself; both readings are kept."""

    field: Text = Field(description="The field the discrepancy concerns, e.g. title")
    readings: list[Text] = Field(min_length=2, description="Every reading, as printed")
    note: Markdown | None = Field(None, description="Which reading the record uses and why")


class Period(Strict):
    """A span of time known to the year, month or day; an open end is still running."""

    start: PartialDate | None = Field(
        None, description="First year, month or day, e.g. 2020-07; leave out when unknown"
    )
    end: PartialDate | None = Field(
        None,
        description="Last year, month or day, e.g. 2021; leave out while it runs or when unknown",
    )


class Record(Strict):
    """Fields every top-level record has."""

    id: str = Field(description="Stable, readable id; must equal the file name without .yaml")
    sources: list[Source] = Field(
        default_factory=list, description="Where the record's facts come from"
    )
    discrepancies: list[Discrepancy] = Field(
        default_factory=list, description="Contradictions within the sources, kept as printed"
    )
