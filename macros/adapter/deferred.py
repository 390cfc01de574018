"""Work a build leaves until a page asks for it: mkdocs-macros' `git` variables.

mkdocs-macros runs `git` thirteen times in every build's on_config (twice per build of a site in
two languages) to fill the `git` variable (commit, tag, author...), which no page of a Closer site
reads. The variable becomes a mapping that runs those commands the first time a page reads it, so
a page that writes `{{ git.short_commit }}` still shows it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mkdocs_macros import context


class OnFirstRead(Mapping):
    """A mapping whose contents come from a function called once, when first read."""

    def __init__(self, make: Callable[[], dict]):
        self._make, self._made = make, None

    @property
    def _data(self) -> dict:
        if self._made is None:
            self._made = self._make() or {}
        return self._made

    def __getitem__(self, key: str) -> Any:
        return self._data[key]

    def __iter__(self):
        return iter(self._data)

    def __len__(self) -> int:
        return len(self._data)

    def __repr__(self) -> str:  # mkdocs-macros writes every variable into a debug message, on every build
        return repr(self._made) if self._made is not None else "(read when a page first reads it)"


def defer_git_variables() -> None:
    """Make mkdocs-macros' `git` variable run git when read, not in every build (once per process)."""
    make = getattr(context, "get_git_info", None)
    if make is not None and not getattr(make, "closer_deferred", False):
        def deferred():
            return OnFirstRead(make)
        deferred.closer_deferred = True
        context.get_git_info = deferred
