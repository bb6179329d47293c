"""Danish labels for the values of the models' enumerations."""

from __future__ import annotations

DOCUMENT = {"agenda": "Dagsorden", "minutes": "Referat"}
MEETING_STATUS = {
    "planned": "Planlagt",
    "agenda-published": "Dagsorden udsendt",
    "minutes-approved": "Referat godkendt",
    "held": "Afholdt",
}
MATTER_STATUS = {"open": "Åben", "recurring": "Tilbagevendende", "concluded": "Afsluttet"}
CONTRACT_KIND = {
    "performance-contract": "Resultatkontrakt",
    "framework-agreement": "Rammeaftale",
    "partnership": "Partnerskab",
    "cooperation-agreement": "Samarbejdsaftale",
    "health-agreement": "Sundhedsaftale",
}
CADENCE = {
    "once": "Engangsaftale",
    "yearly": "Årlig",
    "biennial": "Hvert andet år",
    "per-term": "Hver valgperiode",
}
CONTRACT_STATUS = {
    "planned": "Planlagt",
    "active": "Gældende",
    "extended": "Forlænget",
    "expired": "Udløbet",
}
PERSON_KIND = {"politician": "Politiker", "staff": "Medarbejder", "external": "Ekstern"}
ROLE = {
    "chair": "formand",
    "vice-chair": "næstformand",
    "member": "medlem",
    "board-member": "bestyrelsesmedlem",
    "representative": "repræsentant",
    "staff": "medarbejder",
    "substitute": "suppleant",
}
ORGANIZATION_KIND = {
    "council": "Råd",
    "municipality": "Kommune",
    "region": "Region",
    "business-hub": "Erhvervshus",
    "eu-office": "EU-kontor",
    "secretariat": "Sekretariat",
    "director-forum": "Direktørforum",
    "regional-council": "Regionalt råd",
    "committee": "Udvalg",
    "board": "Bestyrelse",
    "educational-institution": "Uddannelsesinstitution",
    "transport-company": "Trafikselskab",
    "ministry": "Ministerium",
    "national-body": "Landsdækkende organ",
    "association": "Forening",
    "cluster": "Klynge",
    "company": "Virksomhed",
    "other": "Andet",
}
SECTIONS = {
    "baggrund": "Baggrund",
    "indstilling": "Indstilling",
    "sagsfremstilling": "Sagsfremstilling",
    "beslutning": "Beslutning",
}


def label(mapping: dict[str, str], value: object) -> str:
    """Return the Danish label of an enum value, or its text if none is known."""
    text = str(getattr(value, "value", value))
    return mapping.get(text, text)
