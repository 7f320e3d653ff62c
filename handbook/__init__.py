"""handbook: publish a local authority's services-to-schools handbook from YAML.

Each folder is a stage and imports only its own or earlier ones: core -> data -> views ->
presentation -> site | pdf -> commands (README.md, "How it is built"). `macros/` and
`overrides/` are thin MkDocs adapters over this.
"""

from handbook.core.errors import HandbookUserError, Problem

__version__ = "0.1.0"
__all__ = ["HandbookUserError", "Problem", "__version__", "load_handbook", "validate"]


def __getattr__(name: str):
    # Why lazily: validation imports the YAML loader and every check, which a command answered
    # from the cache (`handbook quote` asked again) never runs; `import handbook` stays cheap.
    if name in ("load_handbook", "validate"):
        from handbook.data import validate as module

        return getattr(module, name)
    raise AttributeError(f"module 'handbook' has no attribute {name!r}")
