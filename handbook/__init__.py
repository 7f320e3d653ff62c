"""handbook: publish a local authority's services-to-schools handbook from YAML.

Stages, each importing only earlier ones: load -> model -> checks -> validate -> views ->
render -> site / pdf -> cli. `macros/` and `overrides/` are thin MkDocs adapters over this.
"""

from handbook.core.errors import HandbookUserError, Problem
from handbook.data.validate import load_handbook, validate

__version__ = "0.1.0"
__all__ = ["HandbookUserError", "Problem", "__version__", "load_handbook", "validate"]
