"""A record with field errors keeps its right parts, in their places, for the checks across records."""

from __future__ import annotations

from handbook.data.model.services import Charge, Service
from handbook.data.salvage import salvage

CHARGE = {"amount": 450, "unit": "per day", "settings": ["maintained"], "vat": "exempt", "valid_from": "2026-04-01"}


def test_a_valid_value_comes_back_validated_and_is_not_marked_incomplete():
    incomplete: set[int] = set()
    charge = salvage(Charge, CHARGE, incomplete)
    assert charge == Charge.model_validate(CHARGE) and incomplete == set()


def test_a_wrong_field_is_none_and_the_record_is_marked_incomplete():
    incomplete: set[int] = set()
    charge = salvage(Charge, {**CHARGE, "phase": "primery", "amount": "£450"}, incomplete)
    assert (charge.phase, charge.amount, charge.unit.per.value) == (None, None, "day")
    assert id(charge) in incomplete


def test_a_wrong_entry_of_a_list_keeps_its_place_so_indices_stay_the_files():
    charge = salvage(Charge, {**CHARGE, "settings": ["maintained", "academies", "academy"]}, set())
    assert [s and s.value for s in charge.settings] == ["maintained", None, "academy"]


def test_references_of_a_service_with_wrong_fields_are_kept():
    service = salvage(Service, {"id": "payroll", "provision": "tradedd", "contacts": ["payroll-team", "Not An Id"], "offers": "none", "audience": 3}, set())
    assert (service.id, service.provision, service.contacts, service.offers) == ("payroll", None, ["payroll-team", None], [])
    assert service.audience.settings == [] and service.owner is None


def test_a_record_wrong_only_as_a_whole_keeps_every_field():
    """A rule over the whole record (a band running backwards) fails; each field on its own is right."""
    incomplete: set[int] = set()
    charge = salvage(Charge, {**CHARGE, "band": {"pupils_from": 200, "pupils_to": 100}}, incomplete)
    assert (charge.band.pupils_from, charge.band.pupils_to) == (200, 100) and id(charge.band) in incomplete
