"""What a built site hands on (embeds, downloads, package launch pages, worksheets) and where their links lead."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit
import zipfile

from bs4 import BeautifulSoup

LINKING = ("href", "src", "action")


def handed_on(site: Path) -> dict[str, str]:
    """Each page a reader may meet away from the site, by its site-relative URL; a package's by the package's."""
    pages = {}
    for folder in ("embed", "downloads", "worksheets"):
        for file in sorted((site / folder).rglob("*.html")):
            pages[file.relative_to(site).as_posix().removesuffix("index.html")] = file.read_text(encoding="utf-8")
    for package in sorted((site / "downloads").rglob("*.zip")):
        with zipfile.ZipFile(package) as archive:
            pages[package.relative_to(site).as_posix()] = archive.read("index.html").decode("utf-8")
    return pages


def broken_links(site: Path, origin: str, pages: dict[str, str]) -> tuple[int, list[tuple[str, str]]]:
    """How many links the pages have to the site's origin or to their own parts, and (page, link) for each that fails.

    An embed or worksheet is read on the site; a download or package is opened from a disk or a
    learning platform, so a relative link there leads nowhere, and its own anchors must be in it.
    """
    count, broken = 0, []
    for url, text in pages.items():
        tree = BeautifulSoup(text, "html.parser")
        ids = {tag["id"] for tag in tree.find_all(id=True)}
        offline = url.startswith("downloads/")
        for tag in tree.find_all(True):
            for link in (tag[name] for name in LINKING if tag.get(name) is not None):
                parts = urlsplit(urljoin(f"{origin}/{url}", link))
                if link.startswith("#"):
                    count += 1
                    if link[1:] and unquote(link[1:]) not in ids:
                        broken.append((url, link))
                elif f"{parts.scheme}://{parts.netloc}" == origin:
                    count += 1
                    path = unquote(parts.path).lstrip("/")
                    file = site / (path + "index.html" if path.endswith("/") or not path else path)
                    if (offline and not urlsplit(link).scheme) or not file.is_file():
                        broken.append((url, link))
    return count, broken
