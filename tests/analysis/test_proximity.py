"""Distance queries against brute-force distances."""

import numpy as np
import pytest
import shapely
from helpers import X0, Y0, layer

from ecomap.analysis import proximity


@pytest.fixture
def farms_and_rivers():
    rng = np.random.default_rng(9)
    xy = rng.uniform(0, 5000, (200, 2))
    farms = layer("farms", [shapely.Point(X0 + x, Y0 + y) for x, y in xy], YZCMC=[f"场{i}" for i in range(200)])
    rivers = layer("rivers", [shapely.LineString([(X0, Y0 + 1000), (X0 + 5000, Y0 + 1200)]),
                              shapely.LineString([(X0 + 3000, Y0), (X0 + 3100, Y0 + 5000)])], HLMC=["甲河", "乙河"])
    return farms, rivers


def test_within_distance_finds_exactly_the_close_ones(farms_and_rivers):
    farms, rivers = farms_and_rivers
    table = proximity.within_distance(farms, rivers, 500)
    d = np.array([[shapely.distance(f, r) for r in rivers.geometry] for f in farms.geometry])
    expected = np.flatnonzero(d.min(axis=1) <= 499.9)
    assert set(expected) <= set(table["target_fid"])
    assert set(table["target_fid"]) <= set(np.flatnonzero(d.min(axis=1) <= 500.1))
    planar = d.min(axis=1)[table["target_fid"].to_numpy()]
    # ellipsoidal distance differs from the Gauss-Krüger one by the scale factor (< 1e-4 here)
    assert np.allclose(table["distance_m"], planar, rtol=2e-4)
    assert list(table["source_name"].unique()) != []
    pairs = proximity.within_distance(farms, rivers, 5000, nearest_only=False)
    assert (d <= 4999).sum() <= len(pairs) <= (d <= 5001).sum()


def test_nearest_for_every_feature(farms_and_rivers):
    farms, rivers = farms_and_rivers
    table = proximity.nearest(farms, rivers)
    assert len(table) == 200
    d = np.array([[shapely.distance(f, r) for r in rivers.geometry] for f in farms.geometry])
    assert (table["source_fid"].to_numpy() == d.argmin(axis=1)).all()


def test_buffer_in_metres_also_for_geographic_layers():
    pt = layer("pt", [shapely.Point(X0, Y0)], N=["a"])
    buf = proximity.buffer(pt, 100)
    assert buf[0].area == pytest.approx(np.pi * 100 ** 2, rel=0.01)
    geo = layer("geo", pt.features.to_crs(4490).geometry, crs="EPSG:4490", N=["a"])
    from pyproj import CRS

    from ecomap.core.measure import ellipsoidal_areas
    area = ellipsoidal_areas(proximity.buffer(geo, 100), CRS.from_epsg(4490))[0]
    assert area == pytest.approx(np.pi * 100 ** 2, rel=0.01)
    assert len(proximity.buffer(layer("two", [shapely.Point(X0, Y0), shapely.Point(X0 + 50, Y0)], N=["a", "b"]),
                                100, dissolve=True)) == 1
