"""publish: the current edition -> a version on the gh-pages branch, side by side with the others.

Input: the data folder (its `authority.yaml` names the edition: the version is never typed a
second time) and the project folder with mkdocs.yml. Output: a commit on `gh-pages` adding or
replacing the edition's folder, `latest/` redirecting to it (so every old address keeps
working), the site's root redirecting to `latest/`, and `versions.json`, the list the theme's
edition switcher reads (mike's format: `[{"version", "title", "aliases"}]`, newest first).
Older editions stay at their own addresses. It pushes only when asked, and it never touches the
working tree's other files or branches: the gh-pages commit is made from a temporary folder and
a temporary index (`git commit-tree`), as mike makes its own.

Two ways, one result: by default `handbook build` makes the edition (whichever generator it
runs) and this module writes the gh-pages tree itself (`deploy`); `with_mike=True` hands the
build and the commit to mike, for a project that already publishes with it (mike runs
`mkdocs build`, so only where MkDocs or ProperDocs provides that program). The PDF is written to
a temporary folder and handed to the site, as the build does.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from handbook.core.errors import HandbookUserError
from handbook.data.gitsource import git
from handbook.presentation.wording import edition_label

BRANCH = "gh-pages"
ALIAS = "latest"
VERSIONS = "versions.json"
VERSIONED = "HANDBOOK_VERSIONED"  # the site shows the edition switcher (handbook.site.adapter, prepare)
# The page an alias or the root serves instead of a copy: the same page as mike's redirect
# template, so addresses, query and fragment carry over whichever way an edition was published.
REDIRECT = """<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <title>Redirecting</title>
  <noscript>
    <meta http-equiv="refresh" content="1; url={href}" />
  </noscript>
  <script>
    window.location.replace(
      "{href}" + window.location.search + window.location.hash
    );
  </script>
</head>
<body>
  Redirecting to <a href="{href}">{href}</a>...
</body>
</html>
"""


def _environment(data_dir: Path, pdf_file: Path | None = None) -> dict[str, str]:
    """mike runs `mkdocs build` as a program: ours (the venv's) first on PATH, data and PDF passed on."""
    env = os.environ.copy()
    env["HANDBOOK_PDF"] = str(pdf_file or "")  # the only PDF the site publishes (handbook.site.adapter)
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    env["HANDBOOK_DATA"] = str(data_dir)
    env["NO_MKDOCS_2_WARNING"] = "1"
    env[VERSIONED] = "1"
    return env


def _check_repository(project: Path) -> None:
    if git("rev-parse", "--show-toplevel", cwd=project).returncode != 0:
        raise HandbookUserError(f"{project} is not in a git repository; editions are published to the repository's {BRANCH} branch, so run `git init` and commit first", status=1)
    if git("rev-parse", "--verify", "--quiet", "HEAD", cwd=project).returncode != 0:
        raise HandbookUserError("the repository has no commits yet; commit the handbook first, then publish", status=1)


def mike(args: list[str], project: Path, data_dir: Path, pdf_file: Path | None = None) -> None:
    """Run one mike command; its failure is reported with mike's own words, not a traceback."""
    command = [str(Path(sys.executable).parent / "mike"), *args]
    done = subprocess.run(command, cwd=project, env=_environment(data_dir, pdf_file), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        detail = (done.stderr or done.stdout).strip().splitlines()[-15:]
        raise HandbookUserError(f"mike {args[0]} failed:\n" + "\n".join(detail), status=1)


def versions_after(versions: list[dict], edition: str, title: str, alias: str = ALIAS) -> list[dict]:
    """`versions` (versions.json's list) with `edition` added or retitled and holding `alias`
    alone, newest first by the numbers in the version (as mike orders them).

    Why by numbers: `2026-27` after `2025-26`, and `2030-31` after `2029-30`, whatever order the
    editions were published in (an old edition republished to correct it stays below).
    """
    kept = [dict(v, aliases=[a for a in v.get("aliases", []) if a != alias]) for v in versions if v["version"] != edition]
    before = next((v for v in versions if v["version"] == edition), {})
    aliases = [a for a in before.get("aliases", []) if a != alias] + [alias]
    key = lambda v: [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", v["version"])]  # noqa: E731
    return sorted([*kept, {**before, "version": edition, "title": title, "aliases": aliases}], key=key, reverse=True)


def _redirect(href: str) -> str:
    return REDIRECT.format(href=html.escape(href, quote=True))


def _write_edition(tree: Path, site: Path, edition: str, alias: str) -> None:
    """`site` as `tree/<edition>/`, and `tree/<alias>/` a redirect for each of its pages."""
    for name in (edition, alias):
        shutil.rmtree(tree / name, ignore_errors=True)
    shutil.copytree(site, tree / edition)
    for page in site.rglob("*.html"):
        relative = page.relative_to(site)
        target = tree / alias / relative
        href = os.path.relpath(tree / edition / relative, target.parent).replace(os.sep, "/")
        if href.endswith("index.html"):  # directory addresses, as the site links them
            href = href[: -len("index.html")] or "./"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(_redirect(href), encoding="utf-8")


def _git(project: Path, *args: str, env: dict | None = None, data: bytes | None = None) -> str:
    done = subprocess.run(["git", *args], cwd=project, env=env, input=data, capture_output=True, check=False)
    if done.returncode != 0:
        raise HandbookUserError(f"git {args[0]} failed while publishing: {done.stderr.decode(errors='replace').strip()}", status=1)
    return done.stdout.decode().strip()


def deploy(project: Path, site: Path, edition: str, title: str, push: bool = False, alias: str = ALIAS) -> None:
    """Commit the built `site` to gh-pages as `edition`, with `alias` and the root redirecting to it.

    Why a temporary tree and index: the branch is read and written without a checkout, so the
    working tree, the current branch and the officer's staged changes are never touched.
    """
    exists = git("rev-parse", "--verify", "--quiet", f"refs/heads/{BRANCH}", cwd=project).returncode == 0
    with tempfile.TemporaryDirectory(prefix=".handbook-publish-") as folder:
        tree = Path(folder) / "tree"
        tree.mkdir()
        if exists:
            archive = subprocess.run(["git", "archive", BRANCH], cwd=project, capture_output=True, check=True).stdout
            subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
        versions = json.loads((tree / VERSIONS).read_text(encoding="utf-8")) if (tree / VERSIONS).is_file() else []
        _write_edition(tree, site, edition, alias)
        (tree / VERSIONS).write_text(json.dumps(versions_after(versions, edition, title, alias), indent=2) + "\n", encoding="utf-8")
        (tree / "index.html").write_text(_redirect(f"{alias}/"), encoding="utf-8")
        (tree / ".nojekyll").write_text("", encoding="utf-8")  # GitHub Pages serves the files as they are
        env = dict(os.environ, GIT_INDEX_FILE=str(Path(folder) / "index"))
        _git(project, f"--work-tree={tree}", "add", "--all", "--force", ".", env=env)
        tree_id = _git(project, "write-tree", env=env)
        parent = ["-p", BRANCH] if exists else []
        head = _git(project, "rev-parse", "--short", "HEAD")
        commit = _git(project, "commit-tree", tree_id, *parent, "-m", f"Deployed {head} to {edition} with handbook publish")
        _git(project, "update-ref", f"refs/heads/{BRANCH}", commit)
    if push:
        _git(project, "push", "origin", f"{BRANCH}:{BRANCH}")


def _build_edition(data_dir: Path, site: Path, pdf: bool, config_file: Path, generator: str | None) -> None:
    """`handbook build` of the edition into `site`, with the edition switcher shown."""
    from handbook.commands.build import build

    options = {"generator": generator} if generator else {}
    old = os.environ.get(VERSIONED)
    os.environ[VERSIONED] = "1"
    try:
        build(data_dir, site, pdf=pdf, config_file=config_file, **options)
    finally:
        if old is None:
            os.environ.pop(VERSIONED, None)
        else:
            os.environ[VERSIONED] = old


def publish(data_dir: Path, push: bool = False, *, pdf: bool = True, config_file: Path = Path("mkdocs.yml"), with_mike: bool = False, generator: str | None = None) -> str:
    """Deploy the edition in `data_dir` as a version with the alias `latest`; say what was done.

    Args:
        data_dir: the data folder of the edition to publish.
        push: also push gh-pages to the remote `origin`.
        pdf: build the PDF edition into the version (off only in quick tests).
        config_file: the project's mkdocs.yml; the site is built from its folder.
        with_mike: let mike build and commit (it must be installed), as before issue 15.
        generator: the site generator `handbook build` runs (its default when None); not with mike.
    """
    config_file = Path(config_file).resolve()
    if not config_file.is_file():
        raise HandbookUserError(f"there is no {config_file.name} in {config_file.parent}; publish from the project folder", status=2)
    if with_mike:
        if generator is not None:  # mike runs `mkdocs build` itself: another generator cannot be honoured
            raise HandbookUserError("--generator cannot be used with --with-mike: mike builds with MkDocs itself", status=2)
        return _publish_with_mike(Path(data_dir), push, pdf, config_file)
    from handbook.site.data import handbook_for

    project = config_file.parent
    data_dir = Path(data_dir).resolve()
    _check_repository(project)
    handbook = handbook_for(data_dir)  # validated: a HandbookUserError listing the problems
    edition = handbook.authority.edition.id
    with tempfile.TemporaryDirectory(prefix=".handbook-edition-") as folder:
        site = Path(folder) / "site"
        _build_edition(data_dir, site, pdf, config_file, generator)
        deploy(project, site, edition, edition_label(handbook), push)
    return _said(edition, push)


def _said(edition: str, push: bool) -> str:
    where = f"{BRANCH} (pushed to origin)" if push else f"the local {BRANCH} branch (not pushed; `make publish PUSH=1` pushes)"
    return f"Published the {edition} edition as {edition!r} with the alias {ALIAS!r} to {where}."


def _publish_with_mike(data_dir: Path, push: bool, pdf: bool, config_file: Path) -> str:
    """The edition built and committed by mike (`mike deploy`, then `mike set-default`)."""
    from handbook.commands.build import write_pdf_into
    from handbook.site.data import handbook_for

    if not (Path(sys.executable).parent / "mike").is_file():
        raise HandbookUserError("mike is not installed in this environment; publish without --with-mike, or `pip install mike`", status=2)
    project = config_file.parent
    data_dir = data_dir.resolve()
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
    return _said(edition, push)
