"""data: `data/*.yaml` -> a validated `Handbook`, or every problem at once with its file:line:col.

`load` parses each file keeping the position of every value (`syntax`, `characters` and
`nesting` refuse what must not pass); `model/` holds the pydantic records and their JSON Schema
(`schema`); `checks/` looks across records; `validate` runs them all and `report` words the
problems in the voice of `messages`. `editions` and `gitsource` load other editions' data.
"""
