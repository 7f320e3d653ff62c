"""Partnerships: public groups by kind; the appendix lists flagged groups with their chairs."""

from handbook.views import partnerships


def test_appendix_lists_only_flagged_public_groups(sample_handbook):
    listed = partnerships.appendix_groups(sample_handbook)
    assert listed and all(v.group.appendix and v.group.visibility.value == "public" for v in listed)
    assert all(v.chair for v in listed)


def test_every_public_group_appears_under_its_kind(sample_handbook):
    shown = [v.group.id for k in partnerships.groups_by_kind(sample_handbook) for v in k.groups]
    assert sorted(shown) == sorted(g.id for g in sample_handbook.partnerships.groups if g.visibility.value == "public")
