"""data/publications.yaml: data releases to schools, newsletters and communication channels."""

from __future__ import annotations

from enum import Enum

from pydantic import Field

from handbook.model.base import Record
from handbook.model.types import Slug, Text, Url, Visibility, VisibilityField


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
    title: Text = Field(description="The release's title.")
    description: Text = Field(description="What it contains and how schools use it.")
    audience: list[Text] = Field(min_length=1, description="Who receives it.")
    months: list[Month] = Field(min_length=1, description="The months it is released, e.g. `[October, February]`.")
    format: Text = Field(description="How it is delivered, e.g. `secure portal, PDF`.")
    owner: Slug = Field(description="The contact role (id) responsible.")
    visibility: VisibilityField = Visibility.PUBLIC


class Newsletter(Record):
    id: Slug
    name: Text = Field(description="The newsletter's name.")
    cadence: Text = Field(description="How often it is sent, e.g. `weekly in term time`.")
    audience: list[Text] = Field(min_length=1, description="Who receives it.")
    channel: Slug = Field(description="The channel (id) it goes out through.")
    owner: Slug = Field(description="The contact role (id) responsible.")


class Channel(Record):
    id: Slug
    name: Text = Field(description="The channel's name.")
    description: Text = Field(description="What goes through it.")
    url: Url | None = Field(default=None, description="Where to find it.")


class PublicationsFile(Record):
    channels: list[Channel] = Field(min_length=1, description="Ways the authority communicates with schools.")
    data_releases: list[DataRelease] = Field(min_length=1, description="Data releases to schools and their schedule.")
    newsletters: list[Newsletter] = Field(default_factory=list, description="Newsletters and bulletins.")
