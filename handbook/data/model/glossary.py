"""data/glossary.yaml: the acronyms the handbook uses, each with its meaning.

The file is optional (a data folder without it has an empty glossary), so older editions and
other authorities' data still load. Where it exists, validation warns about an acronym the data
or the prose pages use that it does not explain (`handbook.data.checks.glossary`).
"""

import re
from typing import Annotated

from pydantic import Field, StringConstraints

from handbook.core.limits import MAX_RECORDS
from handbook.data.model.base import Record
from handbook.data.model.types import Name, Text

# What counts as an acronym in running text: a word of two or more capitals and digits, starting
# with a capital (SEND, EHCP, KS2, SENCO), optionally a lower-case plural `s` (SENCOs). Shared by
# the check and the abbreviations the site and the PDF add, so they agree on what a use is.
ACRONYM = re.compile(r"(?<![\w@./-])([A-Z][A-Z0-9&]*[A-Z0-9])(?=s?(?![\w@/]))")

Acronym = Annotated[
    str,
    StringConstraints(pattern=r"^[A-Z][A-Z0-9&]*[A-Z0-9]$", max_length=20),
    Field(description="The acronym as it is written, in capitals and digits, e.g. `SACRE` or `KS2`.", examples=["SEND"]),
]


def acronyms(text: str) -> list[str]:
    """Every acronym written in `text`, in order (with repeats)."""
    return ACRONYM.findall(text)


class Term(Record):
    term: Acronym
    meaning: Name = Field(description="What it stands for, as the handbook spells it out, e.g. `Special educational needs and disabilities`.")
    description: Text | None = Field(default=None, description="A sentence on what it is, where the meaning alone does not say.")


class GlossaryFile(Record):
    terms: list[Term] = Field(default_factory=list, max_length=MAX_RECORDS, description="Every acronym the handbook uses, with its meaning. The site marks each use as an abbreviation and the PDF spells it out on first use.")
