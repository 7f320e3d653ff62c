"""Hooks for MkDocs and ProperDocs running the project's mkdocs.yml (`make serve`, mike): thin
calls into `handbook.site.adapter`, whose failures become the generator's own error. No logic here.
`handbook build` needs none of this: it prepares a config without hooks (handbook.site.prepare)."""

from mkdocs.exceptions import PluginError

from handbook.core.errors import HandbookUserError
from handbook.site import adapter


def on_startup(command, dirty):
    adapter.on_startup(command, dirty)


def on_serve(server, config, builder):
    return adapter.on_serve(server, config)


def on_page_markdown(markdown, page, config, files):
    return adapter.on_page_markdown(markdown, page.file.src_uri)


def on_env(env, config, files):
    return adapter.on_env(env)


def on_page_content(html, page, config, files):
    return adapter.on_page_content(html)


def on_files(files, config):
    return adapter.on_files(files, config)


def on_config(config):
    return adapter.on_config(config)


def on_pre_build(config):
    adapter.on_pre_build(config)


def on_post_build(config):
    try:
        adapter.on_post_build(config)
    except HandbookUserError as error:
        raise PluginError(str(error)) from error
