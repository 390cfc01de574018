"""Every quiz of a folder, loaded and validated once, with all problems of all files together."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
import functools
import hashlib
import json
from pathlib import Path

from .kinds import check_links, kind_of
from .loading import Document, load
from .markup import MarkupCheck
from .problems import Problem, by_closeness
from .schema import ID_PATTERN, Common
from .translations import LANGUAGE_FOLDER, structure_problems
from .validation import validate


@dataclass(frozen=True)
class LoadedQuiz:
    """A valid quiz with where it came from and the fingerprint of its questions or items."""

    id: str
    file: str
    quiz: Common  # of a registered kind (kinds/)
    document: Document = field(repr=False, compare=False)
    default: LoadedQuiz | None = field(default=None, repr=False, compare=False)  # what a translation translates

    @property
    def bound(self) -> LoadedQuiz:
        """The quiz whose structure, storage key and fingerprint this one shares: itself, or what it translates."""
        return self.default or self

    @functools.cached_property
    def fingerprint(self) -> str:
        """Of the questions or items as written: only an edit to them (or a new version) drops saved answers.

        A translation has its default file's, so answers cross languages. (Kept: each page, embed and
        download of the quiz shows it.)
        """
        return _hashed(self.bound.content_json)

    @functools.cached_property
    def content_json(self) -> str:
        """The content as the fingerprint hashes it (kept, as the quiz is frozen)."""
        return json.dumps(self.content, sort_keys=True)

    @property
    def content(self) -> list:
        """The questions, items or cards as plain data, text fields as their Markdown source."""
        return [part.model_dump(mode="json") for part in kind_of(self.quiz).content(self.quiz)]


def fingerprint_of(content) -> str:
    """The 16 hex digits that name a quiz's questions or items in saved answers."""
    return _hashed(json.dumps(content, sort_keys=True))


def _hashed(content_json: str) -> str:
    return hashlib.sha256(content_json.encode()).hexdigest()[:16]


@dataclass
class Catalog:
    """The quizzes that loaded, and the problems of those that did not."""

    quizzes: dict[str, LoadedQuiz] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    translations: dict[str, dict[str, LoadedQuiz]] = field(default_factory=dict)  # language -> id -> quiz
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if not p.warning]

    def in_language(self, lang: str | None) -> tuple[Catalog, set[str]]:
        """The quizzes a page in lang shows (their translations; the default's for None), and those it lacks."""
        if lang is None:
            return self, set()
        translated = self.translations.get(lang, {})
        return replace(self, quizzes=dict(translated)), set(self.quizzes) - set(translated)

    def check_links(self, pages: set[str]) -> None:
        """Add a problem for every recommendation that points at a missing page."""
        for loaded in self.quizzes.values():
            self.problems.extend(check_links(loaded.quiz, loaded.document, loaded.file, pages))
        self.problems.sort()


# The newest result for each (file, markup check): a second build in the process (another
# language's, or `mkdocs serve` after a save) validates only the files whose bytes changed.
_LOADED: dict[tuple[str, MarkupCheck], tuple[bytes, LoadedQuiz | None, tuple[Problem, ...]]] = {}


def load_quiz(raw: bytes, file: str, markup: MarkupCheck) -> tuple[LoadedQuiz | None, list[Problem]]:
    """Load and validate one quiz file's bytes, named by its project-relative path (once per content)."""
    kept = _LOADED.get((file, markup))
    if kept is None or kept[0] != raw:
        loaded, problems = _load_quiz(raw, file, markup)
        kept = _LOADED[file, markup] = (raw, loaded, tuple(problems))
    return kept[1], list(kept[2])


def _load_quiz(raw: bytes, file: str, markup: MarkupCheck) -> tuple[LoadedQuiz | None, list[Problem]]:
    stem = Path(file).stem
    if not ID_PATTERN.fullmatch(stem):
        return None, [Problem(file, 1, 1, f"'{stem}' is not a valid quiz id",
                              "rename the file with lowercase letters, digits and '-', like trust-basics.yml")]
    doc, problems = load(raw, file)
    if doc is None:
        return None, problems
    quiz, problems = validate(doc, file, markup)
    return (LoadedQuiz(stem, file, quiz, doc) if quiz else None), problems


def load_catalog(folder: Path, root: Path, markup: MarkupCheck) -> Catalog:
    """Load every quiz file in folder; paths in problems are relative to root."""
    catalog = Catalog()
    for path, file in _quiz_files(catalog, folder, root):
        catalog.ids.add(path.stem)
        loaded, problems = load_quiz(path.read_bytes(), file, markup)
        catalog.problems.extend(problems)
        if loaded:
            catalog.quizzes[loaded.id] = loaded
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        if path.is_dir() and not path.name.startswith((".", "_")):
            _load_translations(catalog, path, root, markup)
    catalog.problems.sort()
    return catalog


def _quiz_files(catalog: Catalog, folder: Path, root: Path):
    """Each quiz file of folder with its project-relative name; a .yaml file is a problem."""
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        file = path.relative_to(root).as_posix()
        if path.suffix == ".yaml":
            catalog.problems.append(Problem(file, 1, 1, "quiz files end in .yml", f"rename it to {path.stem}.yml"))
        elif path.suffix == ".yml" and path.is_file():
            yield path, file


def _load_translations(catalog: Catalog, folder: Path, root: Path, markup: MarkupCheck) -> None:
    """A language's folder of translations, each validated and bound to its default file."""
    where = folder.relative_to(root).as_posix()
    if not LANGUAGE_FOLDER.fullmatch(folder.name):
        catalog.problems.append(Problem(where, 1, 1, f"'{folder.name}' is not a language folder",
                                        "name a folder of translations by its language code, like es or pt-BR"))
        return
    translated = catalog.translations.setdefault(folder.name, {})
    for path, file in _quiz_files(catalog, folder, root):
        loaded, problems = load_quiz(path.read_bytes(), file, markup)
        catalog.problems.extend(problems)
        default = catalog.quizzes.get(path.stem)
        if loaded is None or (default is None and path.stem in catalog.ids):
            continue  # its own problems, or the default file's, are reported already
        if default is None:
            catalog.problems.append(Problem(file, 1, 1, f"there is no {folder.parent.relative_to(root).as_posix()}/"
                                            f"{path.stem}.yml for this file to translate",
                                            "name a translation as the default file it translates"))
            continue
        bound = structure_problems(loaded.document, default.document, file, default.file)
        catalog.problems.extend(bound)
        if not bound:
            translated[loaded.id] = replace(loaded, default=default)


def quiz_call_problem(quiz_id: str | None, catalog: Catalog, untranslated: set[str],
                      translations_folder: str) -> tuple[str, str] | None:
    """Why a page's quiz(...) call cannot show a quiz (what, how to fix), or None when it can.

    The build and closer-check both ask this. quiz_id: as quiz_call_arguments read it; untranslated:
    the default's quizzes this page's language has no translation of; translations_folder: where
    they would be (quizzes/es).
    """
    if quiz_id is None:
        return "quiz() takes one quiz id", 'write {{ quiz("<id>") }} with the id of a file in quizzes/'
    if quiz_id in untranslated:  # no page mixes two languages
        return (f"the quiz '{quiz_id}' has no translation in this page's language",
                f"add its translation to {translations_folder}/{quiz_id}.yml, or take the call out of this page")
    if quiz_id in catalog.quizzes or quiz_id in catalog.ids:  # a file with errors is reported at its lines
        return None
    ids = by_closeness(quiz_id, catalog.ids)
    return f"unknown quiz '{quiz_id}'", ("quizzes that exist, closest first: " + ", ".join(ids)) if ids \
        else "add quizzes/" + quiz_id + ".yml"


def quiz_call_arguments(args: tuple, kwargs: dict) -> tuple[str | None, int]:
    """The quiz id and heading level a quiz(...) call names: ("<id>") or (id="<id>"), with level=1 to 3."""
    kwargs = dict(kwargs)
    level = kwargs.pop("level", 2)
    quiz_id = args[0] if len(args) == 1 and not kwargs else kwargs.pop("id", None) if not args else None
    if not isinstance(quiz_id, str) or kwargs or level not in (1, 2, 3):
        return None, level
    return quiz_id, level
