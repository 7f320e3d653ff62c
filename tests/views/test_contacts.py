"""The contacts directory: public roles only; names only with consent."""

from handbook.data.model.types import Visibility
from handbook.views import contacts


def test_directory_names_only_consenting_holders_and_no_internal_role(sample_handbook):
    entries = {e.role_id: e for team in contacts.contacts_directory(sample_handbook) for e in team.entries}
    roles = sample_handbook.contacts.roles
    # The sample holds every case, so none of the checks below can pass by having nothing to check.
    assert any(r.holder and r.holder.consent_to_publish and not r.vacant for r in roles)
    assert any(r.holder and not r.holder.consent_to_publish for r in roles)
    assert any(r.visibility is Visibility.INTERNAL for r in roles)
    for role in roles:
        if role.visibility is Visibility.INTERNAL:
            assert role.id not in entries
            continue
        # Expected from the data itself, not from `Role.public_name`, which the view uses.
        consented = role.holder is not None and role.holder.consent_to_publish and not role.vacant
        assert entries[role.id].name == (role.holder.name if consented else None), role.id
