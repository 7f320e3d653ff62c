"""data/structure.yaml: directorates, services and teams, the management team, portfolios."""

from enum import Enum

from pydantic import Field

from handbook.core.limits import MAX_LIST, MAX_RECORDS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import Markdown, Name, Slug, Text, VisibilityField, Visibility


class UnitKind(str, Enum):
    DIRECTORATE = "directorate"
    SERVICE = "service"
    TEAM = "team"


class Unit(Record):
    id: Slug
    name: Name = Field(description="The unit's name.")
    kind: UnitKind = Field(description="`directorate`, `service` or `team`.")
    parent: Slug | None = Field(default=None, description="The id of the unit this one belongs to; none for a directorate at the top.")
    lead: Slug | None = Field(default=None, description="The contact role (id in contacts.yaml) that leads the unit.")
    summary: Text | None = Field(default=None, description="One sentence on what the unit does.")
    visibility: VisibilityField = Visibility.PUBLIC


class Portfolio(Record):
    id: Slug
    title: Name = Field(description="The portfolio's title, e.g. `Cabinet Member for Education`.")
    holder: Name | None = Field(default=None, description="The elected member holding it (councillors are public office holders); none when vacant.")
    remit: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="What the portfolio covers.")


class StructureFile(Record):
    introduction: Markdown | None = Field(default=None, description="A short introduction to the structure.")
    units: list[Unit] = Field(min_length=1, max_length=MAX_RECORDS, description="Directorates, services and teams. " + PRINTED_TEXT_RULE)
    management_team: list[Slug] = Field(min_length=1, max_length=MAX_LIST, description="Contact roles (ids) on the management team, in order.")
    portfolios: list[Portfolio] = Field(default_factory=list, max_length=MAX_RECORDS, description="Elected members' portfolios.")
