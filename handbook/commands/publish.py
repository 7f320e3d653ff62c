"""publish: the current edition -> a version on the gh-pages branch, with mike (`make publish`).

Input: the data folder (its `authority.yaml` names the edition: the version is never typed a
second time) and the project folder with mkdocs.yml. Output: a commit on `gh-pages` adding or
replacing the edition's version, `latest` moved to it (a redirect, so every old address keeps
working), and the site's root redirecting to `latest`. Older editions stay at their own
addresses. It pushes only when asked, and it never touches the working tree's other files or
branches (mike commits to gh-pages directly; the PDF is written to a temporary folder and
handed to the site's hooks, as the build does).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.gitsource import git
from handbook.presentation.wording import edition_label

BRANCH = "gh-pages"
ALIAS = "latest"


def _environment(data_dir: Path, pdf_file: Path | None = None) -> dict[str, str]:
    """mike runs `mkdocs build` as a program: ours (the venv's) first on PATH, data and PDF passed on."""
    env = os.environ.copy()
    env["HANDBOOK_PDF"] = str(pdf_file or "")  # the only PDF the site publishes (handbook.site.adapter)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["HANDBOOK_DATA"] = str(data_dir)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env["HANDBOOK_VERSIONED"] = "1"  # the site shows the edition switcher (handbook.site.adapter)
    return env


def _check_repository(project: Path) -> None:
    if git("rev-parse", "--show-toplevel", cwd=project).returncode != 0:
        raise HandbookUserError(f"{project} is not in a git repository; mike publishes to the repository's {BRANCH} branch, so run `git init` and commit first", status=1)
    if git("rev-parse", "--verify", "--quiet", "HEAD", cwd=project).returncode != 0:
        raise HandbookUserError("the repository has no commits yet; commit the handbook first, then publish", status=1)


def mike(args: list[str], project: Path, data_dir: Path, pdf_file: Path | None = None) -> None:
    """Run one mike command; its failure is reported with mike's own words, not a traceback."""
    command = [str(Path(sys.executable).parent / "mike"), *args]
    done = subprocess.run(command, cwd=project, env=_environment(data_dir, pdf_file), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise HandbookUserError(f"mike {args[0]} failed:\n" + "\n".join(detail), status=1)


def publish(data_dir: Path, push: bool = False, *, pdf: bool = True, config_file: Path = Path("mkdocs.yml")) -> str:
    """Deploy the edition in `data_dir` as a version with the alias `latest`; say what was done.

    Args:
        data_dir: the data folder of the edition to publish.
        push: also push gh-pages to the remote `origin`.
        pdf: build the PDF edition into the version (off only in quick tests).
        config_file: the project's mkdocs.yml; mike builds the site from its folder.
    """
    from handbook.commands.build import write_pdf_into
    from handbook.site.data import handbook_for

    config_file = Path(config_file).resolve()
    if not config_file.is_file():
        raise HandbookUserError(f"there is no {config_file.name} in {config_file.parent}; publish from the project folder", status=2)
    project = config_file.parent
    data_dir = Path(data_dir).resolve()
    _check_repository(project)
    handbook = handbook_for(data_dir)  # validated: a HandbookUserError listing the problems
    edition = handbook.authority.edition.id
    pushing = ["--push"] if push else []
    config = ["--config-file", str(config_file)]
    title = edition_label(handbook)
    # The PDF outside docs/: the site publishes only the one handed over (handbook.site.adapter).
    with tempfile.TemporaryDirectory(prefix=".handbook-pdf-") as folder:
        pdf_file = write_pdf_into(handbook, data_dir, Path(folder), config_file) if pdf else None
        mike(["deploy", *config, "--update-aliases", "--alias-type", "redirect", "--title", title, *pushing, edition, ALIAS], project, data_dir, pdf_file)
        mike(["set-default", *config, *pushing, ALIAS], project, data_dir, pdf_file)
    where = f"{BRANCH} (pushed to origin)" if push else f"the local {BRANCH} branch (not pushed; `make publish PUSH=1` pushes)"
    return f"Published the {edition} edition as {edition!r} with the alias {ALIAS!r} to {where}."
