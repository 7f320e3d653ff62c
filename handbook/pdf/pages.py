"""pages: a project's nav -> the pages the book prints, in reading order, and where each begins.

Input: a `handbook.core.project.Project` (its nav, its docs folder). Output: `BookPage`s, each
with its role, its anchor in the book and whether it is an appendix; and `anchor_for`, which
turns a site address into the anchor of the part that prints it. This is the one table of the
book's parts (`PARTS`): links, the contents and the parts themselves all read it.

Rules, all data: a page whose front matter says `print: false` (the officers' guide) is not
printed, front matter read by MkDocs' own rule (`_FRONT_MATTER`); an appendix is a page whose
file name starts with `appendix` or whose first heading starts with "Appendix" (the latter is
known once the page is rendered, see `is_appendix`), and the price list and contacts. Reads the
docs' front matter; writes nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from handbook.core.project import Project

# Site pages the book prints from its own parts (data, not the site's screen-oriented page),
# and the home page that carries the foreword: file in docs/ -> (role, anchor of its part).
PARTS: dict[str, str] = {"index.md": "foreword", "catalogue.md": "catalogue", "prices.md": "prices", "contacts.md": "contacts"}
# Parts the book always carries, even when the nav has no page for them.
ALWAYS = ("catalogue", "prices", "contacts")
APPENDIX_PARTS = ("prices", "contacts")
# Prose pages printed as appendices whatever their name: the accessibility statement is end matter.
APPENDIX_PAGES = ("accessibility.md",)
# MkDocs' rule for a page's front matter (mkdocs.utils.meta.YAML_RE): a YAML mapping between
# `---` lines at the very start; anything else is no front matter at all.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
_NUMBERED_TITLE = re.compile(r"^(?:\d+\.\s*|Appendix\s+[A-Z]+\s*[:.]\s*)")


@dataclass(frozen=True)
class BookPage:
    """One page of the book: a prose page of the docs, or a part made from data."""

    path: str  # inside the docs folder, e.g. "structure.md"
    title: str  # the nav's title (or the front matter's), without its number
    role: str | None  # "foreword", "catalogue", "prices", "contacts"; None for prose
    file: Path | None  # None: a part the docs have no page for (the book makes it from data)

    @property
    def stem(self) -> str:
        """The page's prefix for its ids in the book: `appendix-a`, `services-x`."""
        return self.path.removesuffix(".md").replace("/", "-")

    @property
    def anchor(self) -> str:
        """Where the page begins in the book: its part's anchor, or `page-<stem>`."""
        return self.role or f"page-{self.stem}"

    @property
    def appendix(self) -> bool:
        """Appendix by its role or its file name (see `is_appendix` for its first heading)."""
        return self.role in APPENDIX_PARTS or self.path in APPENDIX_PAGES or PurePosixPath(self.path).name.startswith("appendix")


def untitled(title: str) -> str:
    """A title without the number the site writes in it: "3. Key partnerships" -> "Key partnerships"."""
    return _NUMBERED_TITLE.sub("", title)


def is_appendix(page: BookPage, first_heading: str | None) -> bool:
    """Whether `page` prints as an appendix, given the text of its first heading (if any)."""
    return page.appendix or bool(first_heading and first_heading.startswith("Appendix"))


def book_pages(project: Project) -> list[BookPage]:
    """The pages the book prints, in the nav's reading order, then any of `ALWAYS` it lacks.

    A prose page missing from the docs folder is left out (MkDocs warns about it); a part's page
    may be missing, the book makes the part from data.
    """
    pages: list[BookPage] = []
    for item in project.nav:
        file = project.docs_dir / item.path
        role = PARTS.get(item.path)
        meta = _front_matter(file) if file.is_file() else {}
        if (role is None and not file.is_file()) or meta.get("print") is False:
            continue
        title = item.title or str(meta.get("title") or PurePosixPath(item.path).stem)
        pages.append(BookPage(item.path, untitled(title), role, file if file.is_file() else None))
    held = {page.role for page in pages}
    pages += [BookPage(f"{role}.md", role, role, None) for role in ALWAYS if role not in held]
    return pages


def _front_matter(file: Path) -> dict:
    """The page's front matter as MkDocs reads it: a mapping, else nothing (MkDocs ignores the rest)."""
    found = _FRONT_MATTER.match(file.read_text(encoding="utf-8"))
    try:
        meta = yaml.safe_load(found.group(1)) if found else None
    except yaml.YAMLError:
        return {}
    return meta if isinstance(meta, dict) else {}


def anchor_for(path: str) -> str | None:
    """The anchor of the part that prints the site page at `path` ("catalogue", "" for the home
    page), or None when the page is not one of the parts."""
    return PARTS.get(f"{path or 'index'}.md")
