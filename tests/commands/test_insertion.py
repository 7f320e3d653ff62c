"""insertion: an entry laid out as the file lays out its entries, added as whole lines."""

from __future__ import annotations

import pytest
import yaml

from handbook.commands.insertion import Flow, entry_key_col, find_block, insert, layout_of
from handbook.core.errors import HandbookUserError

INDENTED = """\
# A comment the officer wrote.
services:
  - id: alpha
    name: Alpha
    audience:
      phases: [primary]
    offers:
      - id: gold
        charges:
          - amount: 1
            settings: [maintained]

  # Beta is new this year.
  - id: gamma
    name: Gamma
    audience:
      phases: [secondary]

# Next section.
other: 1
"""

# As PyYAML writes a file (bench.synthetic): lists under their key, one item a line, no blank lines.
PLAIN = """\
services:
- id: alpha
  name: Alpha
  audience:
    phases:
    - primary
  related: []
- id: gamma
  name: Gamma
  audience:
    phases:
    - secondary"""

ENTRY = {"id": "beta", "name": "Beta", "audience": {"phases": Flow(["primary", "special"])}, "offers": [{"id": "silver", "charges": [{"amount": "2", "settings": Flow(["academy"])}]}]}


def _lines(text: str) -> list[str]:
    return text.splitlines(keepends=True)


def test_the_layout_is_read_from_the_file():
    lines = _lines(INDENTED)
    layout = layout_of(lines, find_block(lines, "services"))
    assert (layout.indent, layout.offset, layout.flow, layout.spaced) == (2, 2, True, True)
    plain = layout_of(_lines(PLAIN), find_block(_lines(PLAIN), "services"))
    assert (plain.indent, plain.offset, plain.flow, plain.spaced) == (2, 0, False, False)


def test_an_entry_goes_between_two_above_the_comment_that_introduces_the_next_keeping_every_other_line():
    lines = _lines(INDENTED)
    block = find_block(lines, "services")
    text, first, last = insert(INDENTED, block, ENTRY, layout_of(lines, block), before=1)
    assert text.replace(
        "\n  - id: beta\n    name: Beta\n    audience:\n      phases: [primary, special]\n    offers:\n      - id: silver\n"
        "        charges:\n          - amount: 2\n            settings: [academy]\n", "", 1) == INDENTED
    assert text.splitlines()[first - 1] == "  - id: beta" and text.splitlines()[last - 1] == "            settings: [academy]"
    assert "            settings: [academy]\n\n  # Beta is new this year.\n  - id: gamma\n" in text
    assert yaml.safe_load(text)["services"][1]["offers"][0]["charges"][0]["amount"] == 2


def test_an_entry_after_the_last_goes_before_the_next_sections_comment():
    lines = _lines(INDENTED)
    block = find_block(lines, "services")
    text, first, _ = insert(INDENTED, block, ENTRY, layout_of(lines, block))
    assert text.splitlines()[first - 2 : first] == ["", "  - id: beta"]
    assert text.endswith("            settings: [academy]\n\n# Next section.\nother: 1\n")
    assert [s["id"] for s in yaml.safe_load(text)["services"]] == ["alpha", "gamma", "beta"]


def test_a_file_written_by_pyyaml_gets_the_entry_in_its_own_style_even_without_a_final_new_line():
    lines = _lines(PLAIN)
    block = find_block(lines, "services")
    text, first, last = insert(PLAIN, block, ENTRY, layout_of(lines, block))
    assert text.startswith(PLAIN + "\n")
    assert text[len(PLAIN) + 1 :] == (
        "- id: beta\n  name: Beta\n  audience:\n    phases:\n    - primary\n    - special\n  offers:\n  - id: silver\n"
        "    charges:\n    - amount: 2\n      settings:\n      - academy\n"
    )
    assert (first, last) == (13, 24) and len(yaml.safe_load(text)["services"]) == 3


def test_a_list_inside_an_entry_is_found_within_that_entry():
    lines = _lines(INDENTED)
    services = find_block(lines, "services")
    offers = find_block(lines, "offers", entry_key_col(lines[services.starts[0]]), services.starts[0], services.ends[0])
    charges = find_block(lines, "charges", entry_key_col(lines[offers.starts[0]]), offers.starts[0], offers.ends[0])
    assert (charges.dash, charges.starts, charges.ends) == (10, [9], [11])
    text, first, _ = insert(INDENTED, charges, {"amount": "3", "settings": Flow(["academy"])}, layout_of(lines, services))
    assert text.splitlines()[first - 1 : first + 1] == ["          - amount: 3", "            settings: [academy]"]
    assert yaml.safe_load(text)["services"][0]["offers"][0]["charges"][1] == {"amount": 3, "settings": ["academy"]}


def test_a_list_written_otherwise_is_left_for_the_officer():
    with pytest.raises(HandbookUserError, match="add the entry by hand"):
        find_block(_lines("services: [a, b]\n"), "services")
    with pytest.raises(HandbookUserError, match="cannot find the list `roles:`"):
        find_block(_lines(INDENTED), "roles")
