"""Partnerships, boards, forums and meetings: who chairs them, who sits on them, how often.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting (a chair is a `Chair`,
worded by `presentation.wording.chair_text`). Internal groups and internal chairing roles are
left out; a chair by office shows the role's title, and its holder only where they agreed.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.partnerships import Group, GroupKind
from handbook.data.model.types import Visibility
from handbook.views.catalogue import public_role


@dataclass(frozen=True)
class Chair:
    """Who chairs a group, as far as it may be published; `presentation.wording.chair_text` words it.

    Exactly one of: `vacant`; `person` (a name the data gives for the chair); `role_title` (a
    public role, with `role_holder` only where the holder agreed to be named); or none of them,
    for a role that is not published (the post is not named).
    """

    vacant: bool = False
    person: str | None = None
    role_title: str | None = None
    role_holder: str | None = None


@dataclass(frozen=True)
class GroupView:
    group: Group
    chair: Chair
    reports_to: str | None  # the parent group's name


@dataclass(frozen=True)
class KindGroups:
    kind: GroupKind
    groups: list[GroupView]


def chair_of(handbook: Handbook, group: Group) -> Chair:
    chair = group.chair
    if chair.vacant:
        return Chair(vacant=True)
    if chair.person:
        return Chair(person=chair.person)
    role = public_role(handbook, chair.role)
    return Chair() if role is None else Chair(role_title=role.title, role_holder=role.public_name)


def _view(handbook: Handbook, group: Group) -> GroupView:
    parent = handbook.groups_by_id.get(group.reports_to) if group.reports_to else None
    parent_name = parent.name if parent is not None and parent.visibility is Visibility.PUBLIC else None
    return GroupView(group, chair_of(handbook, group), parent_name)


def public_groups(handbook: Handbook) -> list[GroupView]:
    return [_view(handbook, g) for g in handbook.partnerships.groups if g.visibility is Visibility.PUBLIC]


def groups_by_kind(handbook: Handbook) -> list[KindGroups]:
    """Public groups under their kind, kinds in a fixed order, groups in data order."""
    views = public_groups(handbook)
    result = [KindGroups(k, [v for v in views if v.group.kind is k]) for k in GroupKind]
    return [k for k in result if k.groups]


def appendix_groups(handbook: Handbook) -> list[GroupView]:
    """Groups listed in the appendix of consultative groups and their chairs, by name."""
    return sorted((v for v in public_groups(handbook) if v.group.appendix), key=lambda v: v.group.name.lower())
