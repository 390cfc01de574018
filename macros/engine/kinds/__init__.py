"""The kinds of quiz, each registered once: its model, rules, fingerprinted content and exports.

A kind is a module of this package that ends by calling `register`. The rest of Closer asks the
registry and never tells kinds apart by name: validation picks the model by `kind:`, the
catalog fingerprints `content`, the renderer uses the template `<name>.html` of the kind's
component folder, and publishing writes the exports the kind names. So a new kind is a module
here and a folder in components/, not a branch in each layer (STYLE.md, principle 1).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Iterable

from ..loading import Document
from ..problems import Problem, did_you_mean
from ..schema import Common

Located = Callable[[tuple, str, str], Problem]  # at(path, what, fix): a problem at a node of the file


@dataclass(frozen=True)
class Kind:
    """What one kind of quiz is made of, for every layer that handles quizzes."""

    name: str  # the value of `kind:`, and the name of its component folder and template
    model: type[Common]
    content: Callable[[Common], list]  # the parts whose edit drops saved state: questions, items, cards
    rules: Callable[[Common, Located], Iterable[Problem]] = lambda quiz, at: ()
    links: Callable[[Common], Iterable[tuple[tuple, list[str]]]] = lambda quiz: ()  # (path, page targets)
    exports: frozenset[str] = field(default_factory=frozenset)  # beyond page, embed, download, SCORM, oEmbed
    noun: str = "quiz"  # what the page's panel for coaches calls it ("To show this quiz on your own site")


KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> Kind:
    KINDS[kind.name] = kind
    return kind


def kind_of(quiz: Common) -> Kind:
    """The registered kind of a validated quiz."""
    return KINDS[quiz.kind]


def kinds_named() -> str:
    """The kinds as an author writes them, for messages: 'deck', 'knowledge-check' or 'self-assessment'."""
    names = [f"'{name}'" for name in sorted(KINDS)]
    return ", ".join(names[:-1]) + " or " + names[-1]


def check_rules(quiz: Common, doc: Document, file: str) -> list[Problem]:
    """Every cross-field problem of a structurally valid quiz, each at the node that breaks it."""
    def at(path, what, fix):
        return Problem(file, *doc.where(path), what, fix)
    return list(kind_of(quiz).rules(quiz, at))


def check_links(quiz: Common, doc: Document, file: str, pages: set[str]) -> list[Problem]:
    """Links to pages (recommendations) that point at pages the site does not have."""
    problems = []
    for path, targets in kind_of(quiz).links(quiz):
        for k, target in enumerate(targets):
            page = target.split("#", 1)[0]
            if page.endswith(".md") and page not in pages:
                problems.append(Problem(file, *doc.where(path + (k,)), f"recommended page '{page}' does not exist",
                                        did_you_mean(page, pages, "check the path under docs/")))
    return problems


# Each kind registers itself on import; the order is the JSON Schema's and the messages'.
from . import deck, knowledge_check, self_assessment  # noqa: E402, F401  (they need Kind and register)

MODELS = {name: kind.model for name, kind in KINDS.items()}  # `kind:` -> its model, as validation picks it
