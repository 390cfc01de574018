"""What Closer adds to a site once its pages are built, the same from the plugin and from `closer-export`.

It reads the quizzes, the lessons as rendered and the built site, never the generator: so
another generator's pages plus `closer-export` give the site that MkDocs with the plugin gives.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable, Protocol

from ..engine.catalog import Catalog, LoadedQuiz
from ..engine.kinds import kind_of
from ..engine.lessons import Lesson
from ..messages import _
from ..render.rendering import render_quiz, render_use_panel
from ..render.text import plain
from .assets import minify_assets
from .export import SiteFacts, Standalone, Worksheet, export_all, lesson_credit, write_schema
from .quiz_exports import write_quiz_exports
from .security import PLACEHOLDER, apply_policy
from .urls import HOST_SCRIPT, absolute_url, cards_url, download_url, embed_url, gift_url, scorm_url, worksheet_url


class Links(Protocol):
    """How a build finds the site's pages by their docs-relative paths (`lessons/trust.md`)."""

    def site_path(self, target: str) -> str | None: ...

    def link_title(self, target: str) -> str: ...


def page_address(links: Links, site_url: str, target: str) -> str | None:
    """The absolute address of a docs-relative page path (`lessons/trust.md#start`), or None if the site lacks it."""
    path = links.site_path(target)
    return None if path is None else absolute_url(site_url, path)


def course_page(target: str, here: str | None, course_url: str | None) -> str | None:
    """A link to one of the course's own pages (`practice.md`), or None, and the link is left out.

    here is the site's own link when it has the page; else the page of the published course at
    course_url, when one is named.
    """
    if here is not None:
        return here
    return absolute_url(course_url.rstrip("/") + "/", target.removesuffix(".md") + "/") if course_url else None


def lesson_standalone(lesson: Lesson, content: str, link: Callable[[str], str]) -> tuple[Standalone, Worksheet]:
    """A lesson as rendered on its page, on its own and as a worksheet; link points its front matter's links."""
    url, title = f"lessons/{lesson.slug}/", plain(lesson.parts.title)
    alone = Standalone("lessons", lesson.slug, title, content, url, url, lesson_credit(title), f"lesson {lesson.quiz_id}")
    return alone, Worksheet(alone, lesson.number, lesson.parts, link)


def quiz_standalone(loaded: LoadedQuiz, lessons: list[Lesson], links: Links, site_url: str,
                    privacy_url: str | None) -> Standalone:
    """A quiz on its own, its links absolute, crediting its lesson when it is a lesson's knowledge check."""
    page_url = f"quizzes/{loaded.id}/"
    html_ = render_quiz(loaded, level=1, link=lambda target: page_address(links, site_url, target)
                        or absolute_url(site_url, page_url), link_title=links.link_title, privacy=privacy_url)
    title = plain(loaded.quiz.title)
    lesson = next((lesson for lesson in lessons if lesson.quiz_id == loaded.id), None)
    if lesson is not None:
        return Standalone("quizzes", loaded.id, title, html_, page_url, f"lessons/{lesson.slug}/",
                          lesson_credit(plain(lesson.parts.title)), loaded.quiz.kind)
    # Translators: what a page on its own credits, after "From <site>: ", when it is a quiz of no lesson.
    return Standalone("quizzes", loaded.id, title, html_, page_url, page_url, _("“{title}”", title=title),
                      loaded.quiz.kind)


def quiz_panel(loaded: LoadedQuiz) -> dict:
    """What a quiz's panel for coaches calls it and offers beyond every quiz's copies, from its kind's exports."""
    kind = kind_of(loaded.quiz)
    return {"noun": kind.noun, "check": loaded.id if "gift" in kind.exports else None,
            "cards": loaded.id if "cards" in kind.exports else None}


def use_panel(kind: str, name: str, noun: str, title: str, page_url: str, site_url: str, site_name: str,
              practice_url: str | None, check: str | None, relative: Callable[[str, str], str],
              practice_note: str = "", cards: str | None = None) -> str:
    """The "use this in your material" panel of a lesson's or quiz's page at page_url.

    check: the knowledge check whose questions Moodle can import; cards: the deck whose cards print;
    relative(url, from_url) links a page;
    practice_note: what follows the practice page's link (" (in English)" where this language lacks it).
    """
    def here(url: str) -> str:
        return relative(url, page_url)
    return render_use_panel(
        noun=noun, name=name, title=title, site_name=site_name, embed_src=absolute_url(site_url, embed_url(kind, name)),
        host_script=absolute_url(site_url, HOST_SCRIPT),
        embed_url=here(embed_url(kind, name)), download_url=here(download_url(kind, name)), practice_url=practice_url,
        worksheet_url=here(worksheet_url(name)) if kind == "lessons" else None, scorm_url=here(scorm_url(kind, name)),
        gift_url=here(gift_url(check)) if check else None, cards_url=here(cards_url(cards)) if cards else None,
        practice_note=practice_note)


def publish(site: Path, facts: SiteFacts, catalog: Catalog, lessons: list[Lesson], rendered: list[Standalone],
            worksheets: list[Worksheet], links: Links, script_hashes: set[str], serving: bool = False,
            languages: dict[str, tuple[set[str], str]] | None = None, policy: bool = True,
            changed: tuple[set[str], set[str]] | None = None) -> str:
    """Minify, then write every embed, download, package, worksheet, oEmbed answer, the schema and the policy.

    rendered: the lessons as their pages show them; script_hashes: the inline scripts the theme
    and the project's templates write. `mkdocs serve` keeps sources readable and the policy out.
    languages: each other language already built into site/<lang>/ -> (its scripts' hashes, its
    downloads' policy), for one policy over the whole site; policy=False in such a language's own
    build, which leaves the policy to the default's. changed: under `./dev serve`, the quizzes and
    lessons whose copies a save changed (the others' are in site already); None for all. Returns the
    downloads' policy.
    """
    if not serving:
        minify_assets(site)
    if changed is not None:
        quizzes, lesson_names = changed
        catalog = replace(catalog, quizzes={name: quiz for name, quiz in catalog.quizzes.items() if name in quizzes})
        rendered = [item for item in rendered if item.name in lesson_names]
        worksheets = [sheet for sheet in worksheets if sheet.lesson.name in lesson_names]
    items = rendered + [quiz_standalone(loaded, lessons, links, facts.site_url, facts.privacy_url) for loaded in catalog.quizzes.values()]
    downloads_policy = export_all(site, facts, items, worksheets, None if serving else PLACEHOLDER)
    write_schema(site, facts.site_url)
    write_quiz_exports(site, catalog, facts, lambda target: page_address(links, facts.site_url, target) or facts.site_url,
                       None if serving else PLACEHOLDER)
    languages = languages or {}
    if not serving and policy:
        every_hash = script_hashes.union(*(hashes for hashes, _policy in languages.values()))
        apply_policy(site, every_hash, downloads_policy, {lang: policy for lang, (_h, policy) in languages.items()})
    return downloads_policy
