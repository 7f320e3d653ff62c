"""presentation: views -> words and markup, shared by the site and the PDF.

`wording` holds every label and phrase; `escape` one escaping function per output; `markdown`
turns officers' Markdown into safe HTML; `templating` is the Jinja environment; `prose` and
`macros` render the docs pages' `{{ ... }}` calls; `changes` words a change report; `chart` draws
the organisation chart. Nothing here knows which generator builds the site.
"""
