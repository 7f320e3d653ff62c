"""Charges as rows and as who-pays lines."""

from handbook.data.model.types import Setting
from handbook.views import catalogue, prices


def test_charges_rows_cover_every_charge_of_public_services(sample_handbook):
    rows = prices.charges_rows(sample_handbook)
    expected = sum(len(o.charges) for s in catalogue.public_services(sample_handbook) for o in s.offers)
    assert len(rows) == expected
    assert all(r.service.is_public for r in rows)


def test_price_lines_put_each_charge_under_its_kind_of_school(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        columns = prices.price_columns(service)
        for line in prices.price_lines(service):
            for setting, charge in line.by_setting.items():
                assert setting in prices.PAYER_COLUMNS and setting in columns
                assert setting in charge.kinds
                assert charge in [c for o in service.offers for c in o.charges]


def test_a_table_has_a_column_only_for_kinds_some_charge_covers(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        covered = {k for o in service.offers for c in o.charges for k in c.kinds}
        assert prices.price_columns(service) == [s for s in prices.PAYER_COLUMNS if s in covered]
        assert all(c.kinds & set(prices.PAYER_COLUMNS) for o in service.offers for c in o.charges), service.id


def test_an_academy_column_holds_prices_free_schools_pay_too(sample_handbook):
    for service in catalogue.public_services(sample_handbook):
        for line in prices.price_lines(service):
            charge = line.by_setting.get(Setting.ACADEMY)
            assert charge is None or Setting.FREE_SCHOOL in charge.kinds


def test_each_published_charge_runs_for_the_year_its_start_date_begins(sample_handbook):
    from handbook.data.model.services import ContractYear
    from handbook.views.prices import charges_rows, price_years, year_of

    rows = charges_rows(sample_handbook)
    years = price_years(sample_handbook)
    assert sum(years.values()) == len(rows) and list(years) == [ContractYear.ACADEMIC, ContractYear.FINANCIAL]
    for row in rows:
        expected = {4: ContractYear.FINANCIAL, 9: ContractYear.ACADEMIC}[row.charge.valid_from.month]
        assert year_of(row) is expected


def test_a_charge_starting_in_another_month_runs_for_its_offers_contract_year(sample_handbook):
    import datetime as dt

    from handbook.data.model.services import ContractYear
    from handbook.views.prices import charges_rows, year_of

    row = next(r for r in charges_rows(sample_handbook) if r.offer.terms and r.offer.terms.contract_year is ContractYear.ACADEMIC)
    moved = row.__class__(row.service, row.offer, row.charge.model_copy(update={"valid_from": dt.date(2026, 1, 5)}), row.category_name)
    assert year_of(moved) is ContractYear.ACADEMIC
