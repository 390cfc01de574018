"""The one folder that knows MkDocs and mkdocs-macros.

- `plugin`: the `closer` MkDocs plugin (its options in `config`), with each build's state on it;
- `build`: what one build knows, and the HTML it holds back from Markdown;
- `course_pages`: quiz pages, lesson pages and their parts;
- `checks`: the site-level checks (files in docs/, the quick exit's address);
- `sidebars`: the sidebars quiz pages share, rendered once;
- `macros_module`: what mkdocs-macros loads (`modules: [closer.adapter]` in mkdocs.yml).
"""

from .macros_module import define_env, on_post_page_macros, on_pre_page_macros
from .plugin import CloserPlugin

__all__ = ["CloserPlugin", "define_env", "on_post_page_macros", "on_pre_page_macros"]
