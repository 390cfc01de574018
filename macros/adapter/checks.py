"""Site-level checks: what files docs/ may hold, and where the quick exit leads."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
import re
from urllib.parse import urlsplit

from ..engine.loading import line_col
from ..engine.pages import check_front_matter
from ..engine.problems import Problem
from .build import Build, page_file

# Files of docs/ that are not pages: the project's own assets, and pictures that cannot carry
# script (no SVG, no HTML), so no file an author adds is served as a page of the site.
OWN_ASSETS = "assets/closer/"
PICTURES = (".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif")


def check_docs_files(build: Build, files, docs: Path) -> None:
    """Every file of docs/ is a page, one of the project's assets or a picture, and lies in docs/."""
    for file in files:
        source = Path(file.abs_src_path) if file.abs_src_path else None
        if source is None or not source.is_relative_to(docs):
            continue  # the theme's own files, and generated pages
        if source.is_symlink() or not source.resolve().is_relative_to(docs.resolve()):
            build.page_problems.append(Problem(page_file(file), 1, 1, "this file links to a file outside docs/",
                                               "put the file itself in docs/"))
        elif not (file.is_documentation_page() or file.src_uri.startswith(OWN_ASSETS)
                  or file.src_uri.lower().endswith(PICTURES)):
            build.page_problems.append(Problem(page_file(file), 1, 1, "this kind of file is not allowed in docs/",
                                               "write pages in Markdown; add pictures as " + ", ".join(PICTURES)))


def check_front_matters(build: Build, files) -> None:
    """Front matter of every written page, before anything renders; a refused page is never rendered."""
    for file in files.documentation_pages():
        if file.src_uri in build.quiz_pages:
            continue
        problems = check_front_matter(file.content_string, page_file(file),
                                      lesson=PurePosixPath(file.src_uri).parent.as_posix() == "lessons")
        build.page_problems.extend(problems)
        if any(not p.warning for p in problems):
            build.refused.add(file.src_uri)


def check_quick_exit(url, config_file: Path) -> list[Problem]:
    """The quick exit must lead to an https: page: it is written into every page's header."""
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    match = re.search(r"^[ \t]*quick_exit_url[ \t]*:[ \t]*", text, re.M)
    line, col = line_col(text, match.end()) if match else (1, 1)
    parts = urlsplit(url) if isinstance(url, str) else None
    if parts and parts.scheme == "https" and parts.hostname and not re.search(r"[\s\x00-\x1f\x7f\"'<>\\]", url):
        return []
    what = "extra.quick_exit_url is missing" if url is None else f"extra.quick_exit_url '{str(url)[:60]}' " \
        "is not an https: address"
    return [Problem(config_file.name, line, col, what, "set it to the https: address of a neutral site, like "
                    "https://www.bbc.com/weather")]
