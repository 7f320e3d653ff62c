"""The ProperDocs adapter (the default generator): a maintained continuation of MkDocs 1.x.

Builds a prepared config in this process through ProperDocs' Python API, so the handbook the
engine validated is the one mkdocs-macros reads (`handbook.site.data` keeps it), unless this
process has loaded MkDocs itself: then in another interpreter (`python -m` this module).
ProperDocs redirects every `mkdocs.*` import to itself (`properdocs.replacement`), which is how
Material and mkdocs-macros run on it unchanged.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.site.generators import child, material_theme_dirs
from handbook.site.prepare import prepared_values


class _Messages(logging.Handler):
    """Collects the build's warnings and errors so a strict failure names them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _mkdocs_loaded() -> bool:
    """MkDocs itself (not ProperDocs under its name) is imported in this process."""
    module = sys.modules.get("mkdocs")
    return module is not None and module is not sys.modules.get("properdocs")


def build(config: Path, site_dir: Path) -> None:
    """A strict ProperDocs build of `config` into `site_dir`; warnings fail it (`HandbookUserError`)."""
    if _mkdocs_loaded():
        child(["-m", __name__, str(config), str(site_dir)], "ProperDocs")
        return
    import properdocs.replacement  # noqa: F401  (Material's and the macros plugin's `mkdocs.*` imports)
    from properdocs.commands.build import build as run
    from properdocs.config import load_config
    from properdocs.exceptions import Abort, ConfigurationError

    catcher = _Messages()
    log, legacy = logging.getLogger("properdocs"), logging.getLogger("mkdocs")
    parent, propagate = legacy.parent, legacy.propagate
    legacy.parent, legacy.propagate = log, True  # plugins log as `mkdocs.*`: their warnings count too
    log.addHandler(catcher)
    try:
        run(load_config(str(config), site_dir=str(site_dir), strict=True))
    except (Abort, ConfigurationError) as error:
        raise HandbookUserError(f"the website did not build:\n{chr(10).join(catcher.messages) or error}", status=1) from error
    except SystemExit as error:  # mkdocs-macros exits on a macro error (on_error_fail)
        raise HandbookUserError(f"the website did not build:\n{chr(10).join(catcher.messages) or 'a macro in a docs page failed'}", status=1) from error
    finally:
        log.removeHandler(catcher)
        legacy.parent, legacy.propagate = parent, propagate


def theme_dirs(config: Path) -> list[Path]:
    return material_theme_dirs(prepared_values(config)["custom_dir"])


if __name__ == "__main__":  # python -m handbook.site.generators.properdocs CONFIG SITE_DIR
    logging.getLogger("properdocs").addHandler(logging.NullHandler())  # the messages, once, below
    try:
        build(Path(sys.argv[1]), Path(sys.argv[2]))
    except HandbookUserError as failure:
        print(str(failure).split("\n", 1)[-1], file=sys.stderr)
        sys.exit(1)
