"""A JSON Schema (draft 2020-12) of one quiz file for editors, generated from the models in schema.py.

An editor validates what its YAML parser makes of the file (YAML 1.2 core types: `No` is a string,
`true` a boolean, `2024` a number, `null` a null), while the engine keeps every scalar's text as
written. So each value type of schema.py gets the JSON types of every spelling the engine accepts:
the schema may miss a mistake (the build still reports it) but never flags a quiz that builds.

    python -m closer.publish.json_schema [URL]    prints the schema, with URL as its $id
"""

from __future__ import annotations

import json
import re
import sys

from pydantic import BeforeValidator
from pydantic.json_schema import GenerateJsonSchema, models_json_schema

from ..engine import schema as model
from ..engine.kinds import MODELS
from ..engine.loading import Scalar

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DEFAULT_URL = "https://closer.invalid/schema/quiz.schema.json"

# The characters str.isspace() strips, spelled out so Python and editors' ECMAScript regexes agree
# (their \s differ: ECMAScript's includes U+FEFF, Python's the separators U+001C..U+001F).
SPACE = r"\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
# An unquoted scalar reaches the editor as any of these; the engine reads its text.
ANY_SCALAR = ["string", "number", "boolean", "null"]


def _text(description: str) -> dict:
    # Not blank; `pattern` constrains strings only, so `2024`, `true` or `null` still pass as text.
    # patternErrorMessage: the VS Code YAML extension shows it instead of the bare regex.
    return {"type": ANY_SCALAR, "pattern": f"[^{SPACE}]", "description": description,
            "patternErrorMessage": "text is empty; write the text, or remove the key if it is optional"}


def _validator(annotated) -> object:
    return _function(next(m.func for m in annotated.__metadata__ if isinstance(m, BeforeValidator)))


def _function(validator) -> object:
    """A validator's own function; a value type with bounds binds them with functools.partial."""
    return getattr(validator, "func", validator)


# Every BeforeValidator type of schema.py, by its function: how its accepted values reach an editor.
# A new one must be added here (generation fails otherwise), so none gets pydantic's stricter guess.
SCALARS = {
    _validator(model.InlineText): lambda inner: _text(
        "Inline Markdown (emphasis, links), kept as written; not empty."),
    _validator(model.BlockText): lambda inner: _text(
        "Markdown (paragraphs, lists, links), kept as written; not empty."),
    # An id's text may read as a number (`7`, `1e5`), a boolean (`true`) or null (`null`) in YAML.
    _validator(model.Identifier): lambda inner: {
        "type": ANY_SCALAR, "pattern": f"^(?:{model.ID_PATTERN.pattern})$", "minimum": 0,
        "description": "Lowercase letters, digits and single '-', like 'emotional-safety'.",
        "patternErrorMessage": "not a valid id; use lowercase letters, digits and single '-'"},
    # `Null` and `NULL` are text to the engine but null to YAML 1.2, so null stays allowed.
    _validator(model.Plain): lambda inner: {"type": ANY_SCALAR, "description": "Plain text."},
    _validator(model.Boolean): lambda inner: {
        **inner, "description": "true or false, lowercase and without quotes."},
    _validator(model.Version): lambda inner: {
        **inner, "description": f"A whole number from {inner['minimum']} to {inner['maximum']}, without quotes."},
    # pydantic offers a string for a Decimal too; the engine takes only an unquoted number.
    _validator(model.Number): lambda inner: {
        **next(s for s in inner["anyOf"] if s.get("type") == "number"),
        "description": "A number such as 3 or 2.5, without quotes."},
}


class QuizSchema(GenerateJsonSchema):
    """pydantic's JSON Schema generator, told how the engine's value types and mappings read in YAML."""

    def function_before_schema(self, schema) -> dict:
        inner = self.generate_inner(schema["schema"])
        if _validates_mapping(schema):
            return inner  # a model's before-validators (unknown keys, quoted keys) only ever reject
        function = _function(schema["function"]["function"])
        if function not in SCALARS:
            raise TypeError(f"{function.__qualname__}: add its JSON schema to macros/publish/json_schema.py")
        return SCALARS[function](inner)

    def function_wrap_schema(self, schema) -> dict:
        # A wrap validator may accept what its inner type refuses: the schema would then be too strict.
        raise TypeError("a wrap validator needs its JSON schema in macros/publish/json_schema.py")

    def nullable_schema(self, schema) -> dict:
        # The loader never yields None (a YAML null is text to a text field), so `X | None` is just X.
        return self.generate_inner(schema["schema"])

    def default_schema(self, schema) -> dict:
        result = super().default_schema(schema)
        if result.get("default") is None:
            result.pop("default", None)  # an editor would complete `intro: null`, a quiz with text "null"
        return result

    def field_title_should_be_set(self, schema) -> bool:
        return False  # "Upto" under `upto:` tells an author nothing; descriptions do

    def tagged_union_schema(self, schema) -> dict:
        # if/then on the tag instead of oneOf: an editor then reports the chosen type's errors only.
        key = schema["discriminator"]
        choices = {tag: self.generate_inner(choice) for tag, choice in schema["choices"].items()}
        return _dispatch(key, choices)

    def model_schema(self, schema) -> dict:
        result = super().model_schema(schema)
        for name in list(result.get("properties", {})):
            if Scalar(name, 1, 1, quoted=False).kind != "str":
                # An editor keeps a key such as `true:` as a boolean and then counts it as not among
                # `properties`; a pattern matches it as text, so additionalProperties lets it pass.
                result.setdefault("patternProperties", {})[f"^{re.escape(name)}$"] = \
                    result["properties"][name]
        return result


def _validates_mapping(schema) -> bool:
    """Whether a chain of before-validators ends at a model's fields (a model_validator)."""
    while schema["type"] == "function-before":
        schema = schema["schema"]
    return schema["type"] == "model-fields"


def _dispatch(key: str, choices: dict[str, dict]) -> dict:
    """A mapping whose `key` picks the schema it must match, as the engine picks a model."""
    return {
        "type": "object",
        "required": [key],
        "properties": {key: {"enum": list(choices), "description": "One of: " + ", ".join(choices)}},
        "allOf": [{"if": {"properties": {key: {"const": tag}}, "required": [key]}, "then": then}
                  for tag, then in choices.items()],
    }


def quiz_json_schema(schema_url: str) -> dict:
    """The JSON Schema of one quiz file, with schema_url as its $id."""
    models = [(kind_model, "validation") for kind_model in MODELS.values()]
    refs, definitions = models_json_schema(models, schema_generator=QuizSchema)
    # The top level dispatches on `kind` through MODELS, the same table validation.py uses.
    top = _dispatch("kind", {kind: refs[(m, "validation")] for kind, m in MODELS.items()})
    return {
        "$schema": DRAFT,
        "$id": schema_url,
        "title": "Closer quiz",
        "description": "One quiz file, quizzes/<id>.yml: a self-assessment, a knowledge check or a conversation deck. "
                       "Generated from the engine's models; the build also checks rules a schema "
                       "cannot (label counts, band order, dimension references, unique options).",
        **top,
        "$defs": definitions["$defs"],
    }


def main(argv: list[str]) -> int:
    """Print the schema as JSON; the first argument, if any, is its URL."""
    print(json.dumps(quiz_json_schema(argv[0] if argv else DEFAULT_URL), indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
