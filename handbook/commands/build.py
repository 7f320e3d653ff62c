"""build: data folder -> a complete site folder (website and PDF), checked, then swapped in atomically.

Steps: validate (errors -> `HandbookUserError`, status 1, listing every problem); remove what a
killed build of ours left beside `site_dir`; in a work folder `.<site>.building-<pid>-*` beside
it, write the PDF (outside docs/, so only a PDF this build made from this data is published:
`HANDBOOK_PDF` hands it to the MkDocs adapter) and build MkDocs strictly (its hooks write the
service pages and downloads, and at the end check every built page with `handbook.site.guard`,
so `handbook publish` and a bare `mkdocs build` are checked too); only then replace `site_dir`.
A failed build or a failed check never leaves a half-written or unsafe site where the good one
was. Every date the build writes comes from one `SOURCE_DATE_EPOCH`
(`handbook.core.reproducible`: the caller's, else the last commit's), so two builds of a commit are
byte-identical. Runs in the project folder (mkdocs.yml, docs/ ...).
"""

from __future__ import annotations

import contextlib
import logging
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from handbook.core import reproducible
from handbook.core.errors import HandbookUserError
from handbook.core.project import project_at
from handbook.site.adapter import PDF_VARIABLE
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


def write_pdf_into(handbook, data_dir: Path, folder: Path, config_file: Path, epoch: int | None = None) -> Path:
    """The PDF edition at `folder/<pdf_filename>`, its prose pages and their order from the project
    of `config_file` (its mkdocs.yml); the site links it only when handed its path."""
    try:
        from handbook.pdf.write import write_pdf
    except ImportError as error:
        raise HandbookUserError(f"the PDF edition cannot be built yet ({error}); build with --no-pdf", status=1) from error
    return write_pdf(handbook, data_dir, Path(folder) / pdf_filename(handbook), project_at(config_file), epoch=epoch)


def mkdocs_build(config_file: Path, site_dir: Path) -> None:
    """A strict MkDocs build into `site_dir` (in this process, through MkDocs' Python API).

    The project's hooks (`handbook.site.adapter`) write the generated pages and, at the end,
    check every built page with `handbook.site.guard`: findings fail the build like an error.
    """
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


_OURS = re.compile(r"\.(?P<site>.+)\.(?:building|old)-(?P<pid>\d+)(?:-.*)?")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def remove_leftovers(site_dir: Path) -> list[Path]:
    """Removes the work folders a killed build left beside `site_dir`; returns what it removed.

    Only ours (`.<site>.building-<pid>-*` and `.<site>.old-<pid>`) and only when process `pid`
    has gone: a build running at the same time keeps its folders.
    """
    removed = []
    for path in site_dir.parent.glob(f".{site_dir.name}.*"):
        match = _OURS.fullmatch(path.name)
        if match and match["site"] == site_dir.name and path.is_dir() and not _running(int(match["pid"])):
            shutil.rmtree(path, ignore_errors=True)
            removed.append(path)
    return removed


def build(data_dir: Path, site_dir: Path, pdf: bool = True, config_file: Path = Path("mkdocs.yml")) -> None:
    """Validates `data_dir`, then builds the site (and PDF) into `site_dir`, atomically.

    Args:
        data_dir: the data folder.
        site_dir: where the finished site goes; replaced only after a successful, checked build.
        pdf: also build the PDF edition (linked from every page); without it the site has no PDF.
        config_file: the project's mkdocs.yml; docs/ and overrides/ are found beside it.
    """
    data_dir, site_dir, config_file = Path(data_dir).resolve(), Path(site_dir).resolve(), Path(config_file).resolve()
    if not config_file.is_file():
        raise HandbookUserError(f"there is no {config_file.name} in {config_file.parent}; run the build in the project folder", status=2)
    handbook = handbook_for(data_dir)  # HandbookUserError (status 1) listing the problems
    epoch = reproducible.source_date_epoch(config_file.parent)  # the caller's SOURCE_DATE_EPOCH first
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-{os.getpid()}-", dir=site_dir.parent))
    try:
        pdf_file = write_pdf_into(handbook, data_dir, work / "pdf", config_file, epoch) if pdf else None
        staging = work / "site"  # created by MkDocs with the umask's modes, readable by a web server
        with _environment(HANDBOOK_DATA=str(data_dir), NO_MKDOCS_2_WARNING="1", **{reproducible.VARIABLE: str(epoch), PDF_VARIABLE: str(pdf_file or "")}):
            mkdocs_build(config_file, staging)  # the guard runs inside, on `staging`
        _swap(staging, site_dir)
    finally:
        shutil.rmtree(work, ignore_errors=True)


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
