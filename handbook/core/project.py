"""project: where a handbook project's files are, and what its `mkdocs.yml` says about them.

Input: the path of the project's `mkdocs.yml` (the commands pass it; its default is the one in
the working folder). Output: a `Project`: its folder, its docs folder, its public address and
the pages of its nav in reading order. This is the one reader of `mkdocs.yml` outside the site
generator: the PDF takes its prose pages and their order from the nav, so the two cannot differ.
A project that is not there is a `HandbookUserError` naming the file; nothing is guessed.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from handbook.core.errors import HandbookUserError


@dataclass(frozen=True)
class NavPage:
    """One page of the nav: its file inside the docs folder and the title the nav gives it, if any."""

    path: str
    title: str | None


def _loader(environ: Mapping[str, str]) -> type[yaml.SafeLoader]:
    """A loader for mkdocs.yml as data: `!ENV [NAME, …, default]` read as MkDocs reads it from
    `environ`; any other tag (`!!python/name:` in Material's settings) becomes None."""

    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
        candidates, default = (names[:-1], names[-1]) if len(names) > 1 else (names, None)
        for name in candidates:
            if isinstance(name, str) and environ.get(name):
                return environ[name]
        return default

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    return Loader


def load_config(config_file: Path, environ: Mapping[str, str] | None = None) -> dict[str, Any]:
    """`mkdocs.yml` as a dict, its `!ENV` values taken from `environ` (default: this process's).

    Pass `environ={}` to read every `!ENV` as its default, as the sample project ships it.
    """
    try:
        config = yaml.load(Path(config_file).read_text(encoding="utf-8"), Loader=_loader(os.environ if environ is None else environ))
    except FileNotFoundError:
        raise HandbookUserError(f"there is no {Path(config_file).name} at {config_file}; run in the project folder, or pass its mkdocs.yml", status=2) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        raise HandbookUserError(f"{config_file} cannot be read: {error}", status=2) from None
    if not isinstance(config, dict):
        raise HandbookUserError(f"{config_file} is not a MkDocs configuration (a mapping of settings)", status=2)
    return config


def _nav_pages(items: Any) -> list[NavPage]:
    """The nav flattened in reading order: `- file.md`, `- Title: file.md` and sections of them."""
    pages: list[NavPage] = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, str):
            pages.append(NavPage(item, None))
        elif isinstance(item, dict):
            for title, value in item.items():
                if isinstance(value, str):
                    if not value.startswith(("http://", "https://")):
                        pages.append(NavPage(value, str(title)))
                else:
                    pages.extend(_nav_pages(value))
    return pages


@dataclass(frozen=True)
class Project:
    """A handbook project: `mkdocs.yml`, the docs folder beside it, and what the config says."""

    config_file: Path
    config: dict[str, Any]

    @property
    def root(self) -> Path:
        return self.config_file.parent

    @property
    def docs_dir(self) -> Path:
        return self.root / str(self.config.get("docs_dir") or "docs")

    @property
    def site_url(self) -> str | None:
        """The site's public address (`site_url`), when it is an http(s) address."""
        url = self.config.get("site_url")
        return url if isinstance(url, str) and url.startswith(("https://", "http://")) else None

    @property
    def nav(self) -> list[NavPage]:
        return _nav_pages(self.config.get("nav"))


def project_at(config_file: Path | str = "mkdocs.yml") -> Project:
    """The project whose `mkdocs.yml` is `config_file`; a `HandbookUserError` when there is none."""
    path = Path(config_file).resolve()
    project = Project(path, load_config(path))
    if not project.docs_dir.is_dir():
        raise HandbookUserError(f"{path} names the docs folder {project.docs_dir}, which does not exist", status=2)
    return project
