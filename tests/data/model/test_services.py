import pytest
from pydantic import ValidationError

from handbook.data.model.services import Band, Charge

BASE = {"unit": "per day", "settings": ["maintained"], "vat": "exempt", "valid_from": "2026-04-01"}


def test_open_ended_band_overlaps_every_later_band():
    assert Band(pupils_from=200).overlaps(Band(pupils_from=500, pupils_to=900))
    assert not Band(pupils_from=0, pupils_to=199).overlaps(Band(pupils_from=200))


def test_charge_needs_an_amount_or_price_on_application_but_not_both():
    assert Charge(amount=450, **BASE).amount == 450
    assert Charge(price_on_application=True, **BASE).amount is None
    for bad in ({}, {"amount": 450, "price_on_application": True}):
        with pytest.raises(ValidationError):
            Charge(**bad, **BASE)


def test_money_keeps_pence_exactly_and_refuses_fractions_of_a_penny():
    from decimal import Decimal
    assert Charge(amount=Decimal("1250.50"), **BASE).amount == Decimal("1250.50")
    with pytest.raises(ValidationError):
        Charge(amount=Decimal("1.005"), **BASE)
