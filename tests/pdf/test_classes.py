"""The one table of classes: every class of the site's fragments is named, and the book meets no other."""

import re
from pathlib import Path

from handbook.pdf import classes

TEMPLATES = Path(__file__).resolve().parents[2] / "handbook" / "presentation" / "templates"


def template_classes() -> set[str]:
    found = set()
    for template in TEMPLATES.glob("*.html.j2"):
        for value in re.findall(r'class="([^"]*)"', template.read_text(encoding="utf-8")):
            # A class made from data (`hb-badge--{{ kind }}`) is named by its stem: `hb-badge--*`.
            found.update(re.sub(r"\{\{.*?\}\}", "*", value.replace("{{ ", "{{").replace(" }}", "}}")).split())
    return found


def test_every_class_of_the_sites_fragments_is_in_the_table():
    found = template_classes()
    assert len(found) >= 30
    assert sorted(name for name in found if not classes.known(name)) == []


def test_a_modifier_is_known_by_its_stem_and_an_unknown_class_is_not():
    assert classes.known("hb-badge--traded") and classes.known("hb-signatories")
    assert not classes.known("hb-new-thing") and not classes.known("hb-new--thing")


def test_the_sample_book_meets_no_class_the_table_does_not_name(sample_book):
    assert sample_book.unknown_classes == set()
