"""Imports inside ``timeline/`` point back only: time <- tagger <- model <- draft <- query <-
export <- cli.

Read with ``ast``, nothing is imported. ``errors`` may be imported anywhere; ``timeml``
comes after ``tagger``; ``draft`` (raw articles to a draft timeline) reads the model's
articles and writes its claims, below ``query``; ``lang`` is data (no code). The one exception is a
delegating method, such as ``Timeline.to_ics()`` or ``_repr_html_``: a method whose body is
a function-local import and one call (which also keeps optional dependencies optional).
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "timeline"

#: Rank of each layer: a module may import its own layer and any layer of lower rank.
#: ``timeml`` comes after ``tagger``; ``draft`` after ``model``, before ``query`` (#14).
RANK: dict[str, float] = {
    "errors": 0,
    "lang": 0,
    "time": 1,
    "tagger": 2,
    "timeml": 2.5,
    "model": 3,
    "draft": 3.5,
    "batch": 3.7,  # per-article steps as functions of records: draft, model, tagger (#16)
    "query": 4,
    "export": 5,
    "__init__": 6,  # the public API re-exports from every layer below the command line
    "cli": 7,
    "__main__": 8,
}
#: Importable from anywhere: the error hierarchy, and the rule tables (data).
ANYWHERE = {"errors", "lang"}


def layer_of(module: str) -> str:
    """``timeline.tagger.scan`` -> ``tagger``; the package itself -> ``__init__``."""
    parts = module.split(".")
    assert parts[0] == "timeline", module
    return parts[1] if len(parts) > 1 else "__init__"


def module_name(path: Path, package: Path = PACKAGE) -> str:
    relative = path.relative_to(package.parent).with_suffix("")
    parts = list(relative.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _absolute(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module a (possibly relative) ``from ... import`` reads from."""
    if node.level == 0:
        return node.module or ""
    base = module.split(".") if is_package else module.split(".")[:-1]
    base = base[: len(base) - (node.level - 1)]
    return ".".join([*base, *([node.module] if node.module else [])])


def timeline_imports(tree: ast.Module, module: str,
                     is_package: bool) -> Iterator[tuple[ast.stmt, str]]:
    """Every (statement, imported timeline module) in a module's syntax tree."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "timeline" or alias.name.startswith("timeline."):
                    yield node, alias.name
        elif isinstance(node, ast.ImportFrom):
            source = _absolute(node, module, is_package)
            if source != "timeline" and not source.startswith("timeline."):
                continue
            if source == "timeline":  # ``from timeline import errors`` names a submodule
                for alias in node.names:
                    submodule = f"timeline.{alias.name}"
                    yield node, submodule if alias.name in RANK else "timeline"
            else:
                yield node, source


def delegating_imports(tree: ast.Module) -> set[int]:
    """Ids of import statements in delegating methods: a method that imports, then makes one call.

    The body, past an optional docstring, is import statements followed by exactly one
    ``return``/expression statement.
    """
    allowed: set[int] = set()
    for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)):
        for method in cls.body:
            if not isinstance(method, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            body = list(method.body)
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                body = body[1:]
            imports = [s for s in body if isinstance(s, ast.Import | ast.ImportFrom)]
            rest = body[len(imports):]
            if (imports and body[: len(imports)] == imports and len(rest) == 1
                    and isinstance(rest[0], ast.Return | ast.Expr)):
                allowed.update(id(s) for s in imports)
    return allowed


def violations(path: Path, package: Path = PACKAGE) -> list[str]:
    module = module_name(path, package)
    layer = layer_of(module)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    exempt = delegating_imports(tree)
    found = []
    for node, imported in timeline_imports(tree, module, path.name == "__init__.py"):
        target = layer_of(imported)
        if target not in RANK:
            found.append(f"{path}:{node.lineno}: imports unknown layer {imported}")
            continue
        if target in ANYWHERE or target == layer or RANK[target] < RANK[layer]:
            continue
        if id(node) in exempt:
            continue
        found.append(f"{path.relative_to(package.parent)}:{node.lineno}: {layer} imports "
                     f"{imported} ({target} comes after {layer})")
    return found


@pytest.mark.parametrize("path", python_files(),
                         ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_imports_point_back(path: Path) -> None:
    assert violations(path) == []


def test_every_module_is_in_a_layer() -> None:
    """A new top-level package or module must be given its place in ``RANK``."""
    unknown = {layer_of(module_name(p)) for p in python_files()} - set(RANK)
    assert not unknown, f"place these in tests/test_layers.py RANK: {sorted(unknown)}"


def test_lang_is_data() -> None:
    """``timeline/lang`` holds rule tables; any Python there is at most a docstring."""
    for path in (PACKAGE / "lang").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        code = [n for n in tree.body
                if not (isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant))]
        assert not code, f"{path}: lang/ is data, not code"


# --- the checker itself ----------------------------------------------------------------------

def _check(source: str, module: str, tmp_path: Path) -> list[str]:
    """Violations of ``source`` placed as ``module`` in a scratch copy of the package layout."""
    package = tmp_path / "timeline"
    path = package.joinpath(*module.split(".")[1:]).with_suffix(".py")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source, encoding="utf-8")
    return violations(path, package)


@pytest.mark.parametrize(("source", "module"), [
    ("from timeline.tagger.scan import scan\n", "timeline.time.value"),
    ("from ..model import Article\n", "timeline.tagger.scan"),
    ("from .. import cli\n", "timeline.export.ics"),
    ("import timeline.query.allen\n", "timeline.model.claim"),
    ("from timeline.draft import x\n", "timeline.timeml.read"),
    ("from timeline import resolve\n", "timeline.tagger.scan"),
    ("def f():\n    from timeline.export.ics import to_ics\n    return to_ics()\n",
     "timeline.query.timeline"),
    ("class T:\n    def to_ics(self):\n        from timeline.export.ics import to_ics\n"
     "        x = 1\n        return to_ics(self)\n", "timeline.query.timeline"),
    ("from timeline.nowhere import x\n", "timeline.model.claim"),
])
def test_checker_catches(tmp_path: Path, source: str, module: str) -> None:
    assert _check(source, module, tmp_path)


@pytest.mark.parametrize(("source", "module"), [
    ("from timeline.errors import ResolveError\n", "timeline.time.value"),
    ("from timeline import errors\n", "timeline.time.value"),
    ("from .interval import Interval\n", "timeline.time.value"),
    ("from . import rules\n", "timeline.tagger.__init__"),
    ("from timeline.time.value import TimeValue\n", "timeline.tagger.scan"),
    ("from timeline.tagger.scan import scan\n", "timeline.timeml.score"),
    ("from timeline.model import Article\n", "timeline.cli"),
    ("import timeline\n", "timeline.cli"),
    ("from timeline.cli import main\n", "timeline.__main__"),
    ("import json\nfrom datetime import date\n", "timeline.time.value"),
    ('class T:\n    def to_ics(self):\n        """Doc."""\n'
     "        from timeline.export.ics import to_ics\n        return to_ics(self)\n",
     "timeline.query.timeline"),
    ("class T:\n    def _repr_html_(self):\n        from timeline.export import notebook\n"
     "        return notebook.to_html(self)\n", "timeline.query.timeline"),
])
def test_checker_allows(tmp_path: Path, source: str, module: str) -> None:
    assert _check(source, module, tmp_path) == []
