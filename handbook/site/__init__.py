"""site: the website stage. Validated `Handbook` -> generated service pages, downloads, and the
MkDocs adapter (hooks) that wires them into a Material for MkDocs build. Never writes outside
`docs/services/` and the site folder; never evaluates data text as a template."""
