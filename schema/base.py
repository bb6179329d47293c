"""The base every record and nested object inherits: strict, closed and immutable."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from schema.markdown import Markdown
from schema.types import PartialDate, Text, Url


class Strict(BaseModel):
    """Forbids unknown fields and every implicit type conversion."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Source(Strict):
    """Where in the source documents a record's facts come from."""

    model_config = ConfigDict(
        json_schema_extra={"description": "Hvor i kildedokumenterne postens oplysninger står."}
    )

    document: Annotated[
        str,
        Field(
            pattern=r"^[a-z0-9][a-z0-9.-]*\.(txt|md)$",
            title="dokument",
            description="Filnavnet i records/documents, fx kkr-syddanmark-2023-11-21-referat.txt",
        ),
    ]
    lines: Annotated[
        str | None,
        Field(
            pattern=r"^[1-9]\d*(-[1-9]\d*)?$",
            title="linjer",
            description="Linje eller linjer, fx 120-134",
        ),
    ] = None
    digest: Annotated[
        str | None,
        Field(
            pattern=r"^[0-9a-f]{16}$",
            title="fingeraftryk",
            description="De første 16 hex-cifre af SHA-256 af de citerede linjer (hver med "
            "linjeskift), skrevet af kkr import; kkr validate kontrollerer, at dokumentet "
            "stadig har dem, fx 3f1c0a9e5b7d2468",
        ),
    ] = None
    quote: Text | None = Field(
        None,
        title="citat",
        description="Ord, der står i de citerede linjer; kkr validate kontrollerer dem, fx Bo "
        "Hansen (A) Svendborg",
    )
    note: Text | None = Field(
        None, title="note", description="Hvad kilden siger dér, hvor linjerne alene ikke er nok"
    )
    url: Url | None = Field(
        None,
        title="adresse",
        description="Adressen, hvor KL selv udgiver dokumentet, når den kendes; sitet linker "
        "til den. Skriv den fulde adresse, der begynder med https://",
    )


class Discrepancy(Strict):
    """A place where a source contradicts itself; both readings are kept."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Et sted, hvor en kilde modsiger sig selv; begge læsninger bevares."
        }
    )

    field: Text = Field(title="felt", description="Feltet, uoverensstemmelsen gælder, fx title")
    readings: list[Text] = Field(
        min_length=2, title="læsninger", description="Hver læsning, som den står"
    )
    note: Markdown | None = Field(
        None, title="note", description="Hvilken læsning posten bruger og hvorfor"
    )


class Period(Strict):
    """A span of time known to the year, month or day; an open end is still running."""

    model_config = ConfigDict(
        json_schema_extra={
            "description": "Et tidsrum kendt på år, måned eller dag; en åben slutning betyder, "
            "at det stadig løber."
        }
    )

    start: PartialDate | None = Field(
        None,
        title="start",
        description="Første år, måned eller dag, fx 2020-07; udelad, når det ikke vides",
    )
    end: PartialDate | None = Field(
        None,
        title="slut",
        description="Sidste år, måned eller dag, fx 2021; udelad, mens det løber, eller når det "
        "ikke vides",
    )


class Record(Strict):
    """Fields every top-level record has."""

    id: str = Field(title="id", description="Fast, læsbart id; skal være lig filnavnet uden .yaml")
    sources: list[Source] = Field(
        default_factory=list, title="kilder", description="Hvor postens oplysninger kommer fra"
    )
    discrepancies: list[Discrepancy] = Field(
        default_factory=list,
        title="uoverensstemmelser",
        description="Modsigelser i kilderne, bevaret som de står",
    )
