"""`./dev messages`: list every message the code uses in closer.pot, and bring each catalog up to date.

Babel reads the messages from the code itself (Python, page templates, browser scripts), so no
text is listed by hand. English is written from the template (each message is its own English);
every other catalog keeps its translations, gains the new messages untranslated and loses the
ones the code no longer uses, which its translator then finishes (the build says which).
"""

from __future__ import annotations

from datetime import datetime, timezone
import sys

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from . import DEFAULT, FOLDER, TEMPLATE, catalog_path

PACKAGE = FOLDER.parent
METHODS = [
    ("messages/extract.py", "ignore"),  # its own code; messages/__init__.py says a message or two
    ("**.py", "python"),
    ("**.js", "javascript"),
    ("**.html", "jinja2"),
    ("render/templates/**.md", "jinja2"),
]
OPTIONS = {"**.html": {"extensions": "jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true"},
           "render/templates/**.md": {"extensions": "jinja2.ext.do", "trim_blocks": "true", "lstrip_blocks": "true"}}
STABLE_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)  # a fixed header date: the file changes only with its messages


def template() -> Catalog:
    """Every message in the package's code, each with the files that use it."""
    found = Catalog(project="Closer", creation_date=STABLE_DATE, fuzzy=False)
    # A comment starting "Translators:" just before a message is shown to its translators.
    for filename, _line, message, comments, context in extract_from_dir(PACKAGE, METHODS, OPTIONS,
                                                                        comment_tags=("Translators:",),
                                                                        strip_comment_tags=True):
        if not message or (isinstance(message, tuple) and not all(message)):
            continue
        previous = found.get(message if isinstance(message, str) else message[0], context)
        locations = (list(previous.locations) if previous else []) + [(filename, None)]
        found.add(message, locations=sorted(set(locations)), auto_comments=comments, context=context)
    return found


def english(messages: Catalog) -> Catalog:
    """The default language's catalog: each message says what its id says."""
    written = Catalog(locale=DEFAULT, project="Closer", creation_date=STABLE_DATE, revision_date=STABLE_DATE,
                      fuzzy=False)
    for message in messages:
        if message.id:
            written.add(message.id, string=message.id, locations=message.locations, context=message.context)
    return written


def write(catalog: Catalog, path) -> None:
    with path.open("wb") as file:
        write_po(file, catalog, width=100, include_lineno=False, ignore_obsolete=True, sort_output=False)


def main() -> int:
    messages = template()
    write(messages, TEMPLATE)
    write(english(messages), catalog_path(DEFAULT))
    for path in sorted(FOLDER.glob("*.po")):
        lang = path.stem
        if lang == DEFAULT:
            continue
        with path.open("rb") as file:
            translated = read_po(file, locale=lang)
        translated.update(messages, no_fuzzy_matching=True)
        write(translated, path)
    print(f"{len(messages)} messages in {TEMPLATE.name}; catalogs: "
          + ", ".join(sorted(p.stem for p in FOLDER.glob('*.po'))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
