"""parts: the book's parts made from data besides the catalogue: cover, foreword, contents, contacts.

Input: a validated `Handbook` (records through `handbook.views`, which leave out internal ones
and the names of people who did not agree to be named), the book being written and its outline.
Output: each part's Typst over `book.typ`'s components; words from `presentation.wording`; text
only through `markup`; the foreword's Markdown through `tree.Writer`. Runs Graphviz (through
`presentation.chart`) for the organisation chart; reads and writes no files.
"""

from __future__ import annotations

from handbook.core.errors import HandbookUserError
from handbook.data.model import Handbook
from handbook.pdf import tables
from handbook.pdf.book import CHART_SRC, Book
from handbook.pdf.markup import array, string, words
from handbook.pdf.outline import Entry, Outline, section_label, sub_number
from handbook.pdf.parse import data_tree
from handbook.pdf.tree import Writer
from handbook.presentation import wording
from handbook.views import contacts, prices, structure


def edition_line(handbook: Handbook) -> str:
    """The cover's first edition line, also the footer's: "2026-27 edition · Westmarch County Council"."""
    return f"{wording.edition_label(handbook).capitalize()} · {handbook.authority.authority.name}"


def cover(book: Book, handbook: Handbook, logo: str | None) -> str:
    """The cover: the authority's colour, its logo (a file in the docs folder), title and edition."""
    data = handbook.authority
    logo_call = (book.image(logo, f"{data.authority.name} logo", logo=True) if logo else None) or "none"
    edition = [
        edition_line(handbook),
        f"Academic year {data.edition.covers.academic_year} · prices for {wording.price_period(prices.price_years(handbook), data.edition.covers, counts=False)}",
        f"Published {wording.long_date(data.edition.published)}",
    ]
    foot = [*data.authority.address, str(data.authority.website)]
    return (
        f"\n#hb-cover(logo: {logo_call}, authority: [{_line(data.authority.name)}], "
        f"title: [{_line(data.handbook.title)}], subtitle: [{_line(data.handbook.subtitle or '')}], "
        f"edition: {array([_line(line) for line in edition])}, foot: {array([_line(line) for line in foot])})\n"
    )


def _line(value: str) -> str:
    return words(value).strip()


def foreword(book: Book, handbook: Handbook, outline: Outline) -> str:
    """The foreword and its signatories from authority.yaml (front matter, not numbered), for a
    book whose docs have no home page: signed as the website's foreword is (`hb-signatories`)."""
    data = handbook.authority
    out = [outline.heading(book, 1, "foreword", "Foreword", front=True), Writer(book).blocks(data_tree(data.foreword.text))]
    signed = " ".join(f"#hb-signatory[#strong[{_line(person.name)}]#linebreak(){_line(person.role)}]" for person in data.foreword.signatories)
    out.append(f"\n#hb-signatories[{signed}]\n")
    out.append(f"\n#par[{_line(wording.long_date(data.edition.published))}]\n")
    return "".join(out)


def contents(book: Book, entries: list[Entry]) -> str:
    """The contents; each entry's page number comes from Typst's layout (`hb-toc-entry` in book.typ)."""
    lines = [book.heading(1, "Contents", "Contents", "contents-title", "contents")]
    for entry in entries:
        title = f"{entry.number} {entry.title}" if entry.number else entry.title
        lines.append(f"#hb-toc-entry({1 if entry.level == 1 else 2}, {string(entry.target)}, roman: {'true' if entry.front else 'false'})[{_line(title)}]")
    return "\n".join(lines) + "\n"


def register_chart(book: Book, handbook: Handbook) -> None:
    """Draws the organisation chart for the book (Graphviz lays it out left to right, so a deep
    structure fits a portrait page); without Graphviz the book has no chart, and its text
    equivalent reads well alone."""
    try:
        from handbook.presentation.chart import dot_source, render_svg

        svg = render_svg(dot_source(structure.structure_tree(handbook)))
    except (ImportError, HandbookUserError):
        return
    book.images[CHART_SRC] = ("svg", svg.encode("utf-8"))
    book.chart_alt = f"Organisation chart of {handbook.authority.authority.name}'s services for schools; the list that follows gives the same structure in words."


def _units(nodes: list[structure.UnitNode]) -> str:
    items = []
    for node in nodes:
        said = f"#strong[{_line(node.unit.name)}]"
        if node.lead:
            said += words(f": {node.lead.title}" + (f" ({node.lead.name})" if node.lead.name else ""))
        items.append(f"[{said}{_units(node.children).strip()}]")
    return f"\n#list({', '.join(items)})\n" if items else ""


def contacts_part(book: Book, handbook: Handbook, outline: Outline, number: str, anchor: str, *, chart: bool = True) -> str:
    """The organisation chart (unless a prose page prints it), the shared contact points and every public role by team."""
    out = [outline.heading(book, 1, anchor, "Contacts", section_label(number))]
    subs = iter(range(1, 4))
    if chart:
        out.append(outline.heading(book, 2, "contacts-chart", "Organisation chart", sub_number(number, next(subs))))
        image = book.image(CHART_SRC, book.chart_alt)
        if image:
            out.append(f"\n#hb-figure[\n#{image}\n]\n")
        out.append(f"\n{_units(structure.structure_tree(handbook))}\n")
    out.append(outline.heading(book, 2, "contacts-points", "Contact points", sub_number(number, next(subs))))
    out.append(_points_table(contacts.contact_points(handbook)))
    out.append(outline.heading(book, 2, "contacts-roles", "Roles by team", sub_number(number, next(subs))))
    out.append(_roles_table(book, contacts.contacts_directory(handbook)))
    return "".join(out)


def _header(*labels: str) -> str:
    return "table.header(" + ", ".join(tables.cell(f"#strong[{words(label)}]") for label in labels) + ")"


def _points_table(points: list) -> str:
    specs, column_mm = tables.columns("contact-points", 4)
    cells = [_header("Contact point", "For", "E-mail and telephone", "Hours")]
    for point in points:
        url = str(point.url) if point.url else ""
        reach = [value for value in (point.email, point.phone) if value]
        row = [
            (f"#strong[{_line(point.name)}]" + (f"#linebreak()#hb-muted[{words(url)}]" if url else ""), len(point.name) + len(url), 1 if url else 0),
            (_line(point.purpose), len(point.purpose), 0),
            ("#linebreak()".join(words(value) for value in reach), sum(map(len, reach)), len(reach) - 1 if reach else 0),
            (_line(point.hours or ""), len(point.hours or ""), 0),
        ]
        breakable = tables.may_outgrow_a_page([(size, breaks, 1) for _, size, breaks in row], column_mm)
        cells += [tables.cell(content.strip(), breakable=breakable) for content, _, _ in row]
    return tables.table("contact-points", True, specs, cells)


def _roles_table(book: Book, teams: list[contacts.TeamContacts]) -> str:
    specs, column_mm = tables.columns("contacts", 4)
    cells = [_header("Role", "Name", "E-mail", "Telephone")]
    for team in teams:
        heading = wording.team_name(team.team_name)
        cells.append(tables.cell(f"#hb-team[{_line(heading)}]", colspan=4, breakable=tables.may_outgrow_a_page([(len(heading), 0, 4)], column_mm)))
        for role in team.entries:
            name = f"#hb-muted[{_line(wording.VACANT_POST)}]" if role.vacant else _line(role.name or "")
            row = [
                (book.anchor(f"role-{role.role_id}") + _line(role.title), len(role.title)),
                (name, len(wording.VACANT_POST) if role.vacant else len(role.name or "")),
                (_line(role.email or ""), len(role.email or "")),
                (f"#hb-nowrap[{_line(role.phone or '')}]", len(role.phone or "")),
            ]
            breakable = tables.may_outgrow_a_page([(size, 0, 1) for _, size in row], column_mm)
            cells += [tables.cell(content, breakable=breakable) for content, _ in row]
    return tables.table("contacts", True, specs, cells)
