"""A quiz's translation is bound to its default file: only texts differ, and answers cross languages."""

from __future__ import annotations

from pathlib import Path
import typing

import pytest

from closer.engine import schema
from closer.engine.catalog import load_catalog
from closer.engine.kinds import MODELS
from closer.engine.translations import TEXT_KEYS
from closer.render.text import removed_markup
from tests.support import FIXTURES, ROOT

CORPUS = FIXTURES / "invalid-translations"
CASES = [line.split("\t") for line in (CORPUS / "EXPECTED.tsv").read_text().splitlines()[1:]]


def project_with(tmp_path: Path, files: dict[str, Path | str]) -> typing.Any:
    """A quizzes/ folder holding files (project-relative name -> source file or text), loaded."""
    for name, source in files.items():
        target = tmp_path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(source.read_text(encoding="utf-8") if isinstance(source, Path) else source, encoding="utf-8")
    return load_catalog(tmp_path / "quizzes", tmp_path, removed_markup)


def text_fields(model, seen=None) -> set[str]:
    """The names of the schema's fields that hold a text a reader sees, in every model reachable from model."""
    seen = set() if seen is None else seen
    if model in seen:
        return set()
    seen.add(model)
    found = set()
    for name, hint in typing.get_type_hints(model, include_extras=True).items():
        for part in parts_of(hint):
            if part in (schema.InlineText, schema.BlockText):
                found.add(name)
            elif isinstance(part, type) and issubclass(part, schema.BaseModel):
                found |= text_fields(part, seen)
    return found


def parts_of(hint) -> list:
    return [hint] + [inner for arg in typing.get_args(hint) for inner in parts_of(arg)]


def test_the_text_keys_are_the_schema_s_text_fields():
    every = set()
    for model in MODELS.values():
        every |= text_fields(model)
    # "true" and "false" are texts only inside a true-false question's feedback mapping, itself a text key.
    assert every - {"true", "false"} == TEXT_KEYS


@pytest.mark.parametrize("default", ["check", "screened"])
def test_a_faithful_translation_shares_the_default_s_key_and_fingerprint(tmp_path, default):
    catalog = project_with(tmp_path, {f"quizzes/{default}.yml": CORPUS / f"{default}.yml",
                                      f"quizzes/es/{default}.yml": CORPUS / "es" / f"{default}.yml"})
    assert catalog.problems == []
    translated, original = catalog.translations["es"][default], catalog.quizzes[default]
    assert translated.quiz.title != original.quiz.title
    assert (translated.quiz.version, translated.fingerprint) == (original.quiz.version, original.fingerprint)


@pytest.mark.parametrize("case,where,expect", CASES, ids=[c[0] for c in CASES])
def test_every_structural_difference_is_located_in_the_translation_and_names_the_default_line(
        tmp_path, case, where, expect):
    default = case.split("--")[0]
    catalog = project_with(tmp_path, {f"quizzes/{default}.yml": CORPUS / f"{default}.yml",
                                      f"quizzes/es/{default}.yml": CORPUS / "es" / case})
    lines = [str(p) for p in catalog.problems]
    assert any(line.startswith(f"quizzes/es/{default}.yml:{where}: ") and expect in line for line in lines), lines
    assert all(line.startswith(f"quizzes/es/{default}.yml:") for line in lines), lines
    assert catalog.translations["es"] == {}  # a translation that does not fit has no page


def test_the_corpus_lists_every_case():
    assert {p.name for p in (CORPUS / "es").glob("*--*.yml")} == {case for case, _, _ in CASES}


def test_a_translation_without_a_default_file_or_outside_a_language_folder_is_refused(tmp_path):
    catalog = project_with(tmp_path, {"quizzes/check.yml": CORPUS / "check.yml",
                                      "quizzes/es/other.yml": CORPUS / "es" / "check.yml",
                                      "quizzes/Spanish/check.yml": CORPUS / "es" / "check.yml"})
    assert [str(p) for p in catalog.problems] == [
        "quizzes/Spanish:1:1: 'Spanish' is not a language folder; name a folder of translations by its language "
        "code, like es or pt-BR",
        "quizzes/es/other.yml:1:1: there is no quizzes/other.yml for this file to translate; name a translation "
        "as the default file it translates"]


def test_a_broken_default_file_reports_its_own_problems_not_its_translation_s(tmp_path):
    broken = (CORPUS / "check.yml").read_text().replace("kind: knowledge-check", "kind: knowledge-chek")
    catalog = project_with(tmp_path, {"quizzes/check.yml": broken, "quizzes/es/check.yml": CORPUS / "es" / "check.yml"})
    assert {p.path for p in catalog.problems} == {"quizzes/check.yml"}


def test_the_project_s_translations_fit_their_default_files():
    catalog = load_catalog(ROOT / "quizzes", ROOT, removed_markup)
    assert [str(p) for p in catalog.problems] == []
    for lang, quizzes in catalog.translations.items():
        for quiz_id, translated in quizzes.items():
            assert translated.fingerprint == catalog.quizzes[quiz_id].fingerprint, (lang, quiz_id)
