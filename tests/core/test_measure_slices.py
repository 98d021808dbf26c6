"""Measuring a layer slice by slice gives every feature the number it gets measured on its own.

The reference for each feature is the same function called on that feature alone (no
slicing can be involved), and pyproj.Geod for a few of them, independently.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import CRS, Geod, Transformer

from ecomap.core import measure

X0, Y0 = 36_436_000.0, 3_897_000.0


def _parcels() -> np.ndarray:
    """Small parcels (scale-factor path), a few 30-80 km zones (exact path), a line, gaps."""
    rng = np.random.default_rng(9)
    small = [shapely.box(x, y, x + w, y + w)
             for x, y, w in zip(X0 + rng.uniform(0, 40_000, 40), Y0 + rng.uniform(0, 40_000, 40),
                                rng.uniform(5, 4_000, 40), strict=True)]
    big = [shapely.Point(X0 + 10_000 * k, Y0).buffer(15_000 + 10_000 * k, quad_segs=16) for k in range(3)]
    other = [None, shapely.LineString([(X0, Y0), (X0 + 500, Y0)]), shapely.Polygon()]
    return np.array(small[:20] + big[:1] + other + small[20:] + big[1:], dtype=object)


@pytest.mark.parametrize("epsg", [4524, 4490])
def test_areas_do_not_depend_on_slicing(monkeypatch, epsg):
    geoms = _parcels()
    crs = CRS.from_epsg(epsg)
    if epsg == 4490:
        tf = Transformer.from_crs(4524, 4490, always_xy=True)
        geoms = shapely.transform(geoms, lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))
    monkeypatch.setattr(measure, "MEASURE_SLICE", 4)
    sliced = measure.ellipsoidal_areas(geoms, crs)
    monkeypatch.setattr(measure, "MEASURE_SLICE", 1_000_000)
    whole = measure.ellipsoidal_areas(geoms, crs)
    np.testing.assert_array_equal(sliced, whole)
    assert np.isnan(sliced[21]) and sliced[22] == 0 and sliced[23] == 0
    # and they are areas on the ellipsoid: pyproj.Geod on the (densified) outline of a big zone
    geod = Geod(ellps="GRS80")
    big = shapely.segmentize(geoms[20], 1000.0 if epsg == 4524 else 0.01)
    if epsg == 4524:
        tf = Transformer.from_crs(4524, 4490, always_xy=True)
        big = shapely.transform(big, lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))
    want = abs(geod.geometry_area_perimeter(big)[0])
    assert sliced[20] == pytest.approx(want, rel=1e-6)


def test_lengths_do_not_depend_on_slicing(monkeypatch):
    geoms = _parcels()
    crs = CRS.from_epsg(4524)
    monkeypatch.setattr(measure, "MEASURE_SLICE", 3)
    sliced = measure.ellipsoidal_lengths(geoms, crs)
    monkeypatch.setattr(measure, "MEASURE_SLICE", 1_000_000)
    whole = measure.ellipsoidal_lengths(geoms, crs)
    np.testing.assert_array_equal(sliced, whole)
    assert sliced[22] == pytest.approx(500.0, rel=1e-3)  # 500 m of Gauss-Krüger easting near the meridian
