"""The one URL scheme of what a build publishes beside its pages (fixed by QUIZ_FORMAT.md).

Every path here is site-relative, with no leading slash; a folder URL ends in "/", and its file
is that folder's index.html.
"""

from __future__ import annotations

from pathlib import PurePosixPath

EMBED, DOWNLOADS, WORKSHEETS = "embed", "downloads", "worksheets"  # top folders of the built site
ASSETS = PurePosixPath("assets/closer")  # the project's own scripts and stylesheets
HOST_SCRIPT = f"{ASSETS}/embed.js"  # what coaches paste beside an embed's iframe


def embed_url(kind: str, name: str) -> str:
    """The embed page of a lesson or quiz; kind is "lessons" or "quizzes"."""
    return f"{EMBED}/{kind}/{name}/"


def download_url(kind: str, name: str) -> str:
    """The single-file offline download of a lesson or quiz."""
    return f"{DOWNLOADS}/{kind}/{name}.html"


def worksheet_url(slug: str) -> str:
    """A lesson's printable worksheet."""
    return f"{WORKSHEETS}/{slug}/"


def file_of(url: str) -> PurePosixPath:
    """The file a site-relative URL is served from."""
    return PurePosixPath(url + "index.html" if url.endswith("/") else url)
