"""new_questions: what `handbook new` asks for a service, a contact and a charge, and the entry
the answers make.

Input: an `Asker` (answers given so far, how to ask) and `Known` (the ids and choices the data
holds now). Output: the entry as a mapping of spelled YAML values (`handbook.commands.insertion`).
Each answer is checked as it is given by the model's own field (`handbook.data.answers`) and the
checks' own sentences (references, duplicate ids, units, kinds of school), so an officer meets
the words `handbook validate` would use, at the question they answer. What differs by kind of
school (price, VAT, payer) is asked per price: the first price says which kinds of school pay
it, and the next price is asked for the kinds not yet priced. A price's first day is asked,
never assumed.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from handbook.commands import new_fields
from handbook.commands.asking import Asker
from handbook.commands.insertion import Flow
from handbook.core.errors import HandbookUserError
from handbook.data.answers import NUMBER, answer_problem, list_problem, spell
from handbook.data.checks import references
from handbook.data.checks.uniqueness import id_used
from handbook.data.messages import check_message, shown
from handbook.data.model.contacts import Role
from handbook.data.model.services import ContractYear, OfferKind, Payer, Provision, Service, Vat
from handbook.data.model.types import Phase, Setting, kinds_covered
from handbook.data.model.units import LEGACY, parse_unit

POA = ("poa", "price on application")
YES, NO = ("y", "yes", "true"), ("n", "no", "false")


@dataclass
class Known:
    """What the data holds now: ids to refer to, and the lines of the ids already used."""

    services: dict[str, dict] = field(default_factory=dict)  # id -> the entry's values as loaded
    service_lines: dict[str, int] = field(default_factory=dict)
    categories: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    role_lines: dict[str, int] = field(default_factory=dict)
    units: list[str] = field(default_factory=list)
    financial_start: str = ""  # e.g. 2026-04-01: the hint for a price's first day
    academic_start: str = ""


def _values(enum) -> list[str]:
    return [e.value for e in enum]


def items(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:80].strip("-")


class Entry:
    """Questions about one record at `prefix` inside `model`; each answer is checked against its
    field there and any `also` rule, and kept spelled as YAML writes it."""

    def __init__(self, asker: Asker, model: type, prefix: tuple = ()) -> None:
        self.asker, self.model, self.prefix = asker, model, prefix

    def text(self, name: str, loc: tuple, prompt: str, *, kind: str = "text", also: Callable | None = None,
             accept: tuple[str, ...] = (), **options) -> str | None:
        """The spelled answer, or None for an optional one left out; `accept`: words taken as they are."""
        def check(answer: str) -> str | None:
            if answer.lower() in accept:
                return None
            return answer_problem(self.model, self.prefix + loc, answer, kind)[2] or (also(answer) if also else None)

        answer = self.asker.ask(name, prompt, check=check, **options)
        if not answer or answer.lower() in accept:
            return None
        return answer_problem(self.model, self.prefix + loc, answer, kind)[0]

    def many(self, name: str, loc: tuple, prompt: str, *, each: Callable | None = None, also: Callable | None = None, **options) -> Flow | None:
        """A list answered `a, b`: its spelled items, or None for an optional one left empty."""
        def check(answer: str) -> str | None:
            parts = items(answer)
            problem = list_problem(self.model, self.prefix + loc, parts)[1]
            problem = problem or next((p for part in parts if each and (p := each(part))), None)
            return problem or (also(parts) if also else None)

        answer = self.asker.ask(name, prompt + ", separated by commas", check=check, **options)
        return Flow(list_problem(self.model, self.prefix + loc, items(answer))[0]) if answer else None


def _reference(known: list[str], target: tuple) -> Callable[[str], str | None]:
    return lambda value: None if value in known else references.unknown(value, set(known), target)[0]


def _unused(lines: dict[str, int]) -> Callable[[str], str | None]:
    return lambda value: id_used(value, lines[value]) if value in lines else None


def _unit_today(answer: str) -> str | None:
    """An old phrase (`per pupil`) is read as another unit, so it is asked again in today's words."""
    try:
        unit = parse_unit(answer)
    except ValueError:
        return None  # the field's own check has said why
    if not unit.legacy:
        return None
    read_as, fix = LEGACY[unit.written]
    return check_message("unit.legacy", written=shown(unit.written), read_as=read_as, fix=fix)


def _not_free_school_alone(kinds: list[str]) -> str | None:
    alone = Setting.FREE_SCHOOL.value in kinds and Setting.ACADEMY.value not in kinds
    return check_message("settings.free-school") if alone else None


def ask_charge(asker: Asker, known: Known, prefix: tuple, n: int, kinds: list[str], date: str | None, label: bool = False) -> dict | None:
    """Charge number `n` (1-based; its fields `amount`, `vat`… or `amount.2`, `vat.2`… after the
    first) for some of `kinds`; None when the officer leaves the kinds of school empty."""
    sfx = "" if n == 1 else f".{n}"
    e = Entry(asker, Service, prefix)
    which = "this price" if n == 1 else "the next price (Enter: the others do not buy it)"
    chosen = e.many(f"charge_settings{sfx}", ("settings",), f"Kinds of school that pay {which}", choices=kinds,
                    default=", ".join(kinds) if n == 1 else None, required=n == 1, also=_not_free_school_alone)
    if chosen is None:
        return None
    who = ", ".join(items(asker.answers[f"charge_settings{sfx}"]))
    charge: dict = {}
    if label and (value := e.text(f"label{sfx}", ("label",), "What this price is for, e.g. Additional visit", required=False)):
        charge["label"] = value
    amount = e.text(f"amount{sfx}", ("amount",), f"Price for {who}, in pounds without £ (e.g. 450 or 1250.50), or poa for price on application", kind=NUMBER, accept=POA)
    if amount is None:
        charge["price_on_application"] = "true"
    else:
        charge["amount"] = amount
    if e.text(f"unit{sfx}", ("unit",), "What the price is multiplied by, e.g. per pupil per year, per delegate per half day, per day or flat fee", also=_unit_today):
        charge["unit"] = spell(parse_unit(asker.answers[f"unit{sfx}"]).value)[0]  # written as the guide writes it
    charge["settings"] = chosen
    payer = e.text(f"payer{sfx}", ("payer",), f"Who pays the price for {who}", choices=_values(Payer), default=Payer.SCHOOL.value)
    if payer and asker.answers.get(f"payer{sfx}") != Payer.SCHOOL.value:  # the model's default, left unwritten
        charge["payer"] = payer
    charge["vat"] = e.text(f"vat{sfx}", ("vat",), f"VAT on the price for {who}", choices=_values(Vat))
    examples = f"e.g. {known.financial_start} for a financial-year price, {known.academic_start} for an academic-year one" if known.financial_start else "e.g. 2026-09-01"
    charge["valid_from"] = e.text(f"valid_from{sfx}", ("valid_from",), f"First day the price for {who} applies, as YYYY-MM-DD ({examples})", default=date)
    return charge


def ask_charges(asker: Asker, known: Known, prefix: tuple, kinds: list[str]) -> list[dict]:
    """A price for each group of kinds of school that pays alike, until every kind the service is
    for has one, or the officer says the others do not buy it."""
    charges: list[dict] = []
    covered: frozenset = frozenset()
    while left := [k for k in kinds if Setting(k) not in covered]:
        n = len(charges) + 1
        date = asker.answers.get("valid_from" if n == 2 else f"valid_from.{n - 1}")
        charge = ask_charge(asker, known, prefix + (n - 1,), n, left, date)
        if charge is None:
            break
        charges.append(charge)
        covered |= kinds_covered(items(asker.answers["charge_settings" if n == 1 else f"charge_settings.{n}"]))
    return charges


def _review(asker: Asker, model: type, today: dt.date) -> dict:
    e = Entry(asker, model)
    last = e.text("last_reviewed", ("last_reviewed",), "When the entry was last checked", default=today.isoformat())
    year = dt.date.fromisoformat(asker.answers["last_reviewed"])
    due = year.replace(year=year.year + 1) if (year.month, year.day) != (2, 29) else year + dt.timedelta(days=365)
    return {"last_reviewed": last, "review_due": e.text("review_due", ("review_due",), "When it must next be checked", default=due.isoformat())}


def next_number(known: Known, category: str) -> int | None:
    """The next free number in `category` (after every number its services have, internal ones
    too), or None when the file numbers no service (a new council's catalogue may not)."""
    numbers = [(str(s.get("category")), s.get("number")) for s in known.services.values()]
    if not any(isinstance(n, int) for _, n in numbers):
        return None
    return max((n for c, n in numbers if c == category and isinstance(n, int)), default=0) + 1


def service(asker: Asker, known: Known, today: dt.date) -> dict:
    e = Entry(asker, Service)
    f = Service.model_fields
    entry: dict = {"id": e.text("id", ("id",), new_fields.FIRST["service"][1], also=_unused(known.service_lines))}
    for name in ("name", "summary", "description"):
        entry[name] = e.text(name, (name,), f[name].description)
    entry["category"] = e.text("category", ("category",), "Category", choices=known.categories, also=_reference(known.categories, references.CATEGORIES))
    number = next_number(known, asker.answers.get("category", ""))
    if number is not None:  # the file keeps references: the new service takes the next free one
        entry = {"id": entry.pop("id"), "number": str(number), **entry}
    entry["provision"] = e.text("provision", ("provision",), "Provision: statutory (the council must provide it), traded (schools buy it) or mixed (both)", choices=_values(Provision))
    provision = asker.answers.get("provision")
    if provision != Provision.TRADED.value:
        basis = {"act": Entry(asker, Service, ("statutory_basis", 0)).text("statutory_act", ("act",), "The Act or regulations behind the statutory part, e.g. Education Act 1996")}
        if section := Entry(asker, Service, ("statutory_basis", 0)).text("statutory_section", ("section",), "Section, e.g. s.19", required=False):
            basis["section"] = section
        entry["statutory_basis"] = [basis]
    entry["audience"] = {
        "phases": e.many("phases", ("audience", "phases"), "Phases it is for", choices=_values(Phase)),
        "settings": e.many("settings", ("audience", "settings"), "Kinds of school it is for", choices=_values(Setting)),
    }
    if provision != Provision.STATUTORY.value:
        o = Entry(asker, Service, ("offers", 0))
        name = o.text("offer_name", ("name",), "Name of what schools can buy, e.g. Annual service level agreement")
        offer = {"id": o.text("offer_id", ("id",), "Id of the offer", default=slug(asker.answers.get("offer_name", "")) or None), "name": name}
        offer["kind"] = o.text("offer_kind", ("kind",), "Kind of offer", choices=_values(OfferKind))
        if year := o.text("contract_year", ("terms", "contract_year"), "Contract year", choices=_values(ContractYear), required=False):
            offer["terms"] = {"contract_year": year}
        offer["charges"] = ask_charges(asker, known, ("offers", 0, "charges"), items(asker.answers.get("settings", "")))
        entry["offers"] = [offer]
    entry["how_to_buy"] = e.text("how_to_buy", ("how_to_buy",), f["how_to_buy"].description.split(". ")[0])
    entry["contacts"] = e.many("contacts", ("contacts",), "Contact roles (ids in contacts.yaml), the main contact first", choices=known.roles, each=_reference(known.roles, references.ROLES))
    if related := e.many("related", ("related",), "Related services (ids)", required=False, each=_reference(sorted(known.services), references.SERVICES)):
        entry["related"] = related
    entry["owner"] = e.text("owner", ("owner",), "The team responsible (id in structure.yaml)", choices=known.units, also=_reference(known.units, references.UNITS))
    entry.update(_review(asker, Service, today))
    if visibility := e.text("visibility", ("visibility",), "Visibility", choices=["public", "internal"], default="public"):
        if asker.answers.get("visibility") != "public":
            entry["visibility"] = visibility
    if keywords := e.many("keywords", ("keywords",), "Other words people search for", required=False):
        entry["keywords"] = keywords
    return entry


def _yes_no(answer: str) -> str | None:
    return None if answer.lower() in YES + NO else f"{shown(answer)} is not yes or no; answer y or n"


def contact(asker: Asker, known: Known, today: dt.date) -> dict:
    e = Entry(asker, Role)
    entry: dict = {"id": e.text("id", ("id",), new_fields.FIRST["contact"][1], also=_unused(known.role_lines))}
    entry["title"] = e.text("title", ("title",), Role.model_fields["title"].description)
    entry["team"] = e.text("team", ("team",), "The team the role sits in (id in structure.yaml)", choices=known.units, also=_reference(known.units, references.UNITS))
    if email := e.text("email", ("email",), "The role's mailbox (Enter if it only has a phone)", required=False):
        entry["email"] = email
    if phone := e.text("phone", ("phone",), "The role's telephone number" + ("" if email else ", needed when there is no mailbox"), required=not email):
        entry["phone"] = phone
    if holder := Entry(asker, Role, ("holder",)).text("holder", ("name",), "Name of the person in the role (Enter if vacant, or to leave it out)", required=False):
        consent = asker.ask("consent_to_publish", "Have they agreed in writing to be named in the handbook? [y/n]", check=_yes_no)
        entry["holder"] = {"name": holder, "consent_to_publish": "true" if consent.lower() in YES else "false"}
    elif asker.ask("vacant", "Is the post vacant? [y/n]", check=_yes_no, default="n").lower() in YES:
        entry["vacant"] = "true"
    entry.update(_review(asker, Role, today))
    if e.text("visibility", ("visibility",), "Visibility", choices=["public", "internal"], default="public") and asker.answers.get("visibility") != "public":
        entry["visibility"] = asker.answers["visibility"]
    return entry


def charge(asker: Asker, known: Known, today: dt.date | None = None) -> tuple[str, str, dict]:
    """(service id, offer id, the charge) to add to an existing offer of an existing service."""
    sellers = sorted(sid for sid, s in known.services.items() if isinstance(s.get("offers"), list) and s["offers"])
    service_id = asker.ask("service", "The service (its id)", choices=sellers, check=lambda v: None if v in sellers else references.unknown(v, set(sellers), references.SERVICES)[0])
    if not service_id:  # --no-input without it
        raise HandbookUserError(f"missing required field(s): service; the services with offers are {', '.join(sellers)}")
    chosen = known.services[service_id]
    offers = [str(o.get("id")) for o in chosen["offers"] if isinstance(o, dict)]
    offer_id = asker.ask("offer", "The offer (its id)", choices=offers, default=offers[0] if len(offers) == 1 else None,
                         check=lambda v: None if v in offers else f"{shown(v)} is not an offer of {service_id}; its offers are {', '.join(offers)}")
    if not offer_id:
        raise HandbookUserError(f"missing required field(s): offer; the offers of {service_id} are {', '.join(offers)}")
    o = offers.index(offer_id)
    existing = chosen["offers"][o].get("charges") or []
    kinds = [str(k) for k in (chosen.get("audience") or {}).get("settings") or []] or _values(Setting)
    found = ask_charge(asker, known, ("offers", o, "charges", len(existing)), 1, kinds, None, label=True)
    assert found is not None  # the first price's kinds of school are required
    return service_id, offer_id, found
