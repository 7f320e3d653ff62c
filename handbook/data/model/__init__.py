"""model: pydantic records for each data file (the schema), and the `Handbook` that holds them.

Why no `from __future__ import annotations` in these modules, unlike the rest of the package: with
it every field's annotation is a string that pydantic compiles and evaluates when the class is
made, a third of the models' import time, which every command pays at start-up. Methods name their
own class as `Self`, or in quotes (tests/data/model/test_handbook.py keeps the rule).
"""

from handbook.data.model.handbook import FILES, OPTIONAL_FILES, Handbook

__all__ = ["FILES", "OPTIONAL_FILES", "Handbook"]
