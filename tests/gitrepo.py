"""A throwaway git repository for tests of editions read from refs and of publishing."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path


def git_in(folder: Path) -> Callable[..., str]:
    """A function running `git ARGS` in `folder` (checked), returning its output."""

    def run(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True, text=True).stdout

    return run


def new_repo(folder: Path) -> Callable[..., str]:
    """`git init` on branch main with a committer set; returns the runner for that folder."""
    run = git_in(folder)
    run("init", "-q", "-b", "main")
    run("config", "user.email", "officer@westmarch.example")
    run("config", "user.name", "Officer")
    return run
