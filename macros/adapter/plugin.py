"""The `closer` MkDocs plugin: quizzes from YAML, each build's state on the instance.

It loads every quiz once per build, adds each quiz's own page, checks every page before and
after Markdown, and stops the build with every located problem at once.
"""

from __future__ import annotations

import html
import logging
from pathlib import Path, PurePosixPath

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, InclusionLevel

from ..engine.catalog import load_catalog
from ..engine.kinds import kind_of
from ..engine.lessons import check_nav_order
from ..engine.problems import Problem
from ..engine.site_config import THEME, check_quick_exit, check_site_config, check_site_url, rename_old_module
from ..messages import catalog_problems, speak
from ..publish.bundle import COMPONENTS, SCRIPT_NAME, STYLESHEET_NAME, site_bundle, site_needs
from ..publish.export import EMPTY_SITEMAP
from ..publish.security import template_script_hashes
from ..publish.site import lesson_standalone
from ..publish.urls import ASSETS, absolute_url, oembed_url
from ..render.content import check_content
from ..render.rendering import template_gettext, template_ngettext
from ..render.text import plain, removed_markup
from .build import DOCS_FOLDER, Build, page_file
from .checks import check_docs_files, check_front_matters
from .config import CloserConfig
from .course_pages import lesson_link, lesson_markdown, load_lessons, publish_site, quiz_page_markdown, site_url
from .deferred import defer_git_variables
from .incremental import Rebuild, ServeMemory, quiet_dirty_builds
from .languages import (
    UntranslatedLinksExtension,
    build_languages,
    elsewhere,
    elsewhere_note,
    parent,
    site_languages,
)
from .reuse import settle_imports
from .serve_watch import watch_closer
from .theme import set_up_theme

log = logging.getLogger("mkdocs.plugins.closer")


class CloserPlugin(BasePlugin[CloserConfig]):
    """Quizzes from YAML: load once, give each its own page, fail the build on any problem."""

    serving = False
    home_template = False
    renamed: list = []  # the macros plugin's module, named as before Closer was the package `closer`
    config_text = ""  # mkdocs.yml as written, to locate problems in it
    build: Build
    page = None  # the page being rendered, for links to pages its language lacks

    def on_startup(self, *, command, dirty):
        self.serving = command == "serve"
        settle_imports()  # before any build: see reuse.py
        defer_git_variables()  # mkdocs-macros' git calls, which no page of a Closer site can read
        self.memory, self.dirty = ServeMemory(), dirty  # `./dev serve` is dirty: a save renders what it changes
        if self.serving and dirty:
            quiet_dirty_builds()

    # Before the other plugins' on_config: mkdocs-macros imports its modules there (an old name would
    # stop the build), and the search plugin renders theme templates.
    @event_priority(100)
    def _before_others(self, config):
        set_up_theme(config.theme)
        macros = config.plugins.get("macros")
        config_file = Path(config.config_file_path)
        self.config_text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""  # read once
        self.renamed = rename_old_module(macros.config if macros is not None else None, self.config_text,
                                         config_file.name)

    def _on_config(self, config):
        project = Path(config.config_file_path).parent
        self.build = Build(load_catalog(project / self.config.quizzes_dir, project, removed_markup))
        self.build.page_problems += self.renamed
        self.build.course_url = self.config.course_url
        self._set_languages(config)
        self.rebuild = Rebuild(self.memory, self.languages.current, self.serving and self.dirty)
        theme = config.theme  # with Closer's templates (theme.py); the course's hero is only where a home.html is
        # Every page loads Closer's one stylesheet and one script, whether or not mkdocs.yml names them.
        for listed, name in ((config.extra_css, f"{ASSETS}/{STYLESHEET_NAME}"),
                             (config.extra_javascript, f"{ASSETS}/{SCRIPT_NAME}")):
            if not any(str(entry) == name for entry in listed):
                listed.append(name)
        self.home_template = any((Path(folder) / "home.html").is_file() for folder in theme.dirs)
        config_file, text = Path(config.config_file_path), self.config_text
        custom = Path(theme.custom_dir) if theme.custom_dir else None
        if self.languages.is_default:
            self.build.page_problems += [p for lang in self.languages.all for p in catalog_problems(lang)]
            for options in self.config.languages.values():
                self.build.page_problems += check_quick_exit(options.quick_exit_url, text, config_file.name)
        self.build.page_problems += check_quick_exit(config.extra.get("quick_exit_url"), text, config_file.name)
        if self.languages.is_default and not self.serving:  # `mkdocs serve` gives its own address
            self.build.page_problems += check_site_url(config.site_url, text, config_file.name)
        self.build.page_problems += check_site_config(theme.name, theme["font"] if "font" in theme else None, custom,
                                                      config.use_directory_urls, self.config.course_url, text,
                                                      config_file.name)
        if not self.config.exports:
            log.info("exports: false: the pages are written without embeds, downloads or the privacy policy; "
                     "run closer-export on the site next")
        if self.serving:  # `mkdocs serve` injects a live-reload script no build-time hash allows
            config.extra["closer_csp"] = False
        return config

    on_config = CombinedEvent(_before_others, _on_config)

    def _set_languages(self, config) -> None:
        self.languages = site_languages(config, list(self.config.languages), self.build.catalog)
        if self.languages.is_default:
            speak(self.languages.current)  # the site's own language, for the whole of its build
        else:  # a language's build (build_language has it speak that language): its quizzes are the translations
            self.build.catalog, self.build.untranslated = self.build.catalog.in_language(self.languages.current)
            self.serving = parent().serving
        if self.languages.others:
            config.markdown_extensions.append(UntranslatedLinksExtension(self.languages, lambda: self.page))
            self.build.elsewhere = lambda target, from_url: elsewhere(self.languages, target, from_url)
            self.build.elsewhere_note = lambda target: elsewhere_note(self.languages, target)

    def on_files(self, files, config):
        build = self.build
        for file in list(files):  # another language's pages are its own build's
            if self.languages.is_default and PurePosixPath(file.src_uri).parts[0] in self.languages.others:
                files.remove(file)
        check_docs_files(build, files, Path(config.docs_dir))  # before Closer's own files join them
        for quiz_id in build.catalog.quizzes:
            uri = f"quizzes/{quiz_id}.md"
            if files.get_file_from_path(uri):
                build.page_problems.append(Problem(f"{DOCS_FOLDER.get()}/{uri}", 1, 1, f"this page takes the URL of the quiz "
                                                   f"'{quiz_id}'", "remove it: each quiz gets its own page from "
                                                   "its file"))
                continue
            # No template code and no author text: its title and widget are put in after mkdocs-macros.
            files.append(File.generated(config, uri, content="---\nrender_macros: false\n---\n",
                                        inclusion=InclusionLevel.NOT_IN_NAV))
            build.quiz_pages[uri] = quiz_id
        build.files = files
        check_front_matters(build, files)
        handed = parent()  # a language's pages may recommend the default's, until they are translated
        build.catalog.check_links({f.src_uri for f in files.documentation_pages()} | set(handed.pages if handed else ()))
        load_lessons(build, files)
        self._add_bundle(files, config)
        self.rebuild.plan(build, files, self.languages, config, Path(config.config_file_path).parent / self.config.quizzes_dir)
        return files

    def on_pre_build(self, config):
        project = Path(config.config_file_path).parent
        sources = [Path(config.docs_dir), project / self.config.quizzes_dir]
        custom = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        self.rebuild.start(config, [*sources, Path(config.config_file_path), *map(Path, config.watch), *custom,
                                    COMPONENTS, THEME], sources, self.languages.is_default)

    def on_pre_page(self, page, config, files):
        self.rebuild.give_back(self.build, before=page)  # the skipped pages a full build renders before this one
        self.build.reading = page.file.src_uri
        return page

    def _add_bundle(self, files, config) -> None:
        """The site's script and stylesheet (never kept in docs/), with the parts its pages can use."""
        build = self.build
        needs = site_needs({kind_of(loaded.quiz).name for loaded in build.catalog.quizzes.values()},
                           bool(build.lessons), self.home_template,
                           [build.source(file) for file in files.documentation_pages()])
        for name, content in site_bundle(needs, self.languages.current).items():
            uri = f"{ASSETS}/{name}"
            if files.get_file_from_path(uri):
                files.remove(files.get_file_from_path(uri))
            files.append(File.generated(config, uri, content=content))

    def on_serve(self, server, config, builder):
        return watch_closer(server, self.dirty)

    def on_nav(self, nav, config, files):
        # Titles given in mkdocs.yml's nav are written into every page as HTML: make them text.
        def escape(items):
            for item in items:
                if "title" in vars(item) and isinstance(item.title, str):  # set from the config
                    item.title = html.escape(item.title, quote=False)
                escape(getattr(item, "children", None) or [])
        escape(nav.items)
        config_file = Path(config.config_file_path)
        if config.nav:  # without a nav, MkDocs lists pages by name and there is no order to check
            present = {PurePosixPath(f.src_uri).stem for f in files.documentation_pages()
                       if PurePosixPath(f.src_uri).parent.as_posix() == "lessons"}  # as closer-check sees them
            self.build.page_problems += check_nav_order(
                [page.file.src_uri for page in nav.pages], present, config_file.read_text(encoding="utf-8"),
                config_file.name)
        return nav

    def on_page_markdown(self, markdown, page, config, files):
        markdown = self._page_markdown(markdown, page, config)
        # The theme writes page titles and descriptions into HTML as they are: make them text.
        # (The header writes the front-matter title, so it takes the escaped title too.)
        meta = page.meta
        if isinstance(meta.get("description"), str):
            meta["description"] = html.escape(meta["description"])
        if "title" in meta or page.file.src_uri in self.build.quiz_pages:
            meta["title"] = page.title
        return markdown

    def _page_markdown(self, markdown, page, config) -> str:
        """A page's Markdown with what Closer adds; page.title becomes escaped text."""
        if isinstance(page.meta.get("title"), str):
            page.title = html.escape(page.meta["title"], quote=False)
        self.page = page
        if page.is_homepage and self.home_template and self.languages.is_default:  # the hero (overrides/home.html)
            page.meta["template"] = "home.html"
            page.closer_own_title = True
        quiz_id = self.build.quiz_pages.get(page.file.src_uri)
        if quiz_id is not None:
            page.closer_oembed = absolute_url(site_url(config), oembed_url("quizzes", quiz_id))
            page.closer_own_title = True  # the widget's heading is the page's h1
            return quiz_page_markdown(self.build, page, config, quiz_id)
        lesson = self.build.lessons.get(page.file.src_uri)
        if lesson is None:
            return markdown
        page.closer_oembed = absolute_url(site_url(config), oembed_url("lessons", lesson.slug))
        page.title = html.escape(plain(lesson.parts.title), quote=False)
        page.meta["description"] = plain(lesson.parts.description)
        return lesson_markdown(self.build, lesson, markdown, page, config)

    def on_page_content(self, html, page, config, files):
        build = self.build
        build.page_problems.extend(check_content(html, page.file.content_string, page_file(page), build.placeholder))
        lesson = build.lessons.get(page.file.src_uri)
        if lesson is not None:
            alone, worksheet = lesson_standalone(lesson, build.unstash(html), lesson_link(build, page))
            build.standalone.append(alone)
            build.worksheets.append(worksheet)
            self.rebuild.keep(page, lesson=(alone, worksheet))
        build.reading = None  # what the theme and the exports read of titles is not this page's
        return build.unstash(html, searchable_only=True)  # quiz widgets go in after the search index

    def _page_context(self, context, page, config, nav):
        # Every language's copy of this page, for hreflang links and the language choice (main.html).
        copies = self.languages.alternates(page.file.src_uri, page.url) if self.languages.others else []
        for copy in copies:  # search engines want hreflang addresses whole
            copy["address"] = absolute_url(site_url(config), copy["href"], page.url)
        page.closer_languages = copies if len(copies) > 1 else []
        if page.closer_languages and page.url:  # the theme fetches a sitemap beside each alternate (see below)
            self.build.alternated.append(page.url)
            self.rebuild.keep(page, alternated=True)
        return context

    @event_priority(-100)  # once every plugin, search among them, has seen the page
    def _rendered(self, context, page, config, nav):
        self.rebuild.rendered(page)
        return context

    on_page_context = CombinedEvent(_page_context, _rendered)

    def on_post_page(self, output, page, config):
        hashes = template_script_hashes(output, page.content)
        self.build.script_hashes |= hashes
        self.rebuild.keep(page, hashes=hashes)
        return self.build.unstash(output)

    def on_post_template(self, output_content, template_name, config):
        if template_name.endswith(".html"):  # the theme's own pages, such as 404.html
            self.build.script_hashes |= template_script_hashes(output_content, "")
        return output_content

    def on_env(self, env, config, files):
        # Closer's theme templates speak through the catalogs, and link the site's own pages by language.
        env.globals.update(_=template_gettext, ngettext=template_ngettext, closer_footer_links=self.build.footer_links)
        self.rebuild.give_back(self.build)  # every skipped page, before any page's navigation is written
        problems = self.build.problems()
        for problem in problems:
            if problem.warning:
                log.warning(str(problem))
        errors = [str(p) for p in problems if not p.warning]
        if errors:
            raise PluginError(f"{len(errors)} problem(s) in quizzes or pages:\n" + "\n".join(errors))
        return env

    @event_priority(100)  # before the search plugin writes its index
    def _index(self, config):
        self.rebuild.finish(self.build)

    def _post_build(self, config):
        for url in self.build.alternated:  # as beside oEmbed answers: no page logs a failed request
            (Path(config.site_dir) / url / "sitemap.xml").write_text(EMPTY_SITEMAP, encoding="utf-8")
        # The other languages first: the default's policy then covers every language's pages.
        published = build_languages(self, config) if self.languages.is_default else None
        # Without exports, `closer-export` makes them later from the sources and the built pages.
        if self.config.exports or self.serving:
            publish_site(self.build, config, self.serving, self.languages, published, self.rebuild.exports(self.build))
        if self.languages.is_default:
            self.memory.complete = True  # the next save may render only what it changes

    on_post_build = CombinedEvent(_index, _post_build)
