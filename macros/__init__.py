"""mkdocs-macros adapter: registers the engine's page functions and variables. No logic here.

Each prose page that opts in (`render_macros: true`) may call the functions of
`handbook.render.macro_functions` (e.g. `{{ price_list() }}`) and print the escaped variables of
`handbook.render.page_variables` (e.g. `{{ authority_name }}`).
"""

from handbook.site.adapter import data_dir, loaded_handbook, page_url_for
from handbook.render import macro_functions, page_variables


def define_env(env):
    handbook = loaded_handbook(env.conf)
    env.variables.update(page_variables(handbook))
    for name, function in macro_functions(handbook, data_dir(env.conf), page_url_for(lambda: env.page)).items():
        env.macro(function, name)
