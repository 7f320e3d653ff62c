"""The structure tree: public units only, each once."""

from handbook.views import structure


def _walk(nodes):
    for n in nodes:
        yield n
        yield from _walk(n.children)


def test_tree_holds_each_public_unit_once(sample_handbook):
    ids = [n.unit.id for n in _walk(structure.structure_tree(sample_handbook))]
    assert len(ids) == len(set(ids))
    assert all(sample_handbook.units_by_id[i].visibility.value == "public" for i in ids)


def test_management_team_keeps_the_data_order(sample_handbook):
    team = [e.role_id for e in structure.management_team(sample_handbook)]
    assert team == [r for r in sample_handbook.structure.management_team if r in team]
