"""handbook: publish a local authority's services-to-schools handbook from YAML.

Each folder is a stage and imports only its own or earlier ones: core -> data -> views ->
presentation -> site | pdf -> commands (README.md, "How it is built"). `macros/` and
`overrides/` are thin MkDocs adapters over this.
"""

import os

# Why: the first time a model is built, pydantic looks for plugins by reading the entry points of
# every installed package, about 0.1 s here (a fifth of `handbook validate`); the handbook uses
# none. `setdefault`: whoever sets PYDANTIC_DISABLE_PLUGINS keeps their choice.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "1")

from handbook.core.errors import HandbookUserError, Problem  # noqa: E402
from handbook.data.validate import load_handbook, validate  # noqa: E402

__version__ = "0.1.0"
__all__ = ["HandbookUserError", "Problem", "__version__", "load_handbook", "validate"]
