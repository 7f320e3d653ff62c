"""prices: the price sheet's rows, and uplifts, -> new amounts written into services.yaml.

Input: a validated `Handbook` and either the rows of an edited price sheet
(`handbook.data.sheet`) or an uplift (a percentage, a rounding step, optionally some services).
Output: `NewPrice`s (which charge, the new amount) and `Rejected` rows with their row numbers;
then `write_prices` changes only those amounts in services.yaml (`handbook.data.edits`: every
other byte stays), after checking the result validates on a copy.

A charge is found by its key: service id, offer id, label, unit, kinds of school, band and
phase, as `export` wrote them. Why the unit is in the key: one offer may price a day and a
half day for the same schools with no label (the sample's consultancy does), and nothing else
tells those two apart. A row whose key matches no charge, or more than one, is rejected with
its row number and never guessed at. Only published services are on the sheet (the sheet is an
output like any other: internal entries never reach it), so a row for an internal one matches
nothing. Amounts are checked as `Money` is: digits, at most pence, not negative, bounded.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.edits import Edit, apply_edits
from handbook.data.model import Handbook
from handbook.data.model.services import Band, Charge, Offer, Service
from handbook.data.report import render
from handbook.data.sheet import FORMULA, SheetRow
from handbook.data.validate import display_path, validate

COLUMNS = ("service", "service_name", "offer", "label", "unit", "settings", "band", "phase", "amount")
KEY = ("service", "offer", "label", "unit", "settings", "band", "phase")
POA = "poa"  # the amount cell of a price on application
MAX_AMOUNT = Decimal("1000000")  # a single price above £1m is a typing mistake in a schools' catalogue
ROUNDING_STEPS = (1, 5, 10)  # pence
_ESCAPED = ("=", "+", "-", "@", "\t", "\r")  # what the export puts a ' before (presentation.escape.FORMULA_STARTS)


@dataclass(frozen=True)
class PricedCharge:
    service: Service
    offer: Offer
    charge: Charge
    at: tuple[int, int, int]  # (service, offer, charge) index in services.yaml

    def cells(self) -> dict[str, str]:
        """The sheet's columns for this charge (amount as written in the data, or `poa`)."""
        c = self.charge
        return {
            "service": self.service.id, "service_name": self.service.name, "offer": self.offer.id, "label": c.label or "",
            "unit": c.unit.value, "settings": ", ".join(s.value for s in c.settings), "band": band_key(c.band),
            "phase": c.phase.value if c.phase else "", "amount": POA if c.price_on_application else amount_text(c.amount),
        }

    @property
    def key(self) -> tuple[str, ...]:
        return key_of(self.cells())


@dataclass(frozen=True)
class NewPrice:
    charge: PricedCharge
    amount: Decimal


@dataclass(frozen=True)
class Rejected:
    row: int  # the sheet's row number
    message: str


def band_key(band: Band | None) -> str:
    """`0-150`, `211+`, or empty."""
    if band is None:
        return ""
    return f"{band.pupils_from}+" if band.pupils_to is None else f"{band.pupils_from}-{band.pupils_to}"


def amount_text(amount: Decimal | None) -> str:
    """How an amount is written in the data: `2230`, `9.20`."""
    if amount is None:
        return ""
    return str(int(amount)) if amount == amount.to_integral_value() else format(amount.quantize(Decimal("0.01")), "f")


def key_of(cells: dict[str, str]) -> tuple[str, ...]:
    """The key columns, compared as finance may have retyped them: case, spaces and the order of kinds of school aside."""
    def norm(name: str) -> str:
        value = cells.get(name, "")
        if value[:1] == "'" and value[1:2] in _ESCAPED:  # the export's guard against formulas, taken off
            value = value[1:]
        value = re.sub(r"\s+", " ", value.strip().lower())
        return ", ".join(sorted(p.strip() for p in value.split(",") if p.strip())) if name == "settings" else value
    return tuple(norm(name) for name in KEY)


def priced_charges(handbook: Handbook) -> list[PricedCharge]:
    """Every charge of every published service, in the file's order."""
    return [
        PricedCharge(service, offer, charge, (s, o, c))
        for s, service in enumerate(handbook.services.services) if service.is_public
        for o, offer in enumerate(service.offers)
        for c, charge in enumerate(offer.charges)
    ]


def parse_amount(text: str) -> Decimal:
    """An amount from the sheet, or ValueError with the sentence that says what to write."""
    value = text.strip()
    if re.search(r"[£,]", value):
        plain = re.sub(r"[£,\s]", "", value)
        raise ValueError(f"{value!r} has '£' or commas in it; write {plain}")
    if not re.fullmatch(r"[0-9]{1,7}(\.[0-9]{1,2})?", value):
        if re.fullmatch(r"[0-9]+\.[0-9]{3,}", value):
            raise ValueError(f"{value!r} has more than two decimal places; round it to the penny")
        if value.startswith("-"):
            raise ValueError(f"{value!r} is negative; a price is 0 or more")
        raise ValueError(f"{value!r} is not an amount in pounds such as 2230 or 9.20")
    amount = Decimal(value)
    if amount > MAX_AMOUNT:
        raise ValueError(f"{value!r} is more than £1,000,000; check the figure")
    return amount


def read_prices(handbook: Handbook, header: list[str], rows: Iterable[SheetRow]) -> tuple[list[NewPrice], list[Rejected]]:
    """The sheet's rows -> the charges whose amount they change, and the rows rejected (why, by row)."""
    missing = [c for c in (*KEY, "amount") if c not in header]
    if missing:
        raise HandbookUserError(f"the sheet has no column {', '.join(missing)}; its first row must keep the names export wrote: {', '.join(COLUMNS)}", status=1)
    index: dict[tuple[str, ...], list[PricedCharge]] = {}
    for priced in priced_charges(handbook):
        index.setdefault(priced.key, []).append(priced)
    prices, rejected, seen = [], [], {}
    for row in rows:
        key = key_of(row.cells)
        shown = ", ".join(f"{name} {row.cells.get(name, '')!r}" for name in KEY if row.cells.get(name))
        if row.formulas:
            rejected.append(Rejected(row.number, f"the {', '.join(row.formulas)} cell holds a formula; type the value itself (copy, then paste values)"))
            continue
        found = index.get(key, [])
        if not found:
            rejected.append(Rejected(row.number, f"matches no charge ({shown}); the key columns must stay as exported: export a fresh sheet to see them"))
            continue
        if len(found) > 1:
            rejected.append(Rejected(row.number, f"matches {len(found)} charges ({shown}); give those charges different labels in services.yaml"))
            continue
        priced = found[0]
        if priced.at in seen:
            rejected.append(Rejected(row.number, f"is the same charge as row {seen[priced.at]}; keep one of them"))
            continue
        seen[priced.at] = row.number
        text = row.cells.get("amount", "")
        if priced.charge.price_on_application:
            if text.strip().lower() not in (POA, ""):
                rejected.append(Rejected(row.number, f"is priced on application; to publish a price for it, change it in services.yaml (amount {text!r} not applied)"))
            continue
        try:
            amount = parse_amount(text)
        except ValueError as error:
            rejected.append(Rejected(row.number, f"amount: {error}"))
            continue
        if amount != priced.charge.amount:
            prices.append(NewPrice(priced, amount))
    return prices, rejected


def uplift(handbook: Handbook, percent: Decimal, step_pence: int = 1, services: list[str] | None = None) -> list[NewPrice]:
    """Every published price (of `services` only, when given) raised by `percent`, rounded half
    up to the nearest `step_pence`; prices on application are left alone."""
    if not Decimal(-50) <= percent <= Decimal(100):
        raise HandbookUserError(f"the uplift must be between -50% and 100%, not {percent}%", status=2)
    if step_pence not in ROUNDING_STEPS:
        raise HandbookUserError(f"--round takes 1, 5 or 10 (pence), not {step_pence}", status=2)
    charges = priced_charges(handbook)
    if services:
        known = {p.service.id for p in charges}
        unknown = [s for s in services if s not in known]
        if unknown:
            raise HandbookUserError(f"no published service with a price has the id {', '.join(map(repr, unknown))}", status=2)
        charges = [p for p in charges if p.service.id in services]
    step = Decimal(step_pence) / 100
    out = []
    for priced in charges:
        if priced.charge.amount is None:
            continue
        raised = priced.charge.amount * (100 + percent) / 100
        amount = (raised / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
        if amount != priced.charge.amount:
            out.append(NewPrice(priced, amount.quantize(Decimal("0.01"))))
    return out


def _edits(prices: list[NewPrice]) -> list[Edit]:
    return [Edit(("services", p.charge.at[0], "offers", p.charge.at[1], "charges", p.charge.at[2], "amount"), amount_text(p.amount)) for p in prices]


def write_prices(data_dir: Path | str, prices: list[NewPrice]) -> Handbook:
    """Writes the new amounts into services.yaml (nothing else changes); the new handbook.

    Checked on a copy first: a result that would not validate is refused and nothing is written.
    """
    data_dir = Path(data_dir)
    path = data_dir / "services.yaml"
    text = apply_edits(path.read_text(encoding="utf-8"), _edits(prices))  # no edits: the text as it is
    with tempfile.TemporaryDirectory(prefix="handbook-prices-") as temp:
        trial = Path(temp) / "data"
        shutil.copytree(data_dir, trial)
        (trial / path.name).write_text(text, encoding="utf-8")
        result = validate(trial, warnings=False)
        if not result.ok:
            problems = render(result.errors).replace(display_path(trial), display_path(data_dir))
            raise HandbookUserError(f"the new prices would not be valid, so nothing was written:\n{problems}", status=1)
    if prices:
        path.write_text(text, encoding="utf-8")
    return result.handbook  # the data as now written: the same texts the trial validated


def charges_for_sheet(handbook: Handbook) -> list[dict[str, str]]:
    """The sheet's rows (`COLUMNS`), one per published charge, as `handbook prices export` writes them."""
    return [p.cells() for p in priced_charges(handbook)]
