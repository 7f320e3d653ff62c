"""build: data folder -> a complete site folder (website and PDF), checked, then swapped in atomically.

Steps: validate (errors -> `HandbookUserError`, status 1, listing every problem); remove what a
killed build of ours left beside `site_dir`; in a work folder `.<site>.building-<pid>-*` beside
it, write the PDF (outside docs/, so only a PDF this build made from this data is published);
prepare (`handbook.site.prepare`: the generated pages, downloads and PDF copy in docs/, and a
config without hooks); run the chosen generator strictly (`handbook.site.generators`, ProperDocs
by default); check every built page (`handbook.site.guard`, whichever generator wrote it) and
the generated pages' front matter; index the checked pages for search with Pagefind
(`handbook.site.search`, the same under every generator); only then replace `site_dir`. A
failed build or a failed check never leaves a half-written or unsafe site where the good one
was. Every date the build writes comes from one `SOURCE_DATE_EPOCH`
(`handbook.core.reproducible`: the caller's, else the last commit's), so two builds of a commit
are byte-identical (Pagefind's index too). Runs in the project folder
(mkdocs.yml, docs/ ...).
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from handbook.core import reproducible
from handbook.core.errors import HandbookUserError
from handbook.core.project import project_at
from handbook.site import generators, guard, prepare, search
from handbook.site.adapter import VERSIONED
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


def write_pdf_into(handbook, data_dir: Path, folder: Path, config_file: Path, epoch: int | None = None) -> Path:
    """The PDF edition at `folder/<pdf_filename>`, its prose pages and their order from the project
    of `config_file` (its mkdocs.yml); the site links it only when handed its path."""
    try:
        from handbook.pdf.write import write_pdf
    except ImportError as error:
        raise HandbookUserError(f"the PDF edition cannot be built yet ({error}); build with --no-pdf", status=1) from error
    return write_pdf(handbook, data_dir, Path(folder) / pdf_filename(handbook), project_at(config_file), epoch=epoch)


def check_built(site_dir: Path, config: Path, generator: str) -> None:
    """The checks every build passes before it is published, whichever generator made it.

    `handbook.site.guard` on every page (what no template of ours writes), then the generated
    pages' front matter (`prepare.unread_pages`); either stops the build with what it found.
    """
    values = prepare.prepared_values(config)
    allowance = guard.theme_allowance(generators.theme_dirs(generator, config), values["extra_javascript"], values["site_url"])
    findings = guard.check_site(site_dir, allowance)
    if findings:
        raise HandbookUserError(guard.describe(findings), status=1)
    unread = prepare.unread_pages(site_dir, values["docs_dir"])
    if unread:
        raise HandbookUserError("\n".join(unread), status=1)


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


def build(data_dir: Path, site_dir: Path, pdf: bool = True, config_file: Path = Path("mkdocs.yml"), generator: str = generators.DEFAULT,
          versioned: bool | None = None) -> None:
    """Validates `data_dir`, then builds the site (and PDF) into `site_dir`, atomically.

    Args:
        data_dir: the data folder.
        site_dir: where the finished site goes; replaced only after a successful, checked build.
        pdf: also build the PDF edition (linked from every page); without it the site has no PDF.
        config_file: the project's mkdocs.yml; docs/ and overrides/ are found beside it.
        generator: the site generator (`handbook.site.generators.NAMES`; ProperDocs by default).
        versioned: one edition among several (the theme's edition switcher shown); None: as
            `HANDBOOK_VERSIONED` says (set by `handbook publish`).
    """
    data_dir, site_dir, config_file = Path(data_dir).resolve(), Path(site_dir).resolve(), Path(config_file).resolve()
    if not config_file.is_file():
        raise HandbookUserError(f"there is no {config_file.name} in {config_file.parent}; run the build in the project folder", status=2)
    handbook = handbook_for(data_dir)  # HandbookUserError (status 1) listing the problems
    generators.adapter(generator)  # an unknown or absent generator stops here, before any work
    epoch = reproducible.source_date_epoch(config_file.parent)  # the caller's SOURCE_DATE_EPOCH first
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(site_dir)
    work = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-{os.getpid()}-", dir=site_dir.parent))
    try:
        pdf_file = write_pdf_into(handbook, data_dir, work / "pdf", config_file, epoch) if pdf else None
        if versioned is None:
            versioned = bool(os.environ.get(VERSIONED))
        config = prepare.prepare(handbook, data_dir, config_file, work / "config", pdf_file, versioned=versioned)
        staging = work / "site"  # created by the generator with the umask's modes, readable by a web server
        with _environment(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true", **{reproducible.VARIABLE: str(epoch)}):
            generators.run(generator, config, staging)
        check_built(staging, config, generator)
        search.index(staging)  # Pagefind's index of the checked pages, at pagefind/, whichever generator
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
