"""The shape of the seed files, validated by pydantic. See seed/README.md.

Text fields have the same maximum lengths as the register's forms (`graphmap.limits`).
"""

from __future__ import annotations

from typing import Annotated, Literal, get_origin

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from graphmap import dates, limits
from graphmap.errors import ValidationError

Name = Annotated[str, Field(max_length=limits.NAME)]
Title = Annotated[str, Field(max_length=limits.TITLE)]
Text = Annotated[str, Field(max_length=limits.TEXT)]

ClusterKey = Literal["zorg", "welzijn", "pzon", "lokale_besturen"]
Status = Literal["missing", "contacted", "involved", "member"]
Body = Literal["AV", "BO", "cluster"]
SLUG = r"^[a-z0-9]+(-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    @model_validator(mode="before")
    @classmethod
    def _nothing_is_no_entries(cls, data):
        # YAML reads a key with nothing after it (`memberships:`) as null: for a list, that is
        # no entries, as `memberships: []` or leaving the key out is.
        if not isinstance(data, dict) or None not in data.values():
            return data
        return {
            key: [] if value is None and _is_list(cls.model_fields.get(key)) else value
            for key, value in data.items()
        }


def _is_list(field) -> bool:
    return field is not None and get_origin(field.annotation) is list


class SourceRef(Strict):
    """A fact's origin outside the zone's plan (a mapping in the YAML)."""

    document: str
    section: str = ""
    url: str | None = None


# In a zone file a plain string is a section of the zone's plan document.
Source = str | SourceRef


class PlanInfo(Strict):
    document: str
    title: Title
    period: str | None = None


class ZoneInfo(Strict):
    id: str = Field(pattern=SLUG)
    name: Name
    plan: PlanInfo


class MunicipalityRef(Strict):
    name: Name
    merged_into: str | None = None
    source: Source


class Neighbour(Strict):
    name: Name
    source: Source


class OrganisationIn(Strict):
    id: str = Field(pattern=SLUG)
    name: Name
    category: str
    kbo: str | None = None
    website: str | None = Field(default=None, max_length=limits.WEBSITE)
    municipality: str | None = None
    source: Source | None = None


class Membership(Strict):
    organisation: str
    cluster: ClusterKey
    status: Status
    bodies: list[Body] = []
    since: str | None = None
    source: Source

    @field_validator("since", mode="before")
    @classmethod
    def _a_day(cls, since):
        # YAML reads 2024-03-01 as a date, "2024-03-01" as text: either is kept as the graph
        # keeps every day (ISO text); other text was kept and broke every page showing it.
        # A day still to come is refused as `graphmap status` and the editor refuse it:
        # Opvolging would order it after every real change.
        try:
            day = dates.parse(since, "since")
            return dates.not_to_come(day, "since", dates.today()).isoformat() if day else None
        except ValidationError as error:
            raise ValueError(str(error)) from None


class Target(Strict):
    cluster: ClusterKey
    category: str
    bodies: list[Body] = []
    reason: Text
    source: Source


class Goal(Strict):
    number: str = Field(pattern=r"^\d+(\.\d+)?$")
    level: Literal["strategic", "operational"]
    parent: str | None = None
    title: Title
    source: Source

    @field_validator("parent")
    @classmethod
    def _parent_only_for_operational(cls, parent, info):
        if info.data.get("level") == "strategic" and parent:
            raise ValueError("een strategische doelstelling heeft geen parent")
        return parent


class PartnerRef(Strict):
    organisation: str
    role: Text = "partner"


class LeadRef(Strict):
    """A co-lead (trekker together with `lead`), for all of the action or part of it."""

    organisation: str
    scope: Text | None = None


class ActionIn(Strict):
    code: str = Field(max_length=limits.CODE)
    goal: str
    title: Title
    period: str | None = None
    lead: str | None = None
    lead_scope: Text | None = None  # where the lead leads only part ("topics 1–3")
    co_leads: list[LeadRef] = []
    # The plan names the action but has not written it yet ("Volgt nog …"): shown as such,
    # never an action gap.
    placeholder: bool = False
    partners: list[PartnerRef] = []
    partner_groups: list[Text] = []
    target_groups: list[Text] = []
    source: Source


class ZoneFile(Strict):
    """Only `zone` is required: a section with no entries may be left out (a zone with no
    plan yet has no goals or actions)."""

    zone: ZoneInfo
    municipalities: list[MunicipalityRef] = []
    neighbours: list[Neighbour] = []
    organisations: list[OrganisationIn] = []
    memberships: list[Membership] = []
    targets: list[Target] = []
    goals: list[Goal] = []
    actions: list[ActionIn] = []


class ClusterKind(Strict):
    key: ClusterKey
    name: Name
    description: Text


class CategoryIn(Strict):
    key: str = Field(pattern=SLUG)
    name: Name
    cluster: ClusterKey | None
    optional: bool = False


class ReferenceSource(Strict):
    id: str
    document: str
    url: str | None = None


class Expectation(Strict):
    cluster: ClusterKey
    source: str
    reason: Text
    categories: list[str]


class DemoPerson(Strict):
    id: str = Field(pattern=SLUG)
    name: Name
    email: str = Field(
        max_length=limits.EMAIL, pattern=r"^[^@\s]+@example\.org$"
    )  # demo data never holds real addresses
    phone: str | None = Field(default=None, max_length=limits.PHONE)
    function: Name | None = None
    organisation: str
    contact_for: list[str] = []  # action ids (zone/code)


class DemoFile(Strict):
    people: list[DemoPerson]


class Reference(Strict):
    """Everything under seed/reference/."""

    clusters: list[ClusterKind]
    categories: list[CategoryIn]
    sources: list[ReferenceSource]
    expectations: list[Expectation]
    organisations: list[OrganisationIn]
