"""Templates compiled once in the process, and never handed to an environment they were not compiled for."""

from __future__ import annotations

from jinja2 import Environment, FileSystemLoader, pass_environment

from closer.adapter.reuse import CompiledTemplates


def environment(folder, cache, **filters) -> Environment:
    env = Environment(loader=FileSystemLoader(str(folder)), bytecode_cache=cache)
    env.filters.update(filters)
    return env


@pass_environment
def asked(env, text):
    return f"{text}?"


def test_environments_of_the_same_kind_share_one_compilation(tmp_path, monkeypatch):
    (tmp_path / "page.html").write_text("{{ title | upper }}")
    cache, compiled = CompiledTemplates(), []
    monkeypatch.setattr(Environment, "_compile", lambda self, source, filename: compiled.append(filename)
                        or compile(source, filename, "exec"))
    first, second = environment(tmp_path, cache), environment(tmp_path, cache)
    assert first.get_template("page.html").render(title="a") == second.get_template("page.html").render(title="a") == "A"
    assert len(compiled) == 1
    (tmp_path / "page.html").write_text("{{ title | lower }}!")  # an edited template compiles afresh
    assert environment(tmp_path, cache).get_template("page.html").render(title="B") == "b!"


def test_a_filter_passed_differently_gets_its_own_compilation(tmp_path):
    (tmp_path / "page.html").write_text("{{ 'Hi' | mark }}")
    cache = CompiledTemplates()
    plain = environment(tmp_path, cache, mark=lambda text: f"{text}!")
    assert plain.get_template("page.html").render() == "Hi!"
    assert environment(tmp_path, cache, mark=asked).get_template("page.html").render() == "Hi?"
