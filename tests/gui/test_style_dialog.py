"""The style dialog: every style kind, labels, scale range, raster modes; one undo step per Apply."""

import numpy as np
import pytest
import rasterio
from PySide6.QtGui import QUndoStack
from rasterio.transform import from_origin

from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.style import CategorizedStyle, GraduatedStyle, RasterStyle, SingleStyle
from ecomap.gui.style_dialog import StyleDialog
from ecomap.gui.symbol_widget import SymbolEditor
from ecomap.io.registry import open_path


@pytest.fixture
def parcels(gpkg):
    tree, undo = LayerTreeModel(), QUndoStack()
    node = tree.add_layer(open_path(gpkg, layer="parcels")[0])
    return tree, undo, node


def dialog(qtbot, tree, undo, node):
    dlg = StyleDialog(tree, undo, node)
    qtbot.addWidget(dlg)
    return dlg


def test_single_symbol_edit_and_undo(qtbot, parcels):
    tree, undo, node = parcels
    old = node.style
    dlg = dialog(qtbot, tree, undo, node)
    dlg.single.fill.set_color("#123456ff")
    dlg.single.hatch.setCurrentIndex(dlg.single.hatch.findData("diagonal"))
    dlg.single.dash.setCurrentIndex(dlg.single.dash.findData("dash"))
    dlg.single.width.setValue(0.8)
    dlg.apply()
    s = node.style
    assert isinstance(s, SingleStyle)
    assert (s.symbol.fill, s.symbol.hatch, s.symbol.dash, s.symbol.stroke_width) == ("#123456ff", "diagonal", (4, 2), 0.8)
    assert undo.count() == 1
    dlg.apply()  # nothing changed: no new step
    assert undo.count() == 1
    undo.undo()
    assert node.style is old


def test_categorized_classifies_on_switch(qtbot, parcels):
    tree, undo, node = parcels
    dlg = dialog(qtbot, tree, undo, node)
    dlg.categorized.field.setCurrentIndex(dlg.categorized.field.findData("ZT"))
    dlg.kind.setCurrentIndex(dlg.kind.findData("categorized"))
    dlg.categorized.classify()
    assert dlg.categorized.list.topLevelItemCount() == 2
    dlg.categorized.list.topLevelItem(0).setText(2, "已经治理")
    dlg.accept()
    s = node.style
    assert isinstance(s, CategorizedStyle) and s.field == "ZT"
    assert {c.value for c in s.categories} == {"未治理", "已治理"}
    assert s.categories[0].label == "已经治理"
    assert len({c.symbol.fill for c in s.categories}) == 2


def test_graduated_methods_and_ramps(qtbot, parcels):
    tree, undo, node = parcels
    dlg = dialog(qtbot, tree, undo, node)
    dlg.kind.setCurrentIndex(dlg.kind.findData("graduated"))
    g = dlg.graduated
    g.field.setCurrentIndex(g.field.findData("MJ"))
    for method in ("equal", "quantile", "jenks"):
        g.method.setCurrentIndex(g.method.findData(method))
        g.classes.setValue(4)
        g.ramp.setCurrentIndex(g.ramp.findData("Blues"))
        g.classify()
        assert g.list.topLevelItemCount() == 4
    dlg.apply()
    s = node.style
    assert isinstance(s, GraduatedStyle) and s.method == "jenks" and s.ramp == "Blues" and len(s.ranges) == 4
    values = node.layer.features["MJ"]
    assert s.ranges[0].lower == pytest.approx(values.min()) and s.ranges[-1].upper == pytest.approx(values.max())


def test_graduated_refuses_text_only_layers(qtbot, gpkg):
    tree, undo = LayerTreeModel(), QUndoStack()
    node = tree.add_layer(open_path(gpkg, layer="wells")[0])
    dlg = dialog(qtbot, tree, undo, node)
    assert dlg.graduated.field.count() == 0 and dlg.graduated.note.text()


def test_labels_and_scale_range_and_opacity(qtbot, parcels):
    tree, undo, node = parcels
    dlg = dialog(qtbot, tree, undo, node)
    dlg.labels.enabled.setChecked(True)
    dlg.labels.field.setCurrentIndex(dlg.labels.field.findData("MC"))
    dlg.labels.size.setValue(12)
    dlg.labels.halo_on.setChecked(False)
    dlg.visibility.box.setChecked(True)
    dlg.visibility.min_scale.setValue(50000)
    dlg.visibility.max_scale.setValue(500)
    dlg.visibility.opacity.setValue(40)
    dlg.apply()
    s = node.style
    assert s.labels.field == "MC" and s.labels.size == 12 and s.labels.halo is None
    assert (s.min_scale, s.max_scale) == (50000, 500)
    assert node.opacity == pytest.approx(0.4)
    assert undo.count() == 1  # style and opacity in one step
    undo.undo()
    assert node.opacity == 1.0 and node.style.labels is None


def test_point_markers(qtbot, gpkg):
    tree, undo = LayerTreeModel(), QUndoStack()
    node = tree.add_layer(open_path(gpkg, layer="wells")[0])
    dlg = dialog(qtbot, tree, undo, node)
    dlg.single.marker.setCurrentIndex(dlg.single.marker.findData("star"))
    dlg.single.size.setValue(5)
    dlg.apply()
    assert node.style.symbol.marker == "star" and node.style.symbol.size == 5


def test_symbol_editor_round_trip(qtbot):
    from ecomap.core.style import Symbol

    sym = Symbol(fill=None, stroke="#ff0000ff", stroke_width=1.5, stroke_unit="px", dash=(3, 1, 1, 1),
                 hatch="cross", marker=None, opacity=0.5)
    ed = SymbolEditor("Polygon", sym)
    qtbot.addWidget(ed)
    assert ed.symbol() == sym  # a custom dash survives


@pytest.fixture
def dem(tmp_path):
    path = tmp_path / "dem.tif"
    data = np.add.outer(np.arange(50), np.arange(60)).astype("float32")
    with rasterio.open(path, "w", driver="GTiff", width=60, height=50, count=1, dtype="float32", crs="EPSG:4527",
                       transform=from_origin(39_500_000, 4_405_000, 100, 100), nodata=-9999) as ds:
        ds.write(data, 1)
    return path


def test_raster_modes(qtbot, dem):
    tree, undo = LayerTreeModel(), QUndoStack()
    node = tree.add_layer(open_path(dem)[0])
    dlg = dialog(qtbot, tree, undo, node)
    r = dlg.raster
    assert r.mode.findData("rgb") == -1  # one band: no RGB
    r.mode.setCurrentIndex(r.mode.findData("ramp"))
    r.ramp.setCurrentIndex(r.ramp.findData("terrain"))
    r.stretch.setCurrentIndex(r.stretch.findData("percentile"))
    assert not r.pct_row.isHidden()
    r.low.setValue(5)
    r.high.setValue(95)
    dlg.apply()
    s = node.style
    assert isinstance(s, RasterStyle) and (s.mode, s.ramp, s.stretch, s.percent) == ("ramp", "terrain", "percentile",
                                                                                     (5.0, 95.0))
    r.mode.setCurrentIndex(r.mode.findData("hillshade"))
    assert r.ramp.isHidden()
    dlg.apply()
    assert node.style.mode == "hillshade"
