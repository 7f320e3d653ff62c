"""Formatting filters: money, dates, plurals, labels. The one registry the site, macros and PDF share.

Input: plain values from views. Output: text. Never formats HTML structure (templates do), never
evaluates data as a template.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from handbook.data.model.types import PHASE_LABELS, SETTING_LABELS


def money(amount: Decimal | int | float | None, poa: bool = False) -> str:
    """`£1,450` or `£1,250.50`; `Price on application` when there is no amount."""
    if amount is None:
        return "Price on application" if poa or amount is None else ""
    value = Decimal(amount)
    if value == value.to_integral_value():
        return f"£{value:,.0f}"
    return f"£{value:,.2f}"


def plain_amount(amount: Decimal | None) -> str:
    """`1450.00`: machine-readable amount for CSV and data attributes (empty when none)."""
    return "" if amount is None else f"{Decimal(amount):.2f}"


def long_date(value: dt.date | None) -> str:
    """`1 September 2026` (GOV.UK style)."""
    return "" if value is None else f"{value.day} {value:%B %Y}"


def iso_date(value: dt.date | None) -> str:
    return "" if value is None else value.isoformat()


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 service`, `3 services`."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def phase_label(value: Any) -> str:
    return PHASE_LABELS.get(value, str(getattr(value, "value", value)))


def setting_label(value: Any) -> str:
    return SETTING_LABELS.get(value, str(getattr(value, "value", value)))


def enum_value(value: Any) -> str:
    return str(getattr(value, "value", value))


# Whole lists in one filter: `map('phase_label')` in a template costs a filter lookup per item,
# which added up to a tenth of the catalogue's and price list's rendering.
def phase_labels(values: list[Any], lower: bool = False) -> str:
    """`Primary, secondary and special` (the `and` list of a service's phases)."""
    return join_words([phase_label(v).lower() if lower else phase_label(v) for v in values])


def setting_labels(values: list[Any], lower: bool = False) -> str:
    """`Maintained schools and academies` (the `and` list of kinds of school)."""
    return join_words([setting_label(v).lower() if lower else setting_label(v) for v in values])


def enum_values(values: list[Any]) -> str:
    """`primary secondary`: values for a data attribute, space-separated."""
    return " ".join(enum_value(v) for v in values)


def band_text(band: Any) -> str:
    """`0 to 210 pupils`, `211 pupils and over`; empty for no band."""
    if band is None:
        return ""
    if band.pupils_to is None:
        return f"{band.pupils_from:,} pupils and over"
    return f"{band.pupils_from:,} to {band.pupils_to:,} pupils"


def join_words(items: list[str], last: str = "and") -> str:
    """`a, b and c`."""
    items = [str(i) for i in items]
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


def tel_href(phone: str) -> str:
    """`tel:+441632960123` from `01632 960 123`."""
    digits = phone.replace(" ", "")
    return "tel:" + ("+44" + digits[1:] if digits.startswith("0") else digits)


def megabytes(size: int) -> str:
    """`2.4 MB` (or `0.3 MB`), the size shown next to a download link."""
    return f"{max(size, 1) / 1_000_000:.1f} MB"


FILTERS = {
    "money": money,
    "plain_amount": plain_amount,
    "long_date": long_date,
    "iso_date": iso_date,
    "plural": plural,
    "phase_label": phase_label,
    "setting_label": setting_label,
    "enum_value": enum_value,
    "enum_values": enum_values,
    "phase_labels": phase_labels,
    "setting_labels": setting_labels,
    "band_text": band_text,
    "join_words": join_words,
    "tel_href": tel_href,
    "megabytes": megabytes,
}


VAT_LABELS = {
    "exempt": "VAT exempt",
    "standard": "plus VAT",
    "zero-rated": "zero-rated",
    "outside-scope": "outside VAT scope",
}


def vat_label(vat: Any) -> str:
    """How a VAT treatment reads to a school business manager: `standard` -> 'plus VAT'."""
    return VAT_LABELS[getattr(vat, "value", vat)]


FILTERS["vat_label"] = vat_label


def register(env: Any) -> Any:
    """Adds every filter to a Jinja environment; returns it."""
    env.filters.update(FILTERS)
    return env
