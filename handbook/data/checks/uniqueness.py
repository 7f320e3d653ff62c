"""Ids are unique within their list: a second entry with the same id would hide the first."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Problem
from handbook.data.checks import Context

# (file stem, list field) whose entries carry an `id`.
ID_LISTS = [
    ("structure", "units"),
    ("structure", "portfolios"),
    ("contacts", "roles"),
    ("contacts", "contact_points"),
    ("services", "categories"),
    ("services", "services"),
    ("partnerships", "groups"),
    ("protocols", "protocols"),
    ("publications", "channels"),
    ("publications", "data_releases"),
    ("publications", "newsletters"),
]


def check(ctx: Context) -> Iterator[Problem]:
    for stem, field in ID_LISTS:
        first: dict[str, int] = {}
        for i, record in ctx.items(stem, field):
            if record.id is None:  # a wrong id is reported as such
                continue
            if record.id in first:
                line = ctx.documents[stem].locate((field, first[record.id], "id"))[0]
                yield ctx.problem(stem, (field, i, "id"), f"the id {record.id!r} is already used on line {line}; each entry needs its own id", "duplicate-id")
            else:
                first[record.id] = i
    for s, service in ctx.items("services", "services"):
        seen: set[str] = set()
        for o, offer in enumerate(service.offers):
            if offer.id is None:
                continue
            if offer.id in seen:
                yield ctx.problem("services", ("services", s, "offers", o, "id"), f"the offer id {offer.id!r} is already used in this service; each offer needs its own id", "duplicate-id")
            seen.add(offer.id)
