"""prepare: a validated handbook and a project -> everything a generator needs, before it runs.

Input: the `Handbook`, its data folder and the project's `mkdocs.yml`. Output, in the project's
generated (git-ignored) places of `docs/`: the service pages and the pages per kind of school
(`handbook.site.pages`), the downloads (`downloads/services.json`, `downloads/charges.csv`) and
the copy of the PDF edition this build made (`pdf/`); and one complete config file that any
generator reads as it stands: the values from the data (site name, description, copyright,
logo, brand, PDF link, edition), the nav without the pages this data has none of, absolute
`docs_dir`, `theme.custom_dir` and macros module, the data folder in `extra.handbook_data`, and
no `hooks:` (Zensical ignores them; ProperDocs and MkDocs need none).

Why one step before any generator: the hooks tied the engine to MkDocs' plugin events, which
MkDocs 2 and Zensical do not run. The hooks that remain (`handbook.site.adapter`, for
`mkdocs serve` and mike) call these same functions. Never evaluates data as a template; the
theme's values are escaped once here (`escape.theme_config`: Material prints them raw).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from handbook.core.project import _loader
from handbook.data.model import Handbook
from handbook.presentation import abbreviations, escape, wording
from handbook.site import calendar, openreferral, services_schema
from handbook.site import downloads as download_page
from handbook.site.exports import charges_csv, services_json
from handbook.site.pages import FOLDER as SERVICES
from handbook.site.pages import SCHOOLS, school_page_paths, write_school_pages, write_service_pages
from handbook.views.edition import pdf_filename

CONFIG_NAME = "mkdocs.yml"  # what ProperDocs, MkDocs and Zensical all read when named
DOWNLOADS = "downloads"
PDF = "pdf"
# The folders of docs/ this step writes (and removes files from); nothing else writes there.
GENERATED_FOLDERS = (SERVICES, SCHOOLS, DOWNLOADS, PDF)
# Nav entries other work adds; the nav keeps their slot, the build skips them until they exist.
OPTIONAL_PAGES = {"officers-guide.md", "accessibility.md"}
# The accessibility statement's page: every page's footer links to it when the docs have it.
STATEMENT = "accessibility.md"
# Only overrides/service.html writes this: a built service page without it lost its front matter.
SERVICE_MARK = b'class="hb-back"'


def edition_pdf(handbook: Handbook, path: Path | str | None) -> Path | None:
    """`path` when it is a file named as this handbook's PDF edition, else None (never another's)."""
    path = Path(path) if path else None
    return path if path is not None and path.name == pdf_filename(handbook) and path.is_file() else None


def drop_missing(nav: list, docs: Path, generated: set[str]) -> list:
    """The nav without optional pages that are not there, nor generated pages this data has none of.

    Why `generated` from the data and not the folder: MkDocs' on_config runs before the pages
    are written, and the pages per kind of school depend on the data (`pages.school_page_paths`).
    """
    kept = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        if isinstance(value, list):
            kept.append({next(iter(item)): drop_missing(value, docs, generated)} if isinstance(item, dict) else item)
        elif isinstance(value, str) and value in OPTIONAL_PAGES and not (docs / value).exists():
            continue
        elif isinstance(value, str) and value.startswith(f"{SCHOOLS}/") and value not in generated:
            continue
        else:
            kept.append(item)
    return kept


def configure(config: Any, handbook: Handbook, docs: Path, pdf: Path | None, versioned: bool) -> Any:
    """Sets in `config` (a dict, or MkDocs' config) what the data decides; returns it.

    Args:
        docs: the docs folder (the logo must be a file inside it).
        pdf: the PDF edition the site publishes (`edition_pdf`), or None for no link.
        versioned: the site is one edition of several (the theme's edition switcher reads
            ../versions.json, which only a versioned publication writes: elsewhere it would
            request a missing file on every page).
    """
    authority = handbook.authority
    # Material prints these raw (MkDocs' theme environment does not autoescape): escaped here, once.
    config["site_name"] = escape.theme_config(authority.handbook.title)
    config["site_description"] = escape.theme_config(authority.handbook.subtitle or authority.handbook.title)
    config["copyright"] = escape.theme_config(f"{authority.authority.name}, {wording.edition_label(handbook)}, published {wording.long_date(authority.edition.published)}")
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
    config["extra"]["pdf"] = {"path": f"{PDF}/{pdf.name}", "size": wording.megabytes(pdf.stat().st_size)} if pdf else None
    config["extra"]["edition"] = escape.theme_config(wording.edition_label(handbook))
    config["extra"]["accessibility"] = STATEMENT.removesuffix(".md") + "/" if (docs / STATEMENT).is_file() else None
    if not versioned:
        config["extra"].pop("version", None)
    if config.get("nav"):
        config["nav"] = drop_missing(config["nav"], docs, school_page_paths(handbook))
    set_glossary(config, abbreviations.glossary_config(handbook))
    return config


def set_glossary(config: Any, glossary: dict[str, str]) -> None:
    """Gives the abbreviations extension (`presentation.abbreviations`) the glossary: in a config
    file's list (`- name: {glossary: …}`), or in MkDocs' own config object (`mdx_configs`)."""
    if not isinstance(config, dict) and "mdx_configs" in config:  # MkDocs' validated config (the hooks)
        if abbreviations.NAME in config["markdown_extensions"]:
            config["mdx_configs"].setdefault(abbreviations.NAME, {})["glossary"] = glossary
        return
    extensions = config.get("markdown_extensions") or []
    for i, item in enumerate(extensions):
        if item == abbreviations.NAME:
            extensions[i] = {abbreviations.NAME: {"glossary": glossary}}
        elif isinstance(item, dict) and abbreviations.NAME in item:
            item[abbreviations.NAME] = {**(item[abbreviations.NAME] or {}), "glossary": glossary}


def _write_if_changed(path: Path, content: bytes) -> bool:
    """Why only when changed: `mkdocs serve` watches docs/, and rebuilds on every new mtime."""
    if path.is_file() and path.read_bytes() == content:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    return True


def open_data(handbook: Handbook, site_url: str = "") -> dict[str, str]:
    """The open-data downloads by path inside `downloads/` (issue 13): the Open Referral UK
    services, the services JSON's schema, and the calendars."""
    return {
        f"{openreferral.FOLDER}/{openreferral.FILE}": openreferral.services_json(handbook, site_url),
        services_schema.FILE: services_schema.schema_json(site_url),
        **calendar.calendars(handbook, site_url),
    }


def write_generated(handbook: Handbook, docs: Path, pdf: Path | None = None, site_url: str = "") -> list[Path]:
    """Writes the generated pages, the downloads and the PDF copy into `docs`; returns what changed.

    `docs/pdf/` holds only `pdf` (a PDF left by an older build, or made from other data, is
    removed: only the one this build made is published).
    """
    changed = write_service_pages(handbook, docs) + write_school_pages(handbook, docs)
    downloads = {"services.json": services_json(handbook, site_url), "charges.csv": charges_csv(handbook)}
    downloads |= open_data(handbook, site_url)
    sizes = {name: len(text.encode("utf-8")) for name, text in downloads.items()}
    downloads[download_page.PAGE] = download_page.downloads_markdown(handbook, sizes, (f"{PDF}/{pdf.name}", pdf.stat().st_size) if pdf else None)
    for name, text in downloads.items():
        if _write_if_changed(docs / DOWNLOADS / name, text.encode("utf-8")):
            changed.append(docs / DOWNLOADS / name)
    folder = docs / PDF
    for stale in folder.glob("*") if folder.is_dir() else ():
        if pdf is None or stale.name != pdf.name:
            if stale.is_dir():
                shutil.rmtree(stale)
            else:
                stale.unlink()
            changed.append(stale)
    if pdf is not None and _write_if_changed(folder / pdf.name, pdf.read_bytes()):
        changed.append(folder / pdf.name)
    return changed


def unread_pages(site_dir: Path, docs: Path, since: float | None = None) -> list[str]:
    """Generated service pages the generator built without their front matter (title, template).

    Why after the build: MkDocs drops front matter it cannot parse without a word, and then
    prints it as Markdown, data included, while the page loses its title and template.
    `handbook.presentation.escape` writes front matter that any string survives; this makes a
    failure loud, never a page. Read on the built page, so it holds for every generator.
    `since`: only pages built at or after that time (see `guard.check_site`).
    """
    unread = []
    for source in sorted((docs / SERVICES).glob("*.md")):
        built = site_dir / SERVICES / source.stem / "index.html"
        if since is not None and built.is_file() and built.stat().st_mtime < since:
            continue  # read when it was built (a partial rebuild of `make serve`)
        if not built.is_file() or SERVICE_MARK not in built.read_bytes():
            unread.append(f"docs/{SERVICES}/{source.name}: the generator could not read the page's front matter (title, template); the page was not published")
    return unread


class _Tagged:
    """A value under a tag this step does not read (`!!python/name:…`), written back as it came."""

    def __init__(self, node: yaml.Node) -> None:
        self.node = node


def read_config(config_file: Path, environ: dict[str, str] | None = None) -> dict[str, Any]:
    """The project's config as data: `!ENV` resolved (from `environ`, default this process's),
    any other tag kept as written, so the prepared file means what the project's does."""
    loader = _loader(os.environ if environ is None else environ)

    class Loader(loader):  # type: ignore[misc, valid-type]
        pass

    Loader.add_multi_constructor("", lambda _loader, _suffix, node: _Tagged(node))
    config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=Loader)
    return config if isinstance(config, dict) else {}


class _Dumper(yaml.SafeDumper):
    """Writes escaped values as `Markup` (see `MARKUP_TAG`), tagged values as they came."""


# Why a Python tag: Material prints the site's name raw in some places and through `| e` in
# others (the logo's title); a `Markup` value is printed as it is in both, a plain string would
# be escaped twice there. The hooks set `Markup` in the config object; this is the same value
# in the file, which ProperDocs, MkDocs and Zensical all read with PyYAML's full loader.
MARKUP_TAG = "tag:yaml.org,2002:python/object/new:markupsafe.Markup"
_Dumper.add_representer(Markup, lambda dumper, value: dumper.represent_sequence(MARKUP_TAG, [str(value)]))
_Dumper.add_representer(_Tagged, lambda dumper, value: value.node)


def _absolute(value: str, root: Path) -> str:
    return str(value) if Path(value).is_absolute() else str((root / value).resolve())


def static_config(config: dict[str, Any], root: Path, data_dir: Path) -> dict[str, Any]:
    """`config` with no hooks or watch list, its folders absolute, the data folder in `extra`.

    Why absolute: the prepared file lives outside the project (a build's work folder), and
    mkdocs-macros finds its module beside the config file otherwise.
    """
    config.pop("hooks", None)
    config.pop("watch", None)
    config.pop("site_dir", None)  # the generator is told where to build
    config["docs_dir"] = _absolute(config.get("docs_dir") or "docs", root)
    theme = config.setdefault("theme", {})
    if isinstance(theme, dict) and theme.get("custom_dir"):
        theme["custom_dir"] = _absolute(theme["custom_dir"], root)
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and isinstance(plugin.get("macros"), dict):
            options = plugin["macros"]
            options["module_name"] = _absolute(options.get("module_name") or "main", root)
    config.setdefault("extra", {})["handbook_data"] = str(Path(data_dir).resolve())
    return config


def prepare(handbook: Handbook, data_dir: Path, config_file: Path, out_dir: Path, pdf_file: Path | None = None,
            versioned: bool = False, site_url: str | None = None) -> Path:
    """Writes the generated files into the project's docs/ and the generator's config; returns its path.

    Args:
        handbook: the validated handbook of `data_dir`.
        config_file: the project's mkdocs.yml (its `!ENV` values read from this process).
        out_dir: where the prepared config goes (`out_dir/mkdocs.yml`).
        pdf_file: the PDF edition this build made from this data; None: no PDF, no link.
        versioned: one edition among several (the theme's edition switcher stays on).
        site_url: the public address, instead of the config's `site_url`.
    """
    config_file = Path(config_file).resolve()
    config = static_config(read_config(config_file), config_file.parent, data_dir)
    if site_url:
        config["site_url"] = site_url
    docs = Path(config["docs_dir"])
    pdf = edition_pdf(handbook, pdf_file)
    write_generated(handbook, docs, pdf, str(config.get("site_url") or ""))
    configure(config, handbook, docs, docs / PDF / pdf.name if pdf else None, versioned)
    return write_config(config, Path(out_dir) / CONFIG_NAME)


def write_config(config: dict[str, Any], path: Path) -> Path:
    """Writes a config `read_config` read (and `configure` filled) as YAML at `path`; returns it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return path


def prepared_values(config_file: Path) -> dict[str, Any]:
    """What the checks after a build read from a prepared config: theme folder, scripts, address."""
    config = read_config(config_file, environ={})
    theme = config.get("theme") or {}
    return {
        "custom_dir": theme.get("custom_dir") if isinstance(theme, dict) else None,
        "extra_javascript": [str(s) for s in config.get("extra_javascript") or [] if isinstance(s, str)],
        "site_url": str(config.get("site_url") or ""),
        "docs_dir": Path(str(config.get("docs_dir") or "docs")),
    }
