"""CSV tables with coordinates: column names, DMS text, swapped axes, encodings, bad rows."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import shapely

from ecomap.errors import DataError
from ecomap.io import csv_points

LON = 108 + 12 / 60 + 30.5 / 3600
LAT = 37 + 5 / 60 + 10 / 3600


def write_csv(tmp_path: Path, text: str, name="points.csv", encoding="utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def read_one(path):
    layers = csv_points.read(path)
    assert len(layers) == 1
    return layers[0]


def xy(layer):
    return shapely.get_coordinates(layer.geometry[~shapely.is_missing(layer.geometry)])


def test_dms_longitude_latitude_in_every_common_spelling(tmp_path):
    text = (
        "站点,经度(°),纬度(°)\n"
        'a,108°12\'30.5"E,"N37°05\'10"""\n'
        "b,108°12′30.5″,37°05′10″\n"
        "c,108度12分30.5秒,37度5分10秒\n"
        "d,108:12:30.5,37:05:10\n"
        "e,东经108°12'30.5\",北纬37°5'10\"\n"
        "f,108.2084722,37.0861111\n"
        "g,108° 12.508333',37°5.1666667'\n"
        "h,108º12'30.5\",37˚05'10\"\n"
    )
    layer = read_one(write_csv(tmp_path, text))
    assert layer.feature_count == 8 and not layer.notes
    coords = xy(layer)
    np.testing.assert_allclose(coords[:, 0], LON, atol=1e-6)
    np.testing.assert_allclose(coords[:, 1], LAT, atol=1e-6)
    assert layer.crs_info.assumed_epsg == 4490 and layer.crs_info.declared_epsg is None
    assert "EPSG:4490" in layer.crs_info.reason
    assert layer.features["站点"].tolist() == list("abcdefgh")


def test_southern_and_western_hemispheres_are_negative(tmp_path):
    text = 'lon,lat\n"W70°30\'00""","33°27\'00""S"\n-70.5,-33.45\n70.5W,33.45S\nE 108.5,N37.5\n'
    coords = xy(read_one(write_csv(tmp_path, text)))
    np.testing.assert_allclose(coords, [[-70.5, -33.45]] * 3 + [[108.5, 37.5]])


@pytest.mark.parametrize(
    "names",
    [
        ("Longitude", "Latitude"),
        ("LNG", "lat"),
        ("long", "LAT"),
        (" 经度 ", "纬度（度）"),
        ("lon [deg]", "lat [deg]"),
    ],
)
def test_lonlat_column_names(tmp_path, names):
    layer = read_one(write_csv(tmp_path, f"{names[0]},{names[1]},v\n108.5,37.5,1\n"))
    np.testing.assert_allclose(xy(layer), [[108.5, 37.5]])
    assert layer.crs_info.assumed_epsg == 4490


def test_xy_gauss_kruger_with_x_as_northing_is_swapped(tmp_path):
    text = "点号,X,Y,高程\nJ1,2582988.976,38383243.971,12.5\nJ2,2582983.339,38383261.067,13.0\n"
    layer = read_one(write_csv(tmp_path, text))
    assert layer.crs_info.assumed_epsg == 4526
    assert layer.crs_info.swapped_axes
    np.testing.assert_allclose(
        xy(layer), [[38383243.971, 2582988.976], [38383261.067, 2582983.339]]
    )
    assert any("northing" in n and "swapped" in n for n in layer.notes)
    assert layer.features["高程"].dtype == float
    assert layer.features["X"].tolist() == [2582988.976, 2582983.339]  # the file's columns are kept


def test_easting_northing_columns_in_order_are_not_swapped(tmp_path):
    text = "E (m),N (m)\n38383243.971,2582988.976\n"
    layer = read_one(write_csv(tmp_path, text))
    assert layer.crs_info.assumed_epsg == 4526 and not layer.crs_info.swapped_axes
    np.testing.assert_allclose(xy(layer), [[38383243.971, 2582988.976]])
    assert not layer.notes


def test_latitude_and_longitude_columns_swapped(tmp_path):
    layer = read_one(write_csv(tmp_path, "经度,纬度\n37.5,108.5\n36.1,109.2\n"))
    np.testing.assert_allclose(xy(layer), [[108.5, 37.5], [109.2, 36.1]])
    assert layer.crs_info.swapped_axes and any("swapped" in n for n in layer.notes)


def test_unprefixed_projected_coordinates_have_no_assumed_crs(tmp_path):
    layer = read_one(write_csv(tmp_path, "东坐标,北坐标\n383243.971,2582988.976\n"))
    assert layer.crs_info.assumed_epsg is None and layer.crs_info.reason
    np.testing.assert_allclose(xy(layer), [[383243.971, 2582988.976]])


def test_gbk_csv_decodes_chinese(tmp_path):
    text = "名称,类型,经度,纬度\n黄河沿岸监测点,水质,110.1,37.2\n白于山站,土壤,108.9,37.4\n"
    layer = read_one(write_csv(tmp_path, text, encoding="gbk"))
    assert layer.encoding.encoding == "GBK" and layer.encoding.guessed
    assert layer.features["名称"].tolist() == ["黄河沿岸监测点", "白于山站"]
    assert layer.features["类型"].tolist() == ["水质", "土壤"]


def test_utf8_bom_csv(tmp_path):
    layer = read_one(write_csv(tmp_path, "名称,lon,lat\n站,110.1,37.2\n", encoding="utf-8-sig"))
    assert layer.encoding.method == "bom"
    assert list(layer.features.columns[:3]) == [
        "名称",
        "lon",
        "lat",
    ]  # no BOM glued to the first name


def test_bad_rows_are_kept_without_geometry_and_reported(tmp_path):
    rows = (
        ["110.1,37.2,ok"] * 3
        + ["abc,37.2,text"]
        + ["110.1,37.2,ok"]
        + [",,blank"]
        + ["110.1,95,out of range"]
        + ["110°75'00\",37.2,bad minutes"]
    )
    layer = read_one(write_csv(tmp_path, "lon,lat,note\n" + "\n".join(rows) + "\n"))
    assert layer.feature_count == 8
    missing = shapely.is_missing(layer.geometry)
    assert missing.tolist() == [False, False, False, True, False, True, True, True]
    note = [n for n in layer.notes if "unreadable" in n]
    assert len(note) == 1 and ": 4 " in note[0] and "rows 5, 7, 8, 9" in note[0]


def test_many_bad_rows_list_the_first_ones(tmp_path):
    layer = read_one(
        write_csv(tmp_path, "x,y\n" + "\n".join(["a,b"] * 30 + ["38383243.9,2582988.9"]) + "\n")
    )
    assert shapely.is_missing(layer.geometry).sum() == 30
    assert any(": 30 " in n and "rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11…" in n for n in layer.notes)


@pytest.mark.parametrize("sep", ["\t", ";", "，", "|"])
def test_delimiters_are_sniffed(tmp_path, sep):
    text = (
        sep.join(["名称", "经度", "纬度", "面积"])
        + "\n"
        + sep.join(["甲", "108.5", "37.5", "1.5"])
        + "\n"
        + sep.join(["乙", "108.6", "37.6", "2"])
        + "\n"
    )
    layer = read_one(write_csv(tmp_path, text))
    np.testing.assert_allclose(xy(layer), [[108.5, 37.5], [108.6, 37.6]])
    assert layer.features["名称"].tolist() == ["甲", "乙"]
    assert layer.metadata["delimiter"] == sep


def test_numeric_columns_are_typed_and_codes_stay_text(tmp_path):
    text = (
        "编号,地类编码,行政区划代码,面积,数量,备注,lon,lat\n"
        "1,0101,610825000000000001,1.5,3,,108.5,37.5\n"
        "2,0203,610825000000000002,2,,说明,108.6,37.6\n"
    )
    frame = read_one(write_csv(tmp_path, text)).features
    assert str(frame["编号"].dtype) == "Int64" and frame["编号"].tolist() == [1, 2]
    assert frame["地类编码"].tolist() == ["0101", "0203"]
    assert frame["行政区划代码"].tolist() == ["610825000000000001", "610825000000000002"]
    assert frame["面积"].dtype == float
    assert str(frame["数量"].dtype) == "Int64" and frame["数量"].isna().tolist() == [False, True]
    assert frame["备注"].tolist()[1] == "说明" and frame["备注"].isna().tolist()[0]


def test_title_line_above_the_header_is_skipped(tmp_path):
    text = "某县水质监测点位表\n点位,经度,纬度\nA,110.1,37.2\nB,x,37.3\n"
    layer = read_one(write_csv(tmp_path, text))
    assert layer.feature_count == 2
    assert any("rows 4" in n for n in layer.notes)  # row numbers are the file's


def test_no_coordinate_columns(tmp_path):
    with pytest.raises(DataError, match=r"no coordinate columns found.*名称, 面积"):
        csv_points.read(write_csv(tmp_path, "名称,面积\n甲,1\n"))


def test_too_many_fields_names_the_line(tmp_path):
    with pytest.raises(DataError, match=r"line 3"):
        csv_points.read(write_csv(tmp_path, "lon,lat\n108.5,37.5\n108.6,37.6,extra\n"))


def test_header_without_rows(tmp_path):
    with pytest.raises(DataError, match=r"no rows"):
        csv_points.read(write_csv(tmp_path, "lon,lat\n"))


def test_x_y_columns_in_degrees(tmp_path):
    layer = read_one(write_csv(tmp_path, "X,Y\n108.5,37.5\n"))
    assert layer.crs_info.assumed_epsg == 4490 and not layer.crs_info.swapped_axes


def test_space_separated_numbers_are_not_taken_for_dms_in_projected_columns(tmp_path):
    layer = read_one(write_csv(tmp_path, "X,Y\n2582988.976,38383243.971\n2 582 983,38 383 261\n"))
    assert shapely.is_missing(layer.geometry).tolist() == [False, True]
