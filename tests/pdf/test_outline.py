"""Numbering of sections and appendices, and the contents entries headings make."""

from handbook.pdf.outline import Outline, plain, section_label, slug, sub_number


def test_sections_are_numbered_and_appendices_lettered_independently():
    outline = Outline()
    assert [outline.next_number(False), outline.next_number(True), outline.next_number(False), outline.next_number(True)] == ["1", "A", "2", "B"]


def test_appendices_after_z_continue_with_two_letters():
    outline = Outline()
    letters = [outline.next_number(True) for _ in range(28)]
    assert letters[25:] == ["Z", "AA", "AB"]


def test_a_heading_is_numbered_escaped_and_listed_for_the_contents():
    outline = Outline()
    html = outline.heading(2, "x-1", "Pay & <b>display</b>", "3.2")
    assert html == '<h2 id="x-1"><span class="heading-number">3.2</span> Pay &amp; &lt;b&gt;display&lt;/b&gt;</h2>'
    assert [(e.target, e.number, e.title, e.level) for e in outline.entries] == [("x-1", "3.2", "Pay & <b>display</b>", 2)]


def test_an_unlisted_heading_stays_out_of_the_contents():
    outline = Outline()
    outline.heading(3, "quiet", "Not in the contents", listed=False)
    assert outline.entries == []


def test_a_part_collects_only_the_entries_added_inside_it():
    outline = Outline()
    outline.add("before", "Before")
    with outline.part() as entries:
        outline.add("inside", "Inside")
    assert [e.target for e in entries] == ["inside"]


def test_labels_and_helpers():
    assert section_label("4") == "4" and section_label("C") == "Appendix C"
    assert sub_number("C", 2) == "C.2"
    assert slug("Schools' Forum & Co") == "schools-forum-co"
    assert plain("<span>1</span> The council&#39;s role") == "1 The council's role"
