"""The site's pages as its sources name them (`lessons/trust.md`): URL and title, read without a generator.

`closer-export` points the links of quizzes, lessons and worksheets with this, where the plugin
asks MkDocs. Titles follow MkDocs' order: the nav's, the front matter's, the first `# ` heading,
else the file's name.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
import posixpath
import re

import yaml

from ..engine.lessons import ORDER
from ..engine.pages import split_front_matter
from ..messages import _, elsewhere_suffix, elsewhere_title
from ..render.text import plain

_HEADING = re.compile(r"^# +(.+?) *#*$", re.M)
_FENCE = re.compile(r"^(```|~~~).*?^\1", re.M | re.S)  # a "# " line in a code block is not a heading


def page_url(path: str) -> str:
    """The site-relative URL MkDocs gives a docs-relative Markdown path (folder URLs: the only kind Closer allows)."""
    stem = PurePosixPath(path).with_suffix("")
    if stem.name in ("index", "README"):
        folder = stem.parent.as_posix()
        return "" if folder == "." else folder + "/"
    return f"{stem.as_posix()}/"


def relative_url(url: str, from_url: str) -> str:
    """Url (site-relative) as a link from the page at from_url, as MkDocs writes it."""
    base = from_url if from_url.endswith("/") or not from_url else posixpath.dirname(from_url) + "/"
    relative = posixpath.relpath("/" + url, "/" + base)
    return relative + "/" if url.endswith("/") else relative


class SitePages:
    """Every page of a site's docs folder, and each quiz's own page, by docs-relative path."""

    def __init__(self, docs: Path, nav_titles: dict[str, str], quiz_titles: dict[str, str], others: tuple = ()):
        """others: the folders of docs/ that hold other languages' pages, which are not this site's."""
        self.urls: dict[str, str] = {}
        self.titles: dict[str, str | None] = {}
        self.sources: set[str] = set()  # the pages written in docs/, not each quiz's own
        for file in sorted(docs.rglob("*.md")) if docs.is_dir() else []:
            path = file.relative_to(docs).as_posix()
            if path.split("/", 1)[0] in others:
                continue
            self.urls[path] = page_url(path)
            self.titles[path] = nav_titles.get(path) or _source_title(path, file.read_text(encoding="utf-8"))
            self.sources.add(path)
        for quiz_id, title in quiz_titles.items():  # a quiz page's title is the quiz's, as the plugin sets it
            path = f"quizzes/{quiz_id}.md"
            self.urls[path], self.titles[path] = page_url(path), title

    def site_path(self, target: str) -> str | None:
        """The site-relative URL of a docs-relative page path, with its anchor; None if no such page."""
        path, _, anchor = target.partition("#")
        url = self.urls.get(path)
        return None if url is None else url + (f"#{anchor}" if anchor else "")

    def link(self, from_url: str, target: str) -> str:
        """A docs-relative page path as a link from the page at from_url (the path itself if missing)."""
        url = self.site_path(target)
        if url is None:
            return target
        path, _, anchor = url.partition("#")
        return relative_url(path, from_url) + (f"#{anchor}" if anchor else "")

    def note(self, target: str) -> str:
        """What follows a link to target: nothing, in the default language's own pages."""
        return ""

    def link_title(self, target: str) -> str:
        title = self.titles.get(target.split("#", 1)[0])
        if title:
            return title
        stem = PurePosixPath(target.split("#", 1)[0]).stem
        # Translators: a link's text for the site's home page when it has no title of its own.
        return _("Home") if stem == "index" else stem.replace("-", " ").capitalize()


class LanguagePages:
    """Another language's pages (docs/<lang>/, built into /<lang>/), as the plugin's language build sees them.

    A page that language lacks is the default language's page, linked across and titled as such:
    "Trust (in English)".
    """

    def __init__(self, own: SitePages, default: SitePages, lang: str, default_lang: str):
        self.own, self.default, self.root, self.default_lang = own, default, f"{lang}/", default_lang

    def _default_only(self, target: str) -> str | None:
        """The default language's URL of a page only it has; None for any other page."""
        return None if self.own.site_path(target) is not None else self.default.site_path(target)

    def site_path(self, target: str) -> str | None:
        url = self._default_only(target)
        if url is None:
            return self.own.site_path(target)
        path, _, anchor = url.partition("#")
        return relative_url(path, self.root) + (f"#{anchor}" if anchor else "")

    def link(self, from_url: str, target: str) -> str:
        if self._default_only(target) is None:
            return self.own.link(from_url, target)
        return self.default.link(self.root + from_url, target)

    def note(self, target: str) -> str:
        """What follows a link to target: " (in English)" when only the default language has it."""
        return "" if self._default_only(target) is None else elsewhere_suffix(self.default_lang)

    def link_title(self, target: str) -> str:
        if self._default_only(target) is None:
            return self.own.link_title(target)
        return elsewhere_title(self.default.link_title(target), self.default_lang)


def _source_title(path: str, text: str) -> str | None:
    """A page's own title: its front matter's (a lesson's as plain text), else its first `# ` heading."""
    head, body = split_front_matter(text)
    try:
        meta = yaml.safe_load(head) if head else None  # checked, and located, by closer-check already
    except yaml.YAMLError:
        meta = None
    title = meta.get("title") if isinstance(meta, dict) else None
    if isinstance(title, str):
        lesson = PurePosixPath(path).parent.as_posix() == "lessons" and PurePosixPath(path).stem in ORDER
        return plain(title) if lesson else title
    heading = _HEADING.search(_FENCE.sub("", body))
    return heading.group(1) if heading else None
