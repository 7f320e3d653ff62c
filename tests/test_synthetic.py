from handbook.synthetic import make_data
from handbook.validate import validate
from tests.cases import MINIMAL


def test_makes_a_valid_data_folder_with_the_asked_number_of_public_services(tmp_path):
    folder = make_data(MINIMAL, tmp_path / "big", 25)
    handbook = validate(folder).handbook
    assert handbook is not None
    assert len(handbook.services.services) == 25
    assert len({s.id for s in handbook.services.services}) == 25
    assert all(s.visibility.value == "public" for s in handbook.services.services)
