"""Z and M: kept by every format that holds them, dropped with a note where a format cannot."""

from __future__ import annotations

import json
import zipfile

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest
import shapely

from ecomap.io.export import export_layer
from ecomap.io.registry import open_path
from tests.core.layout_fixtures import CX, CY, layer

LINE_ZM = "tests/data/real/pyogrio/line_zm.gpkg"


def zm_lines() -> gpd.GeoDataFrame:
    lines = [shapely.from_wkt(f"LINESTRING ZM ({CX} {CY} 1200.5 0, {CX + 100} {CY + 50} 1210.25 111.8)"),
             shapely.from_wkt(f"LINESTRING ZM ({CX - 80} {CY} 1190 0, {CX - 80} {CY + 90} 1195.75 90)")]
    return gpd.GeoDataFrame({"名称": ["巡护线一", "巡护线二"]}, geometry=lines, crs="EPSG:4524")


def z_polygons() -> gpd.GeoDataFrame:
    ring = [(CX, CY, 1000.0), (CX + 100, CY, 1001.0), (CX + 100, CY + 100, 1002.0), (CX, CY + 100, 1003.0)]
    return gpd.GeoDataFrame({"地块名称": ["高程地块"]}, geometry=[shapely.Polygon(ring)], crs="EPSG:4524")


def z_points() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"MC": ["水井"]}, geometry=[shapely.Point(CX, CY, 1234.5)], crs="EPSG:4524")


def read_zm(path, **kwargs) -> gpd.GeoDataFrame:
    return pyogrio.read_dataframe(path, use_arrow=True, **kwargs)


@pytest.mark.parametrize("ext", ["gpkg", "shp"])
def test_geopackage_and_shapefile_keep_z_and_m(tmp_path, ext):
    result = export_layer(layer(zm_lines(), "巡护"), tmp_path / f"l.{ext}")
    back = read_zm(tmp_path / f"l.{ext}")
    assert shapely.has_z(back.geometry.values).all() and shapely.has_m(back.geometry.values).all()
    np.testing.assert_allclose(shapely.get_coordinates(back.geometry.values, include_z=True, include_m=True),
                               shapely.get_coordinates(zm_lines().geometry.values, include_z=True, include_m=True))
    assert back["名称"].tolist() == ["巡护线一", "巡护线二"]
    assert not any("left out" in n for n in result.notes)


def test_geojson_keeps_z_and_says_m_was_left_out(tmp_path):
    result = export_layer(layer(zm_lines(), "巡护"), tmp_path / "l.geojson", crs=4524)
    coords = json.loads((tmp_path / "l.geojson").read_text(encoding="utf-8"))["features"][0]["geometry"]["coordinates"]
    assert [round(c[2], 2) for c in coords] == [1200.5, 1210.25]  # the Z, not the M
    assert len(coords[0]) == 3
    assert any("M values were left out" in n for n in result.notes)


@pytest.mark.parametrize("ext", ["kml", "kmz"])
def test_kml_keeps_z(tmp_path, ext):
    result = export_layer(layer(zm_lines(), "巡护"), tmp_path / f"l.{ext}")
    if ext == "kml":
        text = (tmp_path / "l.kml").read_text(encoding="utf-8")
    else:
        text = zipfile.ZipFile(tmp_path / "l.kmz").read("doc.kml").decode("utf-8")
    assert ",1200.500 " in text and ",1210.250<" in text
    assert any("M values were left out" in n for n in result.notes)
    (back,) = open_path(tmp_path / f"l.{ext}")
    assert shapely.has_z(back.geometry).all()


def test_csv_wkt_keeps_z_and_m(tmp_path):
    result = export_layer(layer(zm_lines(), "巡护"), tmp_path / "l.csv")
    table = pd.read_csv(tmp_path / "l.csv", encoding="utf-8-sig")
    geoms = shapely.from_wkt(table["WKT"].to_numpy())
    assert shapely.has_z(geoms).all() and shapely.has_m(geoms).all()
    assert not any("left out" in n for n in result.notes)


@pytest.mark.parametrize("ext", ["csv", "xlsx"])
def test_xy_columns_drop_z_with_a_note(tmp_path, ext):
    result = export_layer(layer(z_points(), "水井"), tmp_path / f"p.{ext}")
    if ext == "csv":
        header = (tmp_path / "p.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    else:
        import openpyxl

        header = ",".join(c.value for c in openpyxl.load_workbook(tmp_path / "p.xlsx")["水井"][1])
    assert header == "MC,东坐标,北坐标"
    assert any("Z values were left out" in n for n in result.notes)


def test_parcel_txt_drops_z_with_a_note(tmp_path):
    result = export_layer(layer(z_polygons(), "地块"), tmp_path / "d.txt")
    assert any("Z values were left out" in n for n in result.notes)
    (back,) = open_path(tmp_path / "d.txt")
    assert not shapely.has_z(back.geometry).any()
    expected = shapely.force_2d(z_polygons().geometry.values)
    assert shapely.equals_exact(shapely.normalize(back.geometry), shapely.normalize(expected), tolerance=1e-3).all()


@pytest.mark.parametrize("ext", ["gpkg", "shp", "geojson"])
def test_the_measured_real_file_keeps_its_z_and_what_it_read_of_m(tmp_path, ext):
    (source,) = open_path(LINE_ZM)
    export_layer(source, tmp_path / f"zm.{ext}")
    back = read_zm(tmp_path / f"zm.{ext}")
    assert shapely.has_z(back.geometry.values).all()
    np.testing.assert_allclose(shapely.get_coordinates(back.geometry.values, include_z=True),
                               shapely.get_coordinates(read_zm(LINE_ZM).geometry.values, include_z=True), atol=1e-8)
    read_m = bool(shapely.has_m(source.geometry).any())  # whether EcoMap's reader kept the file's M
    assert bool(shapely.has_m(back.geometry.values).any()) == (read_m and ext != "geojson")


def test_the_measured_real_file_keeps_its_z_in_kml(tmp_path):
    (source,) = open_path(LINE_ZM)
    export_layer(source, tmp_path / "zm.kml")
    text = (tmp_path / "zm.kml").read_text(encoding="utf-8")
    assert "<coordinates>-123.210798458,48.986149864,0.000 -95.035295658,49.014763831,0.000</coordinates>" in text


def test_reprojecting_a_measured_layer_keeps_z_and_says_m_was_left_out(tmp_path):
    result = export_layer(layer(zm_lines(), "巡护"), tmp_path / "l.gpkg", crs=4490)
    back = read_zm(tmp_path / "l.gpkg")
    assert not shapely.has_m(back.geometry.values).any()
    np.testing.assert_allclose(shapely.get_coordinates(back.geometry.values, include_z=True)[:, 2],
                               [1200.5, 1210.25, 1190, 1195.75])
    assert any("M values were left out" in n for n in result.notes)
