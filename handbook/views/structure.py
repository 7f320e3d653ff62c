"""The organisation: public units as a tree, the management team, elected members' portfolios.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting. Internal units (and
everything below them) and internal lead roles are left out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from handbook.data.model import Handbook
from handbook.data.model.structure import Portfolio, Unit
from handbook.data.model.types import Visibility
from handbook.views.catalogue import public_role
from handbook.views.contacts import DirectoryEntry, entry_for


@dataclass(frozen=True)
class UnitNode:
    unit: Unit
    lead: DirectoryEntry | None
    children: list[UnitNode] = field(default_factory=list)


def structure_tree(handbook: Handbook) -> list[UnitNode]:
    """Top-level public units with their public descendants, in data order."""
    public = [u for u in handbook.structure.units if u.visibility is Visibility.PUBLIC]

    def node(unit: Unit) -> UnitNode:
        role = public_role(handbook, unit.lead)
        children = [node(u) for u in public if u.parent == unit.id]
        return UnitNode(unit, entry_for(handbook, role) if role else None, children)

    # A unit under an internal one is not reached: the whole branch stays internal.
    return [node(u) for u in public if u.parent is None]


def management_team(handbook: Handbook) -> list[DirectoryEntry]:
    """The management team's public roles, in the order the data lists them."""
    roles = (public_role(handbook, rid) for rid in handbook.structure.management_team)
    return [entry_for(handbook, r) for r in roles if r is not None]


def portfolios(handbook: Handbook) -> list[Portfolio]:
    return list(handbook.structure.portfolios)
