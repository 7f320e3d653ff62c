"""salvage: a record with field errors -> the same record with only its wrong parts left empty.

Input: a model type and the plain values the loader made for it. Output: a model instance built
without the whole model's validation (`model_construct`), in which every field that validates on
its own keeps its validated value and every field that does not is `None` (a scalar), `[]` (a
list that is not a list) or an empty record (a record that is not a mapping). A list keeps every
entry in its place, a wrong scalar entry as `None`, so the indices checks report stay the file's.

Why: the checks across records (duplicate ids, references, bands, internal links) would
otherwise skip a whole record for one wrong field, and an officer would meet their second mistake
only after fixing the first. A salvaged record is only ever read by `handbook.data.checks`;
it never reaches a `Handbook` (validation reports the field errors, so there is none).
It never raises for bad values.
"""

from __future__ import annotations

import types
import typing
from typing import Annotated, Any

from pydantic import BaseModel, TypeAdapter, ValidationError

_ADAPTERS: dict[Any, TypeAdapter] = {}


def _adapter(tp: Any, key: Any = None) -> TypeAdapter:
    """A cached validator for `tp`, under `key` (a field's (model, name): its annotation with
    constraints is made anew each time, and may hold a dict, which cannot be a key)."""
    key = tp if key is None else key
    try:
        adapter = _ADAPTERS.get(key)
    except TypeError:  # an unhashable annotation: not cached
        return TypeAdapter(tp)
    if adapter is None:
        adapter = _ADAPTERS[key] = TypeAdapter(tp)
    return adapter


def _strip(tp: Any) -> Any:
    """The type under `Annotated[...]` and `X | None`: what a value of the field is built as."""
    while True:
        origin = typing.get_origin(tp)
        if origin is Annotated:
            tp = typing.get_args(tp)[0]
        elif origin in (typing.Union, types.UnionType):
            args = [a for a in typing.get_args(tp) if a is not type(None)]
            if len(args) != 1:
                return tp
            tp = args[0]
        else:
            return tp


def _field_type(info: Any) -> Any:
    """A field's annotation with its constraints (pydantic keeps `Field(max_length=…)` apart)."""
    return Annotated[(info.annotation, *info.metadata)] if info.metadata else info.annotation


def salvage(tp: Any, value: Any, incomplete: set[int], key: Any = None) -> Any:
    """`value` validated as `tp`, or, where parts of it are wrong, the parts that are right.

    Adds the `id` of every record it builds with a part missing to `incomplete`: a check that
    compares values (two charges' bands) must not read a wrong value's `None` as "not given".
    """
    try:
        return _adapter(tp, key).validate_python(value)
    except (ValidationError, TypeError, ValueError):
        pass
    base = _strip(tp)
    if isinstance(base, type) and issubclass(base, BaseModel):
        return _record(base, value if isinstance(value, dict) else {}, incomplete)
    if typing.get_origin(base) is list:
        if not isinstance(value, list):
            return []
        (item,) = typing.get_args(base) or (Any,)
        return [salvage(item, entry, incomplete) for entry in value]
    return None


def _record(model: type[BaseModel], value: dict[str, Any], incomplete: set[int]) -> BaseModel:
    fields: dict[str, Any] = {}
    for name, info in model.model_fields.items():
        if name in value:
            fields[name] = salvage(_field_type(info), value[name], incomplete, (model, name))
        elif not info.is_required():
            fields[name] = info.get_default(call_default_factory=True)
        else:  # missing: as empty as its type allows, so a check reading it finds nothing
            base = _strip(info.annotation)
            if isinstance(base, type) and issubclass(base, BaseModel):
                fields[name] = _record(base, {}, incomplete)
            else:
                fields[name] = [] if typing.get_origin(base) is list else None
    record = model.model_construct(**fields)
    incomplete.add(id(record))  # built only where validating it failed
    return record
