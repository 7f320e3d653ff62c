"""The MkDocs adapter: what `macros/` and `macros/hooks.py` call. Config in, config/files out.

- on_config: the site's name, logo, colours and the PDF link come from the data (escaped for
  the theme by `handbook.presentation.escape.theme_config`); the edition switcher only in a site mike publishes;
- on_pre_build: writes the service pages and the pages per kind of school before MkDocs scans
  `docs/` (so `mkdocs serve` picks up an edit of `data/*.yaml` with `watch: [data]`, no restart);
  the nav keeps only the kinds of school this data has a page for (on_config);
- on_files: adds `downloads/services.json` and `downloads/charges.csv` as generated files, and
  the PDF edition only when the build hands over the one it made (`HANDBOOK_PDF`);
- on_page_markdown: stops the build when a generated page's front matter was not read;
- on_post_build: stops the build when a built page carries what no template of ours writes
  (`handbook.site.guard`), before `handbook build` swaps the site in or mike commits it.
Never evaluates data as a template; all facts come through views.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handbook.data.model import Handbook
from handbook.presentation import escape, wording as filters
from handbook.site import guard
from handbook.site.data import handbook_for
from handbook.site.exports import charges_csv, services_json
from handbook.site.pages import FOLDER as SERVICES
from handbook.site.pages import SCHOOLS, school_page_paths, write_school_pages, write_service_pages
from handbook.views.edition import pdf_filename

# Set by `handbook publish` while mike builds an edition (see handbook.commands.publish).
VERSIONED = "HANDBOOK_VERSIONED"

# The PDF edition this build made from this data (a path), set by `handbook build` and
# `handbook publish`. Without it the site neither links nor copies a PDF: one left in docs/pdf/
# by an older build, or made from other data, is never published (`make serve` shows no link).
PDF_VARIABLE = "HANDBOOK_PDF"

# Nav entries other work adds; the nav keeps their slot, the build skips them until they exist.
OPTIONAL_PAGES = {"officers-guide.md"}


def data_dir(config: Any) -> Path:
    """The data folder: `extra.handbook_data` (HANDBOOK_DATA), relative to mkdocs.yml."""
    value = Path(str(config["extra"].get("handbook_data") or "data"))
    return value if value.is_absolute() else Path(config["config_file_path"]).parent / value


def loaded_handbook(config: Any) -> Handbook:
    return handbook_for(data_dir(config))


def page_url_for(current_page: Callable[[], Any]) -> Callable[[str], str]:
    """Maps a site-root address (`services/x/`) to a link relative to the page being rendered."""

    def url_for(path: str) -> str:
        page = current_page()
        depth = page.url.count("/") if page is not None and page.url else 0
        return "../" * depth + path

    return url_for


def built_pdf(handbook: Handbook) -> Path | None:
    """The PDF the build made for this handbook (`HANDBOOK_PDF`), or None when there is none."""
    value = os.environ.get(PDF_VARIABLE)
    path = Path(value) if value else None
    return path if path is not None and path.name == pdf_filename(handbook) and path.is_file() else None


def _drop_missing(nav: list, docs: Path, generated: set[str]) -> list:
    """The nav without optional pages that are not there, nor generated pages this data has none of.

    Why `generated` from the data and not the folder: on_config runs before on_pre_build writes
    the pages, and the pages per kind of school depend on the data (`pages.school_page_paths`).
    """
    kept = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            kept.append({next(iter(item)): _drop_missing(value, docs, generated)} if isinstance(item, dict) else item)
        elif isinstance(value, str) and value in OPTIONAL_PAGES and not (docs / value).exists():
            continue
        elif isinstance(value, str) and value.startswith(f"{SCHOOLS}/") and value not in generated:
            continue
        else:
            kept.append(item)
    return kept


def on_config(config: Any) -> Any:
    handbook = loaded_handbook(config)
    authority = handbook.authority
    docs = Path(config["docs_dir"])
    # Material prints these raw (MkDocs' theme environment does not autoescape): escaped here, once.
    config["site_name"] = escape.theme_config(authority.handbook.title)
    config["site_description"] = escape.theme_config(authority.handbook.subtitle or authority.handbook.title)
    config["copyright"] = escape.theme_config(f"{authority.authority.name}, {filters.edition_label(handbook)}, published {filters.long_date(authority.edition.published)}")
    logo = (docs / authority.branding.logo).resolve()
    if logo.is_file() and logo.is_relative_to(docs.resolve()):  # never a file from outside docs/
        config["theme"]["logo"] = authority.branding.logo
        config["theme"]["favicon"] = authority.branding.logo
    else:  # Material's own icon, rather than a broken image
        config["theme"]["logo"] = None
        config["theme"]["favicon"] = "assets/images/favicon.png"
    config["extra"]["brand"] = {
        "primary": authority.branding.primary_colour,
        "accent": authority.branding.accent_colour,
        "authority": escape.theme_config(authority.authority.name),
        "website": escape.theme_config(authority.authority.website),
    }
    pdf = built_pdf(handbook)
    config["extra"]["pdf"] = {"path": f"pdf/{pdf.name}", "size": filters.megabytes(pdf.stat().st_size)} if pdf else None
    config["extra"]["edition"] = escape.theme_config(filters.edition_label(handbook))
    # Material's edition switcher reads ../versions.json, which only mike writes: a site built
    # by `make site` has none, so it would request a missing file on every page.
    if not os.environ.get(VERSIONED):
        config["extra"].pop("version", None)
    if config["nav"]:
        config["nav"] = _drop_missing(config["nav"], docs, school_page_paths(handbook))
    return config


def on_pre_build(config: Any) -> None:
    handbook = loaded_handbook(config)
    write_service_pages(handbook, Path(config["docs_dir"]))
    write_school_pages(handbook, Path(config["docs_dir"]))


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    handbook = loaded_handbook(config)
    site_url = os.environ.get("HANDBOOK_SITE_URL") or config.get("site_url") or ""
    for name, content in (("downloads/services.json", services_json(handbook, site_url)), ("downloads/charges.csv", charges_csv(handbook))):
        files.append(File.generated(config, name, content=content))
    for stale in [f for f in files if f.src_uri.startswith("pdf/")]:  # e.g. docs/pdf/ of an older build
        files.remove(stale)
    pdf = built_pdf(handbook)
    if pdf is not None:
        files.append(File.generated(config, f"pdf/{pdf.name}", abs_src_path=str(pdf)))
    return files


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Stops the build when MkDocs did not read a generated service page's front matter.

    Why: MkDocs drops front matter it cannot parse without a word, and then prints it as
    Markdown, data included, while the page loses its title and template. `handbook.presentation.escape`
    writes front matter that any string survives; this makes a failure loud, never a page.
    """
    from mkdocs.exceptions import PluginError

    if page.file.src_uri.startswith(f"{SERVICES}/") and page.meta.get("template") != "service.html":
        raise PluginError(f"docs/{page.file.src_uri}: MkDocs could not read the page's front matter (title, template); the page was not published")
    return markdown


def on_post_build(config: Any) -> None:
    """Checks every built page (`handbook.site.guard`); findings stop the build, naming each."""
    from mkdocs.exceptions import PluginError

    allowance = guard.theme_allowance(config["theme"].dirs, [str(s) for s in config["extra_javascript"]], config["site_url"] or "")
    findings = guard.check_site(Path(config["site_dir"]), allowance)
    if findings:
        raise PluginError(guard.describe(findings))
