"""Reusable constrained types: ids, money, contact details, dates, visibility, settings."""

from __future__ import annotations

import re
from decimal import Decimal
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, EmailStr, Field, HttpUrl, StringConstraints

Slug = Annotated[
    str,
    StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", min_length=2, max_length=80),
    Field(description="A stable identifier: lower-case letters, digits and single hyphens, e.g. `school-meals`. It becomes part of web addresses, so do not change it once published.", examples=["behaviour-support"]),
]

EditionId = Annotated[
    str,
    StringConstraints(pattern=r"^\d{4}-\d{2}$"),
    Field(description="The edition's id: the academic year it covers, as `2026-27`.", examples=["2026-27"]),
]

Text = Annotated[str, StringConstraints(min_length=1), Field(description="Plain text.")]
Markdown = Annotated[str, StringConstraints(min_length=1), Field(description="Text in Markdown: paragraphs, lists, **bold**, [links](https://example.org). HTML is not allowed and is shown as typed.")]

_PHONE = re.compile(r"^(\+44 ?|0)[0-9 ]{9,13}$")


def _check_phone(value: str) -> str:
    digits = value.replace(" ", "")
    if not _PHONE.match(value) or not 10 <= len(digits.lstrip("+")) <= 12:
        raise ValueError("phone")
    return value


Phone = Annotated[
    str,
    AfterValidator(_check_phone),
    Field(description="A UK telephone number as people dial it, e.g. `01632 960 123` or `+44 1632 960123`.", examples=["01632 960 123"]),
]

Email = Annotated[EmailStr, Field(description="An e-mail address, preferably a team or role mailbox.", examples=["schools.finance@wessex.example.gov.uk"])]
Url = Annotated[HttpUrl, Field(description="A full web address starting with https:// or http://.", examples=["https://www.wessex.example.gov.uk/schools"])]


def _reject_pound_sign(value: object) -> object:
    if isinstance(value, str) and ("£" in value or "," in value):
        raise ValueError("money-text")
    return value


Money = Annotated[
    Decimal,
    BeforeValidator(_reject_pound_sign),
    Field(ge=0, decimal_places=2, max_digits=12, description="An amount in pounds sterling as a number with at most two decimals and no £ sign, e.g. `450` or `1250.50`.", examples=[450, "1250.50"]),
]


class Visibility(str, Enum):
    PUBLIC = "public"
    INTERNAL = "internal"


VisibilityField = Annotated[
    Visibility,
    Field(description="`public` is published; `internal` is kept for officers and never appears on the website, in downloads or in the PDF."),
]


class Phase(str, Enum):
    EARLY_YEARS = "early-years"
    PRIMARY = "primary"
    SECONDARY = "secondary"
    SPECIAL = "special"
    ALTERNATIVE_PROVISION = "alternative-provision"
    POST_16 = "post-16"


class Setting(str, Enum):
    MAINTAINED = "maintained"
    ACADEMY = "academy"
    FREE_SCHOOL = "free-school"
    INDEPENDENT = "independent"
    OTHER_AUTHORITY = "other-authority"


SETTING_LABELS = {
    Setting.MAINTAINED: "Maintained schools",
    Setting.ACADEMY: "Academies",
    Setting.FREE_SCHOOL: "Free schools",
    Setting.INDEPENDENT: "Independent schools",
    Setting.OTHER_AUTHORITY: "Schools in other authorities",
}

PHASE_LABELS = {
    Phase.EARLY_YEARS: "Early years",
    Phase.PRIMARY: "Primary",
    Phase.SECONDARY: "Secondary",
    Phase.SPECIAL: "Special",
    Phase.ALTERNATIVE_PROVISION: "Alternative provision",
    Phase.POST_16: "Post-16",
}
