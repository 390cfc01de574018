"""Knowledge checks as GIFT, Moodle's question text format, for a coach's question bank.

Each text is the HTML the site shows (sanitized, links made absolute), marked `[html]` and
written on one line: a blank line would end the question. GIFT gives `~ = # { } :` and the
backslash a meaning everywhere, so each is escaped with a backslash.
"""

from __future__ import annotations

import re
from typing import Callable

from ..engine.kinds.knowledge_check import KnowledgeCheck, TrueFalseQuestion
from ..messages import _
from ..render.text import plain

SPECIAL = re.compile(r"([\\~=#{}:])")
LEADING = re.compile(r"^[%\[]")
# Moodle accepts only some grade fractions; 100 / k for k = 1..8 correct options are all among them.
FRACTIONS = {1: "100", 2: "50", 3: "33.33333", 4: "25", 5: "20", 6: "16.66667", 7: "14.28571", 8: "12.5"}


def escape(text: str) -> str:
    return SPECIAL.sub(r"\\\1", text)


def comment(text: str) -> str:
    """A GIFT comment line: it ends at a line break, so the text is put on one line."""
    return "// " + " ".join(text.split())


def gift_of(quiz: KnowledgeCheck, quiz_id: str, site_name: str, html: Callable[[str, bool], str]) -> str:
    """The whole check as GIFT, filed under the site's name; html(source, inline) is a text's sanitized HTML with absolute links."""
    def text(source: str | None, inline: bool = True) -> str:
        if not source:
            return ""
        one_line = " ".join(html(source, inline).split())
        # Moodle reads a leading "%50%" as a grade and "[plain]" as a format: as entities they are text.
        return escape(LEADING.sub(lambda m: f"&#{ord(m.group(0))};", one_line))

    def feedback(source: str | None) -> str:
        return f"#{text(source)}" if source else ""

    title = " ".join(plain(quiz.title).split())  # a new line would start a live GIFT line
    # Comment and category lines end at a line break, and "/" nests categories: the name has neither.
    site = " ".join(site_name.replace("/", " ").split()) or "Closer"
    # Translators: the first line of a knowledge check's questions for Moodle, which a coach reads.
    lines = [comment(_("{title}: a knowledge check from {site}, version {version}.", title=title, site=site,
                       version=quiz.version)),
             # Translators: Moodle's own menu names, as Moodle shows them in this language.
             comment(_("Import it in Moodle: Question bank > Import > GIFT format.")),
             "", f"$CATEGORY: $course$/{site}/{quiz_id}", ""]
    for number, question in enumerate(quiz.questions, 1):
        head = f"::{escape(title)} {number}::[html]{text(question.prompt)}"
        general = f"####{text(question.explanation, False)}" if question.explanation else ""
        if isinstance(question, TrueFalseQuestion):
            given = question.feedback
            right, wrong = ((given.true, given.false) if question.answer else (given.false, given.true)) \
                if given else (None, None)
            # GIFT's first feedback is for the wrong choice, the second for the right one.
            answer = "TRUE" if question.answer else "FALSE"
            lines.append(f"{head}{{{answer}#{text(wrong)}#{text(right)}{general}}}")
        else:
            correct = sum(option.correct for option in question.options)
            lines.append(head + "{")
            for option in question.options:
                if question.type == "single":
                    mark = "=" if option.correct else "~"
                else:  # every right option shares the grade; any wrong one takes it all away
                    mark = f"~%{FRACTIONS[correct]}%" if option.correct else "~%-100%"
                lines.append(f"{mark}{text(option.text)}{feedback(option.feedback)}")
            if general:
                lines.append(general)
            lines.append("}")
        lines.append("")
    return "\n".join(lines)
