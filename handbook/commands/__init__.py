"""commands: the `handbook` command an officer runs: validate, build, pdf, schema, publish, review, new, diff, quote.

Each subcommand is a module over the earlier stages; `cli` parses the arguments and turns a
`HandbookUserError` into a message and an exit status, never a traceback.
"""
