"""make publish: two editions deployed to gh-pages in a temporary git repository, served over
HTTP on 127.0.0.1 and checked: versions.json, `latest` -> the newer edition, the older edition
still at its own address, the PDF inside the version. Each check runs on three publications:
both editions by mike, both by `handbook publish` without it (whatever generator the build
runs), and the older by mike then the newer without it (a project leaving mike keeps its
published editions)."""

from __future__ import annotations

import functools
import http.server
import json
import shutil
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from handbook.commands.publish import publish, versions_after
from handbook.core.errors import HandbookUserError
from bench.site import project_copy
from tests.gitrepo import git_in, new_repo

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ROOT / "tests" / "cases" / "editions"


def _git(cwd: Path, *args: str) -> str:
    return git_in(cwd)(*args)


def _project(where: Path) -> Path:
    """A copy of the project's site sources with the fixture editions as its data, committed."""
    project_copy(where, ROOT)
    shutil.copytree(EDITIONS / "2026-27", where / "data")
    shutil.copytree(EDITIONS / "2025-26", where / "data" / "archive" / "2025-26")
    authority = where / "data" / "authority.yaml"
    authority.write_text(authority.read_text().replace("previous: ../2025-26", "previous: archive/2025-26"))
    new_repo(where)
    _git(where, "add", ".")
    _git(where, "commit", "-q", "-m", "The handbook")
    return where


# How the older and the newer edition are published: with mike or not.
WAYS = {"mike": (True, True), "without mike": (False, False), "mike then without": (True, False)}


@pytest.fixture(scope="module", params=list(WAYS))
def published(request, tmp_path_factory: pytest.TempPathFactory, monkeypatch_module) -> dict:
    older, newer = WAYS[request.param]
    project = _project(tmp_path_factory.mktemp("project"))
    remote = tmp_path_factory.mktemp("remote")
    _git(remote, "init", "-q", "--bare")
    _git(project, "remote", "add", "origin", str(remote))
    monkeypatch_module.chdir(project)
    first = publish(Path("data/archive/2025-26"), pdf=False, with_mike=older)
    remote_after_first = _git(remote, "branch", "--list")
    second = publish(Path("data"), push=True, pdf=True, with_mike=newer)
    return {"project": project, "remote": remote, "messages": (first, second), "remote_after_first": remote_after_first}


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.fixture(scope="module")
def served(published: dict, tmp_path_factory: pytest.TempPathFactory):
    """The gh-pages tree, as a web server would serve it, on 127.0.0.1."""
    tree = tmp_path_factory.mktemp("gh-pages")
    archive = subprocess.run(["git", "archive", "gh-pages"], cwd=published["project"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(tree)], input=archive, check=True)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tree))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"

    def get(path: str) -> tuple[int, bytes]:
        with urllib.request.urlopen(base + path) as response:
            return response.status, response.read()

    yield get
    server.shutdown()


def test_versions_json_lists_both_editions_newest_first_with_latest_on_the_newer(served):
    status, body = served("/versions.json")
    assert status == 200
    versions = json.loads(body)
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026-27", ["latest"]), ("2025-26", [])]
    assert [v["title"] for v in versions] == ["2026-27 edition", "2025-26 edition"]


def test_both_editions_are_served_at_their_own_addresses(served):
    for edition in ("2025-26", "2026-27"):
        status, body = served(f"/{edition}/")
        assert status == 200 and b"Westmarch" in body
        assert b'"provider": "mike"' in body  # the edition switcher, fed by /versions.json
    # Each version's pages show its own data: the withdrawn service only in the older one.
    assert served("/2025-26/services/attendance-support/")[0] == 200
    with pytest.raises(urllib.error.HTTPError):
        served("/2026-27/services/attendance-support/")


def test_latest_and_the_site_root_redirect_to_the_newer_edition(served):
    _, latest = served("/latest/")
    assert b'url=../2026-27/"' in latest
    _, root = served("/")
    assert b'url=latest/"' in root
    _, deep = served("/latest/changes/")
    assert b'url=../../2026-27/changes/"' in deep


def test_the_newer_edition_shows_what_changed_and_the_older_says_it_is_first(served):
    _, newer = served("/2026-27/changes/")
    assert b"Music Education Service" in newer and b"above 3.8%" in newer
    _, older = served("/2025-26/changes/")
    assert b"first edition" in older


def test_the_pdf_is_published_inside_its_edition_only(served, published):
    status, pdf = served("/2026-27/pdf/westmarch-handbook-2026-27.pdf")
    assert status == 200 and pdf.startswith(b"%PDF")
    files = _git(published["project"], "ls-tree", "-r", "--name-only", "gh-pages").split()
    assert [f for f in files if f.endswith(".pdf")] == ["2026-27/pdf/westmarch-handbook-2026-27.pdf"]


def test_nothing_is_pushed_unless_asked(published):
    assert published["remote_after_first"] == ""
    local = _git(published["project"], "rev-parse", "gh-pages")
    assert _git(published["remote"], "rev-parse", "gh-pages") == local
    assert "not pushed" in published["messages"][0] and "pushed to origin" in published["messages"][1]


def test_publishing_leaves_the_main_branch_and_its_files_alone(published):
    project = published["project"]
    assert _git(project, "rev-parse", "--abbrev-ref", "HEAD").strip() == "main"
    assert _git(project, "log", "--oneline", "main").count("\n") == 1
    assert _git(project, "status", "--porcelain", "--untracked-files=no") == ""


@pytest.mark.parametrize("with_mike", [True, False])
def test_publishing_outside_a_git_repository_is_a_user_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_mike: bool):
    shutil.copy2(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    monkeypatch.chdir(tmp_path)
    with pytest.raises(HandbookUserError, match="not in a git repository"):
        publish(Path("data"), pdf=False, with_mike=with_mike)


def test_versions_are_listed_newest_first_whatever_order_they_were_published_in():
    versions = versions_after([], "2029-30", "2029-30 edition")
    versions = versions_after(versions, "2030-31", "2030-31 edition")
    versions = versions_after(versions, "2029-30", "2029-30 edition (corrected)")  # an old edition republished
    assert [(v["version"], v["title"], v["aliases"]) for v in versions] == [
        ("2030-31", "2030-31 edition", []),
        ("2029-30", "2029-30 edition (corrected)", ["latest"]),
    ]


def test_an_alias_other_than_latest_stays_with_its_edition():
    versions = versions_after([{"version": "2025-26", "title": "2025-26 edition", "aliases": ["latest", "archive"]}], "2026-27", "2026-27 edition")
    assert [(v["version"], v["aliases"]) for v in versions] == [("2026-27", ["latest"]), ("2025-26", ["archive"])]


@pytest.mark.parametrize("with_mike", [True, False])
def test_data_with_errors_is_refused_before_anything_is_deployed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_mike: bool):
    project = _project(tmp_path)
    services = project / "data" / "services.yaml"
    services.write_text(services.read_text().replace("unit: per hour", "unit: per hr", 1))
    monkeypatch.chdir(project)
    with pytest.raises(HandbookUserError, match="handbook validate"):
        publish(Path("data"), pdf=False, with_mike=with_mike)
    assert subprocess.run(["git", "rev-parse", "--verify", "--quiet", "gh-pages"], cwd=project).returncode != 0
