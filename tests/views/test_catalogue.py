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


def _add_service(data, text: str) -> None:
    from handbook.commands.new import add_written

    path = data / "services.yaml"
    path.write_text(add_written(path.read_text(encoding="utf-8"), "services", text)[0], encoding="utf-8")


NEW_SERVICE = """
- id: aaa-attendance-audit
  {number}name: AAA Attendance Audit
  summary: A review of a school's attendance procedures.
  description: An officer reviews the school's attendance procedures and reports.
  category: access-and-attendance
  provision: statutory
  statutory_basis:
    - act: Education Act 1996
  audience:
    phases: [primary]
    settings: [maintained]
  how_to_buy: Ask the attendance team.
  contacts: [attendance-manager]
  owner: attendance-welfare
  last_reviewed: 2026-09-01
  review_due: 2027-09-01
"""


def test_an_unchanged_service_keeps_its_reference_when_another_is_added(data_copy):
    from handbook.data.validate import load_handbook

    before = catalogue.references(load_handbook(data_copy))
    # Named to sort first in its category: by position it would have pushed every other one down.
    _add_service(data_copy, NEW_SERVICE.format(number="number: 9\n  "))
    after = catalogue.references(load_handbook(data_copy))
    assert {sid: after[sid] for sid in before} == before
    assert after["aaa-attendance-audit"] == (before["attendance-support"][0], 9)


def test_a_new_service_without_a_number_comes_after_the_numbered_ones(data_copy):
    from handbook.data.validate import load_handbook, validate

    before = catalogue.references(load_handbook(data_copy))
    _add_service(data_copy, NEW_SERVICE.format(number=""))
    result = validate(data_copy)
    assert [p.code for p in result.problems if p.code == "missing-number"] == ["missing-number"]
    after = catalogue.references(result.handbook)
    assert {sid: after[sid] for sid in before} == before
    category = before["attendance-support"][0]
    assert after["aaa-attendance-audit"] == (category, max(k for c, k in before.values() if c == category) + 1)


def test_without_stored_numbers_references_are_the_order_of_names(sample_handbook):
    # The archive's data keeps no numbers: its references are what the PDF printed then.
    from handbook.data.validate import load_handbook
    from tests.conftest import SAMPLE_DATA

    old = load_handbook(SAMPLE_DATA / "archive" / "2025-26")
    refs = catalogue.references(old)
    for i, group in enumerate(catalogue.services_by_category(old), start=1):
        assert [refs[s.id] for s in group.services] == [(i, k) for k in range(1, len(group.services) + 1)]
        assert [s.name.lower() for s in group.services] == sorted(s.name.lower() for s in group.services)
