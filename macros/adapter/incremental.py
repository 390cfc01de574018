"""`./dev serve` (`mkdocs serve --dirty`): a save rebuilds only the pages it can change.

MkDocs' dirty build skips every page whose file says it is unmodified, and alone it leaves the
skipped pages without titles and the search index with only the rebuilt pages. Here Closer says
which pages a save can change, and gives every skipped page back what its last build found (its
title, contents, search entries and what the exports need), so the site served after a save is
the site a full build gives. A save it cannot place rebuilds everything: a new or removed file,
mkdocs.yml, a template or component (these clean the site first), a page's front matter or
headings, a quiz's kind or the title of a quiz in the nav, a lesson's reading time, or any build
after one that failed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import logging
import os
from pathlib import Path
import re

from mkdocs.utils import clean_directory

log = logging.getLogger("mkdocs.plugins.closer")

# A page's own attributes that a build finds, kept whole; the rest tie it to one build's navigation.
NAVIGATION = {"file", "parent", "children", "previous_page", "next_page", "update_date", "canonical_url",
              "abs_url", "edit_url", "links_to_anchors"}  # links were checked when the page was built


@dataclass
class LanguageMemory:
    """What one language's last build found, page by page."""

    sources: dict[str, str] = field(default_factory=dict)  # src_uri -> Markdown as written
    quizzes: dict[str, tuple] = field(default_factory=dict)  # quiz id -> what other pages show of it
    lessons: dict[str, tuple] = field(default_factory=dict)  # src_uri -> what other pages show of it
    pages: dict[str, dict] = field(default_factory=dict)  # src_uri -> its attributes once rendered
    search: dict[str, list] = field(default_factory=dict)  # src_uri -> its search entries
    kept: dict[str, dict] = field(default_factory=dict)  # src_uri -> what the exports and headers need of it
    readers: dict[str, set[str]] = field(default_factory=dict)  # a page path -> the pages that showed its title


@dataclass
class ServeMemory:
    """Kept on the plugin from one `mkdocs serve` build to the next (every language's build shares it)."""

    inputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # path -> (mtime, size)
    saved: set[str] = field(default_factory=set)  # paths saved since the last build
    complete: bool = False  # the last build ended well
    languages: dict[str, LanguageMemory] = field(default_factory=dict)


def snapshot(roots: list[Path]) -> dict[str, tuple[int, int]]:
    """Every file under roots (editors' hidden and backup files aside), with its time and size."""
    found: dict[str, tuple[int, int]] = {}
    for root in roots:
        walked = [(str(root.parent), [], [root.name])] if root.is_file() else os.walk(root)
        for folder, subfolders, names in walked:
            subfolders[:] = [name for name in subfolders if not name.startswith(".") and name != "__pycache__"]
            for name in names:
                if not name.startswith(".") and not name.endswith("~"):
                    stat = os.stat(os.path.join(folder, name))
                    found[os.path.join(folder, name)] = (stat.st_mtime_ns, stat.st_size)
    return found


_OUTLINE = re.compile(r"^(?:#.*|.*\{\s*#.*|.*\bid=.*)$", re.M)
_UNDERLINE = re.compile(r"^(?:=+|-+)[ \t]*$", re.M)  # under a heading's text ("Setext" headings)


def outline(source: str) -> tuple:
    """What other pages see of a page: its front matter, headings (either way written) and anchors."""
    front = source.split("\n---", 1)[0] if source.startswith("---") else ""
    underlined = [source[:match.start()].rstrip("\n").rpartition("\n")[2] + "\n" + match.group(0)
                  for match in _UNDERLINE.finditer(source)]
    return front, _OUTLINE.findall(source), underlined


def mentions(source: str, name: str) -> bool:
    """Whether a page's Markdown names a quiz id or a path (as a whole word)."""
    return re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", source) is not None


_SHOW_FILE = re.compile(r"""show_file\(\s*(?:path\s*=\s*)?["']([^"']+)["']""")


def shown(sources: dict[str, str], path: Path) -> set[str]:
    """The pages that show the file at path with `show_file("docs/...")`."""
    return {page for page, source in sources.items() for shown_path in _SHOW_FILE.findall(source)
            if path.as_posix().endswith("/" + shown_path.lstrip("/"))}


class Rebuild:
    """One build's part in it: which pages it renders, and what it gives back to the others."""

    def __init__(self, memory: ServeMemory, lang: str, on: bool):
        self.memory, self.lang, self.on = memory, lang, on  # on: a dirty build under `mkdocs serve`
        self.renders: set[str] | None = None  # the pages this build renders; None: every page
        self.waiting: list = []  # skipped pages in build order, not yet given back their state
        self.search = None
        self.languages = None  # the site's languages, once planned
        self.order: dict[str, int] = {}  # each page's place in the build
        self.saved_quizzes: set[str] = set()  # the quizzes whose files a save changed (this language's or the default's)
        self._indexed = 0  # the search entries that rendered pages have given so far

    def start(self, config, roots: list[Path], sources: list[Path], is_default: bool) -> None:
        """Before the build: note what was saved; a save it cannot place cleans the site for a full build.

        sources: the folders of pages and quizzes, whose saves it places; any other root's (mkdocs.yml,
        templates, components) may change what a build writes at all.
        """
        memory = self.memory
        if not self.on or not is_default:
            return
        inputs = snapshot(roots)
        before, memory.inputs = memory.inputs, inputs
        memory.saved = {path for path in inputs if before.get(path) != inputs[path]}
        elsewhere = any(not any(folder in Path(path).parents for folder in sources) for path in memory.saved)
        if not memory.complete or set(before) != set(inputs) or elsewhere:
            memory.languages.clear()  # every language's build renders every page
            if memory.complete or before:
                clean_directory(config.site_dir)  # what the sources no longer make goes too
        memory.complete = False

    def plan(self, build, files, languages, config, quizzes: Path) -> None:
        """Once pages and quizzes are read: which pages to render; the others are given back their state."""
        if not self.on:
            return
        self.languages = languages
        searchable, self.search = search_plugin(config)
        last = self.memory.languages.get(self.lang)
        now = LanguageMemory(sources={f.src_uri: build.source(f) for f in files.documentation_pages()},
                             quizzes={i: quiz_facts(q) for i, q in build.catalog.quizzes.items()},
                             lessons={uri: (lesson.slug, lesson.minutes) for uri, lesson in build.lessons.items()})
        if last is None or not searchable:
            self.renders = None
        else:
            self.renders = self._changed_pages(last, now, build, languages, quizzes, repr(config.nav))
            now.pages, now.search, now.kept, now.readers = last.pages, last.search, last.kept, last.readers
        self.memory.languages[self.lang] = now
        self.order = {file.src_uri: place for place, file in enumerate(files.documentation_pages())}
        for file in files.static_pages():  # MkDocs copies a static file only when newer than its copy
            if file.abs_src_path in self.memory.saved:
                file.is_modified = lambda: True
        for file in files.documentation_pages():
            renders = self.renders is None or file.src_uri in self.renders or file.src_uri not in now.pages
            file.is_modified = (lambda: True) if renders else (lambda: False)
            if not renders:
                self.waiting.append(file)

    def _changed_pages(self, last: LanguageMemory, now: LanguageMemory, build, languages, quizzes: Path,
                       nav: str) -> set[str] | None:
        if set(last.sources) != set(now.sources) or last.lessons != now.lessons:
            return None
        pages: set[str] = set()
        for path in map(Path, self.memory.saved):
            pages |= shown(now.sources, path)  # whatever language the file is of
            if quizzes in path.parents and path.suffix == ".yml":
                if path.parent == quizzes or path.parent.name == self.lang:  # not another language's
                    quiz, page = path.stem, f"quizzes/{path.stem}.md"
                    self.saved_quizzes.add(quiz)
                    before, after = last.quizzes.get(quiz), now.quizzes.get(quiz)
                    if before != after and (before is None or after is None or before[1] != after[1] or page in nav):
                        return None  # a quiz that loads no more (or again), of another kind, or titled in the nav
                    pages |= {page} | last.readers.get(page, set())
                    pages |= {uri for uri, lesson in build.lessons.items() if lesson.quiz_id == quiz}
                    pages |= {page for page, source in now.sources.items() if mentions(source, quiz)}  # quiz("<id>")
                continue
            if languages.default_docs not in path.parents:
                return None  # mkdocs.yml, a template, a component, a message catalog...
            uri = path.relative_to(languages.default_docs).as_posix()
            lang = uri.split("/", 1)[0] if uri.split("/", 1)[0] in languages.others else languages.default
            if lang != self.lang:
                continue  # another language's page: what this one shows of it is in its outline
            uri = uri.removeprefix(f"{lang}/") if lang != languages.default else uri
            if uri in now.sources and outline(last.sources[uri]) != outline(now.sources[uri]):
                return None
            pages |= {uri} | shown(now.sources, path)
        return pages

    def exports(self, build) -> tuple[set[str], set[str]] | None:
        """The quizzes and lessons whose copies (embeds, downloads, packages) this build writes; None: all.

        Those whose page it renders, and the quizzes whose files changed: a copy shows what its page
        shows. Every other copy is in the site already.
        """
        if not self.on or self.renders is None:
            return None
        quizzes = self.saved_quizzes | {quiz for uri, quiz in build.quiz_pages.items() if uri in self.renders}
        return quizzes, {lesson.slug for uri, lesson in build.lessons.items() if uri in self.renders}

    def leaves(self, lang: str) -> bool:
        """Whether another language's build can be left as its last one wrote it: only this language's pages changed.

        Another language shows of these pages what their outlines hold (a changed outline renders
        every page of every language), and any file its pages show with `show_file`.
        """
        languages, memory = self.languages, self.memory.languages.get(lang)
        return (self.on and self.renders is not None and memory is not None
                and all(languages.default_docs in path.parents and path.suffix == ".md"
                        and path.relative_to(languages.default_docs).parts[0] not in languages.others
                        and not shown(memory.sources, path) for path in map(Path, self.memory.saved)))

    def give_back(self, build, before=None) -> None:
        """Skipped pages' state, as their last build left it: those before the page `before`, or all.

        A full build renders pages in order, so a page sees the titles of those before it only:
        giving back as far as the page about to render keeps its links as a full build makes them.
        """
        memory = self.memory.languages.get(self.lang)
        while self.waiting and (before is None or self.order[self.waiting[0].src_uri] < self.order[before.file.src_uri]):
            file = self.waiting.pop(0)
            page = file.page
            vars(page).update(memory.pages[file.src_uri])
            page.links_to_anchors = None
            kept = memory.kept.get(file.src_uri, {})
            if "lesson" in kept:
                build.standalone.append(kept["lesson"][0])
                build.worksheets.append(kept["lesson"][1])
            if kept.get("alternated"):
                build.alternated.append(page.url)
            build.script_hashes |= kept.get("hashes", set())

    def keep(self, page, **what) -> None:
        """What a rendered page gives the exports and headers (its lesson copies, hashes), for builds after."""
        if self.on:
            self.memory.languages[self.lang].kept.setdefault(page.file.src_uri, {}).update(what)

    def rendered(self, page) -> None:
        """A page was rendered (its context made, its search entries added): keep its state for builds after."""
        if not self.on:
            return
        memory = self.memory.languages[self.lang]
        memory.pages[page.file.src_uri] = {name: value for name, value in vars(page).items()
                                           if name not in NAVIGATION and "active" not in name}
        if self.search is not None:
            entries = self.search.search_index.entries
            memory.search[page.file.src_uri] = entries[self._indexed:]  # the search plugin adds them as it renders
            self._indexed = len(entries)

    def finish(self, build) -> None:
        """Before the search plugin writes its index: every page's entries, in the order a full build adds them."""
        if not self.on:
            return
        memory = self.memory.languages[self.lang]
        for target, pages in build.title_reads.items():
            memory.readers.setdefault(target, set()).update(pages)
        if self.search is None:
            return
        self.search.search_index.entries = [entry for file in build.files.documentation_pages()
                                            for entry in memory.search.get(file.src_uri, [])]
        self.search.search_index_prev = None  # the theme's own merge for dirty builds would add them twice


def quiz_facts(loaded) -> tuple:
    """What pages other than a quiz's own show of it: its title and kind."""
    return loaded.quiz.title, loaded.quiz.kind


def search_plugin(config) -> tuple[bool, object]:
    """Whether skipped pages can keep their search entries, and the search plugin that holds them.

    The theme's search plugin keeps its entries in a list a build can give back to; another
    search plugin makes every build a full one.
    """
    for name in ("material/search", "search"):
        plugin = config.plugins.get(name)
        if plugin is not None:
            index = getattr(plugin, "search_index", None)
            return (True, plugin) if isinstance(getattr(index, "entries", None), list) else (False, None)
    return True, None


class DirtyNotice(logging.Filter):
    """MkDocs warns on every dirty build that its navigation may be wrong; under Closer it is not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith("A 'dirty' build is being performed")


def quiet_dirty_builds() -> None:
    """Say once what a dirty `mkdocs serve` does here, in place of MkDocs' warning on every save."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(known, DirtyNotice) for known in logger.filters):
        logger.addFilter(DirtyNotice())
        log.info("each save renders only the pages it can change; every other page keeps its last build")
