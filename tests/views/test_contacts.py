"""The contacts directory: public roles only; names only with consent."""

from handbook.views import contacts


def test_directory_names_only_consenting_holders_and_no_internal_role(sample_handbook):
    entries = [e for team in contacts.contacts_directory(sample_handbook) for e in team.entries]
    roles = sample_handbook.roles_by_id
    assert entries
    for e in entries:
        role = roles[e.role_id]
        assert role.visibility.value == "public"
        assert e.name == role.public_name
