"""The built site's pages, and the few among them that hold every style the site draws."""

from __future__ import annotations

import functools
from pathlib import Path
import xml.etree.ElementTree as ET

from bs4 import BeautifulSoup


def sitemap_paths(built_site: Path) -> list[str]:
    """Every page of the site, in every language: the root's sitemap, then each language's (/es/...)."""
    urls = []
    # A language's folder has a sitemap of its pages; other folders' sitemaps are empty (see the plugin).
    for sitemap in [built_site / "sitemap.xml", *sorted(built_site.glob("*/sitemap.xml"))]:
        urls += [node.text for node in ET.parse(sitemap).iter() if node.tag.endswith("loc")]
    return ["/" + url.split("/", 3)[3] for url in urls]


def kind(element) -> str:
    """An element as a style sheet can pick it out: its tag and first class."""
    classes = element.get("class") or []
    return f"{element.name}.{classes[0]}" if classes else element.name


def styles_of(built_site: Path, path: str) -> set[tuple[str, str]]:
    """Each element and class in a page, with the kind it sits in: what the style sheets can draw differently.

    A rule may style a kind of element inside another (a link in a note), so each kind is kept
    with its parent's.
    """
    file = built_site / path.strip("/") / "index.html" if path.endswith("/") else built_site / path.strip("/")
    page = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")
    return {(kind(element.parent), f"{element.name}.{name}" if name else element.name)
            for element in page.find_all(True) for name in (element.get("class") or [""])}


@functools.cache
def pages_covering_every_style(built_site: Path) -> list[str]:
    """A few of the site's pages that, between them, hold every element and class that all of them hold.

    A palette or a wider screen changes how each kind of element is drawn, not what a page says:
    a check of colours or of layout at one more size needs each kind once, not each page.
    """
    paths = sitemap_paths(built_site)
    styles = {path: styles_of(built_site, path) for path in paths}
    left, chosen = set().union(*styles.values()), []
    while left:  # greedy: the page that adds the most kinds not yet seen, until none is left
        best = max(paths, key=lambda path: len(styles[path] & left))
        chosen.append(best)
        left -= styles[best]
    return chosen  # read three times a session (both palettes and 200 % zoom): parsed once
