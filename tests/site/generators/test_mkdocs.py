"""The MkDocs adapter, and the promise that ProperDocs (the default) builds what MkDocs built."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from handbook.commands.build import build
from handbook.core.errors import HandbookUserError
from handbook.site.generators import mkdocs
from tests.site.helpers import make_project

_GENERATOR_TAG = re.compile(rb'<meta name="generator" content="[^"]*">')


@pytest.fixture(scope="module")
def mkdocs_site(tmp_path_factory, sample_data) -> Path:
    """The sample, site and PDF, built by `handbook build --generator mkdocs` as `make site` builds."""
    project = make_project(tmp_path_factory.mktemp("mkdocs") / "project", sample_data)
    cwd = os.getcwd()
    os.chdir(project)
    try:
        build(Path("data"), Path("site"), pdf=True, generator="mkdocs")
    finally:
        os.chdir(cwd)
    return project / "site"


def _files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}


def test_properdocs_builds_the_same_site_as_mkdocs_but_for_the_generator_tag(built_site, mkdocs_site):
    default, legacy = _files(built_site), _files(mkdocs_site)
    assert sorted(default) == sorted(legacy)
    assert 'content="mkdocs-ProperDocs ' in default["index.html"].decode() and 'content="mkdocs-1.' in legacy["index.html"].decode()

    def normalised(content: bytes) -> bytes:
        return _GENERATOR_TAG.sub(b"", content)

    assert [name for name in default if normalised(default[name]) != normalised(legacy[name])] == []


def test_a_mkdocs_build_failure_carries_mkdocs_own_words(tmp_path, sample_data, sample_handbook):
    from handbook.site.prepare import prepare

    project = make_project(tmp_path / "project", sample_data)
    (project / "docs" / "role.md").write_text("# Role\n\nSee [the missing page](nowhere.md).\n", encoding="utf-8")
    config = prepare(sample_handbook, sample_data, project / "mkdocs.yml", tmp_path / "config")
    with pytest.raises(HandbookUserError, match=r"(?s)did not build \(MkDocs\).*nowhere\.md") as error:
        mkdocs.build(config, tmp_path / "site")
    assert error.value.status == 1
    assert mkdocs.theme_dirs(config)[0] == project / "overrides"
