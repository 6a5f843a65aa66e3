"""The code base's own gates: ruff, mypy strict, and the layering between packages."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "src" / "journeyctl"


def run_tool(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=REPO, capture_output=True, text=True, check=False)


def test_ruff_finds_nothing() -> None:
    result = run_tool("ruff", "check", "--no-cache", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_code_is_ruff_formatted() -> None:
    result = run_tool("ruff", "format", "--check", "--no-cache", "src", "tests", "benchmarks")
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_strict_passes() -> None:
    result = run_tool("mypy", "--no-incremental")
    assert result.returncode == 0, result.stdout + result.stderr


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return {name for name in found if name.startswith("journeyctl")}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): imported_modules(path) for path in sorted(PACKAGE.rglob("*.py"))}


def within(name: str, layer: str) -> bool:
    return name == layer or name.startswith(layer + ".")


# (layer, layers it must not import)
CONTRACTS = [
    ("journeyctl.diagnostics", ["journeyctl."]),
    ("journeyctl.model", ["journeyctl."]),
    ("journeyctl.lint", ["journeyctl.report", "journeyctl.render", "journeyctl.cli"]),
    ("journeyctl.render", ["journeyctl.cli"]),
    ("journeyctl.report", ["journeyctl.render", "journeyctl.cli", "journeyctl.lint"]),
    ("journeyctl.loader", ["journeyctl.validate", "journeyctl.lint", "journeyctl.report", "journeyctl.render"]),
]


@pytest.mark.parametrize(("layer", "forbidden"), CONTRACTS, ids=[layer for layer, _ in CONTRACTS])
def test_layers_import_only_downwards(layer: str, forbidden: list[str]) -> None:
    for name, imports in MODULES.items():
        if not within(name, layer):
            continue
        for imported in imports:
            if within(imported, layer) or imported == "journeyctl":
                continue
            assert not any(within(imported, f.rstrip(".")) or imported.startswith(f) for f in forbidden), (
                f"{name} imports {imported}"
            )


def test_nothing_imports_the_cli() -> None:
    offenders = [
        name for name, imports in MODULES.items() if "journeyctl.cli" in imports and name != "journeyctl.__main__"
    ]
    assert offenders == []
