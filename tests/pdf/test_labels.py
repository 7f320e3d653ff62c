"""Print wording for charges: prices, notes, scope, and officers' Markdown kept safe."""

import datetime as dt
from decimal import Decimal

from handbook.data.model.services import Band, Charge
from handbook.pdf.labels import charge_notes, markdown, phases, price, scope, settings


def charge(**fields) -> Charge:
    base = {"amount": Decimal("450"), "unit": "per day", "settings": ["maintained"], "vat": "exempt", "valid_from": dt.date(2026, 4, 1)}
    return Charge.model_validate({**base, **fields})


def test_price_is_money_or_price_on_application():
    assert price(charge(amount=Decimal("1250.5"))) == "£1,250.50"
    assert price(charge(amount=None, price_on_application=True)) == "Price on application"


def test_notes_give_vat_minimum_cap_discount_payer_and_end_date():
    notes = charge_notes(charge(vat="standard", minimum=Decimal("100"), cap=Decimal("900"), discount="10% for clusters", payer="de-delegated", valid_to=dt.date(2027, 3, 31)))
    assert notes == "plus VAT; minimum £100; capped at £900; 10% for clusters; de-delegated from maintained schools' budgets; until 31 March 2027"


def test_scope_joins_band_and_phase():
    assert scope(Band(pupils_from=0, pupils_to=210), None) == "0 to 210 pupils"
    assert scope(None, "primary") == "Primary"
    assert scope(None, None) == ""


def test_settings_and_phases_read_as_a_list():
    assert settings(["maintained", "academy", "other-authority"]) == "Maintained schools, Academies and Schools in other authorities"
    assert phases(["primary", "secondary"]) == "Primary and Secondary"


def test_markdown_from_data_shows_typed_html_as_text():
    html = str(markdown("Hello <script>alert(1)</script> **world**"))
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>world</strong>" in html
