"""messages: pydantic's error records -> plain-English sentences with a suggested fix.

All wording shown to officers for field errors lives in this one table, so no raw pydantic phrase
("Input should be…", "Extra inputs…") ever reaches them. Each sentence shows the bad value with
`repr` and, where the fix is a choice among known names, suggests the nearest one.
"""

from __future__ import annotations

import difflib
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any

from pydantic import BaseModel

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
    "role-unreachable": (None, "a role needs an `email` or a `phone` so schools can reach it"),
    "money-text": (None, "write the amount as a plain number without '£' or commas, e.g. 1250.50"),
    "phone": (None, "is not a UK telephone number; write it as dialled, e.g. '01632 960 123'"),
}

PATTERN_HINTS = {
    "id": "is not a valid id; use lower-case letters, digits and single hyphens, e.g. 'school-meals'",
    "colour": "is not a colour; write it as '#' and six hex digits, e.g. '#1d4f73'",
    "year": "is not a year; write it as '2026/27'",
    "edition": "is not an edition id; write it as '2026-27' (in quotes is safest)",
    "logo": "is not a logo path; give a .svg or .png file inside docs/, e.g. 'assets/logo.svg'",
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


def suggest(word: str, choices: list[str]) -> str:
    match = difflib.get_close_matches(str(word), choices, n=1, cutoff=0.6)
    return f"; did you mean {match[0]!r}?" if match else ""


def _label(field: str | int) -> str:
    return str(field).replace("_", " ")


def _pattern_kind(field: str, pattern: str) -> str:
    if "#" in pattern:
        return "colour"
    if "\\d{4}/" in pattern:
        return "year"
    if "\\d{4}-" in pattern:
        return "edition"
    if "svg" in pattern:
        return "logo"
    return "id"


def explain(model: type[BaseModel], error: dict[str, Any]) -> tuple[tuple[Any, ...], str, str, bool]:
    """One pydantic error -> (loc to point at, sentence, code, point at the key not the value)."""
    loc = tuple(error["loc"])
    kind = error["type"]
    value = error.get("input")
    field = loc[-1] if loc else ""
    ctx = error.get("ctx") or {}

    if kind == "extra_forbidden":
        parent = type_at(model, loc[:-1])
        names = list(parent.model_fields) if isinstance(parent, type) and issubclass(parent, BaseModel) else []
        allowed = f" (allowed here: {', '.join(names)})" if names and not suggest(field, names) else ""
        return loc, f"{field!r} is not a known field here{suggest(field, names)}{allowed}", "unknown-field", True
    if kind == "missing":
        return loc[:-1], f"the required field {field!r} is missing; add it", "missing-field", True
    if kind == "enum":
        tp = type_at(model, loc)
        choices = [m.value for m in tp] if isinstance(tp, type) and issubclass(tp, Enum) else []
        hint = suggest(value, choices) or f"; use one of: {', '.join(map(repr, choices))}"
        return loc, f"{value!r} is not a known {_label(field)}{hint}", "unknown-choice", False
    if kind == "value_error":
        code = str(ctx.get("error", ""))
        if code in RULES:
            target, sentence = RULES[code]
            if code in ("money-text", "phone"):
                return loc, f"{value!r} {sentence}" if code == "phone" else f"{value!r}: {sentence}", code, False
            return (loc + (target,) if target else loc), sentence, code, bool(target)
        if code.startswith("edition-years:"):
            _, edition, year = code.split(":", 2)
            return loc + ("edition", "covers", "academic_year"), f"the academic year {year!r} does not match edition {edition!r}; they must start in the same year", "edition-mismatch", False
        if "email" in str(error.get("msg", "")):
            return loc, f"{value!r} is not a valid e-mail address; write it like 'name@example.gov.uk'", "bad-email", False
        return loc, f"{value!r} is not valid here: {code or error.get('msg')}", "invalid", False
    if kind.startswith("url_"):
        return loc, f"{value!r} is not a web address; write it in full, starting with https://", "bad-url", False
    if kind.startswith("date_") or kind.startswith("datetime_"):
        return loc, f"{value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-09-01", "bad-date", False
    if kind == "string_pattern_mismatch":
        return loc, f"{value!r} {PATTERN_HINTS[_pattern_kind(str(field), ctx.get('pattern', ''))]}", "bad-format", False
    if kind == "decimal_max_places":
        return loc, f"{_show(value)} has more than two decimal places; round it to pence, e.g. 12.50", "bad-money", False
    if kind in ("decimal_max_digits", "decimal_whole_digits"):
        return loc, f"{_show(value)} is too large for a price", "bad-money", False
    if kind in ("greater_than_equal", "greater_than"):
        return loc, f"{_show(value)} must not be less than {ctx.get('ge', ctx.get('gt'))}; prices and counts cannot be negative", "too-small", False
    if kind in ("less_than_equal", "less_than"):
        return loc, f"{_show(value)} must not be more than {ctx.get('le', ctx.get('lt'))}", "too-large", False
    if kind in ("decimal_parsing", "decimal_type", "float_parsing", "float_type"):
        return loc, f"{value!r} is not a number; write digits only, e.g. 450 or 1250.50", "not-number", False
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return loc, f"{value!r} is not a whole number", "not-number", False
    if kind in ("bool_parsing", "bool_type"):
        return loc, f"{value!r} is not true or false; write true or false", "not-boolean", False
    if kind == "string_type":
        return loc, f"{_show(value)} should be text here", "not-text", False
    if kind == "string_too_short":
        return loc, f"{_label(field)} must not be empty" if not value else f"{value!r} is too short (at least {ctx.get('min_length')} characters)", "too-short", False
    if kind == "string_too_long":
        return loc, f"{_label(field)} is too long ({len(str(value))} characters; at most {ctx.get('max_length')})", "too-long", False
    if kind == "too_short":
        return loc, f"{_label(field)} needs at least {ctx.get('min_length', 1)} entr{'y' if ctx.get('min_length', 1) == 1 else 'ies'}", "too-few", False
    if kind in ("list_type", "tuple_type"):
        return loc, f"{_label(field)} should be a list, each entry on its own line starting with '- '", "not-list", False
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return loc, f"{_label(field) or 'this'} should be a set of fields (name: value), not {_show(value)}", "not-mapping", False
    return loc, f"{_show(value)} is not valid here ({kind.replace('_', ' ')})", kind, False


def _show(value: Any) -> str:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return repr(str(value)) if not isinstance(value, (int, float, bool)) else repr(value)
