"""Constrained scalar types shared by every record kind."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum
from typing import Annotated, Any

from kkr.i18n import N_, _
from kkr.loading.characters import describe
from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    StringConstraints,
    WithJsonSchema,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

DANISH: dict[type[Enum], dict[str, str]] = {}
"""Danish names staff may write for an enum's values, e.g. formand for chair."""


def from_danish(enum: type[Enum]) -> BeforeValidator:
    """Read a Danish name of one of ``enum``'s values (DANISH[enum]) as that value."""

    def english(value: object) -> object:
        return DANISH[enum].get(value, value) if isinstance(value, str) else value

    return BeforeValidator(english)


def danish_schema(enum: type[Enum]) -> WithJsonSchema:
    """The JSON Schema of an enum that also takes its Danish names."""
    return WithJsonSchema({"type": "string", "enum": [*(m.value for m in enum), *DANISH[enum]]})


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to a record of ``kind``."""

    kind: str

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        # Marks the reference for kkr schema, which makes lists of them unique.
        result = handler(schema)
        result["x-kkr-ref"] = self.kind
        return result


def _fail(code: str, message: str, got: object, example: str) -> PydanticCustomError:
    # pydantic's templates know {name} but not {name!r}, so quote the value here. The
    # validator adds the example after the field's name: "example: until: 2024".
    return PydanticCustomError(
        code, message.replace("{got!r}", "{got}"), {"got": repr(got), "example": example}
    )


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _parse_date(value: object) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise _fail(
            "date",
            _("expected a date written YYYY-MM-DD, got {got!r}"),
            got=value,
            example="2023-11-21",
        )
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail(
            "date",
            _("{got!r} is not a real calendar date"),
            got=value,
            example="2023-11-21",
        ) from None


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    WithJsonSchema({"type": "string", "format": "date", "examples": ["2023-11-21"]}),
]

PARTIAL_DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?$"
_PARTIAL = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-\d{2})?)?")


def _check_partial_date(value: str) -> str:
    if not _PARTIAL.fullmatch(value):
        raise _fail(
            "date",
            _(
                "expected a year, year-month or full date (YYYY, YYYY-MM or YYYY-MM-DD), "
                "got {got!r}"
            ),
            got=value,
            example="2020-07",
        )
    if len(value) == 10:
        _parse_date(value)
    return value


PartialDate = Annotated[
    str,
    AfterValidator(_check_partial_date),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": PARTIAL_DATE_PATTERN,
            "examples": ["2020", "2020-07", "2020-07-01"],
        }
    ),
]
"""A date known to the year, the month or the day, as the sources give it."""


@dataclass(frozen=True)
class Matches:
    """Requires a string to match ``regex``; errors name ``what`` and show ``example``."""

    regex: str
    what: str
    example: str

    def check(self, value: str) -> str:
        if not re.fullmatch(self.regex, value):
            raise _fail(
                "pattern",
                _("{got!r} is not a valid {what}").replace("{what}", _(self.what)),
                got=value,
                example=self.example,
            )
        return value

    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result["pattern"] = f"^{self.regex}$"
        result["examples"] = [self.example.strip("'")]
        result["patternErrorMessage"] = _("Expected: {what}, e.g. {example}").format(
            what=_(self.what), example=self.example
        )
        return result


Slug = Annotated[
    str,
    Matches(r"[a-z0-9]+(?:-[a-z0-9]+)*", N_("id (lowercase a-z, 0-9 and hyphens)"), "bo-hansen"),
]
MeetingId = Annotated[str, Matches(r"\d{4}-\d{2}-\d{2}", N_("meeting id"), "2023-11-21")]
ItemNumber = Annotated[str, Matches(r"[1-9]\d*\.[1-9]\d*", N_("item number"), "3.6")]
SectionNumber = Annotated[str, Matches(r"[1-9]\d*", N_("section number"), "3")]
CaseNumber = Annotated[str, Matches(r"SAG-\d{4}-\d{5}", N_("case number"), "SAG-2021-02179")]
Initials = Annotated[str, Matches(r"[a-zæøå]{2,6}", N_("set of initials"), "bel")]
StartTime = Annotated[
    str, Matches(r"([01]\d|2[0-3]):[0-5]\d", N_("time of day (HH:MM, quoted)"), "'10:00'")
]
Party = Annotated[str, Matches(r"[A-ZÆØÅ]", N_("party letter (one capital letter)"), "A")]
Email = Annotated[str, Matches(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", N_("e-mail address"), "bel@kl.dk")]
Phone = Annotated[str, Matches(r"\+?[0-9 ]{8,16}", N_("telephone number"), "'5376 3683'")]
Url = Annotated[
    str, Matches(r'https?://[^\s<>"]+', N_("web address (http or https)"), "https://www.kl.dk/")
]
# A line break or any other control character (tab included) would let a one-line value add
# lines wherever it is shown: a forged heading in the pull-request summary, a split CSV row.
_BREAKS = {"\n": N_("a line feed"), "\r": N_("a carriage return"), "\t": N_("a tab")}
_NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(value: str) -> str:
    found = _NOT_ONE_LINE.search(value)
    if found is not None:
        char = found.group()
        raise PydanticCustomError(
            "one-line",
            _(
                "holds {char} after {before}; a one-line field holds no line break or control "
                "character"
            ),
            {
                "char": _(_BREAKS[char]) if char in _BREAKS else describe(char),
                "before": repr(value[: found.start()][-30:]),
            },
        )
    return value


Text = Annotated[str, StringConstraints(min_length=1, max_length=2000), AfterValidator(_one_line)]
"""One line of plain text, such as a title: no line break, tab or other control character."""

Amount = Annotated[int, Field(ge=0, le=10**12)]
"""An amount in whole Danish kroner."""

ItemRef = Annotated[
    str,
    Ref("item"),
    Matches(r"\d{4}-\d{2}-\d{2}/[1-9]\d*\.[1-9]\d*", N_("item reference"), "2023-11-21/2.4"),
]
MeetingRef = Annotated[
    str, Ref("meeting"), Matches(r"\d{4}-\d{2}-\d{2}", N_("meeting id"), "2023-11-21")
]
PersonRef = Annotated[str, Ref("person")]
OrganizationRef = Annotated[str, Ref("organization")]
ContractRef = Annotated[str, Ref("contract")]
TopicRef = Annotated[str, Ref("topic")]
MatterRef = Annotated[str, Ref("matter")]
MembershipRef = Annotated[str, Ref("membership")]
HandlerRef = Annotated[Initials, Ref("initials")]
CommitmentRef = Annotated[
    str,
    Ref("commitment"),
    Matches(r"[a-z0-9-]+/[a-z0-9-]+", N_("commitment reference"), "2022-2026/sundhed-1"),
]
BodyRef = Annotated[str, Ref("body")]
TermRef = Annotated[str, Ref("term")]
