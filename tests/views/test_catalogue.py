"""Catalogue queries: only public services, sorted, grouped; internal contacts never returned."""

from handbook.data.model.services import Provision
from handbook.data.model.types import Setting, Visibility, kinds_covered
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


def test_mixed_services_are_listed_under_statutory_and_traded_as_well_as_mixed(sample_handbook):
    public = catalogue.public_services(sample_handbook)
    mixed = [s for s in public if s.provision is Provision.MIXED]
    assert mixed, "the sample data should have a statutory-and-traded service"
    statutory = catalogue.services_by_provision(sample_handbook, Provision.STATUTORY)
    traded = catalogue.services_by_provision(sample_handbook, Provision.TRADED)
    assert all(s in statutory and s in traded for s in mixed)
    assert catalogue.services_by_provision(sample_handbook, Provision.MIXED) == mixed
    assert len(statutory) + len(traded) - len(mixed) == len(public)
    assert all(set(catalogue.provisions_of(s)) == {s.provision} for s in public if s not in mixed)


def test_kinds_of_school_follow_the_one_rule(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        kinds = catalogue.kinds_of(service)
        assert set(kinds) == kinds_covered(service.audience.settings)
        assert kinds == [k for k in Setting if k in kinds]
        if Setting.ACADEMY in service.audience.settings:
            assert Setting.FREE_SCHOOL in kinds
    used = catalogue.used_settings(sample_handbook)
    assert set(used) == {k for s in catalogue.public_services(sample_handbook) for k in catalogue.kinds_of(s)}
