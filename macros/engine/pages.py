"""A page's own source, checked before anything renders it: front matter is data, template code is allow-listed.

mkdocs-macros renders every page body, and any page title with template markers, in a plain
Jinja environment where an expression can walk from a global such as `cycler` to Python's
`os`. So front matter never holds template markers, and a body may use only the project's
macros with constant arguments, `config.site_url` and `{% raw %}` blocks: the parsed syntax
tree is walked and every other node is refused at its line in the page's file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re

import jinja2
from jinja2 import nodes

from .loading import Scalar, load
from .plain_calls import plain_calls
from .problems import Problem, did_you_mean

MACROS = ("quiz", "learning_path", "show_file", "privacy_controls", "plan_calendar")
MARKERS = ("{{", "{%", "{#")
ALLOWED = ('pages may use only {{ quiz("<id>") }}, {{ learning_path() }}, {{ show_file("<path>") }}, '
           '{{ privacy_controls() }}, {{ plan_calendar("<check-in id>") }}, {{ config.site_url }} and {% raw %} blocks; '
           "to show template code as text, put it in a {% raw %} block")
# MkDocs' own front-matter patterns (mkdocs.utils.meta), so the body checked is the body rendered.
FRONT_MATTER = re.compile(r"\A-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.S)
# Without '---' lines, MkDocs reads "key: value" lines at the top as metadata (MultiMarkdown style),
# which the theme writes into pages unchecked: the course refuses that form.
LOOSE_METADATA = re.compile(r"\A[ ]{0,3}[A-Za-z0-9_-]+:")
# Keys a page other than a lesson may set; a lesson's keys are its parts (macros.engine.lessons).
PAGE_KEYS = ("title", "description", "hide")
HIDE = ("navigation", "toc", "footer", "path")


@dataclass(frozen=True)
class MacroCall:
    """One allowed macro call, where it stands in the page's file."""

    name: str
    line: int
    col: int
    args: tuple = ()  # its arguments, plain text or numbers (the only kind allowed)
    kwargs: tuple = ()  # (name, value) pairs


@dataclass
class BodyCheck:
    """What a page body may render: its macro calls in order, or the problems that stop it."""

    calls: list[MacroCall] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    has_template_code: bool = True  # False when the body holds no delimiter at all


def split_front_matter(text: str) -> tuple[str | None, str]:
    """The front matter's text (or None) and the body, split as MkDocs splits them."""
    match = FRONT_MATTER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end():].lstrip("\n")


def body_line(source: str, body: str) -> int:
    """The line of the source file on which body (its end, as MkDocs hands it on) starts."""
    if not source.endswith(body):  # MkDocs kept the whole file: its front matter did not load
        return 1
    return source.count("\n", 0, len(source) - len(body)) + 1


def has_markers(text: str) -> bool:
    return any(marker in text for marker in MARKERS)


def check_front_matter(text: str, path: str, *, lesson: bool) -> list[Problem]:
    """Template markers anywhere in a page's front matter, and, outside lessons, keys not allowed."""
    front, _ = split_front_matter(text)
    if front is None:
        if LOOSE_METADATA.match(text):
            return [Problem(path, 1, 1, "MkDocs would read this first line as page metadata",
                            "put front matter between two '---' lines, or start the page with a heading")]
        return []
    # A blank first line in place of '---' keeps YAML line numbers equal to the file's.
    doc, problems = load(("\n" + front).encode(), path)
    if doc is None:
        return problems
    for scalar in _scalars(doc.data):
        if has_markers(scalar):
            marker = next(m for m in MARKERS if m in scalar)
            problems.append(Problem(path, scalar.line, scalar.col, f"template marker '{marker}' in front matter",
                                    "front matter is plain text: remove the braces, or write '{ {' with a space"))
    if not lesson:
        problems += _page_keys(doc.data, path)
    return problems


def _scalars(data):
    """Every key and value of loaded YAML data."""
    if isinstance(data, Scalar):
        yield data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _scalars(key)
            yield from _scalars(value)
    elif isinstance(data, list):
        for value in data:
            yield from _scalars(value)


def _page_keys(data, path: str) -> list[Problem]:
    if not isinstance(data, dict):
        return [Problem(path, 2, 1, "the front matter must be keys and values", "write 'title: …' and "
                        "'description: …'")]
    problems = []
    for key, value in data.items():
        if key not in PAGE_KEYS:
            problems.append(Problem(path, key.line, key.col, f"unknown key '{key}' in a page's front matter",
                                    did_you_mean(key, PAGE_KEYS, "allowed here: " + ", ".join(PAGE_KEYS))))
        elif key == "hide":
            values = value if isinstance(value, list) else [value]
            for item in values:
                if not isinstance(item, Scalar) or item not in HIDE:
                    line, col = (item.line, item.col) if isinstance(item, Scalar) else (key.line, key.col)
                    problems.append(Problem(path, line, col, "'hide' takes a list of page parts",
                                            "use some of: " + ", ".join(HIDE)))
        elif not isinstance(value, Scalar) or not value.strip():
            problems.append(Problem(path, key.line, key.col, f"'{key}' must be text", f"write '{key}: …' on one line"))
    return problems


def check_body(body: str, path: str, first_line: int, env: jinja2.Environment) -> BodyCheck:
    """Parse a page body (without rendering it) and allow only the template code of ALLOWED."""
    result = BodyCheck()
    if not any(marker in body for marker in _delimiters(env)):
        result.has_template_code = False  # most pages: parsing them would cost a millisecond each
        return result
    lines = body.splitlines()
    plain = plain_calls(body, env, MACROS)
    if plain is not None:  # only calls such as {{ quiz("trust") }}: what Jinja's parser would find, in less time
        result.calls = _located(lines, first_line, [call[2:] for call in plain])
        return result

    def at(lineno: int, needle: str) -> tuple[int, int]:
        line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
        index = line.find(needle) if needle else -1
        if index < 0:
            index = max(0, min((i for i in (line.find(m) for m in MARKERS) if i >= 0), default=0))
        return lineno + first_line - 1, index + 1

    def refuse(node: nodes.Node, what: str, needle: str, fix: str = ALLOWED) -> None:
        result.problems.append(Problem(path, *at(node.lineno, needle), what, fix))

    try:
        tree = env.parse(body)
    except jinja2.TemplateSyntaxError as err:
        line, col = at(err.lineno or 1, "")
        result.problems.append(Problem(path, line, col, f"template syntax error: {err.message}",
                                       "close every '{{' with '}}' and every '{%' with '%}'; " + ALLOWED))
        return result
    except Exception as err:  # noqa: BLE001 - any parser failure (deep nesting…) is the author's to fix
        result.problems.append(Problem(path, first_line, 1, f"template code that cannot be read ({type(err).__name__})",
                                       ALLOWED))
        return result
    calls = []
    for statement in tree.body:
        if not isinstance(statement, nodes.Output):
            keyword = _KEYWORDS.get(type(statement).__name__, type(statement).__name__.lower())
            refuse(statement, f"'{{% {keyword} %}}' is not allowed in a page", "{%")
            continue
        for node in statement.nodes:
            if isinstance(node, nodes.TemplateData) or _is_site_url(node):
                continue
            problem = _call_problem(node)
            if problem is None:
                calls.append((node.node.name, node.lineno, tuple(arg.value for arg in node.args),
                              tuple((keyword.key, keyword.value.value) for keyword in node.kwargs)))
                continue
            refuse(node, *problem)
    result.calls = _located(lines, first_line, calls)
    return result


def _located(lines: list[str], first_line: int, calls: list[tuple[str, int, tuple, tuple]]) -> list[MacroCall]:
    """Each call (name, line in the body, args, kwargs) at its place in the page's file."""
    located, seen_on_line = [], {}
    for name, lineno, args, kwargs in calls:
        nth = seen_on_line[name, lineno] = seen_on_line.get((name, lineno), -1) + 1
        located.append(MacroCall(name, *_nth_on_line(lines, name, lineno, first_line, nth), args, kwargs))
    return located


def _delimiters(env: jinja2.Environment) -> list[str]:
    """What starts template code in env, including any delimiters a site configures for mkdocs-macros."""
    return [marker for marker in (env.variable_start_string, env.block_start_string, env.comment_start_string,
                                  env.line_statement_prefix, env.line_comment_prefix) if marker]


_KEYWORDS = {"Assign": "set", "AssignBlock": "set", "FromImport": "from … import", "CallBlock": "call",
             "FilterBlock": "filter", "ExprStmt": "do", "ScopedEvalContextModifier": "autoescape",
             "EvalContextModifier": "autoescape", "Scope": "with"}


def _is_site_url(node: nodes.Node) -> bool:
    return (isinstance(node, nodes.Getattr) and node.attr == "site_url"
            and isinstance(node.node, nodes.Name) and node.node.name == "config")


def _call_problem(node: nodes.Node) -> tuple[str, str, str] | None:
    """Why an output expression is not an allowed macro call (what, text to find, fix), or None."""
    if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name):
        name = node.node.name
        if name not in MACROS:
            return f"unknown macro '{name}'", name, did_you_mean(name, MACROS, ALLOWED)
        values = [*node.args, *(keyword.value for keyword in node.kwargs)]
        if node.dyn_args or node.dyn_kwargs or not all(
                isinstance(value, nodes.Const) and type(value.value) in (str, int) for value in values):
            return f"{name}() takes only plain text and numbers as arguments", name, ALLOWED
        return None
    named = (nodes.Name, nodes.Filter, nodes.Test)
    name = next((n.name for n in [node, *node.find_all(named)] if isinstance(n, named)), None)
    if isinstance(node, nodes.Name) or name is None:
        return "template code is not allowed in a page", name or "", ALLOWED
    return f"template code using '{name}' is not allowed in a page", name, ALLOWED


def _nth_on_line(lines: list[str], name: str, lineno: int, first_line: int, nth: int) -> tuple[int, int]:
    line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
    matches = [m.start() for m in re.finditer(rf"\b{name}\s*\(", line)]
    col = matches[nth] if nth < len(matches) else 0
    return lineno + first_line - 1, col + 1


def dangling_link(path: str, text: str, written: str | None, target: str) -> Problem:
    """A link to a page the site does not have, located where its target is written in the page's file."""
    line, col = _position_in(text, f"]({written})") if written else (1, 1)
    return Problem(path, line, col, f"text on this page links to '{target}', which is not a page of the site",
                   "in quiz text, name pages by their path under docs/, like lessons/trust.md; in a lesson's "
                   "front matter, as in its body")


def _position_in(text: str, needle: str) -> tuple[int, int]:
    """1-based line and column where a link's target starts, needle being "](target)"; (1, 1) if absent."""
    at = text.find(needle)
    if at < 0:
        return 1, 1
    before = text[:at]
    return before.count("\n") + 1, at - (before.rfind("\n") + 1) + 3  # after "](", 1-based

_HEADING = re.compile(r"^ {0,3}(#{1,6})[ \t]")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")


def heading_level_above(text: str, line: int) -> int | None:
    """The level of the last Markdown heading before a 1-based line of a page (outside code fences), if any."""
    level, fence = None, None
    for written in text.splitlines()[:line - 1]:
        opened = _FENCE.match(written)
        if opened and (fence is None or opened.group(1)[0] == fence):
            fence = None if fence else opened.group(1)[0]
        elif fence is None and (heading := _HEADING.match(written)):
            level = len(heading.group(1))
    return level
