"""The Analysis menu and dialogs in the real main window: run off the UI thread, show, highlight, cancel."""

from __future__ import annotations

import time

import geopandas as gpd
import pytest
import shapely

X0, Y0 = 36_436_000.0, 3_897_000.0


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


@pytest.fixture
def county(tmp_path):
    path = tmp_path / "county.gpkg"
    gpd.GeoDataFrame({"HXBM": ["R1"], "HXMC": ["甲红线"], "HXLX": ["水源涵养"]},
                     geometry=[box(0, 0, 1000, 1000)], crs=4524).to_file(path, layer="redlines")
    gpd.GeoDataFrame({"XZQDM": ["1", "2"], "XZQMC": ["甲镇", "乙镇"]},
                     geometry=[box(-500, -500, 500, 1500), box(500, -500, 1500, 1500)], crs=4524).to_file(
        path, layer="townships")
    gpd.GeoDataFrame({"KSMC": ["一矿", "二矿"]}, geometry=[shapely.Point(X0 + 100, Y0 + 100),
                                                        shapely.Point(X0 + 1200, Y0 + 100)],
                     crs=4524).to_file(path, layer="mines")
    return path


@pytest.fixture
def county_window(window, qtbot, county):
    from tests.gui.conftest import wait_loaded

    window.loader.add_paths([str(county)])
    wait_loaded(qtbot, window)
    return window


def wait_runner(qtbot, dialog):
    qtbot.waitUntil(lambda: not dialog.runner.running, timeout=20000)


def test_menu_is_installed_once_before_help(window):
    from ecomap.gui.analysis_menu import install_analysis_actions

    menu = install_analysis_actions(window)
    assert install_analysis_actions(window) is menu
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles.count(menu.title()) == 1
    assert set(window.analysis_actions) == {"screening", "overlay", "proximity", "stats", "zonal"}


def test_screening_a_drawn_parcel(county_window, qtbot):
    from ecomap.gui.analysis_menu import open_dialog

    dlg = open_dialog(county_window, "screening")
    crs = county_window.map_view.crs
    dlg.set_drawn(box(900, 100, 1100, 300), crs)
    dlg.run()
    wait_runner(qtbot, dlg)
    assert dlg.result is not None and dlg.result.verdict == "不符合"
    assert "不符合" in dlg.verdict.text()
    assert dlg.overlaps_model.rowCount() == 1
    assert "analysis" in county_window.tools.overlay.highlights
    assert dlg.pdf_button.isEnabled()
    # the drawing tool: finishing a polygon screens it (inside 乙镇, 200 m from the red line)
    dlg.tool.points = [(X0 + 1200, Y0 + 1200), (X0 + 1300, Y0 + 1200), (X0 + 1300, Y0 + 1300)]
    dlg.tool.done(None)
    wait_runner(qtbot, dlg)
    assert dlg.result.verdict == "符合"
    assert "乙镇" in dlg.townships.text()
    # far outside the townships the layers cover: no verdict, and the distance says why
    dlg.set_drawn(box(250_000, 100, 250_100, 200), crs)
    dlg.run()
    wait_runner(qtbot, dlg)
    assert dlg.result.verdict == "无法判定" and "km" in dlg.verdict.text()
    dlg.close()


def test_screening_form_errors_are_shown_not_raised(county_window, qtbot, monkeypatch):
    from ecomap.gui import analysis_common
    from ecomap.gui.analysis_menu import open_dialog

    shown = []
    monkeypatch.setattr(analysis_common, "show_error", lambda parent, exc: shown.append(exc))
    dlg = open_dialog(county_window, "screening")
    dlg.rb_text.setChecked(True)
    dlg.text_edit.setPlainText("1 2\nnot numbers here")
    dlg.run()
    assert shown and not dlg.runner.running


def test_overlay_and_stats_dialogs(county_window, qtbot):
    from ecomap.gui.analysis_menu import open_dialog

    ov = open_dialog(county_window, "overlay")
    ov.layer_a.setCurrentIndex(ov.layer_a.findText("mines"))
    ov.layer_b.setCurrentIndex(ov.layer_b.findText("redlines"))
    ov.run()
    wait_runner(qtbot, ov)
    assert ov.pairs_model.rowCount() == 1
    st = open_dialog(county_window, "stats")
    st.units.setCurrentIndex(st.units.findText("townships"))
    st.run()
    wait_runner(qtbot, st)
    assert st.model.rowCount() == 2
    assert st.chart_layer.count() >= 1


def test_runner_cancel_stops_a_running_analysis(qtbot):
    from ecomap.gui.analysis_common import AnalysisRunner

    runner = AnalysisRunner()
    ran = []

    def slow(feedback):
        for i in range(500):
            feedback.check()
            feedback.set_progress(i / 500)
            ran.append(i)
            time.sleep(0.002)
        return "done"

    finished = []
    runner.finished.connect(finished.append)
    with qtbot.waitSignal(runner.cancelled, timeout=30000):
        runner.start(slow)
        qtbot.waitUntil(lambda: len(ran) > 5, timeout=30000)
        runner.cancel()
    assert not finished and len(ran) < 500 and not runner.running


def test_run_panel_shows_what_is_done_and_a_busy_bar_when_the_amount_is_unknown(qtbot):
    import threading

    from ecomap.core.feedback import UNKNOWN
    from ecomap.gui.analysis_common import AnalysisRunner, RunPanel

    runner = AnalysisRunner()
    panel = RunPanel(runner)
    qtbot.addWidget(panel)
    gate, reported = threading.Event(), threading.Event()

    def reading(feedback):
        feedback.set_progress(UNKNOWN, "reading zones")
        reported.set()
        gate.wait(30)
        feedback.set_progress(0.5, "overlaying")
        return "done"

    try:
        task = runner.start(reading, description="Overlay")
        assert runner.running and task.description == "Overlay" and task.visible
        assert not panel.run_button.isEnabled() and panel.cancel_button.isEnabled()
        qtbot.waitUntil(lambda: panel.status.text() == "reading zones", timeout=30000)
        assert panel.bar.maximum() == 0  # busy
    finally:
        gate.set()
    with qtbot.waitSignal(runner.finished, timeout=30000):
        pass
    assert panel.status.text() == "Done" and panel.bar.maximum() == 1000 and panel.run_button.isEnabled()


def test_runner_reports_failures(qtbot):
    from ecomap.errors import DataError
    from ecomap.gui.analysis_common import AnalysisRunner

    runner = AnalysisRunner()

    def bad(feedback):
        raise DataError(None, "bad data")

    with qtbot.waitSignal(runner.failed, timeout=30000) as blocker:
        runner.start(bad)
    assert isinstance(blocker.args[0], DataError)


def test_frame_model_sorts_and_formats(qtbot):
    import pandas as pd
    from PySide6.QtCore import Qt

    from ecomap.gui.analysis_common import FrameModel

    model = FrameModel(pd.DataFrame({"name": ["b", "a"], "share": [0.5, 0.25], "verdict": ["符合", "不符合"]}))
    model.sort(0)
    assert model.data(model.index(0, 0)) == "a"
    assert model.data(model.index(0, 1)) == "25.00%"
    assert model.data(model.index(0, 2), Qt.ItemDataRole.ForegroundRole) is not None


def test_zonal_dialog_states_the_pixel_rule_and_flags_few_pixels(window, qtbot, tmp_path):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    from tests.gui.conftest import wait_loaded

    polygons = tmp_path / "projects.gpkg"
    gpd.GeoDataFrame({"XMMC": ["大", "小"]}, geometry=[box(107, 107, 392, 392), box(502, 502, 527, 527)],
                     crs=4524).to_file(polygons, layer="restoration_projects")
    ndvi = tmp_path / "ndvi.tif"
    with rasterio.open(ndvi, "w", driver="GTiff", width=100, height=100, count=1, dtype="float32",
                       crs="EPSG:4524", transform=from_origin(X0, Y0 + 1000, 10, 10), nodata=-9999) as ds:
        ds.write(np.full((100, 100), 0.4, "float32"), 1)
    window.loader.add_paths([str(polygons), str(ndvi)])
    wait_loaded(qtbot, window)
    from ecomap.gui.analysis_menu import open_dialog

    dlg = open_dialog(window, "zonal")
    dlg.polygons.refresh(prefer_theme="restoration_projects")
    dlg.rb_stats.setChecked(True)
    dlg.stats_edit.setText("count,mean")
    dlg.run()
    wait_runner(qtbot, dlg)
    assert list(dlg.table["few_pixels"]) == [False, True]  # 28 × 28 centres, and 3 × 3
    assert dlg.notes.text().count("\n") == 1 and dlg.table.attrs["pixel_rule"] == "centre"
    dlg.all_touched.setChecked(True)
    dlg.run()
    wait_runner(qtbot, dlg)
    assert dlg.table.attrs["pixel_rule"] == "all_touched" and dlg.table["count"].iloc[0] == 30 * 30
    dlg.close()
