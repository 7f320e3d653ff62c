"""views: pure named queries over a validated `Handbook` -> plain data. No I/O, no formatting.

Site pages, downloads, macros and the PDF all call the same functions, so a new entry in
`data/` reaches every output with no other edit. Internal records are filtered out here, once.
"""
