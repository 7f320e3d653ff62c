"""data/contacts.yaml: roles, the people who agreed to be named in them, shared contact points."""

from typing import Self

from pydantic import Field, model_validator

from handbook.core.limits import MAX_RECORDS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import Date, Email, Flag, HTTP_REASON, HttpReason, Name, Phone, Slug, Text, Url, VisibilityField, Visibility, needs_http_reason


class Person(Record):
    name: Name = Field(description="The person's name.")
    consent_to_publish: Flag = Field(description="`true` only when they have agreed to be named in the handbook; otherwise the role is shown without a name.")


class Role(Record):
    id: Slug
    title: Name = Field(description="The role's title, e.g. `Head of School Improvement`.")
    team: Slug = Field(description="The unit (id in structure.yaml) the role sits in.")
    email: Email | None = Field(default=None, description="The role's mailbox.")
    phone: Phone | None = Field(default=None, description="The role's telephone number.")
    holder: Person | None = Field(default=None, description="Who holds the role; leave out when vacant.")
    vacant: Flag = Field(default=False, description="`true` while the post is vacant; enquiries go to the mailbox or the team.")
    last_reviewed: Date | None = Field(default=None, description="When these details were last checked.")
    review_due: Date | None = Field(default=None, description="When they must next be checked; overdue reviews are warnings.")
    visibility: VisibilityField = Visibility.PUBLIC

    @model_validator(mode="after")
    def _vacant_has_no_holder(self) -> Self:
        if self.vacant and self.holder is not None:
            raise ValueError("vacant-with-holder")
        if not self.email and not self.phone:
            raise ValueError("role-unreachable")
        return self

    @property
    def public_name(self) -> str | None:
        """The holder's name, only where they agreed to be named."""
        if self.holder and self.holder.consent_to_publish and not self.vacant:
            return self.holder.name
        return None


class ContactPoint(Record):
    id: Slug
    name: Name = Field(description="e.g. `Schools Contact Centre`.")
    purpose: Text = Field(description="What to contact it for.")
    email: Email | None = Field(default=None, description="Its mailbox.")
    phone: Phone | None = Field(default=None, description="Its telephone number.")
    hours: Text | None = Field(default=None, description="When it is open, e.g. `Monday to Friday, 8.30am to 5pm`.")
    url: Url | None = Field(default=None, description="A web page or portal: https://, or http:// with `http_reason`.")
    http_reason: HttpReason | None = Field(default=None, description=HTTP_REASON)
    visibility: VisibilityField = Visibility.PUBLIC

    @model_validator(mode="after")
    def _secure_url(self) -> Self:
        needs_http_reason(self.url, self.http_reason, "url")
        return self


class ContactsFile(Record):
    roles: list[Role] = Field(min_length=1, max_length=MAX_RECORDS, description="Contact roles. " + PRINTED_TEXT_RULE)
    contact_points: list[ContactPoint] = Field(default_factory=list, max_length=MAX_RECORDS, description="Shared contact points: contact centres, helpdesks.")
