"""What each kind of school receives: the services it has without charge, and what it may buy.

Input: a validated `Handbook`. Output: `KindOfSchool` records, one per kind of school the site has
a page for. No I/O, no wording. Only public services. Every question of "is this for that kind of
school" is asked through the one rule (`types.kinds_covered`, `Charge.kinds`), so the academies'
and the free schools' pages cannot disagree with the charges tables, the filters or the quote.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.services import Charge, Offer, Provision, Service
from handbook.data.model.types import Setting
from handbook.views.catalogue import kinds_of, public_services, services_by_provision

# The kinds of school that always have a page; another (independent) has one when a service
# or a price is for it.
ALWAYS = (Setting.MAINTAINED, Setting.ACADEMY, Setting.FREE_SCHOOL, Setting.OTHER_AUTHORITY)


@dataclass(frozen=True)
class OfferFor:
    """An offer with the prices of it that are for one kind of school."""

    offer: Offer
    charges: list[Charge]


@dataclass(frozen=True)
class Purchase:
    """A service a kind of school may buy: its offers with a price for that kind."""

    service: Service
    offers: list[OfferFor]


@dataclass(frozen=True)
class KindOfSchool:
    """One kind of school's page: free services (a mixed one gives its statutory core) and purchases."""

    kind: Setting
    free: list[Service]
    purchases: list[Purchase]

    @property
    def slug(self) -> str:
        return self.kind.value


def purchases_for(handbook: Handbook, kind: Setting) -> list[Purchase]:
    """Public services with at least one price for `kind`, each with only those offers and prices."""
    found = []
    for service in public_services(handbook):
        offers = [OfferFor(o, [c for c in o.charges if kind in c.kinds]) for o in service.offers]
        offers = [o for o in offers if o.charges]
        if offers:
            found.append(Purchase(service, offers))
    return found


def free_for(handbook: Handbook, kind: Setting) -> list[Service]:
    """Statutory services for `kind`, mixed ones included (their statutory core costs nothing)."""
    return [s for s in services_by_provision(handbook, Provision.STATUTORY) if kind in kinds_of(s)]


def kind_of_school(handbook: Handbook, kind: Setting) -> KindOfSchool:
    return KindOfSchool(kind, free_for(handbook, kind), purchases_for(handbook, kind))


def kinds_with_pages(handbook: Handbook) -> list[Setting]:
    """The kinds of school that have a page: those in `ALWAYS`, and any other some service or price is for."""
    reached = {k for s in public_services(handbook) for k in kinds_of(s)}
    reached |= {k for s in public_services(handbook) for o in s.offers for c in o.charges for k in c.kinds}
    return [kind for kind in Setting if kind in ALWAYS or kind in reached]


def school_kinds(handbook: Handbook) -> list[KindOfSchool]:
    """A page's worth for each kind of school that has one (`kinds_with_pages`)."""
    return [kind_of_school(handbook, kind) for kind in kinds_with_pages(handbook)]
