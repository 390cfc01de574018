"""Closer's own texts come from gettext catalogs: complete, up to date with the code, filled safely."""

from __future__ import annotations

import shutil

import pytest

from closer import messages
from closer.messages import DEFAULT, catalog, catalog_problems, fill
from closer.messages.extract import english, template

LANGUAGES = sorted(path.stem for path in messages.FOLDER.glob("*.po"))


def as_listed(catalog_) -> list:
    return [(m.id, m.context, sorted(m.locations)) for m in catalog_ if m.id]


def test_the_template_lists_every_message_the_code_uses():
    from babel.messages.pofile import read_po
    with messages.TEMPLATE.open("rb") as file:
        committed = read_po(file)
    assert as_listed(committed) == as_listed(template()), "run `./dev messages` and commit macros/messages/"


def test_english_is_a_catalog_that_says_each_message_as_written():
    from babel.messages.pofile import read_po
    with messages.catalog_path(DEFAULT).open("rb") as file:
        committed = read_po(file, locale=DEFAULT)
    assert [(m.id, m.string) for m in committed if m.id] == [(m.id, m.id) for m in english(template()) if m.id]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalog_translates_every_message(lang):
    assert catalog_problems(lang) == []
    assert len(catalog(lang).forms) >= len(messages.template_ids())


def test_a_missing_message_or_catalog_is_a_located_problem(tmp_path, monkeypatch):
    for name in ("closer.pot", f"{DEFAULT}.po"):
        shutil.copy(messages.FOLDER / name, tmp_path / name)
    text = (tmp_path / f"{DEFAULT}.po").read_text(encoding="utf-8")
    (tmp_path / f"{DEFAULT}.po").write_text(text.replace('msgstr "Your results"', 'msgstr ""'), encoding="utf-8")
    monkeypatch.setattr(messages, "FOLDER", tmp_path)
    monkeypatch.setattr(messages, "TEMPLATE", tmp_path / "closer.pot")
    catalog.cache_clear()
    try:
        [missing] = [str(p) for p in catalog_problems(DEFAULT)]
        assert missing.startswith(f"macros/messages/{DEFAULT}.po:1:1: message 'Your results' is missing"), missing
        assert [str(p) for p in catalog_problems("fr")] == [
            "macros/messages/fr.po:1:1: there is no message catalog for 'fr'; copy macros/messages/closer.pot to "
            "macros/messages/fr.po and translate every message"]
        assert "not a language code" in str(catalog_problems("xx-nowhere")[0])
    finally:
        catalog.cache_clear()


def test_placeholders_are_filled_by_name_and_nothing_else():
    assert fill("{area}: {score} of {max}", {"area": "Trust", "score": "3.5", "max": 5}) == "Trust: 3.5 of 5"
    # A catalog is a translator's text: attribute lookups and indexes are left as written.
    assert fill("{0.__class__} {area.__init__} {x[0]}", {"area": "Trust"}) == "{0.__class__} {area.__init__} {x[0]}"
