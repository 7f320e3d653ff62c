"""Charges as rows: the price list, the downloads and each service's charges table.

Input: a validated `Handbook`. Output: `ChargeRow`s and plain dicts. No I/O, no formatting
(amounts stay `Decimal`; the filters turn them into text). Only public services appear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from handbook.data.model import Handbook
from handbook.data.model.services import Charge, Offer, Service
from handbook.data.model.types import Setting
from handbook.views.catalogue import category_of, public_services

# The three kinds of school a charges table always answers for, in this order (their headings
# are `presentation.wording.PAYER_COLUMN_LABELS`).
PAYER_COLUMNS = (Setting.MAINTAINED, Setting.ACADEMY, Setting.OTHER_AUTHORITY)


@dataclass(frozen=True)
class ChargeRow:
    """One charge of one offer, flattened with its service and offer for tables and CSV."""

    service: Service
    offer: Offer
    charge: Charge
    category_name: str

    @property
    def label(self) -> str:
        """What the price is for: the charge's label, else the offer's name."""
        return self.charge.label or self.offer.name


@dataclass(frozen=True)
class PriceLine:
    """One line of a service's who-pays table: what it is for, and each kind of school's charge."""

    offer: Offer
    label: str
    band: object | None
    phase: object | None
    unit: str
    by_setting: dict = field(default_factory=dict)  # Setting -> Charge (missing: not offered)


def charges_rows(handbook: Handbook) -> list[ChargeRow]:
    """Every charge of every public service, by service name then offer order."""
    rows = []
    for service in public_services(handbook):
        category = category_of(handbook, service).name
        for offer in service.offers:
            rows.extend(ChargeRow(service, offer, charge, category) for charge in offer.charges)
    return rows


def _treated_as(setting: Setting) -> Setting:
    # A free school is an academy in law, and an independent school buys at the out-of-authority rate.
    return {Setting.FREE_SCHOOL: Setting.ACADEMY, Setting.INDEPENDENT: Setting.OTHER_AUTHORITY}.get(setting, setting)


def price_lines(service: Service) -> list[PriceLine]:
    """The service's charges as lines (offer, label, band, phase, unit) x kind of school.

    Why: schools ask "what does a school like ours pay"; a charge listing several settings fills
    several columns, so each kind of school reads its price on one line.
    """
    lines: dict[tuple, PriceLine] = {}
    for offer in service.offers:
        for charge in offer.charges:
            key = (offer.id, charge.label, charge.band, charge.phase, charge.unit)
            line = lines.get(key)
            if line is None:
                line = lines[key] = PriceLine(offer, charge.label or offer.name, charge.band, charge.phase, charge.unit.value)
            for setting in charge.settings:
                line.by_setting.setdefault(_treated_as(setting), charge)
    return list(lines.values())


def cheapest_amount(service: Service) -> Decimal | None:
    amounts = [c.amount for o in service.offers for c in o.charges if c.amount is not None]
    return min(amounts) if amounts else None
