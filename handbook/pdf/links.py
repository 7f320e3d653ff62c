"""links: a link's address on the website -> where it goes on paper, so paper can say "see page 14".

Input: the `href` of an `a` element of a parsed page (prose or an officer's Markdown field),
and the page it is on. Output: a `Target`: an anchor in the book (printed with its page
number), an outside address (printed after its words), a mail or telephone link (its words say
it), or None (its words alone: the book does not hold what it points to). Links to services,
contact roles, other prose pages and the parts (see `pages.PARTS`) become in-book anchors;
downloads and assets, which paper cannot hold, the site's address. Whether an in-book anchor
exists is known only when the whole book is written (`tree.Writer` then drops a dangling one).
Never reads or writes files.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from handbook.pdf.pages import anchor_for

INTERNAL, EXTERNAL, LINK = "internal", "external", "link"
_LEADING = re.compile(r"^(?:\./|/)+")
_PAGE_SUFFIX = re.compile(r"(?:/?index)?(?:\.md|\.html)?/?$")


@dataclass(frozen=True)
class Target:
    """Where a link goes: `kind` is INTERNAL (an anchor), EXTERNAL (an address to print) or LINK."""

    kind: str
    address: str


@dataclass(frozen=True)
class Links:
    """The link rules of one book: its public services and the site's public address."""

    services: frozenset[str]
    site: str | None

    def target(self, href: str, stem: str | None) -> Target | None:
        """Where `href` goes in the book, from a page whose ids are prefixed `stem--` (None: a data field).

        Why a filtered catalogue address is the catalogue: paper has no filters.
        """
        if href.startswith(("http://", "https://")):
            return Target(EXTERNAL, href)
        if href.startswith(("mailto:", "tel:")):
            return Target(LINK, href)
        address, _, fragment = href.partition("#")
        address = address.partition("?")[0]
        path = _PAGE_SUFFIX.sub("", _LEADING.sub("", address))
        if not address:  # a place on the same page
            return Target(INTERNAL, f"{stem}--{fragment}" if stem else fragment) if fragment else None
        if not path and fragment:  # a place on the home page (whose ids are prefixed `index--`)
            return Target(INTERNAL, f"index--{fragment}")
        if path.startswith("services/"):
            service = path.split("/", 1)[1]
            return Target(INTERNAL, f"service-{service}") if service in self.services else None
        if path == "contacts" and fragment.startswith("role-"):
            return Target(INTERNAL, fragment)
        part = anchor_for(path)
        if part is not None:
            return Target(INTERNAL, part)
        if path.startswith(("downloads/", "assets/")) or "/" in path:
            return Target(EXTERNAL, f"{self.site.rstrip('/')}/{path}") if self.site else None
        return Target(INTERNAL, f"{path}--{fragment}" if fragment else f"page-{path}")
