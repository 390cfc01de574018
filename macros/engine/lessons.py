"""Lessons: each lesson's front matter validated like a quiz, and its parts in one fixed order.

A lesson is `docs/lessons/<slug>.md`: front matter with its parts (objectives, exercise,
reflection, takeaways, references) and a Markdown body; its knowledge check is
`quizzes/<slug>.yml`. Problems are located at the lesson file's own lines.
"""

from __future__ import annotations

from dataclasses import dataclass, field
import math
import re

from pydantic import Field, ValidationError

from .catalog import Catalog
from .loading import line_col, load
from .markup import MarkupCheck, words
from .problems import Problem, by_closeness
from .schema import BlockText, Identifier, InlineText, Strict, whole
from .validation import located

# The learning order; these URLs are fixed (coaches and recommendations link to them).
ORDER = [
    "what-is-emotional-intimacy", "why-it-matters", "emotional-safety", "trust", "vulnerability",
    "listening-and-communication", "knowing-each-other", "empathy-and-support", "respect-and-boundaries",
    "time-together", "physical-intimacy", "appreciation", "barriers", "conflict", "your-cycle",
    "problems-that-last", "when-they-wont-engage", "life-changes", "growing-together", "shared-meaning",
    "rebuilding-trust", "forgiveness", "getting-help",
]
WORDS_PER_MINUTE = 200
QUESTIONS = (3, 5)
Minutes = whole(1, 180)


class Exercise(Strict):
    title: InlineText
    minutes: Minutes
    steps: list[InlineText] = Field(min_length=2)
    solo: BlockText


class LessonParts(Strict):
    title: InlineText
    description: InlineText
    objectives: list[InlineText] = Field(min_length=2)
    exercise: Exercise
    reflection: list[InlineText] = Field(min_length=2)
    takeaways: list[InlineText] = Field(min_length=2)
    references: list[InlineText] = ()
    quiz: Identifier | None = None  # the knowledge check's id, when it is not the lesson's slug


@dataclass(frozen=True)
class Lesson:
    """A valid lesson: its slug, parts, Markdown body and where the body starts in the file."""

    slug: str
    file: str
    parts: LessonParts
    body: str
    body_line: int
    words: int = field(default=0)

    @property
    def quiz_id(self) -> str:
        return self.parts.quiz or self.slug

    @property
    def number(self) -> int:
        """The lesson's place in the course, from 1 to len(ORDER)."""
        return ORDER.index(self.slug) + 1

    @property
    def reading_minutes(self) -> int:
        return max(1, math.ceil(self.words / WORDS_PER_MINUTE))

    @property
    def minutes(self) -> int:
        """Reading and exercise time together: what the learning path shows."""
        return self.reading_minutes + self.parts.exercise.minutes


_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


def load_lesson(text: str, file: str, slug: str, markup: MarkupCheck) -> tuple[Lesson | None, list[Problem]]:
    """Validate one lesson file's text; problems carry the file's own line numbers."""
    match = _FRONT.match(text)
    if not match:
        return None, [Problem(file, 1, 1, "the lesson has no front matter",
                              "start the file with '---', the lesson's parts, then '---' and the body")]
    # A blank first line in place of '---' keeps YAML line numbers equal to the file's.
    doc, problems = load(("\n" + match.group(1)).encode(), file)
    if doc is None:
        return None, problems
    context = {"markup": markup, "problems": problems, "path": file}
    try:
        parts = LessonParts.model_validate(doc.data if isinstance(doc.data, dict) else {}, context=context)
    except ValidationError as err:
        problems.extend(located(doc, file, e) for e in err.errors())
        if not isinstance(doc.data, dict):
            problems.append(Problem(file, 2, 1, "the front matter must be keys and values",
                                    "write 'title: …' and the other parts as keys"))
        return None, sorted(set(problems))
    body = text[match.end():]
    body_line = text.count("\n", 0, match.end()) + 1
    if not body.strip():
        problems.append(Problem(file, body_line, 1, "the lesson has no body",
                                "write the lesson's text after the closing '---'"))
    if any(not p.warning for p in problems):
        return None, sorted(set(problems))
    counted = sum(words(s) for s in [body, *parts.objectives, *parts.exercise.steps,
                                     parts.exercise.solo, *parts.reflection, *parts.takeaways])
    return Lesson(slug, file, parts, body, body_line, counted), sorted(set(problems))


def check_knowledge_check(lesson: Lesson, quiz) -> list[Problem]:
    """A lesson needs its own knowledge check of 3 to 5 questions."""
    low, high = QUESTIONS
    if quiz is None:
        return [Problem(lesson.file, 2, 1, "no knowledge check for this lesson",
                        f"add quizzes/{lesson.quiz_id}.yml (kind: knowledge-check, {low} to {high} questions)")]
    count = len(getattr(quiz, "questions", []))
    if getattr(quiz, "kind", "") != "knowledge-check" or not low <= count <= high:
        return [Problem(lesson.file, 2, 1, f"quizzes/{lesson.quiz_id}.yml must be a knowledge check of {low} to "
                        f"{high} questions (it has {count})", "add or remove questions")]
    return []


def check_nav_order(listed: list[str], present: set[str], config_text: str,
                    config_file: str = "mkdocs.yml") -> list[Problem]:
    """The nav lists every lesson once, in the course's order, so sidebar, numbers and path agree.

    listed: the nav's page paths in order (such as lessons/trust.md); present: the lesson slugs
    the project has. ORDER stays the one place the order is written; this ties the nav to it.
    """
    slugs = [path[len("lessons/"):-len(".md")] for path in listed
             if path.startswith("lessons/") and path.endswith(".md")]
    expected = [slug for slug in ORDER if slug in present]
    if slugs == expected:
        return []
    fix = "list the lessons in the nav in the course's order: " + ", ".join(f"lessons/{s}.md" for s in expected)
    size = max(len(slugs), len(expected))
    found_at = slugs + [None] * (size - len(slugs))
    wanted_at = expected + [None] * (size - len(expected))
    place = next(i for i in range(size) if found_at[i] != wanted_at[i])
    found, wanted = found_at[place], wanted_at[place]
    where = config_text.find(f"lessons/{found}.md") if found else config_text.find("nav:")
    line, col = line_col(config_text, where) if where >= 0 else (1, 1)
    what = (f"the nav lists lessons/{found}.md where the course has lessons/{wanted}.md" if found and wanted
            else f"the nav leaves out lessons/{wanted}.md" if wanted
            else f"the nav lists lessons/{found}.md beyond the course's lessons")
    return [Problem(config_file, line, col, what, fix)]


def unknown_lesson(slug: str, where: str) -> Problem:
    """A file of docs/lessons/ whose name is not one of the course's fixed lesson URLs."""
    return Problem(where, 1, 1, f"'{slug}' is not one of the course's lessons",
                   "lesson URLs are fixed: " + ", ".join(by_closeness(slug, ORDER)[:3]) + " are the closest")


def checked_lesson(text: str, file: str, slug: str, catalog: Catalog,
                   markup: MarkupCheck) -> tuple[Lesson | None, list[Problem]]:
    """A lesson file with its knowledge check: the lesson (None when it cannot be published) and its problems."""
    lesson, problems = load_lesson(text, file, slug, markup)
    loaded = catalog.quizzes.get(lesson.quiz_id) if lesson else None
    if lesson is None or (loaded is None and lesson.quiz_id in catalog.ids):
        return None, problems  # a quiz file with errors of its own has them reported already
    missing = check_knowledge_check(lesson, loaded.quiz if loaded else None)
    return (None if missing else lesson), problems + missing
