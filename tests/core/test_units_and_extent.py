import math

import pytest
from pyproj import CRS

from ecomap.core import units
from ecomap.core.extent import ExtentHistory, padded, transform_extent, union_extents


def test_unit_conversions():
    assert units.convert_area(666.6666667, "mu") == pytest.approx(1.0)
    assert units.convert_area(10000, "ha") == 1.0
    assert units.convert_length(1500, "km") == 1.5
    assert "亩" in units.format_area(6666.67, "mu")


def test_segment_lengths_ellipsoidal_on_gauss_kruger():
    crs = CRS.from_epsg(4527)  # CGCS2000 3° zone 39, prefixed
    pts = [(39_500_000, 4_400_000), (39_503_000, 4_404_000)]
    seg = units.segment_lengths(pts, crs)
    assert seg[0] == pytest.approx(5000, rel=2e-4)  # GK scale factor ~1 near the central meridian


def test_area_of_a_one_hectare_square():
    crs = CRS.from_epsg(4527)
    x, y = 39_500_000, 4_400_000
    area, perim = units.polygon_area_perimeter([(x, y), (x + 100, y), (x + 100, y + 100), (x, y + 100)], crs)
    assert area == pytest.approx(10000, rel=1e-3)
    assert perim == pytest.approx(400, rel=1e-3)
    assert units.convert_area(area, "mu") == pytest.approx(15, rel=1e-3)


def test_geographic_measure():
    crs = CRS.from_epsg(4490)
    seg = units.segment_lengths([(116.0, 40.0), (116.0, 41.0)], crs)
    assert seg[0] == pytest.approx(111_050, rel=2e-3)


def test_extent_helpers():
    assert union_extents([(0, 0, 1, 1), None, (2, -1, 3, 0.5)]) == (0, -1, 3, 1)
    assert padded((0, 0, 10, 10), 0.1) == (-1, -1, 11, 11)
    e = transform_extent((116, 39, 117, 40), "EPSG:4490", "EPSG:4527")
    assert 39_400_000 < e[0] < e[2] < 39_600_000 and math.isfinite(e[1])


def test_extent_history_back_and_forward():
    h = ExtentHistory()
    for e in [(0, 0, 1, 1), (0, 0, 2, 2), (0, 0, 3, 3)]:
        h.push(e)
    assert h.back() == (0, 0, 2, 2)
    assert h.back() == (0, 0, 1, 1)
    assert not h.can_back()
    assert h.forward() == (0, 0, 2, 2)
    h.push((5, 5, 6, 6))
    assert not h.can_forward()
    h.push((5, 5, 6, 6))  # same extent is not a new step
    assert h.back() == (0, 0, 2, 2)
