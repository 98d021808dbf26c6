"""CRSs a format states without a WKT — a parcel TXT header's words, KML's definition — are decided
in ``resolve_crs`` like every declared one. EPSG names come from PROJ's database."""

from __future__ import annotations

import numpy as np
import pytest
from pyproj import CRS

from ecomap.io.crs_detect import HeaderCrs, resolve_crs
from ecomap.io.registry import open_path

EAST = np.array([38383000.0, 38383200.0, 38383200.0])
NORTH = np.array([2582800.0, 2582800.0, 2582950.0])
BOUNDS = (EAST.min(), NORTH.min(), EAST.max(), NORTH.max())


@pytest.mark.parametrize("datum, name", [("2000国家大地坐标系", "CGCS2000 / 3-degree Gauss-Kruger zone 38"),
                                         ("西安80坐标系", "Xian 1980 / 3-degree Gauss-Kruger zone 38"),
                                         ("1954北京坐标系", "Beijing 1954 / 3-degree Gauss-Kruger zone 38")])
def test_a_header_that_agrees_with_the_eastings_declares_its_zone(datum, name):
    info = resolve_crs(None, BOUNDS, header=HeaderCrs(datum, 3, 38), eastings=EAST)
    assert info.declared_epsg is not None and not info.is_assumed and not info.notes
    assert CRS.from_epsg(info.declared_epsg).name == name


def test_a_header_the_eastings_contradict_gives_an_assumed_code_with_notes():
    info = resolve_crs(None, BOUNDS, header=HeaderCrs("2000国家大地坐标系", 3, 39), eastings=EAST)
    assert info.declared_epsg is None
    assert CRS.from_epsg(info.assumed_epsg).name == "CGCS2000 / 3-degree Gauss-Kruger zone 38"
    assert any("39" in n and "38" in n for n in info.notes) and "38" in info.reason


def test_most_eastings_decide_the_zone():
    east = np.array([38383000.0, 38383100.0, 39383000.0])
    info = resolve_crs(None, (east.min(), 2582800.0, east.max(), 2582950.0),
                       header=HeaderCrs("2000国家大地坐标系", 3, 38), eastings=east)
    assert CRS.from_epsg(info.assumed_epsg).name == "CGCS2000 / 3-degree Gauss-Kruger zone 38"
    assert any("38, 39" in n for n in info.notes)


def test_the_parcel_reader_takes_its_crs_from_resolve_crs(tmp_path):
    ring = "\n".join(f"J{k},1,{n:.3f},{e:.3f}" for k, (e, n) in enumerate(zip(EAST, NORTH), start=1))
    path = tmp_path / "地块.txt"
    path.write_text("[属性描述]\n坐标系=西安80坐标系\n分带=3度带\n带号=38\n[地块坐标]\n"
                    f"3,,A,甲,面, , , ,@\n{ring}\n", encoding="gbk")
    (layer,) = open_path(path)
    expected = resolve_crs(None, BOUNDS, header=HeaderCrs("西安80坐标系", 3, 38), eastings=EAST)
    assert layer.crs_info == expected


def test_kml_written_lat_lon_is_wgs84_with_the_axes_exchanged(tmp_path):
    path = tmp_path / "反写.kml"
    path.write_text('<kml><Document><Placemark><name>点</name><Point><coordinates>37.2,108.1</coordinates>'
                    '</Point></Placemark></Document></kml>', encoding="utf-8")
    (layer,) = open_path(path)
    assert layer.crs_info.declared_epsg == 4326 and layer.crs_info.swapped_axes
    assert (layer.geometry[0].x, layer.geometry[0].y) == (108.1, 37.2)
    assert any("swapped" in n for n in layer.notes)
    assert resolve_crs(CRS.from_epsg(4326), (37.2, 108.1, 37.2, 108.1), format_defined=True) == layer.crs_info
