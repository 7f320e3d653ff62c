"""What one school pays: the arithmetic of charges, and the data the site's calculator reads.

Input: a validated `Handbook`, a `School` and the quantities it chose. Output: `Quote` records
(money as `Decimal` pounds) or, for the browser, plain data. No I/O and no English: the reasons
are codes that `handbook.presentation.quote` words.

The rules, which `overrides/assets/javascripts/school.js` follows step for step (a property test
compares the two to the penny):

1. A service is open to a school whose phase is in its audience and whose kind of school is
   covered by its audience's settings (`types.kinds_covered`: academy covers free schools).
2. A service's offers are split into items, one per charge label (the offer's name where the
   charge has none) and what it is multiplied by (`per school` and `per academy` are one). For an item, the school's price is the charge that covers its kind, is for
   its phase (or for every phase) and whose band holds its roll (or has no band). Where several
   do, one for its phase beats one for every phase, and a banded one beats an unbanded one;
   then the first in the data.
3. The number a price is multiplied by: the roll for `per pupil`, one for `per school`,
   `per academy` and a flat fee, else the number the school chose (1 unless it says).
   The period: one for a year or none; for a term or a month the number the school chose, else
   a year's worth (3, 12); for a week, day or half day the number the school chose, else 1.
4. Net = price x number x periods, in pence, exactly. If anything is bought (the product is not
   zero), a `minimum` raises it and a `cap` lowers it. VAT is worked out on each item's net and
   rounded to the nearest penny, halves up: (net x rate + 50) // 100 in pence. Gross = net + VAT.
   Totals are sums of items. The rate is the charge's VAT treatment's (`Vat.percent`).
5. A price on application, or one the council pays, has no figure: it has a reason instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum

from handbook.data.model import Handbook
from handbook.data.model.services import Charge, Offer, Payer, Service
from handbook.data.model.types import Phase, Setting, kinds_covered
from handbook.data.model.units import Counted, Period, Source
from handbook.views.catalogue import public_services

MAX_QUANTITY = 100_000  # a number a school chooses: more days, delegates or places than any buys


class Reason(str, Enum):
    """Why a school has no figure for a service or an item."""

    NOT_FOR_PHASE = "not-for-phase"  # the service is not for the school's phase
    NOT_FOR_KIND = "not-for-kind"  # the service is not for its kind of school
    NOT_OFFERED_KIND = "not-offered-kind"  # the item has no price for its kind of school
    NOT_OFFERED_PHASE = "not-offered-phase"  # … none for its phase
    NO_BAND = "no-band"  # … none whose band holds its roll
    ON_APPLICATION = "on-application"  # the price is quoted case by case
    PAID_BY_COUNCIL = "paid-by-council"  # the council pays, not the school
    STATUTORY = "statutory"  # a statutory service: provided without charge, nothing to buy


@dataclass(frozen=True)
class School:
    phase: Phase
    kind: Setting
    pupils: int


@dataclass(frozen=True)
class Quantity:
    """What a school chose for an item: how many of the counted thing, and how many periods."""

    count: int | None = None
    periods: int | None = None


@dataclass(frozen=True)
class Item:
    """One thing a school can buy: an offer's charges with one label."""

    service: Service
    offer: Offer
    label: str
    key: str  # `service/offer`, plus `/label` where the offer has several items (and `/unit` where a label has several units)
    charges: tuple[Charge, ...]


class InPounds:
    """Net, VAT and gross in pounds, from a figure's `net_pence` and `vat_pence`."""

    net_pence: int
    vat_pence: int

    @property
    def net(self) -> Decimal:
        return pounds(self.net_pence)

    @property
    def vat(self) -> Decimal:
        return pounds(self.vat_pence)

    @property
    def gross(self) -> Decimal:
        return pounds(self.net_pence + self.vat_pence)


@dataclass(frozen=True)
class Line(InPounds):
    """What one school pays for one item: a figure (pence) or a reason."""

    item: Item
    charge: Charge | None = None
    reason: Reason | None = None
    count: int = 0
    periods: int = 0
    net_pence: int = 0
    vat_pence: int = 0
    limited_by: str | None = None  # "minimum" or "cap" where one changed the figure

    @property
    def priced(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class ServiceQuote:
    service: Service
    reason: Reason | None  # why the whole service is not open to the school (or is statutory)
    lines: list[Line] = field(default_factory=list)


@dataclass(frozen=True)
class Quote(InPounds):
    school: School
    services: list[ServiceQuote]

    @property
    def lines(self) -> list[Line]:
        return [line for s in self.services for line in s.lines]

    @property
    def net_pence(self) -> int:
        return sum(line.net_pence for line in self.lines if line.priced)

    @property
    def vat_pence(self) -> int:
        return sum(line.vat_pence for line in self.lines if line.priced)


def pounds(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(Decimal("0.01"))


def pence(amount: Decimal) -> int:
    """Money has at most two decimals (the model's rule), so this is exact."""
    return int(amount * 100)


_NOT_WORD = re.compile(r"[^a-z0-9]+")


def _slug(text: str) -> str:
    return _NOT_WORD.sub("-", text.lower()).strip("-") or "item"


def items(service: Service) -> list[Item]:
    """The service's items, in data order: one per offer and charge label."""
    found: list[Item] = []
    for offer in service.offers:
        # A label priced in two units ("per day", "per half day") is two things to buy, not two
        # prices competing for one: the first would always win and the other never be quoted.
        # "Per school" and "per academy" are one thing (the school itself), worded for its kind.
        groups: dict[tuple, list[Charge]] = {}
        for charge in offer.charges:
            groups.setdefault((charge.label or offer.name, *_measure(charge)), []).append(charge)
        measures_of: dict[str, int] = {}
        for label, *_ in groups:
            measures_of[label] = measures_of.get(label, 0) + 1
        for (label, *_), charges in groups.items():
            key = f"{service.id}/{offer.id}"
            if len(groups) > 1:
                key += f"/{_slug(label)}" + (f"/{_slug(charges[0].unit.value)}" if measures_of[label] > 1 else "")
            found.append(Item(service, offer, label, key, tuple(charges)))
    return found


def _measure(charge: Charge) -> tuple:
    """What a price is multiplied by, as a school buys it: the thing (one for the school itself,
    however worded) and the period."""
    per = charge.unit.per
    return (Source.ONE if per is None or per.source is Source.ONE else per, charge.unit.period)


def service_reason(service: Service, school: School) -> Reason | None:
    if school.phase not in service.audience.phases:
        return Reason.NOT_FOR_PHASE
    if school.kind not in kinds_covered(service.audience.settings):
        return Reason.NOT_FOR_KIND
    return None


def _in_band(charge: Charge, pupils: int) -> bool:
    band = charge.band
    return band is None or (band.pupils_from <= pupils and (band.pupils_to is None or pupils <= band.pupils_to))


def price_for(item: Item, school: School) -> Charge | Reason:
    """The charge that sets this school's price for the item, or why there is none (rule 2)."""
    charges = [c for c in item.charges if school.kind in c.kinds]
    if not charges:
        return Reason.NOT_OFFERED_KIND
    charges = [c for c in charges if c.phase is None or c.phase == school.phase]
    if not charges:
        return Reason.NOT_OFFERED_PHASE
    charges = [c for c in charges if _in_band(c, school.pupils)]
    if not charges:
        return Reason.NO_BAND
    return min(charges, key=lambda c: (c.phase is None, c.band is None))  # stable: first wins ties


def count_for(charge: Charge, school: School, chosen: Quantity) -> int:
    """Rule 3: how many of the counted thing."""
    per = charge.unit.per
    if per is None or per.source is Source.ONE:
        return 1
    if per.source is Source.ROLL:
        return school.pupils
    return 1 if chosen.count is None else chosen.count


def periods_for(charge: Charge, chosen: Quantity) -> int:
    """Rule 3: how many periods."""
    period = charge.unit.period
    if period is None or period is Period.YEAR:
        return 1
    if chosen.periods is not None:
        return chosen.periods
    return period.per_year or 1


def line_for(item: Item, school: School, chosen: Quantity = Quantity()) -> Line:
    """Rules 2 to 5 for one item."""
    found = price_for(item, school)
    if isinstance(found, Reason):
        return Line(item, reason=found)
    charge = found
    if charge.price_on_application:
        return Line(item, charge, Reason.ON_APPLICATION)
    if charge.payer is Payer.AUTHORITY:
        return Line(item, charge, Reason.PAID_BY_COUNCIL)
    count, periods = count_for(charge, school, chosen), periods_for(charge, chosen)
    net = pence(charge.amount) * count * periods
    limited_by = None
    if net:
        if charge.minimum is not None and net < pence(charge.minimum):
            net, limited_by = pence(charge.minimum), "minimum"
        if charge.cap is not None and net > pence(charge.cap):
            net, limited_by = pence(charge.cap), "cap"
    vat = (net * charge.vat.percent + 50) // 100
    return Line(item, charge, None, count, periods, net, vat, limited_by)


def quote(handbook: Handbook, school: School, quantities: dict[str, Quantity] | None = None, keys: list[str] | None = None) -> Quote:
    """What `school` pays for every public service (or only the items and services in `keys`:
    a service id, or an item key and any key it begins)."""
    quantities = quantities or {}
    services = []
    for service in public_services(handbook):
        reason = service_reason(service, school)
        if reason is None and not service.offers:
            reason = Reason.STATUTORY
        if keys is None:  # every service: a closed one's items are never looked at
            wanted = [] if reason else items(service)
        else:
            wanted = [i for i in items(service) if _selected(i.key, keys)]
            if not wanted and service.id not in keys:
                continue
        lines = [] if reason else [line_for(i, school, quantities.get(i.key, Quantity())) for i in wanted]
        services.append(ServiceQuote(service, reason, lines))
    return Quote(school, services)


def _selected(key: str, keys: list[str] | None) -> bool:
    return keys is None or any(key == k or key.startswith(k + "/") for k in keys)


def item_keys(handbook: Handbook) -> list[str]:
    return [i.key for s in public_services(handbook) for i in items(s)]


def resolve_key(handbook: Handbook, key: str) -> list[str]:
    """The item keys an officer's or school's short key means: a full key, a service id, or an
    offer id that is unique in the catalogue. Empty if it matches nothing."""
    keys = item_keys(handbook)
    exact = [k for k in keys if k == key or k.startswith(key + "/")]
    if exact:
        return exact
    return [k for k in keys if k.split("/")[1:2] == [key] or "/".join(k.split("/")[1:]) == key]


# The browser's copy of the facts: compact (arrays, bit masks), because the catalogue page carries
# every service's prices. Read by `overrides/assets/javascripts/school.js`; change both together.
CALCULATOR_FORMAT = 1


def _mask(values, order) -> int:
    return sum(1 << i for i, v in enumerate(order) if v in values)


def calculator_data(services: list[Service]) -> dict:
    """Everything the calculator needs for these services (rules 1 to 5), and nothing else.

    Layout: `phases`, `kinds` (value lists; masks below index them), `things` (counted thing ->
    source: roll, one, chosen), `periods` (period -> a year's worth, or 0: the school chooses),
    `services`: [id, name, phase mask, kind mask (covered), statutory (0/1), items], item: [key,
    label, charges], charge: [pence or null (on application), thing or "" (flat fee), period or "",
    kind mask (covered), pupils from or null, pupils to or null, phase index or -1, minimum pence
    or null, cap pence or null, VAT percent, paid by the council (0/1)].
    """
    phases, kinds = list(Phase), list(Setting)
    out = []
    for service in services:
        rows = []
        for item in items(service):
            rows.append([item.key, item.label, [_charge_row(c, phases, kinds) for c in item.charges]])
        out.append([
            service.id, service.name,
            _mask(service.audience.phases, phases),
            _mask(kinds_covered(service.audience.settings), kinds),
            0 if service.offers else 1,
            rows,
        ])
    return {
        "format": CALCULATOR_FORMAT,
        "phases": [p.value for p in phases],
        "kinds": [k.value for k in kinds],
        "things": {c.value: c.source.value for c in Counted},
        "periods": {p.value: (p.per_year or 0) for p in Period},
        "services": out,
    }


def _charge_row(c: Charge, phases: list, kinds: list) -> list:
    return [
        None if c.amount is None else pence(c.amount),
        c.unit.per.value if c.unit.per else "",
        c.unit.period.value if c.unit.period else "",
        _mask(c.kinds, kinds),
        c.band.pupils_from if c.band else None,
        c.band.pupils_to if c.band else None,
        phases.index(c.phase) if c.phase else -1,
        None if c.minimum is None else pence(c.minimum),
        None if c.cap is None else pence(c.cap),
        c.vat.percent,
        1 if c.payer is Payer.AUTHORITY else 0,
    ]
