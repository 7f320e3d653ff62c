"""answers: one value an officer types -> how a data file writes it, and what is wrong with it.

Input: the text typed for one field (at `handbook new`'s prompt, or as `-f name=value`), the
field's model and where the field sits in it. Output: the value as YAML spells it (plain where
the data's loader reads it back as the same value, else in single quotes) and the value the
loader will read from that spelling; then the validation's own sentence for a problem with it, or
None. Nothing here words a rule of its own: a field is checked by the model's own annotation
(`TypeAdapter`), its error explained by `messages.explain`, characters by `characters.why`, as
`handbook validate` would report them once the value is in the file.
"""

from __future__ import annotations

import functools
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, TypeAdapter, ValidationError

from handbook.data import characters
from handbook.data.load import plain_value
from handbook.data.messages import explain, type_at

TEXT, NUMBER = "text", "number"
_FLOW_BREAKERS = set(",[]{}")


def _composes_plain(text: str, *, flow: bool = False) -> bool:
    """Whether `text` written unquoted (as a value, or an item of a `[a, b]` list) is one plain
    scalar holding exactly `text`: `a: b`, `x # y`, `- x`, `@x` are not."""
    if not text or text != text.strip() or "\n" in text or (flow and _FLOW_BREAKERS & set(text)):
        return False
    try:
        root = yaml.compose(f"v: [{text}]" if flow else f"v: {text}", Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return False
    node = root.value[0][1] if isinstance(root, yaml.MappingNode) and len(root.value) == 1 else None
    if flow:
        node = node.value[0] if isinstance(node, yaml.SequenceNode) and len(node.value) == 1 else None
    return isinstance(node, yaml.ScalarNode) and not node.style and node.value == text


def quoted(text: str) -> str:
    """`text` in single quotes, as YAML writes any one-line text (a quote is doubled)."""
    return "'" + text.replace("'", "''") + "'"


def spell(text: str, kind: str = TEXT, *, flow: bool = False) -> tuple[str, Any]:
    """(YAML spelling, value the data's loader reads from it) of a typed answer.

    `kind` TEXT keeps the answer as text (`yes`, `2026` and `1.10` are quoted when they would
    be read as something else); NUMBER writes it unquoted where YAML allows, so `34.50` is the
    number 34.50 and `£34` stays text for the model to explain. `flow`: an item of `[a, b]`.
    """
    if _composes_plain(text, flow=flow):
        value = plain_value(text)
        if kind == NUMBER or value == text:
            return text, value
    return quoted(text), text


def character_problem(text: str) -> str | None:
    """The loader's sentence for the first character the data may not hold, or None."""
    at = characters.find(text)
    if at < 0:
        return None
    return f"the value holds {characters.why(text[at])}"


@functools.lru_cache(maxsize=256)
def _adapter(model: type[BaseModel], loc: tuple) -> TypeAdapter:
    parent = type_at(model, loc[:-1])
    info = parent.model_fields[loc[-1]]
    return TypeAdapter(Annotated[info.annotation, info])


def field_problem(model: type[BaseModel], loc: tuple, value: Any) -> str | None:
    """Validation's sentence for `value` in the field at `loc` of `model` (the field's own type and
    constraints, e.g. `('offers', 0, 'charges', 0, 'unit')` of `Service`), or None when it is valid."""
    try:
        _adapter(model, tuple(loc)).validate_python(value)
    except ValidationError as error:
        first = error.errors(include_url=False)[0]
        return explain(model, dict(first, loc=tuple(loc) + tuple(first["loc"]))).message
    return None


def answer_problem(model: type[BaseModel], loc: tuple, text: str, kind: str = TEXT) -> tuple[str, Any, str | None]:
    """(spelling, value, problem or None) of one typed answer for the field at `loc`."""
    spelled, value = spell(text, kind)
    return spelled, value, character_problem(text) or field_problem(model, loc, value)


def list_problem(model: type[BaseModel], loc: tuple, items: list[str]) -> tuple[list[str], str | None]:
    """(spellings as `[a, b]` items, problem or None) of a list answer for the list field at `loc`."""
    spelled = [spell(item, flow=True) for item in items]
    problem = next((p for item in items if (p := character_problem(item))), None)
    return [s for s, _ in spelled], problem or field_problem(model, loc, [v for _, v in spelled])
