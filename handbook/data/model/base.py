"""The strict base every record of the handbook's data extends."""

from typing import Any

from pydantic import BaseModel, ConfigDict

_set = object.__setattr__


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

    def __reduce__(self) -> tuple:
        # Why: the validated handbook is kept pickled (`handbook.data.snapshot`); pydantic's own
        # state is a dict per record that a Python `__setstate__` unpacks, a third of reading
        # 2,000 services back. A record has no extra fields and no private attributes.
        return (_restore, (type(self), self.__dict__, self.__pydantic_fields_set__))


def _restore(cls: type[Record], values: dict[str, Any], fields_set: set[str]) -> Record:
    """A record as it was pickled, not validated again (it was valid when it was kept)."""
    record = cls.__new__(cls)
    _set(record, "__dict__", values)
    _set(record, "__pydantic_fields_set__", fields_set)
    _set(record, "__pydantic_extra__", None)
    _set(record, "__pydantic_private__", None)
    return record
