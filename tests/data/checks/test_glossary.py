from handbook.core.errors import Level
from handbook.data.validate import validate
from tests.edit import codes, validate_edited

GLOSSARY = "terms:\n  - term: SEND\n    meaning: Special educational needs and disabilities\n  - term: PDF\n    meaning: Portable Document Format\n"


def _with_glossary(tmp_path, glossary=GLOSSARY, edits=None):
    result = validate_edited(tmp_path, edits or {})
    (tmp_path / "data" / "glossary.yaml").write_text(glossary, encoding="utf-8")
    return tmp_path / "data"


def test_an_acronym_in_the_data_missing_from_the_glossary_is_a_warning_at_its_first_use(tmp_path):
    data = _with_glossary(tmp_path, edits={"partnerships": [("remit: Advises on the schools budget", "remit: Advises the SEND team and the DSG on the schools budget")]})
    result = validate(data)
    assert codes(result) == [("acronym-not-in-glossary", "groups[0].remit")]
    problem = result.problems[0]
    assert problem.level is Level.WARNING and result.ok and "'DSG'" in problem.message and problem.file.endswith("partnerships.yaml")


def test_an_acronym_in_a_prose_page_is_read_but_not_in_its_code(tmp_path):
    data = _with_glossary(tmp_path)
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "page.md").write_text("---\ntitle: CODE\n---\n# A page\n\n`ABC` and {{ MACRO() }} and <span class=\"XYZ\">x</span>,\nthen the PRU.\n", encoding="utf-8")
    result = validate(data)
    assert [(p.code, p.line, p.col) for p in result.problems] == [("acronym-not-in-glossary", 7, 10)]
    assert "'PRU'" in result.problems[0].message


def test_without_a_glossary_nothing_is_asked_of_the_acronyms(tmp_path):
    result = validate_edited(tmp_path, {"partnerships": [("remit: Advises on the schools budget", "remit: Advises the DSG on the schools budget")]})
    assert result.problems == []


def test_a_term_given_twice_is_an_error_naming_the_first_line(tmp_path):
    data = _with_glossary(tmp_path, GLOSSARY + "  - term: SEND\n    meaning: again\n")
    result = validate(data)
    assert codes(result) == [("duplicate-term", "terms[2].term")]
    assert "line 2" in result.problems[0].message and not result.ok


def test_the_sample_glossary_explains_every_acronym_of_the_sample():
    result = validate("data")
    assert [p for p in result.problems if p.code == "acronym-not-in-glossary"] == []
    assert {"SACRE", "SEND", "SLA", "PRU", "EHCP"} <= {t.term for t in result.handbook.glossary.terms}


def test_each_missing_acronym_is_placed_at_its_own_value_however_far_into_the_file(tmp_path):
    # The check searches a file's prose in one pass; each find must still land on its own value,
    # also at a value's very end, next to the one after it.
    import shutil
    from pathlib import Path

    data = tmp_path / "data"
    shutil.copytree(Path(__file__).resolve().parents[3] / "data", data)
    path = data / "partnerships.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [("central spending each year.", "central spending each year, as ZZQ"), ("requests to vary collective worship.", "requests to vary XQW")]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    found = [(p.message.split("'")[1], p.path, p.line) for p in validate(data).problems if p.code == "acronym-not-in-glossary"]
    lines = text.splitlines()
    assert [(term, lines[line - 1].strip().startswith("remit:") and term in lines[line - 1]) for term, _, line in found] == [("ZZQ", True), ("XQW", True)]
    assert all(where.endswith(".remit") for _, where, _ in found)
