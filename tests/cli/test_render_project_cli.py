"""``ecomap render`` on damaged projects: notes and warnings name what was left out, never a crash."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from PySide6.QtGui import QImage

from ecomap.cli.main import main

X0, Y0 = 36_436_000.0, 3_897_000.0
ROOT = Path(__file__).parents[2]
SYM = {"fill": "#ff0000ff", "stroke": None}


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "county.gpkg"
    gpd.GeoDataFrame({"KIND": ["a", "b"]}, geometry=[shapely.box(X0, Y0, X0 + 100, Y0 + 100),
                                                     shapely.box(X0 + 100, Y0, X0 + 200, Y0 + 100)],
                     crs="EPSG:4524").to_file(path, layer="zones", engine="pyogrio")
    return path


def _project(tmp_path, layers, **extra) -> Path:
    path = tmp_path / "p.ecomap"
    path.write_text(json.dumps({"format": "ecomap-project", "version": 1, "crs": "EPSG:4524",
                                "extent": [X0, Y0, X0 + 200, Y0 + 100], "layers": layers, **extra},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _render(project: Path, out: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "ECOMAP_LANG": "en", "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
    return subprocess.run([sys.executable, "-m", "ecomap.cli", "render", str(project), "--out", str(out),
                           "--size", "120x60", "--repeat", "0"], check=False, capture_output=True, text=True,
                          env=env, timeout=300)


def test_a_damaged_project_renders_what_is_usable_and_names_the_rest(tmp_path, data):
    project = _project(tmp_path, [
        {"source": "county.gpkg", "layer": "zones", "name": "好图层", "style": {"type": "single", "symbol": SYM}},
        {"source": "county.gpkg", "layer": "zones", "name": "文本分级",
         "style": {"type": "graduated", "field": "KIND", "ranges": [{"lower": 0, "upper": 1, "symbol": SYM}]}},
        {"source": "county.gpkg", "layer": "zones", "name": "半透明",
         "style": {"type": "single", "opacity": "half", "symbol": {**SYM, "stroke_width": -1, "dash": [1e9]}}},
        {"source": "gone.gpkg", "layer": "zones", "name": "不见了"},
        {"source": 5, "name": "坏来源"},
    ], crs="not a crs")
    out = tmp_path / "out.png"
    run = _render(project, out)
    assert run.returncode == 0, run.stderr  # a signal would be negative
    lines = run.stderr.strip().splitlines()
    notes = [line for line in lines if line.startswith("note:")]
    warnings = [line for line in lines if line.startswith("warning:")]
    assert [n.split(": ")[2] for n in notes[:4]] == ["layers[2].style.opacity", "layers[2].style.symbol.stroke_width",
                                                     "layers[2].style.symbol.dash[0]", "layers[4].source"]
    assert "'not a crs' not understood" in notes[4] and len(notes) == 5
    assert len(warnings) == 2 and "“文本分级” not drawn" in warnings[1] and "holds text" in warnings[1]
    assert "“不见了” not drawn: file not found" in warnings[0]
    assert not any(line.startswith("error:") for line in lines)
    img = QImage(str(out))
    assert img.width() == 120 and img.pixelColor(30, 30).red() == 255  # the usable layers are drawn


def test_nothing_drawable_is_an_error_and_no_image(tmp_path, data):
    project = _project(tmp_path, [
        {"source": "county.gpkg", "layer": "zones", "name": "文本分级",
         "style": {"type": "graduated", "field": "KIND", "ranges": [{"lower": 0, "upper": 1, "symbol": SYM}]}}])
    out = tmp_path / "out.png"
    run = _render(project, out)
    assert run.returncode == 2, run.stderr
    assert run.stderr.startswith("error: layer “文本分级” not drawn")
    assert "nothing could be drawn" in run.stderr and not out.exists()


@pytest.mark.parametrize("text", ['{"format": "ecomap-project", "layers": [', "[]", "\x00\xff"])
def test_an_unreadable_project_is_one_error_line(tmp_path, capsys, text):
    path = tmp_path / "p.ecomap"
    path.write_text(text, encoding="latin-1")
    assert main(["render", str(path), "--out", str(tmp_path / "o.png")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "p.ecomap" in err[0]


def test_the_sample_project_renders_without_a_note(tmp_path, capsys):
    out = tmp_path / "sample.png"
    assert main(["render", str(ROOT / "sample_data" / "sample.ecomap"), "--out", str(out), "--size", "160x120",
                 "--repeat", "0"]) == 0
    assert capsys.readouterr().err == ""
    assert QImage(str(out)).width() == 160
