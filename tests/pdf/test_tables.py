"""Table layout on paper: set column widths for the book's own tables, and rows kept whole
unless one could be taller than a page (what that means for a real PDF: test_typeset)."""

from bs4 import BeautifulSoup

from handbook.pdf.tables import TEXT_WIDTH_MM, columns, may_outgrow_a_page


def test_the_book_s_own_tables_have_set_widths_and_share_the_rest():
    specs, estimate = columns(["charges"], 5)
    assert specs == ["30.0%", "16.0%", "1fr", "1fr", "1fr"]
    assert abs(sum(estimate) - TEXT_WIDTH_MM) < 0.01


def test_a_markdown_table_sizes_its_columns_to_their_text():
    specs, estimate = columns([], 3)
    assert specs == ["auto", "auto", "auto"] and len(estimate) == 3


def test_the_contacts_e_mail_column_is_as_wide_as_its_longest_address():
    specs, _ = columns(["contacts"], 4)
    assert specs == ["28.0%", "16.0%", "auto", "1fr"]


def cells(html: str):
    return BeautifulSoup(f"<table><tr>{html}</tr></table>", "html.parser").find_all("td")


def test_only_a_row_with_pages_of_text_may_break():
    _, widths = columns([], 2)
    assert not may_outgrow_a_page(cells("<td>Schools Forum</td><td>" + "Advises on the budget. " * 20 + "</td>"), widths)
    assert may_outgrow_a_page(cells("<td>Forum</td><td>" + "word " * 3000 + "</td>"), widths)
    assert may_outgrow_a_page(cells("<td>" + "<br>" * 40 + "</td><td>x</td>"), widths)
