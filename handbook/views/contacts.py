"""The contacts directory: public roles by team, and shared contact points.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting. Internal roles and
contact points are dropped here; a holder's name is only given through `Role.public_name`
(their consent to be named), never `holder.name`.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.contacts import ContactPoint
from handbook.data.model.types import Visibility


@dataclass(frozen=True)
class DirectoryEntry:
    role_id: str
    title: str
    name: str | None  # only when the holder agreed to be named
    vacant: bool
    email: str | None
    phone: str | None
    team_name: str


@dataclass(frozen=True)
class TeamContacts:
    team_id: str
    team_name: str
    entries: list[DirectoryEntry]


def entry_for(handbook: Handbook, role) -> DirectoryEntry:
    unit = handbook.units_by_id.get(role.team)
    team = unit.name if unit is not None and unit.visibility is Visibility.PUBLIC else ""
    return DirectoryEntry(role.id, role.title, role.public_name, role.vacant, str(role.email) if role.email else None, role.phone, team)


def public_roles(handbook: Handbook) -> list:
    return [r for r in handbook.contacts.roles if r.visibility is Visibility.PUBLIC]


def contacts_directory(handbook: Handbook) -> list[TeamContacts]:
    """Public roles grouped by team, teams in structure order, roles in data order."""
    order = {u.id: i for i, u in enumerate(handbook.structure.units)}
    teams: dict[str, list[DirectoryEntry]] = {}
    for role in public_roles(handbook):
        teams.setdefault(role.team, []).append(entry_for(handbook, role))
    result = []
    for team_id in sorted(teams, key=lambda t: (order.get(t, len(order)), t)):
        entries = teams[team_id]
        result.append(TeamContacts(team_id, entries[0].team_name, entries))
    return result


def contact_points(handbook: Handbook) -> list[ContactPoint]:
    return [p for p in handbook.contacts.contact_points if p.visibility is Visibility.PUBLIC]
