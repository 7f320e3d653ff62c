"""The quote engine: which price a school pays and the figure, by the rules in views/quote.py."""

from __future__ import annotations

import dataclasses
from decimal import ROUND_HALF_UP, Decimal

import pytest

from handbook.data.model.services import Service, ServicesFile
from handbook.data.model.types import Phase, Setting
from handbook.views.quote import MAX_QUANTITY, Quantity, Reason, School, calculator_data, items, line_for, price_for, quote, resolve_key, service_reason

PRIMARY_ACADEMY = School(Phase.PRIMARY, Setting.ACADEMY, 210)


def charge(amount="100", unit="per school per year", settings=("maintained", "academy"), **more) -> dict:
    found = {"amount": amount, "unit": unit, "settings": list(settings), "vat": "exempt", "valid_from": "2026-04-01", **more}
    if amount is None:
        del found["amount"]
        found["price_on_application"] = True
    return found


def service(*charges: dict, id="svc", phases=("primary", "secondary"), settings=("maintained", "academy"), provision="traded", offers=None, contacts=("someone",)) -> Service:
    """A valid public service; `charges` make its one offer unless `offers` are given."""
    if offers is None:
        offers = [{"id": "offer", "name": "The offer", "kind": "package", "charges": list(charges)}] if charges else []
    return Service.model_validate({
        "id": id, "name": f"Service {id}", "summary": "What it is.", "description": "More.", "category": "cat",
        "provision": provision, "statutory_basis": [] if provision == "traded" else [{"act": "Education Act 1996"}],
        "audience": {"phases": list(phases), "settings": list(settings)}, "offers": offers, "how_to_buy": "Ask.",
        "contacts": list(contacts), "owner": "unit", "last_reviewed": "2026-01-01", "review_due": "2027-01-01",
    })


def line(svc: Service, school: School = PRIMARY_ACADEMY, chosen: Quantity = Quantity()):
    (item,) = items(svc)
    return line_for(item, school, chosen)


def handbook_with(sample_handbook, *services: Service):
    files = ServicesFile(categories=sample_handbook.services.categories, services=list(services))
    return dataclasses.replace(sample_handbook, services=files)


# Rule 2: which charge sets the price.

BANDED = service(
    charge("1000", band={"pupils_from": 0, "pupils_to": 210}),
    charge("2000", band={"pupils_from": 211}),
)


@pytest.mark.parametrize(("pupils", "price"), [(0, "1000"), (209, "1000"), (210, "1000"), (211, "2000"), (212, "2000"), (100_000, "2000")])
def test_the_band_holding_the_roll_sets_the_price_at_each_edge_and_either_side(pupils, price):
    assert line(BANDED, School(Phase.PRIMARY, Setting.MAINTAINED, pupils)).net == Decimal(price)


def test_a_roll_outside_every_band_has_no_price():
    svc = service(charge("1000", band={"pupils_from": 50, "pupils_to": 100}))
    assert line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 49)).reason is Reason.NO_BAND
    assert line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 101)).reason is Reason.NO_BAND
    assert line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 50)).priced


def test_a_price_for_the_schools_phase_beats_one_for_every_phase_wherever_it_stands():
    svc = service(charge("500"), charge("700", phase="primary"), charge("900", phase="secondary"))
    assert line(svc).net == Decimal("700")
    assert line(svc, School(Phase.SECONDARY, Setting.ACADEMY, 900)).net == Decimal("900")


def test_a_banded_price_beats_an_unbanded_one_and_the_first_wins_a_tie():
    svc = service(charge("500"), charge("600", band={"pupils_from": 0, "pupils_to": 300}), charge("650", band={"pupils_from": 100, "pupils_to": 400}))
    assert line(svc).net == Decimal("600")


def test_the_charge_for_the_schools_kind_is_the_one_used():
    svc = service(charge("330", unit="per day", settings=["maintained"]), charge("365", unit="per day", settings=["academy"]))
    assert line(svc, School(Phase.PRIMARY, Setting.MAINTAINED, 210)).net == Decimal("330")
    assert line(svc).net == Decimal("365")


def test_a_free_school_pays_academy_prices_and_is_open_to_academy_services():
    svc = service(charge("330", settings=["maintained"]), charge("365", settings=["academy"]), settings=["academy"])
    free = School(Phase.PRIMARY, Setting.FREE_SCHOOL, 210)
    assert service_reason(svc, free) is None
    assert line(svc, free).net == Decimal("365")
    assert price_for(items(svc)[0], free) is price_for(items(svc)[0], PRIMARY_ACADEMY)


# Every reason.

def test_each_reason_an_offer_or_a_service_has_no_figure():
    assert service_reason(service(charge(), phases=["secondary"]), PRIMARY_ACADEMY) is Reason.NOT_FOR_PHASE
    assert service_reason(service(charge(), settings=["maintained"]), PRIMARY_ACADEMY) is Reason.NOT_FOR_KIND
    assert service_reason(service(charge(), settings=["academy"]), School(Phase.PRIMARY, Setting.INDEPENDENT, 90)) is Reason.NOT_FOR_KIND
    assert line(service(charge(settings=["maintained"]))).reason is Reason.NOT_OFFERED_KIND
    assert line(service(charge(phase="secondary"))).reason is Reason.NOT_OFFERED_PHASE
    assert line(service(charge(band={"pupils_from": 300}))).reason is Reason.NO_BAND
    assert line(service(charge(None))).reason is Reason.ON_APPLICATION
    assert line(service(charge(payer="authority"))).reason is Reason.PAID_BY_COUNCIL


def test_a_statutory_service_and_services_not_open_are_quoted_with_their_reason_and_no_lines(sample_handbook):
    handbook = handbook_with(
        sample_handbook,
        service(id="duty", provision="statutory"),
        service(charge(), id="secondary-only", phases=["secondary"]),
        service(charge(), id="open"),
    )
    found = {sq.service.id: sq for sq in quote(handbook, PRIMARY_ACADEMY).services}
    assert found["duty"].reason is Reason.STATUTORY and found["duty"].lines == []
    assert found["secondary-only"].reason is Reason.NOT_FOR_PHASE and found["secondary-only"].lines == []
    assert found["open"].reason is None and [l.net for l in found["open"].lines] == [Decimal("100")]


def test_priced_and_unpriced_lines_keep_their_reason_and_only_priced_ones_count_in_the_total(sample_handbook):
    handbook = handbook_with(sample_handbook, service(id="aa", offers=[
        {"id": "one", "name": "One", "kind": "package", "charges": [charge("100", vat="standard")]},
        {"id": "two", "name": "Two", "kind": "package", "charges": [charge(None)]},
        {"id": "three", "name": "Three", "kind": "package", "charges": [charge("40.01", vat="standard")]},
    ]))
    result = quote(handbook, PRIMARY_ACADEMY)
    assert [l.priced for l in result.lines] == [True, False, True]
    assert (result.net, result.vat, result.gross) == (Decimal("140.01"), Decimal("28.00"), Decimal("168.01"))


# Rule 3: the numbers a price is multiplied by.

def test_per_pupil_multiplies_by_the_roll_and_ignores_a_chosen_number():
    svc = service(charge("4.60", unit="per pupil per year"))
    assert line(svc).net == Decimal("966.00")
    assert line(svc, chosen=Quantity(5, 7)).net == Decimal("966.00")


def test_per_school_per_academy_and_flat_fees_count_one():
    for unit in ("per school per year", "per academy per year", "flat fee", "per school"):
        assert line(service(charge("850", unit=unit)), chosen=Quantity(9)).count == 1


def test_a_chosen_thing_counts_what_the_school_chose_else_one():
    svc = service(charge("45", unit="per delegate per half day"))
    assert (line(svc).count, line(svc).periods, line(svc).net) == (1, 1, Decimal("45"))
    assert line(svc, chosen=Quantity(3, 2)).net == Decimal("270")
    assert line(svc, chosen=Quantity(0)).net == Decimal("0")


@pytest.mark.parametrize(("unit", "periods"), [("per school per term", 3), ("per school per month", 12), ("per school per week", 1), ("per place per day", 1), ("per school per year", 1), ("per day", 1)])
def test_periods_default_to_a_years_worth_of_terms_and_months_else_one(unit, periods):
    assert line(service(charge("10", unit=unit))).periods == periods


def test_chosen_periods_replace_the_default_except_for_a_yearly_price():
    assert line(service(charge("10", unit="per school per term")), chosen=Quantity(None, 2)).net == Decimal("20")
    assert line(service(charge("84", unit="per place per day")), chosen=Quantity(30, 5)).net == Decimal("12600")
    assert line(service(charge("10", unit="per pupil per year")), chosen=Quantity(None, 4)).periods == 1


def test_the_largest_quantities_stay_exact():
    svc = service(charge("99999.99", unit="per place per day"))
    result = line(svc, chosen=Quantity(MAX_QUANTITY, MAX_QUANTITY))
    assert result.net == Decimal("99999.99") * MAX_QUANTITY * MAX_QUANTITY


# Rule 4: minimum, cap, VAT.

def test_a_minimum_raises_the_figure_and_says_so():
    svc = service(charge("42", unit="per hour", minimum="84"))
    result = line(svc)
    assert (result.net, result.limited_by) == (Decimal("84.00"), "minimum")
    assert line(svc, chosen=Quantity(3)).limited_by is None


def test_a_minimum_is_not_charged_when_nothing_is_bought():
    svc = service(charge("42", unit="per hour", minimum="84"))
    result = line(svc, chosen=Quantity(0))
    assert (result.net, result.limited_by) == (Decimal("0.00"), None)


def test_a_cap_lowers_the_figure_and_a_minimum_and_cap_together_bound_it():
    svc = service(charge("7.60", unit="per pupil per year", minimum="950", cap="5500"))
    assert (line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 1000)).net, line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 1000)).limited_by) == (Decimal("5500.00"), "cap")
    assert line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 100)).net == Decimal("950.00")
    assert line(svc, School(Phase.PRIMARY, Setting.ACADEMY, 500)).net == Decimal("3800.00")


@pytest.mark.parametrize("pence", [1, 2, 3, 4, 5, 7, 13, 101, 103, 12345, 99999])
def test_vat_on_odd_pence_is_rounded_to_the_nearest_penny_half_up(pence):
    amount = Decimal(pence) / 100
    result = line(service(charge(str(amount), vat="standard")))
    assert result.vat == (amount * Decimal("0.2")).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert result.gross == result.net + result.vat


def test_vat_on_each_item_is_rounded_before_the_items_are_added(sample_handbook):
    # At 20% no net in whole pence gives exactly half a penny of VAT (net/5 leaves .2, .4, .6
    # or .8), so the cases above meet every fraction there is; here 3p twice is 1p + 1p, not 1.2p.
    handbook = handbook_with(sample_handbook, service(id="aa", offers=[
        {"id": "one", "name": "One", "kind": "package", "charges": [charge("0.03", vat="standard")]},
        {"id": "two", "name": "Two", "kind": "package", "charges": [charge("0.03", vat="standard")]},
    ]))
    result = quote(handbook, PRIMARY_ACADEMY)
    assert [l.vat_pence for l in result.lines] == [1, 1] and result.vat == Decimal("0.02")


@pytest.mark.parametrize(("vat", "rate"), [("standard", 20), ("exempt", 0), ("zero-rated", 0), ("outside-scope", 0)])
def test_vat_follows_the_charges_treatment(vat, rate):
    assert line(service(charge("100", vat=vat))).vat == Decimal(rate)


# Items and keys.

def test_an_offer_with_several_labels_is_several_items_with_slugged_keys():
    svc = service(offers=[
        {"id": "single", "name": "Single", "kind": "package", "charges": [charge("10")]},
        {"id": "meetings", "name": "Meetings", "kind": "package", "charges": [charge("265", label="Full board meeting"), charge("175", label="Committee's meeting"), charge("180", label="Full board meeting", settings=["academy"])]},
    ])
    found = items(svc)
    assert [i.key for i in found] == ["svc/single", "svc/meetings/full-board-meeting", "svc/meetings/committee-s-meeting"]
    assert len(found[1].charges) == 2


def test_resolve_key_reads_a_service_an_offer_or_an_item(sample_handbook):
    handbook = handbook_with(sample_handbook, service(id="svc", offers=[
        {"id": "single", "name": "Single", "kind": "package", "charges": [charge("10")]},
        {"id": "meetings", "name": "Meetings", "kind": "package", "charges": [charge("1", label="A"), charge("2", label="B")]},
    ]))
    assert resolve_key(handbook, "svc") == ["svc/single", "svc/meetings/a", "svc/meetings/b"]
    assert resolve_key(handbook, "svc/meetings") == ["svc/meetings/a", "svc/meetings/b"]
    assert resolve_key(handbook, "svc/meetings/b") == ["svc/meetings/b"]
    assert resolve_key(handbook, "single") == ["svc/single"]
    assert resolve_key(handbook, "meetings/a") == ["svc/meetings/a"]
    assert resolve_key(handbook, "nothing") == []


def test_a_quote_for_chosen_keys_has_only_those_items_and_named_services(sample_handbook):
    handbook = handbook_with(
        sample_handbook,
        service(id="duty", provision="statutory"),
        service(id="svc", offers=[{"id": "aa", "name": "A", "kind": "package", "charges": [charge("10")]}, {"id": "bb", "name": "B", "kind": "package", "charges": [charge("20")]}]),
    )
    result = quote(handbook, PRIMARY_ACADEMY, {"svc/bb": Quantity(3)}, ["svc/bb", "duty"])
    assert [(sq.service.id, [l.item.key for l in sq.lines]) for sq in result.services] == [("duty", []), ("svc", ["svc/bb"])]
    assert result.net == Decimal("20")  # per school: the chosen count does not multiply it


def test_the_sample_quotes_every_school_without_error(sample_handbook):
    for phase in Phase:
        for kind in Setting:
            result = quote(sample_handbook, School(phase, kind, 210))
            assert all(l.priced == (l.reason is None) for l in result.lines)
            assert result.gross == result.net + result.vat


def test_calculator_data_carries_every_item_of_every_service(sample_handbook):
    from handbook.views.catalogue import public_services

    services = public_services(sample_handbook)
    data = calculator_data(services)
    assert [row[0] for row in data["services"]] == [s.id for s in services]
    assert [i[0] for row in data["services"] for i in row[5]] == [i.key for s in services for i in items(s)]
