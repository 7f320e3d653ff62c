"""Column widths, rows that may break, and the markup of a cell and a table."""

import pytest

from handbook.pdf.tables import ROW_LIMIT_MM, SHARE_MAX, TEXT_WIDTH_MM, cell, columns, may_outgrow_a_page, table, widen_first


def test_the_data_tables_have_set_widths_and_share_the_rest():
    specs, widths = columns("charges", 6)
    assert specs == ["30.0%", "16.0%", "1fr", "1fr", "1fr", "1fr"]
    assert round(sum(widths), 6) == TEXT_WIDTH_MM


def test_a_charges_table_with_few_prices_keeps_them_narrow_and_its_first_column_takes_the_rest():
    for prices in (1, 2, 3):
        specs, widths = columns("charges", 2 + prices)
        assert specs[1:] == ["16.0%"] + [f"{SHARE_MAX['charges'] * 100:.1f}%"] * prices
        assert widths[0] > widths[2] and round(sum(widths), 6) == TEXT_WIDTH_MM
    assert columns("charges", 3)[0][0] == "67.0%"


def test_a_prose_table_sizes_its_columns_to_their_text():
    assert columns(None, 3)[0] == ["auto", "auto", "auto"]


def test_the_contacts_e_mail_column_is_as_wide_as_its_longest_address():
    assert columns("contacts", 4)[0] == ["28.0%", "16.0%", "auto", "1fr"]


def test_only_a_row_with_pages_of_text_may_break():
    _, widths = columns(None, 2)
    assert not may_outgrow_a_page([(200, 0, 1), (1_000, 0, 1)], widths)
    assert may_outgrow_a_page([(10, 0, 1), (20_000, 0, 1)], widths)
    assert may_outgrow_a_page([(10, int(ROW_LIMIT_MM), 1)], widths)  # many short lines


def test_a_cell_has_options_only_when_it_needs_them():
    assert cell("x") == "[x]"
    assert cell("x", breakable=True, colspan=4, right=True) == "table.cell(breakable: true, colspan: 4, align: right)[x]"


def test_a_table_names_its_kind_and_header():
    assert table("charges", True, ["1fr"], ["table.header([a])", "[b]"]) == '\n#hb-table("charges", header: true, columns: (1fr,), table.header([a]), [b])\n'


def test_the_price_lists_number_column_widens_only_for_a_number_it_cannot_hold():
    specs, column_mm = columns("price-list", 6)
    # The sample's numbers fit the set width, which stays as it was.
    assert widen_first(specs, column_mm, "9.3.12") == (specs, column_mm)
    # A third level in three digits (a category of more than 99 services) did not: it overran.
    wider, wider_mm = widen_first(specs, column_mm, "12.11.122")
    assert wider_mm[0] > column_mm[0] and wider_mm[0] >= 7 * 1.6 + 2 * 0.9 + 3
    assert sum(wider_mm) == pytest.approx(sum(column_mm)) and wider[2:] == specs[2:]
    assert wider[0] == f"{wider_mm[0] / TEXT_WIDTH_MM * 100:.1f}%" and wider[1] == f"{wider_mm[1] / TEXT_WIDTH_MM * 100:.1f}%"
