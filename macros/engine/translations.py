"""A quiz's translation, `quizzes/<lang>/<id>.yml`, bound to its default file's structure.

A translation is validated like any quiz, then compared node by node with the default file:
only text fields may differ (QUIZ_FORMAT "Languages"). Anything else (a key, a count, an id, a
keying, a band's limit, a screen's trigger, a recommended page) is a problem located in the
translation that names the default file's line, so the translator sees what to copy. Because the
structure is the default's, answers, history and codes saved in one language are the other's.
"""

from __future__ import annotations

import re

from .loading import Document, Scalar
from .problems import Problem

# Keys whose values are texts a reader sees (a string, a list of strings, or a mapping of them):
# every other key is structure and must be as in the default file. The schema's text fields
# (InlineText, BlockText) are these; tests/unit/test_translations.py holds the two together.
TEXT_KEYS = frozenset({"title", "intro", "text", "labels", "label", "message", "description", "feedback",
                       "prompt", "explanation"})
LANGUAGE_FOLDER = re.compile(r"[a-z]{2,3}(?:-[A-Z]{2})?")  # es, pt-BR: a BCP 47 language (and region)
FIX = "a translation changes only the texts: give it the default file's structure"


def structure_problems(translation: Document, default: Document, file: str, default_file: str) -> list[Problem]:
    """Every place where the translation's structure differs from the default file's."""
    found: list[Problem] = []
    _compare(translation, default, file, default_file, translation.data, default.data, (), False, found)
    return found


def _compare(tr: Document, de: Document, file: str, default_file: str, mine, theirs, path: tuple, text: bool,
             found: list[Problem]) -> None:
    def problem(what: str, fix: str = FIX, key: str | None = None) -> None:
        """A problem here; what names the default file's node (or key) as {default}, author text is never formatted."""
        line, col = de.key_positions.get(path + (key,), de.where(path)) if key else de.where(path)
        found.append(Problem(file, *tr.where(path), what.replace("{default}", f"{default_file}:{line}:{col}"), fix))

    if isinstance(theirs, dict):
        if not isinstance(mine, dict):
            return problem("a mapping belongs here, as at {default}")
        for key in theirs:
            if key not in mine:
                problem(f"missing key '{key}' that {{default}} has", f"add '{key}:' with "
                        + ("its text translated" if key in TEXT_KEYS else "the same value"), key)
        for key in mine:
            if key not in theirs:
                found.append(Problem(file, *tr.key_positions.get(path + (key,), tr.where(path)),
                                     f"'{key}' is not in {default_file} here", "remove it: " + FIX))
            else:
                _compare(tr, de, file, default_file, mine[key], theirs[key], path + (key,),
                         text or key in TEXT_KEYS, found)
    elif isinstance(theirs, list):
        if not isinstance(mine, list):
            return problem("a list belongs here, as at {default}")
        if len(mine) != len(theirs):
            return problem(f"{_named(path)} has {len(mine)} entries here but {len(theirs)} at {{default}}",
                           "translate each entry of the default file, in its order")
        for index, (one, other) in enumerate(zip(mine, theirs)):
            _compare(tr, de, file, default_file, one, other, path + (index,), text, found)
    elif isinstance(mine, (dict, list)):
        problem("a single value belongs here, as at {default}")
    elif not text and _value(mine) != _value(theirs):
        problem(f"{_named(path)} is '{_shown(mine)}' here but '{_shown(theirs)}' at {{default}}",
                "copy the value from the default file: only texts are translated")


def _named(path: tuple) -> str:
    """Where a node sits, as an author reads it: items[3].dimension (entries counted from 1)."""
    named = ""
    for step in path:
        named += f"[{step + 1}]" if isinstance(step, int) else (f".{step}" if named else str(step))
    return f"'{named}'" if named else "the file"


def _value(node):
    """A scalar as YAML's core schema reads it: 3 and "3" differ, as they do to the model."""
    if isinstance(node, Scalar):
        return node.kind, str(node)
    return type(node).__name__, node


def _shown(node) -> str:
    text = str(node) if isinstance(node, str) else type(node).__name__
    return text if len(text) <= 40 else text[:37] + "…"
