"""Scale, scale bar and north arrow are measured on the ellipsoid."""

import math

import pytest
from pyproj import Geod, Transformer

from ecomap.core.layout.mapview import MapView, fit_extent, ground_length, nice_scale, view_at_scale
from ecomap.core.layout.scalebar import choose_bar, nice_below

CM_X = 36_500_000.0  # zone 36 central meridian (108°E) in EPSG:4524
Y = 4_142_000.0


def test_ground_length_matches_a_geodesic():
    to_geo = Transformer.from_crs("EPSG:4524", "EPSG:4490", always_xy=True)
    x0, x1 = CM_X - 40_000, CM_X + 40_000
    (lon0, lon1), (lat0, lat1) = to_geo.transform([x0, x1], [Y, Y])
    _, _, d = Geod(ellps="GRS80").inv(lon0, lat0, lon1, lat1)
    assert ground_length("EPSG:4524", x0, Y, x1, Y) == pytest.approx(d, rel=1e-5)


def test_scale_is_right_in_web_mercator_too():
    # Web Mercator stretches by 1/cos(lat): map units are not ground metres
    to_merc = Transformer.from_crs("EPSG:4326", "EPSG:3857", always_xy=True)
    cx, cy = to_merc.transform(108.0, 37.4)
    view = view_at_scale((cx, cy), 50_000, "EPSG:3857", 200.0, 150.0)
    assert view.scale == pytest.approx(50_000, rel=1e-4)
    map_width = view.extent[2] - view.extent[0]
    assert map_width / (50_000 * 0.2) == pytest.approx(1 / math.cos(math.radians(37.4)), rel=2e-3)


def test_gauss_kruger_scale_near_the_central_meridian():
    view = MapView(fit_extent((CM_X - 10_000, Y - 7_500, CM_X + 10_000, Y + 7_500), 200, 150), "EPSG:4524",
                   200.0, 150.0)
    assert view.scale == pytest.approx(100_000, rel=2e-4)


def test_view_at_scale_round_trips():
    view = view_at_scale((CM_X + 60_000, Y), 25_000, "EPSG:4524", 180.0, 120.0)
    assert view.scale == pytest.approx(25_000, rel=1e-5)


@pytest.mark.parametrize("value,nice", [(48_213, 50_000), (100_000, 100_000), (101_000, 120_000), (7, 7), (173_900, 175_000)])
def test_nice_scale(value, nice):
    assert nice_scale(value) == nice


@pytest.mark.parametrize("value,nice", [(3.7, 2.5), (9.99, 5), (10, 10), (1900, 1000), (2600, 2500)])
def test_nice_below(value, nice):
    assert nice_below(value) == nice


def test_bar_is_round_and_fits():
    # 1:200 000 → 200 m per mm; 60 mm of room, 4 segments
    spec = choose_bar(200.0, 60.0, 4)
    assert spec.unit == "km"
    assert spec.segment_m == 2500
    assert spec.length_mm <= 60.0
    assert spec.labels() == ["0", "2.5", "5", "7.5", "10"]
    small = choose_bar(1.0, 50.0, 5)  # 1:1 000
    assert small.unit == "m" and small.segment_m == 10 and small.labels()[-1] == "50"


def test_true_north_turns_against_grid_north_east_of_the_meridian():
    east = MapView((CM_X + 99_000, Y - 1000, CM_X + 101_000, Y + 1000), "EPSG:4524", 100, 100)
    west = MapView((CM_X - 101_000, Y - 1000, CM_X - 99_000, Y + 1000), "EPSG:4524", 100, 100)
    to_geo = Transformer.from_crs("EPSG:4524", "EPSG:4490", always_xy=True)
    lon, lat = to_geo.transform(CM_X + 100_000, Y)
    expected = (lon - 108.0) * math.sin(math.radians(lat))  # meridian convergence, degrees
    assert east.true_north_angle() == pytest.approx(-expected, abs=0.02)
    assert west.true_north_angle() == pytest.approx(expected, abs=0.02)
    centre = MapView((CM_X - 1000, Y - 1000, CM_X + 1000, Y + 1000), "EPSG:4524", 100, 100)
    assert abs(centre.true_north_angle()) < 0.01
