"""messages: pydantic's error records -> plain-English sentences with a suggested fix.

All wording shown to officers for field errors lives in this one table, so no raw pydantic phrase
("Input should be…", "Extra inputs…") ever reaches them. Each sentence shows the bad value with
`repr` and, where the fix is a choice among known names, suggests the nearest one. A value is
never shown longer than `MAX_SHOWN` characters (`shown`): a 1 MB value makes a one-line message.
"""

from __future__ import annotations

import difflib
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, NamedTuple

from pydantic import BaseModel

from handbook.core.limits import MAX_NESTING, MAX_URL
from handbook.data.model.units import Counted, Period

# Model-level rules raise ValueError(code); code -> (field to point at, sentence).
RULES: dict[str, tuple[str | None, str]] = {
    "needs-statutory-basis": ("provision", "a statutory or mixed service needs a `statutory_basis` (the Act and section); add one, or set provision to 'traded'"),
    "needs-offers": ("provision", "a traded or mixed service needs at least one entry in `offers` saying what schools can buy and its price"),
    "review-order": ("review_due", "the review due date is before the date it was last reviewed; set a later date"),
    "amount-or-poa": ("amount", "give either an `amount` or `price_on_application: true`, not both and not neither"),
    "dates-order": (None, "the end date is before the start date; swap or correct them"),
    "cap-below-minimum": ("cap", "the cap is lower than the minimum charge; correct one of them"),
    "band-order": ("pupils_to", "`pupils_to` is smaller than `pupils_from`; a band runs from the smaller to the larger number"),
    "chair-one-of": (None, "give exactly one of `role` (a contact role id), `person` (a name) or `vacant: true`"),
    "vacant-with-holder": ("holder", "a vacant role cannot have a holder; remove `holder` or set `vacant: false`"),
    "meeting-times": ("ends", "a meeting's `ends` needs a `starts` before it; give both times, e.g. starts: \"16:00\" and ends: \"18:00\""),
    "role-unreachable": (None, "a role needs an `email` or a `phone` so schools can reach it"),
    "accessibility-review-order": ("last_reviewed", "the statement was last reviewed before it was prepared; correct one of the dates"),
    "accessibility-full-with-issues": ("status", "a website with content that fails (other than content out of the regulations' scope) is not fully compliant; set status to 'partial', or remove the issues that are fixed"),
    "accessibility-issues-missing": ("known_issues", "a website that is not fully compliant must list what is not accessible and why in `known_issues`; add them, or set status to 'full'"),
}

# Type-level rules raise ValueError(code) about the value itself: code -> (sentence after the
# value, problem code).
VALUE_RULES: dict[str, tuple[str, str]] = {
    "phone": ("is not a UK telephone number; write it as dialled, e.g. '01632 960 123'", "phone"),
    "date": ("is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01", "bad-date"),
    "url-scheme": ("does not start with https://; write the full address, e.g. 'https://www.example.gov.uk/page' (other kinds of link, such as javascript: or file:, are never published)", "bad-url"),
    "url-space": ("has a space, tab, new line or invisible character in it; remove it, or write a space as %20", "bad-url"),
    "url-credentials": ("has a user name or password in it (before '@'), which would be published; remove it", "bad-url"),
}

# Numbers written in a way that may not mean what they seem: reason -> sentence after the value.
NUMBER_REASONS = {
    "money-text": "has '£' or commas in it",
    "underscore": "has underscores in it, which some programs read as a number and some do not",
    "exponent": "is written with an exponent (e), which may not be the number you mean",
    "leading-zero": "starts with 0, which may not be the number you mean",
    "point": "needs a digit on each side of the point",
    "not-whole": "is not a whole number",
    "whole-point": "has a point, but a whole number is wanted",
    "not-number": "is not a number",
    "yes-no": "is a yes/no value, not a number",
}

MAX_SHOWN = 60

# Units: `per <thing> [per <period>]` (handbook.data.model.units), worded for officers once here.
UNIT_GRAMMAR = (
    "write `per <thing>` or `per <thing> per <period>`, e.g. 'per pupil per day' or 'per delegate per half day', "
    f"or 'flat fee'. Things: {', '.join(c.value for c in Counted)}; periods: {', '.join(p.value for p in Period)}"
)

# Rules the checks apply across a record (handbook.data.checks): code -> sentence, with
# {placeholders} the check fills in. The checks word nothing themselves.
CHECK_MESSAGES = {
    "unit.legacy": "{written} is how earlier editions wrote this unit, and it is read as {read_as!r}; {fix}",
    "settings.free-school": (
        "a free school pays what an academy pays, so a price cannot be for free schools but not academies; "
        "write `academy`, which covers free schools, in place of `free-school`"
    ),
}


def unknown_unit(value: Any, suggestion: str | None) -> str:
    """`'per dya' is not a known unit; did you mean 'per day'?`, or how units are written."""
    if suggestion:
        return f"{_show(value)} is not a known unit{did_you_mean(suggestion)}"
    return f"{_show(value)} is not a known unit; {UNIT_GRAMMAR}"


def check_message(code: str, **values: Any) -> str:
    """The sentence for a check's problem `code`, its placeholders filled from `values`."""
    return CHECK_MESSAGES[code].format(**values)


def shorten(text: str, limit: int = MAX_SHOWN) -> str:
    """`text`, cut to `limit` characters with '…' when longer."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def shown(value: Any) -> str:
    """A value as a message shows it: `repr` of its text, at most `MAX_SHOWN` characters long."""
    if isinstance(value, bool):
        return "true" if value else "false"  # as the officer wrote it
    if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
        text = str(value)
        return text if len(text) <= MAX_SHOWN else shorten(text)
    return repr(shorten(str(value)))

PATTERN_HINTS = {
    "id": "is not a valid id; use lower-case letters, digits and single hyphens, e.g. 'school-meals'",
    "colour": "is not a colour; write it as '#' and six hex digits, e.g. '#1d4f73'",
    "year": "is not a year; write it as '2026/27'",
    "edition": "is not an edition id; write it as '2026-27' (in quotes is safest)",
    "logo": "is not a logo path; give a .svg or .png file inside docs/, e.g. 'assets/logo.svg'",
    "time": "is not a time of day; write it on the 24-hour clock in quotes, e.g. \"16:00\"",
    "acronym": "is not an acronym; write it in capitals and digits as the text does, e.g. 'SEND' or 'KS2'",
}


def _unwrap(tp: Any) -> Any:
    """Strip Optional, Annotated and list wrappers down to the type a loc part points into."""
    while True:
        origin = typing.get_origin(tp)
        if origin is typing.Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            tp = args[0] if len(args) == 1 else tp
            if len(args) != 1:
                return tp
        else:
            return tp


def type_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The annotated type at `loc` inside `model`, or None if the path leaves the model."""
    tp: Any = model
    for part in loc:
        tp = _unwrap(tp)
        if isinstance(part, int):
            if typing.get_origin(tp) is list:
                tp = typing.get_args(tp)[0]
                continue
            return None
        if isinstance(tp, type) and issubclass(tp, BaseModel) and part in tp.model_fields:
            tp = tp.model_fields[part].annotation
            continue
        return None
    return _unwrap(tp)


def ordinal(n: int) -> str:
    """1 -> '1st', 12 -> '12th', 22 -> '22nd'."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n:,}{suffix}"


def nearest(word: object, choices: list[str]) -> str | None:
    """The known name closest to a misspelt `word`, or None when none is close."""
    if len(str(word)) > MAX_SHOWN:  # nothing that long is a misspelt name; and difflib is quadratic
        return None
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return match[0] if match else None


def did_you_mean(suggestion: str | None) -> str:
    """`; did you mean 'per day'?`, the end of a message that proposes a name; empty for none."""
    return f"; did you mean {suggestion!r}?" if suggestion is not None else ""


class Explanation(NamedTuple):
    """One pydantic error, explained.

    `loc`: where to point; `at_key`: point at the key rather than the value; `suggestion`: the
    name the message proposes (also a field of the `Problem`); `missing`: for a missing field,
    its name (so a misspelt field is not also reported as missing).
    """

    loc: tuple[Any, ...]
    message: str
    code: str
    at_key: bool
    suggestion: str | None = None
    missing: str | None = None


def _name(loc: tuple[Any, ...]) -> str:
    """The field a loc ends in, as an officer reads it: `settings[1]` -> 'an entry of settings'."""
    names = [part for part in loc if isinstance(part, str)]
    name = names[-1].replace("_", " ") if names else "this"
    return f"an entry of {name}" if loc and isinstance(loc[-1], int) else name


# What each kind of choice is called in a sentence: "'academies' is not a known kind of school".
CHOICE_NAMES = {
    "Setting": "kind of school", "Phase": "phase", "Provision": "provision", "OfferKind": "kind of offer",
    "Vat": "VAT treatment", "ContractYear": "contract year", "Payer": "payer", "Visibility": "visibility",
    "Month": "month", "UnitKind": "kind of unit", "GroupKind": "kind of group", "Counted": "counted thing", "Period": "period",
}

# Every other kind of error pydantic can raise (pydantic_core's `ErrorType`), in the officers'
# words: kind -> (sentence after the value, problem code). The kinds `_explain` words itself
# are in `WORDED`; a test checks that the two cover every kind pydantic has, so no internal
# wording ever reaches an officer. {name} is the field, as `_name` words it.
_NOT_LIST = ("is not a list; write each entry on its own line starting with '- '", "not-list")
_NOT_MAPPING = ("is not a set of fields; write each field on its own line as `name: value`", "not-mapping")
_NOT_TEXT = ("is not text that the handbook can use here; write plain text", "not-text")
_NOT_NUMBER = ("is not a number; write digits only, e.g. 450 or 1250.50", "not-number")
_NOT_DATE = ("is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01", "bad-date")
_NOT_URL = ("is not a web address; write it in full, starting with https://", "bad-url")
_NOT_TAKEN = ("is not a value {name} can take; your editor shows what it takes when you point at the field, and the officers' guide explains each field", "invalid")
_KINDS = {
    **dict.fromkeys(("iterable_type", "set_type", "frozen_set_type", "deque_type", "set_item_not_hashable"), _NOT_LIST),
    **dict.fromkeys(("mapping_type", "ordered_dict_type", "counter_type", "frozen_dict_type", "dataclass_type", "dataclass_exact_type", "named_tuple_type", "arguments_type"), _NOT_MAPPING),
    **dict.fromkeys(("string_unicode", "bytes_type", "bytes_invalid_encoding", "bytes_too_short", "bytes_too_long"), _NOT_TEXT),
    **dict.fromkeys(("fraction_type", "fraction_parsing", "complex_type", "complex_str_parsing", "multiple_of"), _NOT_NUMBER),
    **dict.fromkeys(("time_type", "time_parsing", "time_delta_type", "time_delta_parsing", "timezone_naive", "timezone_aware", "timezone_offset"), _NOT_DATE),
    **dict.fromkeys(("url_type", "url_parsing", "url_syntax_violation", "url_scheme"), _NOT_URL),
    "url_too_long": ("is too long for a web address; use a shorter address", "too-long"),
    "string_not_ascii": ("may use only plain letters, digits and punctuation here", "bad-format"),
    "none_required": ("should be left out: {name} takes no value", "invalid"),
    "literal_error": ("is not one of the values {name} takes; your editor lists them when you point at the field", "unknown-choice"),
    **dict.fromkeys(("recursion_loop", "recursion_depth_exceeded"), ("is nested too deeply; flatten it", "too-deep")),
    **dict.fromkeys((
        "no_such_attribute", "json_invalid", "json_type", "needs_python_object", "frozen_field", "frozen_instance", "invalid_key",
        "get_attribute_error", "default_factory_not_called", "iteration_error", "assertion_error", "missing_sentinel_error",
        "ellipsis_error", "is_instance_of", "is_subclass_of", "callable_type", "union_tag_invalid", "union_tag_not_found",
        "missing_argument", "unexpected_keyword_argument", "missing_keyword_only_argument", "unexpected_positional_argument",
        "missing_positional_only_argument", "multiple_argument_values", "uuid_type", "uuid_parsing", "uuid_version",
    ), _NOT_TAKEN),
}
# Kinds `_explain` words itself, with the value and its limits.
WORDED = frozenset((
    "extra_forbidden", "missing", "enum", "value_error", "string_pattern_mismatch", "decimal_max_places", "decimal_max_digits",
    "decimal_whole_digits", "greater_than_equal", "greater_than", "less_than_equal", "less_than", "decimal_parsing", "decimal_type",
    "float_parsing", "float_type", "finite_number", "int_parsing", "int_type", "int_from_float", "int_parsing_size", "bool_parsing",
    "bool_type", "string_type", "string_too_short", "string_too_long", "too_long", "too_short", "list_type", "tuple_type",
    "model_type", "model_attributes_type", "dict_type", "date_type", "date_parsing", "date_from_datetime_parsing",
    "date_from_datetime_inexact", "date_past", "date_future", "datetime_type", "datetime_parsing", "datetime_object_invalid",
    "datetime_from_date_parsing", "datetime_past", "datetime_future",
))
KNOWN_KINDS = WORDED | frozenset(_KINDS)


def _pattern_kind(field: str, pattern: str) -> str:
    if "#" in pattern:
        return "colour"
    if "\\d{4}/" in pattern:
        return "year"
    if "\\d{4}-" in pattern:
        return "edition"
    if "svg" in pattern:
        return "logo"
    if "[0-5][0-9]$" in pattern:
        return "time"
    if pattern.startswith("^[A-Z]"):
        return "acronym"
    return "id"


def explain(model: type[BaseModel], error: dict[str, Any]) -> Explanation:
    """One pydantic error -> where to point, the sentence, its code and any suggested name."""
    return Explanation(*_explain(model, error))


def _explain(model: type[BaseModel], error: dict[str, Any]) -> tuple:
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    field = loc[-1] if loc else ""
    name = _name(loc)
    ctx = error.get("ctx") or {}

    if kind == "extra_forbidden":
        parent = type_at(model, loc[:-1])
        names = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        suggestion = nearest(field, names)
        allowed = f" (allowed here: {', '.join(names)})" if names and suggestion is None else ""
        return loc, f"{shown(field)} is not a known field here{did_you_mean(suggestion)}{allowed}", "unknown-field", True, suggestion
    if kind == "missing":
        if isinstance(field, int):
            return loc[:-1], f"{name.removeprefix('an entry of ')} needs another entry; add it", "missing-field", True
        return loc[:-1], f"the required field {str(field)!r} is missing; add it", "missing-field", True, None, str(field)
    if kind == "enum":
        tp = type_at(model, loc)
        choices = [m.value for m in tp] if isinstance(tp, type) and issubclass(tp, Enum) else []
        what = CHOICE_NAMES.get(getattr(tp, "__name__", ""), name.removeprefix("an entry of "))
        suggestion = nearest(value, choices)
        hint = did_you_mean(suggestion) or (f"; use one of: {', '.join(map(repr, choices))}" if choices else "")
        return loc, f"{_show(value)} is not a known {what}{hint}", "unknown-choice", False, suggestion
    if kind == "value_error":
        return _value_error(loc, str(ctx.get("error", "")), value, error)
    if kind.startswith("url_") and kind != "url_too_long":
        return loc, f"{_show(value)} {_NOT_URL[0]}", "bad-url", False
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return loc, f"{_show(value)} {_NOT_DATE[0]}", "bad-date", False
    if kind == "string_pattern_mismatch":
        return loc, f"{_show(value)} {PATTERN_HINTS[_pattern_kind(str(field), str(ctx.get('pattern', '')))]}", "bad-format", False
    if kind == "decimal_max_places":
        return loc, f"{_show(value)} has more than two decimal places; round it to pence, e.g. 12.50", "bad-money", False
    if kind in ("decimal_max_digits", "decimal_whole_digits"):
        return loc, f"{_show(value)} is too large for a price", "bad-money", False
    if kind in ("greater_than_equal", "greater_than"):
        return loc, f"{_show(value)} must not be less than {_limit(ctx, 'ge', 'gt')}; prices and counts cannot be negative", "too-small", False
    if kind in ("less_than_equal", "less_than"):
        return loc, f"{_show(value)} must not be more than {_limit(ctx, 'le', 'lt')}", "too-large", False
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type", "finite_number"):
        return loc, f"{_show(value)} {_NOT_NUMBER[0]}", "not-number", False
    if kind in ("int_parsing", "int_type", "int_from_float", "int_parsing_size"):
        return loc, f"{_show(value)} is not a whole number; write digits only, e.g. 210", "not-number", False
    if kind in ("bool_parsing", "bool_type"):
        if isinstance(value, str) and value.strip().lower() in ("true", "false"):
            return loc, f"{shown(value)} is in quotes, so it is text; write true or false without quotes", "not-boolean", False
        return loc, f"{_show(value)} is not true or false; write true or false", "not-boolean", False
    if kind == "string_type":
        if isinstance(value, bool):
            return loc, f"{_show(value)} is read as yes/no, not text; put it in quotes if you mean the word", "not-text", False
        if isinstance(value, list):
            return loc, f"{name} should be text, not a list; remove the [ ] or the '- ' and write the text after the colon", "not-text", False
        if isinstance(value, dict):
            return loc, f"{name} should be text, not a set of fields; write the text after the colon, or put it in quotes if it holds ': '", "not-text", False
        return loc, f"{_show(value)} should be text here", "not-text", False
    if kind == "string_too_short":
        least = _count(ctx.get("min_length"), 1)
        return loc, f"{name} must not be empty" if not value else f"{_show(value)} is too short (at least {least:,} character{'' if least == 1 else 's'})", "too-short", False
    if kind == "string_too_long":
        return loc, f"{name} is {len(str(value)):,} characters long; the handbook's limit is {_count(ctx.get('max_length'), 0):,}; shorten it", "too-long", False
    if kind == "too_long":
        actual = _count(ctx.get("actual_length"), len(value) if hasattr(value, "__len__") else 0)
        return loc, f"{name} has {actual:,} entries; the handbook's limit is {_count(ctx.get('max_length'), 0):,}; remove some", "too-many", False
    if kind == "too_short":
        least = _count(ctx.get("min_length"), 1)
        return loc, f"{name} needs at least {least:,} entr{'y' if least == 1 else 'ies'}", "too-few", False
    if kind in ("list_type", "tuple_type"):
        return loc, f"{name} should be a list, each entry on its own line starting with '- '", "not-list", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return loc, f"{name} should be a set of fields (name: value), not {_show(value)}", "not-mapping", False
    sentence, code = _KINDS.get(kind, _NOT_TAKEN)
    return loc, f"{_show(value)} {sentence.format(name=name)}", code, False


def _count(value: Any, default: int) -> int:
    """A length from pydantic's context, as a number (it may be missing or not a number)."""
    return value if isinstance(value, int) and not isinstance(value, bool) else default


def _limit(ctx: dict[str, Any], *keys: str) -> str:
    """The bound of a comparison, as written (`0`, `1,000`), from pydantic's context."""
    for key in keys:
        if isinstance(ctx.get(key), (int, Decimal, float)) and not isinstance(ctx.get(key), bool):
            return f"{ctx[key]:,}"
    return "the smallest allowed" if "ge" in keys else "the largest allowed"


def _value_error(loc: tuple[Any, ...], code: str, value: Any, error: dict[str, Any]) -> tuple:
    """A rule of ours (a ValueError carrying a code) -> the located sentence for it."""
    if code in RULES:
        target, sentence = RULES[code]
        return (loc + (target,) if target else loc), sentence, code, bool(target)
    if code in VALUE_RULES:
        sentence, problem = VALUE_RULES[code]
        return loc, f"{_show(value)} {sentence}", problem, False
    if code == "url-long":
        return loc, f"the web address is {len(str(value)):,} characters long; the handbook's limit is {MAX_URL:,}; use a shorter address", "too-long", False
    if code.startswith(("number:", "whole:")):
        kind, reason, plain = code.split(":", 2)
        if reason == "too-long":
            return loc, f"this number is {int(plain):,} characters long, longer than any number the handbook takes; shorten it", "too-long", False
        fix = f"write {plain}" if plain else "write digits only, e.g. " + ("210" if kind == "whole" else "450 or 1250.50")
        return loc, f"{_show(value)} {NUMBER_REASONS[reason]}; {fix}", "money-text" if reason == "money-text" else "not-number", False
    if code.startswith("unit:"):
        suggestion = code.split(":", 1)[1] or None
        return loc, unknown_unit(value, suggestion), "unknown-choice", False, suggestion
    if code.startswith("markdown-depth:"):
        _, line, what = code.split(":", 2)
        return loc, f"the text nests {what} more than {MAX_NESTING} levels deep (line {line} of the text); flatten it", "too-deep", False
    if code.startswith("http-needs-reason:"):
        field = code.split(":", 1)[1]
        return loc + (field,), f"this address starts with http://, which is not secure; write https:// if the site has it, or add `http_reason:` beside `{field}` saying why it cannot be used", "http-url", False
    if code.startswith("http-reason-unused:"):
        return loc + ("http_reason",), "`http_reason` is only for an http:// address; remove it", "http-url", True
    if code.startswith("edition-years:"):
        _, edition, year = code.split(":", 2)
        return loc + ("edition", "covers", "academic_year"), f"the academic year {shown(year)} does not match edition {shown(edition)}; they must start in the same year", "edition-mismatch", False
    if "email" in str(error.get("msg", "")):
        return loc, f"{_show(value)} is not a valid e-mail address; write it like 'name@example.gov.uk'", "bad-email", False
    return loc, f"{_show(value)} {_NOT_TAKEN[0].format(name=_name(loc))}", "invalid", False


def _show(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return shown(value)
