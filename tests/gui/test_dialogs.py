"""CRS, encoding, layer properties, go-to, select-by-expression and bookmark dialogs."""

import geopandas as gpd
import pytest
import shapely
from pyproj import CRS

from ecomap.core.bookmarks import BookmarkList
from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.selection import SelectionModel
from ecomap.errors import DataError
from ecomap.gui.crs_dialog import CrsDialog, search_crs, suggest_epsg
from ecomap.gui.encoding_dialog import EncodingDialog, preview_rows
from ecomap.gui.goto_dialog import GoToDialog, resolve
from ecomap.io.registry import open_path

# ------------------------------------------------------------------ CRS

def test_search_by_code_and_chinese_words():
    assert search_crs("4527")[0][0] == 4527
    names = [n for _c, n, _k in search_crs("CGCS2000 117E")]
    assert any("117E" in n for n in names)
    assert any(c == 2383 or "Xian 1980" in n for c, n, _k in search_crs("西安 117E"))


def test_suggestions_from_prefixed_gauss_kruger_coordinates():
    codes = [c for c, _why in suggest_epsg((39_500_000, 4_400_000, 39_510_000, 4_410_000))]
    assert codes[0] == 4527 and 4490 in codes
    codes = [c for c, _why in suggest_epsg((116.0, 39.0, 117.0, 40.0))]
    assert codes[:2] == [4490, 4548]  # geographic, then the 3° zone without prefix for 116.5°E
    # eastings without zone number: zones nearest to the map's longitude come first
    codes = [c for c, _why in suggest_epsg((400_000, 4_400_000, 410_000, 4_410_000), lon_hint=117.2)]
    assert codes[0] == 4548


def test_crs_dialog_picks_from_suggestions_and_search(qtbot):
    dlg = CrsDialog(bounds=(39_500_000, 4_400_000, 39_510_000, 4_410_000), reason="no .prj")
    qtbot.addWidget(dlg)
    assert dlg.selected_epsg() == 4527
    dlg.search.setText("4326")
    dlg.table.selectRow(0)
    assert dlg.selected_epsg() == 4326
    assert "4326" in dlg.chosen_label.text()


# ------------------------------------------------------------------ encoding

@pytest.fixture
def gbk_shapefile(tmp_path):
    path = tmp_path / "gbk.shp"
    gpd.GeoDataFrame({"名称": ["红线区", "水源地"]}, geometry=[shapely.Point(0, 0), shapely.Point(1, 1)],
                     crs=4527).to_file(path, encoding="GBK")
    path.with_suffix(".cpg").unlink(missing_ok=True)
    return path


def test_encoding_preview_changes_with_the_choice(qtbot, gbk_shapefile):
    _cols, rows = preview_rows(gbk_shapefile, "GBK")
    assert rows[0][0] == "红线区"
    dlg = EncodingDialog(gbk_shapefile, "UTF-8", guessed=True)
    qtbot.addWidget(dlg)
    assert dlg.table.item(0, 0) is None or dlg.table.item(0, 0).text() != "红线区"
    dlg.combo.setCurrentText("GBK")
    assert dlg.table.item(0, 0).text() == "红线区" and dlg.encoding() == "GBK"


def test_guessed_encoding_prompts_and_rereads(qtbot, gbk_shapefile, window):
    from tests.gui.conftest import wait_loaded

    seen = []

    def answer(layer):
        seen.append(layer.encoding.encoding)
        return "GB18030"
    window.loader.ask_encoding = answer
    window.loader.add_paths([str(gbk_shapefile)])
    wait_loaded(qtbot, window)
    qtbot.waitUntil(lambda: bool(window.tree.layer_nodes()), timeout=10000)
    layer = window.tree.layer_nodes()[0].layer
    assert len(seen) == 1  # no .cpg: the encoding was guessed, and the user was asked
    assert layer.encoding.encoding == "GB18030" and layer.encoding.method == "user"
    assert layer.features["名称"].tolist() == ["红线区", "水源地"]


# ------------------------------------------------------------------ properties

def test_layer_properties_shows_the_facts(qtbot, gpkg):
    from PySide6.QtWidgets import QLabel

    from ecomap.gui.layer_properties import LayerPropertiesDialog

    tree = LayerTreeModel()
    node = tree.add_layer(open_path(gpkg, layer="parcels")[0])
    dlg = LayerPropertiesDialog(node)
    qtbot.addWidget(dlg)
    texts = " ".join(lbl.text() for lbl in dlg.findChildren(QLabel))
    assert "EPSG:4527" in texts and "400" in texts and "county.gpkg" in texts
    dlg._check_validity()
    assert dlg.validity.text() == "none"
    got = []
    dlg.crsRequested.connect(got.append)
    from PySide6.QtWidgets import QPushButton

    next(b for b in dlg.findChildren(QPushButton) if b.text().startswith("Set coordinate")).click()
    assert got == [node]


# ------------------------------------------------------------------ go to

def test_goto_resolves_every_input_kind():
    gk = CRS.from_epsg(4527)
    x, y, _ = resolve("117.0, 39.73", "lonlat", gk)
    assert 39_499_000 < x < 39_501_000 and 4_390_000 < y < 4_410_000
    gx, gy, note = resolve("117.0, 39.73", "gcj02", gk)
    assert "approximate" in note and 200 < ((gx - x) ** 2 + (gy - y) ** 2) ** 0.5 < 900
    bx, _by, _ = resolve("117.0, 39.73", "bd09", gk)
    assert abs(bx - x) > 500
    # X (north) first as surveyors write it, in another CRS
    x2, y2, _ = resolve("4400000, 39500000", "xy", gk, 4527)
    assert (x2, y2) == pytest.approx((39_500_000, 4_400_000))
    x3, _y3, _ = resolve("500000 4400000", "xy", gk, 4548)
    assert x3 == pytest.approx(39_500_000, abs=1e-3)
    with pytest.raises(DataError):
        resolve("nonsense", "lonlat", gk)


def test_goto_dialog_marks_the_point(qtbot, loaded):
    w = loaded
    dlg = GoToDialog(w.map_view.crs, w)
    qtbot.addWidget(dlg)
    dlg.kind.setCurrentIndex(dlg.kind.findData("gcj02"))
    assert "approximate" in dlg.message.text()
    dlg.text.setText("abc")
    dlg.accept()
    assert dlg.result_point is None and "b00" in dlg.message.text()
    dlg.kind.setCurrentIndex(dlg.kind.findData("lonlat"))
    dlg.text.setText("117.003, 39.735")
    dlg.accept()
    w.go_to_point(*dlg.result_point, note=dlg.note)
    ext = w.canvas.extent()
    cx, cy = (ext[0] + ext[2]) / 2, (ext[1] + ext[3]) / 2
    assert (cx, cy) == pytest.approx(dlg.result_point, abs=1.0)
    assert "goto" in w.tools.overlay.highlights


# ------------------------------------------------------------------ select by expression

def test_expression_dialog_selects(qtbot, gpkg):
    from ecomap.gui.expression_dialog import ExpressionDialog

    tree, sel = LayerTreeModel(), SelectionModel()
    node = tree.add_layer(open_path(gpkg, layer="parcels")[0])
    dlg = ExpressionDialog(node, sel)
    qtbot.addWidget(dlg)
    dlg.fields.setCurrentRow(dlg.layer.attribute_columns.index("ZT"))
    assert dlg.values.count() == 2
    dlg.edit.setPlainText("ZT = '未治理' AND MJ >")
    assert dlg.test() is None and "b00" in dlg.result.text()
    dlg.edit.setPlainText("ZT = '未治理'")
    assert dlg.test() == 134
    dlg.apply()
    assert sel.count(node.id) == 134
    dlg.edit.setPlainText("MJ < 50")
    dlg.mode.setCurrentIndex(dlg.mode.findData("intersect"))
    dlg.apply()
    expected = ((node.layer.features.ZT == "未治理") & (node.layer.features.MJ < 50)).sum()
    assert sel.count(node.id) == expected


# ------------------------------------------------------------------ bookmarks

def test_bookmarks_panel(qtbot):
    from ecomap.gui.bookmarks_panel import BookmarksPanel

    bms = BookmarkList()
    panel = BookmarksPanel(bms, lambda: ((0, 0, 10, 10), "EPSG:4527"))
    qtbot.addWidget(panel)
    panel.add("矿区")
    assert panel.list.count() == 1 and bms[0].extent == (0, 0, 10, 10)
    went = []
    panel.goRequested.connect(went.append)
    panel._go(panel.list.item(0))
    assert went[0].name == "矿区"
    panel.list.item(0).setText("沉陷区")
    assert bms[0].name == "沉陷区"
    panel.list.setCurrentRow(0)
    panel.remove_selected()
    assert len(bms) == 0


def test_measure_panel_units(qtbot):
    from ecomap.gui.measure_panel import MeasurePanel

    panel = MeasurePanel(lambda: CRS.from_epsg(4527))
    qtbot.addWidget(panel)
    x, y = 39_500_000, 4_400_000
    panel.set_points([(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100)], True, True)
    assert "亩" in panel.total.text() and panel.area_m2 == pytest.approx(10000, rel=1e-3)
    panel.area_unit.setCurrentIndex(panel.area_unit.findData("ha"))
    assert panel.total.text().startswith("1.00")
    panel.set_points([(x, y), (x + 3000, y + 4000)], False, True)
    panel.length_unit.setCurrentIndex(panel.length_unit.findData("km"))
    assert panel.total.text().startswith("5.00") and panel.segments.count() == 1


def test_encoding_preview_shows_nulls_blank_not_nan(tmp_path):
    import geopandas as gpd
    import shapely

    path = tmp_path / "lakes.shp"
    gpd.GeoDataFrame({"NAME": ["呼伦湖", None], "AREA": [0.266, None]},
                     geometry=[shapely.Point(117, 49), shapely.Point(118, 49)], crs=4490
                     ).to_file(path, encoding="GBK")
    _cols, rows = preview_rows(path, "GBK")
    assert rows[0] == ("呼伦湖", "0.266")
    assert rows[1] == ("", "")
