"""The quiz format as a typed, frozen model (pydantic) with the value types YAML authors write.

Field types here check one value each and know its position (every Scalar carries its own), so
Markdown warnings and unknown keys are reported where they stand. Rules that compare fields live
in rules.py; turning pydantic's errors into located problems lives in validation.py.
"""

from __future__ import annotations

from decimal import Decimal
from functools import partial
import re
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo, model_validator
from pydantic_core import PydanticCustomError

from .loading import Scalar
from .problems import Problem, did_you_mean

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fail(what: str, fix: str) -> PydanticCustomError:
    """An error whose message validation.py turns into `what; fix`."""
    return PydanticCustomError("closer", "{what}; {fix}", {"what": what, "fix": fix})


def describe(value) -> str:
    """How an error names a value the author wrote."""
    if isinstance(value, dict):
        return "a mapping of keys"
    if isinstance(value, list):
        return "a list"
    return f"'{value}'"


def _scalar(value, expected: str, example: str) -> Scalar:
    if not isinstance(value, Scalar):
        raise fail(f"expected {expected}, found {describe(value)}", f"write {example}")
    return value


def _text(inline: bool):
    def validate(value, info: ValidationInfo) -> str:
        value = _scalar(value, "text", "the text on the same line after the key")
        if not value.strip():
            raise fail("text is empty", "write the text, or remove the key if it is optional")
        context = info.context or {}
        markup = context.get("markup")
        if markup is None:
            return str(value)
        for what in markup(str(value), inline):  # checked to report, kept as source
            context["problems"].append(Problem(context["path"], value.line, value.col,
                                               f"{what} removed from the text",
                                               "write plain Markdown: links, emphasis, lists",
                                               warning=True))
        return str(value)
    return BeforeValidator(validate)


def _identifier(value) -> str:
    value = _scalar(value, "an id", "lowercase letters, digits and '-'")
    if not ID_PATTERN.fullmatch(value):
        raise fail(f"'{value}' is not a valid id", "use lowercase letters, digits and single '-', "
                   "like 'emotional-safety'")
    return str(value)


def _plain(value) -> str:
    value = _scalar(value, "text", "the text on the same line after the key")
    if value.kind == "null":
        raise fail("value is empty", "write the value or remove the key")
    return str(value)


def _boolean(value) -> bool:
    value = _scalar(value, "true or false", "true or false")
    if value.kind != "bool":
        raise fail(f"expected true or false, found '{value}'", "write true or false, lowercase and "
                   "without quotes")
    return value == "true"


def _integer(value, low: int, high: int) -> int:
    value = _scalar(value, "a whole number", "a whole number such as 1")
    if value.kind != "int":
        raise fail(f"expected a whole number, found '{value}'", "write digits only, without quotes")
    digits = value.lstrip("+-").lstrip("0")
    # Measured before int() reads it: int() would refuse thousands of digits with its own text.
    number = int(value) if len(digits) <= len(str(max(-low, high))) else None
    if number is None or not low <= number <= high:
        shown = str(value) if len(value) <= 24 else f"{value[:12]}… ({len(digits)} digits)"
        small = value.startswith("-") if number is None else number < low
        raise fail(f"must be at {'least' if small else 'most'} {low if small else high}, found {shown}",
                   f"write a whole number from {low} to {high}")
    return number


def whole(low: int, high: int):
    """A whole number from low to high, unquoted (Field hands the bounds to the JSON Schema)."""
    return Annotated[int, Field(ge=low, le=high), BeforeValidator(partial(_integer, low=low, high=high))]


def _number(value) -> Decimal:
    value = _scalar(value, "a number", "a number such as 2.5")
    if value.kind not in ("int", "float") or "e" in value.lower():
        raise fail(f"expected a number, found '{value}'", "write a number such as 3 or 2.5, "
                   "without quotes")
    return Decimal(value)  # exact, so bands compare with scores as fractions, never as floats


InlineText = Annotated[str, _text(inline=True)]
BlockText = Annotated[str, _text(inline=False)]
Identifier = Annotated[str, BeforeValidator(_identifier)]
Plain = Annotated[str, BeforeValidator(_plain)]
Boolean = Annotated[bool, BeforeValidator(_boolean)]
Version = whole(1, 9999)  # the browser reads it with parseInt: far from where that loses digits
ScalePoint = whole(-100, 100)  # a scale's ends and screen answers; a scale has at most 11 points
Number = Annotated[Decimal, BeforeValidator(_number)]


class Strict(BaseModel):
    """A mapping with a closed set of keys; unknown keys are reported at their own position."""

    # defer_build: each model's validator is made when it first validates, so a site without
    # decks or check-ins does not pay at import for building theirs.
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _unknown_keys(cls, data, info: ValidationInfo):
        if not isinstance(data, dict):
            return data
        known = set(cls.model_fields)
        problems = (info.context or {}).get("problems")
        if problems is None:
            return data
        kept = {}
        for key, value in data.items():
            if key in known:
                kept[key] = value
                continue
            fix = did_you_mean(key, known, "remove it; allowed here: " + ", ".join(sorted(known)))
            if " " in key:
                fix = "if this is text after a comma, put the whole text in quotes; otherwise " + fix
            line, col = (key.line, key.col) if isinstance(key, Scalar) else (1, 1)
            problems.append(Problem(info.context["path"], line, col, f"unknown key '{key}'", fix))
        return kept


class Common(Strict):
    title: InlineText
    intro: BlockText | None = None
    version: Version = 1
