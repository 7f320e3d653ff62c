"""The Zensical adapter: a prepared config (no hooks) -> a built site, with Zensical 0.0.73.

Input: the config file `handbook.site.prepare.prepare` writes (the hooks' work done: generated
pages, downloads and config values already in place; the macros plugin kept, its data folder in
`extra.handbook_data`, absolute) and the folder the site goes to. Output: the site, or a
`HandbookUserError` with Zensical's own words. The only module that runs Zensical; it never
changes the project's files.

What Zensical needs that MkDocs does not, all handled here:
- `docs_dir` and `site_dir` inside the config file's folder, and `docs_dir` written relative (an
  absolute one makes 0.0.73 panic: "invariant: Id(Format(Path(RootDir)))"). So the build runs in
  a work folder beside `site_dir` holding a copy of the docs and a config of its own, and the
  built site is moved into place; Zensical's `.cache/` stays in that work folder too.
- Zensical reads a relative address in raw HTML from the page's Markdown file, as a Markdown link
  is read: on `catalogue.md`, built at `catalogue/`, it puts one more `../` in front (MkDocs and
  ProperDocs leave raw HTML alone, read from the page's address). Where the two readings agree,
  on a page written as `<name>/index.md`, our links are right under both. So the copy holds each
  generated page (`services/<id>.md`, `schools/<kind>.md`) as `<id>/index.md` (same address,
  nav entries renamed with it), and the prose pages' macros get links counted from the page's
  file (`define_env` here, which the copy's config names as the macros module). A prose
  Markdown link to a generated page's file (`schools/academy.md`) would then fail the strict
  build, loudly; none exists, and `handbook.site.pages` writing `<name>/index.md` itself would
  make this step unnecessary.
- It ignores `hooks:` without a word (values they would set stay undefined): a config that
  still has hooks is refused.
- It builds its own search index even when the config names no search plugin: turned off here
  (it then writes a `search.json` with no items), as the site's search is Pagefind's, made after
  the build (`handbook.site.search`).
- It is run as `python -m zensical build --strict` in a child process: its Rust runtime
  panics rather than raising, and keeps state between builds.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from handbook.core.errors import HandbookUserError
from handbook.presentation.prose import macro_functions, page_variables
from handbook.site.data import handbook_for
from handbook.site.pages import FOLDER as SERVICES
from handbook.site.pages import SCHOOLS
from handbook.site.prepare import prepared_values, read_config, write_config

# Generated pages, written for the page's address (`root="../../"`): laid out as `<name>/index.md`.
GENERATED_FOLDERS = (SERVICES, SCHOOLS)

_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def build(config: Path, site_dir: Path) -> None:
    """Builds the site of the prepared `config` into `site_dir` with Zensical, strictly.

    Args:
        config: the prepared config file (MkDocs' format; no hooks).
        site_dir: where the site goes; replaced if it exists.
    """
    config, site_dir = Path(config).resolve(), Path(site_dir).resolve()
    settings = read_config(config)  # tags kept as written (the escaped values are `Markup`)
    if settings.get("hooks"):
        raise HandbookUserError(f"{config} has hooks, which Zensical ignores; build from the config handbook prepares", status=1)
    docs = Path(str(settings.get("docs_dir") or "docs"))
    docs = docs if docs.is_absolute() else config.parent / docs
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.zensical-", dir=site_dir.parent))
    try:
        moved = copy_docs(docs, work / "docs")
        project = work / "mkdocs.yml"
        write_config(zensical_config(settings, config.parent, moved), project)
        run(project)
        if site_dir.exists():
            shutil.rmtree(site_dir)
        (work / "site").rename(site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def theme_dirs(config: Path) -> list[Path]:
    """`custom_dir`, then Zensical's own copy of Material's templates (found without importing it)."""
    spec = importlib.util.find_spec("zensical")
    theme = [Path(spec.submodule_search_locations[0]) / "templates"] if spec and spec.submodule_search_locations else []
    custom = prepared_values(Path(config))["custom_dir"]
    return ([Path(custom)] if custom else []) + theme


def copy_docs(docs: Path, target: Path) -> dict[str, str]:
    """Copies `docs` to `target`, each generated page as `<name>/index.md`; returns old -> new paths.

    Why: on an index page the page's folder and its address's folder are one, so a relative
    address in raw HTML means the same to Zensical as to MkDocs (the page's address is unchanged).
    """
    shutil.copytree(docs, target)
    moved = {}
    for folder in GENERATED_FOLDERS:
        for page in sorted((target / folder).glob("*.md")):
            if page.name == "index.md":
                continue
            (page.parent / page.stem).mkdir()
            page.rename(page.parent / page.stem / "index.md")
            moved[f"{folder}/{page.name}"] = f"{folder}/{page.stem}/index.md"
    return moved


def zensical_config(settings: dict[str, Any], base: Path, moved: dict[str, str]) -> dict[str, Any]:
    """The prepared settings as Zensical reads them from the work folder (docs/, site/ inside it)."""
    config = dict(settings)
    config["docs_dir"], config["site_dir"] = "docs", "site"
    theme = dict(config.get("theme") or {})
    if theme.get("custom_dir"):
        theme["custom_dir"] = str((base / str(theme["custom_dir"])).resolve())
    config["theme"] = theme
    config["nav"] = _renamed(config.get("nav") or [], moved)
    plugins = []
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "macros" in plugin:
            plugin = {"macros": {**(plugin["macros"] or {}), "module_name": __name__}}
        if plugin != "search" and not (isinstance(plugin, dict) and "search" in plugin):
            plugins.append(plugin)
    # Zensical builds its own search index unless told not to (even with no `search` entry);
    # the site's search is Pagefind's (handbook.site.search), made after any generator.
    plugins.append({"search": {"enabled": False}})
    config["plugins"] = plugins
    for key in ("watch", "config_file_path"):
        config.pop(key, None)
    return config


def _renamed(nav: Any, moved: dict[str, str]) -> Any:
    if isinstance(nav, list):
        return [_renamed(item, moved) for item in nav]
    if isinstance(nav, dict):
        return {title: _renamed(value, moved) for title, value in nav.items()}
    return moved.get(nav, nav) if isinstance(nav, str) else nav


def run(project: Path) -> None:
    """`zensical build --strict` of `project` (its folder as the working folder); failures -> HandbookUserError."""
    environ = {**os.environ, "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "zensical", "build", "--config-file", str(project), "--strict"],
        cwd=project.parent, env=environ, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise HandbookUserError(f"the website did not build with Zensical:\n{zensical_words(done.stdout + done.stderr)}", status=1)


def zensical_words(output: str) -> str:
    """Zensical's messages without colours and without the Python traceback that follows them."""
    lines = _ANSI.sub("", output).splitlines()
    if "Traceback (most recent call last):" in lines:
        start = lines.index("Traceback (most recent call last):")
        lines = lines[:start] + [line for line in lines[start:] if line and not line.startswith(" ")][-1:]
    return "\n".join(line for line in lines if line.strip()) or "Zensical stopped without a message"


def page_links(page: Any) -> Callable[[str], str]:
    """Maps a site-root address (`services/x/`) to a link from the page's Markdown file's folder.

    Why the file and not the address: Zensical reads raw HTML's relative addresses from the file
    (see the module's docstring), so `catalogue.md` links `services/x/`, which it makes `../services/x/`.
    """

    def url_for(path: str) -> str:
        source = str(getattr(page, "path", "") or "")
        return "../" * source.count("/") + path

    return url_for


def define_env(env: Any) -> None:
    """Zensical's macros module: the engine's page functions and variables, as `macros/` gives MkDocs."""
    handbook_data = Path(str(env.conf["extra"]["handbook_data"]))
    handbook = handbook_for(handbook_data)
    env.variables.update(page_variables(handbook))
    for name, function in macro_functions(handbook, handbook_data, page_links(env.page)).items():
        env.macro(function, name)
