"""abbreviations: Markdown's `abbr` with the handbook's glossary, each acronym reachable by keyboard.

A Python-Markdown extension (named in `mkdocs.yml` and `prose.MARKDOWN_EXTENSIONS` in place of
`abbr`): every acronym of `data/glossary.yaml` in a page's Markdown becomes
`<abbr title="meaning">`. `prepare` gives the site's generator the glossary as this extension's
`glossary` option (`glossary_config`); a page may still define its own (`*[HTML]: …`).

Why `tabindex="0"` on the first use of each acronym on a page: an `abbr` is not focusable, so its
meaning (its title, and the tooltip `handbook.css` shows on hover and focus) is out of reach of
anyone who uses a keyboard; every use focusable would add dozens of stops to the tab order, so
only the first of each acronym on a page is, and the glossary page lists them all. The meaning
comes from the data and is written as an attribute by ElementTree, which escapes it.
"""

from __future__ import annotations

import bisect
import itertools
import re
import xml.etree.ElementTree as ET
from typing import Any

from markdown import Markdown
from markdown.extensions.abbr import AbbrExtension
from markdown.treeprocessors import Treeprocessor

from handbook.data.model.glossary import ACRONYM
from handbook.presentation import escape


class FocusableFirstUse(Treeprocessor):
    """Makes the first `<abbr>` of each acronym on the page focusable (see the module docstring)."""

    def run(self, root: ET.Element) -> None:
        _unwrap_spelled_out(root)
        seen: set[str] = set()
        for element in root.iter("abbr"):
            if element.text not in seen:
                seen.add(element.text)
                element.set("tabindex", "0")


def _unwrap_spelled_out(root: ET.Element) -> None:
    """Turns back into text an `abbr` the text has just spelled out ("… Education (SACRE)"), as `mark` does."""
    for parent in list(root.iter()):
        for index, child in reversed(list(enumerate(parent))):
            if child.tag != "abbr":
                continue
            before = parent.text if index == 0 else parent[index - 1].tail
            if (before or "").rstrip().lower().endswith((child.get("title") or "\0").lower() + " ("):
                words = (child.text or "") + (child.tail or "")
                if index == 0:
                    parent.text = (parent.text or "") + words
                else:
                    parent[index - 1].tail = (parent[index - 1].tail or "") + words
                parent.remove(child)


class AbbreviationsExtension(AbbrExtension):
    def extendMarkdown(self, md: Markdown) -> None:
        super().extendMarkdown(md)
        md.treeprocessors.register(FocusableFirstUse(md), "hb-abbr-focus", 6)  # after `abbr` (7)


def makeExtension(**kwargs: Any) -> AbbreviationsExtension:  # noqa: N802 (Python-Markdown's name)
    return AbbreviationsExtension(**kwargs)


NAME = "handbook.presentation.abbreviations"


def glossary_config(handbook: Any) -> dict[str, str]:
    """The extension's `glossary` option: acronym -> meaning, from the validated glossary."""
    return {t.term: t.meaning for t in handbook.glossary.terms}


# Markup split into tags and text; text inside these elements is never marked (code, scripts,
# an abbreviation already, the page's title).
_PARTS = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_SKIP = {"script", "style", "code", "pre", "abbr", "title", "textarea", "svg", "kbd"}
# Where a skipped element may open or close (a tag, if the split says one starts there).
_SKIP_TAG = re.compile(r"</?\s*(?i:(" + "|".join(sorted(_SKIP)) + r"))(?![a-zA-Z0-9])")
# `ACRONYM` and a plural `s`, written to start with the capital it needs (its look-behind moved
# after that first letter), so the regex engine skips to capitals instead of trying the
# look-behind at every character of a page: four times faster on a 2 MB page, the same matches.
_WITH_PLURAL = re.compile(r"([A-Z](?<![\w@./-][A-Z])[A-Z0-9&]*[A-Z0-9])(?=s?(?![\w@/]))s?")


def mark(html: str, glossary: dict[str, str], seen: set[str] | None = None) -> str:
    """`html` (escaped markup from a template) with each glossary acronym in its text as `<abbr>`.

    Why here and not only in Markdown: the handbook's data reaches pages as raw HTML blocks
    (macros, generated pages), which Markdown's `abbr` never reads. Only text between tags is
    changed, never a tag, an attribute or a skipped element; the meaning is escaped for an
    attribute. `seen` carries the acronyms already made focusable on this page, so only the
    first of each gets `tabindex="0"` (see the module docstring).

    How, at 2 MB a page: the page is split into text and tags once, and only the places that
    matter are looked at, in page order: the glossary's acronyms, and the tags that open or close
    a skipped element (an acronym inside a tag, a comment or a skipped element stays as it is).
    """
    if not glossary:
        return html
    seen = set() if seen is None else seen
    parts = _PARTS.split(html)  # text, tag, text, tag…: a tag or a comment has an odd index
    starts = list(itertools.accumulate(map(len, parts), initial=0))
    places = [(m.start(), True, m) for m in _SKIP_TAG.finditer(html)]
    places += [(m.start(), False, m) for m in _WITH_PLURAL.finditer(html) if m.group(1) in glossary]
    places.sort(key=lambda place: place[0])
    out, last, skipping = [], 0, []
    for at, is_tag, match in places:
        index = bisect.bisect_right(starts, at) - 1
        part = parts[index]
        in_tag = index % 2 == 1 or part.startswith("<")  # a tag, a comment, or a `<` never closed
        if is_tag:
            if not in_tag or starts[index] != at or part.endswith("/>"):
                continue  # in text, inside a tag or a comment, or an element that closes itself
            tag = match.group(1).lower()
            if part.startswith("</"):
                if skipping and skipping[-1] == tag:
                    skipping.pop()
            else:
                skipping.append(tag)
        elif not in_tag and not skipping and _unexplained(html[starts[index] : at], match.group(1), glossary):
            out += [html[last:at], _abbr(match.group(1), match.group(0), glossary, seen)]
            last = match.end()
    out.append(html[last:])
    return "".join(out)


def _unexplained(before: str, term: str, glossary: dict[str, str]) -> bool:
    """Whether the glossary acronym is not just spelled out in the text `before` it ("… Education (SACRE)")."""
    return not before.rstrip().lower().endswith(escape.html(glossary[term]).lower() + " (")


def _abbr(term: str, written: str, glossary: dict[str, str], seen: set[str]) -> str:
    """`<abbr>` around the acronym as written (its plural `s` inside: "SENCOs")."""
    focus = "" if term in seen else ' tabindex="0"'
    seen.add(term)
    return f'<abbr title="{escape.html(glossary[term])}"{focus}>{written}</abbr>'
