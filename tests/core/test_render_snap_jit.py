"""The compiled snapping kernel gives exactly the level the numpy path builds."""

from __future__ import annotations

import numpy as np
import pytest
import shapely

from ecomap.core.render import snap_jit
from ecomap.core.render.geometry import FlatGeometry
from ecomap.core.render.lod import MIN_RECT, build_level, take_features

pytest.importorskip("numba")


def _layer(seed: int = 3) -> FlatGeometry:
    rng = np.random.default_rng(seed)
    geoms = []
    for i in range(300):
        cx, cy = rng.uniform(0, 500, 2)
        size = rng.choice([0.05, 0.4, 3.0, 25.0])
        n = int(rng.integers(3, 40))
        ang = np.sort(rng.uniform(0, 2 * np.pi, n))
        rad = size * rng.uniform(0.5, 1.0, n)
        shell = np.c_[cx + rad * np.cos(ang), cy + rad * np.sin(ang)]
        if i % 2:
            shell = shell[::-1]  # both orientations in the source
        g = shapely.Polygon(shell)
        if i % 7 == 0 and size > 1:
            g = shapely.Polygon(shell, [np.c_[cx + size * 0.2 * np.cos(ang), cy + size * 0.2 * np.sin(ang)]])
        if i % 11 == 0:
            g = shapely.MultiPolygon([g, shapely.box(cx + 30, cy, cx + 31.5, cy + 2)])
        geoms.append(g if i % 29 else None)
    return FlatGeometry.from_shapely(np.array(geoms, dtype=object))


@pytest.mark.parametrize("r", [0.1, 0.7, 2.0, 9.0])
def test_kernel_matches_numpy_level(r):
    flat = _layer()
    feats = np.random.default_rng(1).permutation(flat.feature_count)[:200]
    want = build_level(take_features(flat, feats), r, -3.0, 510.0, min_px=1.0, bbox=flat.bbox[feats])
    got = snap_jit.snap_polygons(flat, feats, flat.bbox[feats], r, -3.0, 510.0, 1.0, MIN_RECT)
    assert got is not None
    u, v, ring_starts, feat_vstart = got
    np.testing.assert_array_equal(u, want.u)
    np.testing.assert_array_equal(v, want.v)
    np.testing.assert_array_equal(ring_starts, want.ring_starts)
    np.testing.assert_array_equal(feat_vstart, want.feat_vstart)


def test_lines_use_the_numpy_path():
    flat = FlatGeometry.from_shapely(np.array([shapely.LineString([(0, 0), (5, 5)])], dtype=object))
    assert snap_jit.snap_polygons(flat, np.array([0]), flat.bbox, 1.0, 0.0, 5.0, 1.0, MIN_RECT) is None
