"""Partnerships, boards, forums and meetings: who chairs them, who sits on them, how often.

Input: a validated `Handbook`. Output: plain records. No I/O, no formatting. Internal groups and
internal chairing roles are left out; a chair by office shows the role's public name only.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.data.model import Handbook
from handbook.data.model.partnerships import Group, GroupKind
from handbook.data.model.types import Visibility
from handbook.views.catalogue import public_role

KIND_LABELS = {
    GroupKind.STATUTORY: "Statutory bodies",
    GroupKind.QUASI_STATUTORY: "Quasi-statutory bodies",
    GroupKind.PARTNERSHIP: "Partnerships",
    GroupKind.CONSULTATIVE: "Consultative groups",
    GroupKind.LIAISON: "Liaison groups",
    GroupKind.POLICY: "Policy groups",
    GroupKind.MEETING: "Regular meetings",
}


@dataclass(frozen=True)
class GroupView:
    group: Group
    chair: str  # who chairs it, in words
    reports_to: str | None  # the parent group's name


@dataclass(frozen=True)
class KindGroups:
    kind: GroupKind
    label: str
    groups: list[GroupView]


def chair_text(handbook: Handbook, group: Group) -> str:
    chair = group.chair
    if chair.vacant:
        return "Vacant"
    if chair.person:
        return chair.person
    role = public_role(handbook, chair.role)
    if role is None:
        return "To be confirmed"
    return f"{role.title} ({role.public_name})" if role.public_name else role.title


def _view(handbook: Handbook, group: Group) -> GroupView:
    parent = handbook.groups_by_id.get(group.reports_to) if group.reports_to else None
    parent_name = parent.name if parent is not None and parent.visibility is Visibility.PUBLIC else None
    return GroupView(group, chair_text(handbook, group), parent_name)


def public_groups(handbook: Handbook) -> list[GroupView]:
    return [_view(handbook, g) for g in handbook.partnerships.groups if g.visibility is Visibility.PUBLIC]


def groups_by_kind(handbook: Handbook) -> list[KindGroups]:
    """Public groups under their kind, kinds in a fixed order, groups in data order."""
    views = public_groups(handbook)
    result = [KindGroups(k, KIND_LABELS[k], [v for v in views if v.group.kind is k]) for k in GroupKind]
    return [k for k in result if k.groups]


def appendix_groups(handbook: Handbook) -> list[GroupView]:
    """Groups listed in the appendix of consultative groups and their chairs, by name."""
    return sorted((v for v in public_groups(handbook) if v.group.appendix), key=lambda v: v.group.name.lower())
