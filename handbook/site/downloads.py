"""downloads: the downloads page (`docs/downloads/index.md`, at `/downloads/`), generated.

Input: a validated `Handbook`, the size in bytes of each download this build wrote (`prepare`
passes them, so the sizes are the files' own) and the PDF edition's file, if the build made one.
Output: the page's Markdown (`downloads.md.j2`): every file with its address, format, size, what
each field means, and the licence named in `authority.yaml`. `print: false`: the printed edition
has no files to download. Never evaluates data text as a template.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from handbook.data.model import Handbook
from handbook.presentation import opendata, wording
from handbook.presentation.templating import block
from handbook.site.calendar import file_name
from handbook.site.openreferral import FOLDER as ORUK_FOLDER
from handbook.site.openreferral import FILE as ORUK_FILE
from handbook.site.pages import environment
from handbook.site.services_schema import FILE as SCHEMA_FILE
from handbook.views.calendar import EventKind

PAGE = "index.md"


@dataclass(frozen=True)
class Download:
    path: str  # the link from the page: inside downloads/, or `../pdf/…` for the PDF
    title: str
    format: str
    size: str

    @property
    def address(self) -> str:
        """Its address from the site's root, as the page prints it: `/downloads/charges.csv`."""
        return "/" + self.path[3:] if self.path.startswith("../") else f"/downloads/{self.path}"


def downloads_markdown(handbook: Handbook, sizes: dict[str, int], pdf: tuple[str, int] | None = None) -> str:
    """The page. `sizes`: path inside `downloads/` -> bytes; `pdf`: (site path, bytes) or None."""

    def item(path: str, title: str, form: str) -> Download:
        return Download(path, title, form, opendata.file_size(sizes[path]) if path in sizes else "")

    calendars = [item(file_name(), "Every date in one calendar", "iCalendar (ICS, RFC 5545)")]
    calendars += [item(file_name(k), f"Only the {opendata.CALENDAR_KIND_NAMES[k]}", "iCalendar (ICS, RFC 5545)") for k in EventKind]
    return environment().get_template("downloads.md.j2").render(
        csv=item("charges.csv", "All charges as a spreadsheet", "CSV (UTF-8, comma-separated, with a header row)"),
        json=item("services.json", "Every public service with its charges", "JSON"),
        schema=item(SCHEMA_FILE, "The JSON Schema of services.json", "JSON Schema (draft 2020-12)"),
        oruk=item(f"{ORUK_FOLDER}/{ORUK_FILE}", "Every public service in the Open Referral UK standard", "JSON (Open Referral UK 3.0 services)"),
        calendars=calendars,
        pdf=Download(f"../{pdf[0]}", "The printed edition", "PDF (tagged PDF/UA-1)", opendata.file_size(pdf[1])) if pdf else None,
        csv_fields=Markup(block("downloads.html.j2", url_for=lambda path: f"../{path}", fields=True)),
        licence=handbook.authority.open_data_licence,
        authority=handbook.authority.authority.name,
        edition=wording.edition_label(handbook),
        kinds=[opendata.CALENDAR_KIND_NAMES[k] for k in EventKind],
        root="../",
    )
