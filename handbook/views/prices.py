"""Charges as rows: the price list, the downloads and each service's charges table.

Input: a validated `Handbook`. Output: `ChargeRow`s and plain dicts. No I/O, no formatting
(amounts stay `Decimal`; the filters turn them into text). Only public services appear.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from handbook.data.model import Handbook
from handbook.data.model.services import Charge, ContractYear, Offer, Service
from handbook.data.model.types import Setting
from handbook.views.catalogue import category_of, public_services

# The columns a charges table can have, in this order (headings: `wording.PAYER_COLUMN_LABELS`).
# No free-school column: by the one rule (`types.kinds_covered`) a free school pays what an
# academy pays, so the academy column answers for both and its heading may say so.
PAYER_COLUMNS = (Setting.MAINTAINED, Setting.ACADEMY, Setting.INDEPENDENT, Setting.OTHER_AUTHORITY)


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


# The month a kind of year starts in: a charge starting then runs for that year.
YEAR_STARTS = {4: ContractYear.FINANCIAL, 9: ContractYear.ACADEMIC}


def year_of(row: ChargeRow) -> ContractYear | None:
    """The year a published charge runs for: the one its `valid_from` starts (1 April: the
    financial year; 1 September: the academic year), else its offer's contract year, else None."""
    starts = YEAR_STARTS.get(row.charge.valid_from.month)
    if starts is not None:
        return starts
    return row.offer.terms.contract_year if row.offer.terms else None


def price_years(handbook: Handbook) -> dict[ContractYear, int]:
    """How many published charges run for each kind of year, the more common first.

    Why from the charges rather than a fixed phrase: prices for academies and courses often start
    on 1 September and the rest on 1 April, so "the financial year" would misdescribe many.
    """
    counts: dict[ContractYear, int] = {}
    for row in charges_rows(handbook):
        year = year_of(row)
        if year is not None:
            counts[year] = counts.get(year, 0) + 1
    return dict(sorted(counts.items(), key=lambda item: -item[1]))


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
            for setting in PAYER_COLUMNS:
                if setting in charge.kinds:
                    line.by_setting.setdefault(setting, charge)
    return list(lines.values())


def price_columns(service: Service) -> list[Setting]:
    """The columns of the service's charges table: each kind of school some charge is for.

    Why not always all four: a heading names kinds of school, and no heading may name one that
    none of the prices under it is for.
    """
    covered = {kind for offer in service.offers for charge in offer.charges for kind in charge.kinds}
    return [setting for setting in PAYER_COLUMNS if setting in covered]


def cheapest_amount(service: Service) -> Decimal | None:
    amounts = [c.amount for o in service.offers for c in o.charges if c.amount is not None]
    return min(amounts) if amounts else None
