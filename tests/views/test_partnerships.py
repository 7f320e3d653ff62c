"""Partnerships: public groups by kind; the appendix lists flagged groups with their chairs."""

import dataclasses

from handbook.views import partnerships
from handbook.views.partnerships import Chair


def test_appendix_lists_only_flagged_public_groups(sample_handbook):
    listed = partnerships.appendix_groups(sample_handbook)
    assert listed and all(v.group.appendix and v.group.visibility.value == "public" for v in listed)
    assert all(isinstance(v.chair, Chair) for v in listed)


def _chaired(handbook, group_id, **chair):
    groups = [g.model_copy(update={"chair": g.chair.model_copy(update=chair)}) if g.id == group_id else g for g in handbook.partnerships.groups]
    changed = dataclasses.replace(handbook, partnerships=handbook.partnerships.model_copy(update={"groups": groups}))
    return next(v.chair for v in partnerships.public_groups(changed) if v.group.id == group_id)


def test_a_chair_is_data_the_view_never_words(sample_handbook):
    group = next(g for g in sample_handbook.partnerships.groups if g.visibility.value == "public")
    assert _chaired(sample_handbook, group.id, role=None, person=None, vacant=True) == Chair(vacant=True)
    assert _chaired(sample_handbook, group.id, role=None, person="Ms A. Chair", vacant=False) == Chair(person="Ms A. Chair")


def test_a_chair_by_an_unpublished_role_is_neither_named_nor_given_a_title(sample_handbook):
    internal = next(r for r in sample_handbook.contacts.roles if r.visibility.value == "internal")
    group = next(g for g in sample_handbook.partnerships.groups if g.visibility.value == "public")
    assert _chaired(sample_handbook, group.id, role=internal.id, person=None, vacant=False) == Chair()


def test_a_chair_by_a_public_role_gives_its_holder_only_with_consent(sample_handbook):
    group = next(g for g in sample_handbook.partnerships.groups if g.visibility.value == "public")
    for role in (r for r in sample_handbook.contacts.roles if r.visibility.value == "public"):
        chair = _chaired(sample_handbook, group.id, role=role.id, person=None, vacant=False)
        assert chair == Chair(role_title=role.title, role_holder=role.public_name)


def test_every_public_group_appears_under_its_kind(sample_handbook):
    shown = [v.group.id for k in partnerships.groups_by_kind(sample_handbook) for v in k.groups]
    assert sorted(shown) == sorted(g.id for g in sample_handbook.partnerships.groups if g.visibility.value == "public")
