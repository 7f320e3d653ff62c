"""The ProperDocs adapter (the default generator) and the registry `handbook.site.generators`."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from handbook.core.errors import HandbookUserError
from handbook.site import generators
from handbook.site.generators import properdocs
from handbook.site.prepare import prepare
from tests.site.helpers import make_project


@pytest.fixture()
def prepared(tmp_path, sample_data, sample_handbook) -> Path:
    project = make_project(tmp_path / "project", sample_data)
    return prepare(sample_handbook, sample_data, project / "mkdocs.yml", tmp_path / "config")


def test_properdocs_is_the_default_and_both_mkdocs_family_generators_are_available():
    assert generators.DEFAULT == "properdocs" == generators.NAMES[0]
    assert {"properdocs", "mkdocs"} <= set(generators.available())


def test_an_unknown_generator_or_one_without_an_adapter_is_a_clear_error(monkeypatch, tmp_path):
    with pytest.raises(HandbookUserError, match="'hugo' is not a site generator") as error:
        generators.run("hugo", tmp_path / "mkdocs.yml", tmp_path / "site")
    assert error.value.status == 2
    monkeypatch.setattr(generators, "NAMES", (*generators.NAMES, "nosuch"))
    with pytest.raises(HandbookUserError, match=r"no adapter .*generators/nosuch\.py.*--generator properdocs"):
        generators.adapter("nosuch")


def test_the_prepared_sample_builds_with_properdocs_and_says_so(prepared, tmp_path):
    properdocs.build(prepared, tmp_path / "site")
    home = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs ' in home
    assert (tmp_path / "site" / "downloads" / "charges.csv").is_file()
    assert properdocs.theme_dirs(prepared)[0] == tmp_path / "project" / "overrides"
    assert (properdocs.theme_dirs(prepared)[1] / "partials" / "javascripts").is_dir()  # Material's


def test_a_failing_macro_fails_the_build_with_its_message_in_this_process_or_another(prepared, tmp_path):
    role = tmp_path / "project" / "docs" / "role.md"
    role.write_text("---\nrender_macros: true\n---\n# Role\n\n{{ no_such_macro() }}\n", encoding="utf-8")
    with pytest.raises(HandbookUserError, match="did not build") as error:
        properdocs.build(prepared, tmp_path / "site")
    assert error.value.status == 1
    # Where MkDocs itself is loaded (ProperDocs cannot share a process with it), in a child.
    child = subprocess.run([sys.executable, "-m", "handbook.site.generators.properdocs", str(prepared), str(tmp_path / "site2")],
                           capture_output=True, text=True, env=dict(os.environ, DISABLE_MKDOCS_2_WARNING="true"))
    assert child.returncode == 1 and "no_such_macro" in child.stderr
    with pytest.raises(HandbookUserError, match="no_such_macro"):
        generators.child(["-m", "handbook.site.generators.properdocs", str(prepared), str(tmp_path / "site3")], "ProperDocs")


def test_warnings_are_read_from_the_log_of_a_mkdocs_family_build():
    log = "INFO    -  Cleaning\nWARNING -  Doc file 'a.md' contains a link 'b.md', but the target is not found.\nAborted with 1 warnings in strict mode!"
    assert generators.messages(log) == "Doc file 'a.md' contains a link 'b.md', but the target is not found."
    assert generators.messages("Traceback: boom\n") == "Traceback: boom"
