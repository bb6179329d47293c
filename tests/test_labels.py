"""Every value a record can take has a Danish label on the site."""

from __future__ import annotations

from enum import StrEnum

import pytest
from kkr.site import labels

from schema.contract import Cadence, ContractKind, ContractStatus
from schema.matter import MatterStatus
from schema.meeting import DocumentKind, MeetingStatus
from schema.membership import Role
from schema.organization import OrganizationKind
from schema.person import PersonKind

PAIRS: list[tuple[type[StrEnum], dict[str, str]]] = [
    (DocumentKind, labels.DOCUMENT),
    (MeetingStatus, labels.MEETING_STATUS),
    (MatterStatus, labels.MATTER_STATUS),
    (ContractKind, labels.CONTRACT_KIND),
    (Cadence, labels.CADENCE),
    (ContractStatus, labels.CONTRACT_STATUS),
    (PersonKind, labels.PERSON_KIND),
    (Role, labels.ROLE),
    (OrganizationKind, labels.ORGANIZATION_KIND),
]


@pytest.mark.parametrize(("enum", "mapping"), PAIRS, ids=[e.__name__ for e, _ in PAIRS])
def test_every_value_has_a_danish_label(enum: type[StrEnum], mapping: dict[str, str]) -> None:
    assert {member.value for member in enum} == set(mapping)


def test_every_enum_in_the_schema_is_covered() -> None:
    import schema.registry  # noqa: F401  (imports every model module)
    from schema import base

    found = {
        obj
        for module in __import__("sys").modules.values()
        if getattr(module, "__name__", "").startswith("schema.")
        for obj in vars(module).values()
        if isinstance(obj, type) and issubclass(obj, StrEnum) and obj is not StrEnum
    }
    assert base is not None
    assert found == {enum for enum, _ in PAIRS}
