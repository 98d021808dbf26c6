"""The canvas renders off the GUI thread, follows wheel/keys and reports the cursor."""

from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import shapely
from PySide6.QtCore import QPoint, QPointF, Qt

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.map_settings import RenderLayer
from ecomap.core.style import default_vector_style
from ecomap.gui.canvas import MapCanvas

X0, Y0 = 36_436_000.0, 3_897_000.0


def make_layer():
    geoms = [shapely.box(X0 + i * 100, Y0, X0 + i * 100 + 90, Y0 + 500) for i in range(10)]
    frame = gpd.GeoDataFrame({"n": range(10)}, geometry=geoms, crs="EPSG:4524")
    return VectorLayer("t", frame, DataSource(Path("m.gpkg")), CrsInfo(declared_epsg=4524))


def drawn_canvas(qtbot) -> MapCanvas:
    """A 300 x 200 canvas showing the test parcels, its first frame drawn."""
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.show()
    with qtbot.waitSignal(canvas.renderFinished, timeout=10000):
        canvas.set_layers([RenderLayer(make_layer(), default_vector_style())])
    return canvas


def test_canvas_renders_and_navigates(qtbot):
    canvas = drawn_canvas(qtbot)
    frame = canvas.grab_frame()
    assert frame is not None and frame.width() == 300
    colors = [frame.pixelColor(x, y) for x in range(0, 300, 3) for y in range(0, 200, 3)]
    greens = sum(1 for c in colors if c.green() > c.red() + 40)
    assert greens > 300  # the parcels are drawn (default style: green)
    scale = canvas.scale()
    with qtbot.waitSignal(canvas.scaleChanged, timeout=20000):
        qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert math.isclose(canvas.scale(), scale / 2, rel_tol=1e-6)
    ext = canvas.extent()
    with qtbot.waitSignal(canvas.extentChanged, timeout=20000):
        qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.extent()[0] > ext[0]
    with qtbot.waitSignal(canvas.cursorMoved, timeout=20000) as blocker:
        qtbot.mouseMove(canvas, QPoint(150, 100))
    x, _y, lon, lat = blocker.args
    assert X0 < x < X0 + 1000 and 106 < lon < 108 and 35 < lat < 36
    canvas.wait_for_render(10)


def test_wheel_zoom_keeps_point_under_cursor(qtbot):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.set_layers([RenderLayer(make_layer(), default_vector_style())])
    before = canvas.settings().pixel_to_map(60, 50)
    canvas.zoom_by(1.25, QPointF(60, 50))
    after = canvas.settings().pixel_to_map(60, 50)
    assert math.isclose(before[0], after[0], abs_tol=1e-6) and math.isclose(before[1], after[1], abs_tol=1e-6)
    canvas.wait_for_render(10)


def test_a_newer_render_cancels_the_older_and_only_the_newest_frame_is_shown(qtbot):
    canvas = MapCanvas()
    qtbot.addWidget(canvas)
    canvas.resize(300, 200)
    canvas.show()
    canvas.set_layers([RenderLayer(make_layer(), default_vector_style())])
    canvas.wait_for_render(10)
    qtbot.waitUntil(lambda: canvas._job.delivered, timeout=10000)
    finished = []
    canvas.renderFinished.connect(finished.append)
    canvas.zoom_by(2.0)
    canvas._start_job()  # what the debounce timer does
    older = canvas._job
    canvas.zoom_by(2.0)
    canvas._start_job()
    newer = canvas._job
    assert older is not newer and older.is_cancelled() and not newer.is_cancelled()
    assert not older.visible  # a redraw is not announced in the task indicator
    qtbot.waitUntil(lambda: older.delivered and newer.delivered, timeout=10000)
    assert len(finished) == 1 and canvas._frame_settings is newer.settings
    assert canvas.grab_frame() is newer.image() and older.image() is None


def test_a_single_change_renders_at_once_and_a_burst_renders_once(qtbot, monkeypatch):
    from ecomap.gui import canvas as canvas_module

    canvas = drawn_canvas(qtbot)
    starts = []
    canvas.renderStarted.connect(lambda: starts.append(1))
    monkeypatch.setattr(canvas_module, "REFRESH_DELAY_MS", 10_000)  # a burst's wait that cannot pass unseen
    canvas._last_refresh = float("-inf")  # after a quiet moment
    canvas.zoom_by(1.25, QPointF(150, 100))
    qtbot.waitUntil(lambda: starts == [1], timeout=5000)  # no waiting for the burst delay
    for _ in range(5):  # wheel steps in a burst: they wait for the burst to be over
        canvas.zoom_by(1.25, QPointF(150, 100))
    qtbot.wait(300)
    assert starts == [1]
    assert canvas._timer.isActive() and canvas._timer.interval() == 10_000
