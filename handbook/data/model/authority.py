"""data/authority.yaml: the authority, the edition, its foreword and branding."""

from enum import Enum
from typing import Annotated, Self

from pydantic import Field, StringConstraints, model_validator

from handbook.core.limits import MAX_LIST, MAX_PRINTED_LINES, MAX_TABLE_COLUMNS, MAX_TEXT
from handbook.data.model.base import Record
from handbook.data.model.types import Date, EditionId, HTTP_REASON, HttpReason, Markdown, Name, Number, Slug, Text, Url, WholeNumber, needs_http_reason

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9a-fA-F]{6}$"), Field(description="A colour as `#rrggbb`.", examples=["#1d4f73"])]
AcademicYear = Annotated[str, StringConstraints(pattern=r"^\d{4}/\d{2}$"), Field(description="A year as `2026/27`.", examples=["2026/27"])]


class Authority(Record):
    name: Name = Field(description="The council's full name, e.g. `Wessex County Council`.")
    short_name: Name = Field(description="The name used in running text, e.g. `the County Council`.")
    slug: Slug = Field(description="Short id used in file names, e.g. the PDF's name.")
    website: Url = Field(description="The council's website: https://, or http:// with `http_reason`.")
    http_reason: HttpReason | None = Field(default=None, description=HTTP_REASON)
    address: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="Postal address lines.")

    @model_validator(mode="after")
    def _secure_website(self) -> Self:
        needs_http_reason(self.website, self.http_reason, "website")
        return self


class Covers(Record):
    academic_year: AcademicYear = Field(description="The academic year the edition covers.")
    financial_year: AcademicYear = Field(description="The financial year whose prices it lists.")


class Edition(Record):
    id: EditionId
    published: Date = Field(description="Publication date, as `2026-09-01`.")
    covers: Covers = Field(description="The years this edition covers.")
    number: WholeNumber = Field(ge=1, le=999, description="The edition's ordinal, e.g. 4 for the fourth edition.")
    previous: Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)] | None = Field(
        default=None,
        description="Folder (relative to the data folder) holding the previous edition's data, used for 'What has changed'.",
        examples=["archive/2025-26"],
    )


class Handbook_(Record):
    title: Name = Field(description="The handbook's title.")
    subtitle: Name | None = Field(default=None, description="A line under the title.")


class Signatory(Record):
    name: Name = Field(description="The signatory's name as printed.")
    role: Name = Field(description="Their job title as printed.")


class Foreword(Record):
    text: Markdown = Field(description=f"The foreword, in Markdown. The PDF prints it: at most {MAX_PRINTED_LINES} lines, and a table at most {MAX_TABLE_COLUMNS} columns.")
    signatories: list[Signatory] = Field(min_length=1, max_length=MAX_LIST, description="Who signs the foreword.")


class Branding(Record):
    # Each folder name starts with a letter, digit, _ or -: no `..` to climb out of docs/, no leading `/`.
    logo: Annotated[str, StringConstraints(pattern=r"^[\w-][\w.-]*(/[\w-][\w.-]*)*\.(svg|png)$", max_length=MAX_TEXT)] = Field(description="Path of the logo (SVG or PNG) inside `docs/`, e.g. `assets/logo.svg`.")
    primary_colour: Colour = Field(description="Header and heading colour; needs 4.5:1 contrast against white.")
    accent_colour: Colour = Field(description="Links and highlights; needs 4.5:1 contrast against white.")


class Pricing(Record):
    rise_threshold_percent: Annotated[Number, Field(ge=0, le=100)] = Field(
        default=3.0, description="Price rises above this percentage are flagged in 'What has changed' (e.g. inflation)."
    )


OGL_NAME = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"


class Licence(Record):
    name: Name = Field(description="The licence's name, e.g. `Open Government Licence v3.0`.")
    url: Url = Field(description="Where its text is published.")
class Compliance(str, Enum):
    """How far the website meets WCAG 2.2 AA: the words of the regulations' model statement."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


class Reason(str, Enum):
    """Why content is not accessible, as the model statement groups it."""

    NON_COMPLIANCE = "non-compliance"  # it fails and will be fixed
    DISPROPORTIONATE_BURDEN = "disproportionate-burden"  # fixing it now would cost too much; assessed
    OUT_OF_SCOPE = "out-of-scope"  # the regulations do not cover it (e.g. PDFs published before 2018)


Criterion = Annotated[str, StringConstraints(pattern=r"^[1-4]\.[0-9]{1,2}\.[0-9]{1,2}$"), Field(description="A WCAG success criterion's number, e.g. `1.4.10`.", examples=["1.4.10"])]


class KnownIssue(Record):
    content: Text = Field(description="What is not accessible, e.g. `The organisation chart in the PDF edition`.")
    problem: Text = Field(description="What a person meets, in plain words: who is affected and how.")
    criteria: list[Criterion] = Field(default_factory=list, max_length=MAX_TABLE_COLUMNS, description="The WCAG 2.2 success criteria it fails, e.g. `1.1.1`.")
    reason: Reason = Field(description="`non-compliance` (it will be fixed), `disproportionate-burden` or `out-of-scope`.")
    plan: Text | None = Field(default=None, description="What the council will do about it, and by when.")


class Accessibility(Record):
    """The council's facts for the accessibility statement (the Public Sector Bodies Accessibility Regulations 2018)."""

    status: Compliance = Field(description="`full`, `partial` or `none`: how far the website meets WCAG 2.2 AA.")
    contact: Slug = Field(description="The id of the contact point (in contacts.yaml) that takes requests for other formats and reports of problems.")
    reply_within_days: WholeNumber = Field(ge=1, le=60, description="How many working days the council takes to answer a request or a report.")
    prepared: Date = Field(description="When the statement was first prepared, as `2026-08-20`.")
    last_reviewed: Date = Field(description="When it was last reviewed.")
    last_tested: Date = Field(description="When the website was last tested.")
    tested_by: Text = Field(description="Who carried out the test, e.g. `the council's digital team`.")
    known_issues: list[KnownIssue] = Field(default_factory=list, max_length=MAX_LIST, description="Content that is not accessible, and why.")

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        if self.last_reviewed < self.prepared:
            raise ValueError("accessibility-review-order")
        if self.status is Compliance.FULL and any(i.reason is not Reason.OUT_OF_SCOPE for i in self.known_issues):
            raise ValueError("accessibility-full-with-issues")
        if self.status is not Compliance.FULL and not self.known_issues:
            raise ValueError("accessibility-issues-missing")
        return self


class AuthorityFile(Record):
    authority: Authority = Field(description="The council publishing the handbook.")
    handbook: Handbook_ = Field(description="The publication's title.")
    edition: Edition = Field(description="Which edition this data is.")
    foreword: Foreword = Field(description="The foreword and who signs it.")
    branding: Branding = Field(description="Logo and colours.")
    pricing: Pricing = Field(default_factory=Pricing, description="Settings for how prices are compared between editions.")
    open_data_licence: Licence = Field(
        default_factory=lambda: Licence(name=OGL_NAME, url=OGL_URL),
        description="The licence of the downloads (CSV, JSON, calendars): the UK public sector's default is the Open Government Licence v3.0.",
    )
    accessibility: Accessibility | None = Field(default=None, description="The council's facts for the website's accessibility statement; without them the site has no statement (a warning).")

    @model_validator(mode="after")
    def _years_match_edition(self) -> Self:
        start = self.edition.id[:4]
        if not self.edition.covers.academic_year.startswith(start):
            raise ValueError(f"edition-years:{self.edition.id}:{self.edition.covers.academic_year}")
        return self
