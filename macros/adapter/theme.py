"""The site's theme as Closer sets it up: its own templates added, compiled once, listed lightly.

Closer's templates (quick exit, policy, titles) come after the site's custom_dir, so a coach's
site gets them by adding the plugin.

Every Jinja environment the theme makes shares the process's compiled templates (reuse.py): the
build's own, and the one the search plugin makes in every build to render its language partials.

Before any plugin sees the Jinja environment, MkDocs lists every file in the theme's folders to
copy the static ones, then drops each path with a part that starts with a dot. mkdocs-material
keeps its 14,300 icons in `.icons/`, so every build walked and matched them only to drop them:
about 0.09 s a build, twice for a site in two languages and again on every `./dev serve` save.
"""

from __future__ import annotations

import os

from jinja2 import Environment, FileSystemLoader

from ..engine.site_config import THEME
from .reuse import TEMPLATES


class VisibleFiles(FileSystemLoader):
    """Loads templates as MkDocs' loader does, but lists none under a hidden folder or name.

    Only the listing changes: a theme still includes its icons from `.icons/` by name.
    """

    def list_templates(self) -> list[str]:
        names = set()
        for root in self.searchpath:
            for folder, subfolders, files in os.walk(root, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]  # not walked at all
                # relpath, not slicing: MkDocs hands custom_dir on as written, "overrides//" included.
                inside = os.path.relpath(folder, root).replace(os.sep, "/")
                names.update(name if inside == "." else f"{inside}/{name}" for name in files if not name.startswith("."))
        return sorted(names)


def set_up_theme(theme) -> None:
    """Add Closer's templates to the site's theme; its environments share compiled templates and list only visible files."""
    theme.dirs.insert(1 if theme.custom_dir else 0, str(THEME))
    make_environment = theme.get_env

    def environment() -> Environment:
        env = make_environment()
        env.bytecode_cache = TEMPLATES  # each template compiled once in the process
        if type(env.loader) is FileSystemLoader:  # as MkDocs makes it; anything else is left alone
            loader = env.loader
            env.loader = VisibleFiles(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme.get_env = environment
