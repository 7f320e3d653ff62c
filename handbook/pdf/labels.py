"""Print-only wording for charges and offers, on top of the shared `handbook.presentation.wording`.

Input: model values (a `Charge`, an enum). Output: short plain strings for the PDF's tables.
Money, dates and bands come from `handbook.presentation.wording` so the PDF and the site say the same thing;
this module only adds the phrases a printed table needs. Never evaluates data as a template.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from handbook.data.model.services import Charge, Payer
from handbook.presentation import wording as filters
from handbook.presentation.markdown import to_html, to_inline_html
from handbook.views.catalogue import OFFER_KIND_LABELS, PROVISION_LABELS

PAYER_NOTES = {
    Payer.TRUST: "paid by the trust",
    Payer.DE_DELEGATED: "de-delegated from maintained schools' budgets",
    Payer.AUTHORITY: "paid by the council",
}


def price(charge: Charge) -> str:
    """`£1,450` or `Price on application`."""
    return filters.money(charge.amount, poa=charge.price_on_application)


def settings(values: list[Any]) -> str:
    return filters.join_words([filters.setting_label(v) for v in values])


def phases(values: list[Any]) -> str:
    return filters.join_words([filters.phase_label(v) for v in values])


def scope(band: Any, phase: Any) -> str:
    """Band and phase, the part of 'who pays this' that is not the kind of school."""
    return "; ".join(x for x in (filters.band_text(band), filters.phase_label(phase) if phase else "") if x)


def charge_notes(charge: Charge) -> str:
    """VAT, minimum, cap, discount, payer and end date in one short line."""
    notes = [filters.vat_label(charge.vat)]
    if charge.minimum is not None:
        notes.append(f"minimum {filters.money(charge.minimum)}")
    if charge.cap is not None:
        notes.append(f"capped at {filters.money(charge.cap)}")
    if charge.discount:
        notes.append(charge.discount)
    if charge.payer in PAYER_NOTES:
        notes.append(PAYER_NOTES[charge.payer])
    if charge.valid_to:
        notes.append(f"until {filters.long_date(charge.valid_to)}")
    return "; ".join(notes)


def markdown(text: str | None) -> Markup:
    """An officer's Markdown field as safe HTML (raw HTML shown as typed)."""
    return to_html(text) if text else Markup("")


FILTERS = {
    **filters.FILTERS,
    "price": price,
    "settings": settings,
    "phases": phases,
    "scope": scope,
    "charge_notes": charge_notes,
    "markdown": markdown,
    "inline_markdown": to_inline_html,
    "provision": PROVISION_LABELS.__getitem__,
    "offer_kind": OFFER_KIND_LABELS.__getitem__,
    "vat": filters.vat_label,
}
