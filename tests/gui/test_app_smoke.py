"""Start the real application under Xvfb on a project and check the screenshot it writes.

Skipped when Xvfb is not installed. Uses sample_data/sample.ecomap when it exists,
else a small project built here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ecomap.resources import ROOT, sample_path

XVFB = shutil.which("Xvfb")


@pytest.fixture
def display():
    if XVFB is None:
        pytest.skip("Xvfb is not installed")
    for number in range(97, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            break
    else:
        pytest.skip("no free X display")
    proc = subprocess.Popen([XVFB, f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 10
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and time.time() < deadline:
        time.sleep(0.1)
    yield f":{number}"
    proc.terminate()
    proc.wait(10)


def project_file(tmp_path) -> Path:
    sample = sample_path("sample.ecomap")
    if sample.exists():
        return sample
    from ecomap.core.layer_tree import LayerTreeModel
    from ecomap.core.project import save_project
    from ecomap.core.project_bridge import tree_to_project
    from ecomap.io.registry import open_path
    from tests.gui.conftest import parcels_frame

    gpkg = tmp_path / "county.gpkg"
    parcels_frame(900).to_file(gpkg, layer="parcels")
    tree = LayerTreeModel()
    for lyr in open_path(gpkg):
        tree.add_layer(lyr)
    return save_project(tree_to_project(tree, crs="EPSG:4527"), tmp_path / "p.ecomap")


def test_app_writes_a_meaningful_screenshot(display, tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "out.png"
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", ECOMAP_LANG="zh_CN",
               ECOMAP_CONFIG_DIR=str(tmp_path / "cfg"))
    proc = subprocess.run([sys.executable, str(ROOT / "main.py"), str(project_file(tmp_path)), "--screenshot",
                           str(out)], env=env, cwd=ROOT, timeout=240, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    img = QImage(str(out))
    assert img.width() >= 800 and img.height() >= 500
    # non-trivial: many distinct colours across the window (map, toolbar, docks)
    colours = {img.pixel(x, y) for x in range(0, img.width(), 7) for y in range(0, img.height(), 7)}
    assert len(colours) > 50
    # the map area is not blank: sample its centre region
    cx, cy = img.width() // 2, img.height() // 2
    centre = {img.pixel(x, y) for x in range(cx - 150, cx + 150, 5) for y in range(cy - 100, cy + 100, 5)}
    assert len(centre) > 3
