"""Map tools driven by real mouse events on the canvas: zoom box, identify, select, measure."""

import pytest
from PySide6.QtCore import QPoint, Qt

from tests.gui.conftest import X0, Y0, node_named


def px(w, x, y) -> QPoint:
    a, b = w.canvas.settings().map_to_pixel(x, y)
    return QPoint(round(a), round(b))


def drag(qtbot, widget, a: QPoint, b: QPoint, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, modifier, a)
    qtbot.mouseMove(widget, QPoint((a.x() + b.x()) // 2, (a.y() + b.y()) // 2))
    qtbot.mouseMove(widget, b)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, modifier, b)


def test_zoom_box_in_and_click_out(loaded, qtbot):
    w = loaded
    w.act_zoom_in.trigger()
    assert w.tools.tool is w.tool_zoom_in
    a, b = px(w, X0, Y0 + 500), px(w, X0 + 500, Y0)
    drag(qtbot, w.canvas, a, b)
    ext = w.canvas.extent()
    assert ext[0] <= X0 + 5 and ext[2] >= X0 + 495 and ext[2] - ext[0] < 1500
    width = ext[2] - ext[0]
    w.act_zoom_out.trigger()
    c = px(w, X0 + 250, Y0 + 250)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=c)
    ext2 = w.canvas.extent()
    assert ext2[2] - ext2[0] == pytest.approx(2 * width, rel=0.01)


def test_pan_tool_lets_the_canvas_drag(loaded, qtbot):
    w = loaded
    w.act_pan.trigger()
    before = w.canvas.extent()
    drag(qtbot, w.canvas, QPoint(300, 300), QPoint(400, 300))
    after = w.canvas.extent()
    assert after[0] < before[0]


def test_identify_click_lists_features_with_aliases_and_highlights(loaded, qtbot):
    w = loaded
    w.act_identify.trigger()
    node = node_named(w, "parcels")
    node.layer.field_aliases["MC"] = "名称"
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=px(w, X0 + 45, Y0 + 45))
    tree = w.identify_panel.tree
    assert tree.topLevelItemCount() >= 1
    top = tree.topLevelItem(0)
    assert top.text(0).startswith("parcels")
    feature = top.child(0)
    assert feature.text(0).startswith("图斑0")
    fields = {feature.child(i).text(0): feature.child(i).text(1) for i in range(feature.childCount())}
    assert fields["名称 (MC)"] == "图斑0"
    assert "identify" in w.tools.overlay.highlights
    assert w.identify_dock.isVisible()


def test_identify_finds_points_and_lines_across_crs(loaded, qtbot):
    w = loaded
    w.act_identify.trigger()
    wells = node_named(w, "wells")
    from ecomap.core.query import geometries_in_map

    p = geometries_in_map(wells.layer, [0], w.map_view.crs)[0]
    results = w.tool_handlers.identify_point(p.x, p.y, w.canvas.settings().pixel_size * 4)
    assert any(n is wells for n, _rows in results)


def test_select_rectangle_with_modifiers(loaded, qtbot):
    w = loaded
    node = node_named(w, "parcels")
    w.layer_view.set_current(node)
    w.act_select_rect.trigger()
    drag(qtbot, w.canvas, px(w, X0 - 10, Y0 + 150), px(w, X0 + 150, Y0 - 10))
    assert w.selection.count(node.id) == 4  # 2×2 parcels of 90 m on a 100 m grid
    assert "sel:" + node.id in w.tools.overlay.highlights
    drag(qtbot, w.canvas, px(w, X0 + 190, Y0 + 50), px(w, X0 + 250, Y0 - 10), Qt.KeyboardModifier.ShiftModifier)
    assert w.selection.count(node.id) == 5
    drag(qtbot, w.canvas, px(w, X0 - 10, Y0 + 50), px(w, X0 + 50, Y0 - 10), Qt.KeyboardModifier.ControlModifier)
    assert w.selection.count(node.id) == 4
    w.act_clear_sel.trigger()
    assert w.selection.count(node.id) == 0 and "sel:" + node.id not in w.tools.overlay.highlights


def test_select_polygon(loaded, qtbot):
    w = loaded
    node = node_named(w, "parcels")
    w.layer_view.set_current(node)
    w.act_select_polygon.trigger()
    for x, y in [(X0 - 10, Y0 - 10), (X0 + 250, Y0 - 10), (X0 - 10, Y0 + 250)]:
        qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=px(w, x, y))
    qtbot.mouseClick(w.canvas, Qt.MouseButton.RightButton, pos=px(w, X0 - 10, Y0 + 250))
    # the triangle touches the parcels of the lower-left corner
    rows = set(w.selection.rows(node.id).tolist())
    assert 0 in rows and len(rows) >= 3
    assert w.tools.tool.points == []


def test_measure_distance_and_area(loaded, qtbot):
    w = loaded
    w.act_measure_line.trigger()
    assert w.measure_dock.isVisible()
    a, b = px(w, X0, Y0), px(w, X0 + 1000, Y0)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=a)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=b)
    qtbot.mouseClick(w.canvas, Qt.MouseButton.RightButton, pos=b)
    pixel = w.canvas.settings().pixel_size
    assert w.measure_panel.length_m == pytest.approx(1000, abs=3 * pixel)
    w.act_measure_area.trigger()
    for x, y in [(X0, Y0), (X0 + 1000, Y0), (X0 + 1000, Y0 + 1000), (X0, Y0 + 1000)]:
        qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=px(w, x, y))
    qtbot.keyClick(w.canvas, Qt.Key.Key_Return)
    assert w.measure_panel.area_m2 == pytest.approx(1e6, rel=0.02)
    assert "亩" in w.measure_panel.total.text()
    qtbot.keyClick(w.canvas, Qt.Key.Key_Escape)
    assert w.tools.tool.points == []


def test_measure_backspace_removes_last_point(loaded, qtbot):
    w = loaded
    w.act_measure_line.trigger()
    for x in (0, 100, 200):
        qtbot.mouseClick(w.canvas, Qt.MouseButton.LeftButton, pos=px(w, X0 + x, Y0))
    qtbot.keyClick(w.canvas, Qt.Key.Key_Backspace)
    assert len(w.tools.tool.points) == 2


def test_overlay_covers_the_canvas(loaded):
    w = loaded
    assert w.tools.overlay.geometry() == w.canvas.rect()
    assert w.tools.overlay.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)


def test_big_selection_is_drawn_by_the_render_engine(window, qtbot, tmp_path):
    from ecomap.gui.map_tools import RenderedHighlight
    from tests.gui.conftest import parcels_frame, wait_loaded

    path = tmp_path / "many.gpkg"
    parcels_frame(3000).to_file(path, layer="many")
    window.loader.add_paths([str(path)])
    wait_loaded(qtbot, window)
    node = window.tree.layer_nodes()[0]
    window.selection.select(node.id, range(2500))
    hl = window.tools.overlay.highlights["sel:" + node.id]
    assert isinstance(hl, RenderedHighlight)
    qtbot.waitUntil(lambda: hl.image is not None, timeout=20000)
    img = hl.image.convertToFormat(hl.image.Format.Format_ARGB32)
    assert any(img.pixelColor(x, y).alpha() > 0 for x in range(0, img.width(), 5) for y in range(0, img.height(), 5))
    # moving the map asks for a new image once the view settles
    first = hl.image
    window.canvas.zoom_by(2)
    qtbot.waitUntil(lambda: hl.image is not first, timeout=20000)
    window.selection.clear(node.id)
    assert "sel:" + node.id not in window.tools.overlay.highlights


def test_selection_on_a_big_layer_runs_in_a_worker(loaded, qtbot, monkeypatch):
    import shapely

    from ecomap.app import tool_handlers

    w = loaded
    monkeypatch.setattr(tool_handlers, "WORKER_QUERY_FEATURES", 10)
    node = node_named(w, "parcels")
    w.layer_view.set_current(node)
    task = w.tool_handlers.select(shapely.box(X0 - 10, Y0 - 10, X0 + 150, Y0 + 150), "replace")
    assert hasattr(task, "wait")
    qtbot.waitUntil(lambda: w.selection.count(node.id) == 4, timeout=10000)
