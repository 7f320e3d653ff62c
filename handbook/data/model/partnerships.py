"""data/partnerships.yaml: partnerships, forums, boards and meetings, with chairs and cadence."""

from __future__ import annotations

from enum import Enum

from pydantic import Field, model_validator

from handbook.core.limits import MAX_LIST, MAX_RECORDS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import Flag, Name, Slug, Text, Visibility, VisibilityField


class GroupKind(str, Enum):
    STATUTORY = "statutory"
    QUASI_STATUTORY = "quasi-statutory"
    PARTNERSHIP = "partnership"
    CONSULTATIVE = "consultative"
    LIAISON = "liaison"
    POLICY = "policy"
    MEETING = "meeting"


class Chair(Record):
    """Exactly one of `role`, `person` or `vacant: true`."""

    role: Slug | None = Field(default=None, description="A contact role (id) that chairs by office.")
    person: Text | None = Field(default=None, description="A named chair from outside the council (e.g. an elected headteacher), with their school or body.")
    vacant: Flag = Field(default=False, description="`true` while the chair is vacant.")

    @model_validator(mode="after")
    def _one_kind(self) -> Chair:
        if sum([self.role is not None, self.person is not None, self.vacant]) != 1:
            raise ValueError("chair-one-of")
        return self


class Group(Record):
    id: Slug
    name: Name = Field(description="The group's name.")
    kind: GroupKind = Field(description="`statutory`, `quasi-statutory`, `partnership`, `consultative`, `liaison`, `policy` or `meeting`.")
    remit: Text = Field(description="What the group is for.")
    chair: Chair = Field(description="Who chairs it.")
    members: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="Who sits on it.")
    meets: Text = Field(description="How often it meets, e.g. `termly` or `six times a year`.")
    reports_to: Slug | None = Field(default=None, description="The group (id) it reports to.")
    appendix: Flag = Field(default=False, description="`true` to list it in the appendix of consultative groups and their chairs.")
    visibility: VisibilityField = Visibility.PUBLIC


class PartnershipsFile(Record):
    groups: list[Group] = Field(min_length=1, max_length=MAX_RECORDS, description="Partnerships, forums, boards and meetings. " + PRINTED_TEXT_RULE)
