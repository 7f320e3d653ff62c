"""The public catalogue: which services are published, how they group and relate.

Input: a validated `Handbook`. Output: plain records and tuples. No I/O, no formatting.
Internal services, and internal roles a service names, never leave this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.contacts import Role
from handbook.data.model.services import Category, Provision, Service
from handbook.data.model.types import Setting, Visibility, kinds_covered

@dataclass(frozen=True)
class CategoryGroup:
    category: Category
    services: list[Service]


def public_services(handbook: Handbook) -> list[Service]:
    """Every published service, sorted by name (the order schools scan a list in)."""
    return sorted((s for s in handbook.services.services if s.visibility is Visibility.PUBLIC), key=lambda s: s.name.lower())


def service_ids(handbook: Handbook) -> set[str]:
    return {s.id for s in public_services(handbook)}


def _numbered(stored: list[int | None]) -> list[int]:
    """Each entry's number: its own, or (in order) the next after the highest one given."""
    last = max((n for n in stored if n is not None), default=0)
    out = []
    for n in stored:
        if n is None:
            last += 1
            n = last
        out.append(n)
    return out


def category_numbers(handbook: Handbook) -> dict[str, int]:
    """Category id -> its number in references (`number`, else after the numbered ones, in data order)."""
    categories = handbook.services.categories
    return dict(zip((c.id for c in categories), _numbered([c.number for c in categories])))


def references(handbook: Handbook) -> dict[str, tuple[int, int]]:
    """Public service id -> (category number, service number): its reference without the
    catalogue's section number, which the PDF adds ("9" + (2, 4) -> "9.2.4").

    Why stored numbers: numbering by position renumbered every later service when one was added,
    and a reference in last year's letter then found another service. A service with its
    `number` keeps it; one without (data from before numbers were kept) comes after the
    numbered ones of its category, by name, which is also exactly the old numbering when no
    service has a number. Internal services' numbers are kept free but never printed.
    """
    by_category = category_numbers(handbook)
    taken: dict[str, list[int]] = {}
    for s in handbook.services.services:
        if s.number is not None:
            taken.setdefault(s.category, []).append(s.number)
    out: dict[str, tuple[int, int]] = {}
    unnumbered: dict[str, list[Service]] = {}
    for s in public_services(handbook):
        if s.number is not None:
            out[s.id] = (by_category.get(s.category, 0), s.number)
        else:
            unnumbered.setdefault(s.category, []).append(s)
    for category, services in unnumbered.items():
        last = max(taken.get(category, []), default=0)
        for k, s in enumerate(services, start=1):
            out[s.id] = (by_category.get(category, 0), last + k)
    return out


def services_by_category(handbook: Handbook) -> list[CategoryGroup]:
    """Public services under their category, in reference order (`references`); empty ones left out."""
    refs = references(handbook)
    numbers = category_numbers(handbook)
    services = sorted(public_services(handbook), key=lambda s: refs[s.id])
    categories = sorted(handbook.services.categories, key=lambda c: numbers[c.id])
    groups = [CategoryGroup(c, [s for s in services if s.category == c.id]) for c in categories]
    return [g for g in groups if g.services]


# Mixed is both: a statutory core and traded offers, so it is listed, filtered and counted under
# statutory and under traded as well as under its own name.
PROVIDES = {
    Provision.STATUTORY: (Provision.STATUTORY,),
    Provision.TRADED: (Provision.TRADED,),
    Provision.MIXED: (Provision.MIXED, Provision.STATUTORY, Provision.TRADED),
}


def provisions_of(service: Service) -> tuple[Provision, ...]:
    """Every provision a service is listed under: a mixed one is statutory and traded too."""
    return PROVIDES[service.provision]


def services_by_provision(handbook: Handbook, provision: Provision) -> list[Service]:
    """Public services listed under `provision`; `statutory` and `traded` each include the mixed ones."""
    return [s for s in public_services(handbook) if provision in PROVIDES[s.provision]]


def kinds_of(service: Service) -> list[Setting]:
    """The kinds of school the service is for, by the one rule (`types.kinds_covered`), in order."""
    covered = kinds_covered(service.audience.settings)
    return [x for x in Setting if x in covered]


def category_of(handbook: Handbook, service: Service) -> Category:
    return handbook.categories_by_id[service.category]


def public_role(handbook: Handbook, role_id: str | None) -> Role | None:
    """The role with this id if it may be published, else None."""
    role = handbook.roles_by_id.get(role_id) if role_id else None
    return role if role is not None and role.visibility is Visibility.PUBLIC else None


def service_contacts(handbook: Handbook, service: Service) -> list[Role]:
    """The service's public contact roles, main contact first."""
    return [r for r in (public_role(handbook, rid) for rid in service.contacts) if r is not None]


def related_services(handbook: Handbook, service: Service) -> list[Service]:
    """Related public services, in the order the data gives them.

    Why the lookup and not `public_services`: this runs once per service page, and sorting every
    service for each of them made the site build quadratic in the number of services.
    """
    related = (handbook.services_by_id.get(rid) for rid in service.related if rid != service.id)
    return [s for s in related if s is not None and s.visibility is Visibility.PUBLIC]


def used_phases(handbook: Handbook) -> list:
    """Phases that at least one public service is for, in the enum's order (for filters)."""
    from handbook.data.model.types import Phase

    used = {p for s in public_services(handbook) for p in s.audience.phases}
    return [p for p in Phase if p in used]


def used_settings(handbook: Handbook) -> list:
    """Kinds of school at least one public service is for, by the one rule (for the filter)."""
    used = {x for s in public_services(handbook) for x in kinds_of(s)}
    return [x for x in Setting if x in used]


def used_categories(handbook: Handbook) -> list[Category]:
    return [g.category for g in services_by_category(handbook)]


def used_provisions(handbook: Handbook) -> list[Provision]:
    used = {s.provision for s in public_services(handbook)}
    return [p for p in Provision if p in used]
