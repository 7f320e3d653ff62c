"""build: data folder -> a complete site folder (website and PDF), swapped in atomically.

Steps: validate (errors -> `HandbookUserError`, status 1, listing every problem); write the
PDF into `docs/pdf/` so MkDocs copies it; build MkDocs strictly into a
temporary folder beside `site_dir` (its hooks write the service pages and downloads); only
then replace `site_dir`. A failed build never leaves a
half-written site where the good one was. Runs in the project folder (mkdocs.yml, docs/ ...).
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from handbook.errors import HandbookUserError
from handbook.site.data import handbook_for
from handbook.views.edition import pdf_filename


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


class _Warnings(logging.Handler):
    """Collects MkDocs' warnings so a strict failure names them."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def write_pdf_into(handbook, data_dir: Path, docs_dir: Path) -> Path:
    """The PDF edition at `docs/pdf/<pdf_filename>` (MkDocs then copies it to `site/pdf/`)."""
    try:
        from handbook.pdf.write import write_pdf
    except ImportError as error:
        raise HandbookUserError(f"the PDF edition cannot be built yet ({error}); build with --no-pdf", status=1) from error
    out = docs_dir / "pdf" / pdf_filename(handbook)
    out.parent.mkdir(parents=True, exist_ok=True)
    for old in out.parent.glob("*.pdf"):
        if old.name != out.name:
            old.unlink()
    write_pdf(handbook, data_dir, out)
    return out


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """A strict MkDocs build into `site_dir` (in this process, through MkDocs' Python API)."""
    from mkdocs.commands.build import build as run
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort, ConfigurationError

    catcher = _Warnings()
    log = logging.getLogger("mkdocs")
    log.addHandler(catcher)
    try:
        config = load_config(str(config_file), site_dir=str(site_dir), strict=True)
        run(config)
    except (Abort, ConfigurationError) as error:
        detail = "\n".join(catcher.messages) or str(error)
        raise HandbookUserError(f"the website did not build:\n{detail}", status=1) from error
    except SystemExit as error:  # mkdocs-macros exits on a macro error (on_error_fail)
        detail = "\n".join(catcher.messages) or "a macro in a docs page failed"
        raise HandbookUserError(f"the website did not build:\n{detail}", status=1) from error
    finally:
        log.removeHandler(catcher)


def build(data_dir: Path, site_dir: Path, pdf: bool = True, config_file: Path = Path("mkdocs.yml")) -> None:
    """Validates `data_dir`, then builds the site (and PDF) into `site_dir`, atomically.

    Args:
        data_dir: the data folder.
        site_dir: where the finished site goes; replaced only after a successful build.
        pdf: also build the PDF edition (linked from every page).
        config_file: the project's mkdocs.yml; docs/ and overrides/ are found beside it.
    """
    data_dir, site_dir, config_file = Path(data_dir).resolve(), Path(site_dir).resolve(), Path(config_file).resolve()
    if not config_file.is_file():
        raise HandbookUserError(f"there is no {config_file.name} in {config_file.parent}; run the build in the project folder", status=2)
    handbook = handbook_for(data_dir)  # HandbookUserError (status 1) listing the problems
    docs_dir = config_file.parent / "docs"
    if pdf:
        write_pdf_into(handbook, data_dir, docs_dir)
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    # mkdtemp makes a private (0700) folder; the published site must be readable by a web server.
    umask = os.umask(0)
    os.umask(umask)
    staging.chmod(0o777 & ~umask)
    try:
        with _environment(HANDBOOK_DATA=str(data_dir), NO_MKDOCS_2_WARNING="1"):
            mkdocs_build(config_file, staging)
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    """Replaces `target` by `new` with renames, so readers see the old site or the new one."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
