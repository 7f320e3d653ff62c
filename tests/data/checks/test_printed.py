from handbook.core import limits
from handbook.data.checks.printed import lines, text_characters, widest_table
from tests.edit import codes, validate_edited

HOW_TO_BUY = "how_to_buy: Buy through the traded services portal during the buy-back window."
CHARGE = "      charges:\n"


def _block(text: str, indent: int) -> str:
    return "|\n" + "\n".join((" " * indent + line) if line else "" for line in text.split("\n"))


def test_lines_are_counted_as_written_with_blank_lines_and_without_a_final_new_line():
    assert lines("one line") == 1
    assert lines("a\n\nb\n") == 3


def test_the_widest_table_is_found_by_its_delimiter_row():
    assert widest_table("no table | here\n---") == (0, 0)
    assert widest_table("|a|b|\n|-|-|\n|1|2|\n\nx | y | z\n:--|:-:|--:") == (3, 5)


def test_how_to_buy_over_its_lines_is_reported_at_the_field(tmp_path):
    text = "\n".join(f"- step {i}" for i in range(limits.MAX_HOW_TO_BUY_LINES + 1))
    result = validate_edited(tmp_path, {"services": [(HOW_TO_BUY, "how_to_buy: " + _block(text, 6))]})
    assert codes(result) == [("too-many-lines", "services[0].how_to_buy")]
    assert f"{limits.MAX_HOW_TO_BUY_LINES + 1} lines" in result.problems[0].message


def test_how_to_buy_at_its_lines_is_valid(tmp_path):
    text = "\n".join(f"- step {i}" for i in range(limits.MAX_HOW_TO_BUY_LINES))
    assert validate_edited(tmp_path, {"services": [(HOW_TO_BUY, "how_to_buy: " + _block(text, 6))]}).problems == []


def test_how_to_buy_takes_no_table_and_no_heading(tmp_path):
    table = "Prices:\n\n| Pupils | Price |\n|---|---|\n| 100 | 450 |"
    result = validate_edited(tmp_path, {"services": [(HOW_TO_BUY, "how_to_buy: " + _block(table, 6))]})
    assert codes(result) == [("table-not-allowed", "services[0].how_to_buy")]
    assert "(line 3 of the text)" in result.problems[0].message
    for heading in ("# How to buy\n\nOnline.", "How to buy\n==========\n\nOnline.", "Online.\n\nHow to buy\n---"):
        result = validate_edited(tmp_path / heading[:3].strip("#\n ").replace(" ", "-"), {"services": [(HOW_TO_BUY, "how_to_buy: " + _block(heading, 6))]})
        assert codes(result) == [("heading-not-allowed", "services[0].how_to_buy")], heading


def test_a_list_and_a_rule_in_how_to_buy_are_not_headings(tmp_path):
    text = "Two steps:\n\n- ask\n- book\n\n---\n\nThen pay."
    assert validate_edited(tmp_path, {"services": [(HOW_TO_BUY, "how_to_buy: " + _block(text, 6))]}).problems == []


def test_a_printed_table_wider_than_the_page_takes_is_reported_with_its_line(tmp_path):
    columns = limits.MAX_TABLE_COLUMNS + 1
    table = "\n".join(["", "|" + "x|" * columns, "|" + "-|" * columns, "|" + "1|" * columns, ""])
    result = validate_edited(tmp_path, {"authority": [("  text: |\n", "  text: |\n" + "\n".join("    " + line if line else "" for line in table.split("\n")[1:]) + "\n")]})
    assert codes(result) == [("table-too-wide", "foreword.text")]
    assert f"line 1 of the text has {columns} columns" in result.problems[0].message


def test_the_foreword_and_the_framework_introduction_have_their_own_limit(tmp_path):
    long = "\n".join(["A line of the foreword."] * (limits.MAX_PRINTED_LINES + 1))
    result = validate_edited(tmp_path, {
        "authority": [("  text: |\n", "  text: |\n" + "\n".join("    " + line for line in long.split("\n")) + "\n")],
        "protocols": [("  introduction: |\n", "  introduction: |\n" + "\n".join("    " + line for line in long.split("\n")) + "\n")],
    })
    assert codes(result) == [("too-many-lines", "foreword.text"), ("too-many-lines", "concern_framework.introduction")]


def test_charges_over_the_handbooks_total_are_reported_at_the_first_one_over(tmp_path, monkeypatch):
    # The minimal handbook has a few charges: lower the total rather than write thousands.
    import handbook.data.checks.printed as printed

    monkeypatch.setattr(printed, "MAX_TOTAL_CHARGES", 1)
    result = validate_edited(tmp_path, {})
    assert codes(result) == [("too-many-charges", "services[0].offers[0].charges[1]")]
    assert result.problems[0].message.startswith("this is charge 2 of the handbook")


def test_text_characters_are_counted_in_values_not_keys_or_numbers():
    value = {"groups": [{"id": "forum", "name": "Forum", "members": ["Heads", "Governors"], "size": 12}]}
    assert list(text_characters(value)) == [
        (("groups", 0, "id"), 5), (("groups", 0, "name"), 5), (("groups", 0, "members", 0), 5), (("groups", 0, "members", 1), 9)
    ]


def test_text_of_the_printed_files_over_their_limit_together_is_reported_at_the_value_that_passes_it(tmp_path):
    from bench.synthetic import words

    # The minimal handbook's other files hold some text already: a group of long members passes the rest.
    members = "\n".join(f"      - {words(limits.MAX_TEXT - 10, i)}" for i in range(limits.MAX_LIST))
    groups = "\n".join(f"  - id: forum-{g}\n    name: Forum {g}\n    kind: statutory\n    remit: Advises.\n    chair:\n      person: A headteacher\n    members:\n{members}\n    meets: termly" for g in range(limits.MAX_PRINTED_TEXT // (limits.MAX_LIST * limits.MAX_TEXT) + 1))
    result = validate_edited(tmp_path, {"partnerships": [("groups:\n", "groups:\n" + groups + "\n")]})
    assert [code for code, _ in codes(result)] == ["too-much-text"]
    assert f"passes {limits.MAX_PRINTED_TEXT:,} characters together" in result.problems[0].message
