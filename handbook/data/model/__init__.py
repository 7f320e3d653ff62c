"""model: pydantic records for each data file (the schema), and the `Handbook` that holds them."""

from handbook.data.model.handbook import FILES, OPTIONAL_FILES, Handbook

__all__ = ["FILES", "OPTIONAL_FILES", "Handbook"]
