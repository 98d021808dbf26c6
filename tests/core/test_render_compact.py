"""The renderer's compact copy of a layer: written slice by slice, relative float32 offsets.

Expected coordinates come from shapely (``get_coordinates``, ``bounds``) and pyproj,
not from the flat-geometry code under test.
"""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from pyproj import CRS, Transformer

from ecomap.core.render import geometry, lod, snap_jit, sources
from ecomap.core.render.geometry import FlatGeometry
from ecomap.core.render.qtpath import path_from_rings, rings_of_path

X0, Y0 = 36_436_000.0, 3_897_000.0


def _geoms(seed: int = 5, n: int = 240) -> np.ndarray:
    """Parcels from 1 m to 40 km across, some with holes, some multi-part, missing and empty ones."""
    rng = np.random.default_rng(seed)
    out = []
    for i in range(n):
        size = float(rng.choice([1.0, 30.0, 800.0, 40_000.0]))
        cx, cy = X0 + rng.uniform(0, 50_000), Y0 + rng.uniform(0, 50_000)
        k = int(rng.integers(3, 30))
        ang = np.sort(rng.uniform(0, 2 * np.pi, k))
        shell = np.c_[cx + size * np.cos(ang), cy + size * np.sin(ang)]
        g = shapely.Polygon(shell)
        if i % 5 == 0:
            g = shapely.Polygon(shell, [np.c_[cx + size * 0.1 * np.cos(ang), cy + size * 0.1 * np.sin(ang)]])
        if i % 7 == 0:
            g = shapely.MultiPolygon([g, shapely.box(cx + 2 * size, cy, cx + 3 * size, cy + size)])
        out.append(None if i % 17 == 3 else shapely.Polygon() if i % 19 == 4 else g)
    return np.array(out, dtype=object)


def _expected_xy(geoms: np.ndarray) -> np.ndarray:
    present = geoms[~shapely.is_missing(geoms)]
    return shapely.get_coordinates(present)


def test_sliced_parse_is_the_whole_parse(monkeypatch):
    geoms = _geoms()
    whole = FlatGeometry.from_shapely(geoms)
    monkeypatch.setattr(geometry, "SHAPELY_SLICE", 16)
    sliced = FlatGeometry.from_shapely(geoms)
    for name in ("xy", "ring_off", "feat_off", "ring_ext"):
        np.testing.assert_array_equal(getattr(sliced, name), getattr(whole, name))
    np.testing.assert_array_equal(sliced.xy, _expected_xy(geoms))


@pytest.mark.parametrize("slice_size", [16, 1_000])
def test_compact_keeps_coordinates_to_a_fraction_of_each_feature(monkeypatch, slice_size):
    geoms = _geoms()
    monkeypatch.setattr(geometry, "SHAPELY_SLICE", slice_size)
    flat = FlatGeometry.from_shapely(geoms, compact=True)
    assert flat.relative and flat.xy.dtype == np.float32
    plain = FlatGeometry.from_shapely(geoms)
    np.testing.assert_array_equal(flat.ring_off, plain.ring_off)
    np.testing.assert_array_equal(flat.feat_off, plain.feat_off)
    np.testing.assert_array_equal(flat.ring_ext, plain.ring_ext)
    # the boxes are exact: shapely's own
    want_box = shapely.bounds(geoms)
    np.testing.assert_array_equal(flat.bbox, want_box)
    # each vertex within 1e-7 of its feature's size
    xy = flat.absolute_xy()
    want = _expected_xy(geoms)
    size = np.repeat(np.maximum(want_box[:, 2] - want_box[:, 0], want_box[:, 3] - want_box[:, 1]),
                     flat.feature_vertex_counts())
    assert np.all(np.abs(xy - want).max(axis=1) <= 1e-7 * size)
    assert np.abs(xy - want).max() > 0  # float32 offsets: not bit-exact, or the test proves nothing


def test_points_stay_absolute():
    geoms = np.array([shapely.Point(X0 + 1.25, Y0 + 3.5), None, shapely.MultiPoint([(X0, Y0), (X0 + 9, Y0 + 1)])],
                     dtype=object)
    flat = FlatGeometry.from_shapely(geoms, compact=True)
    assert not flat.relative
    np.testing.assert_array_equal(flat.xy, [[X0 + 1.25, Y0 + 3.5], [X0, Y0], [X0 + 9, Y0 + 1]])


@pytest.mark.parametrize("r", [0.5, 30.0, 900.0])
def test_kernel_and_numpy_snap_a_compact_layer_alike(r):
    pytest.importorskip("numba")
    flat = FlatGeometry.from_shapely(_geoms(), compact=True)
    feats = np.random.default_rng(2).permutation(flat.feature_count)[:150]
    ox, oy = X0 - 50_000, Y0 + 100_000
    want = lod.build_level(lod.take_features(flat, feats), r, ox, oy, min_px=1.0, bbox=flat.bbox[feats])
    got = snap_jit.snap_polygons(flat, feats, flat.bbox[feats], r, ox, oy, 1.0, lod.MIN_RECT)
    assert got is not None
    for a, b in zip(got, (want.u, want.v, want.ring_starts, want.feat_vstart), strict=True):
        np.testing.assert_array_equal(a, b)
    # and the level is the one of the exact coordinates, to a few float32 steps of the cells
    plain = FlatGeometry.from_shapely(_geoms())
    exact = snap_jit.snap_polygons(plain, feats, plain.bbox[feats], r, ox, oy, 1.0, lod.MIN_RECT)
    assert abs(len(exact[0]) - len(got[0])) <= len(got[0]) // 1000
    if len(exact[0]) == len(got[0]):
        assert np.all(np.abs(exact[0] - got[0]) <= 4 * np.spacing(np.abs(exact[0])))


def test_slices_of_a_compact_layer_keep_their_boxes():
    flat = FlatGeometry.from_shapely(_geoms(), compact=True)
    part = lod.slice_features(flat, 10, 60)
    np.testing.assert_array_equal(part.bbox, flat.bbox[10:60])
    taken = lod.take_features(flat, np.array([59, 3, 17]))
    np.testing.assert_array_equal(taken.bbox, flat.bbox[[59, 3, 17]])
    np.testing.assert_allclose(taken.absolute_xy(), lod.take_features(FlatGeometry.from_shapely(_geoms()),
                                                                      np.array([59, 3, 17])).xy, rtol=0, atol=0.01)


def test_reprojecting_a_compact_layer():
    geoms = _geoms()
    src, dst = CRS.from_epsg(4524), CRS.from_epsg(4490)
    flat = FlatGeometry.from_shapely(geoms, compact=True)
    moved = sources.reproject_flat(flat, src, dst)
    assert moved.relative
    tf = Transformer.from_crs(src, dst, always_xy=True)
    want = np.column_stack(tf.transform(*_expected_xy(geoms).T))
    box = moved.bbox
    size = np.repeat(np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]), moved.feature_vertex_counts())
    assert np.all(np.abs(moved.absolute_xy() - want).max(axis=1) <= 2e-7 * size)
    # the boxes are those of the moved vertices
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    moved_geoms = shapely.transform(geoms[present], lambda xy: np.column_stack(tf.transform(xy[:, 0], xy[:, 1])))
    np.testing.assert_allclose(box[present], shapely.bounds(moved_geoms), rtol=0, atol=1e-7)
    assert np.isnan(box[~present]).all()


def test_a_path_gives_back_the_vertices_it_was_made_of():
    rng = np.random.default_rng(4)
    u = rng.uniform(-5000, 5000, 5000).astype(np.float32)
    v = rng.uniform(0, 3000, 5000).astype(np.float32)
    starts = np.concatenate([[0], np.sort(rng.choice(np.arange(1, 5000), 400, replace=False))])
    x, y, s = rings_of_path(path_from_rings(u, v, starts))
    np.testing.assert_array_equal(x, u)
    np.testing.assert_array_equal(y, v)
    np.testing.assert_array_equal(s, starts)


def test_a_layer_drawn_in_another_crs_is_read_there_directly():
    from tests.core.render_helpers import vector_layer

    geoms = _geoms()
    layer = vector_layer(list(geoms))
    dst = CRS.from_epsg(4490)
    prep = sources.prepared(layer, dst)
    assert layer not in sources._flat_cache  # no copy in the layer's own CRS was made on the way
    assert prep.flat.relative
    tf = Transformer.from_crs(4524, 4490, always_xy=True)
    want = np.column_stack(tf.transform(*_expected_xy(geoms).T))
    box = prep.bbox
    size = np.repeat(np.maximum(box[:, 2] - box[:, 0], box[:, 3] - box[:, 1]), prep.flat.feature_vertex_counts())
    assert np.all(np.abs(prep.flat.absolute_xy() - want).max(axis=1) <= 1e-7 * size)
    assert sources.prepared(layer, dst) is prep  # cached for the layer's data
    layer.set_features(layer.features.iloc[:10])
    assert sources.prepared(layer, dst) is not prep and sources.prepared(layer, dst).flat.feature_count == 10
