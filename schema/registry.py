"""Which record kind lives in which directory under records/."""

from __future__ import annotations

from dataclasses import dataclass

from schema.base import Record
from schema.body import Body
from schema.contract import Contract
from schema.matter import Matter
from schema.meeting import Meeting
from schema.membership import Membership
from schema.organization import Organization
from schema.person import Person
from schema.topic import Topic
from schema.workplan import WorkPlan


@dataclass(frozen=True)
class Kind:
    """A record kind: its name, its directory and its model."""

    name: str
    directory: str
    model: type[Record]
    example: str


KINDS: dict[str, Kind] = {
    kind.directory: kind
    for kind in (
        Kind("body", "body", Body, "kkr-syddanmark"),
        Kind("organization", "organizations", Organization, "middelfart-kommune"),
        Kind("person", "people", Person, "johannes-lundsryd-jensen"),
        Kind("membership", "memberships", Membership, "fgu-danmark-flemming-neperus"),
        Kind("meeting", "meetings", Meeting, "2023-11-21"),
        Kind("matter", "matters", Matter, "sdeo-resultatkontrakt"),
        Kind("contract", "contracts", Contract, "sdeo-resultatkontrakt-2022-2023"),
        Kind("workplan", "workplans", WorkPlan, "2022-2026"),
        Kind("topic", "topics", Topic, "sundhed"),
    )
}
