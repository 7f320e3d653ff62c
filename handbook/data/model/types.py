"""Reusable constrained types: ids, text within its limits, numbers, money, dates, yes/no, contact
details, web addresses, visibility, settings.

Every value comes from an officer's YAML by pull request, so each type takes what an officer
means and nothing looser: pydantic's lax mode would read `1e3`, `012` and `1_000` as money, `yes`
and `1` as true, and `0` as the date 1970-01-01. Where a value is readable but written in a way
that may not mean what it seems, the problem says what to write instead.
"""

import datetime as dt
import functools
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field, GetPydanticSchema, Strict, StringConstraints
from pydantic_core import Url as WebAddress
from pydantic_core import core_schema

from handbook.core.limits import MAX_DIGITS, MAX_MARKDOWN, MAX_NAME, MAX_NESTING, MAX_SUMMARY, MAX_TEXT, MAX_URL
from handbook.data.nesting import too_deep

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

Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME), Field(description="A name or title.")]
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), Field(description="Plain text.")]
Summary = Annotated[str, StringConstraints(min_length=10, max_length=MAX_SUMMARY), Field(description="A sentence or two.")]


def _check_nesting(value: str) -> str:
    found = too_deep(value)
    if found:
        raise ValueError(f"markdown-depth:{found[0]}:{found[1]}")
    return value


Markdown = Annotated[
    str,
    StringConstraints(min_length=1, max_length=MAX_MARKDOWN),
    AfterValidator(_check_nesting),
    Field(description=f"Text in Markdown: paragraphs, lists, **bold**, [links](https://example.org). HTML is not allowed and is shown as typed. Lists, quotes and brackets nest at most {MAX_NESTING} levels deep."),
]

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

# An address of this plain shape (letters, digits and . _ % + - before the @; after it, a dotted
# name of letters, digits and inner hyphens ending in letters) is one that email_validator accepts
# as it is, with the domain in lower case; tests hold the two to the same verdicts. Why not hand it
# to pydantic's EmailStr anyway: that loads email_validator, which costs every `handbook validate`
# as much start-up time as pydantic itself. Any other address gets pydantic's full check and words.
_PLAIN_EMAIL = re.compile(r"([A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*)@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63})")
# email_validator's SPECIAL_USE_DOMAIN_NAMES (a test keeps the two equal): no mail is delivered there.
SPECIAL_USE_DOMAINS = ("arpa", "invalid", "local", "localhost", "onion", "test")


def _check_email(value: str) -> str:
    plain = _PLAIN_EMAIL.fullmatch(value)
    if plain and len(value) <= 254 and len(plain[1]) <= 64 and "--" not in plain[2]:
        domain = plain[2].lower()
        if domain.rsplit(".", 1)[1] not in SPECIAL_USE_DOMAINS:
            return f"{plain[1]}@{domain}"
    from pydantic.networks import validate_email  # only for an address that is not plain

    return validate_email(value)[1]


Email = Annotated[
    str,
    AfterValidator(_check_email),
    Field(description="An e-mail address, preferably a team or role mailbox.", examples=["schools.finance@wessex.example.gov.uk"], json_schema_extra={"format": "email"}),
]

_URL_SCHEME = re.compile(r"(?i)https?://")
_URL_SPACE = re.compile(r"[\s\x00-\x1f\x7f-\x9f]")


def _check_url(value: object) -> object:
    """Only a full https:// (or http://) address, with nothing a browser would read otherwise.

    Why before pydantic's parser: it quietly drops tabs and new lines and encodes spaces, so
    `https://a.org/\njavascript:…` would pass.
    """
    if not isinstance(value, str):
        return value
    if len(value) > MAX_URL:
        raise ValueError("url-long")
    if not _URL_SCHEME.match(value):
        raise ValueError("url-scheme")
    if _URL_SPACE.search(value):
        raise ValueError("url-space")
    return value


def _no_credentials(url: WebAddress) -> WebAddress:
    # The parsed address, so `https://a.org\@b.org` and the like are read as a browser reads them.
    if url.username or url.password:
        raise ValueError("url-credentials")
    return url


# pydantic's `HttpUrl` check, made from pydantic-core's own URL type. Why not `HttpUrl` itself: its
# module (pydantic.networks) loads importlib.metadata and the email package at import, a twentieth
# of a quote's whole time, for nothing the handbook uses. The same parser, limits and errors.
_HTTP_URL = GetPydanticSchema(lambda _type, _handler: core_schema.url_schema(max_length=MAX_URL, allowed_schemes=["http", "https"], host_required=True))

Url = Annotated[
    WebAddress,
    _HTTP_URL,
    BeforeValidator(_check_url),
    AfterValidator(_no_credentials),
    Field(
        description=f"A full web address starting with https://, at most {MAX_URL:,} characters. An http:// address is accepted only with `http_reason` beside it saying why the site has no https.",
        examples=["https://www.wessex.example.gov.uk/schools"],
    ),
]


def needs_http_reason(url: WebAddress | None, reason: str | None, field: str) -> None:
    """A record's http:// address needs its `http_reason`, and a reason needs an http:// address."""
    if url is not None and url.scheme == "http" and not reason:
        raise ValueError(f"http-needs-reason:{field}")
    if reason and (url is None or url.scheme != "http"):
        raise ValueError(f"http-reason-unused:{field}")


HttpReason = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT)]
HTTP_REASON = "Only beside an http:// address: why the site cannot be used with https://, e.g. `the exam board's portal has no https`."

_PLAIN_NUMBER = re.compile(r"[-+]?(0|[1-9][0-9]*)(\.[0-9]+)?")
_EXPONENT = re.compile(r"[-+]?[0-9]*\.?[0-9]+[eE][-+]?[0-9]{1,2}")


def _suggestion(text: str) -> tuple[str, str]:
    """Why written text is not a plain number, and the plain number it stands for ('' if none)."""
    cleaned = text.replace("_", "").replace(",", "")
    if "£" in text or "," in text:
        reason = "money-text"
    elif "_" in text:
        reason = "underscore"
    elif _EXPONENT.fullmatch(text):
        reason, cleaned = "exponent", text
    elif re.fullmatch(r"[-+]?0[0-9]+(\.[0-9]+)?", text):
        reason = "leading-zero"
    elif re.fullmatch(r"[-+]?(\.[0-9]+|[0-9]+\.)", text):
        reason = "point"
    else:
        return "not-number", ""
    try:
        number = Decimal(cleaned.replace("£", "").strip())
    except InvalidOperation:
        return reason, ""
    return reason, (format(number, "f") if number.is_finite() else "")


def _written_number(value: object, *, whole: bool) -> object:
    """A number as the loader made it (or a plain number in quotes), else ValueError saying why.

    The error's text is `number:<reason>:<plain number to write>` (`whole:` for whole numbers),
    which `handbook.data.messages` turns into a sentence.
    """
    kind = "whole" if whole else "number"
    if isinstance(value, bool):
        raise ValueError(f"{kind}:yes-no:")
    if isinstance(value, int) or (isinstance(value, Decimal) and not whole):
        return value
    if isinstance(value, Decimal):  # whole numbers only: `2.0` is written `2`
        if value == value.to_integral_value():
            raise ValueError(f"{kind}:whole-point:{format(value.normalize(), 'f')}")
        raise ValueError(f"{kind}:not-whole:")
    if isinstance(value, float) or not isinstance(value, str):  # never from the loader
        return value
    text = value.strip()
    if len(text) > MAX_DIGITS:  # text the loader would not read as a number; never `int()` it
        raise ValueError(f"{kind}:too-long:{len(text)}")
    if _PLAIN_NUMBER.fullmatch(text):  # a number in quotes: what an officer means
        if whole and "." in text:
            raise ValueError(f"{kind}:not-whole:")
        return int(text) if whole else Decimal(text)
    reason, plain = _suggestion(text)
    raise ValueError(f"{kind}:{reason}:{plain}")


def _money(value: object) -> object:
    return _written_number(value, whole=False)


def _whole(value: object) -> object:
    return _written_number(value, whole=True)


Money = Annotated[
    Decimal,
    BeforeValidator(_money),
    Field(ge=0, decimal_places=2, max_digits=12, description="An amount in pounds sterling as a number with at most two decimals and no £ sign, e.g. `450` or `1250.50`.", examples=[450, "1250.50"]),
]
WholeNumber = Annotated[int, BeforeValidator(_whole), Field(description="A whole number written in digits, e.g. `210`.")]
Number = Annotated[float, BeforeValidator(_money), Field(description="A number written in digits, e.g. `3` or `2.5`.")]

# Only true and false: the loader makes a boolean of nothing else, so strict refuses `yes`, `on`, `1`.
Flag = Annotated[bool, Strict()]

_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date_text(value: object) -> object:
    """Only YYYY-MM-DD: pydantic would also take `0` (1970-01-01) and `2026-09-01T00:00`."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        return value
    raise ValueError("date")


Date = Annotated[dt.date, BeforeValidator(_date_text)]


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


# The one rule for kinds of school: a free school is an academy in law, so whatever is for
# academies (a price, a service) is for free schools too. Tables, filters, downloads, the PDF and
# the arithmetic all ask `kinds_covered`, so none of them can say otherwise.
PAYS_AS = {Setting.FREE_SCHOOL: Setting.ACADEMY}


def kinds_covered(settings) -> frozenset[Setting]:
    """The kinds of school a list of settings reaches: `[academy]` reaches free schools too."""
    return _covered(tuple(settings))


@functools.lru_cache(maxsize=256)  # asked for every charge by every view and every school
def _covered(settings: tuple) -> frozenset[Setting]:
    listed = {Setting(s) for s in settings}
    return frozenset(listed | {kind for kind, like in PAYS_AS.items() if like in listed})
