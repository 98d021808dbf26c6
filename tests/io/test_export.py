"""Every data export read back by EcoMap's own readers: same features, attributes and CRS."""

from __future__ import annotations

import json

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

from ecomap.errors import DataError
from ecomap.io.export import ExportItem, export_layer, export_layers
from ecomap.io.registry import open_path
from ecomap.io.shapefile_writer import dbf_field_names, truncate_bytes
from tests.core.layout_fixtures import TOWN_STYLE, layer, mines_frame, rivers_frame, towns_frame


def towns(aliases=True):
    return layer(towns_frame(), "乡镇", {"XZQMC": "乡镇名称", "RK": "人口"} if aliases else None)


def same_geometry(a, b, tolerance=1e-6):
    a = np.asarray(a, dtype=object)
    b = np.asarray(b, dtype=object)
    assert len(a) == len(b)
    assert shapely.equals_exact(shapely.normalize(a), shapely.normalize(b), tolerance=tolerance).all()


def assert_same_attributes(frame, back, columns):
    for column in columns:
        got, want = back[column].tolist(), frame[column].tolist()
        assert [str(v) for v in got] == [str(v) for v in want], column


def test_geopackage_keeps_everything_and_aliases(tmp_path):
    result = export_layer(towns(), tmp_path / "out.gpkg")
    (back,) = open_path(tmp_path / "out.gpkg")
    assert back.name == "乡镇" and result.count == 4
    assert back.crs_info.epsg == 4524
    same_geometry(back.geometry, towns_frame().geometry)
    assert_same_attributes(towns_frame(), back.features, ["XZQMC", "XZQDM", "LX", "RK", "MJ"])
    assert back.field_aliases == {"XZQMC": "乡镇名称", "RK": "人口"}


def test_several_layers_in_one_geopackage_with_reprojection(tmp_path):
    items = [ExportItem(towns()), ExportItem(layer(rivers_frame(), "河流")), ExportItem(layer(mines_frame(), "矿山"))]
    export_layers(items, tmp_path / "all.gpkg", crs=4490)
    back = {lyr.name: lyr for lyr in open_path(tmp_path / "all.gpkg")}
    assert set(back) == {"乡镇", "河流", "矿山"}
    assert all(lyr.crs_info.epsg == 4490 for lyr in back.values())
    same_geometry(back["矿山"].geometry, mines_frame().to_crs(4490).geometry, tolerance=1e-9)


@pytest.mark.parametrize("encoding", ["UTF-8", "GBK"])
def test_shapefile_round_trip_with_cpg_and_short_names(tmp_path, encoding):
    frame = towns_frame()
    frame["面积公顷数值"] = frame["MJ"] / 10
    frame["面积公顷数据"] = frame["MJ"] / 100
    lyr = layer(frame, "乡镇")
    result = export_layer(lyr, tmp_path / "t.shp", encoding=encoding)
    assert sorted(p.suffix for p in result.paths) == [".cpg", ".dbf", ".prj", ".shp", ".shx"]
    cpg = (tmp_path / "t.cpg").read_text()
    assert cpg == ("936" if encoding == "GBK" else "UTF-8")
    assert (tmp_path / "t.dbf").read_bytes()[29] == (0x4D if encoding == "GBK" else 0)
    assert any("renamed" in n for n in result.notes)
    (back,) = open_path(tmp_path / "t.shp")
    assert back.encoding.encoding.upper().replace("CP936", "GBK") == encoding
    assert back.crs_info.epsg == 4524
    renamed = dbf_field_names(list(frame.columns.drop("geometry")), encoding.lower())
    assert len(set(renamed.values())) == len(renamed)
    for column, short in renamed.items():
        assert len(short.encode(encoding)) <= 10
        assert [str(v) for v in back.features[short]] == [str(v) for v in frame[column]], column
    assert back.features["XZQMC"].tolist() == ["城关镇", "石窑镇", "马家沟镇", "柳湾镇"]
    same_geometry(back.geometry, frame.geometry)


def test_gbk_shapefile_refuses_characters_gbk_lacks_and_leaves_old_files(tmp_path):
    export_layer(towns(), tmp_path / "t.shp", encoding="GBK")
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    frame = towns_frame()
    frame.loc[0, "XZQMC"] = "𠀀镇"  # outside GBK
    with pytest.raises(DataError, match="GBK|UTF-8"):
        export_layer(layer(frame, "乡镇"), tmp_path / "t.shp", encoding="GBK")
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before  # nothing half-written


def test_shapefile_refuses_mixed_geometry(tmp_path):
    mixed = gpd.GeoDataFrame({"a": [1, 2]}, geometry=[shapely.Point(0, 0), shapely.box(0, 0, 1, 1)], crs=4524)
    with pytest.raises(DataError, match="GeoPackage"):
        export_layer(layer(mixed, "m"), tmp_path / "m.shp")


def test_truncation_never_splits_a_character():
    assert truncate_bytes("面积公顷数值", "utf-8") == "面积公"
    assert truncate_bytes("面积公顷数值", "gbk") == "面积公顷数"
    names = dbf_field_names(["面积公顷数值", "面积公顷数据", "面积公顷_1"], "gbk")
    assert len({n.upper() for n in names.values()}) == 3


def test_geojson_is_wgs84_unless_asked(tmp_path):
    export_layer(towns(), tmp_path / "t.geojson")
    data = json.loads((tmp_path / "t.geojson").read_text(encoding="utf-8"))
    assert data["features"][0]["properties"]["XZQMC"] == "城关镇"
    (back,) = open_path(tmp_path / "t.geojson")
    assert back.crs_info.crs().to_epsg() == 4326
    same_geometry(back.geometry, towns_frame().to_crs(4326).geometry, tolerance=1e-9)
    export_layer(towns(), tmp_path / "gk.geojson", crs="EPSG:4524")
    (back,) = open_path(tmp_path / "gk.geojson")
    assert back.crs_info.epsg == 4524


@pytest.mark.parametrize("ext", ["kml", "kmz"])
def test_kml_with_styles_and_chinese_names(tmp_path, ext):
    from ecomap.core.style import style_from_dict

    export_layer(towns(), tmp_path / f"t.{ext}", style=style_from_dict(TOWN_STYLE), theme="townships")
    back = open_path(tmp_path / f"t.{ext}")
    assert sorted(lyr.name for lyr in back) == ["林地为主", "耕地为主", "草地为主"]  # inside a Document 乡镇
    frame = pd.concat([lyr.features for lyr in back]).sort_values("XZQDM")
    assert frame["name"].tolist() == ["城关镇", "石窑镇", "马家沟镇", "柳湾镇"]  # placemark names
    assert_same_attributes(towns_frame(), frame.reset_index(drop=True), ["XZQMC", "XZQDM", "LX", "RK"])
    assert all(lyr.crs_info.crs().to_epsg() == 4326 for lyr in back)
    same_geometry(gpd.GeoSeries(frame.geometry.values).values, towns_frame().to_crs(4326).geometry.values,
                  tolerance=1e-8)
    if ext == "kml":
        text = (tmp_path / "t.kml").read_text(encoding="utf-8")
        assert "<PolyStyle><color>ff32cd9a</color>" in text  # 草地为主 #9acd32 as aabbggrr


def test_kml_single_layer_without_split(tmp_path):
    export_layer(towns(), tmp_path / "t.kml", kml_split_categories=False)
    (back,) = open_path(tmp_path / "t.kml")
    assert back.name == "乡镇" and len(back.features) == 4


def test_csv_points_read_back_with_coordinates(tmp_path):
    result = export_layer(layer(mines_frame(), "矿山"), tmp_path / "m.csv")
    raw = (tmp_path / "m.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel opens UTF-8 as UTF-8
    header = raw.decode("utf-8-sig").splitlines()[0]
    assert header == "MC,ZT,东坐标,北坐标"
    assert any("EPSG:4524" in n for n in result.notes)
    (back,) = open_path(tmp_path / "m.csv")
    assert back.features["MC"].tolist() == ["红崖煤矿", "石窑煤矿"]
    assert back.crs_info.epsg == 4524  # assumed from the zone-prefixed eastings
    same_geometry(back.geometry, mines_frame().geometry, tolerance=1e-3)


def test_csv_polygons_as_wkt_and_lonlat_points(tmp_path):
    export_layer(towns(), tmp_path / "t.csv")
    table = pd.read_csv(tmp_path / "t.csv", encoding="utf-8-sig")
    same_geometry(shapely.from_wkt(table["WKT"].to_numpy()), towns_frame().geometry)
    export_layer(layer(mines_frame(), "矿山"), tmp_path / "ll.csv", crs=4490)
    (back,) = open_path(tmp_path / "ll.csv")
    assert back.crs_info.crs().is_geographic
    same_geometry(back.geometry, mines_frame().to_crs(4490).geometry, tolerance=1e-7)


def test_xlsx_has_chinese_headers_and_an_about_sheet(tmp_path):
    import openpyxl

    export_layer(towns(), tmp_path / "t.xlsx")
    book = openpyxl.load_workbook(tmp_path / "t.xlsx")
    assert book.sheetnames == ["乡镇", "说明"]
    sheet = book["乡镇"]
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["乡镇名称", "XZQDM"] and "人口" in header and header[-1] == "WKT"
    assert [sheet.cell(row=r, column=1).value for r in range(2, 6)] == ["城关镇", "石窑镇", "马家沟镇", "柳湾镇"]
    about = {row[1].value: row[2].value for row in book["说明"].iter_rows(min_row=2)}  # 序号, 项目, 内容
    assert about["要素数"] == "4" and "36" in about["坐标系"] and about["坐标系代码"] == "EPSG:4524"


def test_parcel_txt_round_trip_gives_the_same_rings_and_area(tmp_path):
    frame = towns_frame()
    result = export_layer(layer(frame, "乡镇"), tmp_path / "parcels.txt")
    assert result.count == 4
    text = (tmp_path / "parcels.txt").read_bytes().decode("gbk")
    assert "城关镇" in text and "带号=36" in text
    (back,) = open_path(tmp_path / "parcels.txt")
    assert back.crs_info.epsg == 4524
    same_geometry(back.geometry, frame.geometry, tolerance=1e-3)
    assert back.features["地块名称"].tolist() == ["城关镇", "石窑镇", "马家沟镇", "柳湾镇"]
    from ecomap.core.measure import ellipsoidal_areas

    np.testing.assert_allclose(back.features["地块面积"].to_numpy(),
                               ellipsoidal_areas(frame.geometry.values, frame.crs) / 10000, atol=1e-4)
    assert [len(shapely.get_rings(g)) for g in back.geometry] == [1, 2, 1, 1]  # the hole survives


def test_selection_exports_only_the_chosen_features(tmp_path):
    export_layer(towns(), tmp_path / "sel.gpkg", selection=[1, 3])
    (back,) = open_path(tmp_path / "sel.gpkg")
    assert back.features["XZQMC"].tolist() == ["石窑镇", "柳湾镇"]
    export_layer(towns(), tmp_path / "mask.gpkg", selection=np.array([True, False, False, False]))
    (back,) = open_path(tmp_path / "mask.gpkg")
    assert back.features["XZQMC"].tolist() == ["城关镇"]


def test_bad_requests_are_data_errors(tmp_path):
    with pytest.raises(DataError):
        export_layer(towns(), tmp_path / "t.docx")
    with pytest.raises(DataError):
        export_layer(towns(), tmp_path / "t.gpkg", crs="EPSG:999999")
    with pytest.raises(DataError):
        export_layers([ExportItem(towns()), ExportItem(towns())], tmp_path / "t.shp")
    with pytest.raises(DataError):
        export_layer(towns(), tmp_path / "no" / "such" / "t.gpkg")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
