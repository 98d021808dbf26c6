"""Fast ellipsoidal measures, geometry clean-up and the chunk runner."""

import threading

import numpy as np
import pytest
import shapely
from helpers import X0, Y0, box, geod_areas, random_polygons
from pyproj import CRS

from ecomap.analysis import common
from ecomap.core.feedback import Cancelled, Feedback
from ecomap.core.measure import ellipsoidal_areas


def test_areas_match_geodesic_areas_for_small_and_large_polygons():
    rng = np.random.default_rng(3)
    small = random_polygons(rng, 50, (X0, Y0, X0 + 90_000, Y0 + 40_000), 300)
    large = [box(-60_000, -30_000, 40_000, 30_000)]  # 100 km wide: the exact path
    geoms = np.array(small + large, dtype=object)
    ours = ellipsoidal_areas(geoms, CRS.from_epsg(4524))
    expected = geod_areas(geoms)
    assert np.allclose(ours, expected, rtol=2e-6)


def test_areas_in_a_geographic_crs_and_of_points():
    geo = shapely.box(106.5, 35.0, 106.51, 35.01)
    pts = shapely.Point(106.5, 35.0)
    ours = ellipsoidal_areas(np.array([geo, pts], dtype=object), CRS.from_epsg(4490))
    assert ours[1] == 0
    assert ours[0] == pytest.approx(geod_areas([geo], crs=4490)[0], rel=1e-6)


def test_polygonal_parts_drop_lines_and_points():
    a, b = shapely.box(0, 0, 1, 1), shapely.box(1, 0, 2, 1)
    touching = shapely.intersection(a, b)  # a line
    mixed = shapely.GeometryCollection([shapely.box(0, 0, 1, 1), shapely.LineString([(0, 0), (3, 3)])])
    out = common.polygonal_parts(np.array([a, touching, mixed], dtype=object))
    assert out[0].equals(a)
    assert shapely.area(out[1]) == 0
    assert out[2].area == pytest.approx(1.0)
    assert out[2].geom_type == "MultiPolygon"


def test_distance_scale_is_one_on_the_central_meridian_and_grows_away():
    crs = CRS.from_epsg(4524)  # central meridian 108°E, false easting 36 500 000
    k = common.distance_scale(np.array([[36_500_000.0, 3_900_000.0], [36_400_000.0, 3_900_000.0]]), crs)
    assert k[0] == pytest.approx(1.0, abs=1e-9)
    assert k[1] == pytest.approx(1 + 100_000 ** 2 / (2 * 6_371_000 ** 2), rel=1e-5)


def test_run_chunks_keeps_order_and_stops_on_cancel():
    fb = Feedback()
    assert common.run_chunks(lambda c: c * 2, list(range(20)), fb, threads=2) == [2 * i for i in range(20)]
    assert fb.progress == pytest.approx(1.0)
    started = []
    gate = threading.Event()

    def slow(c):
        started.append(c)
        if c == 1:
            fb2.cancel()
        gate.wait(0.01)
        return c

    fb2 = Feedback()
    with pytest.raises(Cancelled):
        common.run_chunks(slow, list(range(200)), fb2, threads=2)
    assert len(started) < 200


def test_metric_crs_for_geographic_data_is_transverse_mercator():
    crs = common.metric_crs(CRS.from_epsg(4490), (106.0, 35.0, 107.0, 36.0))
    assert crs.is_projected and common.is_metric(crs)
    assert common.metric_crs(CRS.from_epsg(4524), None) == CRS.from_epsg(4524)
