"""The attribute table: virtual model at 500,000 rows, filter, sort, selection sync, export."""

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from PySide6.QtCore import Qt

from ecomap.core.crs import CrsInfo
from ecomap.core.layer_tree import LayerTreeModel
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.selection import SelectionModel
from ecomap.gui.attribute_model import AttributeTableModel
from ecomap.gui.attribute_table import AttributeTable


def big_layer(n=500_000):
    rng = np.random.default_rng(1)
    frame = gpd.GeoDataFrame({
        "DLMC": rng.choice(["水田", "旱地", "有林地", "村庄", "河流水面"], n),
        "MJ": rng.uniform(10, 5000, n).round(1),
        "BSM": np.arange(n),
    }, geometry=shapely.points(rng.uniform(0, 1e4, n) + 39_500_000, rng.uniform(0, 1e4, n) + 4_400_000), crs=4527)
    return VectorLayer("三调", frame, DataSource("/tmp/big.gpkg"), CrsInfo(declared_epsg=4527),
                       field_aliases={"DLMC": "地类名称", "MJ": "面积"})


@pytest.fixture(scope="module")
def big():
    return big_layer()


def test_virtual_model_at_500k_rows(qapp, big):
    m = AttributeTableModel(big)
    assert m.rowCount() == 500_000 and m.columnCount() == 3
    assert m.headerData(0, Qt.Orientation.Horizontal) == "地类名称"
    assert m.data(m.index(499_999, 2)) == "499999"
    # sort descending by area
    m.sort(1, Qt.SortOrder.DescendingOrder)
    top = float(m.data(m.index(0, 1)))
    assert top == pytest.approx(big.features.MJ.max())
    # sort by a Chinese text column: codes of factorize(sort=True)
    m.sort(0, Qt.SortOrder.AscendingOrder)
    assert m.data(m.index(0, 0)) == min(big.features.DLMC.unique())
    # filter by expression with aliases
    m.set_filter("地类名称 = '水田' AND 面积 > 4000")
    expected = ((big.features.DLMC == "水田") & (big.features.MJ > 4000)).sum()
    assert m.rowCount() == expected
    # sorted and filtered at once
    assert all(m.data(m.index(r, 0)) == "水田" for r in range(0, m.rowCount(), max(1, m.rowCount() // 50)))
    m.set_filter("")
    assert m.rowCount() == 500_000


def test_selection_highlight_and_selected_only(qapp, big):
    m = AttributeTableModel(big)
    m.set_selection(np.arange(0, 500_000, 1000))
    assert m.data(m.index(1000, 0), Qt.ItemDataRole.BackgroundRole) is not None
    assert m.data(m.index(1001, 0), Qt.ItemDataRole.BackgroundRole) is None
    m.set_selected_only(True)
    assert m.rowCount() == 500
    assert "500 selected" in m.counts_text()


def test_nulls_are_shown_as_null(qapp):
    frame = gpd.GeoDataFrame({"a": [1.5, np.nan], "b": ["x", None]}, geometry=[None, None])
    m = AttributeTableModel(VectorLayer("t", frame, DataSource("/tmp/t.gpkg")))
    assert m.data(m.index(1, 0)) == "NULL" and m.data(m.index(1, 1)) == "NULL"
    assert m.data(m.index(1, 1), Qt.ItemDataRole.ForegroundRole) is not None
    m.sort(0, Qt.SortOrder.AscendingOrder)
    assert m.data(m.index(1, 0)) == "NULL"  # NULLs last


@pytest.fixture
def table(qtbot, gpkg):
    from ecomap.io.registry import open_path

    tree, sel = LayerTreeModel(), SelectionModel()
    node = tree.add_layer(open_path(gpkg, layer="parcels")[0])
    t = AttributeTable(node, sel)
    qtbot.addWidget(t)
    t.show()
    return t, node, sel


def test_table_and_map_selection_follow_each_other(table):
    t, node, sel = table
    t.view.selectRow(5)
    assert sel.rows(node.id).tolist() == [5]
    sel.select(node.id, [1, 2, 3])
    assert t.model.selected[[1, 2, 3]].all() and not t.view.selectionModel().hasSelection()
    assert "3 selected" in t.counts.text()


def test_filter_box_and_bad_expression(table, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    t, node, sel = table
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    t.filter.setText("ZT = '未治理'")
    t.apply_filter()
    assert t.model.rowCount() == 134
    t.select_shown()
    assert sel.count(node.id) == 134
    t.filter.setText("ZT = ")
    t.apply_filter()
    assert warned and t.model.rowCount() == 134  # the old filter stays
    t.filter.clear()
    assert t.model.rowCount() == 400


def test_export_csv_and_xlsx(qtbot, table, tmp_path):
    t, node, sel = table
    sel.select(node.id, [0, 1, 2])
    task = t.export(tmp_path / "sel.csv", selected_only=True)
    qtbot.waitUntil(lambda: task.done, timeout=20000)
    csv = pd.read_csv(tmp_path / "sel.csv", encoding="utf-8-sig")
    assert len(csv) == 3 and list(csv.columns) == ["MC", "MJ", "ZT", "DM"]
    assert (tmp_path / "sel.csv").read_bytes().startswith(b"\xef\xbb\xbf")  # BOM for Excel
    task = t.export(tmp_path / "all.xlsx")
    qtbot.waitUntil(lambda: task.done, timeout=30000)
    xl = pd.read_excel(tmp_path / "all.xlsx")
    assert len(xl) == 400 and xl.iloc[0]["MC"] == "图斑0"


def test_zoom_to_selection_from_table(loaded, qtbot):
    from tests.gui.conftest import node_named

    w = loaded
    node = node_named(w, "parcels")
    table = w.layer_actions.attribute_table(node)
    w.selection.select(node.id, [0])
    before = w.canvas.extent()
    table.zoomToSelectionRequested.emit(node)
    after = w.canvas.extent()
    assert after[2] - after[0] < (before[2] - before[0]) / 5
    geom = node.layer.geometry[0]
    cx, cy = (after[0] + after[2]) / 2, (after[1] + after[3]) / 2
    assert shapely.Point(cx, cy).within(geom)
    # removing the layer closes its table
    w.layer_view.setCurrentIndex(w.layer_view.item_model.index_of(node))
    w.layer_view.remove_selected()
    assert node.id not in w.layer_actions.table_docks


def test_rows_changed_rereads_edited_values(qapp, qtbot):
    layer = big_layer(50)
    m = AttributeTableModel(layer)
    assert m.data(m.index(3, 1)) == format(layer.features["MJ"].iat[3], ".10g")
    frame = layer.features.copy(deep=False)  # edits replace the frame, as ecomap.core.editing does
    frame["MJ"] = frame["MJ"].to_numpy().copy()
    frame.loc[frame.index[3], "MJ"] = 99999.0
    layer.set_features(frame)
    with qtbot.waitSignal(m.dataChanged, timeout=1000) as blocker:
        m.rows_changed([3])
    assert blocker.args[0].row() == 3 and m.data(m.index(3, 1)) == "99999"
    # a sorted (and filtered) table re-sorts: the edited row moves to the top
    m.sort(1, Qt.SortOrder.DescendingOrder)
    m.set_filter("MJ > 0")
    frame = layer.features.copy(deep=False)
    frame["MJ"] = frame["MJ"].to_numpy().copy()
    frame.loc[frame.index[7], "MJ"] = 123456.0
    layer.set_features(frame)
    m.rows_changed([7])
    assert m.order[0] == 7 and m.data(m.index(0, 1)) == "123456"
    # rows added elsewhere: the model resets to the new frame
    layer.set_features(layer.features.iloc[:10])
    with qtbot.waitSignal(m.modelReset, timeout=1000):
        m.rows_changed()
    assert m.rowCount() == 10
