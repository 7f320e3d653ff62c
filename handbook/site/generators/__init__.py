"""generators: one adapter module per site generator, the only modules that run or import one.

Input: a config file `handbook.site.prepare.prepare` wrote (no hooks, every value static) and
an empty site folder. Output: the built site, or `HandbookUserError` (status 1) with the
generator's own messages. Each adapter module `handbook.site.generators.<name>` provides:

- `build(config: Path, site_dir: Path) -> None`: a strict build into `site_dir`;
- `theme_dirs(config: Path) -> list[Path]`: the theme's template folders, custom_dir first, from
  which `handbook.site.guard` learns what scripts the theme writes.

`run(name, …)` imports an adapter by name only when asked (Zensical's is another module and
may be absent), so choosing a generator never loads the others.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

from handbook.core.errors import HandbookUserError

NAMES = ("properdocs", "mkdocs", "zensical")
DEFAULT = "properdocs"

# A log line of the MkDocs family: "WARNING -  text", "ERROR    -  text".
_LOG_LINE = re.compile(r"^(?:WARNING|ERROR)\s*-\s+(.*)$")


def adapter(name: str) -> ModuleType:
    """The adapter module of generator `name`; `HandbookUserError` (status 2) if there is none."""
    if name not in NAMES:
        raise HandbookUserError(f"{name!r} is not a site generator; choose one of {', '.join(NAMES)}", status=2)
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ModuleNotFoundError as error:
        if error.name != f"{__name__}.{name}":
            raise
        raise HandbookUserError(f"the {name} generator has no adapter in this version of handbook (handbook/site/generators/{name}.py); use --generator {DEFAULT}", status=2) from None


def installed(name: str) -> bool:
    """The generator's package can be imported here (without importing it)."""
    return importlib.util.find_spec(name) is not None


def available() -> list[str]:
    """The generators this installation can run: an adapter module and the generator's package."""
    return [n for n in NAMES if importlib.util.find_spec(f"{__name__}.{n}") is not None and installed(n)]


def run(name: str, config: Path, site_dir: Path) -> None:
    """Builds the prepared `config` into `site_dir` with generator `name`."""
    module = adapter(name)
    if not installed(name):
        raise HandbookUserError(f"the {name} generator is not installed; install it (requirements.txt pins it) or choose one of {', '.join(available())}", status=2)
    module.build(Path(config), Path(site_dir))


def theme_dirs(name: str, config: Path) -> list[Path]:
    return adapter(name).theme_dirs(Path(config))


def material_theme_dirs(custom_dir: str | None) -> list[Path]:
    """`custom_dir`, then Material for MkDocs' templates, found without importing it."""
    spec = importlib.util.find_spec("material")
    theme = [Path(spec.submodule_search_locations[0]) / "templates"] if spec and spec.submodule_search_locations else []
    return ([Path(custom_dir)] if custom_dir else []) + theme


def messages(output: str) -> str:
    """The warnings and errors of a MkDocs-family build's log, one a line (all of it if none)."""
    found = [m.group(1).strip() for line in output.splitlines() if (m := _LOG_LINE.match(line.strip()))]
    return "\n".join(found) or output.strip()


def child(argv: list[str], what: str) -> None:
    """Runs a build in another interpreter; its failure is a `HandbookUserError` with its messages.

    Why another process: ProperDocs makes `mkdocs` mean itself in the process that loads it
    (`properdocs.replacement`), so MkDocs and ProperDocs cannot both run in one process.
    """
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
    done = subprocess.run([sys.executable, *argv], capture_output=True, text=True, env=env)
    if done.returncode != 0:
        raise HandbookUserError(f"the website did not build ({what}):\n{messages(done.stderr + done.stdout)}", status=1)
