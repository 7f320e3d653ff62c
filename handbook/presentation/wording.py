"""wording: every label and phrase the handbook prints, and the one filter registry.

Money, dates, plurals, kinds of school, phases, bands, VAT, provision and offer kinds, and the
short phrases a charges table needs. The site's templates, the macros, the PDF, the CSV and the
change reports all take their words from here, so they cannot drift apart.

Input: plain values from views. Output: text. Never formats HTML structure (templates do), never
evaluates data as a template.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from handbook.data.model.partnerships import GroupKind
from handbook.data.model.services import Charge, ContractYear, OfferKind, Provision
from handbook.data.model.types import Phase, Setting
from handbook.presentation.charging import (  # noqa: F401  (issue 12's phrases, said through wording)
    MIXED_EXPLANATION,
    ON_APPLICATION,
    ON_APPLICATION_ADVICE,
    ON_APPLICATION_SOME,
    ON_APPLICATION_UNIT,
    PAYER_NOTES,
    PROVISION_COUNT_NOTES,
    PROVISION_FILTER_LABELS,
    SCHOOL_KIND_NOUNS,
    SCHOOL_KIND_SECTIONS,
    SCHOOL_KIND_TITLES,
    SCHOOL_KINDS_TITLE,
    basis_text,
    contact_text,
    covered_kinds,
    mixed_explanation,
    on_application_advice,
    service_on_application,
    on_application_unit,
    payer_note,
    provision_count,
    school_kind_rule,
)

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


def money(amount: Decimal | int | float | None, poa: bool = False) -> str:
    """`£1,450` or `£1,250.50`; `Price on application` when there is no amount."""
    if amount is None:
        return ON_APPLICATION if poa or amount is None else ""
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
    words = join_words([setting_label(v).lower() for v in values])
    return words if lower else words[:1].upper() + words[1:]


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


PROVISION_LABELS = {
    Provision.STATUTORY: "Statutory",
    Provision.TRADED: "Traded",
    Provision.MIXED: "Statutory and traded",
}
PROVISION_MEANINGS = {
    Provision.STATUTORY: "the council must provide it",
    Provision.TRADED: "schools choose to buy it",
    Provision.MIXED: "a statutory core with traded extras",
}
OFFER_KIND_LABELS = {
    OfferKind.SLA: "service level agreement",
    OfferKind.PACKAGE: "package",
    OfferKind.PAY_AS_YOU_GO: "pay as you go",
    OfferKind.COURSE: "course",
    OfferKind.PLACEMENT: "placement",
    OfferKind.SUBSCRIPTION: "subscription",
}


CONTRACT_YEAR_LABELS = {
    ContractYear.FINANCIAL: "Financial year (April to March)",
    ContractYear.ACADEMIC: "Academic year (September to August)",
}


def price_period(years: dict[Any, int], covers: Any, counts: bool = True) -> str:
    """The years the prices run for, after "prices for": from `views.prices.price_years`.

    `the 2026/27 financial year`, `the 2026/27 academic year`, or both (with how many prices
    start when, unless not `counts`).
    """
    named = {ContractYear.FINANCIAL: f"the {covers.financial_year} financial year", ContractYear.ACADEMIC: f"the {covers.academic_year} academic year"}
    if len(years) != 2:
        return named[next(iter(years), ContractYear.FINANCIAL)]
    if not counts:
        same = covers.financial_year == covers.academic_year
        return f"the {covers.financial_year} financial and academic years" if same else f"{named[ContractYear.FINANCIAL]} and {named[ContractYear.ACADEMIC]}"
    starts = {ContractYear.FINANCIAL: "1 April", ContractYear.ACADEMIC: "1 September"}
    return " and ".join(f"{named[year]} ({plural(n, 'price')}, starting {starts[year]})" for year, n in years.items())




def price(charge: Charge) -> str:
    """`£1,450` or `Price on application`."""
    return money(charge.amount, poa=charge.price_on_application)


def settings(values: list[Any]) -> str:
    return setting_labels(values)


def phases(values: list[Any]) -> str:
    return join_words([phase_label(v) for v in values])


def scope(band: Any, phase: Any) -> str:
    """Band and phase, the part of 'who pays this' that is not the kind of school."""
    return "; ".join(x for x in (band_text(band), phase_label(phase) if phase else "") if x)


def charge_notes(charge: Charge) -> str:
    """VAT, minimum, cap, discount, payer and end date in one short line."""
    notes = [vat_label(charge.vat)]
    if charge.minimum is not None:
        notes.append(f"minimum {money(charge.minimum)}")
    if charge.cap is not None:
        notes.append(f"capped at {money(charge.cap)}")
    if charge.discount:
        notes.append(charge.discount)
    if charge.payer in PAYER_NOTES:
        notes.append(PAYER_NOTES[charge.payer])
    if charge.valid_to:
        notes.append(f"until {long_date(charge.valid_to)}")
    return "; ".join(notes)


def describe_charge(charge: Any) -> str:
    """What a price is for, in words: `Additional visit, per day, academies, 211 pupils and over`.

    Takes a `Charge` or anything with its label, unit, settings, band and phase (the change
    report's `ChargeIdentity`).
    """
    parts = [charge.label] if charge.label else []
    parts.append(charge.unit.value)
    parts.append(", ".join(setting_label(s).lower() for s in charge.settings))
    if charge.band is not None:
        parts.append(band_text(charge.band))
    if charge.phase is not None:
        parts.append(phase_label(charge.phase).lower())
    return ", ".join(parts)


GROUP_KIND_LABELS = {
    GroupKind.STATUTORY: "Statutory bodies",
    GroupKind.QUASI_STATUTORY: "Quasi-statutory bodies",
    GroupKind.PARTNERSHIP: "Partnerships",
    GroupKind.CONSULTATIVE: "Consultative groups",
    GroupKind.LIAISON: "Liaison groups",
    GroupKind.POLICY: "Policy groups",
    GroupKind.MEETING: "Regular meetings",
}

# A group chaired by a council post the handbook does not publish: the chair is known and
# appointed, only not named here, so "to be confirmed" would not be true.
UNNAMED_CHAIR = "a council officer"


def chair_text(chair: Any, start: bool = True) -> str:
    """Who chairs a group, as published (`views.partnerships.Chair`): `Vacant`, the person, the
    role's title with its holder where they agreed to be named, or `A council officer`.

    `start=False` for the middle of a sentence ("chair now vacant"); names are never changed.
    """
    if chair.vacant:
        words = "vacant"
    elif chair.person is not None:
        return chair.person
    elif chair.role_title is not None:
        return f"{chair.role_title} ({chair.role_holder})" if chair.role_holder else chair.role_title
    else:
        words = UNNAMED_CHAIR
    return words[0].upper() + words[1:] if start else words


FILTERS.update(
    {
        "price": price,
        "chair": chair_text,
        "group_kind": GROUP_KIND_LABELS.__getitem__,
        "settings": settings,
        "phases": phases,
        "scope": scope,
        "charge_notes": charge_notes,
        "provision": PROVISION_LABELS.__getitem__,
        "offer_kind": OFFER_KIND_LABELS.__getitem__,
        "contract_year": CONTRACT_YEAR_LABELS.__getitem__,
        "vat": vat_label,
    }
)


# The columns of a charges table (`views.prices.PAYER_COLUMNS`). The academy column answers for
# free schools too, by the one rule (`types.kinds_covered`), so its heading says so.
PAYER_COLUMN_LABELS = {
    Setting.MAINTAINED: "Maintained school",
    Setting.ACADEMY: "Academy or free school",
    Setting.INDEPENDENT: "Independent school",
    Setting.OTHER_AUTHORITY: "School in another authority",
}
NOT_OFFERED = "Not offered"  # a charges table's cell for a kind of school the item is not for

# The parts of a service, as its web page heads them and the PDF's catalogue labels them.
SERVICE_SECTIONS = {
    "basis": "Statutory basis",
    "audience": "Who it is for",
    "how_to_buy": "How to buy or request it",
    "related": "Related services",
}
HOW_TO_BUY_SHORT = "How to buy"  # the PDF's label, set in a narrow column beside its text

OTHER_CONTACTS = "Other contacts"  # the heading of roles that belong to no team
VACANT_POST = "Vacant post"


def edition_label(handbook: Any) -> str:
    """`2026-27 edition`: how every output names the edition."""
    return f"{handbook.authority.edition.id} edition"


def team_name(name: str | None) -> str:
    """A team's heading in a contacts directory; roles without a team go under `OTHER_CONTACTS`."""
    return name or OTHER_CONTACTS


FILTERS["team_name"] = team_name


def kinds_labels(values: list[Any], lower: bool = False) -> str:
    """`Academies and free schools` for `[academy]`: the kinds a list of settings reaches by the one rule."""
    return setting_labels(covered_kinds(values), lower=lower)


FILTERS.update({"payer_note": payer_note, "kinds_labels": kinds_labels, "on_application_unit": on_application_unit, "basis_text": basis_text})


# The accessibility statement (presentation/templates/accessibility.html.j2): how compliant the
# website is, in the regulations' model words, and the heading each kind of known issue goes under.
COMPLIANCE = {"full": "fully compliant", "partial": "partially compliant", "none": "not compliant"}
ISSUE_HEADINGS = {"non-compliance": "Non-compliance with the accessibility regulations", "disproportionate-burden": "Disproportionate burden", "out-of-scope": "Content that is not within the scope of the accessibility regulations"}
STATEMENT_TITLE = "Accessibility statement"


def register(env: Any) -> Any:
    """Adds every filter, and the phrases templates print, to a Jinja environment; returns it."""
    env.filters.update(FILTERS)
    env.globals.update(sections=SERVICE_SECTIONS, not_offered=NOT_OFFERED)
    return env

