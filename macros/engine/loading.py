"""YAML bytes -> plain data (dicts, lists, Scalar strings) and the line/column of every node.

Built from PyYAML's parse events rather than its constructor, so that scalars keep their
text exactly as written, duplicate keys are caught, anchors, aliases and tags are refused
before anything could expand them, and nesting past MAX_DEPTH before the builder recurses into
it. The events come from libyaml (PyYAML's C parser) when it is installed, some thirty times
faster than a pure-Python parser; types are resolved here, by YAML 1.2's core rules
(`Scalar.kind`), never by the parser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import re

import yaml
from yaml import events as ev
from yaml.error import MarkedYAMLError, YAMLError
from yaml.reader import ReaderError

from .characters import FIX, escape_of, name, refused_in
from .problems import Problem

MAX_BYTES = 256 * 1024
MAX_DEPTH = 32  # levels of lists and mappings; a quiz needs 6, a lesson's front matter 3
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the parser only: nothing is constructed
_CORE_TAGS = "tag:yaml.org,2002:"  # what the parser makes of a '!!' tag

Path = tuple  # keys (str) and indexes (int) from the document root


class Scalar(str):
    """A scalar's text exactly as written, with its 1-based position and whether it was quoted."""

    line: int
    col: int
    quoted: bool

    def __new__(cls, text: str, line: int, col: int, quoted: bool):
        self = super().__new__(cls, text)
        self.line, self.col, self.quoted = line, col, quoted
        return self

    @property
    def kind(self) -> str:
        """YAML 1.2 core type of a plain scalar: null, bool, int, float or str."""
        if self.quoted:
            return "str"
        if self in ("", "~", "null"):
            return "null"
        if self in ("true", "false"):
            return "bool"
        if _INT.fullmatch(self):
            return "int"
        if _FLOAT.fullmatch(self):
            return "float"
        return "str"


_INT = re.compile(r"[-+]?[0-9]+")
_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?")


@dataclass
class Document:
    """A loaded file: its data and where each node and key starts."""

    data: object = None
    positions: dict = field(default_factory=dict)
    key_positions: dict = field(default_factory=dict)

    def where(self, path: Path) -> tuple[int, int]:
        """The position of the node at path, or of its nearest existing ancestor."""
        path = tuple(path)
        while path and path not in self.positions:
            path = path[:-1]
        return self.positions.get(path, (1, 1))


def _pos(mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


def line_col(text: str, index: int) -> tuple[int, int]:
    """The 1-based line and column of an index into text."""
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def decode(raw: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """Bytes -> text, refusing empty, oversized and non-UTF-8 files, tabs and invisible characters."""
    if len(raw) > MAX_BYTES:
        return None, [Problem(path, 1, 1, f"file is {len(raw)} bytes, over the {MAX_BYTES} byte limit",
                              "split it into smaller quizzes")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        good = raw[: err.start].decode("utf-8")
        line, col = line_col(good, len(good))
        return None, [Problem(path, line, col, f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                              "save the file as UTF-8")]
    text = text.removeprefix("\ufeff")
    if not text.strip():
        return None, [Problem(path, 1, 1, "file is empty", "start it with 'kind:' and its kind, such as "
                              "'kind: knowledge-check'")]
    problems = _characters(text, path)
    return (None if problems else text), problems


def _characters(text: str, path: str) -> list[Problem]:
    """The first tab or refused character (characters.py) of each line, anywhere in the file."""
    problems: list[Problem] = []
    line, counted = 1, 0
    for index, char in refused_in(text, skip="\r"):  # a carriage return ends a line, as in Windows files
        line, counted = line + text.count("\n", counted, index), index
        if problems and problems[-1].line == line:
            continue
        col = index - text.rfind("\n", 0, index)
        if char == "\t":
            problems.append(Problem(path, line, col, "tab character",
                                    "use spaces: YAML indentation and quiz text take no tabs"))
        else:
            problems.append(Problem(path, line, col, name(char), FIX))
    return problems


def load(raw: bytes, path: str) -> tuple[Document | None, list[Problem]]:
    """Parse one YAML file into a Document, or return every problem found."""
    text, problems = decode(raw, path)
    if text is None:
        return None, problems
    try:
        events, deep = _events(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        what = " ".join(str(p) for p in (err.context, err.problem) if p)
        return None, [Problem(path, line, col, f"YAML syntax error: {what}",
                              "check indentation, colons and quotes on this line and the one above")]
    except ReaderError as err:
        line, col = line_col(text, err.position)
        return None, [Problem(path, line, col, f"character U+{err.character:04X} is not allowed", "delete it")]
    except YAMLError as err:  # pragma: no cover - any other parser complaint still gets a location
        return None, [Problem(path, 1, 1, f"YAML error: {err}", "fix the YAML syntax")]
    if deep is not None:
        return None, [Problem(path, *_pos(deep.start_mark), f"lists and mappings nested more than {MAX_DEPTH} "
                              "levels deep", "nest less: a quiz needs at most 6 levels and front matter 3; check "
                              "the brackets and indentation here")]
    return _Builder(path, text).build(events)


def _events(text: str) -> tuple[list, object]:
    """The parse events, stopped at the first list or mapping nested deeper than MAX_DEPTH (or None)."""
    try:
        return _bounded(yaml.parse(text, Loader=_LOADER))
    except MarkedYAMLError as err:
        if err.problem != "exceeded maximum nesting depth":
            raise
        # libyaml scans up to 1,024 characters ahead of its events, so '[[[…' meets its own limit
        # (1,000 levels) before the events reach ours; PyYAML's own parser has none.
        return _bounded(yaml.parse(text, Loader=yaml.SafeLoader))


def _bounded(events) -> tuple[list, object]:
    kept, depth = [], 0
    for event in events:
        if isinstance(event, (ev.SequenceStartEvent, ev.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                return kept, event  # the builder recurses once per level: it never sees more
        elif isinstance(event, (ev.SequenceEndEvent, ev.MappingEndEvent)):
            depth -= 1
        kept.append(event)
    return kept, None


class _Builder:
    """Turns a flat event list into nested data, recording positions and structural problems."""

    def __init__(self, path: str, text: str):
        self.path, self.text = path, text
        self.doc = Document()
        self.problems: list[Problem] = []

    def problem(self, mark, what: str, fix: str) -> None:
        self.problems.append(Problem(self.path, *_pos(mark), what, fix))

    def build(self, events: list) -> tuple[Document | None, list[Problem]]:
        documents = [e for e in events if isinstance(e, ev.DocumentStartEvent)]
        if len(documents) > 1:
            self.problem(documents[1].start_mark, "more than one YAML document in the file",
                         "remove the '---' line: one quiz per file")
            return None, self.problems
        body = [e for e in events if not isinstance(
            e, (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentStartEvent, ev.DocumentEndEvent))]
        self.events = iter(body)
        first = next(self.events, None)
        if first is None:
            return None, [Problem(self.path, 1, 1, "file has no content", "add the quiz's keys")]
        self.doc.data = self.node(first, ())
        return (None, self.problems) if self.problems else (self.doc, [])

    def node(self, event, path: Path):
        self.doc.positions[path] = _pos(event.start_mark)
        if isinstance(event, ev.AliasEvent) or getattr(event, "anchor", None):
            self.problem(event.start_mark, "anchors and aliases ('&name', '*name') are not allowed",
                         "write the value out in full")
        tag = getattr(event, "tag", None)
        if tag and tag != "!":
            written = "!!" + tag[len(_CORE_TAGS):] if tag.startswith(_CORE_TAGS) else tag  # as in the file
            self.problem(event.start_mark, f"YAML tag '{written}' is not allowed",
                         "remove the tag; write plain values")
        if isinstance(event, ev.ScalarEvent):
            self.characters(event)
            line, col = _pos(event.start_mark)
            return Scalar(event.value, line, col, quoted=bool(event.style))  # plain: None or ""
        if isinstance(event, ev.SequenceStartEvent):
            items = []
            for event in self.events:
                if isinstance(event, ev.SequenceEndEvent):
                    return items
                items.append(self.node(event, path + (len(items),)))
        if isinstance(event, ev.MappingStartEvent):
            return self.mapping(path)
        return None  # an alias: already reported

    def mapping(self, path: Path) -> dict:
        result: dict = {}
        for key_event in self.events:
            if isinstance(key_event, ev.MappingEndEvent):
                return result
            key = self.node(key_event, path + ("<key>",))
            del self.doc.positions[path + ("<key>",)]
            value_event = next(self.events)
            if not isinstance(key, Scalar):
                self.problem(key_event.start_mark, "a key must be plain text",
                             "write the key as a single word followed by ':'")
                self.skip(value_event)
                continue
            if key in result:
                first_line = self.doc.key_positions[path + (str(key),)][0]
                self.problem(key_event.start_mark, f"duplicate key '{key}' (first given on line {first_line})",
                             "keep one of them")
                self.skip(value_event)
                continue
            name = str(key)
            self.doc.key_positions[path + (name,)] = (key.line, key.col)
            result[key] = value = self.node(value_event, path + (name,))
            if isinstance(value, Scalar) and value == "" and not value.quoted:
                # YAML places an empty value at the next token; point just after the key instead.
                value.line, value.col = key.line, key.col + len(key) + 1
                self.doc.positions[path + (name,)] = (value.line, value.col)
        return result

    def characters(self, event) -> None:
        """Refused characters that only an escape can have written (decode() refused the others)."""
        start, end = event.start_mark.index, event.end_mark.index
        for char in dict.fromkeys(char for _, char in refused_in(event.value)):
            index = start + (escape_of(self.text[start:end], char) if event.style == '"' else 0)
            self.problems.append(Problem(self.path, *line_col(self.text, index), name(char), FIX))

    def skip(self, event) -> None:
        """Consume the events of a value that will not be kept."""
        depth = 1 if isinstance(event, (ev.SequenceStartEvent, ev.MappingStartEvent)) else 0
        while depth:
            event = next(self.events)
            if isinstance(event, (ev.SequenceStartEvent, ev.MappingStartEvent)):
                depth += 1
            elif isinstance(event, (ev.SequenceEndEvent, ev.MappingEndEvent)):
                depth -= 1
