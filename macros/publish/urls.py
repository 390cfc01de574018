"""The one URL scheme of what a build publishes beside its pages (fixed by QUIZ_FORMAT.md).

Every path here is site-relative, with no leading slash; a folder URL ends in "/", and its file
is that folder's index.html.
"""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urljoin

EMBED, DOWNLOADS, WORKSHEETS, OEMBED = "embed", "downloads", "worksheets", "oembed"  # top folders of the built site
ASSETS = PurePosixPath("assets/closer")  # the project's own scripts and stylesheets
HOST_SCRIPT = f"{ASSETS}/embed.js"  # what coaches paste beside an embed's iframe


def embed_url(kind: str, name: str) -> str:
    """The embed page of a lesson or quiz; kind is "lessons" or "quizzes"."""
    return f"{EMBED}/{kind}/{name}/"


def download_url(kind: str, name: str) -> str:
    """The single-file offline download of a lesson or quiz."""
    return f"{DOWNLOADS}/{kind}/{name}.html"


def scorm_url(kind: str, name: str) -> str:
    """The SCORM 1.2 package of a lesson or quiz, for learning platforms."""
    return f"{DOWNLOADS}/scorm/{kind}/{name}.zip"


def gift_url(quiz_id: str) -> str:
    """A knowledge check's questions in GIFT, Moodle's question format."""
    return f"{DOWNLOADS}/gift/{quiz_id}.txt"


def oembed_url(kind: str, name: str) -> str:
    """The oEmbed answer for a lesson's or quiz's page, which blogs and editors read to embed it."""
    return f"{OEMBED}/{kind}/{name}.json"


def worksheet_url(slug: str) -> str:
    """A lesson's printable worksheet."""
    return f"{WORKSHEETS}/{slug}/"


def cards_url(quiz_id: str) -> str:
    """A deck's printable cut-out cards."""
    return f"{WORKSHEETS}/decks/{quiz_id}/"


def absolute_url(site_url: str, url: str, page_url: str = "") -> str:
    """A link's absolute address: url as written on the page at page_url, or site-relative with no page.

    The one rule for every copy read away from the site (embeds, downloads, packages, worksheets,
    GIFT, oEmbed): a site-relative URL resolved against a page's own address leads nowhere.
    """
    return urljoin(urljoin(site_url, page_url), url)


def file_of(url: str) -> PurePosixPath:
    """The file a site-relative URL is served from."""
    return PurePosixPath(url + "index.html" if url.endswith("/") else url)
