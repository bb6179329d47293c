"""Organizations: municipalities, the region, bodies, fora and authorities."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from schema.base import Record
from schema.markdown import Markdown
from schema.types import OrganizationRef, Slug, Text, TopicRef, Url


class OrganizationKind(StrEnum):
    """What kind of body an organization is."""

    council = "council"
    municipality = "municipality"
    region = "region"
    business_hub = "business-hub"
    eu_office = "eu-office"
    secretariat = "secretariat"
    director_forum = "director-forum"
    regional_council = "regional-council"
    committee = "committee"
    board = "board"
    educational_institution = "educational-institution"
    transport_company = "transport-company"
    ministry = "ministry"
    national_body = "national-body"
    association = "association"
    cluster = "cluster"
    company = "company"
    other = "other"


class Organization(Record):
    """A body named in the sources."""

    id: Slug = Field(description="Stable id, e.g. region-syddanmark")
    name: Text = Field(description="Full name as printed, e.g. Syddansk EU-kontor")
    kind: OrganizationKind = Field(description="What kind of body it is, e.g. municipality")
    abbreviations: list[Text] = Field(default_factory=list, description="e.g. SDEO, RAR, K22")
    aliases: list[Text] = Field(
        default_factory=list, description="Other names the sources use for the same body"
    )
    parent: OrganizationRef | None = Field(None, description="The body this one belongs under")
    website: Url | None = Field(
        None, description="The body's web address, where a source prints it"
    )
    description: Markdown | None = Field(
        None, description="What the sources say the body is or does, in Danish Markdown"
    )
    topics: list[TopicRef] = Field(
        default_factory=list, description="Subject areas the body works in, e.g. [sundhed]"
    )
