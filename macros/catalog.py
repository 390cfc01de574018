"""Every quiz of a folder, loaded and validated once, with all problems of all files together."""

from __future__ import annotations

from dataclasses import dataclass, field
import hashlib
import json
from pathlib import Path

from .loading import Document, load
from .problems import Problem
from .rules import check_links
from .schema import ID_PATTERN, Quiz, SelfAssessment
from .text import MarkdownRenderer, to_html
from .validation import validate


@dataclass(frozen=True)
class LoadedQuiz:
    """A valid quiz with where it came from and the fingerprint of its questions or items."""

    id: str
    file: str
    quiz: Quiz
    document: Document = field(repr=False, compare=False)

    @property
    def fingerprint(self) -> str:
        """Of the questions or items as written: only an edit to them (or a new version) drops saved answers."""
        return _hash(self._content())

    @property
    def previous_fingerprint(self) -> str:
        """The fingerprint of the same content as the site computed it before, from rendered HTML.

        Widgets still restore answers saved under it, so the upgrade loses no reader's answers;
        a later change of algorithm would keep the one before it here in the same way.
        """
        return _hash(_as_rendered(self._content()))

    def _content(self) -> list:
        content = self.quiz.items if isinstance(self.quiz, SelfAssessment) else self.quiz.questions
        return [part.model_dump(mode="json") for part in content]


def _hash(content: list) -> str:
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()[:16]


_INLINE_FIELDS = {"text", "prompt", "label", "feedback", "title", "true", "false"}
_BLOCK_FIELDS = {"explanation", "message", "description", "intro"}


def _as_rendered(data):
    """Dumped content with each text field as its sanitized HTML, as the model used to hold it."""
    if isinstance(data, list):
        return [_as_rendered(value) for value in data]
    if not isinstance(data, dict):
        return data
    return {key: to_html(value, key in _INLINE_FIELDS) if isinstance(value, str)
            and key in _INLINE_FIELDS | _BLOCK_FIELDS else _as_rendered(value) for key, value in data.items()}


@dataclass
class Catalog:
    """The quizzes that loaded, and the problems of those that did not."""

    quizzes: dict[str, LoadedQuiz] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    def check_links(self, pages: set[str]) -> None:
        """Add a problem for every recommendation that points at a missing page."""
        for loaded in self.quizzes.values():
            self.problems.extend(check_links(loaded.quiz, loaded.document, loaded.file, pages))
        self.problems.sort()


def load_quiz(raw: bytes, file: str, renderer: MarkdownRenderer) -> tuple[LoadedQuiz | None, list[Problem]]:
    """Load and validate one quiz file's bytes, named by its project-relative path."""
    stem = Path(file).stem
    if not ID_PATTERN.fullmatch(stem):
        return None, [Problem(file, 1, 1, f"'{stem}' is not a valid quiz id",
                              "rename the file with lowercase letters, digits and '-', like trust-basics.yml")]
    doc, problems = load(raw, file)
    if doc is None:
        return None, problems
    quiz, problems = validate(doc, file, renderer)
    return (LoadedQuiz(stem, file, quiz, doc) if quiz else None), problems


def load_catalog(folder: Path, root: Path | None = None) -> Catalog:
    """Load every quiz file in folder; paths in problems are relative to root."""
    root = root or folder.parent
    catalog = Catalog()
    renderer = MarkdownRenderer()
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        file = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            catalog.problems.append(Problem(file, 1, 1, "quiz files end in .yml",
                                            f"rename it to {path.stem}.yml"))
            continue
        if path.suffix != ".yml" or not path.is_file():
            continue
        catalog.ids.add(path.stem)
        loaded, problems = load_quiz(path.read_bytes(), file, renderer)
        catalog.problems.extend(problems)
        if loaded:
            catalog.quizzes[loaded.id] = loaded
    catalog.problems.sort()
    return catalog
