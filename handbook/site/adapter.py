"""The hooks adapter: what `macros/` and `macros/hooks.py` call when MkDocs or ProperDocs runs the
project's own mkdocs.yml (`make serve`, `mkdocs build` by hand, mike). No logic of its own:

- on_config: `prepare.configure` (the values from the data; the edition switcher only in a site
  mike publishes, `HANDBOOK_VERSIONED`);
- on_pre_build: `prepare.write_generated` (pages, downloads, the PDF `HANDBOOK_PDF` hands over)
  before the generator scans `docs/`, so `make serve` shows an edit of `data/*.yaml` with
  `watch: [data]`, no restart;
- on_post_build: `handbook.site.guard` and `prepare.unread_pages` on the built site;
- on_startup, on_serve, on_files: `make serve` (`properdocs serve --dirty`) builds once per edit,
  only what the edit changed (`handbook.site.serving`).

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
from handbook.presentation.prose import macro_functions
from handbook.site import guard, pages, prepare, reuse, serving
from handbook.site.data import handbook_for

# Set by `handbook publish` while mike builds an edition (see handbook.commands.publish).
VERSIONED = "HANDBOOK_VERSIONED"

# The PDF edition this build made from this data (a path), set by `handbook publish`. Without it
# the site neither links nor copies a PDF: one left in docs/pdf/ by an older build, or made from
# other data, is never published (`make serve` shows no link).
PDF_VARIABLE = "HANDBOOK_PDF"

# The rebuilds of the one server this process runs (`make serve`); untouched by any other build.
SESSION = serving.Session()


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
    handbook = loaded_handbook(config)
    prepare.write_generated(handbook, Path(config["docs_dir"]), built_pdf(handbook), site_url)


def page_functions(config: Any, handbook: Handbook, url_for: Callable[[str], str]) -> dict[str, Callable[..., str]]:
    """The functions prose pages call (`{{ price_list() }}`); in `make serve`, see `serving.stash`."""
    return serving.stash(SESSION, macro_functions(handbook, data_dir(config), url_for))


def on_page_markdown(markdown: str, source: str) -> str:
    """`source`: the page's path in docs/; a generated page's HTML skips Markdown in `make serve`."""
    if source.split("/")[0] in (pages.FOLDER, pages.SCHOOLS):
        return serving.stash_blocks(SESSION, markdown)
    return markdown


def on_env(env: Any) -> Any:
    return serving.theme_environment(SESSION, env)


def on_page_content(html: str) -> str:
    return serving.unstash(SESSION, html)


def on_startup(command: str, dirty: bool) -> None:
    serving.start(SESSION, command, dirty)
    if command == "serve":
        reuse.keep_between_builds()


def on_serve(server: Any, config: Any) -> Any:
    serving.watch_sources(server, Path(config["docs_dir"]), config.get("config_file_path"))
    return server


def on_files(files: Any, config: Any) -> Any:
    pages = [(f.src_uri, f.abs_src_path, f.abs_dest_path) for f in files.documentation_pages()]
    serving.choose_pages(SESSION, config, pages)
    return files


def on_post_build(config: Any) -> None:
    """Checks the built pages (`handbook.site.guard`: in a partial `make serve` build, those it
    wrote) and the generated pages' front matter."""
    allowance = guard.theme_allowance(config["theme"].dirs, [str(s) for s in config["extra_javascript"]], config["site_url"] or "")
    findings = guard.check_site(Path(config["site_dir"]), allowance, since=serving.written_since(SESSION))
    if findings:
        raise HandbookUserError(guard.describe(findings), status=1)
    unread = prepare.unread_pages(Path(config["site_dir"]), Path(config["docs_dir"]), since=serving.written_since(SESSION))
    if unread:
        raise HandbookUserError("\n".join(unread), status=1)
    serving.finished(SESSION)
