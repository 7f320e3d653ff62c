"""Public records never point at internal ones: the link would lead nowhere, or leak the name."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Problem
from handbook.data.checks import Context
from handbook.data.model.types import Visibility


def _internal(ctx: Context, stem: str, field: str) -> set[str]:
    return {r.id for _, r in ctx.items(stem, field) if r.visibility is Visibility.INTERNAL}


def check(ctx: Context) -> Iterator[Problem]:
    roles = _internal(ctx, "contacts", "roles")
    services = _internal(ctx, "services", "services")

    def leak(stem: str, path: tuple, ref: str | None, internal: set[str], what: str) -> Iterator[Problem]:
        if ref in internal:
            yield ctx.problem(stem, path, f"{ref!r} is an internal {what} and is never published, so a public entry cannot point at it; point at a public one or remove it", "internal-reference")

    statement = ctx.models["authority"].accessibility if ctx.has("authority") else None
    if statement is not None:
        yield from leak("authority", ("accessibility", "contact"), statement.contact, _internal(ctx, "contacts", "contact_points"), "contact point")
    for i, s in ctx.items("services", "services"):
        if s.visibility is Visibility.PUBLIC:
            for j, ref in enumerate(s.contacts):
                yield from leak("services", ("services", i, "contacts", j), ref, roles, "contact role")
            for j, ref in enumerate(s.related):
                yield from leak("services", ("services", i, "related", j), ref, services, "service")
    for i, unit in ctx.items("structure", "units"):
        if unit.visibility is Visibility.PUBLIC:
            yield from leak("structure", ("units", i, "lead"), unit.lead, roles, "contact role")
    if ctx.has("structure"):
        for i, ref in enumerate(ctx.models["structure"].management_team):
            yield from leak("structure", ("management_team", i), ref, roles, "contact role")
    for i, group in ctx.items("partnerships", "groups"):
        if group.visibility is Visibility.PUBLIC:
            yield from leak("partnerships", ("groups", i, "chair", "role"), group.chair.role, roles, "contact role")
    for i, protocol in ctx.items("protocols", "protocols"):
        if protocol.visibility is Visibility.PUBLIC:
            for j, step in enumerate(protocol.steps):
                yield from leak("protocols", ("protocols", i, "steps", j, "who"), step.who, roles, "contact role")
    for field in ("data_releases", "newsletters"):
        for i, item in ctx.items("publications", field):
            if getattr(item, "visibility", Visibility.PUBLIC) is Visibility.PUBLIC:
                yield from leak("publications", (field, i, "owner"), item.owner, roles, "contact role")
