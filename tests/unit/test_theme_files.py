"""A Closer site copies the same theme files as before, without walking the theme's hidden folders."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.structure.files import Files
import pytest

from closer.adapter.theme import VisibleFiles, set_up_theme


def site_config(tmp_path: Path, custom_dir: str = "overrides"):
    """A site on mkdocs-material with a custom_dir that has static files, hidden ones among them."""
    overrides = tmp_path / "overrides"
    for name in ("assets/site.css", "assets/.cache/old.css", ".hidden/x.js", "assets/.DS_Store", "main.html",
                 "partials/.draft.html", "icons/logo.svg"):
        (overrides / name).parent.mkdir(parents=True, exist_ok=True)
        (overrides / name).write_text("x")
    (tmp_path / "docs").mkdir()
    (tmp_path / "mkdocs.yml").write_text(f"site_name: T\ntheme:\n  name: material\n  custom_dir: {custom_dir}\n")
    return load_config(str(tmp_path / "mkdocs.yml"))


def copied(config, env) -> list[str]:
    """The theme files MkDocs adds to the site, as its build does."""
    files = Files([])
    files.add_files_from_theme(env, config)
    return sorted(file.src_uri for file in files)


@pytest.mark.parametrize("custom_dir", ["overrides", "overrides/", "overrides//", "./overrides/", "overrides/."])
def test_the_theme_files_a_build_copies_are_the_same(tmp_path, custom_dir):
    config = site_config(tmp_path, custom_dir)  # MkDocs hands custom_dir on as written
    set_up_theme(config.theme)
    env = config.theme.get_env()
    assert isinstance(env.loader, VisibleFiles)
    walked = Environment(loader=FileSystemLoader(env.loader.searchpath))  # MkDocs' own loader, every folder walked
    listed = copied(config, env)
    assert "assets/site.css" in listed and "icons/logo.svg" in listed  # the site's own static files
    assert any(name.startswith("assets/javascripts/") for name in listed)  # the theme's
    assert listed == copied(config, walked)


def test_templates_in_hidden_folders_still_load_by_name(tmp_path):
    config = site_config(tmp_path)
    set_up_theme(config.theme)
    env = config.theme.get_env()
    assert not any(name.startswith(".icons/") for name in env.list_templates())
    assert "<svg" in env.get_template(".icons/material/heart.svg").render()  # as the theme includes its icons
