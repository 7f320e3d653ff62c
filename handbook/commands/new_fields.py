"""new_fields: every field `handbook new` asks for, by kind, as `-f NAME=VALUE` takes it.

Kept apart from the questions (`new_questions`) so that `handbook new --help` lists them without
importing the engine; a test holds the two to the same names.
"""

from __future__ import annotations

SERVICE = {
    "id": "id for the web address, e.g. music-tuition",
    "name": "the service's name as schools know it",
    "summary": "one or two sentences (at least 10 characters)",
    "description": "a fuller description (Markdown)",
    "category": "a category id from the top of services.yaml",
    "provision": "statutory, traded or mixed",
    "statutory_act": "the Act behind a statutory or mixed service",
    "statutory_section": "its section, e.g. s.19 (optional)",
    "phases": "phases, separated by commas",
    "settings": "kinds of school the service is for, separated by commas",
    "offer_name": "what schools can buy (traded or mixed)",
    "offer_id": "the offer's id (default: made from offer_name)",
    "offer_kind": "sla, package, pay-as-you-go, course, placement or subscription",
    "contract_year": "financial or academic (optional)",
    "charge_settings": "kinds of school that pay the first price (default: all the service's)",
    "amount": "the first price in pounds, or poa",
    "unit": "what it is multiplied by, e.g. per pupil per year",
    "payer": "school (default), trust, de-delegated or authority",
    "vat": "exempt, standard, zero-rated or outside-scope",
    "valid_from": "first day the price applies, YYYY-MM-DD (asked, never assumed)",
    "how_to_buy": "how to buy or request it",
    "contacts": "contact role ids, separated by commas, the main one first",
    "related": "related service ids (optional)",
    "owner": "the responsible team's id in structure.yaml",
    "last_reviewed": "YYYY-MM-DD (default: today)",
    "review_due": "YYYY-MM-DD (default: a year after last_reviewed)",
    "visibility": "public (default) or internal",
    "keywords": "other words people search for (optional)",
}
CONTACT = {
    "id": "id of the role, e.g. head-of-music",
    "title": "the role's title",
    "team": "the team's id in structure.yaml",
    "email": "the role's mailbox",
    "phone": "its telephone number (needed without a mailbox)",
    "holder": "the post-holder's name (optional)",
    "consent_to_publish": "y or n: they agreed in writing to be named",
    "vacant": "y or n (default n), when there is no holder",
    "last_reviewed": "YYYY-MM-DD (default: today)",
    "review_due": "YYYY-MM-DD (default: a year after last_reviewed)",
    "visibility": "public (default) or internal",
}
# The price fields, for each kind of school that pays differently: the first price's names, then
# the same names ending .2, .3… for the next ones (`-f charge_settings.2=academy -f amount.2=520`).
PRICE = ("charge_settings", "amount", "unit", "payer", "vat", "valid_from")
CHARGE = {
    "service": "the service's id",
    "offer": "the offer's id (default: its only offer)",
    "charge_settings": "kinds of school that pay this price (default: all the service's)",
    "label": "what the price is for, where the offer has several (optional)",
    "amount": "the price in pounds, or poa",
    "unit": "what it is multiplied by, e.g. per delegate per half day",
    "payer": "school (default), trust, de-delegated or authority",
    "vat": "exempt, standard, zero-rated or outside-scope",
    "valid_from": "first day the price applies, YYYY-MM-DD",
}
FIELDS = {"service": SERVICE, "contact": CONTACT, "charge": CHARGE}
# The first question of each kind that needs nothing from the data to ask: asked while the data loads.
FIRST = {
    "service": ("id", "Id for the web address (lower-case words joined by hyphens, e.g. music-tuition)"),
    "contact": ("id", "Id of the role (lower-case words joined by hyphens, e.g. head-of-music)"),
}


def known(kind: str, name: str) -> bool:
    """Whether `name` is a field of `kind` (a price's field may end .2, .3… in a new service)."""
    base, _, number = name.partition(".")
    if number:
        return kind == "service" and base in PRICE and number.isdigit() and int(number) >= 2
    return name in FIELDS[kind]


def help_text() -> str:
    """The fields of each kind, for `handbook new --help`."""
    out = ["fields (-f NAME=VALUE; any not given is asked for, each answer checked as it is given):"]
    for kind, fields in FIELDS.items():
        out.append(f"  {kind}:")
        out.extend(f"    {name:<19} {meaning}" for name, meaning in fields.items())
    out.append("  a service priced differently for other kinds of school: the price fields again, ending .2, .3…,")
    out.append("    e.g. -f charge_settings.2=academy -f amount.2=520 -f payer.2=trust -f vat.2=standard -f valid_from.2=2026-09-01")
    out.append("Interrupted (Ctrl-C, or input ends), the answers so far are kept in .handbook/new-KIND.yaml beside the")
    out.append("data folder, and the next `handbook new KIND` offers to carry on from them.")
    return "\n".join(out)
