"""Every lesson and quiz on its own: embeds, offline downloads, SCORM packages, oEmbed, worksheets."""

from __future__ import annotations

import base64
from dataclasses import dataclass
import functools
import html
import json
import mimetypes
from pathlib import Path, PurePosixPath
from typing import Callable
from urllib.parse import unquote, urlsplit

from markupsafe import Markup
from selectolax.lexbor import LexborHTMLParser

from ..engine.lessons import ORDER, LessonParts
from ..messages import _
from ..render.rendering import frame_title, render_standalone, render_worksheet, text_html
from ..render.text import to_html
from .bundle import SCRIPT_NAME as SCRIPT
from .bundle import STYLESHEET_NAME
from .json_schema import quiz_json_schema
from .scorm import package, scorm_script
from .security import standalone_policy
from .urls import ASSETS, absolute_url, download_url, embed_url, file_of, oembed_url, scorm_url, worksheet_url

STYLESHEETS = ("standalone.css", STYLESHEET_NAME)
WORKSHEET_STYLESHEETS = ("standalone.css", STYLESHEET_NAME, "worksheet.css")  # the bundle styles the quick exit
SCHEMA_PATH = "schema/quiz.schema.json"
SITE_ONLY = "data-closer-site-only"  # site navigation and panels that make no sense on their own
OEMBED_WIDTH, OEMBED_HEIGHT = 600, 640  # what a consumer reserves before the embed reports its height


@dataclass(frozen=True)
class Standalone:
    """One lesson or quiz to publish on its own; content's links are written for its page at page_url."""

    kind: str  # "lessons" or "quizzes": the URL folder
    name: str  # the lesson's slug or the quiz's id
    title: str  # plain text
    content: str  # HTML as rendered on the site
    page_url: str  # site-relative URL of the page the content comes from
    credit_url: str  # site-relative URL of the page to credit
    credit_title: str
    player: str = "lesson"  # what its SCORM package reports: "lesson <check id>", "knowledge-check", "self-assessment"

    @property
    def embed_path(self) -> PurePosixPath:
        return file_of(embed_url(self.kind, self.name))

    @property
    def download_path(self) -> PurePosixPath:
        return file_of(download_url(self.kind, self.name))

    @property
    def scorm_path(self) -> PurePosixPath:
        return file_of(scorm_url(self.kind, self.name))


@dataclass(frozen=True)
class Worksheet:
    """A lesson's exercise and reflection prompts for paper, rendered from the lesson's model."""

    lesson: Standalone
    number: int
    parts: LessonParts
    link: Callable[[str], str]  # points a page link of the lesson's text, relative to the lesson's page

    @property
    def path(self) -> PurePosixPath:
        return file_of(worksheet_url(self.lesson.name))


# Every copy points someone who is afraid to real help: the safety page, or else the directory of
# crisis and abuse lines by country that the safety page itself lists first.
HELP_DIRECTORY = "https://findahelpline.com/"


@dataclass(frozen=True)
class SiteFacts:
    """What every published copy says of the site it comes from."""

    site_url: str  # absolute, ending in "/"
    site_name: str
    exit_url: str  # where "Leave this page" goes
    privacy_url: str | None  # absolute; None where neither the site nor a named course has the page
    help_url: str | None  # where neither has a safety page, copies point to HELP_DIRECTORY
    course: bool  # the site is the course itself, not a site with only its quizzes

    def footer(self) -> dict:
        """What a copy's page template says of the site: its address, name, quick exit and help."""
        return {"site_url": self.site_url, "site_name": self.site_name, "exit_url": self.exit_url,
                "privacy_url": self.privacy_url, "help_url": self.help_url or HELP_DIRECTORY, "course": self.course}


def export_all(site: Path, facts: SiteFacts, items: list[Standalone], worksheets: list[Worksheet],
               policy_placeholder: str | None) -> str:
    """Write every embed page, download, SCORM package, oEmbed answer and worksheet; return the downloads' policy."""
    site_url = facts.site_url
    styles = "\n".join(_asset(site, name) for name in STYLESHEETS)
    script = _asset(site, SCRIPT)
    downloads_policy = standalone_policy(script, styles)
    launch_script = script + ";" + scorm_script()  # a SCORM launch page is the download that also reports
    launch_policy = standalone_policy(launch_script, styles)
    for item in items:
        tree = standalone_content(item.content, site_url, item.page_url)
        content = tree.body.inner_html
        common = dict(title=item.title, needs_heading=tree.css_first("h1") is None, **facts.footer(),
                      credit_url=absolute_url(site_url, item.credit_url), credit_title=item.credit_title)
        up = "../" * (len(item.embed_path.parts) - 1)
        write_file(site / item.embed_path, render_standalone(
            **common, content=content, embed=True, inline=False, csp=policy_placeholder,
            styles=[f"{up}{ASSETS / name}" for name in STYLESHEETS], script=f"{up}{ASSETS / SCRIPT}"))
        offline = inline_images(tree, site, site_url) if tree.css_first("img") else content
        write_file(site / item.download_path, render_standalone(
            **common, content=offline, embed=False, inline=True, csp=downloads_policy, styles=styles, script=script))
        launch_page = render_standalone(**common, content=offline, embed=False, inline=True, csp=launch_policy,
                                        styles=styles, script=launch_script, scorm=item.player)
        path = site / item.scorm_path
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(package(f"closer-{item.kind}-{item.name}", item.title, launch_page))
        write_oembed(site, facts, item)
    write_oembed_sitemaps(site)
    for sheet in worksheets:
        write_file(site / sheet.path, worksheet_page(sheet, facts, policy_placeholder))
    return downloads_policy


def paper_page(path: PurePosixPath, site_url: str, page_url: str, stylesheets: tuple[str, ...]):
    """For a printable page at path (a worksheet, a deck's cards), made from the page at page_url.

    Returns on_paper(fragment), which gives a fragment of that page's HTML with its links
    absolute, as in the page's embed and download, and the page's own asset links.
    """
    def on_paper(fragment: str) -> Markup:
        return Markup(standalone_content(fragment, site_url, page_url).body.inner_html)
    up = "../" * (len(path.parts) - 1)
    return on_paper, {"styles": [f"{up}{ASSETS / name}" for name in stylesheets], "script": f"{up}{ASSETS / SCRIPT}"}


def worksheet_page(sheet: Worksheet, facts: SiteFacts, policy_placeholder: str | None) -> str:
    """The worksheet's HTML: the lesson's steps, solo variant and prompts, each with writing space."""
    lesson, exercise = sheet.lesson, sheet.parts.exercise
    lesson_url = absolute_url(facts.site_url, lesson.page_url)
    on_paper, assets = paper_page(sheet.path, facts.site_url, lesson.page_url, WORKSHEET_STYLESHEETS)
    return render_worksheet(
        title=lesson.title, slug=lesson.name, number=sheet.number, total=len(ORDER), lesson_url=lesson_url,
        exercise={"title": Markup(to_html(exercise.title, True)), "minutes": exercise.minutes,
                  "steps": [on_paper(text_html(step, True, sheet.link)) for step in exercise.steps],
                  "solo": on_paper(text_html(exercise.solo, False, sheet.link))},
        reflection=[on_paper(text_html(prompt, True, sheet.link)) for prompt in sheet.parts.reflection],
        footer_css=css_string(f"{facts.site_name} · {lesson.title}\n{lesson_url}"),
        embed=False, inline=False, csp=policy_placeholder, **facts.footer(), credit_url=lesson_url,
        credit_title=lesson_credit(lesson.title), **assets)


def lesson_credit(title: str) -> str:
    """What a lesson's copies (its embed, download, package and worksheet) credit: the lesson, by its title."""
    # Translators: what a page on its own credits, after "From <site>: ", linking to the lesson's page.
    return _("the lesson “{title}”", title=title)


def css_string(text: str) -> str:
    """A CSS string literal of any text: everything but plain characters as a hex escape."""
    return '"' + "".join(c if c.isalnum() or c in " .,:/-·" else f"\\{ord(c):x} " for c in text) + '"'


def write_oembed(site: Path, facts: SiteFacts, item: Standalone) -> None:
    """The oEmbed answer for a lesson's or quiz's page: a frame of its embed, and nothing to run.

    Blogs and editors that read it (WordPress among them) show the frame; WordPress sizes it from
    the embed's own height messages (components/embed-frame).
    """
    src = absolute_url(facts.site_url, embed_url(item.kind, item.name))
    frame = (f'<iframe src="{html.escape(src)}" title="{html.escape(frame_title(item.title, facts.site_name))}" width="{OEMBED_WIDTH}" '
             f'height="{OEMBED_HEIGHT}" style="width:100%;border:0" loading="lazy"></iframe>')
    answer = {"version": "1.0", "type": "rich", "title": item.title, "provider_name": facts.site_name,
              "provider_url": facts.site_url, "html": frame, "width": OEMBED_WIDTH, "height": OEMBED_HEIGHT}
    write_file(site / oembed_url(item.kind, item.name), json.dumps(answer, indent=2, ensure_ascii=False) + "\n")


# mkdocs-material fetches "sitemap.xml" beside every <link rel="alternate"> of a page (its way of
# finding a site's other languages), and oEmbed discovery links are such links: each oEmbed
# folder gets an empty sitemap, so no page logs a failed request.
EMPTY_SITEMAP = ('<?xml version="1.0" encoding="UTF-8"?>\n'
                 '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n')


def write_oembed_sitemaps(site: Path) -> None:
    for kind in ("lessons", "quizzes"):
        write_file(site / PurePosixPath(oembed_url(kind, "x")).parent / "sitemap.xml", EMPTY_SITEMAP)


def write_schema(site: Path, site_url: str) -> None:
    """Publish the quiz files' JSON Schema for editors, at the URL it names as its $id."""
    write_file(site / SCHEMA_PATH, _schema_text(absolute_url(site_url, SCHEMA_PATH)))


@functools.lru_cache(maxsize=8)  # the same for every language's build, and every build of `mkdocs serve`
def _schema_text(url: str) -> str:
    return json.dumps(quiz_json_schema(url), indent=2, ensure_ascii=False) + "\n"


def standalone_content(html: str, site_url: str, page_url: str) -> LexborHTMLParser:
    """The content of the page at page_url without site-only parts, its links absolute and opening outside the frame.

    Parsed with lexbor (selectolax), a browser's HTML parser in C: the content of every lesson and
    quiz is parsed once per build, and a pure-Python parser made that most of the exports' time.
    """
    tree = LexborHTMLParser(html)
    for node in tree.css(f"[{SITE_ONLY}]"):
        node.decompose()
    for link in tree.css("a[href]"):
        href = link.attrs["href"] or ""
        if href.startswith("#"):
            continue  # stays on the page
        link.attrs["href"] = absolute_url(site_url, href, page_url)
        link.attrs["target"] = "_blank"
        link.attrs["rel"] = "noopener"
    for image in tree.css("img[src]"):
        image.attrs["src"] = absolute_url(site_url, image.attrs["src"] or "", page_url)
    return tree


def inline_images(tree: LexborHTMLParser, site: Path, site_url: str) -> str:
    """Replace the site's own images with data: URLs, so a download needs no network.

    An image that is not a file of the built site is replaced by its alt text: a download never
    reaches out, and a bad path in a quiz never reads anything outside the site.
    """
    root = site.resolve()
    for image in tree.css("img[src]"):
        src = image.attrs["src"] or ""
        path = _site_file(root, src[len(site_url):]) if src.startswith(site_url) else None
        if path is None:
            image.replace_with(image.attrs.get("alt") or "")
            continue
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        image.attrs["src"] = f"data:{kind};base64," + base64.b64encode(path.read_bytes()).decode("ascii")
    return tree.body.inner_html


def _site_file(root: Path, relative_url: str) -> Path | None:
    """The built site's file at a relative URL, or None for a path that is invalid or outside it."""
    try:
        path = (root / unquote(urlsplit(relative_url).path)).resolve()
        return path if root in path.parents and path.is_file() else None
    except (ValueError, OSError):  # a NUL byte or a name the file system refuses
        return None


def _asset(site: Path, name: str) -> str:
    text = (site / ASSETS / name).read_text(encoding="utf-8")
    closing = "</script" if name.endswith(".js") else "</style"
    if closing in text.lower():  # would end the inline element early
        raise ValueError(f"{ASSETS / name} contains '{closing}' and cannot be inlined")
    return text


def write_file(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
