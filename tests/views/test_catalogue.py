"""Catalogue queries: only public services, sorted, grouped; internal contacts never returned."""

from handbook.data.model.types import Visibility
from handbook.views import catalogue


def test_public_services_exclude_internal_ones_and_sort_by_name(sample_handbook):
    services = catalogue.public_services(sample_handbook)
    assert all(s.visibility is Visibility.PUBLIC for s in services)
    assert [s.name.lower() for s in services] == sorted(s.name.lower() for s in services)
    assert len(services) < len(sample_handbook.services.services)


def test_groups_hold_every_public_service_once(sample_handbook):
    grouped = [s.id for g in catalogue.services_by_category(sample_handbook) for s in g.services]
    assert sorted(grouped) == sorted(catalogue.service_ids(sample_handbook))


def test_service_contacts_and_related_are_public(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        assert all(r.visibility is Visibility.PUBLIC for r in catalogue.service_contacts(sample_handbook, service))
        assert all(s.is_public for s in catalogue.related_services(sample_handbook, service))
