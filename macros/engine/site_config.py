"""What a site's mkdocs.yml and docs/ must be for Closer's guarantees to hold, checked by the build and the CLI alike.

Every page needs the quick exit and the privacy policy (Closer's `main.html`), no page may load
anything from another site (the theme's web fonts would), page addresses are folders (embeds
and downloads name them so), and docs/ holds only pages and pictures.
"""

from __future__ import annotations

from pathlib import Path
import re
from urllib.parse import urlsplit

from .loading import line_col
from .problems import Problem

# Files of docs/ that are not pages: pictures that cannot carry script (no SVG, no HTML), so no
# file an author adds is served as a page or a script of the site (Closer's own come with it).
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")
THEME = Path(__file__).resolve().parents[1] / "theme"  # Closer's own templates: a copy of its main.html is fine
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f\"'<>\\]")


def where(config_text: str, key: str) -> tuple[int, int]:
    """Line and column of a key's value in mkdocs.yml, or (1, 1) when it is not written."""
    match = re.search(rf"^[ \t]*{re.escape(key)}[ \t]*:[ \t]*", config_text, re.M)
    return line_col(config_text, match.end()) if match else (1, 1)


def https_address(url) -> bool:
    parts = urlsplit(url) if isinstance(url, str) else None
    return bool(parts and parts.scheme == "https" and parts.hostname and not _UNSAFE.search(url))


def check_quick_exit(url, config_text: str, config_name: str) -> list[Problem]:
    """The quick exit must lead to an https: page: it is written into every page's header."""
    if https_address(url):
        return []
    what = "extra.quick_exit_url is missing" if url is None else f"extra.quick_exit_url '{str(url)[:60]}' " \
        "is not an https: address"
    return [Problem(config_name, *where(config_text, "quick_exit_url"), what, "set it to the https: address of "
                    "a neutral site, like https://www.bbc.com/weather")]


def check_site_url(url, config_text: str, config_name: str) -> list[Problem]:
    """The site's own address: embed codes, oEmbed answers, worksheets, downloads and packages link back to it."""
    if isinstance(url, str) and url.strip():
        return []
    return [Problem(config_name, *where(config_text, "site_url"), "the site has no address (site_url), which its "
                    "embed codes, oEmbed answers, worksheets, downloads and packages link back to",
                    "set CLOSER_SITE_URL to the address it is published at, like CLOSER_SITE_URL=https://closer.example/ "
                    "mkdocs build --strict, or write it as site_url in mkdocs.yml")]


# Closer's macros module before the package was named `closer` (a `macros` module could be any site's).
OLD_MODULE, MODULE = "macros.adapter", "closer.adapter"


def check_macros_modules(modules, config_text: str, config_name: str) -> list[Problem]:
    """The macros plugin must load Closer's module by its name in the installed package."""
    if not isinstance(modules, list) or OLD_MODULE not in modules:
        return []
    return [Problem(config_name, *where(config_text, "modules"), f"the macros plugin's modules name {OLD_MODULE}, "
                    "Closer's module before it was installed as the package `closer`",
                    f"write `modules: [{MODULE}]` under the macros plugin")]


def rename_old_module(macros_options, config_text: str, config_name: str) -> list[Problem]:
    """check_macros_modules, and the old name replaced in the options, so the build goes on to find the rest."""
    modules = macros_options.get("modules") if macros_options is not None else None
    found = check_macros_modules(modules, config_text, config_name)
    if found:
        macros_options["modules"] = [MODULE if name == OLD_MODULE else name for name in modules]
    return found


def check_site_config(theme: str | None, font, custom_dir: Path | None, directory_urls: bool, course_url,
                      config_text: str, config_name: str) -> list[Problem]:
    """The theme, its fonts and templates, page addresses and the published course's address."""
    found = []

    def problem(key: str, what: str, fix: str) -> None:
        found.append(Problem(config_name, *where(config_text, key), what, fix))
    if theme != "material":
        problem("theme", f"theme '{theme}' is not supported", "use theme: name: material; Closer's templates "
                "extend it")
    if font is not False:
        problem("font" if "font" in config_text else "theme", "the theme's fonts load from Google Fonts, another "
                "site", "add font: false under theme, so every request stays on this site")
    own = custom_dir / "main.html" if custom_dir is not None else None
    if own is not None and own.is_file() and own.read_bytes() != (THEME / "main.html").read_bytes():
        problem("custom_dir", f"{custom_dir.name}/main.html hides Closer's, which adds the quick exit and the "
                "privacy policy to every page", "rename it, and put your changes in the theme's partials instead")
    if not directory_urls:
        problem("use_directory_urls", "use_directory_urls: false is not supported", "remove it: embeds, "
                "downloads and packages name each page by its folder")
    if course_url is not None and not https_address(course_url):
        problem("course_url", f"course_url '{str(course_url)[:60]}' is not an https: address",
                "set it to the published course's address, like https://closer.example/")
    return found


def check_docs_file(path: str, source: Path, docs: Path, folder: str = "docs") -> Problem | None:
    """A file of docs/ (path relative to it) is a page or a picture, inside docs/.

    folder: where the docs are in the project, as problems name it (`docs/es` in a language's build).
    """
    if source.is_symlink() or not source.resolve().is_relative_to(docs.resolve()):
        return Problem(f"{folder}/{path}", 1, 1, "this file links to a file outside docs/", "put the file itself in docs/")
    if not (path.endswith(".md") or path.lower().endswith(PICTURES)):
        return Problem(f"{folder}/{path}", 1, 1, "this kind of file is not allowed in docs/",
                       "write pages in Markdown; add pictures as " + ", ".join(PICTURES))
    return None
