"""mkdocs-macros adapter: registers the engine's page functions and variables. No logic here.

Each prose page that opts in (`render_macros: true`) may call the functions of
`handbook.presentation.prose.macro_functions` (e.g. `{{ price_list() }}`) and print the escaped variables of
`handbook.presentation.prose.page_variables` (e.g. `{{ authority_name }}`).
"""

from handbook.presentation.prose import page_variables
from handbook.site.adapter import loaded_handbook, page_functions, page_url_for


def define_env(env):
    handbook = loaded_handbook(env.conf)
    env.variables.update(page_variables(handbook))
    for name, function in page_functions(env.conf, handbook, page_url_for(lambda: env.page)).items():
        env.macro(function, name)
