"""serving: `make serve` shows an officer's edit after one build, of only what the edit changed.

Input: the live-reload server and the config of `properdocs serve --dirty` (or `mkdocs serve`) on
the project's mkdocs.yml, through the hooks (`handbook.site.adapter`). Output: what the server
watches, and, before each rebuild, which built pages go (to be built again) so that the generator's
dirty build remakes exactly the pages the edit can have changed. `handbook build` runs none of this.

Why: the build writes the generated pages into docs/ (`prepare.write_generated`), which the
server watched, so every edit set off a second full build; and a full build renders every service
page, although an edit of one service changes a handful. Rules, so that the served site is never
older than the data:

- watched: docs/ itself (the officers' pages) and its folders but the generated ones
  (`prepare.GENERATED_FOLDERS`), the config file, and the data folder (`watch:` in mkdocs.yml),
  every `POLL_SECONDS`;
- a dirty build rebuilds a page whose source is newer than its built page: `write_generated`
  rewrites only the generated pages whose text changed, and every page outside `services/`
  that prints data (the prose pages that render macros; the pages per kind of school) is
  removed from the built site first, so it is built again; built pages of a service that is
  gone are removed; the officers' other pages are built again when the frame changes (below);
- when the frame of every page changes (what the config says after the data set it: site name,
  nav, edition, logo; the config file; the theme's folder; the officers' own pages; the set of
  pages outside `services/`) or the last build did not finish, the site folder is emptied: a
  full build. A failed build still shows its error in the terminal, and the server answers no
  request until a build passes (ProperDocs' own rule), as before;
- in `serve`, Markdown does not read the HTML blocks of the generated pages and the macros
  (`stash`, `stash_blocks`), the theme's templates are compiled once (`theme_environment`), and
  `handbook.site.reuse` makes again only the service pages and the downloads' lines (services.json,
  charges.csv, Open Referral, calendar events) whose service (or another data file) changed;
- after a partial build the guard reads the pages this build wrote (the others passed it when
  they were written).

Imports no generator: it reads the config and the files by name, as the hooks hand them over.
"""

from __future__ import annotations

import functools
import itertools
import logging
import re
import secrets
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import yaml

from handbook.site.pages import FOLDER as SERVICES
from handbook.site.prepare import GENERATED_FOLDERS

# The generator's warning before every dirty build, which a strict build counts as a failure.
# This module keeps the nav and the pages right itself, so that warning does not apply here.
DIRTY_WARNING = "A 'dirty' build is being performed"
_BUILD_LOGGERS = ("properdocs.commands.build", "mkdocs.commands.build")
# Pages written this long before a build's start are read by the guard again (file times are coarse).
MTIME_MARGIN = 2.0
log = logging.getLogger("mkdocs.handbook.serving")


# What a generated page's raw HTML block may open with (the templates of `handbook.site.pages`).
_BLOCK_START = re.compile(r"<(?:section|div|ul|ol|dl|p|table|nav|aside|details|figure|h[1-6])[\s>]")
# A tag: `/` if closing, its name, `/` if it closes itself. Greedy, with one step back for a final
# `/` (a lazy `[^>]*?(/?)>` tried each character twice: a third of a serve rebuild's stashing).
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)(?:[^>]*[^>/])?(/?)>")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"})


class _NoDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith(DIRTY_WARNING)


class _CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates compiled once per server, not once per build (Jinja checks each
    entry against the template's text, so an edited template is compiled again)."""

    def __init__(self) -> None:
        self.stored: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.stored:
            bucket.bytecode_from_string(self.stored[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.stored[bucket.key] = bucket.bytecode_to_string()


@dataclass
class Session:
    """What one server's rebuilds share: the frame of the last build that finished."""

    serving: bool = False  # `serve`: macros' HTML skips Markdown (`stash`)
    dirty: bool = False
    built: str | None = None  # the frame of the last finished build; None: build everything
    building: str | None = None
    stashed: dict[str, str] = field(default_factory=dict)
    nonce: str = field(default_factory=lambda: secrets.token_hex(8))
    numbers: itertools.count = field(default_factory=itertools.count)
    compiled: _CompiledTemplates = field(default_factory=_CompiledTemplates)
    started: float = 0.0
    partial: bool = False


def start(session: Session, command: str, dirty: bool) -> None:
    """on_startup: a dirty `serve` keeps its site between builds, and its builds stay strict."""
    session.serving = command == "serve"
    session.dirty = session.serving and dirty
    if session.dirty:
        for name in _BUILD_LOGGERS:
            logger = logging.getLogger(name)
            if not any(isinstance(f, _NoDirtyWarning) for f in logger.filters):
                logger.addFilter(_NoDirtyWarning())


# How often the server looks for saved files (ProperDocs' and MkDocs' default: 0.5 s, half of it
# added on average to every edit's wait). Cheap: it no longer looks into the generated folders.
POLL_SECONDS = 0.1


def watch_sources(server: Any, docs: Path, config_file: str | None = None) -> None:
    """on_serve: the server watches docs/ but the folders the build writes into, every `POLL_SECONDS`."""
    docs = Path(docs).resolve()
    server.unwatch(str(docs))
    if config_file:
        server.unwatch(config_file)
    if getattr(server, "_watched_paths", None) == {}:  # nothing else watched yet (no --watch-theme)
        server.observer = type(server.observer)(timeout=POLL_SECONDS)
    if config_file:
        server.watch(config_file)
    server.watch(str(docs), recursive=False)
    for child in sorted(docs.iterdir()):
        if child.is_dir() and child.name not in GENERATED_FOLDERS:
            server.watch(str(child))


def theme_environment(session: Session, env: Any) -> Any:
    """on_env: in `serve`, the theme's environment keeps its compiled templates between builds."""
    if session.serving and getattr(env, "bytecode_cache", None) is None:
        env.bytecode_cache = session.compiled
    return env


def renders_data(source: Path, by_default: bool) -> bool:
    """The page prints data through macros (mkdocs-macros' `render_macros`, else `by_default`)."""
    text = source.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return by_default
    front, _, _ = text[3:].partition("\n---")
    try:
        meta = yaml.safe_load(front)
    except yaml.YAMLError:
        return True
    return bool(meta.get("render_macros", by_default)) if isinstance(meta, dict) else by_default


def _fingerprint(paths: list[Path]) -> list[tuple[str, int, int]]:
    return [(str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(paths) if p.is_file()]


def frame(config: Any, pages: list[tuple[str, str]]) -> str:
    """What every built page shows beside its own text, as one string.

    `pages`: (source path in docs/, absolute source path) of every documentation page.
    """
    theme = config["theme"]
    custom = [Path(d) for d in getattr(theme, "dirs", [])[:1]]
    own = [Path(path) for uri, path in pages if uri.split("/")[0] not in GENERATED_FOLDERS]
    return repr((
        config["site_name"], config["site_description"], config["copyright"], config["site_url"],
        theme["logo"], theme["favicon"], config["extra"], config["nav"],
        _fingerprint([Path(config["config_file_path"])]) if config.get("config_file_path") else None,
        _fingerprint([f for d in custom for f in d.rglob("*")]),
        _fingerprint(own),
        sorted(uri for uri, _ in pages if not uri.startswith(f"{SERVICES}/")),
    ))


def _empty(folder: Path) -> None:
    for child in folder.iterdir() if folder.is_dir() else ():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()


def choose_pages(session: Session, config: Any, pages: list[tuple[str, str, str]]) -> None:
    """on_files: removes from the built site what this dirty build must write again.

    `pages`: (source path in docs/, absolute source path, absolute built path) of every page.
    """
    session.started = time.time()
    session.partial = False
    session.stashed.clear()
    if not session.dirty:
        return
    site = Path(config["site_dir"])
    current = frame(config, [(uri, src) for uri, src, _ in pages])
    session.building, previous, session.built = current, session.built, None
    if previous != current:
        log.debug("a full build: %s", "the first, or the last did not finish" if previous is None else "what every page shows changed")
        _empty(site)
        return
    log.debug("a partial build: the pages that print data, and the changed generated pages")
    session.partial = True
    kept = set()
    macros = config["plugins"].get("macros") if hasattr(config["plugins"], "get") else None
    by_default = bool(getattr(macros, "config", {}).get("render_by_default", True)) if macros is not None else True
    for uri, src, dest in pages:
        if uri.startswith(f"{SERVICES}/"):
            kept.add(Path(dest).parent.name)
        elif uri.split("/")[0] in GENERATED_FOLDERS or renders_data(Path(src), by_default):
            Path(dest).unlink(missing_ok=True)
    for built in (site / SERVICES).iterdir() if (site / SERVICES).is_dir() else ():
        if built.is_dir() and built.name not in kept:
            shutil.rmtree(built)  # a service that is gone, or no longer public


def written_since(session: Session) -> float | None:
    """on_post_build: the time after which the guard reads pages (None: every page)."""
    return session.started - MTIME_MARGIN if session.partial else None


def finished(session: Session) -> None:
    """on_post_build, after its checks passed: the next build may rebuild only what changes."""
    session.built = session.building


def stash(session: Session, functions: dict[str, Callable[..., str]]) -> dict[str, Callable[..., str]]:
    """The prose pages' functions (`handbook.presentation.prose.macro_functions`); in `serve`, each
    HTML block one returns (`templating.block`) stands in the page as a short placeholder block
    until `unstash` puts it back in the page's HTML.

    Why: Python-Markdown passes such a block through unchanged, but only after its HTML parser has
    read it tag by tag, which was most of a rebuild (the catalogue and the price list at 1,000
    services). The page comes out the same (tests/site/test_serving.py compares them).
    """
    if not session.serving:
        return functions

    def stashed(function: Callable[..., str]) -> Callable[..., str]:
        @functools.wraps(function)
        def call(*args: object, **kwargs: object) -> str:
            html = function(*args, **kwargs)
            if not (isinstance(html, str) and html.startswith("\n\n<") and html.endswith("\n\n") and "\n\n" not in html[2:-2]):
                return html  # not one block (Markdown text, or blocks it joins its own way): Markdown reads it
            key = f'<div data-hb-stash="{session.nonce}-{next(session.numbers)}"></div>'
            session.stashed[key] = html.strip("\n")
            return f"\n\n{key}\n\n"

        return call

    return {name: stashed(function) for name, function in functions.items()}


def _depth(text: str, depth: int) -> int | None:
    """The element depth after `text` from `depth`, or None if an element closes that `text` did not open."""
    for closing, name, self_closing in _TAG.findall(text):
        if name.lower() in _VOID or self_closing:
            continue
        depth += -1 if closing else 1
        if depth < 0:
            return None
    return depth


def stash_blocks(session: Session, markdown: str) -> str:
    """on_page_markdown of a generated page, in `serve`: each whole raw-HTML block (one that opens
    and closes its elements between blank lines, outside any other element) as a placeholder
    until `unstash`. Why and how it stays the same page: see `stash`. Data text cannot open or
    close an element (it is escaped), so the tags counted are the template's."""
    if not session.serving:
        return markdown
    chunks = markdown.split("\n\n")
    depth: int | None = 0
    for n, chunk in enumerate(chunks):
        after = _depth(chunk, depth) if depth is not None else None
        if depth == 0 and after == 0 and _BLOCK_START.match(chunk) and chunk.rstrip().endswith(">"):
            key = f'<div data-hb-stash="{session.nonce}-{next(session.numbers)}"></div>'
            session.stashed[key] = chunk.strip("\n")
            chunks[n] = key
        depth = after
    return "\n\n".join(chunks)


def unstash(session: Session, html: str) -> str:
    """on_page_content: the page's HTML with its blocks back in place of their placeholders."""
    if session.nonce not in html:
        return html
    for key in [k for k in session.stashed if k in html]:
        html = html.replace(key, session.stashed.pop(key))
    return html
