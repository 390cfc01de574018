"""The course in more languages than its own (QUIZ_FORMAT "Languages").

The default language is built at the site's root as usual. Each other language named in the
plugin's `languages` option is a second build of the same mkdocs.yml, run when the first one
ends: its pages come from docs/<lang>/, it is written to /<lang>/ with the same paths, its
quizzes are the translations in quizzes/<lang>/, and Closer speaks through its catalog. A whole
MkDocs build per language, so each keeps the theme's instant navigation, its own search index
and its own sitemap (which the theme reads to stay on the same page when the language changes).
"""

from __future__ import annotations

from contextvars import ContextVar, copy_context
from dataclasses import dataclass
import html
import io
import json
from pathlib import Path, PurePosixPath
import posixpath

from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.utils import get_relative_url

from ..engine.catalog import Catalog
from ..messages import DEFAULT, autonym, elsewhere_suffix, elsewhere_title, speak
from .build import DOCS_FOLDER


@dataclass
class Languages:
    """The site's languages as one build sees them: its own, the default, and which pages each has."""

    current: str
    default: str
    others: list[str]
    default_docs: Path
    quiz_ids: dict[str, set[str]]  # language -> the quizzes it has (the default's files, or their translations)

    @property
    def all(self) -> list[str]:
        return [self.default, *self.others]

    @property
    def is_default(self) -> bool:
        return self.current == self.default

    def has_page(self, lang: str, src_uri: str) -> bool:
        """Whether the page at src_uri (a path under docs/) exists in lang."""
        path = PurePosixPath(src_uri)
        if path.parent.as_posix() == "quizzes" and path.stem in self.quiz_ids[self.default]:
            return path.stem in self.quiz_ids.get(lang, set())  # a quiz's page is made from its file
        if lang == self.default and path.parts[0] in self.others:
            return False
        return (self.docs(lang) / src_uri).is_file()

    def docs(self, lang: str) -> Path:
        return self.default_docs if lang == self.default else self.default_docs / lang

    def site_path(self, lang: str, url: str) -> str:
        """A page's URL from the site's root: the default's at the root, another language's under /<lang>/."""
        return url if lang == self.default else f"{lang}/{url}"

    def alternates(self, src_uri: str, url: str) -> list[dict]:
        """The page in every language that has it: lang, its name in that language, and its link from here."""
        here = self.site_path(self.current, url)
        return [{"lang": lang, "name": autonym(lang), "current": lang == self.current,
                 "href": get_relative_url(self.site_path(lang, url), here) if lang != self.current else "./"}
                for lang in self.all if lang == self.current or self.has_page(lang, src_uri)]


def elsewhere(languages: Languages, target: str, from_url: str) -> tuple[str, str] | None:
    """A page only the default language has, as a link from this language's page at from_url.

    Its link, and its title followed by "(in English)" in this page's language; None for any other page.
    """
    handed = parent()
    path, _hash, anchor = target.partition("#")
    if handed is None or path not in handed.pages or languages.has_page(languages.current, path):
        return None
    url, title = handed.pages[path]
    href = get_relative_url(url, languages.site_path(languages.current, from_url)) + (f"#{anchor}" if anchor else "")
    return href, elsewhere_title(title, languages.default)


def elsewhere_note(languages: Languages, target: str) -> str | None:
    """What follows a link to a page only the default language has: " (in English)"; else None."""
    if elsewhere(languages, target, "") is None:
        return None
    return elsewhere_suffix(languages.default)


def site_languages(config, others: list[str], catalog: Catalog) -> Languages:
    """The languages of the build of config: the default's build, or one a default build started."""
    handed = parent()
    current = config.theme["language"] or DEFAULT
    quiz_ids = {lang: set(quizzes) for lang, quizzes in catalog.translations.items()}
    default = handed.default if handed else current
    quiz_ids[default] = set(catalog.quizzes)
    docs = Path(config.docs_dir)
    return Languages(current, default, others, docs.parent if handed else docs, quiz_ids)


# What the default build hands to each language's build: its pages (URL and title) for links to
# pages not yet translated, and whether it is `mkdocs serve`.
@dataclass(frozen=True)
class Parent:
    default: str
    pages: dict[str, tuple[str, str]]  # a docs path -> (URL, title)
    serving: bool
    published: dict[str, tuple[set[str], str]]  # filled by each language's build: its scripts' hashes, downloads' policy
    dirty: bool = False  # `./dev serve`: each language's build renders only what a save changed (incremental.py)


_PARENT: ContextVar[Parent | None] = ContextVar("closer_parent_build", default=None)


def parent() -> Parent | None:
    """What the default build handed on, inside a language's build; None in the default build."""
    return _PARENT.get()


def build_languages(plugin, config) -> dict[str, tuple[set[str], str]]:
    """Each other language's pages, into /<lang>/, once the default's are written; what each published."""
    pages = {file.src_uri: (file.url, html.unescape(file.page.title or ""))
             for file in plugin.build.files.documentation_pages() if file.page is not None}
    handed = Parent(plugin.languages.default, pages, plugin.serving, {}, plugin.rebuild.on)
    # MkDocs keeps one instance of a plugin that has on_startup for every build in the process,
    # so a language's build runs on this very instance: this build's state is put back after.
    state = dict(vars(plugin))
    try:
        for lang, options in plugin.config.languages.items():
            if plugin.rebuild.leaves(lang):
                continue
            nav = language_nav(config.nav, lambda page, lang=lang: plugin.languages.has_page(lang, page))
            build_language(config, lang, options, handed, nav)
    finally:
        vars(plugin).clear()
        vars(plugin).update(state)
    return handed.published


def build_language(config, lang: str, options: dict, handed: Parent, nav: list | None) -> None:
    """Build lang's pages from docs/<lang>/ into the site's /<lang>/, as the same mkdocs.yml says."""
    docs = Path(config.docs_dir) / lang
    overrides = {
        "INHERIT": str(Path(config.config_file_path).resolve()),
        "docs_dir": str(docs),
        "site_dir": str(Path(config.site_dir) / lang),
        "site_url": (config.site_url or "/").rstrip("/") + f"/{lang}/",
        "theme": {"language": lang},
        "extra": {"quick_exit_url": options["quick_exit_url"]},
        "copyright": options["copyright"],
        "nav": nav,
    }
    # JSON is YAML: the overrides are read as the language's own mkdocs.yml, which inherits the site's.
    text = io.BytesIO(json.dumps({k: v for k, v in overrides.items() if v is not None}).encode())
    text.name = str(Path(config.config_file_path).with_name(f"mkdocs.{lang}.yml"))  # named only: never written
    language_config = load_config(text, config_file_path=config.config_file_path, strict=config.strict)
    # In a copy of this context: what the language's build is told ends with it.
    copy_context().run(_build_in_language, language_config, lang, handed)


def _build_in_language(language_config, lang: str, handed: Parent) -> None:
    speak(lang)
    _PARENT.set(handed)
    DOCS_FOLDER.set(f"docs/{lang}")  # where problems in its pages are
    mkdocs_build(language_config, dirty=handed.dirty)


def language_nav(nav: list | None, has_page) -> list | None:
    """The default's nav with only the pages lang has, in the same order, each titled by its own page.

    Section titles are the default language's words, so a language's nav is flat; None without a nav.
    """
    if not nav:
        return None
    pages: list[str] = []

    def walk(items):
        for item in items:
            if isinstance(item, str):
                pages.append(item)
            elif isinstance(item, dict):
                for value in item.values():
                    walk(value if isinstance(value, list) else [value])
    walk(nav)
    return [page for page in pages if not page.startswith(("http:", "https:")) and has_page(page)]


# ---- Links from a language's page to a page it does not have yet ----

class UntranslatedLinks(Treeprocessor):
    """Points a link to a page this language lacks at the default's page, and says so after it.

    It runs before MkDocs checks links (which would report the page missing): the link becomes the
    default page's address, with hreflang, followed by "(in English)" in the page's language.
    """

    def __init__(self, md, languages: Languages, here):
        super().__init__(md)
        self.languages, self.here = languages, here  # here(): the page being rendered

    def run(self, root):
        page = self.here()
        if parent() is None or page is None:
            return
        for link in list(root.iter("a")):
            href = link.get("href", "")
            path, _hash, anchor = href.partition("#")
            if not path.endswith(".md") or "://" in path or path.startswith("/"):
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), path))
            found = elsewhere(self.languages, target + (f"#{anchor}" if anchor else ""), page.url)
            if found is None:
                continue
            link.set(HELD, found[0])  # put back once MkDocs has checked links (HeldLinks)
            link.set("href", "about:blank")  # an address with a scheme, which MkDocs leaves alone
            link.set("hreflang", self.languages.default)
            link.tail = elsewhere_note(self.languages, target) + (link.tail or "")


HELD = "data-closer-default-href"


class HeldLinks(Treeprocessor):
    """After MkDocs' link check: each link to the default language's page gets its address back."""

    def run(self, root):
        for link in root.iter("a"):
            if HELD in link.attrib:
                link.set("href", link.attrib.pop(HELD))


class UntranslatedLinksExtension(Extension):
    def __init__(self, languages: Languages, here):
        super().__init__()
        self.languages, self.here = languages, here

    def extendMarkdown(self, md):  # noqa: N802 (Markdown's name)
        # Around MkDocs' own link check ("relpath", priority 0): it would call the page missing, and
        # then the address it leads to, which is not a file of this language's build, unknown.
        md.treeprocessors.register(UntranslatedLinks(md, self.languages, self.here), "closer_untranslated", 1)
        md.treeprocessors.register(HeldLinks(md), "closer_held_links", -1)
