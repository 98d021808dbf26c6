"""ecomap.core (and the render job) never import QtWidgets."""

import subprocess
import sys


def test_core_render_imports_no_qtwidgets():
    code = ("import sys; import ecomap.core.render.job, ecomap.core.style, ecomap.core.map_settings, "
            "ecomap.cli.cmd_render; bad = [m for m in sys.modules if m.startswith('PySide6.QtWidgets') "
            "or m.startswith('pyqtgraph') or m.startswith('ecomap.gui')]; print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
