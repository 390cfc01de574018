"""A knowledge check: single, multiple and true-false questions (QUIZ_FORMAT "Knowledge check")."""

from __future__ import annotations

from typing import Annotated, Literal, Union

from pydantic import Field, model_validator

from ..characters import same_text
from ..loading import Scalar
from ..schema import BlockText, Boolean, Common, InlineText, Strict, fail
from . import Kind, register


class Option(Strict):
    text: InlineText
    correct: Boolean = False
    feedback: InlineText | None = None


class ChoiceQuestion(Strict):
    prompt: InlineText
    options: list[Option] = Field(min_length=2, max_length=8)
    explanation: BlockText | None = None


class SingleQuestion(ChoiceQuestion):
    type: Literal["single"]


class MultipleQuestion(ChoiceQuestion):
    type: Literal["multiple"]


class TrueFalseFeedback(Strict):
    true: InlineText | None = None
    false: InlineText | None = None

    @model_validator(mode="before")
    @classmethod
    def _boolean_keys(cls, data):
        for key in data if isinstance(data, dict) else ():
            if isinstance(key, Scalar) and key in ("true", "false") and key.quoted:
                raise fail(f"key '{key}' is quoted", "write the keys as plain true and false")
        return data


class TrueFalseQuestion(Strict):
    type: Literal["true-false"]
    prompt: InlineText
    answer: Boolean
    feedback: TrueFalseFeedback | None = None
    explanation: BlockText | None = None


Question = Annotated[Union[SingleQuestion, MultipleQuestion, TrueFalseQuestion],
                     Field(discriminator="type")]


class KnowledgeCheck(Common):
    kind: Literal["knowledge-check"]
    questions: list[Question] = Field(min_length=1)


def rules(quiz: KnowledgeCheck, at):
    for i, question in enumerate(quiz.questions):
        if isinstance(question, TrueFalseQuestion):
            continue
        texts = set()
        for k, option in enumerate(question.options):
            shown = same_text(option.text)  # as a reader sees it: `Ａ` repeats `A`
            if shown in texts:
                yield at(("questions", i, "options", k, "text"), "this option repeats an earlier one",
                         "give every option a different text")
            texts.add(shown)
        correct = sum(option.correct for option in question.options)
        if question.type == "single" and correct != 1:
            yield at(("questions", i, "options"), f"a single-choice question needs exactly one correct "
                     f"option, found {correct}", "mark exactly one option 'correct: true', or use "
                     "'type: multiple'")
        if question.type == "multiple" and correct < 1:
            yield at(("questions", i, "options"), "a multiple-choice question needs at least one "
                     "correct option", "mark the right options 'correct: true'")


# GIFT: a learning platform's question bank can import every question.
KIND = register(Kind("knowledge-check", KnowledgeCheck, lambda quiz: quiz.questions, rules,
                     exports=frozenset({"gift"})))
