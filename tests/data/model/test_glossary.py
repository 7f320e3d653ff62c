from handbook.data.model.glossary import GlossaryFile, acronyms
from handbook.data.validate import validate
from tests.edit import validate_edited


def test_acronyms_are_capitals_and_digits_with_an_optional_plural_never_inside_addresses():
    text = "SENCOs and the SEND team, an EHCP, KS2 results; H&S. See https://x.example/ABC or a@SEND.example, PDF/UA."
    assert acronyms(text) == ["SENCO", "SEND", "EHCP", "KS2", "H&S"]
    assert acronyms("I am A teacher; Mr Ng") == []


def test_a_data_folder_without_a_glossary_has_an_empty_one(tmp_path):
    result = validate_edited(tmp_path, {})
    assert result.ok and result.handbook.glossary == GlossaryFile()


def test_a_lower_case_term_is_reported_at_its_line_with_what_to_write(tmp_path):
    validate_edited(tmp_path, {})
    (tmp_path / "data" / "glossary.yaml").write_text("terms:\n  - term: send\n    meaning: Special educational needs\n", encoding="utf-8")
    result = validate(tmp_path / "data")
    errors = [p for p in result.problems if p.code == "bad-format"]
    assert [(p.path, p.line) for p in errors] == [("terms[0].term", 2)] and "is not an acronym" in errors[0].message
