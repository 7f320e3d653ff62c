import json

import jsonschema


def test_the_built_services_json_is_valid_against_its_published_schema(built_site):
    schema = json.loads((built_site / "downloads" / "services.schema.json").read_text(encoding="utf-8"))
    document = json.loads((built_site / "downloads" / "services.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    assert [e.message for e in validator.iter_errors(document)] == []
    assert schema["$id"] == "https://handbook.westmarch.example/downloads/services.schema.json"
    next(s for s in document["services"] if s["charges"])["charges"][0]["vat"] = "maybe"
    assert not validator.is_valid(document)
