"""data/publications.yaml: data releases to schools, newsletters and communication channels."""

from enum import Enum

from typing import Self

from pydantic import Field, model_validator

from handbook.core.limits import MAX_LIST, MAX_RECORDS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import HTTP_REASON, HttpReason, Name, Slug, Text, Url, Visibility, VisibilityField, needs_http_reason


class Month(str, Enum):
    JANUARY = "January"
    FEBRUARY = "February"
    MARCH = "March"
    APRIL = "April"
    MAY = "May"
    JUNE = "June"
    JULY = "July"
    AUGUST = "August"
    SEPTEMBER = "September"
    OCTOBER = "October"
    NOVEMBER = "November"
    DECEMBER = "December"


class DataRelease(Record):
    id: Slug
    title: Name = Field(description="The release's title.")
    description: Text = Field(description="What it contains and how schools use it.")
    audience: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="Who receives it.")
    months: list[Month] = Field(min_length=1, max_length=12, description="The months it is released, e.g. `[October, February]`.")
    format: Text = Field(description="How it is delivered, e.g. `secure portal, PDF`.")
    owner: Slug = Field(description="The contact role (id) responsible.")
    visibility: VisibilityField = Visibility.PUBLIC


class Newsletter(Record):
    id: Slug
    name: Name = Field(description="The newsletter's name.")
    cadence: Text = Field(description="How often it is sent, e.g. `weekly in term time`.")
    audience: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="Who receives it.")
    channel: Slug = Field(description="The channel (id) it goes out through.")
    owner: Slug = Field(description="The contact role (id) responsible.")


class Channel(Record):
    id: Slug
    name: Name = Field(description="The channel's name.")
    description: Text = Field(description="What goes through it.")
    url: Url | None = Field(default=None, description="Where to find it: https://, or http:// with `http_reason`.")
    http_reason: HttpReason | None = Field(default=None, description=HTTP_REASON)

    @model_validator(mode="after")
    def _secure_url(self) -> Self:
        needs_http_reason(self.url, self.http_reason, "url")
        return self


class PublicationsFile(Record):
    channels: list[Channel] = Field(min_length=1, max_length=MAX_RECORDS, description="Ways the authority communicates with schools. " + PRINTED_TEXT_RULE)
    data_releases: list[DataRelease] = Field(min_length=1, max_length=MAX_RECORDS, description="Data releases to schools and their schedule.")
    newsletters: list[Newsletter] = Field(default_factory=list, max_length=MAX_RECORDS, description="Newsletters and bulletins.")
