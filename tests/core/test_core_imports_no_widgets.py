"""ecomap.core (and the render job) never import QtWidgets."""

import os
import subprocess
import sys


def test_core_render_imports_no_qtwidgets():
    code = ("import sys; import ecomap.core.render.job, ecomap.core.style, ecomap.core.map_settings, "
            "ecomap.cli.cmd_render; bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets') "
            "or m.startswith('pyqtgraph') or m.startswith('ecomap.gui')]; print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_importing_the_layers_below_the_gui_makes_no_qt_application():
    """Every module of core (with the renderer), io, analysis, domain and services imports
    without making a Qt application or loading QtWidgets: the caller decides."""
    code = """
import importlib, pkgutil, sys
import ecomap
failed = []
for package in ("ecomap.core", "ecomap.core.render", "ecomap.io", "ecomap.analysis", "ecomap.domain",
                "ecomap.services"):
    pkg = importlib.import_module(package)
    for info in pkgutil.walk_packages(pkg.__path__, package + "."):
        try:
            importlib.import_module(info.name)
        except ImportError as exc:
            failed.append(f"{info.name}: {exc}")
from PySide6.QtCore import QCoreApplication
app = QCoreApplication.instance()
print(repr(failed), type(app).__name__ if app is not None else None, 'PySide6.QtWidgets' in sys.modules)
sys.exit(0 if not failed and app is None and 'PySide6.QtWidgets' not in sys.modules else 1)
"""
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False, env=env)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.split() == ["[]", "None", "False"]
