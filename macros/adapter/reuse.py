"""What one process's builds share: templates compiled once, and what importing made, left alone.

A site in two languages is two MkDocs builds in one process, and `mkdocs serve` builds again on
every save; each build makes a new Jinja environment, which compiles every theme template again.
Jinja's own bytecode cache, kept for the process, compiles each template once. It is keyed by
the template's source (Jinja checks it), so an edited template compiles afresh.

The objects importing made live as long as the process, so Python's cycle collector is told to
stop walking them (`settle_imports`).
"""

from __future__ import annotations

import gc

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS


class CompiledTemplates(BytecodeCache):
    """Each template's compiled code, kept in memory, per template and per way of compiling it."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def get_bucket(self, environment: Environment, name: str, filename: str | None, source: str) -> Bucket:
        bucket = Bucket(environment, self.get_cache_key(f"{name}|{_way_of_compiling(environment)}", filename),
                        self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])  # ignored when the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


def _way_of_compiling(environment: Environment) -> str:
    """What, beside the source, shapes a template's compiled code.

    That is the lexer's settings, the extensions, async mode, and which filters and tests exist and
    what each is passed (the compiler checks them, and writes the call by the way each is passed).
    Autoescaping or a finalize function chosen per environment is folded into constants at compile
    time, so such an environment keeps its templates to itself.
    """
    lexing = ("block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
              "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
              "trim_blocks", "lstrip_blocks", "newline_sequence", "keep_trailing_newline", "optimized", "is_async")
    own = id(environment) if callable(environment.autoescape) or environment.finalize is not None else None
    callables = [(kind, name, getattr(function, "__module__", None), getattr(function, "__qualname__", None),
                  str(getattr(function, "jinja_pass_arg", None)))
                 for kind, named, builtin in (("filter", environment.filters, DEFAULT_FILTERS),
                                              ("test", environment.tests, DEFAULT_TESTS))
                 for name, function in named.items() if builtin.get(name) is not function]  # Jinja's own: the same
    return repr(([getattr(environment, name) for name in lexing], sorted(environment.extensions),
                 environment.autoescape, own, sorted(callables)))


TEMPLATES = CompiledTemplates()


def settle_imports() -> None:
    """Leave what importing made (modules, classes, pydantic's and Jinja's schemas) out of Python's cycle collector.

    Those objects live as long as the process, yet each full collection walks them again, and so
    does the interpreter's last collection at exit: about 0.14 s of a 20-page build's 1.2 s was
    spent there. `gc.freeze()` moves them once into the collector's permanent generation. It is
    called once, when MkDocs starts, after the configuration is read and before the first build,
    so what a build makes is still collected as before.
    """
    gc.freeze()
