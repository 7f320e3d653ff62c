"""data/partnerships.yaml: partnerships, forums, boards and meetings, with chairs and cadence."""

from enum import Enum

from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from handbook.core.limits import MAX_LIST, MAX_RECORDS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import Date, Flag, Name, Slug, Text, Visibility, VisibilityField


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
    def _one_kind(self) -> Self:
        if sum([self.role is not None, self.person is not None, self.vacant]) != 1:
            raise ValueError("chair-one-of")
        return self


TimeOfDay = Annotated[
    str,
    StringConstraints(pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$"),
    Field(description="A time of day on the 24-hour clock, UK time, as `\"16:00\"` (in quotes).", examples=["16:00"]),
]


class Meeting(Record):
    """One dated meeting; the calendar download lists it (`/downloads/calendar-meetings.ics`)."""

    date: Date = Field(description="The day of the meeting, as `2026-10-08`.")
    starts: TimeOfDay | None = Field(default=None, description="When it starts (UK time); leave out for a meeting whose time is not yet fixed.")
    ends: TimeOfDay | None = Field(default=None, description="When it ends (UK time); needs `starts`.")
    place: Text | None = Field(default=None, description="Where it meets, e.g. `County Hall, Committee Room 2` or `online`.")

    @model_validator(mode="after")
    def _times(self) -> Self:
        if self.ends is not None and (self.starts is None or self.ends <= self.starts):
            raise ValueError("meeting-times")
        return self


class Group(Record):
    id: Slug
    name: Name = Field(description="The group's name.")
    kind: GroupKind = Field(description="`statutory`, `quasi-statutory`, `partnership`, `consultative`, `liaison`, `policy` or `meeting`.")
    remit: Text = Field(description="What the group is for.")
    chair: Chair = Field(description="Who chairs it.")
    members: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="Who sits on it.")
    meets: Text = Field(description="How often it meets, e.g. `termly` or `six times a year`.")
    meetings: list[Meeting] = Field(default_factory=list, max_length=MAX_LIST, description="The dates of this edition's meetings, where they are fixed; schools can add them to their calendars.")
    reports_to: Slug | None = Field(default=None, description="The group (id) it reports to.")
    appendix: Flag = Field(default=False, description="`true` to list it in the appendix of consultative groups and their chairs.")
    visibility: VisibilityField = Visibility.PUBLIC


class PartnershipsFile(Record):
    groups: list[Group] = Field(min_length=1, max_length=MAX_RECORDS, description="Partnerships, forums, boards and meetings. " + PRINTED_TEXT_RULE)
