"""Protocols and the public concern framework."""

import dataclasses

from handbook.views import protocols


def test_concern_levels_are_sorted_lowest_first(sample_handbook):
    # The sample lists them in order already: reverse them so the view's sort is what is tested.
    framework = sample_handbook.protocols.concern_framework
    reversed_levels = framework.model_copy(update={"levels": list(reversed(framework.levels))})
    shuffled = dataclasses.replace(sample_handbook, protocols=sample_handbook.protocols.model_copy(update={"concern_framework": reversed_levels}))
    levels = [lv.level for lv in protocols.concern_framework(shuffled).levels]
    assert levels == sorted(levels) and len(levels) > 1


def test_protocol_steps_name_only_public_contacts(sample_handbook):
    for view in protocols.public_protocols(sample_handbook):
        for step in view.steps:
            if step.contact:
                assert sample_handbook.roles_by_id[step.contact.role_id].visibility.value == "public"
