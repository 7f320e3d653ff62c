"""Protocols and the public concern framework."""

from handbook.views import protocols


def test_concern_levels_are_sorted_lowest_first(sample_handbook):
    levels = [lv.level for lv in protocols.concern_framework(sample_handbook).levels]
    assert levels == sorted(levels)


def test_protocol_steps_name_only_public_contacts(sample_handbook):
    for view in protocols.public_protocols(sample_handbook):
        for step in view.steps:
            if step.contact:
                assert sample_handbook.roles_by_id[step.contact.role_id].visibility.value == "public"
