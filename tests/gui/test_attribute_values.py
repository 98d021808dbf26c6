"""The attribute table and identify show values as the source holds them (integers as
integers, arrays and objects as compact JSON) and the features' own IDs (GeoPackage fid,
Shapefile record number). Expected values come from sqlite3 and Python's json."""

from __future__ import annotations

import json
import sqlite3

from PySide6.QtCore import Qt
from real_corpus import REAL

from ecomap.core.layer_tree import LayerTreeModel
from ecomap.gui.attribute_model import AttributeTableModel
from ecomap.gui.identify_panel import IdentifyPanel
from ecomap.io.registry import open_path
from tests.io.attribute_fixtures import datav_geojson, gpkg_with_deleted_rows, patched_shapefile

NULLS = REAL / "pyogrio" / "test_gpkg_nulls.gpkg"
VERTICAL, HORIZONTAL = Qt.Orientation.Vertical, Qt.Orientation.Horizontal


def _column(model: AttributeTableModel, name: str) -> list[str]:
    c = model.columns.index(name)
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def _headers(model: AttributeTableModel) -> list[str]:
    return [model.headerData(r, VERTICAL) for r in range(model.rowCount())]


def test_row_header_shows_geopackage_fids_and_follows_sorting(qapp, tmp_path):
    path, table = gpkg_with_deleted_rows(tmp_path)
    with sqlite3.connect(path) as con:
        stored = con.execute(f"SELECT fid, MJ FROM {table} ORDER BY fid").fetchall()
    model = AttributeTableModel(open_path(path)[0])
    assert _headers(model) == [str(fid) for fid, _ in stored] == ["2", "5", "6", "7"]
    model.sort(model.columns.index("MJ"), Qt.SortOrder.DescendingOrder)
    assert _headers(model) == [str(fid) for fid, _ in sorted(stored, key=lambda r: -r[1])]
    assert "7" in model.headerData(0, VERTICAL, Qt.ItemDataRole.ToolTipRole)


def test_row_header_shows_shapefile_record_numbers(qapp, tmp_path):
    path = patched_shapefile(tmp_path, "pts", {"MC": [b"a", b"b", b"c"]})
    model = AttributeTableModel(open_path(path)[0])
    assert _headers(model) == ["1", "2", "3"]  # records are numbered from 1; GDAL's FIDs from 0


def test_nullable_integers_show_as_integers(qapp):
    with sqlite3.connect(f"file:{NULLS}?mode=ro", uri=True) as con:
        cursor = con.execute("SELECT * FROM test_gpkg_nulls ORDER BY fid")
        names = [d[0] for d in cursor.description]
        rows = cursor.fetchall()
    model = AttributeTableModel(open_path(NULLS)[0])
    for name in ("col_int8", "col_int32", "col_int64", "col_uint64"):
        want = ["NULL" if r[names.index(name)] is None else str(int(r[names.index(name)])) for r in rows]
        assert _column(model, name) == want, name
        assert model.data(model.index(0, model.columns.index(name)), Qt.ItemDataRole.TextAlignmentRole)
    assert _column(model, "col_bool") == ["NULL" if r[names.index("col_bool")] is None
                                          else str(bool(r[names.index("col_bool")])) for r in rows]
    model.sort(model.columns.index("col_int32"), Qt.SortOrder.AscendingOrder)
    assert _column(model, "col_int32") == ["1", "2", "3", "NULL"]


def test_json_properties_show_as_compact_json(qapp, tmp_path):
    path = datav_geojson(tmp_path)
    source = [f["properties"] for f in json.loads(path.read_text(encoding="utf-8"))["features"]]
    model = AttributeTableModel(open_path(path)[0])
    for name in ("parent", "center", "acroutes", "extra"):
        want = ["NULL" if p.get(name) is None else json.dumps(p[name], ensure_ascii=False, separators=(",", ":"))
                for p in source]
        assert _column(model, name) == want, name


def test_identify_titles_carry_the_source_ids(qapp, tmp_path):
    path, _ = gpkg_with_deleted_rows(tmp_path)
    tree = LayerTreeModel()
    node = tree.add_layer(open_path(path)[0])
    panel = IdentifyPanel()
    panel.show_results([(node, [1, 3])])
    top = panel.tree.topLevelItem(0)
    titles = [top.child(i).text(0) for i in range(top.childCount())]
    assert titles == ["Feature #5", "Feature #7"]
    shown_node, row = top.child(0).data(0, Qt.ItemDataRole.UserRole)
    assert shown_node is node and row == 1  # the map still gets the row to highlight


def test_identify_shows_json_and_integers_as_the_table_does(qapp, tmp_path):
    tree = LayerTreeModel()
    node = tree.add_layer(open_path(datav_geojson(tmp_path))[0])
    panel = IdentifyPanel()
    panel.show_results([(node, [0])])
    feature = panel.tree.topLevelItem(0).child(0)
    values = {feature.child(i).text(0): feature.child(i).text(1) for i in range(feature.childCount())}
    assert feature.text(0) == "清徐县  #1"
    assert values["parent"] == '{"adcode":140100}' and values["adcode"] == "140121"
    assert values["acroutes"] == "[100000,140000,140100]"
