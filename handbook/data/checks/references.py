"""Every reference to another record resolves: contacts, related services, chairs, parents, owners."""

from __future__ import annotations

from collections.abc import Iterator

from handbook.core.errors import Problem
from handbook.data.checks import Context
from handbook.data.load import Path_
from handbook.data.messages import did_you_mean, nearest

ROLES = ("contacts", "roles", "contact role", "data/contacts.yaml")
POINTS = ("contacts", "contact_points", "contact point", "the contact_points list of data/contacts.yaml")
UNITS = ("structure", "units", "unit", "data/structure.yaml")
SERVICES = ("services", "services", "service", "the services list")
CATEGORIES = ("services", "categories", "category", "the categories at the top of services.yaml")
GROUPS = ("partnerships", "groups", "group", "the groups list")
CHANNELS = ("publications", "channels", "channel", "the channels list")


def unknown(value: str, known: set[str], target: tuple[str, str, str, str]) -> tuple[str, str | None]:
    """The sentence for a reference to no known id of `target`, and the id it suggests.

    Also asked by `handbook new` about an answer, so an officer reads the same words there.
    """
    suggestion = nearest(value, sorted(known))
    return f"{value!r} is not a known {target[2]}{did_you_mean(suggestion)} (the ids are in {target[3]})", suggestion


def check(ctx: Context) -> Iterator[Problem]:
    def ref(stem: str, path: Path_, value: str | None, target: tuple[str, str, str, str]) -> Iterator[Problem]:
        known = ctx.known(target[0], target[1])
        if value is None or known is None or value in known:
            return
        message, suggestion = unknown(value, known, target)
        yield ctx.problem(stem, path, message, "dangling-reference", suggestion=suggestion)

    statement = ctx.models["authority"].accessibility if ctx.has("authority") else None
    if statement is not None:
        yield from ref("authority", ("accessibility", "contact"), statement.contact, POINTS)

    for i, unit in ctx.items("structure", "units"):
        yield from ref("structure", ("units", i, "parent"), unit.parent, UNITS)
        yield from ref("structure", ("units", i, "lead"), unit.lead, ROLES)
    yield from _cycles(ctx)
    if ctx.has("structure"):
        for i, role_id in enumerate(ctx.models["structure"].management_team):
            yield from ref("structure", ("management_team", i), role_id, ROLES)

    for i, role in ctx.items("contacts", "roles"):
        yield from ref("contacts", ("roles", i, "team"), role.team, UNITS)

    for i, s in ctx.items("services", "services"):
        base = ("services", i)
        yield from ref("services", base + ("category",), s.category, CATEGORIES)
        yield from ref("services", base + ("owner",), s.owner, UNITS)
        for j, role_id in enumerate(s.contacts):
            yield from ref("services", base + ("contacts", j), role_id, ROLES)
        for j, other in enumerate(s.related):
            yield from ref("services", base + ("related", j), other, SERVICES)
            if other is not None and other == s.id:
                yield ctx.problem("services", base + ("related", j), "a service cannot be related to itself; remove this entry", "self-reference")

    for i, group in ctx.items("partnerships", "groups"):
        yield from ref("partnerships", ("groups", i, "reports_to"), group.reports_to, GROUPS)
        yield from ref("partnerships", ("groups", i, "chair", "role"), group.chair.role, ROLES)
        if group.reports_to is not None and group.reports_to == group.id:
            yield ctx.problem("partnerships", ("groups", i, "reports_to"), "a group cannot report to itself", "self-reference")

    for i, protocol in ctx.items("protocols", "protocols"):
        for j, step in enumerate(protocol.steps):
            yield from ref("protocols", ("protocols", i, "steps", j, "who"), step.who, ROLES)

    for i, release in ctx.items("publications", "data_releases"):
        yield from ref("publications", ("data_releases", i, "owner"), release.owner, ROLES)
    for i, letter in ctx.items("publications", "newsletters"):
        yield from ref("publications", ("newsletters", i, "channel"), letter.channel, CHANNELS)
        yield from ref("publications", ("newsletters", i, "owner"), letter.owner, ROLES)


def _cycles(ctx: Context) -> Iterator[Problem]:
    """A parent chain that loops back would make the organisation chart endless."""
    units = dict(ctx.items("structure", "units"))
    parent = {u.id: u.parent for u in units.values() if u.id is not None}
    index = {u.id: i for i, u in units.items() if u.id is not None}
    reported: set[str] = set()
    for start in parent:
        chain: list[str] = []
        current: str | None = start
        while current is not None and current in parent and current not in chain:
            chain.append(current)
            current = parent[current]
        if current == start and start not in reported:
            reported.update(chain)
            loop = " -> ".join(chain + [start])
            message = "a unit cannot be its own parent" if len(chain) == 1 else f"the parents form a loop ({loop}); one unit must sit above the others"
            yield ctx.problem("structure", ("units", index[start], "parent"), message, "cycle")
