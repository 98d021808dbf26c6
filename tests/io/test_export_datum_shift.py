"""Exports across datums: Xian 1980 / Beijing 1954 reach CGCS2000 or WGS 84 only through a named
transformation or with the user's word that the coordinates stay as they are.

Expected coordinates come from PROJ's own machinery (``+towgs84``, or PROJ's choice of
operation for the area), never from EcoMap's pipeline; the source coordinates from GDAL."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import CRS, Transformer
from pyproj.aoi import AreaOfInterest
from real_corpus import REAL

from ecomap.io.export import KEEP, DatumShiftError, datum_choice_items, export_layer
from ecomap.io.registry import open_path

PROVINCE = REAL / "cinrad_data" / "Province.shp"  # .prj: GCS_XiAn_1980
SEVEN = "24,-123,-94,0.02,-0.25,-0.13,1.1"
XIAN_ELLIPSOID = "+a=6378140 +rf=298.257"  # IAG 1975, as EPSG:4610 has it


def _coords(path):
    return shapely.get_coordinates(pyogrio.read_dataframe(path).geometry.array)


@pytest.fixture(scope="module")
def province():
    (layer,) = open_path(PROVINCE)
    assert layer.crs_info.epsg == 4610
    return layer


def test_xian_1980_to_cgcs2000_is_refused_without_a_choice(province, tmp_path):
    target = tmp_path / "省界.gpkg"
    with pytest.raises(DatumShiftError) as caught:
        export_layer(province, target, crs=4490)
    message = caught.value.user_message()
    assert "Xian 1980" in message and "China Geodetic Coordinate System 2000" in message
    assert "100 m" in message and "7-parameter" in message
    assert (caught.value.source_epsg, caught.value.target_epsg) == (4610, 4490)
    assert not target.exists()
    # a KML is WGS 84 by definition: the same question
    with pytest.raises(DatumShiftError):
        export_layer(province, tmp_path / "省界.kml")
    assert [pair for _item, pair in datum_choice_items([province], 4490, ".gpkg")] == [(4610, 4490)]
    assert datum_choice_items([province], 4610, ".gpkg") == []  # no datum crossed


def test_keeping_the_coordinates_writes_them_unchanged_and_says_so(province, tmp_path):
    target = tmp_path / "省界.gpkg"
    result = export_layer(province, target, crs=4490, datum_shift=KEEP)
    assert CRS.from_user_input(pyogrio.read_info(target)["crs"]).to_epsg() == 4490
    np.testing.assert_allclose(_coords(target), _coords(PROVINCE), atol=1e-9)
    assert any("unchanged" in n and "100 m" in n for n in result.notes)


def test_seven_parameters_move_the_coordinates_as_proj_towgs84_does(province, tmp_path):
    target = tmp_path / "省界.gpkg"
    result = export_layer(province, target, crs=4490, datum_shift=SEVEN)
    source = _coords(PROVINCE)
    proj = Transformer.from_crs(CRS.from_proj4(f"+proj=longlat {XIAN_ELLIPSOID} +towgs84={SEVEN} +no_defs"),
                                CRS.from_proj4("+proj=longlat +ellps=GRS80 +towgs84=0,0,0 +no_defs"),
                                always_xy=True)
    lon, lat = proj.transform(source[:, 0], source[:, 1])
    got = _coords(target)
    np.testing.assert_allclose(got[:, 0], lon, atol=1e-8)
    np.testing.assert_allclose(got[:, 1], lat, atol=1e-8)
    assert np.abs(got - source).max() > 1e-4  # tens of metres, not PROJ's no-op
    assert any("24, -123, -94" in n for n in result.notes)


def test_seven_parameters_that_are_not_seven_numbers_are_an_error(province, tmp_path):
    with pytest.raises(Exception) as caught:
        export_layer(province, tmp_path / "x.gpkg", crs=4490, datum_shift="24,-123")
    assert "seven numbers" in caught.value.user_message()


def test_a_published_transformation_covering_the_layer_is_applied_and_named(tmp_path):
    """Beijing 1954 in the Ordos basin: EPSG publishes Beijing 1954 → WGS 84 sets for it."""
    path = tmp_path / "鄂尔多斯.gpkg"
    gpd.GeoDataFrame({"MC": ["甲"]}, geometry=[shapely.box(108.0, 37.0, 108.1, 37.1)], crs=4214).to_file(path)
    (layer,) = open_path(path)
    target = tmp_path / "out.geojson"
    result = export_layer(layer, target)
    chosen = Transformer.from_crs(4214, 4326, always_xy=True,
                                  area_of_interest=AreaOfInterest(108.0, 37.0, 108.1, 37.1))
    source = _coords(path)
    lon, lat = chosen.transform(source[:, 0], source[:, 1])
    np.testing.assert_allclose(_coords(target), np.column_stack([lon, lat]), atol=1e-9)
    assert any("Beijing 1954 to WGS 84" in n for n in result.notes)
    # the same layer far from Ordos (Heilongjiang) has no published set: it is asked about
    far = gpd.GeoDataFrame({"MC": ["乙"]}, geometry=[shapely.box(127.0, 47.0, 127.1, 47.1)], crs=4214)
    far.to_file(tmp_path / "黑龙江.gpkg")
    (north,) = open_path(tmp_path / "黑龙江.gpkg")
    with pytest.raises(DatumShiftError):
        export_layer(north, tmp_path / "north.geojson")


def test_cgcs2000_to_wgs84_needs_no_question(tmp_path):
    path = tmp_path / "a.gpkg"
    gpd.GeoDataFrame({"MC": ["甲"]}, geometry=[shapely.box(108.0, 37.0, 108.1, 37.1)], crs=4490).to_file(path)
    (layer,) = open_path(path)
    export_layer(layer, tmp_path / "a.kml")
    assert datum_choice_items([layer], 4326, ".kml") == []


# --------------------------------------------------------------------------- parcel TXT 转换参数

XIAN_TXT = """[属性描述]
坐标系=80国家大地坐标系
几度分带=3
带号=38
转换参数={params}
[地块坐标]
4,,A,甲,面, , , ,@
J1,1,2582800.000,38383000.000
J2,1,2582800.000,38383200.000
J3,1,2582950.000,38383200.000
J1,1,2582800.000,38383000.000
"""


def test_parcel_txt_seven_parameters_become_a_named_shift_the_layer_carries(tmp_path):
    path = tmp_path / "地块.txt"
    path.write_text(XIAN_TXT.format(params=SEVEN), encoding="gbk")
    (layer,) = open_path(path)
    assert layer.crs_info.declared_epsg == 2362  # Xian 1980 3° GK zone 38, prefixed
    shift = layer.metadata["datum_shift"]
    assert (shift.source_epsg, shift.target_epsg, shift.origin) == (4610, 4490, "user")
    assert "转换参数" in shift.name and any("转换参数" in n and "not changed" in n for n in layer.notes)
    with pytest.raises(DatumShiftError) as caught:  # reading applied nothing; an export asks
        export_layer(layer, tmp_path / "out.gpkg", crs=4526)
    assert caught.value.carried is shift and shift.name in caught.value.user_message()
    target = tmp_path / "out.gpkg"
    export_layer(layer, target, crs=4526, datum_shift=shift)
    xian = CRS.from_proj4(f"+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 {XIAN_ELLIPSOID} "
                          f"+towgs84={SEVEN} +units=m +no_defs")
    cgcs = CRS.from_proj4("+proj=tmerc +lat_0=0 +lon_0=114 +k=1 +x_0=38500000 +y_0=0 +ellps=GRS80 "
                          "+towgs84=0,0,0 +units=m +no_defs")
    x, y = Transformer.from_crs(xian, cgcs, always_xy=True).transform([38383000.0], [2582800.0])
    got = _coords(target)
    assert got[0] == pytest.approx([x[0], y[0]], abs=1e-3)


def test_empty_parcel_txt_parameters_carry_nothing(tmp_path):
    path = tmp_path / "地块.txt"
    path.write_text(XIAN_TXT.format(params=",,,,,,"), encoding="gbk")
    (layer,) = open_path(path)
    assert "datum_shift" not in layer.metadata
    assert not any("转换参数" in n for n in layer.notes)


def test_a_geographic_xian_1980_layer_is_written_to_parcel_txt_on_its_own_datum(tmp_path):
    path = tmp_path / "西安80.gpkg"
    gpd.GeoDataFrame({"地块名称": ["甲"]}, geometry=[shapely.box(113.9, 23.0, 113.91, 23.01)],
                     crs=4610).to_file(path)
    (layer,) = open_path(path)
    target = tmp_path / "地块.txt"
    result = export_layer(layer, target)
    (back,) = open_path(target)
    assert CRS.from_epsg(back.crs_info.declared_epsg).name == "Xian 1980 / 3-degree Gauss-Kruger zone 38"
    corners = shapely.get_coordinates(layer.geometry)
    x, y = Transformer.from_crs(4610, back.crs_info.declared_epsg, always_xy=True).transform(*corners.T)
    got = shapely.get_coordinates(back.geometry)
    expected = np.column_stack([x, y])
    np.testing.assert_allclose(np.sort(got, axis=0), np.sort(expected, axis=0), atol=0.01)  # written to mm
    assert not any("100 m" in n for n in result.notes)
