"""data/protocols.yaml: procedures step by step, and the public framework for schools causing concern.

The register of which school is at which level is confidential and has no field here by design.
"""

from pydantic import Field

from handbook.core.limits import MAX_LIST, MAX_PRINTED_LINES, MAX_RECORDS, MAX_TABLE_COLUMNS, PRINTED_TEXT_RULE
from handbook.data.model.base import Record
from handbook.data.model.types import Markdown, Name, Slug, Text, Visibility, VisibilityField, WholeNumber


class Step(Record):
    title: Name = Field(description="The step in a few words.")
    detail: Text = Field(description="What to do.")
    who: Slug | None = Field(default=None, description="The contact role (id) who acts or is contacted at this step.")


class Protocol(Record):
    id: Slug
    title: Name = Field(description="The protocol's title.")
    summary: Text = Field(description="When it applies, in a sentence or two.")
    steps: list[Step] = Field(min_length=1, max_length=MAX_LIST, description="The steps in order.")
    visibility: VisibilityField = Visibility.PUBLIC


class ConcernLevel(Record):
    level: WholeNumber = Field(ge=1, le=9, description="The level's number; 1 is the least concern.")
    name: Name = Field(description="The level's name.")
    triggers: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="What places a school at this level.")
    support: list[Text] = Field(min_length=1, max_length=MAX_LIST, description="Support the authority gives.")
    intervention: list[Text] = Field(default_factory=list, max_length=MAX_LIST, description="Formal intervention at this level.")
    expected_improvement: Text = Field(description="The improvement expected.")
    timescale: Text = Field(description="In what time.")


class ConcernFramework(Record):
    introduction: Markdown = Field(description=f"How the framework works. The PDF prints it: at most {MAX_PRINTED_LINES} lines, and a table at most {MAX_TABLE_COLUMNS} columns.")
    levels: list[ConcernLevel] = Field(min_length=2, max_length=9, description="The levels, lowest concern first.")


class ProtocolsFile(Record):
    protocols: list[Protocol] = Field(min_length=1, max_length=MAX_RECORDS, description="Procedures. " + PRINTED_TEXT_RULE)
    concern_framework: ConcernFramework = Field(description="The public framework for schools causing concern (never which school is at which level).")
