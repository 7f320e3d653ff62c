"""The catalogue of services and the price list, straight from the views."""

import datetime as dt
import re
from pathlib import Path

import yaml

from handbook.data.model.services import ContractYear, Provision
from handbook.data.model.types import Setting, Visibility, kinds_covered
from handbook.data.validate import validate
from handbook.pdf.book import Book
from handbook.pdf.catalogue import catalogue_part, price_list_part
from handbook.pdf.links import Links
from handbook.pdf.outline import Outline
from handbook.presentation import wording
from handbook.views import catalogue as catalogue_view
from handbook.views import prices
from handbook.views.catalogue import public_services, service_ids


def test_the_catalogue_numbers_every_public_service_and_leaves_out_internal_ones(book, sample_handbook):
    outline = Outline()
    body = catalogue_part(book, sample_handbook, outline, "9", "catalogue", "https://site.example/")
    for service in public_services(sample_handbook):
        assert re.match(r"^9\.\d+\.\d+$", outline.service_numbers[service.id])
        assert f'#hb-anchor("service-{service.id}")' in body
        assert f"https\\:\\/\\/site\\.example\\/services\\/{service.id.replace('-', chr(92) + '-')}\\/" in body
    for service in sample_handbook.services.services:
        if service.visibility is Visibility.INTERNAL:
            assert service.id not in outline.service_numbers and service.id not in body
    assert [e.level for e in outline.entries] == [1] + [2] * (len(outline.entries) - 1)


def test_each_traded_service_shows_what_each_kind_of_school_pays(book, sample_handbook):
    body = catalogue_part(book, sample_handbook, Outline(), "9", "catalogue", None)
    finance = body.split('#hb-anchor("service-school-finance-support")')[1].split("#hb-service[")[0]
    service = next(s for s in sample_handbook.services.services if s.id == "school-finance-support")
    assert prices.price_columns(service) and all(wording.PAYER_COLUMN_LABELS[setting] in finance for setting in prices.price_columns(service))
    assert '#hb-table("charges"' in finance and "£" in finance
    assert "the service\\'s page on the website" in finance  # no site address: words instead


def test_how_to_buy_in_several_paragraphs_prints_below_its_label(book, sample_handbook):
    from handbook.pdf.catalogue import _how_to_buy
    from handbook.pdf.tree import Writer

    assert _how_to_buy(Writer(book), "Ask the *team*.") == "\n#hb-fact[How to buy][Ask the #emph[team]\\.]\n"
    longer = _how_to_buy(Writer(book), "- one\n- two\n")
    assert longer.startswith("\n#hb-fact[How to buy][]\n") and "#list([one], [two])" in longer


def test_the_price_list_cites_each_services_number(book, sample_handbook):
    outline = Outline()
    catalogue_part(book, sample_handbook, outline, "9", "catalogue", None)
    body = price_list_part(book, sample_handbook, outline, "C", "prices")
    assert body.count('#hb-table("price-list"') == len([e for e in outline.entries if e.target.startswith("prices-")])
    number = outline.service_numbers["school-finance-support"].replace(".", "\\.")
    assert f"[#hb-nowrap[#hb-muted[{number}]]]" in body


# What the charges tables and the price list say, read from real PDFs: the kinds of school each
# heading names, the kinds each charge reaches (`[academy]` reaches free schools) and the units.

UNIT_WORDS = re.compile(r"flat fee|per [a-z]+(?: [a-z]+)?(?: per [a-z]+(?: [a-z]+)?)?")


def _covered(service) -> set[Setting]:
    """Every kind of school some price of `service` is for, by the model's one rule."""
    return {kind for offer in service.offers for charge in offer.charges for kind in kinds_covered(charge.settings)}


def _bare(text: str) -> str:
    """Text without any white space: a PDF's lines break a cell's words (even after a hyphen,
    "de-" / "delegated") wherever its column ends."""
    return re.sub(r"\s+", "", text.replace("\u2019", "'").replace("\u2010", "-").replace("\u00ad", ""))


def _entry(text: str, service) -> str:
    """`service`'s entry in the catalogue of a PDF's text (`_bare`), up to its "Full details"."""
    start = text.index(_bare("services below are grouped by category"))  # the catalogue's opening
    end = re.compile(rf"Fulldetails:[\w.:/-]*?/services/{re.escape(service.id)}/").search(text, start)
    assert end, f"no entry for {service.id}"
    return text[max(start, text.rfind("Fulldetails:", 0, end.start()) + 1) : end.start()]


def _charges_heading(text: str, service) -> str | None:
    """The heading row of `service`'s charges table in a PDF's text (drawn order, `_bare`): what
    follows 'ForUnit' up to its first price's label; None when the entry has no table."""
    entry = _entry(text, service)
    if "ForUnit" not in entry:
        return None
    head = entry[entry.index("ForUnit") + len("ForUnit") :]  # the first: a long table repeats it
    return head[: head.index(_bare(service.offers[0].charges[0].label or service.offers[0].name))]


def _expected_heading(service) -> str | None:
    columns = [s for s in prices.PAYER_COLUMNS if s in _covered(service)]
    return _bare("".join(wording.PAYER_COLUMN_LABELS[s] for s in columns)) if columns else None


def _price_list_rows(text: str, handbook) -> list[tuple[prices.ChargeRow, str, str]]:
    """(row, the kinds of school it reads, its unit) for every charge, found in the price list by
    its service, offer, price and VAT (more than one where two charges differ only by kinds)."""
    text = text[text.index(_bare("Every published charge for")) :]
    rows = []
    for row in prices.charges_rows(handbook):
        where = wording.scope(row.charge.band, row.charge.phase)
        offer = row.label + (f", {where}" if where else "")
        before, after = _bare(f"{row.service.name}{offer}"), _bare(f"{wording.price(row.charge)}")
        pattern = re.escape(before) + r"((?:(?!\d\.\d).)+?)" + re.escape(after) + r"((?:(?!\d\.\d).)+?)" + re.escape(_bare(wording.vat_label(row.charge.vat)))
        found = re.findall(pattern, text)  # (schools, unit) of each row that reads so
        assert found, f"no price-list row for {row.service.id} / {offer}"
        rows.extend((row, schools, unit) for schools, unit in found)
    return rows


def test_no_charges_heading_names_a_kind_of_school_no_price_in_its_table_is_for(pdf_raw, sample_handbook):
    text = _bare(pdf_raw)
    tables = 0
    for service in public_services(sample_handbook):
        heading = _charges_heading(text, service)
        assert heading == _expected_heading(service), service.id
        if heading:
            named = {s for s, label in wording.PAYER_COLUMN_LABELS.items() if _bare(label) in heading}
            assert named <= _covered(service), f"{service.id}: {heading!r} names a kind of school none of its prices is for"
            tables += 1
    assert tables >= 5


def test_the_price_list_names_the_kinds_each_charge_reaches_and_its_unit_in_words(pdf_raw, sample_handbook):
    rows = _price_list_rows(_bare(pdf_raw), sample_handbook)
    for row in prices.charges_rows(sample_handbook):
        kinds = kinds_covered(row.charge.settings)
        read = {(schools, unit) for other, schools, unit in rows if other.charge is row.charge}
        unit = wording.on_application_unit(row.charge.unit) if row.charge.price_on_application else row.charge.unit.value
        assert (_bare(wording.settings([s for s in Setting if s in kinds])), _bare(unit)) in read, row
        assert UNIT_WORDS.fullmatch(row.charge.unit.value), row.charge.unit.value
        if Setting.FREE_SCHOOL in kinds:
            assert any(_bare(wording.SETTING_LABELS[Setting.FREE_SCHOOL].lower()) in schools for schools, _ in read), row
    assert any(Setting.FREE_SCHOOL in row.charge.kinds for row, _, _ in rows)


def test_a_mixed_service_says_what_is_free_and_what_is_charged(pdf_raw, sample_handbook):
    text = _bare(pdf_raw)
    mixed = [s for s in public_services(sample_handbook) if s.provision is Provision.MIXED]
    assert mixed
    for service in mixed:
        assert _bare(wording.mixed_explanation(service.statutory_basis)) in _entry(text, service), service.id
    others = [s for s in public_services(sample_handbook) if s.provision is not Provision.MIXED and s.statutory_basis]
    assert all(_bare(wording.mixed_explanation(s.statutory_basis)) not in text for s in others)


def test_a_price_on_application_reads_as_quoted_and_says_whom_to_ask(pdf_raw, sample_handbook):
    text = _bare(pdf_raw)
    quoted = [(s, c) for s in public_services(sample_handbook) for o in s.offers for c in o.charges if c.price_on_application]
    assert quoted, "the sample has no price on application"
    for service, charge in quoted:
        assert _bare(wording.on_application_unit(charge.unit)) in text
        contact = catalogue_view.service_contacts(sample_handbook, service)[0]
        every = all(c.price_on_application for o in service.offers for c in o.charges)
        assert _bare(wording.on_application_advice(contact, every=every)) in text, service.id
    assert not re.search(_bare(wording.ON_APPLICATION) + r"per", text)  # never "Price on application per school per year"


def test_payers_are_worded_never_printed_as_their_value(pdf_raw, sample_handbook):
    text = _bare(pdf_raw)
    charges = [c for s in public_services(sample_handbook) for o in s.offers for c in o.charges if c.payer in wording.PAYER_NOTES]
    assert charges
    for payer in {c.payer for c in charges}:
        note = _bare(wording.PAYER_NOTES[payer])
        assert text.count(note) >= sum(c.payer is payer for c in charges), note  # each charge's note, at least in the price list
        assert not re.search(rf";{re.escape(payer.value)}(?![a-z])", text.replace(note, "")), payer  # never the raw value in the notes


def _one_kind_of_school(data: Path, service_id: str, kind: Setting) -> None:
    """Rewrites `data`'s services.yaml so `service_id` has only its prices for `kind`, for `kind`
    as written alone (`[academy]`, not `[academy, free-school]`), each price once."""
    path = data / "services.yaml"
    content = yaml.safe_load(path.read_text(encoding="utf-8"))
    service = next(s for s in content["services"] if s["id"] == service_id)
    for offer in service["offers"]:
        kept, seen = [], set()
        for charge in offer["charges"]:
            key = (charge.get("label"), charge["unit"], str(charge.get("band")), charge.get("phase"))
            if kind.value in charge["settings"] and key not in seen:
                seen.add(key)
                kept.append(dict(charge, settings=[kind.value]))
        offer["charges"] = kept
    service["offers"] = [o for o in service["offers"] if o["charges"]]
    path.write_text(yaml.safe_dump(content, sort_keys=False, allow_unicode=True, width=1000), encoding="utf-8")


def test_a_service_priced_for_one_kind_of_school_has_that_column_only(data_copy, tmp_path, sample_handbook, printed):
    """Written alone, `[maintained]` gets the maintained column only, `[academy]` the academy
    column only, which answers for free schools (and the price list says so)."""
    charged = [s for s in public_services(sample_handbook) if len(_covered(s)) > 1]
    by_kind = {}
    for kind in (Setting.MAINTAINED, Setting.ACADEMY):
        service = next(s for s in charged if s.id not in by_kind.values() and any(kind in c.kinds for o in s.offers for c in o.charges))
        by_kind[kind] = service.id
        _one_kind_of_school(data_copy, service.id, kind)
    result = validate(data_copy, today=dt.date(2026, 11, 1))  # tests/conftest.py's TODAY
    assert result.handbook is not None, [p for p in result.problems if p.level == "error"][:3]
    handbook = result.handbook
    outline = Outline()
    book = Book(Links(frozenset(service_ids(handbook)), "https://site.example/"))
    body = catalogue_part(book, handbook, outline, "9", "catalogue", "https://site.example/") + price_list_part(book, handbook, outline, "C", "prices")
    text = _bare(printed(tmp_path, book.finish(body), layout=False))
    services = {s.id: s for s in handbook.services.services}
    assert _charges_heading(text, services[by_kind[Setting.MAINTAINED]]) == _bare(wording.PAYER_COLUMN_LABELS[Setting.MAINTAINED])
    assert _charges_heading(text, services[by_kind[Setting.ACADEMY]]) == _bare(wording.PAYER_COLUMN_LABELS[Setting.ACADEMY])
    academy_rows = [(row, schools) for row, schools, _ in _price_list_rows(text, handbook) if row.service.id == by_kind[Setting.ACADEMY]]
    assert academy_rows and all(row.charge.settings == [Setting.ACADEMY] for row, _ in academy_rows)
    assert {schools for _, schools in academy_rows} == {_bare(wording.settings([Setting.ACADEMY, Setting.FREE_SCHOOL]))}


_SERVICE_HEADING = re.compile(r"^\s*\d+\.\d+\.\d+\s+(\S.*?)\s*$")


def _entry_openings(pages: list[str], names: list[str]) -> tuple[int, list[str]]:
    """(service headings found, those whose page does not go on to the entry's first lines):
    pdftotext's page text, the folio (its last line) left out."""
    found, cut = 0, []
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip()][:-1]
        for i, line in enumerate(lines):
            match = _SERVICE_HEADING.match(line)
            if match and any(name.startswith(match[1]) for name in names):  # a long name wraps
                found += 1
                if wording.SERVICE_SECTIONS["audience"] not in " ".join(lines[i + 1:]):  # summary, then the first fact
                    cut.append(f"page {number}: {line.strip()}")
    return found, cut


def test_no_page_of_the_real_pdf_ends_with_a_service_heading_without_its_first_lines(pdf_pages, sample_handbook):
    names = [s.name for s in public_services(sample_handbook)]
    found, cut = _entry_openings(pdf_pages, names)
    assert found == len(names) and cut == []


def test_a_heading_keeps_its_summary_and_first_fact_wherever_the_page_breaks(book, sample_handbook, printed, tmp_path):
    """The catalogue pushed down the page by steps, so each entry meets the page's foot at another
    of its lines: its heading, summary and first fact always share a page."""
    names = [s.name for s in public_services(sample_handbook)]
    body = catalogue_part(book, sample_handbook, Outline(), "9", "catalogue", None)
    for step, space in enumerate((40, 95, 150, 205)):
        pages = printed(tmp_path, book.finish(f"#v({space}mm)\n" + body)).split("\f")
        found, cut = _entry_openings(pages, names)
        assert found == len(names) and cut == [], (space, cut)


def test_the_price_list_says_which_years_its_prices_run_for_from_the_charges(pdf_pages, sample_handbook, squash):
    years = prices.price_years(sample_handbook)
    assert set(years) == {ContractYear.ACADEMIC, ContractYear.FINANCIAL}  # the sample has both
    text = squash(" ".join(pdf_pages))
    covers = sample_handbook.authority.edition.covers
    assert f"Every published charge for the {covers.academic_year} academic year ({years[ContractYear.ACADEMIC]} prices, starting 1 September) and the {covers.financial_year} financial year" in text
    assert f"prices for the {covers.financial_year} financial and academic years" in text  # the cover
    assert f"published charge for {covers.financial_year}," not in text
