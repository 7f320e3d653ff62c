"""pdf: the validated `Handbook` and the docs' prose -> the PDF edition for governors.

`assemble` builds one print HTML document (cover, foreword, contents, numbered sections,
catalogue, appendices) from the same views and prose as the website; `typeset` turns it into
Typst markup over the components of `book.typ`, and `write` compiles that into a tagged
PDF/UA-1 file. Nothing here changes the data, and nothing internal is
printed: every record comes through the views' public queries.
"""
