"""macros: the functions prose pages call (`{{ price_list() }}`), each a view through a template.

Input: a validated `Handbook` (and the data folder, for the changes page). Output: blocks of
HTML that Markdown passes through (see `handbook.presentation.templating.block`). One function
per view: it may filter a view where a page asks (`services_list` by provision or category), and
`changes` reads the previous edition's data (`handbook.data.editions`). Never evaluates data
text as a template.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path

from handbook.data.editions import previous_edition
from handbook.data.model import Handbook
from handbook.data.model.services import Provision
from handbook.presentation import abbreviations, calculator, wording
from handbook.presentation.changes import render_markdown
from handbook.presentation.templating import block
from handbook.views import accessibility, catalogue, contacts, partnerships, prices, protocols, publications, structure
from handbook.views.changes import compare


def functions(handbook: Handbook, data_dir: Path, url_for: Callable[[str], str]) -> dict[str, Callable[..., str]]:
    hb = handbook

    def foreword() -> str:
        return block("foreword.html.j2", foreword=hb.authority.foreword)

    def org_chart() -> str:
        from handbook.presentation.chart import org_chart_svg

        return block("org_chart.html.j2", svg=org_chart_svg(hb), tree=structure.structure_tree(hb), url_for=url_for)

    def management_team() -> str:
        return block("people_list.html.j2", entries=structure.management_team(hb), url_for=url_for)

    def portfolios() -> str:
        return block("portfolios.html.j2", portfolios=structure.portfolios(hb))

    def partnerships_table() -> str:
        return block("groups.html.j2", kinds=partnerships.groups_by_kind(hb))

    def consultative_groups() -> str:
        return block("appendix_groups.html.j2", groups=partnerships.appendix_groups(hb))

    def concern_levels() -> str:
        return block("concern_levels.html.j2", framework=protocols.concern_framework(hb))

    def protocol(protocol_id: str) -> str:
        view = protocols.protocol(hb, protocol_id)
        return block("protocol.html.j2", view=view, url_for=url_for) if view else ""

    def all_protocols() -> str:
        return "".join(block("protocol.html.j2", view=v, url_for=url_for) for v in protocols.public_protocols(hb))

    def services_list(provision: str | None = None, category: str | None = None) -> str:
        # A mixed service is statutory and traded: it is in both lists (`catalogue.services_by_provision`).
        services = catalogue.services_by_provision(hb, Provision(provision)) if provision else catalogue.public_services(hb)
        if category:
            services = [s for s in services if s.category == category]
        return block("services_list.html.j2", services=services, labels=wording.PROVISION_LABELS, url_for=url_for)

    def catalogue_index() -> str:
        services = catalogue.public_services(hb)
        return block(
            "catalogue.html.j2",
            services=services,
            categories=catalogue.used_categories(hb),
            categories_by_id=hb.categories_by_id,
            provisions=catalogue.used_provisions(hb),
            phases=catalogue.used_phases(hb),
            settings=catalogue.used_settings(hb),
            labels=wording.PROVISION_LABELS,
            filter_labels=wording.PROVISION_FILTER_LABELS,
            kinds={s.id: catalogue.kinds_of(s) for s in services},
            provides={s.id: catalogue.provisions_of(s) for s in services},
            url_for=url_for,
            school_view=calculator.school_view(services, "catalogue"),
        )

    def price_list() -> str:
        return block("price_list.html.j2", rows=prices.charges_rows(hb), url_for=url_for)

    def contacts_directory() -> str:
        return block("contacts_directory.html.j2", teams=contacts.contacts_directory(hb), points=contacts.contact_points(hb))

    def data_release_schedule() -> str:
        return block("release_schedule.html.j2", months=publications.release_schedule(hb), releases=publications.data_releases(hb), url_for=url_for)

    def communication_channels() -> str:
        return block("channels.html.j2", channels=publications.channels(hb), newsletters=publications.newsletters(hb))

    def service_counts() -> str:
        # Mixed services count under statutory and under traded; the words say how many are both.
        counts = {p: len(catalogue.services_by_provision(hb, p)) for p in catalogue.used_provisions(hb)}
        mixed = counts.get(Provision.MIXED, 0)
        lines = [(p, *wording.provision_count(p, n, mixed)) for p, n in counts.items()]
        return block("service_counts.html.j2", lines=lines, total=len(catalogue.public_services(hb)), url_for=url_for)

    def glossary() -> str:
        return block("glossary.html.j2", terms=sorted(hb.glossary.terms, key=lambda t: t.term))

    def downloads(fields: bool = False) -> str:
        return block("downloads.html.j2", url_for=url_for, fields=fields)

    def accessibility_statement() -> str:
        return block("accessibility.html.j2", s=accessibility.statement(hb), compliance=wording.COMPLIANCE, headings=wording.ISSUE_HEADINGS, url_for=url_for)

    def changes() -> str:
        previous = previous_edition(hb, data_dir)  # reads the previous edition's data folder
        return render_markdown(compare(previous, hb) if previous is not None else None)

    named = {
        "foreword": foreword,
        "org_chart": org_chart,
        "management_team": management_team,
        "portfolios": portfolios,
        "partnerships_table": partnerships_table,
        "consultative_groups": consultative_groups,
        "concern_levels": concern_levels,
        "protocol": protocol,
        "protocols": all_protocols,
        "services_list": services_list,
        "catalogue": catalogue_index,
        "price_list": price_list,
        "contacts_directory": contacts_directory,
        "data_release_schedule": data_release_schedule,
        "communication_channels": communication_channels,
        "service_counts": service_counts,
        "downloads": downloads,
        "glossary": glossary,
        "changes": changes,
        "accessibility_statement": accessibility_statement,
    }
    # Acronyms in the data's HTML become abbreviations (Markdown's `abbr` never reads raw HTML);
    # not in the glossary itself, nor in the changes page, which is Markdown that `abbr` reads.
    terms = abbreviations.glossary_config(hb)
    return {name: (function if name in ("glossary", "changes") else _marked(function, terms)) for name, function in named.items()}


def _marked(function: Callable[..., str], terms: dict[str, str]) -> Callable[..., str]:
    @functools.wraps(function)
    def call(*args, **kwargs) -> str:
        return abbreviations.mark(function(*args, **kwargs), terms)

    return call


__all__ = ["functions"]
