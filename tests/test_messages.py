from handbook.messages import suggest, type_at
from handbook.model.services import ServicesFile, Unit


def test_suggest_offers_the_nearest_known_name():
    assert suggest("per dya", [u.value for u in Unit]) == "; did you mean 'per day'?"
    assert suggest("zzz", ["per day"]) == ""


def test_type_at_follows_lists_and_optional_fields():
    assert type_at(ServicesFile, ("services", 0, "offers", 0, "charges", 0, "unit")) is Unit
    assert type_at(ServicesFile, ("services", 0, "nonsense")) is None
