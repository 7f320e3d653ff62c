"""The hooks adapter: what `macros/` and `macros/hooks.py` call when MkDocs or ProperDocs runs the
project's own mkdocs.yml (`make serve`, `mkdocs build` by hand, mike). No logic of its own:

- on_config: `prepare.configure` (the values from the data; the edition switcher only in a site
  mike publishes, `HANDBOOK_VERSIONED`);
- on_pre_build: `prepare.write_generated` (pages, downloads, the PDF `HANDBOOK_PDF` hands over)
  before the generator scans `docs/`, so `make serve` shows an edit of `data/*.yaml` with
  `watch: [data]`, no restart;
- on_post_build: `handbook.site.guard` and `prepare.unread_pages` on the built site.

`handbook build` runs none of this: it prepares a config without hooks (`handbook.site.prepare`).
Imports no generator: a failure is a `HandbookUserError`, which `macros/hooks.py` hands to the
generator as its own error.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handbook.core.errors import HandbookUserError
from handbook.data.model import Handbook
from handbook.site import guard, prepare
from handbook.site.data import handbook_for

# Set by `handbook publish` while mike builds an edition (see handbook.commands.publish).
VERSIONED = "HANDBOOK_VERSIONED"

# The PDF edition this build made from this data (a path), set by `handbook publish`. Without it
# the site neither links nor copies a PDF: one left in docs/pdf/ by an older build, or made from
# other data, is never published (`make serve` shows no link).
PDF_VARIABLE = "HANDBOOK_PDF"


def data_dir(config: Any) -> Path:
    """The data folder: `extra.handbook_data` (HANDBOOK_DATA), relative to mkdocs.yml unless absolute."""
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
    return prepare.edition_pdf(handbook, os.environ.get(PDF_VARIABLE))


def on_config(config: Any) -> Any:
    handbook = loaded_handbook(config)
    pdf = built_pdf(handbook)
    return prepare.configure(config, handbook, Path(config["docs_dir"]), pdf, versioned=bool(os.environ.get(VERSIONED)))


def on_pre_build(config: Any) -> None:
    site_url = os.environ.get("HANDBOOK_SITE_URL") or config.get("site_url") or ""
    prepare.write_generated(loaded_handbook(config), Path(config["docs_dir"]), built_pdf(loaded_handbook(config)), site_url)


def on_post_build(config: Any) -> None:
    """Checks every built page (`handbook.site.guard`) and the generated pages' front matter."""
    allowance = guard.theme_allowance(config["theme"].dirs, [str(s) for s in config["extra_javascript"]], config["site_url"] or "")
    findings = guard.check_site(Path(config["site_dir"]), allowance)
    if findings:
        raise HandbookUserError(guard.describe(findings), status=1)
    unread = prepare.unread_pages(Path(config["site_dir"]), Path(config["docs_dir"]))
    if unread:
        raise HandbookUserError("\n".join(unread), status=1)
