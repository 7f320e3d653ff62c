"""`make serve` (`properdocs serve --dirty` on the project's mkdocs.yml, through the hooks): one
build per edit, of what the edit changed; no page older than the data; the same pages as a build."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.site import project_copy
from handbook.site import guard, serving


def _project(root: Path, target: Path) -> Path:
    """The project as bench.site copies it (generated pages left behind), with its data."""
    project = project_copy(target, root)
    shutil.copytree(root / "data", project / "data")
    return project


# --- the server itself -------------------------------------------------------------------------

class _Server:
    def __init__(self, project: Path) -> None:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            self.port = s.getsockname()[1]
        self.log = project / "serve.log"
        env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true")
        env.pop("HANDBOOK_DATA", None)
        with self.log.open("w", encoding="utf-8") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{self.port}", "--dirty"],
                cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
            )

    def text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")

    def page(self, path: str) -> str | None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/{path}", timeout=30) as response:
                return response.read().decode("utf-8")
        except urllib.error.HTTPError as error:
            return None if error.code == 404 else f"HTTP {error.code}"
        except OSError:
            return "unreachable"

    def wait(self, path: str, expect, timeout: float = 120) -> str | None:
        deadline = time.monotonic() + timeout
        body = None
        while time.monotonic() < deadline:
            assert self.process.poll() is None, self.text()[-3000:]
            body = self.page(path)
            if expect(body):
                return body
            time.sleep(0.2)
        raise AssertionError(f"{path}: not as expected after {timeout:.0f} s; log:\n{self.text()[-3000:]}")

    def settle(self, quiet: float = 3.0, timeout: float = 180) -> tuple[int, int]:
        """(builds started, browsers reloaded) once no build has run or started for `quiet` s."""
        deadline, last, since = time.monotonic() + timeout, None, time.monotonic()
        while time.monotonic() < deadline:
            text = self.text()
            now = (text.count("Building documentation"), text.count("Reloading browsers"), text.count("Documentation built"), text.count("An error happened"))
            if now != last:
                last, since = now, time.monotonic()
            elif now[0] == now[2] + now[3] and time.monotonic() - since >= quiet:
                return now[0], now[1]
            time.sleep(0.1)
        raise AssertionError(f"still building after {timeout:.0f} s:\n{self.text()[-3000:]}")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()


def _replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_each_edit_is_built_once_and_no_served_page_is_older_than_the_data(tmp_path, root):
    project = _project(root, tmp_path / "project")
    services = project / "data" / "services.yaml"
    server = _Server(project)
    try:
        server.wait("services/school-finance-support/", lambda b: b and "School Finance Support" in b)
        builds, reloads = server.settle()
        assert builds == 1, server.text()  # the first build no longer sets off a second one

        # An edit of one service's name: its page, and every page that prints it, in one build.
        _replace(services, "    name: School Finance Support\n", "    name: School Finance and Budget Support\n")
        server.wait("services/school-finance-support/", lambda b: b and "School Finance and Budget Support" in b)
        assert server.settle() == (builds + 1, reloads + 1)
        builds, reloads = builds + 1, reloads + 1
        for path in ("catalogue/", "prices/", "schools/maintained/"):
            body = server.page(path)
            assert body and "School Finance and Budget Support" in body and "School Finance Support<" not in body, path

        # A service made internal: its built page goes, and no page links to it.
        _replace(services, "    name: EAL and Traveller Education Support\n", "    name: EAL and Traveller Education Support\n    visibility: internal\n")
        server.wait("services/eal-traveller-support/", lambda b: b is None)
        assert server.settle() == (builds + 1, reloads + 1)
        assert "eal-traveller-support" not in server.page("catalogue/")
        builds, reloads = builds + 1, reloads + 1

        # An error in the data shows in the terminal, as before; the fix is served after it.
        _replace(services, "    name: School Finance and Budget Support\n", "    name: ''\n")
        deadline = time.monotonic() + 60
        while "services.yaml" not in server.text().split("Detected file changes")[-1] and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "services.yaml" in server.text().split("Detected file changes")[-1], server.text()[-3000:]
        _replace(services, "    name: ''\n", "    name: School Finance Support Fixed\n")
        server.wait("services/school-finance-support/", lambda b: b and "School Finance Support Fixed" in b)
        assert "School Finance Support Fixed" in server.page("catalogue/")
        assert server.settle()[1] == reloads + 1  # the failed build reloaded nothing
    finally:
        server.stop()


def test_a_page_the_guard_stops_is_not_served(tmp_path, root):
    """The guard still reads what a serve build writes, and no page it stopped is ever served."""
    project = _project(root, tmp_path / "project")
    server = _Server(project)
    try:
        server.wait("catalogue/", lambda b: b and "<h1" in b)
        server.settle()
        (project / "docs" / "hostile.md").write_text('# Hostile\n\n<img src="x" onerror="alert(1)">\n', encoding="utf-8")
        deadline = time.monotonic() + 120
        while "an event handler attribute" not in server.text() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert "hostile/index.html: <img onerror=...>: an event handler attribute" in server.text()
        # The server serves nothing until a build passes (ProperDocs waits for it); then all is built again.
        (project / "docs" / "hostile.md").unlink()
        server.wait("catalogue/", lambda b: b and "<h1" in b)
        assert server.page("hostile/") is None
    finally:
        server.stop()


# --- the same pages as a build -----------------------------------------------------------------

SAME_PAGES = textwrap.dedent("""
    import logging, sys, tempfile
    import properdocs.replacement
    from properdocs.commands.build import build
    from properdocs.config import load_config
    logging.basicConfig(level=logging.ERROR)
    for command, site in (("build", sys.argv[2]), ("serve", sys.argv[3])):
        config = load_config(sys.argv[1], site_dir=site, strict=True)
        config.plugins.on_startup(command=command, dirty=False)
        build(config)
""")


def test_serve_builds_the_same_pages_as_a_build_with_blank_lines_and_markup_in_the_data(tmp_path, root):
    """Markdown skips the HTML blocks in `serve` (`serving.stash`, `stash_blocks`): byte for byte the same site,
    with summaries whose blank lines and tags would end or open a block if they were not escaped."""
    project = _project(root, tmp_path / "project")
    services = project / "data" / "services.yaml"
    hostile = "    summary: |\n      Teachers who help schools.\n\n      </li></ul><section> after a blank line <b>x</b>\n\n      <p>third</p>\n"
    lines = services.read_text(encoding="utf-8").splitlines(keepends=True)
    services.write_text("".join(hostile if line.startswith("    summary: ") else line for line in lines), encoding="utf-8")
    built, served = tmp_path / "built", tmp_path / "served"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    done = subprocess.run([sys.executable, "-c", SAME_PAGES, str(project / "mkdocs.yml"), str(built), str(served)],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    pages = sorted(p.relative_to(built) for p in built.rglob("*.html"))
    assert len(pages) > 60 and pages == sorted(p.relative_to(served) for p in served.rglob("*.html"))
    assert [p for p in pages if (built / p).read_bytes() != (served / p).read_bytes()] == []
    assert "after a blank line &lt;b&gt;x&lt;/b&gt;" in (built / "schools" / "maintained" / "index.html").read_text(encoding="utf-8")


ONE_BUILD = SAME_PAGES.replace('(("build", sys.argv[2]), ("serve", sys.argv[3]))', '(("build", sys.argv[2]),)')
assert ONE_BUILD != SAME_PAGES
SERVED_AFTER_EDITS = textwrap.dedent("""
    import logging, pathlib, sys
    import properdocs.replacement
    from properdocs.commands.build import build
    from properdocs.config import load_config
    logging.basicConfig(level=logging.ERROR)
    config_file, site, services = sys.argv[1:4]
    edits = [line.split("=>") for line in sys.argv[4:]]
    config = load_config(config_file, site_dir=site, strict=True)
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, dirty=True)
    for old, new in edits:  # as the server's builder does after each save: the config read again
        path = pathlib.Path(services)
        path.write_text(path.read_text(encoding="utf-8").replace(old.replace("|", chr(10)), new.replace("|", chr(10)), 1), encoding="utf-8")
        build(load_config(config_file, site_dir=site, strict=True), dirty=True)
""")


def test_the_site_a_serve_keeps_across_edits_is_the_site_a_build_makes(tmp_path, root):
    """Each edit rebuilds only what changed, from outputs kept between builds (`handbook.site.reuse`):
    after a renamed service, a renamed related service and a service made internal, every page and
    download is byte for byte what a one-off build of the edited data writes."""
    project = _project(root, tmp_path / "project")
    edits = ["    name: School Finance Support|=>    name: School Finance & Budget Support|",
             "    name: Behaviour Support Service|=>    name: Behaviour & Inclusion Support|",
             "    name: EAL and Traveller Education Support|=>    name: EAL and Traveller Education Support|    visibility: internal|"]
    served, built = tmp_path / "served", tmp_path / "built"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    env.pop("HANDBOOK_DATA", None)
    done = subprocess.run([sys.executable, "-c", SERVED_AFTER_EDITS, str(project / "mkdocs.yml"), str(served), str(project / "data" / "services.yaml"), *edits],
                          cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    done = subprocess.run([sys.executable, "-c", ONE_BUILD, str(project / "mkdocs.yml"), str(built)], cwd=project, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    files = sorted(p.relative_to(built) for p in built.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".ics"))
    assert len(files) > 60 and files == sorted(p.relative_to(served) for p in served.rglob("*") if p.is_file() and p.suffix in (".html", ".json", ".csv", ".ics"))
    assert [p for p in files if (built / p).read_bytes() != (served / p).read_bytes()] == []
    assert "School Finance &amp; Budget Support" in (served / "services" / "school-finance-support" / "index.html").read_text(encoding="utf-8")
    assert not (served / "services" / "eal-traveller-support").exists()


# --- the pieces --------------------------------------------------------------------------------

def _session() -> serving.Session:
    session = serving.Session()
    serving.start(session, "serve", dirty=True)
    return session


def test_outside_serve_nothing_changes():
    session = serving.Session()
    serving.start(session, "build", dirty=False)
    functions = {"f": lambda: "\n\n<div>x</div>\n\n"}
    assert serving.stash(session, functions) is functions
    assert serving.stash_blocks(session, "<div>x</div>\n\ntext") == "<div>x</div>\n\ntext"


def test_only_whole_blocks_outside_any_element_are_stashed_and_put_back():
    session = _session()
    markdown = "# Title\n\n<ul>\n<li>a</li>\n</ul>\n\n## Next\n\n<ul>\n<li>one\n\ntwo</li>\n<li>three</li>\n</ul>\n\n<p>last</p>"
    stashed = serving.stash_blocks(session, markdown)
    chunks = stashed.split("\n\n")
    assert chunks[0] == "# Title" and chunks[2] == "## Next" and "data-hb-stash" in chunks[1]
    assert chunks[3:6] == ["<ul>\n<li>one", "two</li>\n<li>three</li>\n</ul>", chunks[5]]  # inside an open <ul>: left to Markdown
    assert "data-hb-stash" in chunks[5] and "<p>last</p>" not in stashed
    assert serving.unstash(session, stashed) == markdown


def test_a_macro_returning_one_block_is_stashed_others_are_not():
    session = _session()
    functions = serving.stash(session, {"block": lambda: "\n\n<div>x</div>\n\n", "two": lambda: "\n\n<p>a</p>\n\n<p>b</p>\n\n", "text": lambda: "**3**"})
    placeholder = functions["block"]()
    assert "data-hb-stash" in placeholder and "<div>x</div>" not in placeholder
    assert functions["two"]() == "\n\n<p>a</p>\n\n<p>b</p>\n\n" and functions["text"]() == "**3**"
    assert serving.unstash(session, f"<h1>T</h1>\n{placeholder.strip()}") == "<h1>T</h1>\n<div>x</div>"


TAG_PIECES = ["<p>", "</p>", "<br>", "<BR/>", "</br>", "<br <p>", "<a/>", "<a href='x/'>", "</a>", "<p/ >", "<img src=x>", "<brx>",
              "</brx>", "<br-x>", "x", "<", ">", "/", "</ p>", "<Div>", "</DIV>", "<wbr>", "<hr/>", "</p/>", "<p a='/'/>", "\n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TAG_PIECES), max_size=12), st.integers(min_value=0, max_value=2))
def test_tags_are_counted_as_the_lazy_pattern_counted_them(pieces, depth):
    """`_TAG` is greedy for speed; it finds the same tags, names and self-closings as the plain lazy pattern."""
    text = "".join(pieces)
    assert serving._TAG.findall(text) == re.findall(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>", text)


class _Config(dict):
    pass


def _config(tmp_path: Path) -> _Config:
    (tmp_path / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    config = _Config(site_name="S", site_description="D", copyright="C", site_url="http://127.0.0.1:1/", extra={}, nav=[],
                     config_file_path=str(tmp_path / "mkdocs.yml"), site_dir=str(tmp_path / "site"), plugins={})
    config["theme"] = {"logo": None, "favicon": None}
    return config


def test_a_partial_build_removes_what_it_must_write_again_and_a_changed_frame_empties_the_site(tmp_path):
    docs, site = tmp_path / "docs", tmp_path / "site"
    (docs / "services").mkdir(parents=True)
    (docs / "prose.md").write_text("---\nrender_macros: false\n---\n# Prose\n", encoding="utf-8")
    (docs / "macro.md").write_text("---\nrender_macros: true\n---\n# {{ x }}\n", encoding="utf-8")
    (docs / "services" / "a.md").write_text("# A\n", encoding="utf-8")
    pages = [(f"{n}.md", str(docs / f"{n}.md"), str(site / n / "index.html")) for n in ("prose", "macro", "services/a")]
    for name in ("prose", "macro", "services/a", "services/gone"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<p>old</p>", encoding="utf-8")
    session, config = _session(), _config(tmp_path)
    serving.choose_pages(session, config, pages)  # no build finished yet: everything again
    assert list(site.iterdir()) == [] and serving.written_since(session) is None
    for name in ("prose", "macro", "services/a", "services/gone"):
        (site / name).mkdir(parents=True)
        (site / name / "index.html").write_text("<p>old</p>", encoding="utf-8")
    serving.finished(session)
    serving.choose_pages(session, config, pages)
    assert (site / "prose" / "index.html").is_file() and (site / "services" / "a" / "index.html").is_file()
    assert not (site / "macro" / "index.html").exists() and not (site / "services" / "gone").exists()
    assert serving.written_since(session) is not None
    serving.choose_pages(session, config, pages)  # the last build did not finish: everything again
    assert list(site.iterdir()) == []
    serving.finished(session)
    config["site_name"] = "Renamed"
    (site / "prose").mkdir()
    serving.choose_pages(session, config, pages)
    assert list(site.iterdir()) == []


def test_the_guard_reads_only_pages_written_since_a_partial_build_began(tmp_path, root):
    site = tmp_path / "site"
    (site / "old").mkdir(parents=True)
    (site / "new").mkdir()
    (site / "old" / "index.html").write_text('<img src="x" onerror="a()">', encoding="utf-8")
    past = time.time() - 60
    os.utime(site / "old" / "index.html", (past, past))
    (site / "new" / "index.html").write_text('<a href="javascript:a()">x</a>', encoding="utf-8")
    allowance = guard.theme_allowance([root / "overrides"])
    assert [f.file for f in guard.check_site(site, allowance, since=time.time() - 30)] == ["new/index.html"]
    assert [f.file for f in guard.check_site(site, allowance)] == ["new/index.html", "old/index.html"]


@pytest.mark.parametrize("front, expected", [("render_macros: true", True), ("render_macros: false", False), ("title: x", False), ("[", True)])
def test_a_page_renders_data_when_its_front_matter_says_so(tmp_path, front, expected):
    page = tmp_path / "p.md"
    page.write_text(f"---\n{front}\n---\n# P\n", encoding="utf-8")
    assert serving.renders_data(page, by_default=False) is expected
