"""The main window with data: adding files, the map CRS, navigation, status bar, closing."""

import math

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QMessageBox

from ecomap.errors import DataError
from tests.gui.conftest import node_named, wait_loaded


def test_add_gpkg_puts_every_layer_in_the_tree_and_draws(loaded):
    w = loaded
    assert {n.name for n in w.tree.layer_nodes()} == {"parcels", "wells", "rivers"}
    assert w.map_view.crs is not None and w.map_view.crs.to_epsg() in (4527, 4490)
    frame = w.canvas.grab_frame()
    assert frame is not None and not frame.isNull()
    # the map shows something: not all pixels are the background
    img = frame.convertToFormat(frame.Format.Format_RGB32)
    colours = {img.pixel(x, y) for x in range(0, img.width(), 17) for y in range(0, img.height(), 17)}
    assert len(colours) > 2


def test_undo_removes_added_layers(loaded):
    w = loaded
    assert w.undo.canUndo()
    w.undo.undo()
    assert w.tree.layer_nodes() == []
    w.undo.redo()
    assert len(w.tree.layer_nodes()) == 3


def test_bad_file_shows_one_clear_dialog(window, qtbot, tmp_path, monkeypatch):
    bad = tmp_path / "empty.shp"
    bad.write_bytes(b"")
    shown = []
    monkeypatch.setattr(window.loader, "show_errors", lambda errors: shown.extend(errors))
    window.loader.add_paths([str(bad), str(tmp_path / "nosuch.gpkg")])
    wait_loaded(qtbot, window)
    assert len(shown) == 2 and all(isinstance(e, DataError) for e in shown)
    assert window.tree.layer_nodes() == []


def test_cancel_drops_the_result(window, qtbot, gpkg):
    task = window.loader.add_paths([str(gpkg)])
    with qtbot.waitSignal(task.cancelled, timeout=20000):
        task.cancel()
    assert task.delivered and window.loader.progress is None  # the progress dialog went with it
    assert window.tree.layer_nodes() == []


def test_missing_crs_asks_and_applies_the_answer(window, qtbot, tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "nocrs.geojson"
    path.write_text(gpd.GeoDataFrame({"a": [1]}, geometry=[shapely.box(500000, 4400000, 500100, 4400100)])
                    .to_json(), encoding="utf-8")
    # GeoJSON means WGS84 by definition; metres make EcoMap distrust it and ask
    asked = []
    window.loader.ask_crs = lambda layer: (asked.append(layer.name), 4548)[1]
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    assert asked == ["nocrs"]
    assert window.tree.layer_nodes()[0].layer.crs_info.epsg == 4548


def test_drop_files_on_the_window(window, qtbot, gpkg):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(gpkg))])
    event = QDropEvent(QPointF(100, 100), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    wait_loaded(qtbot, window)
    assert len(window.tree.layer_nodes()) == 3


def test_navigation_history_and_full_extent(loaded, qtbot):
    w = loaded

    def history_idle():
        return not w.map_view._history_timer.isActive()
    # the view settles (its extent is recorded) before the user zooms
    qtbot.waitUntil(lambda: history_idle() and w.map_view._stable is not None, timeout=30000)
    full = w.canvas.extent()
    w.canvas.zoom_by(4)
    qtbot.waitUntil(lambda: history_idle() and w.act_back.isEnabled(), timeout=30000)
    zoomed = w.canvas.extent()
    assert zoomed[2] - zoomed[0] < (full[2] - full[0]) / 3
    assert w.act_back.isEnabled()
    w.act_back.trigger()
    assert w.canvas.extent() == pytest.approx(full)
    assert w.act_forward.isEnabled()
    w.act_forward.trigger()
    assert w.canvas.extent() == pytest.approx(zoomed)
    w.act_full.trigger()
    ext = w.canvas.extent()
    assert ext[2] - ext[0] == pytest.approx(full[2] - full[0], rel=0.05)


def test_scale_box_sets_the_scale(loaded, qtbot):
    w = loaded
    w.status.scale.setEditText("1:5000")
    w.status._scale_typed()
    assert w.canvas.scale() == pytest.approx(5000, rel=1e-3)
    assert "5,000" in w.status.scale.currentText()


def test_cursor_coordinates_in_status_bar(loaded, qtbot):
    w = loaded
    w.canvas.cursorMoved.emit(39_500_000.0, 4_400_000.0, 117.0, 39.73)
    assert "39500000.00" in w.status.xy.text()
    assert "117.000000°" in w.status.lonlat.text()
    w.status.dms_button.setChecked(True)
    assert "117°00′00.0″E" in w.status.lonlat.text()
    w.canvas.cursorMoved.emit(1.0, 2.0, math.nan, math.nan)
    assert w.status.lonlat.text() == ""


def test_change_map_crs_keeps_the_view(loaded, qtbot):
    w = loaded
    before = w.canvas.extent()
    w.map_view.set_crs(4490)
    after = w.canvas.extent()
    assert 116 < after[0] < 118 and 39 < after[1] < 40
    assert w.status.crs.text() == "EPSG:4490"
    w.map_view.set_crs(4527)
    back = w.canvas.extent()
    assert back[0] == pytest.approx(before[0], abs=(before[2] - before[0]) * 0.05)


def test_close_with_unsaved_changes_asks(loaded, monkeypatch):
    w = loaded
    del w.project.maybe_save  # the real question
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[1])
        return QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", answer)
    assert not w.close()
    assert asked and w.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    assert w.close()


def test_thematic_panel_slot(window):
    from PySide6.QtWidgets import QLabel

    before = window.panels.count()
    window.add_panel(QLabel("x"), "红线")
    assert window.panels.tabText(window.panels.count() - 1) == "红线"
    assert window.panels.count() in (before, before + 1)  # the placeholder tab gives way to real panels
    assert all(window.panels.tabText(i) != "Thematic" for i in range(window.panels.count()))


def test_layer_style_change_is_undoable(loaded):
    from dataclasses import replace

    from ecomap.core.tree_commands import SetStyleCommand

    w = loaded
    node = node_named(w, "parcels")
    old = node.style
    w.undo.push(SetStyleCommand(w.tree, node, replace(old, opacity=0.5)))
    assert node.style.opacity == 0.5 and w.project.dirty
    w.undo.undo()
    assert node.style is old
