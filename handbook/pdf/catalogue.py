"""catalogue: the catalogue of services and the price list, from the views straight to Typst.

Input: a validated `Handbook` (every service and charge through `handbook.views`, which leave out
internal records), the book being written and its outline. Output: each part's Typst, over
`book.typ`'s catalogue and table components; words from `presentation.wording`; text only
through `markup`; officers' Markdown (how to buy a service) through `tree.Writer`.

Why a directory entry rather than the whole web page: a thousand services must print in
seconds and read as a catalogue; each entry ends with its page's address for the rest.
Why services are numbered (9.2.4) and cross-references cite the number, not a page: a number
finds an entry in a catalogue at a glance, is the same on the website and in print, and needs
no second layout pass to resolve. The category's and service's numbers are kept in the data
(`views.catalogue.references`), so a reference stays the same from edition to edition. Never reads or writes files.
"""

from __future__ import annotations

from handbook.data.model import Handbook
from handbook.data.model.services import Provision, Service
from handbook.data.model.types import Setting
from handbook.pdf import tables
from handbook.pdf.book import Book
from handbook.pdf.markup import words
from handbook.pdf.outline import Outline, section_label, sub_number
from handbook.pdf.parse import data_tree
from handbook.pdf.tree import Writer
from handbook.presentation import wording
from handbook.views import catalogue, prices


def service_anchor(service_id: str) -> str:
    return f"service-{service_id}"


def catalogue_part(book: Book, handbook: Handbook, outline: Outline, number: str, anchor: str, site: str | None) -> str:
    """Every public service under its category: what it is, whom to ask, what each school pays."""
    out = [outline.heading(book, 1, anchor, "Catalogue of services", section_label(number))]
    groups = catalogue.services_by_category(handbook)
    numbers = {sid: f"{number}.{c}.{k}" for sid, (c, k) in catalogue.references(handbook).items()}
    category_numbers = catalogue.category_numbers(handbook)
    outline.service_numbers.update(numbers)
    out.append(
        _par(
            f"The {len(numbers)} services below are grouped by category and numbered. Each shows whether it is statutory "
            "(the council must provide it), traded (schools choose to buy it) or both, who it is for, how to buy it and "
            "what each kind of school pays where it is charged for."
        )
    )
    writer = Writer(book)
    for group in groups:
        out.append(outline.heading(book, 2, f"cat-{group.category.id}", group.category.name, sub_number(number, category_numbers[group.category.id])))
        if group.category.description:
            out.append(f"\n#hb-intro[{words(group.category.description).strip()}]\n")
        out.extend(_service(book, writer, handbook, service, numbers, site) for service in group.services)
    return "".join(out)


def _par(value: str, function: str = "par") -> str:
    return f"\n#{function}[{words(value).strip()}]\n"


def _fact(name: str, body: str) -> str:
    return f"\n#hb-fact[{words(name)}][{body.strip()}]\n"


def _service(book: Book, writer: Writer, handbook: Handbook, service: Service, numbers: dict[str, str], site: str | None) -> str:
    """One service's entry: heading, summary, facts, charges table and the address of its page."""
    heading = book.heading(3, f"#hb-number[{words(numbers[service.id])}] {words(service.name)}", f"{numbers[service.id]} {service.name}", None, service_anchor(service.id))
    out = [heading, f"\n#hb-summary[#hb-badge[{words(wording.PROVISION_LABELS[service.provision])}] {words(book.spell_out(service.summary)).strip()}]\n"]
    if service.provision is Provision.MIXED:
        out.append(_par(wording.mixed_explanation(service.statutory_basis), "hb-summary"))
    out.append(_fact(wording.SERVICE_SECTIONS["audience"], words(f"{wording.kinds_labels(service.audience.settings)}; {wording.phases(service.audience.phases)}")))
    if service.statutory_basis:
        bases = [f"{b.act}{f', {b.section}' if b.section else ''}{f' ({b.duty})' if b.duty else ''}" for b in service.statutory_basis]
        out.append(_fact(wording.SERVICE_SECTIONS["basis"], words(book.spell_out("; ".join(bases)))))
    out.append(_how_to_buy(writer, service.how_to_buy))
    for offer in service.offers:
        terms = offer.terms
        if terms is None:
            continue
        said = f"{offer.name}: {terms.contract_year.value} year"
        if terms.buy_back_window:
            said += f"; buy or renew {wording.long_date(terms.buy_back_window.opens)} to {wording.long_date(terms.buy_back_window.closes)}"
        if terms.notice:
            said += f"; notice: {terms.notice}"
        if terms.cancellation:
            said += f"; cancellation: {terms.cancellation}"
        out.append(_fact("Terms", words(book.spell_out(said))))
    out.append(_fact("Contacts", words("; ".join(_contact(role) for role in catalogue.service_contacts(handbook, service)))))
    related = [f"{other.name} ({numbers[other.id]})" for other in catalogue.related_services(handbook, service) if other.id in numbers]
    if related:
        out.append(_fact(wording.SERVICE_SECTIONS["related"], words(book.spell_out("; ".join(related)))))
    lines, columns = prices.price_lines(service), prices.price_columns(service)
    if lines and columns:
        out.append(_charges_table(book, lines, columns))
        advice = wording.service_on_application(service, catalogue.service_contacts(handbook, service))
        if advice:
            out.append(_par(advice, "hb-summary"))
    url = f"{site.rstrip('/')}/services/{service.id}/" if site else "the service's page on the website"
    out.append(_par(f"Full details: {url} · last reviewed {wording.long_date(service.last_reviewed)}", "hb-details"))
    return f"\n#hb-service[\n{''.join(out)}\n]\n"


def _contact(role) -> str:
    said = role.title
    if role.public_name:
        said += f" ({role.public_name})"
    elif role.vacant:
        said += " (vacant post)"
    for value in (role.email, role.phone):
        if value:
            said += f", {value}"
    return said


def _how_to_buy(writer: Writer, text: str) -> str:
    """The "how to buy" fact: one paragraph beside its label, or longer Markdown below it."""
    root = data_tree(text)
    if len(root) == 1 and root[0].tag == "p" and not (root.text or "").strip():
        return _fact(wording.HOW_TO_BUY_SHORT, writer.children(root[0]))
    return _fact(wording.HOW_TO_BUY_SHORT, "") + writer.blocks(root)


def _charges_table(book: Book, lines: list[prices.PriceLine], columns: list[Setting]) -> str:
    """What each kind of school pays: a line per price, a column per kind of school.

    Why only `columns` (`prices.price_columns`): a heading names kinds of school, and none may
    name one that no price under it is for; the academy column answers for free schools too.
    """
    specs, column_mm = tables.columns("charges", 2 + len(columns))
    head = ["[#strong[For]]", "[#strong[Unit]]"] + [tables.cell(f"#strong[{words(wording.PAYER_COLUMN_LABELS[setting])}]", right=True) for setting in columns]
    cells = ["table.header(" + ", ".join(head) + ")"]
    not_offered = f"#hb-muted[{words(wording.NOT_OFFERED.lower())}]"
    for line in lines:
        where = wording.scope(line.band, line.phase)
        label = book.spell_out(line.label)  # the table is read in order: its acronyms too (VAT in the notes)
        row = [(words(label) + (f"#linebreak()#hb-muted[{words(where)}]" if where else ""), len(label) + len(where), 1 if where else 0)]
        charges = [line.by_setting[setting] for setting in columns if setting in line.by_setting]
        quoted = all(charge.price_on_application for charge in charges)  # the whole line is quoted
        unit = wording.on_application_unit(charges[0].unit) if charges and quoted else line.unit
        row.append((words(unit), len(unit), 0))
        for setting in columns:
            charge = line.by_setting.get(setting)
            if charge:
                price, notes = wording.price(charge), wording.charge_notes(charge)
                if charge.price_on_application and not quoted:
                    notes = f"{wording.on_application_unit(charge.unit)}; {notes}"
                notes = book.spell_out(notes)
                row.append((f"{words(price)}#hb-note[{words(notes)}]", len(price) + len(notes), 0))
            else:
                row.append((not_offered, len(wording.NOT_OFFERED), 0))
        breakable = tables.may_outgrow_a_page([(size, breaks, 1) for _, size, breaks in row], column_mm)
        cells += [tables.cell(content, breakable=breakable, right=index >= 2) for index, (content, _, _) in enumerate(row)]
    return tables.table("charges", True, specs, cells)


def price_list_part(book: Book, handbook: Handbook, outline: Outline, number: str, anchor: str) -> str:
    """Every published charge in one list, a table per category, each row with its service's number."""
    out = [outline.heading(book, 1, anchor, "Price list", section_label(number))]
    rows = prices.charges_rows(handbook)
    groups: dict[str, list[prices.ChargeRow]] = {}
    for row in rows:
        groups.setdefault(row.category_name, []).append(row)
    order = [g.category.name for g in catalogue.services_by_category(handbook)]
    out.append(
        _par(
            f"Every published charge for {wording.price_period(prices.price_years(handbook), handbook.authority.edition.covers)}, {len(rows)} in all. "
            "Prices are in pounds; the first column gives the service's number in the catalogue."
        )
    )
    specs, column_mm = tables.columns("price-list", 6)
    longest = max((outline.service_numbers.get(row.service.id, "") for row in rows), key=len, default="")
    specs, column_mm = tables.widen_first(specs, column_mm, longest)
    head = "table.header(" + ", ".join(
        ["[#hb-nowrap[#hb-muted[#strong[No\\.]]]]", "[#strong[Service and offer]]", "[#strong[Schools]]", tables.cell("#strong[Price]", right=True), "[#strong[Unit]]", "[#strong[VAT and notes]]"]
    ) + ")"
    for i, name in enumerate(sorted(groups, key=lambda n: order.index(n) if n in order else len(order)), start=1):
        out.append(outline.heading(book, 2, f"prices-{i}", name, sub_number(number, i)))
        cells = [head]
        for row in groups[name]:
            service_number = outline.service_numbers.get(row.service.id, "")
            where = wording.scope(row.charge.band, row.charge.phase)
            offer = row.label + (f", {where}" if where else "")
            settings, price, notes = wording.kinds_labels(row.charge.settings), wording.price(row.charge), wording.charge_notes(row.charge)
            unit = wording.on_application_unit(row.charge.unit) if row.charge.price_on_application else row.charge.unit.value
            row_cells = [
                (f"#hb-nowrap[#hb-muted[{words(service_number)}]]", len(service_number), 0),
                (f"{words(row.service.name)}#linebreak()#hb-muted[{words(offer)}]", len(row.service.name) + len(offer), 1),
                (words(settings), len(settings), 0),
                (words(price), len(price), 0),
                (words(unit), len(unit), 0),
                (words(notes), len(notes), 0),
            ]
            breakable = tables.may_outgrow_a_page([(size, breaks, 1) for _, size, breaks in row_cells], column_mm)
            cells += [tables.cell(content, breakable=breakable, right=index == 3) for index, (content, _, _) in enumerate(row_cells)]
        out.append(tables.table("price-list", True, specs, cells))
    return "".join(out)
