"""Packages import only the layers below them, and the model layers never import widgets.

``app > gui | cli > services > analysis | domain > io > core``: a package imports only
packages below it, and siblings (gui and cli, analysis and domain) never import each
other. core, io, analysis, domain, services and cli never import ``PySide6.QtWidgets``
or pyqtgraph.

Checked two ways: import-linter with the contracts in pyproject.toml (which also follows
indirect imports), and :func:`violations`, which reads every import statement of every
module — inside functions too, relative ones resolved — and the literal names given to
``importlib.import_module`` and ``__import__``, which import-linter does not see.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: height of each layer; a package may import only lower ones
LAYERS = {"app": 5, "gui": 4, "cli": 4, "services": 3, "analysis": 2, "domain": 2, "io": 1, "core": 0}
WIDGET_FREE = {"core", "io", "analysis", "domain", "services", "cli"}
WIDGETS = ("PySide6.QtWidgets", "pyqtgraph")


def _module_parts(path: Path, package_dir: Path) -> tuple[list[str], list[str]]:
    """(module name parts, parts of the package its relative imports start from)."""
    parts = list(path.relative_to(package_dir.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
        return parts, parts
    return parts, parts[:-1]


def _relative(package: list[str], level: int, module: str | None) -> str:
    base = package[: len(package) - level + 1]  # level 1: the package itself
    return ".".join(base + ([module] if module else []))


def _literal_prefix(node) -> str | None:
    """The module name a call gives as a literal, or the literal start of an f-string."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr) and node.values and isinstance(node.values[0], ast.Constant):
        return str(node.values[0].value).rstrip(".")
    return None


def _is_dynamic_import(func) -> bool:
    if isinstance(func, ast.Name):
        return func.id in ("__import__", "import_module")
    return isinstance(func, ast.Attribute) and func.attr in ("import_module", "__import__")


def imported_names(tree: ast.AST, package: list[str]) -> list[tuple[int, str]]:
    """(line, absolute module name) of everything ``tree`` imports, wherever the import is."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, a.name) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = _relative(package, node.level, node.module) if node.level else (node.module or "")
            found.append((node.lineno, module))
            if "." not in module:  # ``from ecomap import gui``, ``from .. import gui``: the package is the name
                found += [(node.lineno, f"{module}.{a.name}") for a in node.names if a.name != "*"]
        elif isinstance(node, ast.Call) and _is_dynamic_import(node.func) and node.args:
            name = _literal_prefix(node.args[0])
            if name is None:
                continue
            if name.startswith("."):
                level = len(name) - len(name.lstrip("."))
                name = _relative(package, level, name.lstrip(".") or None)
            found.append((node.lineno, name))
    return found


def violations(package_dir: Path) -> list[str]:
    """Every upward, sideways or widget import in the package at ``package_dir``, one line each."""
    root = package_dir.name
    out = []
    for path in sorted(package_dir.rglob("*.py")):
        parts, package = _module_parts(path, package_dir)
        if len(parts) < 2 or parts[1] not in LAYERS:
            continue  # the shared modules at the top (errors, i18n)
        me = parts[1]
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        where = path.relative_to(package_dir.parent)
        for line, name in imported_names(tree, package):
            target = name.split(".")
            if me in WIDGET_FREE and name.startswith(WIDGETS):
                out.append(f"{where}:{line}: {me} imports widgets ({name})")
            if target[0] != root or len(target) < 2 or target[1] not in LAYERS or target[1] == me:
                continue
            if LAYERS[target[1]] >= LAYERS[me]:
                out.append(f"{where}:{line}: {me} -> {target[1]} ({name})")
    return sorted(set(out))


def _lint_imports() -> Path:
    lint = Path(sys.executable).with_name("lint-imports")
    assert lint.exists(), "import-linter is missing: pip install -e '.[test]'"
    return lint


# --------------------------------------------------------------------------- the package itself


def test_ecomap_imports_only_downward_and_no_widgets_below_gui():
    assert violations(ROOT / "ecomap") == []


def test_import_linter_contracts_are_kept():
    result = subprocess.run([str(_lint_imports()), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_cli_and_services_run_without_qtwidgets_loaded():
    code = ("import sys; from ecomap.cli.main import build_parser; build_parser(); "
            "import ecomap.io.registry, ecomap.core.project, ecomap.services.project_open, "
            "ecomap.services.workspace_open, ecomap.services.analysis_reports, ecomap.services.water_reports, "
            "ecomap.services.ledger_reports, ecomap.services.screening_report; "
            "bad = [m for m in sys.modules if m.startswith(('PySide6.QtWidgets', 'pyqtgraph'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- the checks can fail

def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def test_checker_reports_each_kind_of_violation(tmp_path):
    package = tmp_path / "ecomap"
    _write(package, {
        "__init__.py": "",
        "errors.py": "from ecomap.gui import canvas\n",  # shared modules at the top are not layered
        **{f"{layer}/__init__.py": "" for layer in LAYERS},
        "gui/canvas.py": "from PySide6.QtWidgets import QWidget\n",  # widgets are the gui's
        "analysis/common.py": "",
        "core/measure.py": "from ..gui import canvas\nfrom . import units\n",
        "core/units.py": """\
            def later():
                import importlib
                return importlib.import_module("PySide6.QtWidgets")
            """,
        "core/layout/__init__.py": """\
            import importlib

            def load(name):
                return importlib.import_module(f"ecomap.core.layout.{name}")  # same package: fine
            """,
        "io/reader.py": """\
            def read():
                from ecomap.analysis import common
                return common
            """,
        "domain/rules.py": "mod = __import__('ecomap.analysis.common')\n",
        "services/report.py": "from ..domain import rules\nfrom ecomap import io\nfrom .. import gui\n",
        "cli/main.py": "from PySide6 import QtWidgets\nfrom ecomap.services import report\n",
        "app/main.py": "from ecomap import gui, cli, services\nfrom PySide6.QtWidgets import QApplication\n",
    })
    assert violations(package) == sorted([
        "ecomap/cli/main.py:1: cli imports widgets (PySide6.QtWidgets)",
        "ecomap/core/measure.py:1: core -> gui (ecomap.gui)",
        "ecomap/core/units.py:3: core imports widgets (PySide6.QtWidgets)",
        "ecomap/domain/rules.py:1: domain -> analysis (ecomap.analysis.common)",
        "ecomap/io/reader.py:2: io -> analysis (ecomap.analysis)",
        "ecomap/services/report.py:3: services -> gui (ecomap.gui)",
    ])


def test_import_linter_fails_on_an_upward_import(tmp_path):
    """The real contracts on a copy of the real package with one upward import added."""
    shutil.copytree(ROOT / "ecomap", tmp_path / "ecomap", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    _write(tmp_path, {"ecomap/core/upward.py": "from ecomap.services import project_open\n"})
    result = subprocess.run([str(_lint_imports()), "--no-cache"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode != 0
    assert "ecomap.core.upward -> ecomap.services.project_open" in result.stdout, result.stdout + result.stderr
