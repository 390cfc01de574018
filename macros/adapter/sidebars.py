"""The sidebars that quiz pages share: in a large course, the nav is most of a page's rendering.

A quiz's own page is generated outside the nav, and its Markdown holds no heading, so its
sidebars are the whole nav with no entry current and an empty table of contents. Its links
are written relative to the page, and the link to any target outside the page's own folder is
the same from every folder beside it (`../../lessons/trust/` from quizzes/a/ and quizzes/b/).
So when no target of the nav lies inside the page's folder, its sidebars are those of every
such page beside it: the theme renders them once and the others reuse that HTML
(theme/main.html). Any page this cannot be said of renders its own.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit
from weakref import WeakKeyDictionary

import material

_SHARED: WeakKeyDictionary = WeakKeyDictionary()  # build -> its quiz pages' sidebars
# The templates the sidebars are made of: a site's own version of one could write the page's own title or address.
_THEME_OWN = ("base.html", "partials/nav.html", "partials/nav-item.html", "partials/toc.html", "partials/toc-item.html",
              "partials/logo.html", "partials/source.html")
_MATERIAL = Path(material.__file__).resolve().parent


class SharedSidebars:
    """One build's shared sidebars, by the folder their pages sit in."""

    def __init__(self):
        self._html: dict[str, str] = {}
        self._theme_own: bool | None = None

    def key(self, page, nav, config) -> str | None:
        """The folder whose pages show the same sidebars as page, or None where page's may differ."""
        if nav is None or any(item is page for item in nav.pages) or list(page.toc) or page.meta.get("hide"):
            return None
        if self._theme_own is None:
            self._theme_own = all(_from_material(config.theme.dirs, name) for name in _THEME_OWN)
        if not self._theme_own:
            return None
        folder, _, name = page.url.rpartition("/")
        if "." in name:  # quizzes/a.html: every page of the folder links as one
            return folder + "/"
        targets = _nav_targets(nav.items) + [str(written) for written in (config.extra.get("homepage"),
                                                                           config.theme.get("logo")) if written]
        if any(target is None or target.startswith(page.url) for target in targets if target != ""):
            return None  # a target inside the page's own folder (or one that cannot be told) is linked differently
        return folder.rpartition("/")[0] + "/"

    def get(self, key: str) -> str | None:
        return self._html.get(key)

    def keep(self, key: str, html: str) -> str:
        """The sidebars the first page of its folder rendered, for the others."""
        self._html[key] = html
        return html


def _nav_targets(items) -> list[str | None]:
    """The site paths the nav links to; None for a link relative to the page (which cannot be told apart)."""
    found = []
    for item in items:
        if getattr(item, "is_link", False):
            url = item.url or ""
            parts = urlsplit(url)
            found.append("" if parts.scheme or parts.netloc or url.startswith(("/", "#")) else None)  # as MkDocs tells
        elif getattr(item, "is_page", False):
            found.append(item.url)
        found += _nav_targets(getattr(item, "children", None) or [])
    return found


def _from_material(folders: list[str], name: str) -> bool:
    """Whether the theme's template name is Material's own (the first of the theme's folders that has it)."""
    found = next((Path(folder) for folder in folders if (Path(folder) / name).is_file()), None)
    return found is not None and found.resolve().is_relative_to(_MATERIAL)


def shared_sidebars(build) -> SharedSidebars:
    """The build's shared sidebars (a new build starts without)."""
    if build not in _SHARED:
        _SHARED[build] = SharedSidebars()
    return _SHARED[build]
