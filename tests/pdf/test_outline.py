"""Numbering of sections and appendices, and the contents entries headings make."""

from handbook.pdf.outline import Outline, section_label, sub_number


def test_sections_are_numbered_and_appendices_lettered_independently():
    outline = Outline()
    assert [outline.next_number(False), outline.next_number(True), outline.next_number(False), outline.next_number(True)] == ["1", "A", "2", "B"]


def test_appendices_after_z_continue_with_two_letters():
    outline = Outline()
    letters = [outline.next_number(True) for _ in range(28)]
    assert letters[25:] == ["Z", "AA", "AB"]


def test_a_heading_is_numbered_escaped_labelled_and_listed_for_the_contents(book):
    outline = Outline()
    book.heading(1, "Part", "Part")
    markup = outline.heading(book, 2, "x-1", "Pay & #display", "3.2")
    assert markup == "\n#hb-heading(2)[#hb-number[3\\.2] Pay \\& \\#display] <x-1>\n"
    assert [(e.target, e.number, e.title, e.level) for e in outline.entries] == [("x-1", "3.2", "Pay & #display", 2)]
    assert "x-1" in book.labels


def test_a_first_level_heading_names_the_running_head_with_its_number(book):
    markup = book.finish(Outline().heading(book, 1, "prices", "Price list", "Appendix C"))
    assert markup.startswith('\n#hb-section("Appendix C Price list")\n#hb-heading(1)')


def test_a_part_collects_only_the_entries_added_inside_it():
    outline = Outline()
    outline.add("before", "Before")
    with outline.part() as entries:
        outline.add("inside", "Inside", "1.1")
    outline.add("after", "After")
    assert [e.target for e in entries] == ["inside"]


def test_labels_of_numbers():
    assert section_label("3") == "3" and section_label("C") == "Appendix C"
    assert sub_number("C", 2) == "C.2"
