"""Ids are unique within their list (a second entry with the same id would hide the first), and so
are catalogue numbers (two services with one reference would make it mean nothing)."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Level, Problem
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


def id_used(value: str, line: int) -> str:
    """The sentence for an id already used on `line` (also what `handbook new` says of an answer)."""
    return f"the id {value!r} is already used on line {line}; each entry needs its own id"


def check(ctx: Context) -> Iterator[Problem]:
    for stem, field in ID_LISTS:
        first: dict[str, int] = {}
        for i, record in ctx.items(stem, field):
            if record.id is None:  # a wrong id is reported as such
                continue
            if record.id in first:
                line = ctx.documents[stem].locate((field, first[record.id], "id"))[0]
                yield ctx.problem(stem, (field, i, "id"), id_used(record.id, line), "duplicate-id")
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
    yield from _numbers(ctx)


def _numbers(ctx: Context) -> Iterator[Problem]:
    """Catalogue numbers (`number`, the stable part of a reference such as 9.2.4) are unique: a
    category's among categories, a service's within its category. Once a file numbers any entry,
    an entry without a number is a warning: it would be numbered after the others this year and
    could move next year."""
    categories = ctx.items("services", "categories")
    first: dict[int, int] = {}
    for i, category in categories:
        if category.number is not None and category.number in first:
            line = ctx.documents["services"].locate(("categories", first[category.number], "number"))[0]
            yield ctx.problem("services", ("categories", i, "number"), f"the number {category.number} is already the number of the category on line {line}; give this one the next free number", "duplicate-number")
        elif category.number is not None:
            first[category.number] = i
    services = ctx.items("services", "services")
    taken: dict[tuple[str, int], int] = {}
    for i, service in services:
        if service.number is None:
            continue
        key = (service.category, service.number)
        if key in taken:
            line = ctx.documents["services"].locate(("services", taken[key], "number"))[0]
            yield ctx.problem("services", ("services", i, "number"), f"the number {service.number} is already used in the category {service.category!r} by the service on line {line}; give this one the next free number", "duplicate-number")
        else:
            taken[key] = i
    for field, records in (("categories", categories), ("services", services)):
        if any(r.number is not None for _, r in records):
            for i, record in records:
                if record.number is None:
                    yield ctx.problem("services", (field, i, "id"), f"{record.id!r} has no `number`, so its reference is given after the others' and may change next year; add `number:` with the next free number", "missing-number", Level.WARNING)
