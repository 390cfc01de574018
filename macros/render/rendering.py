"""Validated quiz -> plain HTML in the contract's form; every text is escaped or pre-sanitized."""

from __future__ import annotations

import functools
from html import escape, unescape
from pathlib import Path
import re
from types import SimpleNamespace
from typing import Callable

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup
from markupsafe import escape as escape_html

from ..engine.catalog import LoadedQuiz
from ..engine.kinds.knowledge_check import TrueFalseQuestion
from ..engine.lessons import Lesson
from ..messages import _, catalog, fill, language
from .fingerprints import previous_fingerprint
from .text import plain, split_at_top_level_rule, to_html

_PAGE_LINK = re.compile(r'href="((?![a-z][a-z0-9+.-]*:|/|#)[^"]*?\.md(?:#[^"]*)?)"')
# Each component's template sits beside its script in components/<name>/; whole-page templates
# (a lesson's parts, a page on its own) are render's own, in templates/.
COMPONENTS = Path(__file__).resolve().parent.parent / "components"
_TEMPLATE_FOLDERS = [Path(__file__).parent / "templates", *sorted(p for p in COMPONENTS.iterdir() if p.is_dir())]
_env = Environment(
    loader=FileSystemLoader(_TEMPLATE_FOLDERS),
    autoescape=select_autoescape(enabled_extensions=("html", "md"), default=True, default_for_string=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
    extensions=["jinja2.ext.do"],
)
# The model holds Markdown source: these filters make its sanitized HTML, the only way a text
# field reaches a page (inline for titles, prompts, labels…; block for intros, messages…).
_env.filters["inline"] = lambda source: Markup(to_html(source, True))
_env.filters["block"] = lambda source: Markup(to_html(source, False))


def folded_at_rule(source: str) -> tuple[Markup, Markup]:
    """An intro's sanitized HTML in two: what comes before its first rule (`---`), and the rest.

    The rest is folded under "More about this questionnaire", a tap away and printed open
    (docs/authoring.md); an intro without a rule is all first part.
    """
    html = to_html(source, False)
    parts = split_at_top_level_rule(html) or (html, "")
    return Markup(parts[0].strip()), Markup(parts[1].strip())


_env.filters["folded_at_rule"] = folded_at_rule


def template_gettext(msgid: str, **values) -> Markup:
    """A message for a template, in the language being spoken, as safe HTML.

    Its text is escaped, and each value too unless it is already safe HTML (a link made by the
    template); then the values are put in.
    """
    return _safely_filled(catalog(language()).gettext(msgid), values)


def template_ngettext(singular: str, plural: str, n: int, **values) -> Markup:
    """As template_gettext, in the form for the number n ({n} in it is n)."""
    return _safely_filled(catalog(language()).ngettext(singular, plural, n, **{k: "{" + k + "}" for k in values}),
                          values)


def _safely_filled(text: str, values: dict) -> Markup:
    # An apostrophe is safe in text and in the double-quoted attributes templates write: a message
    # keeps it as written ("Don't keep…"); values are escaped as Jinja escapes any text.
    escaped = _escaped(text)
    return Markup(fill(escaped, {name: escape_html(value) for name, value in values.items()}) if values else escaped)


@functools.lru_cache(maxsize=4096)
def _escaped(text: str) -> str:
    """A message's text escaped for a template (once: a widget's thirty messages are the same on every render)."""
    return str(escape_html(text)).replace("&#39;", "'")


# Every text of Closer's own, in the language being spoken (macros/messages); the theme's
# templates get the same two (adapter/plugin.py).
_env.globals.update(_=template_gettext, ngettext=template_ngettext, language=language)


def _options(question):
    """The options a question shows; a true-false question gets True and False, in that order."""
    if isinstance(question, TrueFalseQuestion):
        feedback = question.feedback
        # Translators: the first option of a true-false question (read as Markdown, like a quiz's own options).
        return [SimpleNamespace(text=_("True"), correct=question.answer,
                                feedback=feedback.true if feedback else None),
                # Translators: the second option of a true-false question.
                SimpleNamespace(text=_("False"), correct=not question.answer,
                                feedback=feedback.false if feedback else None)]
    return question.options


def render_quiz(loaded: LoadedQuiz, *, level: int = 2, instance: int = 1,
                link: Callable[[str], str] = lambda target: target,
                link_title: Callable[[str], str] = lambda target: target, privacy: str | None = None,
                note: Callable[[str], str | None] = lambda target: None) -> str:
    """The widget's HTML; level is the heading level of its title, instance tells copies apart.

    privacy: the privacy page's address as seen from where the widget is, or None where the site
    and its course have none (a safety screen's message then names no page). note(target): what
    follows a link to a page only the default language has (" (in English)"), else None.
    """
    prefix = f"closer-{loaded.id}" + (f"-{instance}" if instance > 1 else "")
    template = _env.get_template(f"{loaded.quiz.kind}.html")
    html = template.render(id=loaded.id, quiz=loaded.quiz, fingerprint=loaded.fingerprint,
                           previous_fingerprint=previous_fingerprint(loaded), level=level,
                           prefix=prefix, options=_options, link=link, link_title=link_title,
                           privacy=privacy, privacy_note=note("privacy.md") if privacy else None,
                           text=plain).strip()
    return _point_page_links(html, link, note)


def text_html(source: str, inline: bool, link: Callable[[str], str]) -> str:
    """One quiz text as the widget shows it: sanitized HTML, its page links pointed by link()."""
    return _point_page_links(to_html(source, inline), link)


def _point_page_links(html: str, link: Callable[[str], str], note: Callable[[str], str | None] = lambda t: None) -> str:
    # Links in quiz text name pages as docs-relative paths (like recommend); point them at the page.
    # note(target): what follows a link to a page only another language has, such as " (in English)".
    noted = {}

    def point(match: re.Match) -> str:
        target = unescape(match.group(1))
        href, said = escape(link(target)), note(target)
        if said:
            noted[href] = said
        return f'href="{href}"'
    html = _PAGE_LINK.sub(point, html)
    for href, said in noted.items():
        html = re.sub(r'(<a\b[^>]*\bhref="' + re.escape(href) + r'"[^>]*>.*?</a>)',
                      lambda m, said=said: m.group(1) + escape(said), html, flags=re.S)
    return html


def render_lesson(lesson: Lesson, body: str, quiz_html: str, number: int, total: int,
                  previous: dict | None, next_: dict | None, panel: str, stash: Callable[..., str],
                  link: Callable[[str], str]) -> str:
    """A lesson page's Markdown: its parts around the body, always in the same order.

    stash(html, searchable=True) returns a placeholder that the finished HTML replaces after
    Markdown, so the parts, made from author text, are never read as Markdown a second time;
    that is also why their page links (relative to the lesson's file, as in its body) are
    pointed here, by link(), and not by MkDocs.
    """
    return _env.get_template("lesson.md").render(
        lesson=lesson, parts=lesson.parts, body=body, number=number, total=total,
        exercise_title=markdown_literal(plain(lesson.parts.exercise.title)),
        sections=_env.get_template("lesson-parts.html").module, stash=lambda html, searchable=True: Markup(stash(_point_page_links(html, link), searchable)),
        quiz=Markup(quiz_html), panel=Markup(panel), previous=previous, next=next_)


def markdown_literal(text: str) -> Markup:
    """Text that Markdown shows exactly as written: ASCII other than letters, digits and spaces as references.

    No link, emphasis, attribute list or HTML can form from it, whatever the text holds (every
    character Markdown or HTML reads is ASCII; the rest stays as it is, so it reads as written).
    """
    return Markup("".join(f"&#{ord(ch)};" if ch.isascii() and not (ch.isalnum() or ch == " ") else ch
                          for ch in text))


def frame_title(title: str, site_name: str) -> str:
    """An embed's frame title, for screen readers: what it shows, and the site it comes from."""
    # Translators: an embedded lesson's or quiz's frame, for screen readers: its title, then the site's name.
    return _("{title} ({site_name})", title=title, site_name=site_name)


def render_use_panel(*, noun: str, name: str, title: str, site_name: str, embed_src: str, host_script: str,
                     embed_url: str, download_url: str, practice_url: str, worksheet_url: str | None,
                     scorm_url: str, gift_url: str | None, cards_url: str | None = None, practice_note: str = "") -> str:
    """The "Use this in your material" panel, with the iframe code a coach pastes (its title names the site).

    practice_note follows the link to the practice page: " (in English)" when this language lacks it.
    """
    snippet = (f'<iframe src="{escape(embed_src)}" title="{escape(frame_title(title, site_name))}" '
               f'style="width:100%;border:0" height="640" loading="lazy"></iframe>\n'
               f'<script src="{escape(host_script)}" defer></script>')
    return _env.get_template("use-panel.html").render(
        noun=noun, code_id=f"closer-use-{name}", snippet=snippet, embed_url=embed_url,
        download_url=download_url, practice_url=practice_url, worksheet_url=worksheet_url, scorm_url=scorm_url,
        gift_url=gift_url, cards_url=cards_url, practice_note=practice_note).strip()


def render_learning_path(entries: list[dict]) -> str:
    """The course's lessons in order with their length; entries have url, title, description, minutes."""
    return _env.get_template("learning-path.html").render(entries=entries).strip()


def render_standalone(*, content: str, styles, script: str, inline: bool, **context) -> str:
    """A whole HTML page for a lesson or quiz alone; inline assets are trusted site files."""
    if inline:
        styles, script = Markup(styles), Markup(script)
    return _env.get_template("standalone.html").render(content=Markup(content), styles=styles, script=script,
                                                       inline=inline, **context)


def render_worksheet(*, footer_css: str, **context) -> str:
    """A printable worksheet page; footer_css is a CSS string literal already escaped."""
    return _env.get_template("worksheet.html").render(footer_css=Markup(footer_css), needs_heading=False,
                                                      **context)


def render_deck_cards(**context) -> str:
    """A deck's page of cards to print and cut out."""
    return _env.get_template("deck-cards.html").render(needs_heading=False, **context)


def render_privacy_controls() -> str:
    """The privacy page's controls (the script reveals them)."""
    return _env.get_template("privacy-controls.html").render().strip()


def render_plan_calendar(events: list[dict], safety: dict) -> str:
    """A plan's "Add to my calendar" (the script reveals it); events have part, week, day and pages (url, title)."""
    return _env.get_template("plan-calendar.html").render(events=events, safety=safety).strip()


def render_file_listing(path: str, text: str) -> str:
    """A file shown as written, named by its path: one raw HTML block, so Markdown leaves it alone."""
    return (f'<figure class="closer-file"><figcaption><code>{escape(path)}</code></figcaption>'
            f'<pre><code>{escape(text)}</code></pre></figure>')
