"""core: what every stage stands on and that knows nothing of the handbook's content.

Errors and problems as values (`errors`), the limits on untrusted input (`limits`), the cache of
results keyed by their inputs (`cache`), reproducible dates (`reproducible`) and where the
project's files are (`project`). Nothing here imports another stage.
"""
