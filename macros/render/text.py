"""Text fields: Markdown source -> HTML through an allow-list sanitizer, reporting what it removed.

The model keeps each text as its Markdown source; HTML is made from it when a page is rendered
(`to_html`), so nothing that depends on the Markdown or nh3 version is stored or hashed.

nh3 (ammonia) does the cleaning; a small scan of the same HTML names what was not allowed, so
the author is told instead of having text silently disappear.
"""

from __future__ import annotations

import functools
from html import unescape
from html.parser import HTMLParser
import re
from urllib.parse import unquote, urlsplit

import markdown
import nh3

INLINE_TAGS = {"a", "em", "strong", "code", "br", "sub", "sup", "kbd", "abbr", "del", "ins", "mark"}
BLOCK_TAGS = INLINE_TAGS | {"p", "ul", "ol", "li", "blockquote", "pre", "hr", "img",
                            "h3", "h4", "h5", "h6", "dl", "dt", "dd"}
ATTRIBUTES = {"a": {"href", "title"}, "abbr": {"title"}, "img": {"src", "alt", "title"}, "ol": {"start"}}
URL_SCHEMES = {"http", "https", "mailto"}
_DROPPED_WITH_CONTENT = {"script", "style", "template", "noscript", "iframe", "object", "textarea"}
_CONTROL = re.compile("[\x00-\x1f\x7f]")


def url_problem(tag: str, url: str) -> str | None:
    r"""Why a link or image URL may not stay, or None when it may.

    Control characters are refused outright, written or %-encoded: browsers drop some of them
    inside a scheme, which is how "java\tscript:" slips past naive checks, and a file path
    cannot hold them.
    """
    if _CONTROL.search(url) or ("%" in url and _CONTROL.search(unquote(url))):
        return f"link with control characters on <{tag}>"
    parts = urlsplit(url.strip())
    if parts.scheme and parts.scheme.lower() not in URL_SCHEMES:
        return f"link '{url[:40]}' on <{tag}> (only http, https, mailto and relative links)"
    if tag == "img" and (parts.scheme or parts.netloc or url.strip().startswith(("//", "\\", "/\\", "\\/"))):
        return f"image from another site '{url[:40]}' (images must be files of this site)"
    return None


def _keep_attribute(tag: str, attr: str, value: str) -> str | None:
    if attr in ("href", "src") and url_problem(tag, value):
        return None
    return value


class _Scanner(HTMLParser):
    """Lists the tags, attributes and URLs of an HTML fragment that the allow-list removes."""

    def __init__(self, tags: set[str]):
        super().__init__(convert_charrefs=True)
        self.tags, self.removed = tags, []

    def handle_starttag(self, tag, attrs):
        if tag not in self.tags:
            self.removed.append(f"HTML tag <{tag}>")
            return
        allowed = ATTRIBUTES.get(tag, set())
        for name, value in attrs:
            value = value or ""
            if name not in allowed:
                self.removed.append(f"attribute '{name}' on <{tag}>")
            elif name in ("href", "src") and url_problem(tag, value):
                self.removed.append(url_problem(tag, value))

    handle_startendtag = handle_starttag


class _TopLevelRule(HTMLParser):
    """Finds the first <hr> outside every other element: a rule inside a quote or a list is the author's."""

    VOID = {"br", "hr", "img"}  # the allow-list's elements that never close

    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.depth, self.found = 0, None

    def handle_starttag(self, tag, attrs):
        if tag == "hr" and self.depth == 0 and self.found is None:
            self.found = (*self.getpos(), len(self.get_starttag_text()))
        elif tag not in self.VOID:
            self.depth += 1

    def handle_endtag(self, tag):
        self.depth -= 1


def split_at_top_level_rule(html: str) -> tuple[str, str] | None:
    """Sanitized HTML cut at its first top-level <hr>, without it; None when it has none."""
    finder = _TopLevelRule()
    finder.feed(html)
    finder.close()
    if finder.found is None:
        return None
    line, column, length = finder.found
    at = sum(len(text) for text in html.splitlines(keepends=True)[:line - 1]) + column
    return html[:at], html[at + length:]


class MarkdownRenderer:
    """Renders inline or block Markdown to sanitized HTML."""

    def __init__(self):
        self._md = markdown.Markdown(extensions=[], output_format="html")

    def render(self, source: str, inline: bool) -> tuple[str, list[str]]:
        """Sanitized HTML for source, and a description of each thing removed from it."""
        self._md.reset()
        html = self._md.convert(source)
        if inline and html.startswith("<p>") and html.endswith("</p>") and html.count("<p>") == 1:
            html = html[3:-4]
        tags = INLINE_TAGS if inline else BLOCK_TAGS
        scanner = _Scanner(tags | {"p"} if inline else tags)  # paragraphs in a short text just merge
        scanner.feed(html)
        scanner.close()
        clean = nh3.clean(
            html,
            tags=tags,
            clean_content_tags=_DROPPED_WITH_CONTENT,
            attributes={tag: attrs for tag, attrs in ATTRIBUTES.items() if tag in tags},
            attribute_filter=_keep_attribute,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
        removed = list(dict.fromkeys(scanner.removed))
        return clean.strip(), removed


# One line of words and everyday punctuation, starting with a letter: nothing in it is Markdown or
# HTML (no emphasis, code, link, list, heading, entity or break), so its HTML is itself. Most
# quiz texts are like this, and skipping Markdown and nh3 for them halves loading a quiz. A test
# checks the shortcut against the full path on every text of the project and the payload lists.
_FIRST, _WORD, _SEPARATOR = r"[^\W\d_][^\W_]*", r"[^\W_]*", r"[ ,.;:?'\"()/%\u2018\u2019\u201c\u201d\u2013\u2014-]+"
PLAIN_TEXT = re.compile(rf"{_FIRST}(?:{_SEPARATOR}{_WORD})*")
# The same, where a whole word or words may also be **strong** or `code` (as in "press **Check**"):
# Markdown makes exactly <strong>…</strong> and <code>…</code> of them, and nh3 keeps both.
_WORDS = r"[^\W_]+(?: [^\W_]+)*"
_STRONG_OR_CODE = re.compile(rf"\*\*({_WORDS})\*\*|`({_WORDS})`")
MARKED_TEXT = re.compile(rf"(?:{_FIRST}|{_STRONG_OR_CODE.pattern})(?:{_SEPARATOR}(?:{_WORD}|{_STRONG_OR_CODE.pattern}))*")


def _marked_html(source: str) -> str:
    return _STRONG_OR_CODE.sub(lambda m: f"<strong>{m[1]}</strong>" if m[1] else f"<code>{m[2]}</code>", source)


@functools.lru_cache(maxsize=None)
def _rendered(source: str, inline: bool) -> tuple[str, tuple[str, ...]]:
    if source == source.strip() and MARKED_TEXT.fullmatch(source):  # plain texts among them
        html = _marked_html(source)
        return (html if inline else f"<p>{html}</p>"), ()
    renderer = _renderer()
    html, removed = renderer.render(source, inline)
    return html, tuple(removed)


@functools.lru_cache(maxsize=1)
def _renderer() -> MarkdownRenderer:
    return MarkdownRenderer()


def to_html(source: str, inline: bool) -> str:
    """Sanitized HTML of a text field's Markdown source (what was removed is reported at validation)."""
    return _rendered(source, inline)[0]


def removed_markup(source: str, inline: bool) -> list[str]:
    """What rendering removes from a Markdown source: the check the engine's validation is given."""
    return list(_rendered(source, inline)[1])


def plain(source: str, inline: bool = True) -> str:
    """The text a reader sees of a Markdown source, for titles, labels and attributes."""
    return plain_text(to_html(source, inline))


def plain_text(html: str) -> str:
    """The text of a sanitized HTML fragment, for titles in page metadata."""
    return unescape(nh3.clean(html, tags=set()))
