"""The strict base every record of the handbook's data extends."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Record(BaseModel):
    """A record from an officer's YAML: unknown fields are errors and values never change.

    Why `coerce_numbers_to_str`: the loader keeps `1.10` as `Decimal('1.10')` and `2026` as
    `2026`; a text field given such a number keeps exactly the digits the officer wrote.
    """

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        use_attribute_docstrings=False,
        validate_default=False,
        defer_build=True,
    )
