"""GUI test fixtures: a private config folder, small data files, a main window with data loaded."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely

X0, Y0 = 39_500_000.0, 4_400_000.0  # CGCS2000 3° GK zone 39 (EPSG:4527), prefixed eastings


@pytest.fixture(autouse=True)
def _private_config(tmp_path, monkeypatch):
    monkeypatch.setenv("ECOMAP_CONFIG_DIR", str(tmp_path / "config"))


@pytest.fixture(autouse=True)
def message_boxes(monkeypatch):
    """Modal message boxes would block a test: record them instead (tests may assert on them)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[tuple[str, str]] = []

    def fake(kind, default):
        def show(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return default
        return show
    monkeypatch.setattr(QMessageBox, "critical", fake("critical", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "warning", fake("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information", fake("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", fake("question", QMessageBox.StandardButton.Discard))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(("exec", self.text())) or 0)
    return shown


def parcels_frame(n: int = 400, seed: int = 0) -> gpd.GeoDataFrame:
    rng = np.random.default_rng(seed)
    side = int(np.ceil(np.sqrt(n)))
    i = np.arange(n)
    x = X0 + (i % side) * 100.0
    y = Y0 + (i // side) * 100.0
    return gpd.GeoDataFrame({
        "MC": [f"图斑{k}" for k in i],
        "MJ": rng.uniform(0, 100, n).round(2),
        "ZT": np.where(i % 3 == 0, "未治理", "已治理"),
        "DM": (i % 4 + 11).astype(str),
    }, geometry=shapely.box(x, y, x + 90, y + 90), crs=4527)


@pytest.fixture
def gpkg(tmp_path):
    """county.gpkg with 'parcels' (400 polygons, EPSG:4527), 'wells' (points, lon/lat) and 'rivers' (lines)."""
    path = tmp_path / "county.gpkg"
    parcels_frame().to_file(path, layer="parcels")
    lon, lat = 117.0 + np.array([0.001, 0.01]), 39.73 + np.array([0.001, 0.01])
    gpd.GeoDataFrame({"name": ["一号井", "二号井"]}, geometry=gpd.points_from_xy(lon, lat), crs=4490).to_file(
        path, layer="wells")
    gpd.GeoDataFrame({"name": ["河"]}, geometry=[shapely.LineString([(X0, Y0 - 100), (X0 + 2000, Y0 + 2100)])],
                     crs=4527).to_file(path, layer="rivers")
    return path


def wait_loaded(qtbot, window, timeout=20000):
    """Until the loader and the project controller are idle and the canvas has drawn."""
    def idle():
        # ``done`` is set on the worker thread; ``delivered`` when the result signal is emitted on this
        # one, so its slots have run by the time the condition is checked again
        for task in (window.loader.task, window.project.load_task):
            assert task is None or task.delivered
    qtbot.waitUntil(idle, timeout=timeout)
    qtbot.wait(50)
    window.canvas.wait_for_render(60)
    qtbot.wait(20)


@pytest.fixture
def window(qtbot):
    from ecomap.app.main_window import MainWindow

    w = MainWindow()
    w.resize(1100, 760)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.project.maybe_save = lambda: True  # tests never answer the "unsaved changes" question
    yield w
    w.project.shutdown()


@pytest.fixture
def loaded(window, qtbot, gpkg):
    window.loader.add_paths([str(gpkg)])
    wait_loaded(qtbot, window)
    return window


def node_named(window, name):
    return next(n for n in window.tree.layer_nodes() if n.name == name)
