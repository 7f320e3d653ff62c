"""Pieces of Typst source: text, strings and labels mean exactly the value they were made from.

What the compiled PDF shows for them is checked in test_typeset; here, the source itself.
"""

import json
import string as ascii

import typst

from handbook.pdf.markup import array, label, string, text, words


def test_every_ascii_punctuation_character_is_escaped_and_nothing_else():
    assert text(ascii.punctuation) == "".join("\\" + c for c in ascii.punctuation)
    assert text("plain words 123 £ é – ’") == "plain words 123 £ é – ’"


def test_a_string_literal_holds_its_value_exactly():
    # Typst itself evaluates the literal (its result comes back as JSON).
    value = 'a "quoted" \\ back\nslash\r #not-code $x$ ] \\"'
    assert json.loads(typst.eval(b"", string(value))) == value


def test_labels_use_the_short_form_only_for_plain_ids():
    assert label("role-head-of-send") == "<role-head-of-send>"
    assert label("odd id>") == '#label("odd id>")'


def test_an_array_of_one_item_is_still_an_array():
    assert array(["x"]) == "([x], )"
    assert array([]) == "()"


def test_words_make_each_run_of_white_space_one_space_so_no_value_breaks_a_paragraph():
    assert words("two\n\nparagraphs\tand  spaces #x") == "two paragraphs and spaces \\#x"
