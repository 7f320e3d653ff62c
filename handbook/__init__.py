"""handbook: publish a local authority's services-to-schools handbook from YAML.

Each folder is a stage and imports only its own or earlier ones: core -> data -> views ->
presentation -> site | pdf -> commands (README.md, "How it is built"). `macros/` and
`overrides/` are thin MkDocs adapters over this.

The names below are imported when first asked for, not with the package: every `handbook`
command starts here, and the models behind `validate` take most of a second to import, which
`handbook --help` and the first question of `handbook new` need not wait for.
"""

from __future__ import annotations

import importlib
import os
from typing import Any

# Why: the first time a model is built, pydantic looks for plugins by reading the entry points of
# every installed package, about 0.1 s here (a fifth of `handbook validate`); the handbook uses
# none. `setdefault`: whoever sets PYDANTIC_DISABLE_PLUGINS keeps their choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

__version__ = "0.1.0"
__all__ = ["HandbookUserError", "Problem", "__version__", "load_handbook", "validate"]
_LAZY = {
    "HandbookUserError": "handbook.core.errors",
    "Problem": "handbook.core.errors",
    "load_handbook": "handbook.data.validate",
    "validate": "handbook.data.validate",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'handbook' has no attribute {name!r}")
