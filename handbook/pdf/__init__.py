"""pdf: the validated `Handbook` and the project's prose pages -> the PDF edition for governors.

`assemble` writes the book (cover, foreword, contents, numbered sections, catalogue, appendices)
as Typst markup over the components of `book.typ`: the parts made from data straight from the
views (`parts`, `catalogue`), the prose pages and officers' Markdown from Python-Markdown's
element tree (`parse`, `prose`, `tree`), text always through `markup`'s escaping. `write`
compiles it into a tagged PDF/UA-1 file. Nothing here changes the data, and nothing internal is
printed: every record comes through the views' public queries.
"""
