"""MkDocs hooks adapter: generated service pages, branding, PDF link, downloads, the guard. No logic here."""

from handbook.site.adapter import on_config, on_files, on_page_markdown, on_post_build, on_pre_build  # noqa: F401  (MkDocs calls them)
