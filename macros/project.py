"""What the CLI needs of mkdocs.yml, read without MkDocs: where the pages and the quizzes are.

So `closer-check` runs where no site generator is installed, and reads the same `docs_dir` and
`quizzes_dir` as the build.
"""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path

import yaml

from .messages import DEFAULT


class _Loader(yaml.SafeLoader):
    """YAML as mkdocs.yml writes it: tags such as `!ENV [NAME, default]` give their plain value."""


def _tagged(loader: _Loader, suffix: str, node: yaml.Node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        if suffix == "ENV":  # the first variable that is set, else the last entry as the default
            return next((os.environ[n] for n in values[:-1] if n in os.environ), values[-1] if values else None)
        return values
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    value = loader.construct_scalar(node)
    return os.environ.get(value) if suffix == "ENV" else value


_Loader.add_multi_constructor("!", _tagged)


@dataclass(frozen=True)
class Layout:
    """The folders of a Closer project, as its mkdocs.yml names them."""

    root: Path
    docs: Path
    quizzes: Path
    nav: list[str]  # the page paths the nav lists, in order
    config_text: str  # mkdocs.yml as written, to locate problems in it
    config: dict  # mkdocs.yml as data (`!ENV` tags read), for what a build needs of the site
    options: dict  # the `closer` plugin's options
    nav_titles: dict[str, str]  # page path -> the title the nav gives it

    @property
    def language(self) -> str:
        """The site's own language, at its root: the theme's."""
        theme = self.config.get("theme")
        return str(theme.get("language") or DEFAULT) if isinstance(theme, dict) else DEFAULT

    @property
    def languages(self) -> dict[str, dict]:
        """The site's other languages -> their options (quick exit, copyright), as the plugin's options name them."""
        found = self.options.get("languages")
        return {str(lang): value if isinstance(value, dict) else {} for lang, value in found.items()} \
            if isinstance(found, dict) else {}

    def lesson_folder(self, folder: str) -> bool:
        """Whether a folder of docs/ (`lessons`, `es/lessons`) holds lessons: the default's, or a language's."""
        return folder in {"lessons", *(f"{lang}/lessons" for lang in self.languages)}


def plugin_options(config: dict, plugin: str) -> dict:
    """A plugin's options as mkdocs.yml writes them (a list of names or {name: options}, or a mapping)."""
    plugins = config.get("plugins") or []
    entries = plugins.items() if isinstance(plugins, dict) else [
        next(iter(entry.items())) if isinstance(entry, dict) else (entry, None) for entry in plugins]
    options = next((value for name, value in entries if name == plugin), None)
    return options if isinstance(options, dict) else {}


def read_layout(root: Path) -> Layout:
    """The project's docs and quizzes folders; the defaults when mkdocs.yml is missing or silent."""
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8") if config_file.is_file() else ""
    config = yaml.load(text, _Loader) if text else None
    config = config if isinstance(config, dict) else {}
    options = plugin_options(config, "closer")
    quizzes = options.get("quizzes_dir", "quizzes")
    return Layout(root, root / str(config.get("docs_dir") or "docs"), root / str(quizzes),
                  _nav_paths(config.get("nav")), text, config, options, _nav_titles(config.get("nav")))


def _nav_titles(entries) -> dict[str, str]:
    """Page path -> title, for the nav's `{title: path}` entries."""
    if isinstance(entries, list):
        return {path: title for entry in entries for path, title in _nav_titles(entry).items()}
    if isinstance(entries, dict):
        found = {}
        for title, value in entries.items():
            found |= {value: str(title)} if isinstance(value, str) else _nav_titles(value)
        return found
    return {}


def _nav_paths(entries) -> list[str]:
    """The page paths of a nav, in order: entries are paths, {title: path} or {title: [entries]}."""
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, dict):
        return [path for value in entries.values() for path in _nav_paths(value)]
    if isinstance(entries, list):
        return [path for entry in entries for path in _nav_paths(entry)]
    return []
