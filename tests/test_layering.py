"""The package's shape, checked from its source: core has no import cycles and no Qt, and the
screens and the command line reach the database only through core's services."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "desktop_app"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    return isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING"


def _imports(tree: ast.AST, package: str) -> Iterator[str]:
    """Every module imported anywhere in ``tree`` (function level too), except under
    ``if TYPE_CHECKING:``, which never runs."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, ast.If) and _is_type_checking(node):
            stack.extend(node.orelse)
            continue
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1]
                                + ([base] if base else []))
            yield base
            # ``from desktop_app.core import audit`` imports the module desktop_app.core.audit
            yield from (f"{base}.{alias.name}" for alias in node.names)
        stack.extend(ast.iter_child_nodes(node))


def _graph(folder: str) -> dict[str, set[str]]:
    modules = {_module_name(path): path for path in (PACKAGE / folder).rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        graph[name] = {imported for imported in _imports(tree, package)
                       if imported in modules and imported != name}
    return graph


def _all_imports(folder: str) -> dict[str, set[str]]:
    found = {}
    for path in (PACKAGE / folder).rglob("*.py"):
        name = _module_name(path)
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found[name] = set(_imports(ast.parse(path.read_text(encoding="utf-8")), package))
    return found


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One import cycle of ``graph`` as a path of module names, or None."""
    state: dict[str, str] = {}
    path: list[str] = []

    def visit(module: str) -> list[str] | None:
        state[module] = "open"
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == "open":
                return [*path[path.index(target):], target]
            if target not in state and (found := visit(target)):
                return found
        path.pop()
        state[module] = "done"
        return None

    for module in sorted(graph):
        if module not in state and (found := visit(module)):
            return found
    return None


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


def test_core_has_no_import_cycles() -> None:
    graph = _graph("core")
    assert "desktop_app.core.orders" in graph
    assert _cycle(graph) is None


def test_core_imports_no_qt() -> None:
    offenders = {module: sorted(name for name in names
                                if name.split(".")[0] in {"PySide6", "shiboken6"})
                 for module, names in _all_imports("core").items()}
    assert {module: names for module, names in offenders.items() if names} == {}


def test_screens_and_command_line_do_not_touch_the_models() -> None:
    offenders = sorted(module for folder in ("ui", "cli")
                       for module, names in _all_imports(folder).items()
                       if "desktop_app.core.models" in names)
    assert offenders == []
