import os
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import TypeAdapter, ValidationError

from handbook.data.model.types import SPECIAL_USE_DOMAINS, EditionId, Email, Phone, Slug

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("number", ["01632 960 123", "01632960123", "+44 1632 960123", "0800 123 4567"])
def test_uk_phone_numbers_as_dialled_are_accepted(number):
    assert TypeAdapter(Phone).validate_python(number) == number


@pytest.mark.parametrize("number", ["ext 210", "960 123", "01632 960 123 456 789", "+1 555 0100"])
def test_other_phone_text_is_refused(number):
    with pytest.raises(ValidationError):
        TypeAdapter(Phone).validate_python(number)


def test_slugs_and_edition_ids():
    assert TypeAdapter(Slug).validate_python("school-meals") == "school-meals"
    for bad in ("School Meals", "meals-", "a"):
        with pytest.raises(ValidationError):
            TypeAdapter(Slug).validate_python(bad)
    assert TypeAdapter(EditionId).validate_python("2026-27") == "2026-27"
    with pytest.raises(ValidationError):
        TypeAdapter(EditionId).validate_python("2026")


import datetime as dt
from decimal import Decimal

from handbook.core import limits
from handbook.data.model.types import Date, Flag, Markdown, Money, Name, Summary, Text, Url, WholeNumber


def _code(tp, value) -> str:
    with pytest.raises(ValidationError) as error:
        TypeAdapter(tp).validate_python(value)
    detail = error.value.errors()[0]
    return str(detail.get("ctx", {}).get("error", detail["type"]))


@pytest.mark.parametrize(("value", "expected"), [(450, Decimal(450)), (Decimal("1250.50"), Decimal("1250.50")), ("450", Decimal(450)), (" 12.5 ", Decimal("12.5")), (0, Decimal(0))])
def test_money_takes_numbers_and_a_plain_number_in_quotes(value, expected):
    assert TypeAdapter(Money).validate_python(value) == expected


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("1e3", "number:exponent:1000"),
        ("1.5E2", "number:exponent:150"),
        ("012", "number:leading-zero:12"),
        ("1_000", "number:underscore:1000"),
        ("0x10", "number:not-number:"),
        (".5", "number:point:0.5"),
        ("5.", "number:point:5"),
        ("1,000", "number:money-text:1000"),
        ("£450", "number:money-text:450"),
        ("Infinity", "number:not-number:"),
        ("yes", "number:not-number:"),
        ("9" * 40, "number:too-long:40"),
        (True, "number:yes-no:"),
    ],
)
def test_money_written_in_a_way_that_may_not_mean_what_it_seems_says_what_to_write(text, code):
    assert _code(Money, text) == code


@pytest.mark.parametrize(("value", "code"), [("012", "whole:leading-zero:12"), (Decimal("2.0"), "whole:whole-point:2"), (Decimal("2.5"), "whole:not-whole:"), ("2.5", "whole:not-whole:"), (True, "whole:yes-no:"), ("1e3", "whole:exponent:1000")])
def test_whole_numbers_are_digits_only(value, code):
    assert _code(WholeNumber, value) == code
    assert TypeAdapter(WholeNumber).validate_python(210) == 210 and TypeAdapter(WholeNumber).validate_python("210") == 210


@pytest.mark.parametrize("value", ["yes", "no", "on", "off", "1", 1, 0, "true", "True"])
def test_yes_no_fields_take_only_true_and_false(value):
    assert _code(Flag, value) == "bool_type"
    assert TypeAdapter(Flag).validate_python(True) is True


@pytest.mark.parametrize("value", [0, 1700000000, "2026-09-01T00:00", "2026-09-01T00:00:00Z", "2026-9-1", "20260901", "1 September 2026", dt.datetime(2026, 9, 1)])
def test_dates_are_written_as_yyyy_mm_dd_only(value):
    assert _code(Date, value) == "date"


def test_a_date_written_right_or_given_by_python_is_a_date():
    assert TypeAdapter(Date).validate_python("2026-09-01") == dt.date(2026, 9, 1)
    assert TypeAdapter(Date).validate_python(dt.date(2026, 9, 1)) == dt.date(2026, 9, 1)
    with pytest.raises(ValidationError) as error:  # the right shape, but no such day
        TypeAdapter(Date).validate_python("2026-02-30")
    assert error.value.errors()[0]["type"].startswith("date_")


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("javascript:alert(1)", "url-scheme"),
        ("JavaScript:alert(1)", "url-scheme"),
        ("data:text/html,<script>alert(1)</script>", "url-scheme"),
        ("file:///etc/passwd", "url-scheme"),
        ("ftp://files.example.org/", "url-scheme"),
        ("www.westmarch.example", "url-scheme"),
        ("//westmarch.example/", "url-scheme"),
        ("https://user:secret@westmarch.example/", "url-credentials"),
        ("https://user@westmarch.example/", "url-credentials"),
        ("https://westmarch.example/a page", "url-space"),
        ("https://westmarch.example/\njavascript:alert(1)", "url-space"),
        ("https://westmarch.example/\tx", "url-space"),
        ("https://westmarch.example/" + "a" * limits.MAX_URL, "url-long"),
    ],
)
def test_web_addresses_are_https_without_credentials_or_spaces(url, code):
    assert _code(Url, url) == code


def test_a_plain_web_address_is_kept():
    assert str(TypeAdapter(Url).validate_python("https://www.westmarch.example/schools")) == "https://www.westmarch.example/schools"


@pytest.mark.parametrize(("tp", "limit"), [(Name, limits.MAX_NAME), (Text, limits.MAX_TEXT), (Summary, limits.MAX_SUMMARY), (Markdown, limits.MAX_MARKDOWN)])
def test_text_types_stop_at_their_limit(tp, limit):
    assert TypeAdapter(tp).validate_python("x" * limit) == "x" * limit
    assert _code(tp, "x" * (limit + 1)) == "string_too_long"


# Addresses of every shape: plain ones (checked without email_validator) and the rest (pydantic's
# EmailStr's own check), with the edges of the plain shape on both sides.
ADDRESSES = [
    "schools.finance@wessex.example.gov.uk", "Help.Desk@Westmarch.Example", "a_b%c+d-e@x-y.org.uk", "x@westmarch.example",
    "a@b.co", "a@b.c", "a@b", "a@1.23", "a@b.123", "a@-b.org", "a@b-.org", "a@b--c.org", "a@xn--bcher-kva.example",
    "a..b@x.org", ".a@x.org", "a.@x.org", "a@x..org", "a@.x.org", "a@x.org.", "@x.org", "a@", "a", "a@@x.org",
    "a@x.test", "a@mail.localhost", "a@x.onion", "a@x.invalid", "a@x.local", "a@x.arpa", "a@x.TEST",
    "a" * 64 + "@x.org", "a" * 65 + "@x.org", "a@" + "b" * 63 + ".org", "a@" + "b" * 64 + ".org",
    "a@" + ".".join(["b" * 60] * 4) + ".org", "a@" + ".".join(["b" * 61] * 4) + ".org",
    "Jo Bloggs <jo@x.org>", " jo@x.org ", "jo@x.org\n", "jó@x.org", "jo@exämple.org", "jo!#$&'*/=?^`{|}~@x.org",
    '"jo bloggs"@x.org', "jo@[192.0.2.1]", "jo@x.org\u200b", "jo@x.o", "jo@x." + "a" * 64,
]


@pytest.mark.parametrize("address", ADDRESSES)
def test_an_address_gets_the_verdict_and_the_value_pydantics_email_check_gives(address):
    from pydantic import EmailStr

    def outcome(kind):
        try:
            return TypeAdapter(kind).validate_python(address)
        except ValidationError as error:
            return [(e["type"], e["msg"]) for e in error.errors()]

    assert outcome(Email) == outcome(EmailStr)


def test_the_special_use_domains_are_email_validators():
    import email_validator

    assert list(SPECIAL_USE_DOMAINS) == email_validator.SPECIAL_USE_DOMAIN_NAMES


def test_validating_the_sample_never_loads_email_validator():
    # The point of the plain shape: the sample's addresses are all plain, so `handbook validate`
    # does without email_validator's start-up.
    code = "import sys; from handbook.data.validate import validate; validate('data'); print('email_validator' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, env=dict(os.environ, HANDBOOK_CACHE="off"))
    assert done.stdout.strip() == "False", done.stderr
