"""The MkDocs adapter: what `macros/` and `macros/hooks.py` call. Config in, config/files out.

- on_config: the site's name, logo, colours and the PDF link come from the data; the edition
  switcher only in a site mike publishes;
- on_pre_build: writes the service pages before MkDocs scans `docs/` (so `mkdocs serve`
  picks up an edit of `data/*.yaml` with `watch: [data]`, no restart);
- on_files: adds `downloads/services.json` and `downloads/charges.csv` as generated files.
Never evaluates data as a template; all facts come through views.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handbook import filters
from handbook.model import Handbook
from handbook.site.data import handbook_for
from handbook.site.exports import charges_csv, services_json
from handbook.site.pages import write_service_pages
from handbook.views.edition import edition_label, pdf_filename

# Set by `handbook publish` while mike builds an edition (see handbook.publish).
VERSIONED = "HANDBOOK_VERSIONED"

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


def _drop_missing(nav: list, docs: Path) -> list:
    kept = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            kept.append({next(iter(item)): _drop_missing(value, docs)} if isinstance(item, dict) else item)
        elif isinstance(value, str) and value in OPTIONAL_PAGES and not (docs / value).exists():
            continue
        else:
            kept.append(item)
    return kept


def on_config(config: Any) -> Any:
    handbook = loaded_handbook(config)
    authority = handbook.authority
    docs = Path(config["docs_dir"])
    config["site_name"] = authority.handbook.title
    config["site_description"] = authority.handbook.subtitle or authority.handbook.title
    config["copyright"] = f"{authority.authority.name}, {edition_label(handbook)}, published {filters.long_date(authority.edition.published)}"
    if (docs / authority.branding.logo).is_file():
        config["theme"]["logo"] = authority.branding.logo
        config["theme"]["favicon"] = authority.branding.logo
    else:  # Material's own icon, rather than a broken image
        config["theme"]["logo"] = None
        config["theme"]["favicon"] = "assets/images/favicon.png"
    config["extra"]["brand"] = {
        "primary": authority.branding.primary_colour,
        "accent": authority.branding.accent_colour,
        "authority": authority.authority.name,
        "website": str(authority.authority.website),
    }
    pdf = docs / "pdf" / pdf_filename(handbook)
    config["extra"]["pdf"] = {"path": f"pdf/{pdf.name}", "size": filters.megabytes(pdf.stat().st_size)} if pdf.is_file() else None
    config["extra"]["edition"] = edition_label(handbook)
    # Material's edition switcher reads ../versions.json, which only mike writes: a site built
    # by `make site` has none, so it would request a missing file on every page.
    if not os.environ.get(VERSIONED):
        config["extra"].pop("version", None)
    if config["nav"]:
        config["nav"] = _drop_missing(config["nav"], docs)
    return config


def on_pre_build(config: Any) -> None:
    write_service_pages(loaded_handbook(config), Path(config["docs_dir"]))


def on_files(files: Any, config: Any) -> Any:
    from mkdocs.structure.files import File

    handbook = loaded_handbook(config)
    site_url = os.environ.get("HANDBOOK_SITE_URL") or config.get("site_url") or ""
    for name, content in (("downloads/services.json", services_json(handbook, site_url)), ("downloads/charges.csv", charges_csv(handbook))):
        files.append(File.generated(config, name, content=content))
    return files
