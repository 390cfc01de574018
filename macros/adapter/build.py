"""What one build knows, kept on the plugin: quizzes, lessons, files, problems and held-back HTML."""

from __future__ import annotations

from contextvars import ContextVar
import html
from pathlib import Path
import re
import secrets
from typing import Callable

from markupsafe import Markup
from mkdocs.utils import get_markdown_title, get_relative_url
from mkdocs.utils.meta import get_data

from ..engine.catalog import Catalog
from ..engine.lessons import ORDER, Lesson
from ..engine.pages import MacroCall, dangling_link
from ..engine.problems import Problem
from ..messages import _
from ..render.text import plain


class Build:
    """One build's state; a new one for each build, so `mkdocs serve` never mixes two."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self.lessons: dict[str, Lesson] = {}  # page uri -> the valid lesson it holds
        self.files = None
        self.course_url: str | None = None  # the published course, for its pages this site lacks
        self.page_problems: list[Problem] = []
        self.calls: dict[str, list[MacroCall]] = {}  # page uri -> its allowed macro calls, in render order
        self.quizzes_on_page: dict[str, int] = {}  # page uri -> quiz widgets so far (their ids differ)
        self.refused: set[str] = set()  # pages whose front matter failed: never rendered
        self.quiz_pages: dict[str, str] = {}  # generated page -> quiz id
        self.untranslated: set[str] = set()
        self.alternated: list[str] = []  # pages with a copy in another language (hreflang links)  # in a language's build: the default's quizzes it lacks
        # A page only the default language has, from a page of another language's build: (link, title).
        self.elsewhere: Callable[[str, str], tuple[str, str] | None] = lambda target, from_url: None
        self.elsewhere_note: Callable[[str], str | None] = lambda target: None  # " (in English)" after its link
        self.standalone: list = []  # lessons as rendered, for embeds and downloads
        self.worksheets: list = []
        self.script_hashes: set[str] = set()  # inline scripts the theme and our templates write
        # HTML made from author text goes into pages after Markdown, so it is never read twice;
        # the placeholder carries a token of this build that no page can guess.
        self.token = secrets.token_hex(8)
        self.placeholder = re.compile(self.token + r"-(\d+)")
        self._placeholder_div = re.compile(f'<div data-closer-stash="{self.placeholder.pattern}"></div>')
        self.held: list[str] = []
        self.unsearchable: set[int] = set()  # indexes in held put in after the search index
        self._sources: dict[str, str] = {}
        self.reading: str | None = None  # the page being rendered
        self.title_reads: dict[str, set[str]] = {}  # a page path -> the pages that showed its title

    def source(self, file) -> str:
        """A page's Markdown as written, read once for the checks, the lessons and the bundle."""
        if file.src_uri not in self._sources:
            self._sources[file.src_uri] = file.content_string
        return self._sources[file.src_uri]

    def problems(self) -> list[Problem]:
        return sorted(set(self.catalog.problems + self.page_problems))

    def stash(self, finished_html: str, searchable: bool = True) -> Markup:
        """A placeholder for Markdown to pass through; `unstash` puts the finished HTML back.

        HTML made from author text must not be read as Markdown a second time, and Markdown would
        only re-read a finished widget (a fifth of the quiz cost of a build). A quiz widget is not
        searchable: it goes in after the search index is made, so a search never shows a check's
        answers or explanations, and the index does not parse every option of every quiz.
        """
        self.held.append(finished_html)
        if not searchable:
            self.unsearchable.add(len(self.held) - 1)
        return Markup(f'<div data-closer-stash="{self.token}-{len(self.held) - 1}"></div>')

    def unstash(self, page_html: str, searchable_only: bool = False) -> str:
        def held(match: re.Match) -> str:
            index = int(match.group(1))
            return match.group(0) if searchable_only and index in self.unsearchable else self.held[index]
        return self._placeholder_div.sub(held, page_html)

    def landed_lessons(self) -> list[Lesson]:
        by_slug = {lesson.slug: lesson for lesson in self.lessons.values()}
        return [by_slug[slug] for slug in ORDER if slug in by_slug]

    def macro_call(self, page, name: str) -> tuple[int, int]:
        """The file position of this page's next call of the macro name (calls render in file order)."""
        calls = self.calls.get(page.file.src_uri, [])
        index = next((i for i, call in enumerate(calls) if call.name == name), None)
        if index is None:
            return 1, 1
        call = calls.pop(index)
        return call.line, call.col

    def target_file(self, target: str):
        return self.files.get_file_from_path(target.split("#", 1)[0]) if self.files else None

    def link(self, page, target: str, written: str | None = None) -> str:
        """The URL of a docs-relative page path, relative to the page being rendered.

        written: the link as the page's own source has it, to report a dangling one where it is.
        """
        file = self.target_file(target)
        found = self.elsewhere(target, page.file.url) if file is None else None
        if found is not None:
            return found[0]
        if file is None:
            self.page_problems.append(dangling_link(page_file(page), page.file.content_string, written, target))
            return target
        return get_relative_url(file.url, page.file.url) + anchor(target)

    def site_path(self, target: str) -> str | None:
        """The site-relative URL of a docs-relative page path (links were checked when the site built).

        A page only the default language has is reached from this language's root (`../privacy/`).
        """
        file = self.target_file(target)
        if file is not None:
            return file.url + anchor(target)
        found = self.elsewhere(target, "")
        return None if found is None else found[0]

    def link_title(self, target: str) -> str:
        """The target page's title, or a readable form of its file name."""
        if self.reading is not None:  # `./dev serve` renders this page again when that title changes
            self.title_reads.setdefault(target.split("#", 1)[0], set()).add(self.reading)
        file = self.target_file(target)
        found = self.elsewhere(target, "") if file is None else None
        if found is not None:
            return found[1]
        if file is not None and file.page is not None and file.page.title:
            return html.unescape(file.page.title)  # page titles are kept as escaped HTML; the widget escapes
        if file is not None and file.is_documentation_page():  # a page the build renders later
            found = self.source_title(file)
            if found:
                return found
        stem = Path(target.split("#", 1)[0]).stem
        # Translators: a link's text for the site's home page when it has no title of its own.
        return _("Home") if stem == "index" else stem.replace("-", " ").capitalize()

    def source_title(self, file) -> str | None:
        """The title of a page not rendered yet, as rendering will give it: its quiz's or lesson's, or its own."""
        quiz_id = self.quiz_pages.get(file.src_uri)
        if quiz_id in self.catalog.quizzes:
            return plain(self.catalog.quizzes[quiz_id].quiz.title)
        if file.src_uri in self.lessons:
            return plain(self.lessons[file.src_uri].parts.title)
        markdown, meta = get_data(self.source(file))
        return meta["title"] if isinstance(meta.get("title"), str) else get_markdown_title(markdown)

    def footer_links(self, page) -> list[dict]:
        """The privacy and about pages for a footer: in this language, or the default's (saying so)."""
        links = []
        for target in ("privacy.md", "about.md"):
            file, found = self.target_file(target), self.elsewhere(target, "")
            if file is None and found is None:
                continue
            if page is None:  # the 404 page, served at any address: linked from the site's root
                links.append({"href": file.url if file else found[0], "from_root": True})
            else:
                links.append({"href": self.link(page, target), "from_root": False})
            links[-1]["title"] = self.link_title(target)
        return links


def page_file(page_or_file) -> str:
    """The project-relative path of a page or file of docs/ (or of docs/<lang>/), as problems name it."""
    file = getattr(page_or_file, "file", page_or_file)
    return f"{DOCS_FOLDER.get()}/{file.src_uri}"


def translations_folder(page) -> str:
    """Where the quizzes of a page in another language are translated (quizzes/es), as problems name it."""
    return "quizzes/" + page_file(page).split("/")[1]


DOCS_FOLDER: ContextVar[str] = ContextVar("closer_docs_folder", default="docs")  # docs/es in the Spanish build


def anchor(target: str) -> str:
    """The '#…' part of a docs-relative link, or nothing."""
    return "#" + target.split("#", 1)[1] if "#" in target else ""
