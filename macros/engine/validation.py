"""Loaded data -> a validated Quiz, or every problem located at its line and column."""

from __future__ import annotations

from pydantic import ValidationError

from .kinds import MODELS, check_rules, kinds_named
from .loading import Document, Scalar
from .markup import MarkupCheck
from .problems import Problem, did_you_mean
from .schema import Common, describe

_MESSAGES = {
    "list_type": ("expected a list, found {found}", "write one entry per line, each starting with '- '"),
    "model_type": ("expected a mapping of keys, found {found}", "write 'key: value' lines indented "
                   "under this one"),
    "model_attributes_type": ("expected a mapping of keys, found {found}", "write 'key: value' lines "
                              "indented under this one"),
    "too_short": ("needs at least {min_length} entries, found {actual_length}", "add entries"),
    "too_long": ("allows at most {max_length} entries, found {actual_length}", "remove entries"),
    "union_tag_not_found": ("missing key 'type'", "add 'type: single', 'type: multiple' or "
                            "'type: true-false'"),
}


def _located_path(doc: Document, loc: tuple) -> tuple:
    """Pydantic's loc minus the union tags it inserts, as a path into the document."""
    path: tuple = ()
    for part in loc:
        step = path + (part,)
        if step in doc.positions or step in doc.key_positions:
            path = step
    return path


def located(doc: Document, file: str, error: dict) -> Problem:
    """One pydantic error as a located problem with a fix."""
    kind, loc, ctx = error["type"], tuple(error["loc"]), error.get("ctx") or {}
    path = _located_path(doc, loc)
    if kind == "missing":
        key = loc[-1]
        return Problem(file, *doc.where(path), f"missing key '{key}'", f"add '{key}:' to this mapping")
    line, col = doc.where(path)
    if kind == "closer":
        return Problem(file, line, col, ctx["what"], ctx["fix"])
    if kind in ("literal_error", "union_tag_invalid"):
        value = error.get("input") if kind == "literal_error" else ctx.get("tag")
        if kind == "union_tag_invalid":
            line, col = doc.where(path + ("type",))
        choices = [c.strip(" '") for c in str(ctx.get("expected", ctx.get("expected_tags", ""))).replace(
            " or ", ",").split(",") if c.strip(" '")]
        return Problem(file, line, col, f"'{value}' is not allowed here",
                       did_you_mean(str(value), choices, "use one of: " + ", ".join(choices)))
    if kind in _MESSAGES:
        what, fix = _MESSAGES[kind]
        return Problem(file, line, col, what.format(found=describe(error.get("input")), **ctx), fix)
    return Problem(file, line, col, error["msg"], "see the authoring guide for this field")


def validate(doc: Document, file: str, markup: MarkupCheck) -> tuple[Common | None, list[Problem]]:
    """Validate a loaded document against the quiz format and its cross-field rules."""
    data = doc.data
    if not isinstance(data, dict):
        return None, [Problem(file, 1, 1, f"a quiz file must be a mapping of keys, found {describe(data)}",
                              "start with 'kind:' and one of " + kinds_named())]
    kind = data.get("kind")
    if kind is None:
        return None, [Problem(file, 1, 1, "missing key 'kind'",
                              "add 'kind:' with one of " + kinds_named())]
    model = MODELS.get(str(kind)) if isinstance(kind, Scalar) else None
    if model is None:
        line, col = doc.where(("kind",))
        return None, [Problem(file, line, col, f"unknown kind {describe(kind)}",
                              did_you_mean(str(kind), MODELS, "use " + kinds_named()))]
    problems: list[Problem] = []
    context = {"markup": markup, "problems": problems, "path": file}
    try:
        quiz = model.model_validate(data, context=context)
    except ValidationError as err:
        problems.extend(located(doc, file, e) for e in err.errors())
        return None, sorted(set(problems))
    if not any(not p.warning for p in problems):  # rules compare fields, so need sound ones
        problems.extend(check_rules(quiz, doc, file))
    failed = any(not p.warning for p in problems)
    return (None if failed else quiz), sorted(set(problems))
