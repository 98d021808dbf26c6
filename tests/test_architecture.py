"""The model layers never import widgets (style.md rule 2), checked two ways."""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODEL_PACKAGES = ["core", "io", "analysis", "domain", "cli"]
FORBIDDEN = ("PySide6.QtWidgets", "pyqtgraph", "ecomap.gui", "ecomap.app")


@pytest.mark.parametrize("package", MODEL_PACKAGES)
def test_no_widget_imports_in_model_layers(package):
    offenders = []
    for path in (ROOT / "ecomap" / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
            offenders += [f"{path.relative_to(ROOT)}:{node.lineno} {n}" for n in names if n.startswith(FORBIDDEN)]
    assert offenders == []


def test_cli_runs_without_qtwidgets_loaded():
    code = ("import sys; from ecomap.cli.main import build_parser; build_parser(); "
            "import ecomap.io.registry, ecomap.core.project; "
            "sys.exit(1 if 'PySide6.QtWidgets' in sys.modules else 0)")
    assert subprocess.run([sys.executable, "-c", code], cwd=ROOT).returncode == 0


def test_import_linter_contract():
    lint = Path(sys.executable).with_name("lint-imports")
    if not lint.exists():
        pytest.skip("import-linter not installed")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
