"""quote: what one school pays, in words: text for a terminal, CSV and JSON (`handbook quote`).

Input: a `views.quote.Quote`, the quantities the school chose, and the handbook (for each
service's main contact, `views.catalogue.service_contacts`). Output: text. Every word of a quote
is here: the school's heading, the reasons an offer is not open, how each figure was worked out
("210 pupils × £4.60 per pupil per year = £966.00"), the rounding rule, the total. The arithmetic
is the engine's (`views.quote`); nothing here computes a figure, it only adds up the engine's
pence for the total line's words and prints them.

Values from the data reach the terminal with control and bidi-override characters replaced
(validation refuses them; this keeps a terminal safe whatever it is given), the CSV through
`escape.csv_cell`, and the JSON through `json.dumps`.

The CSV's columns and words are shared with the site's calculator (its basket downloads the same
CSV): `CSV_COLUMNS`, `reason_words` and `LIMIT_WORDS` are what both print.
"""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal

from handbook.data.model.services import Payer, Provision, Vat
from handbook.data.model.types import PAYS_AS, Setting, kinds_covered
from handbook.data.model.units import Counted, Period, Source
from handbook.presentation.escape import csv_cell
from handbook.presentation.wording import NOT_OFFERED, PAYER_NOTES, join_words, money, phase_label, plain_amount, plural, setting_label, vat_label
from handbook.views.catalogue import service_contacts
from handbook.views.quote import Line, Quantity, Quote, Reason, School, ServiceQuote

CSV_COLUMNS = ("service_id", "service_name", "item_key", "item", "unit", "price_gbp", "count", "periods", "net_gbp", "vat_gbp", "gross_gbp", "note")

# views/quote.py rule 4, in words: the one rounding rule every output states.
ROUNDING_RULE = (
    "Each figure is exact to the penny: net = price × number × periods, then any minimum or cap; "
    "VAT is worked out on each item's net and rounded to the nearest penny, a half penny rounded up; "
    "gross = net + VAT; totals add up the items' figures."
)

# What a kind of school is called, one of them ("a primary academy").
SCHOOL_NOUNS = {
    Setting.MAINTAINED: "maintained school",
    Setting.ACADEMY: "academy",
    Setting.FREE_SCHOOL: "free school",
    Setting.INDEPENDENT: "independent school",
    Setting.OTHER_AUTHORITY: "school in another authority",
}

# Where a minimum or a cap changed the figure (the CSV's note, and the text's workings).
LIMIT_WORDS = {"minimum": "raised to the minimum charge", "cap": "capped at the maximum charge"}

STATUTORY_WORDS = "Provided without charge"
MIXED_NOTE = "Its statutory part is provided without charge; the offers below are charged."

_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def safe(text: object) -> str:
    """Text from the data, fit for a terminal: control and bidi-override characters become U+FFFD."""
    return _UNSAFE.sub("\ufffd", str(text))


def figure(amount: Decimal) -> str:
    """`£4,680.00`: a worked-out figure, always in pounds and pence."""
    return f"£{amount:,.2f}"


def _pence(pence: int) -> Decimal:
    return (Decimal(pence) / 100).quantize(Decimal("0.01"))


def _things(count: int, thing: Counted | Period) -> str:
    """`210 pupils`, `1 half day`, `2 academies`."""
    word = thing.value
    if count != 1:
        word = word[:-1] + "ies" if word == "academy" else word + "s"
    return f"{count:,} {word}"


def _phase_schools(school: School) -> str:
    return f"{phase_label(school.phase).lower()} schools"


def school_heading(school: School) -> str:
    """`Primary academy, 210 pupils on roll`."""
    return f"{phase_label(school.phase)} {SCHOOL_NOUNS[school.kind]}, {_things(school.pupils, Counted.PUPIL)} on roll"


def kind_rule(school: School) -> str | None:
    """`A free school pays what an academy pays.` where the one rule (`types.PAYS_AS`) applies."""
    like = PAYS_AS.get(school.kind)
    if like is None:
        return None
    return f"A {SCHOOL_NOUNS[school.kind]} pays what {_an(SCHOOL_NOUNS[like])} pays, and may buy what is offered to {setting_label(like).lower()}."


def _an(noun: str) -> str:
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def reason_words(reason: Reason, school: School) -> str:
    """Why there is no figure, in a few words that depend only on the school (the CSV's note)."""
    kind = setting_label(school.kind).lower()
    return {
        Reason.NOT_FOR_PHASE: f"Not for {_phase_schools(school)}",
        Reason.NOT_FOR_KIND: f"Not for {kind}",
        Reason.NOT_OFFERED_KIND: f"{NOT_OFFERED} to {kind}",
        Reason.NOT_OFFERED_PHASE: f"{NOT_OFFERED} to {_phase_schools(school)}",
        Reason.NO_BAND: f"No published price for {_things(school.pupils, Counted.PUPIL)} on roll",
        Reason.ON_APPLICATION: money(None, poa=True),
        Reason.PAID_BY_COUNCIL: PAYER_NOTES[Payer.AUTHORITY][0].upper() + PAYER_NOTES[Payer.AUTHORITY][1:],
        Reason.STATUTORY: STATUTORY_WORDS,
    }[reason]


def _main_contact(handbook, service) -> str:
    """`the Attendance Manager (Sam Lee), attendance@westmarch.example`, or the service's page."""
    roles = service_contacts(handbook, service)
    if not roles:
        return "the council (see the service's page)"
    role = roles[0]
    who = f"the {role.title}" + (f" ({role.public_name})" if role.public_name else "")
    reach = role.email or role.phone
    return safe(f"{who}, {reach}")


def service_detail(sq: ServiceQuote, school: School) -> str | None:
    """The service's own sentence: why it is not open, that it is free, or what is free in it."""
    service = sq.service
    if sq.reason is Reason.NOT_FOR_PHASE:
        return f"{reason_words(sq.reason, school)}: it is for {join_words([phase_label(p).lower() for p in service.audience.phases])} schools."
    if sq.reason is Reason.NOT_FOR_KIND:
        covered = _covered(service.audience.settings)
        return f"{reason_words(sq.reason, school)}: it is for {join_words([setting_label(s).lower() for s in covered])}."
    if sq.reason is Reason.STATUTORY:
        return f"{STATUTORY_WORDS}: a statutory service, nothing to buy."
    if service.provision is Provision.MIXED:
        return MIXED_NOTE
    return None


def _covered(settings) -> list[Setting]:
    covered = kinds_covered(settings)
    return [s for s in Setting if s in covered]


def workings(line: Line) -> str:
    """How the figure was worked out: `210 pupils × £4.60 per pupil per year = £966.00`."""
    charge = line.charge
    parts = []
    per, period = charge.unit.per, charge.unit.period
    if per is not None and per.source is not Source.ONE:
        parts.append(_things(line.count, per))
    if period is not None and period is not Period.YEAR:
        parts.append(_things(line.periods, period))
    parts.append(f"{money(charge.amount)} {charge.unit.value}")
    product = _pence(int(charge.amount * 100) * line.count * line.periods)
    text = " × ".join(parts) + f" = {figure(product)}"
    if line.limited_by == "minimum":
        text += f", {LIMIT_WORDS['minimum']} of {figure(charge.minimum)}"
    elif line.limited_by == "cap":
        text += f", {LIMIT_WORDS['cap']} of {figure(charge.cap)}"
    return text


def _vat_words(vat: Vat) -> str:
    return f"VAT {vat.percent}%" if vat.percent else vat_label(vat)


def choice_hint(line: Line, chosen: Quantity | None) -> str | None:
    """Where the figure took a number the school did not give: what was assumed, and how to say."""
    per, period = line.charge.unit.per, line.charge.unit.period
    asks_count = per is not None and per.source is Source.CHOSEN
    asks_periods = period is not None and period is not Period.YEAR
    chosen = chosen or Quantity()
    assumed = []
    if asks_count and chosen.count is None:
        assumed.append(_things(line.count, per))
    if asks_periods and chosen.periods is None:
        assumed.append(_things(line.periods, period) + (" (a year's worth)" if period.per_year else ""))
    if not assumed:
        return None
    form = "N" if not asks_periods else ("NxM" if asks_count else "1xM")
    return f"{join_words(assumed)} assumed; give yours with --quantity {line.item.key}={form}"


def line_notes(line: Line) -> list[str]:
    """Who pays and any discount in words, for the text and the JSON."""
    notes = []
    if line.charge is not None and line.charge.payer in PAYER_NOTES and line.priced:
        notes.append(PAYER_NOTES[line.charge.payer])
    if line.charge is not None and line.charge.discount and line.priced:
        notes.append(f"discount not included: {safe(line.charge.discount)}")
    return notes


def _item_reason(line: Line, school: School, handbook) -> str:
    words = reason_words(line.reason, school)
    if line.reason in (Reason.ON_APPLICATION, Reason.NO_BAND):
        return f"{words}: ask {_main_contact(handbook, line.item.service)}"
    if line.reason is Reason.PAID_BY_COUNCIL:
        return f"{words}: the school pays nothing"
    return words


def render_text(quote: Quote, handbook, chosen: dict[str, Quantity] | None = None, picked: bool = False) -> str:
    """The quote for a terminal: the school, then each service's items and figures, then the total."""
    chosen = chosen or {}
    school = quote.school
    out = [school_heading(school)]
    rule = kind_rule(school)
    if rule:
        out.append(rule)
    for sq in quote.services:
        out += ["", f"{safe(sq.service.name)} [{sq.service.id}]"]
        detail = service_detail(sq, school)
        if detail:
            out.append(f"  {detail}")
        for line in sq.lines:
            out.append(f"  - {safe(line.item.label)} [{line.item.key}]")
            if not line.priced:
                out.append(f"      {_item_reason(line, school, handbook)}")
                continue
            out.append(f"      {workings(line)}")
            hint = choice_hint(line, chosen.get(line.item.key))
            if hint:
                out.append(f"      ({hint})")
            notes = "; ".join(line_notes(line))
            out.append(f"      net {figure(line.net)} + VAT {figure(line.vat)} = {figure(line.gross)} ({_vat_words(line.charge.vat)})" + (f"; {notes}" if notes else ""))
    priced = [line for line in quote.lines if line.priced]
    out += ["", f"Rounding: {ROUNDING_RULE}"]
    which = "chosen" if picked else "listed"
    out.append(f"Total of the {plural(len(priced), 'priced item')} {which}: net {figure(quote.net)} + VAT {figure(quote.vat)} = {figure(quote.gross)}.")
    if not picked:
        out.append("The total adds up every priced item listed, and some are alternatives to each other (a package and its single sessions): "
                   "choose items with --service to total what you would buy.")
    return "\n".join(out) + "\n"


def _csv_row(cells: list) -> list[str]:
    return [csv_cell(c) for c in cells]


def render_csv(quote: Quote) -> str:
    """One row per item of each open service, one per service without items, then the total row."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    school = quote.school
    for sq in quote.services:
        service = [sq.service.id, sq.service.name]
        if sq.reason is not None:
            writer.writerow(_csv_row(service + [""] * 9 + [reason_words(sq.reason, school)]))
            continue
        for line in sq.lines:
            unit = line.charge.unit.value if line.charge is not None else ""
            item = [line.item.key, line.item.label, unit]
            if not line.priced:
                writer.writerow(_csv_row(service + item + [""] * 6 + [reason_words(line.reason, school)]))
                continue
            figures = [plain_amount(line.charge.amount), line.count, line.periods, plain_amount(line.net), plain_amount(line.vat), plain_amount(line.gross)]
            writer.writerow(_csv_row(service + item + figures + [LIMIT_WORDS.get(line.limited_by, "")]))
    writer.writerow(_csv_row(["total"] + [""] * 7 + [plain_amount(quote.net), plain_amount(quote.vat), plain_amount(quote.gross), ""]))
    return out.getvalue()


def _amount(amount: Decimal | None) -> str | None:
    return None if amount is None else plain_amount(amount)


def _json_line(line: Line, school: School, handbook) -> dict:
    charge = line.charge
    priced = line.priced
    notes = line_notes(line) if priced else [_item_reason(line, school, handbook)]
    if priced and line.limited_by:
        notes.insert(0, LIMIT_WORDS[line.limited_by])
    return {
        "key": line.item.key,
        "label": line.item.label,
        "unit": charge.unit.value if charge is not None else None,
        "price": _amount(charge.amount) if charge is not None else None,
        "count": line.count if priced else None,
        "periods": line.periods if priced else None,
        "net": _amount(line.net) if priced else None,
        "vat": _amount(line.vat) if priced else None,
        "gross": _amount(line.gross) if priced else None,
        "limited_by": line.limited_by,
        "reason": None if priced else line.reason.value,
        "note": "; ".join(notes) or None,
    }


def render_json(quote: Quote, handbook) -> str:
    """The quote as one JSON document: the school, the rounding rule, each service with its items, the total.

    Amounts are strings with two decimals (`"4680.00"`); an item without a figure has `null`s
    and its `reason` (a `views.quote.Reason` code) and `note` (in words).
    """
    school = quote.school
    document = {
        "school": {"phase": school.phase.value, "setting": school.kind.value, "pupils": school.pupils},
        "rounding": ROUNDING_RULE,
        "services": [
            {
                "id": sq.service.id,
                "name": sq.service.name,
                "reason": sq.reason.value if sq.reason else None,
                "note": service_detail(sq, school),
                "items": [_json_line(line, school, handbook) for line in sq.lines],
            }
            for sq in quote.services
        ],
        "total": {"net": plain_amount(quote.net), "vat": plain_amount(quote.vat), "gross": plain_amount(quote.gross)},
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


FORMATS = ("text", "csv", "json")


def render(quote: Quote, handbook, fmt: str = "text", chosen: dict[str, Quantity] | None = None, picked: bool = False) -> str:
    """The quote in `fmt` (`FORMATS`)."""
    if fmt == "csv":
        return render_csv(quote)
    if fmt == "json":
        return render_json(quote, handbook)
    return render_text(quote, handbook, chosen, picked)
