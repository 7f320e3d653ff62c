"""The MkDocs adapter: builds a prepared config with MkDocs 1.x, for a user who still has it.

Runs `python -m mkdocs build --strict` in another interpreter, never imports MkDocs here: once
ProperDocs (the default) has run in a process, `mkdocs` there means ProperDocs.
"""

from __future__ import annotations

from pathlib import Path

from handbook.site.generators import child, material_theme_dirs
from handbook.site.prepare import prepared_values


def build(config: Path, site_dir: Path) -> None:
    """A strict MkDocs build of `config` into `site_dir`; warnings fail it (`HandbookUserError`)."""
    child(["-m", "mkdocs", "build", "--strict", "--config-file", str(config), "--site-dir", str(site_dir)], "MkDocs")


def theme_dirs(config: Path) -> list[Path]:
    return material_theme_dirs(prepared_values(config)["custom_dir"])
