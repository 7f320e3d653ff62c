"""book: the state of one book while it is written: its anchors, its links, its images, its pages.

Every part (`parts`, `catalogue`, `prose` through `tree.Writer`) writes Typst through one
`Book`: an anchor written is recorded, a link inside the book is held until the whole book is
written (`finish` then prints it, or only its words when its anchor is missing: Typst fails on
a link to a label that does not exist), so is a section's start (`finish` then knows whether it
opens a page, and how its running head is set), an image becomes a file beside the Typst source.
Headings are numbered consecutively here (PDF/UA: levels never skip). Never reads files except
images under the docs folder; never writes any.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook.data.model.glossary import ACRONYM
from handbook.pdf.links import Links
from handbook.pdf.markup import label, string

_REF = re.compile("\x00([0-9]+)\x00")
_SECTION = re.compile("\x01([0-9]+)\x01")  # a section's start, held until `finish` (`_running_heads`)
_PAGE_BREAK = "#pagebreak(weak: true)"
_FRONT_STYLE = "#set page(header: none, footer: front-footer)"
_MAIN_STYLE = "#set page(header: running-head, footer: main-footer)"
# An acronym with its plural `s`: "SENCOs" is spelled out as "… co-ordinator (SENCOs)".
_ACRONYM_PLURAL = re.compile(ACRONYM.pattern + "s?")
# The organisation chart drawn for paper (`parts.chart_image`), where `Book.images` holds it.
CHART_SRC = "hb:org-chart.svg"


@dataclass
class Book:
    """One book being written (see the module's docstring)."""

    links: Links
    images: dict[str, tuple[str, bytes]] = field(default_factory=dict)  # src -> (suffix, data) made by the book
    chart_alt: str = ""  # the chart's text alternative
    docs_dir: Path | None = None  # images the prose names are read from here, and nowhere else
    files: dict[str, bytes] = field(default_factory=dict)  # name -> bytes, beside the source
    labels: set[str] = field(default_factory=set)
    refs: list[tuple[str, str]] = field(default_factory=list)
    page_kind: str = "cover"
    headings: list[tuple[int, int]] = field(default_factory=list)  # (level asked, level written)
    sections: list[str] = field(default_factory=list)  # the plain titles of the level-1 headings, in order
    unknown_classes: set[str] = field(default_factory=set)
    spelled_out: set[str] = field(default_factory=set)  # acronyms already spelled out (`spell_out`)
    glossary: dict[str, str] = field(default_factory=dict)  # acronym -> meaning (data/glossary.yaml)

    # ------------------------------------------------------------ acronyms
    def spell_out(self, words: str) -> str:
        """`words` with each glossary acronym the book has not yet used spelled out: "Meaning (ACR)".

        Why: paper has no tooltip, so an acronym is explained where the reader first meets it, in
        reading order (the writers run in the book's order). Text that has just spelled it out
        ("… Education (SACRE)") counts as its first use.
        """
        if not self.glossary:
            return words

        def first(match: re.Match) -> str:
            term = match.group(1)
            meaning = self.glossary.get(term)
            if meaning is None or term in self.spelled_out:
                return match.group(0)
            self.spelled_out.add(term)
            if words[: match.start()].rstrip().lower().endswith(meaning.lower() + " ("):
                return match.group(0)
            return f"{meaning} ({match.group(0)})"

        return _ACRONYM_PLURAL.sub(first, words)

    # ------------------------------------------------------------ anchors and links
    def label(self, anchor: str) -> str:
        """A label for the element written just before it, recorded as a target."""
        self.labels.add(anchor)
        return label(anchor)

    def anchor(self, anchor: str | None) -> str:
        """An invisible, locatable point for an id other parts of the book link to."""
        if not anchor:
            return ""
        self.labels.add(anchor)
        return f"#hb-anchor({string(anchor)})"

    def ref(self, target: str, words: str) -> str:
        """A link inside the book, printed with its page: held until `finish` knows every anchor."""
        self.refs.append((target, words))
        return f"\x00{len(self.refs) - 1}\x00"

    def finish(self, body: str) -> str:
        """`body` with each held link written, or only its words when its anchor is missing, and
        each section's start where its running head learns its title (`_running_heads`)."""

        def write(match: re.Match[str]) -> str:
            target, words = self.refs[int(match.group(1))]
            return f"#hb-ref({string(target)})[{words}]" if target in self.labels else words

        return self._running_heads(_REF.sub(write, body))

    def _running_heads(self, body: str) -> str:
        """`body` with each held section start written.

        Why: a running head names the first section opening on its page, else the last before it.
        Every part of the book opens a page, so a section normally does too: it then sets the head
        of its pages with the page style (`hb-running-head`), and the front matter's (no head)
        are left out. Asking Typst on every page which sections it holds (`running-head`'s query)
        gives the same heads but costs a long book a tenth of its memory, so it is only done when a
        section opens mid-page (a prose page with a second level-1 heading): then every section
        is marked (`hb-section`) and every page of the body queries them.
        """
        main = body.find(_MAIN_STYLE)
        starts = [m for m in _SECTION.finditer(body) if main != -1 and m.start() > main]
        opens = [_opens_page(body, m.start()) for m in starts]
        if starts and all(opens) and not body[main + len(_MAIN_STYLE) : starts[0].start()].strip():

            def write(match: re.Match[str]) -> str:
                title = self.sections[int(match.group(1))]
                return f"#set page(header: hb-running-head({string(title)}))" if match.start() > main else ""

        else:

            def write(match: re.Match[str]) -> str:
                return f"#hb-section({string(self.sections[int(match.group(1))])})"

        return _SECTION.sub(write, body)

    # ------------------------------------------------------------ headings and pages
    def heading(self, level: int, words: str, plain: str, anchor: str | None = None, after: str | None = None) -> str:
        """A heading of `level` (1-4), written one below the nearest earlier heading of a higher
        rank, so a page's h3s straight after its h1 (a macro's sections) become level 2.

        Args:
            words: its markup; plain: its text (a level-1 heading names the running head).
            anchor: its label; after: an anchor written just after it (a block's id: an anchor
                before the block could be left at the foot of the previous page).
        """
        while self.headings and self.headings[-1][0] >= level:
            self.headings.pop()
        written = min(level, self.headings[-1][1] + 1 if self.headings else 1)
        self.headings.append((level, written))
        labelled = f" {self.label(anchor)}" if anchor else ""
        section = ""
        if written == 1:  # a section: held until `finish` knows whether it opens a page
            section = f"\x01{len(self.sections)}\x01\n"
            self.sections.append(" ".join(plain.split()))
        after_markup = f"{self.anchor(after)}\n" if after else ""
        return f"\n{section}#hb-heading({written})[{words}]{labelled}\n{after_markup}"

    def pages(self, kind: str) -> str:
        """A new page; the first of the front matter ("front") or of the body ("main") sets their style."""
        if kind == self.page_kind:
            return f"\n{_PAGE_BREAK}\n"
        self.page_kind = kind
        return f"\n{_FRONT_STYLE if kind == 'front' else _MAIN_STYLE}\n"

    # ------------------------------------------------------------ images
    def image(self, src: str, alt: str, *, logo: bool = False) -> str | None:
        """`hb-logo(…)` or `hb-image(…)` for an image the book holds (its file kept in `files`)."""
        found = self.images.get(src) or self._docs_image(src)
        if found is None:
            return None
        suffix, data = found
        name = f"image-{len(self.files) + 1}.{suffix}"
        self.files[name] = data
        return f"{'hb-logo' if logo else 'hb-image'}({string(name)}, {string(alt)})"

    def _docs_image(self, src: str) -> tuple[str, bytes] | None:
        if self.docs_dir is None or not src or ":" in src.split("/", 1)[0]:
            return None  # another site's image is a request paper cannot make
        docs = self.docs_dir.resolve()
        path = (docs / src).resolve()
        suffix = path.suffix.lstrip(".").lower()
        if not path.is_relative_to(docs) or not suffix.isalnum():  # Typst knows a format by its suffix
            return None
        try:
            return suffix, path.read_bytes()
        except OSError:
            return None


def _opens_page(body: str, at: int) -> bool:
    """Whether the markup just before `at` (blank lines aside) is a page break or a page style."""
    before = body[max(0, at - 200) : at].rstrip()
    last = before.rsplit("\n", 1)[-1]
    return last == _PAGE_BREAK or last.startswith("#set page(")
