"""handbook: publish a local authority's services-to-schools handbook from YAML.

Each folder is a stage and imports only its own or earlier ones: core -> data -> views ->
presentation -> site | pdf -> commands (README.md, "How it is built"). `macros/` and
`overrides/` are thin MkDocs adapters over this.
"""

from handbook.core.errors import HandbookUserError, Problem
from handbook.data.validate import load_handbook, validate

__version__ = "0.1.0"
__all__ = ["HandbookUserError", "Problem", "__version__", "load_handbook", "validate"]
