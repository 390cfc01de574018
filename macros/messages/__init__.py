"""Every text Closer's own code shows or speaks, in the reader's language (QUIZ_FORMAT "Languages").

The texts are gettext messages: `closer.pot` lists every one the code uses (made from the code by
`./dev messages`), and `<lang>.po` beside it translates them; Babel reads both, so translators'
tools open the same files. `catalog(lang)` is the one way a catalog is read. Python and page
templates call `_()` and `ngettext()` in the language being spoken (`speak(lang)`); the browser
gets its language's messages inside its script (`browser_messages`). Placeholders are `{name}`,
filled by name only: a catalog is text a translator wrote, never code.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
import functools
import gettext as stdlib_gettext
from pathlib import Path
import re

from babel.core import Locale, UnknownLocaleError
from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po

from ..engine.problems import Problem

FOLDER = Path(__file__).resolve().parent
TEMPLATE = FOLDER / "closer.pot"
DEFAULT = "en"  # the course's own language, at the site's root
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
# A plural rule from Babel's locale data, written into the browser's script: only these characters.
_PLURAL_RULE = re.compile(r"^[n0-9 ()!=<>%?:&|]+$")


@dataclass(frozen=True)
class Messages:
    """One language's catalog: each message id with its forms (one, or one per plural form)."""

    lang: str
    path: Path
    forms: dict[str, tuple[str, ...]]
    plural_rule: str  # a C expression of n giving the form's index, as gettext writes it
    header_plurals: int = 0  # the forms its Plural-Forms header names
    error: str | None = None  # why the file could not be read: it then serves no message

    def gettext(self, msgid: str, **values) -> str:
        forms = self.forms.get(msgid)
        return fill(forms[0] if forms else msgid, values)

    def ngettext(self, singular: str, plural: str, n: int, **values) -> str:
        forms = self.forms.get(singular)
        if not forms:
            text = singular if n == 1 else plural
        else:
            text = forms[min(_plural_index(self.plural_rule)(n), len(forms) - 1)]
        return fill(text, {"n": n, **values})


def fill(text: str, values: dict) -> str:
    """The text with each {name} it holds replaced by that value; other braces stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), text)


@functools.cache
def _plural_index(rule: str):
    return stdlib_gettext.c2py(rule)  # the standard library's parser: the rule is checked, never run as code


def catalog_path(lang: str) -> Path:
    return FOLDER / f"{lang}.po"


def template_ids() -> dict[str, str | None]:
    """Every message id the code uses, with its plural id (None for a message without one)."""
    return {_id(m.id): (m.id[1] if isinstance(m.id, tuple) else None) for m in _template(TEMPLATE) if m.id}


@functools.cache
def _template(path: Path) -> Catalog:
    """closer.pot, read once per process: the bundle of each language and each check use it."""
    return _read(path, None)


@functools.cache
def catalog(lang: str) -> Messages:
    """The catalog of a language, as its .po file has it (see catalog_problems for what it lacks)."""
    path, rule = catalog_path(lang), language_plural_rule(lang) or "0"
    if not path.exists():
        return Messages(lang, path, {}, rule)
    try:
        read = _read(path, lang)
    except PoFileError as error:  # reported by catalog_problems, located; the build never shows a traceback
        return Messages(lang, path, {}, rule, error=str(error))
    forms = {}
    for message in read:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and not message.fuzzy and all(strings):
            forms[_id(message.id)] = tuple(strings)
    return Messages(lang, path, forms, rule, read.num_plurals)


def language_plural_rule(lang: str) -> str | None:
    """The language's plural rule from Babel's locale data (never from a catalog's header)."""
    try:
        rule = Catalog(locale=lang).plural_expr
    except (UnknownLocaleError, ValueError):
        return None
    return rule if _PLURAL_RULE.match(rule) else None


def catalog_problems(lang: str) -> list[Problem]:
    """What keeps a language's catalog from serving every message: each located at the catalog."""
    path = catalog_path(lang)
    shown = f"macros/messages/{path.name}"
    if language_plural_rule(lang) is None:
        return [Problem(shown, 1, 1, f"'{lang}' is not a language code Closer knows",
                        "name a language by its BCP 47 code, such as es or pt-BR")]
    if not path.exists():
        return [Problem(shown, 1, 1, f"there is no message catalog for '{lang}'",
                        f"copy macros/messages/closer.pot to {shown} and translate every message")]
    read = catalog(lang)
    if read.error is not None:
        return [Problem(shown, 1, 1, f"the catalog cannot be read ({read.error})", "check it with a .po editor")]
    problems, expected = [], Catalog(locale=lang)
    if read.header_plurals != expected.num_plurals:
        problems.append(Problem(shown, 1, 1, f"its Plural-Forms header gives {read.header_plurals} forms; "
                                f"{lang} has {expected.num_plurals}",
                                f"set the header to '{expected.plural_forms}'"))
    for msgid, plural in template_ids().items():
        forms = read.forms.get(msgid)
        if forms is None or (plural is not None and len(forms) != read.header_plurals):
            problems.append(Problem(shown, 1, 1, f"message '{msgid}' is missing or untranslated",
                                    "run `./dev messages`, then translate it in this catalog"))
    return problems


def _read(path: Path, lang: str | None) -> Catalog:
    with path.open("rb") as file:
        return read_po(file, locale=lang, abort_invalid=True)


def _id(msgid) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


# ---- The language being spoken: set per page by the adapter, read by every text ----

_SPEAKING: ContextVar[str] = ContextVar("closer_language", default=DEFAULT)


def speak(lang: str) -> None:
    """From now on, in this context, texts are in lang (a build in the site's own language)."""
    _SPEAKING.set(lang)


def language() -> str:
    return _SPEAKING.get()


def _(msgid: str, **values) -> str:
    """The message in the language being spoken, its {name} placeholders filled from values."""
    return catalog(language()).gettext(msgid, **values)


def ngettext(singular: str, plural: str, n: int, **values) -> str:
    """The message's form for the number n ({n} in it is n), in the language being spoken."""
    return catalog(language()).ngettext(singular, plural, n, **values)


def browser_messages(lang: str, scripts: frozenset[str] | None = None) -> tuple[dict[str, str | list[str]], str]:
    """The messages the browser's scripts (or those named, as `components/<folder>/<file>.js`) use, and the plural rule.

    Only those said differently from their id travel: English pages carry no copy of their own words.
    """
    template = _template(TEMPLATE)
    messages = catalog(lang)
    shown = {}
    for message in template:
        if message.id and any(location.endswith(".js") and (scripts is None or location in scripts)
                              for location, _line in message.locations):
            msgid = _id(message.id)
            written = tuple(message.id) if isinstance(message.id, tuple) else (msgid,)
            forms = messages.forms.get(msgid) or written
            if forms != written:  # a message said as its id is left out: words.js falls back to the id
                shown[msgid] = list(forms) if isinstance(message.id, tuple) else forms[0]
    return shown, messages.plural_rule


def language_name(lang: str, in_language: str | None = None) -> str:
    """A language's name in another (by default the one being spoken): inglés on a Spanish page."""
    return Locale.parse(lang.replace("-", "_")).get_display_name((in_language or language()).replace("-", "_")) or lang


def autonym(lang: str) -> str:
    """A language's name in itself, as a language choice shows it: English, Español."""
    name = language_name(lang, lang)
    return name[:1].upper() + name[1:]


def elsewhere_title(title: str, default: str) -> str:
    """A link's text for a page only the default language has: its title, then "(in English)"."""
    # Translators: a link's text for a page not yet translated: its title, then "(in English)".
    return _("{title} (in {language})", title=title, language=language_name(default))


def elsewhere_suffix(default: str) -> str:
    """What follows a link to a page only the default language has: " (in English)"."""
    # Translators: after a link to a page not yet translated: "(in English)".
    return _(" (in {language})", language=language_name(default))
