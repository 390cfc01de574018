"""The built site's pages, and the few among them that hold every style the site draws."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
import xml.etree.ElementTree as ET


def sitemap_paths(built_site: Path) -> list[str]:
    """Every page of the site, in every language: the root's sitemap, then each language's (/es/...)."""
    urls = []
    # A language's folder has a sitemap of its pages; other folders' sitemaps are empty (see the plugin).
    for sitemap in [built_site / "sitemap.xml", *sorted(built_site.glob("*/sitemap.xml"))]:
        urls += [node.text for node in ET.parse(sitemap).iter() if node.tag.endswith("loc")]
    return ["/" + url.split("/", 3)[3] for url in urls]


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Styles(HTMLParser):
    """Each element and class in a page, with its parent's: what the style sheets can draw differently.

    A rule may style a kind of element inside another (a link in a note), so each kind is kept
    with the kind it sits in.
    """

    def __init__(self):
        super().__init__()
        self.found: set[tuple[str, str]] = set()
        self.open: list[str] = [""]

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        kinds = [f"{tag}.{name}" for name in classes] or [tag]
        self.found.update((self.open[-1], kind) for kind in kinds)
        if tag not in VOID:
            self.open.append(kinds[0])

    def handle_endtag(self, tag):
        if len(self.open) > 1 and tag not in VOID:
            self.open.pop()


def styles_of(built_site: Path, path: str) -> set[tuple[str, str]]:
    file = built_site / path.strip("/") / "index.html" if path.endswith("/") else built_site / path.strip("/")
    parser = _Styles()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser.found


def pages_covering_every_style(built_site: Path, paths: list[str]) -> list[str]:
    """A few of the paths that, between them, hold every element and class that all of them hold.

    A palette or a wider screen changes how each kind of element is drawn, not what a page says:
    a check of colours or of layout at one more size needs each kind once, not each page.
    """
    styles = {path: styles_of(built_site, path) for path in paths}
    left, chosen = set().union(*styles.values()), []
    while left:  # greedy: the page that adds the most kinds not yet seen, until none is left
        best = max(paths, key=lambda path: len(styles[path] & left))
        chosen.append(best)
        left -= styles[best]
    return chosen
