"""Formatting filters shared by the site, macros and PDF."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

from handbook.data.model.services import Band, Charge
from handbook.presentation import wording as filters
from handbook.presentation.wording import charge_notes, phases, price, scope, settings


def test_money_drops_pence_only_when_whole():
    assert filters.money(Decimal("1450")) == "£1,450"
    assert filters.money(Decimal("1250.5")) == "£1,250.50"
    assert filters.money(None, True) == "Price on application"


def test_dates_plurals_and_lists_read_as_english():
    assert filters.long_date(dt.date(2026, 9, 1)) == "1 September 2026"
    assert filters.plural(1, "service") == "1 service"
    assert filters.plural(3, "service") == "3 services"
    assert filters.join_words(["a", "b", "c"]) == "a, b and c"


def test_bands_and_phone_links():
    assert filters.band_text(SimpleNamespace(pupils_from=0, pupils_to=210)) == "0 to 210 pupils"
    assert filters.band_text(SimpleNamespace(pupils_from=211, pupils_to=None)) == "211 pupils and over"
    assert filters.tel_href("01632 960 123") == "tel:+441632960123"
    assert filters.megabytes(2_400_000) == "2.4 MB"


def test_vat_treatment_reads_as_words():
    from handbook.data.model.services import Vat
    from handbook.presentation.wording import vat_label

    assert [vat_label(v) for v in Vat] == ["VAT exempt", "plus VAT", "zero-rated", "outside VAT scope"]


def test_whole_lists_of_phases_and_kinds_of_school_read_as_english():
    from handbook.data.model.types import Phase, Setting

    phases = [Phase("primary"), Phase("secondary")]
    assert filters.phase_labels(phases) == f"{filters.phase_label(phases[0])} and {filters.phase_label(phases[1])}"
    assert filters.phase_labels(phases, lower=True) == filters.phase_labels(phases).lower()
    settings = [Setting("maintained"), Setting("academy")]
    # A list reads as one phrase: only its first word has a capital ("Maintained schools and academies").
    assert filters.setting_labels(settings) == f"{filters.setting_label(settings[0])} and {filters.setting_label(settings[1]).lower()}"
    assert filters.enum_values(settings) == "maintained academy"


# The phrases of a printed charges table.
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
    assert settings(["maintained", "academy", "other-authority"]) == "Maintained schools, academies and schools in other authorities"
    assert phases(["primary", "secondary"]) == "Primary and Secondary"


def test_what_a_price_is_for_reads_label_unit_settings_band_and_phase_with_the_sites_numbers():
    c = charge(label="Additional visit", settings=["maintained", "academy"], band={"pupils_from": 1000}, phase="primary")
    assert filters.describe_charge(c) == "Additional visit, per day, maintained schools, academies, 1,000 pupils and over, primary"
    assert filters.describe_charge(charge(band={"pupils_from": 211, "pupils_to": 1500})) == "per day, maintained schools, 211 to 1,500 pupils"


def test_a_chair_reads_as_the_partnerships_page_and_the_change_report_print_it():
    from handbook.views.partnerships import Chair

    assert filters.chair_text(Chair(vacant=True)) == "Vacant"
    assert filters.chair_text(Chair(vacant=True), start=False) == "vacant"
    assert filters.chair_text(Chair(person="Mrs Joy Adeyemi")) == "Mrs Joy Adeyemi"
    assert filters.chair_text(Chair(role_title="Schools Finance Manager", role_holder="Tom Ellis")) == "Schools Finance Manager (Tom Ellis)"
    assert filters.chair_text(Chair(role_title="Schools Finance Manager")) == "Schools Finance Manager"
    assert filters.chair_text(Chair()) == "A council officer"
    assert filters.chair_text(Chair(), start=False) == "a council officer"


def test_every_kind_of_group_and_every_phase_and_setting_has_a_label():
    from handbook.data.model.partnerships import GroupKind
    from handbook.data.model.types import Phase, Setting

    assert set(filters.GROUP_KIND_LABELS) == set(GroupKind)
    assert set(filters.PHASE_LABELS) == set(Phase) and set(filters.SETTING_LABELS) == set(Setting)
    assert filters.FILTERS["group_kind"](GroupKind.MEETING) == "Regular meetings"


def test_contract_years_read_with_their_months():
    from handbook.data.model.services import ContractYear

    assert [filters.FILTERS["contract_year"](y) for y in ContractYear] == ["Financial year (April to March)", "Academic year (September to August)"]


def test_the_edition_teams_and_payer_columns_are_worded_once(sample_handbook):
    from handbook.views import prices

    assert filters.edition_label(sample_handbook) == "2026-27 edition"
    assert filters.team_name("Schools Finance") == "Schools Finance" and filters.team_name("") == filters.OTHER_CONTACTS
    assert set(filters.PAYER_COLUMN_LABELS) == set(prices.PAYER_COLUMNS)


def test_each_charges_column_heading_names_exactly_the_kinds_its_prices_cover():
    """A column holds the charges for its kind of school; by the one rule they cover the kinds
    `kinds_covered([kind])` reaches, so its heading names those and no other."""
    from handbook.data.model.types import Setting, kinds_covered
    from handbook.views import prices

    nouns = {Setting.MAINTAINED: "maintained", Setting.ACADEMY: "academy", Setting.FREE_SCHOOL: "free school", Setting.INDEPENDENT: "independent", Setting.OTHER_AUTHORITY: "another authority"}
    for column in prices.PAYER_COLUMNS:
        heading = filters.PAYER_COLUMN_LABELS[column].lower()
        assert {kind for kind, noun in nouns.items() if noun in heading} == set(kinds_covered([column])), heading


def test_the_price_period_follows_the_years_the_charges_run_for():
    from types import SimpleNamespace

    from handbook.data.model.services import ContractYear
    from handbook.presentation.wording import price_period

    covers = SimpleNamespace(financial_year="2026/27", academic_year="2026/27")
    assert price_period({ContractYear.FINANCIAL: 4}, covers) == "the 2026/27 financial year"
    assert price_period({ContractYear.ACADEMIC: 4}, covers) == "the 2026/27 academic year"
    both = {ContractYear.ACADEMIC: 92, ContractYear.FINANCIAL: 1}
    assert price_period(both, covers) == "the 2026/27 academic year (92 prices, starting 1 September) and the 2026/27 financial year (1 price, starting 1 April)"
    assert price_period(both, covers, counts=False) == "the 2026/27 financial and academic years"
    assert price_period({}, covers) == "the 2026/27 financial year"  # no charges: the edition's prices year
