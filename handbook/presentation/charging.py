"""charging: how a service's charging reads to a school: free, charged, on application, who pays.

Issue 12's phrases, re-exported by `handbook.presentation.wording` (the one voice) and registered
as its filters, so the site, the macros and the PDF say the same: what a statutory-and-traded
service gives without charge, what a school does about a price on application and whom it asks,
who pays when it is not the school, how many services of each provision there are (a mixed one
counts under both), which kinds of school a list of settings reaches by the one rule, and the
titles of the pages per kind of school.

Input: plain values and records from views. Output: plain text (escape it for its output). Never
formats HTML structure; imports nothing of the presentation stage, so wording can import it.
"""

from __future__ import annotations

from typing import Any

from handbook.data.model.services import Payer, Provision
from handbook.data.model.types import PAYS_AS, Setting, kinds_covered

ON_APPLICATION = "Price on application"  # a charges cell, the price list and any summary
ON_APPLICATION_UNIT = "quoted {unit}"  # under ON_APPLICATION: how the quote is charged, never as if a price
ON_APPLICATION_ADVICE = "Price on application: ask {contact} for a quote."  # no price of the service is published
ON_APPLICATION_SOME = "Where a price is on application, ask {contact} for a quote."  # some are
MIXED_EXPLANATION = "Its statutory core ({basis}) is provided without charge; the offers below are charged."

PAYER_NOTES = {
    Payer.TRUST: "paid by the trust",
    Payer.DE_DELEGATED: "de-delegated from maintained schools' budgets",
    Payer.AUTHORITY: "paid by the council",
}


def contact_text(role: Any) -> str:
    """`the Schools HR Adviser (hr@example.gov.uk)`: whom to ask, as plain text."""
    reach = role.email or role.phone
    return f"the {role.title}" + (f" ({reach})" if reach else "")


def on_application_unit(unit: Any) -> str:
    """`quoted per school per year`, `quoted as a flat fee`: the unit of a price still to be quoted."""
    value = str(getattr(unit, "value", unit))
    return ON_APPLICATION_UNIT.format(unit="as a " + value if value == "flat fee" else value)


def on_application_advice(role: Any, every: bool = True) -> str:
    """Whom a school asks for a price on application; `every`: no price of the service is published."""
    return (ON_APPLICATION_ADVICE if every else ON_APPLICATION_SOME).format(contact=contact_text(role))


def service_on_application(service: Any, contacts: list[Any]) -> str:
    """What a school does about the service's prices on application: ask its main public contact
    (`contacts`, main first); "" when every price is published or no contact is public."""
    charges = [c for o in service.offers for c in o.charges]
    if not contacts or not any(c.price_on_application for c in charges):
        return ""
    return on_application_advice(contacts[0], every=all(c.price_on_application for c in charges))


def basis_text(basis: Any) -> str:
    """`Education Act 1996, s.19`: an Act and its section."""
    return basis.act + (f", {basis.section}" if basis.section else "")


def mixed_explanation(bases: list[Any]) -> str:
    """What a statutory-and-traded service gives without charge and what it charges for."""
    return MIXED_EXPLANATION.format(basis="; ".join(basis_text(b) for b in bases))


def payer_note(payer: Any, start: bool = True) -> str:
    """`De-delegated from maintained schools' budgets`; empty when the school pays. Never the raw value."""
    note = PAYER_NOTES.get(Payer(getattr(payer, "value", payer)), "")
    return note[:1].upper() + note[1:] if start else note


# The catalogue's provision filter: a mixed service is statutory and traded, so both options show it.
PROVISION_FILTER_LABELS = {
    Provision.STATUTORY: "Statutory, with those also traded",
    Provision.TRADED: "Traded, with those also statutory",
    Provision.MIXED: "Both statutory and traded",
}
PROVISION_COUNT_WORDS = {Provision.STATUTORY: "statutory", Provision.TRADED: "traded", Provision.MIXED: "statutory and traded"}
PROVISION_COUNT_NOTES = {
    Provision.STATUTORY: "the council must provide them",
    Provision.TRADED: "schools choose to buy them",
    Provision.MIXED: "a statutory core with traded extras, so counted under statutory and under traded",
}


def provision_count(provision: Provision, count: int, mixed: int) -> tuple[str, str]:
    """(`28 statutory services`, `the council must provide them; 9 of them are statutory and traded`).

    Why say the overlap: a mixed service counts under statutory and under traded, so the counts add
    up to more than the services; the words say by how many.
    """
    note = PROVISION_COUNT_NOTES[provision]
    if provision is not Provision.MIXED and mixed:
        note += f"; {mixed} of them {'is' if mixed == 1 else 'are'} statutory and traded"
    noun = "service" if count == 1 else "services"
    return f"{count} {PROVISION_COUNT_WORDS[provision]} {noun}", note


def covered_kinds(values: list[Any]) -> list[Setting]:
    """The kinds of school a list of settings reaches by the one rule (`types.kinds_covered`), in order."""
    covered = kinds_covered(Setting(getattr(v, "value", v)) for v in values)
    return [s for s in Setting if s in covered]


# A page per kind of school (`views.schools`): its title, and the one rule said where it applies.
SCHOOL_KINDS_TITLE = "What each kind of school receives"
SCHOOL_KIND_TITLES = {
    Setting.MAINTAINED: "What a maintained school receives",
    Setting.ACADEMY: "What an academy receives",
    Setting.FREE_SCHOOL: "What a free school receives",
    Setting.INDEPENDENT: "What an independent school receives",
    Setting.OTHER_AUTHORITY: "What a school in another authority receives",
}
# A kind of school as one and as many, for the sentences that say the one rule (`types.PAYS_AS`).
SCHOOL_KIND_NOUNS = {
    Setting.MAINTAINED: ("a maintained school", "maintained schools"),
    Setting.ACADEMY: ("an academy", "academies"),
    Setting.FREE_SCHOOL: ("a free school", "free schools"),
    Setting.INDEPENDENT: ("an independent school", "independent schools"),
    Setting.OTHER_AUTHORITY: ("a school in another authority", "schools in other authorities"),
}


def school_kind_rule(kind: Setting) -> str:
    """The one rule where it applies to `kind`, from `types.PAYS_AS`; empty where it does not.

    `A free school receives what academies receive and pays their prices.` on the free schools'
    page, `Everything on this page is for free schools too, at the same prices.` on the academies'.
    """
    if kind in PAYS_AS:
        one = SCHOOL_KIND_NOUNS[kind][0]
        return f"{one[:1].upper()}{one[1:]} receives what {SCHOOL_KIND_NOUNS[PAYS_AS[kind]][1]} receive and pays their prices."
    alike = [SCHOOL_KIND_NOUNS[k][1] for k in Setting if PAYS_AS.get(k) is kind]
    return f"Everything on this page is for {' and '.join(alike)} too, at the same prices." if alike else ""


SCHOOL_KIND_SECTIONS = {
    "free": "Provided without charge",
    "core": "Its statutory core is provided without charge; its traded offers are charged.",
    "core_bought": "Its statutory core is provided without charge; its traded offers for this kind of school are listed below.",
    "buy": "What it may buy",
    "none_free": "No service is provided to this kind of school without charge.",
    "none_buy": "No service offers this kind of school a price.",
}
