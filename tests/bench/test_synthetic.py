import pytest

from handbook.core import limits
from bench.synthetic import SHAPES, largest_count, make_data, make_largest
from handbook.data.validate import validate
from tests.cases import MINIMAL


def test_makes_a_valid_data_folder_with_the_asked_number_of_public_services(tmp_path):
    folder = make_data(MINIMAL, tmp_path / "big", 25)
    handbook = validate(folder).handbook
    assert handbook is not None
    assert len(handbook.services.services) == 25
    assert len({s.id for s in handbook.services.services}) == 25
    assert all(s.visibility.value == "public" for s in handbook.services.services)


@pytest.mark.parametrize("shape", SHAPES)
def test_the_largest_input_of_each_shape_is_valid_and_fills_the_file_limit(tmp_path, shape):
    folder = make_largest(MINIMAL, tmp_path / shape, shape)
    size = (folder / "services.yaml").stat().st_size
    result = validate(folder)
    assert result.ok, result.errors[:3]
    assert size <= limits.MAX_FILE_BYTES
    # No room for another service (or, for one service of charges, another offer), or no charge left.
    services = result.handbook.services.services
    charges = sum(len(o.charges) for s in services for o in s.offers)
    assert charges <= limits.MAX_TOTAL_CHARGES
    assert len(services) == limits.MAX_SERVICES or size > limits.MAX_FILE_BYTES * 0.8 or charges == limits.MAX_TOTAL_CHARGES
    if shape in ("charges", "dense"):
        assert charges == limits.MAX_TOTAL_CHARGES
    if shape in ("lines", "dense"):
        assert all(s.how_to_buy.count("\n") + 1 == limits.MAX_HOW_TO_BUY_LINES for s in services)


def test_largest_count_is_the_most_sample_services_a_valid_file_holds(tmp_path):
    count = largest_count(MINIMAL, tmp_path / "work")
    assert (make_data(MINIMAL, tmp_path / "fits", count) / "services.yaml").stat().st_size <= limits.MAX_FILE_BYTES
    assert count == limits.MAX_SERVICES or (make_data(MINIMAL, tmp_path / "over", count + 1) / "services.yaml").stat().st_size > limits.MAX_FILE_BYTES * 0.97


def test_everything_at_its_largest_is_valid_and_fills_every_file(tmp_path):
    from handbook.data.checks.printed import text_characters
    from handbook.data.load import load_file
    from bench.synthetic import OTHER_FILES, make_everything

    folder = make_everything(MINIMAL, tmp_path / "everything")
    result = validate(folder)
    assert result.ok, result.errors[:3]
    assert sum(len(o.charges) for s in result.handbook.services.services for o in s.offers) == limits.MAX_TOTAL_CHARGES  # `dense`
    share = limits.MAX_PRINTED_TEXT // len(OTHER_FILES)
    for stem in OTHER_FILES:
        size = (folder / f"{stem}.yaml").stat().st_size
        text = sum(n for _, n in text_characters(load_file(folder / f"{stem}.yaml")[0].value))
        # Each file is full: its share of the printed text (no room for one more record), its bytes, or its lists.
        assert size <= limits.MAX_FILE_BYTES and text <= share
        lists = [v for v in vars(getattr(result.handbook, stem)).values() if isinstance(v, list) and v and hasattr(v[0], "id")]
        assert text > share * 0.9 or size > limits.MAX_FILE_BYTES * 0.9 or all(len(v) == limits.MAX_RECORDS for v in lists), stem
    role = result.handbook.contacts.roles[-1]
    assert len(role.title) == limits.MAX_NAME  # a clone's free text at its longest


def test_free_text_is_made_longest_but_ids_and_references_are_kept():
    from handbook.data.model.partnerships import Group
    from bench.synthetic import _longest

    group = {"id": "forum", "name": "Forum", "remit": "Advises.", "members": ["Heads"], "reports_to": "board", "meets": "termly"}
    longest = _longest(Group, [], group, 7)
    assert longest["id"] == "forum" and longest["reports_to"] == "board"
    assert len(longest["name"]) == limits.MAX_NAME and len(longest["remit"]) == len(longest["members"][0]) == limits.MAX_TEXT
    assert longest["name"].startswith("7 ")
