"""What Markdown makes of a page, checked against an allow-list of the tags and attributes the course uses.

Raw HTML and attribute lists in a page could otherwise add a script (which the policy would
hash and run), a style, a form, a frame, an event handler or a widget's own `data-` hooks.
Anything not listed stops the build at the page's line and column.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from ..engine.loading import line_col
from ..engine.problems import Problem
from .text import url_problem

_TEXT = {"p", "blockquote", "pre", "code", "em", "strong", "br", "hr", "sub", "sup", "kbd", "abbr", "del", "ins",
         "mark", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tr", "th", "td", "a", "img", "div",
         "h1", "h2", "h3", "h4", "h5", "h6"}
ATTRIBUTES = {"a": {"href", "title", "class", "hreflang"}, "img": {"src", "alt", "title"}, "abbr": {"title"},
              "ol": {"start"}, "th": {"align"}, "td": {"align"}, "code": {"class"}, "div": {"class"},
              "p": {"class"}}
ANY_TAG = {"id"}
# Classes the course's Markdown writes (toc permalinks, admonitions, fenced code, buttons).
CLASSES = re.compile(r"headerlink|md-button|md-button--primary|admonition|admonition-title|language-[a-z0-9-]+|"
                     r"note|abstract|info|tip|success|question|warning|failure|danger|bug|example|quote")
# Ids may not shadow the theme's (`__config`, `__search`…) or the widgets' (`closer-…`).
ID = re.compile(r"(?!closer-)[A-Za-z0-9][A-Za-z0-9_-]*")
# A browser also names each element with an id on `window`, where scripts look for what they did not
# make: an id below would stand in for it. The site's own scripts read on window only the window's
# own properties (which an id cannot hide) or names no id here may take (`document$`, `__md_…`).
RESERVED_IDS = {
    "API": "learning platforms name their SCORM 1.2 connection so",
    "API_1484_11": "learning platforms name their SCORM 2004 connection so",
}
FIX = ("write Markdown, or only the HTML the course uses (see 'Pages and lessons' in the authoring guide); "
       "scripts, styles, frames, forms, handlers and data- attributes are never allowed")


# What a fragment's tree cannot show: comments, declarations and processing instructions (which
# browsers end differently from other parsers, so markup could hide inside one), and the document
# tags a fragment parser drops but a browser merges into the real page (`<body onload=…>`), and
# NUL, which parsers replace, so that `java\0script:` is refused rather than read as a relative link.
# (NUL is looked for on its own: beside it, the pattern could no longer skip to each "<".)
_HIDDEN = re.compile(r"<(?:!(?:--)?|\?|((?i:html|head|body|frameset))(?=[\s/>]))")
_HIDDEN_WHAT = {"\x00": ("a NUL character is not allowed in a page", r"\x00"),
                "<!--": ("an HTML comment is not allowed in a page", r"<!"),
                "<!": ("an HTML declaration is not allowed in a page", r"<!"),
                "<?": ("an HTML processing instruction is not allowed in a page", r"<\?")}


def _refusals(html: str, placeholder: re.Pattern) -> list[tuple[str, str] | tuple[str, str, str]]:
    """(what is wrong, text to find in the source[, how to fix]) for each thing refused, in page order.

    lexbor parses the fragment as a browser parses a page's body, so what is checked is what a
    browser would build.
    """
    hidden = [(match.start(), (f"HTML tag <{match.group(1).lower()}> is not allowed in a page", rf"<{match.group(1)}\b")
                               if match.group(1) else _HIDDEN_WHAT[match.group(0)]) for match in _HIDDEN.finditer(html)]
    if "\x00" in html:
        hidden += [(match.start(), _HIDDEN_WHAT["\x00"]) for match in re.finditer("\x00", html)]
    found = [what for _at, what in sorted(hidden)]
    first = LexborHTMLParser(html, is_fragment=True).root
    for node in first.traverse(include_text=False) if first is not None else ():
        tag = node.tag
        if tag in ("-comment", None):  # comments and the like: refused above
            continue
        attributes = node.attributes
        if attributes or tag not in _TEXT:  # most elements: text tags without attributes
            found += _element_refusals(tag, attributes, placeholder)
    return found


def _element_refusals(tag: str, attrs: dict, placeholder: re.Pattern) -> list[tuple[str, str]]:
    if tag == "div" and list(attrs) == ["data-closer-stash"] and placeholder.fullmatch(attrs["data-closer-stash"] or ""):
        return []  # finished HTML of the project's own, put in after this check
    if tag not in _TEXT:
        return [(f"HTML tag <{tag}> is not allowed in a page", rf"<{re.escape(tag)}\b")]
    found = []
    for name, value in attrs.items():
        value = value or ""
        if name not in ATTRIBUTES.get(tag, set()) | ANY_TAG:
            found.append((f"attribute '{name}' on <{tag}> is not allowed in a page", _word(name)))
        elif name == "class" and not all(CLASSES.fullmatch(token) for token in value.split()):
            found.append((f"class '{value}' on <{tag}> is not allowed in a page", _word(value)))
        elif name == "id" and not ID.fullmatch(value):
            found.append((f"id '{value}' is not allowed in a page", _word(value)))
        elif name == "id" and value in RESERVED_IDS:
            found.append((f"id '{value}' is reserved: {RESERVED_IDS[value]}, and a package of the page would find "
                          "this element instead and never tell the platform it was done", _id(value),
                          f"give the heading or element another id, such as '{value.lower()}'"))
        elif name in ("href", "src") and url_problem(tag, value):
            found.append((url_problem(tag, value) + " is not allowed in a page", re.escape(value[:20])))
    return found


def _word(text: str) -> str:
    """A pattern for text standing on its own: not inside a longer name, nor a tag's name."""
    return rf"(?<![\w</-]){re.escape(text)}(?![\w-])"


def _id(value: str) -> str:
    """A pattern for where the source gives an element this id, in an attribute list or an id attribute, as written."""
    return rf"(?-i:(?:\{{:?[^}}\n]*#|\bid\s*=\s*[\"']?)(?P<at>{re.escape(value)}))(?![\w-])"


def check_content(html: str, source: str, path: str, placeholder: re.Pattern) -> list[Problem]:
    """Every refusal in a page's rendered content, located where its source shows it."""
    seen: dict[str, int] = {}  # the nth refusal of a pattern is the nth place the source shows it
    problems = set()
    for what, pattern, *fix in _refusals(html, placeholder):
        nth = seen[pattern] = seen.get(pattern, -1) + 1
        problems.add(Problem(path, *_locate(source, pattern, nth), what, fix[0] if fix else FIX))
    return sorted(problems)


def _locate(source: str, pattern: str, nth: int) -> tuple[int, int]:
    """1-based line and column of the nth match of pattern in source (ignoring case), or the last one."""
    matches = list(re.finditer(pattern, source, re.I)) if pattern else []
    if not matches:
        return 1, 1
    match = matches[min(nth, len(matches) - 1)]
    return line_col(source, match.start("at") if "at" in match.re.groupindex else match.start())
