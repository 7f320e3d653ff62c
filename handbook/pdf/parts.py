"""The parts of the book made from data: foreword, catalogue, price list, contacts, chart.

Input: a validated `Handbook`, the shared Jinja environment and the book's `Outline`.
Output: each part's HTML (`Markup`); headings are numbered and listed through the outline.
Every record comes from `handbook.views`, which drop internal records, so nothing internal
can be printed. No file I/O except reading the organisation chart the site's chart module makes.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass

from jinja2 import Environment
from markupsafe import Markup

from handbook.core.errors import HandbookUserError
from handbook.data.model import Handbook
from handbook.data.model.services import Offer, Service, Terms
from handbook.pdf.outline import Outline, section_label, sub_number
from handbook.views import catalogue, contacts, prices, structure


def service_anchor(service_id: str) -> str:
    return f"service-{service_id}"


@dataclass(frozen=True)
class ServiceEntry:
    anchor: str
    number: str
    service: Service
    contacts: list
    related: list[tuple[str, Service]]  # (its number in the catalogue, service)
    terms: list[tuple[Offer, Terms]]
    lines: list[prices.PriceLine]
    url: str | None  # the service's page on the website


@dataclass(frozen=True)
class Group:
    """A numbered subsection of a part: a category, a price-list group."""

    id: str
    number: str
    title: str
    description: str | None
    services: list[ServiceEntry]
    rows: list[tuple[str, prices.ChargeRow]]


def _title(outline: Outline, number: str, anchor: str, title: str) -> Markup:
    return outline.heading(1, anchor, title, section_label(number))


def foreword(env: Environment, handbook: Handbook, outline: Outline) -> Markup:
    """The foreword and its signatories from authority.yaml (front matter, not numbered)."""
    data = handbook.authority
    heading = outline.heading(1, "foreword", "Foreword", front=True)
    return Markup(env.get_template("foreword.html.j2").render(heading=heading, foreword=data.foreword, published=data.edition.published))


def _service_entry(handbook: Handbook, service: Service, numbers: dict[str, str], site: str | None) -> ServiceEntry:
    related = [(numbers[s.id], s) for s in catalogue.related_services(handbook, service) if s.id in numbers]
    terms = [(offer, offer.terms) for offer in service.offers if offer.terms is not None]
    url = f"{site.rstrip('/')}/services/{service.id}/" if site else None
    return ServiceEntry(
        service_anchor(service.id), numbers[service.id], service, catalogue.service_contacts(handbook, service), related, terms, prices.price_lines(service), url
    )


def catalogue_part(env: Environment, handbook: Handbook, outline: Outline, number: str, anchor: str, site: str | None = None) -> Markup:
    """Every public service under its category: what it is, whom to ask, what each school pays.

    Why a directory entry rather than the whole web page: a thousand services must print in
    minutes and read as a catalogue; each entry ends with its page's address for the rest.
    Why services are numbered (9.2.4) and cross-references cite the number, not a page: a
    number finds an entry in a catalogue at a glance, is the same on the website and in print,
    and needs no second layout pass to resolve.
    """
    heading = _title(outline, number, anchor, "Catalogue of services")
    groups = catalogue.services_by_category(handbook)
    numbers = {s.id: f"{number}.{i}.{k}" for i, g in enumerate(groups, start=1) for k, s in enumerate(g.services, start=1)}
    outline.service_numbers.update(numbers)
    categories = []
    for i, group in enumerate(groups, start=1):
        cat_number = sub_number(number, i)
        outline.add(f"cat-{group.category.id}", group.category.name, cat_number)
        entries = [_service_entry(handbook, s, numbers, site) for s in group.services]
        categories.append(Group(f"cat-{group.category.id}", cat_number, group.category.name, group.category.description, entries, []))
    intro = (
        f"The {len(numbers)} services below are grouped by category and numbered. Each shows whether it is statutory "
        "(the council must provide it), traded (schools choose to buy it) or both, who it is for, how to buy it and "
        "what a maintained school, an academy and a school in another authority pays."
    )
    return Markup(env.get_template("catalogue.html.j2").render(heading=heading, intro=intro, categories=categories, payer_columns=prices.PAYER_COLUMNS))


def price_list_part(env: Environment, handbook: Handbook, outline: Outline, number: str, anchor: str) -> Markup:
    """Every published charge in one list, a table per category, each row with its page."""
    heading = _title(outline, number, anchor, "Price list")
    rows = prices.charges_rows(handbook)
    groups: dict[str, list] = {}
    for row in rows:
        groups.setdefault(row.category_name, []).append((outline.service_numbers.get(row.service.id, ""), row))
    order = [g.category.name for g in catalogue.services_by_category(handbook)]
    built = []
    for i, name in enumerate(sorted(groups, key=lambda n: order.index(n) if n in order else len(order)), start=1):
        group_number = sub_number(number, i)
        outline.add(f"prices-{i}", name, group_number)
        built.append(Group(f"prices-{i}", group_number, name, None, [], groups[name]))
    intro = (
        f"Every published charge for {handbook.authority.edition.covers.financial_year}, {len(rows)} in all. "
        "Prices are in pounds; the first column gives the service's number in the catalogue."
    )
    return Markup(env.get_template("price_list.html.j2").render(heading=heading, intro=intro, groups=built))


def chart_image(handbook: Handbook) -> Markup:
    """The organisation chart as a static SVG image, drawn left to right so a deep structure
    fits a portrait page (the website draws it top down); empty without Graphviz."""
    try:
        from handbook.presentation.chart import dot_source, render_svg

        svg = render_svg(dot_source(structure.structure_tree(handbook)).replace("rankdir=TB", "rankdir=LR", 1))
    except (ImportError, HandbookUserError):  # no Graphviz: the list that follows reads well alone
        return Markup("")
    url = "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
    alt = f"Organisation chart of {handbook.authority.authority.name}'s services for schools; the list that follows gives the same structure in words."
    return Markup('<img class="org-chart" src="{}" alt="{}">').format(url, alt)


def org_chart(env: Environment, handbook: Handbook) -> Markup:
    """The chart and its text equivalent (the same structure as a nested list)."""
    return Markup(env.get_template("org_chart.html.j2").render(image=chart_image(handbook), tree=structure.structure_tree(handbook)))


def contacts_part(env: Environment, handbook: Handbook, outline: Outline, number: str, anchor: str, *, chart: bool = True) -> Markup:
    """The organisation chart, the shared contact points and every public role by team."""
    heading = _title(outline, number, anchor, "Contacts")
    subs = iter(range(1, 4))

    def sub(title: str, sub_anchor: str) -> Markup:
        return outline.heading(2, sub_anchor, title, sub_number(number, next(subs)))

    chart_heading = sub("Organisation chart", "contacts-chart") if chart else None
    return Markup(
        env.get_template("contacts.html.j2").render(
            heading=heading,
            chart=org_chart(env, handbook) if chart else None,
            chart_heading=chart_heading,
            points_heading=sub("Contact points", "contacts-points"),
            points=contacts.contact_points(handbook),
            roles_heading=sub("Roles by team", "contacts-roles"),
            teams=contacts.contacts_directory(handbook),
        )
    )
