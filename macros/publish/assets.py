"""The site's own scripts and stylesheets, minified once the build has copied them.

rjsmin and rcssmin only drop comments and whitespace (no renaming), so what runs is what the
source says; a reader of docs/assets/ still gets the commented source.
"""

from __future__ import annotations

from pathlib import Path

import rcssmin
import rjsmin

from .urls import ASSETS

MINIFIERS = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def minify_assets(site: Path) -> dict[str, tuple[int, int]]:
    """Minify every Closer asset in the built site in place; return name -> (bytes before, after)."""
    sizes = {}
    for path in sorted((site / ASSETS).iterdir()):
        minify = MINIFIERS.get(path.suffix)
        if minify is None:
            continue
        source = path.read_text(encoding="utf-8")
        small = minify(source).strip() + "\n"
        path.write_text(small, encoding="utf-8")
        sizes[path.name] = (len(source.encode()), len(small.encode()))
    return sizes
