"""Flat geometry from WKB (numpy parser) and the level-of-detail snapping."""

from __future__ import annotations

import numpy as np
import shapely

from ecomap.core.render.geometry import FlatGeometry, parse_wkb, parse_wkb_parts
from ecomap.core.render.lod import build_level


def wkb_buffer(geoms, **kw):
    blobs = [b"" if g is None else shapely.to_wkb(g, **kw) for g in geoms]
    off = np.concatenate([[0], np.cumsum([len(b) for b in blobs])]).astype(np.int64)
    return np.frombuffer(b"".join(blobs), np.uint8), off


def test_polygons_with_holes_and_multiparts_match_shapely():
    geoms = [shapely.Polygon([(0, 0), (4, 0), (4, 4), (0, 4)], [[(1, 1), (1, 2), (2, 2), (2, 1)]]),
             None,
             shapely.MultiPolygon([shapely.box(10, 10, 11, 11), shapely.box(12, 12, 14, 13)])]
    flat = parse_wkb(*wkb_buffer(geoms))
    assert flat.kind == "polygon" and flat.feature_count == 3
    assert list(np.diff(flat.feat_off)) == [2, 0, 2]  # rings per feature; the missing one has none
    assert list(flat.ring_ext) == [True, False, True, True]
    ref = shapely.get_coordinates(np.array([g for g in geoms if g is not None], dtype=object))
    assert np.allclose(np.sort(ref, axis=0), np.sort(flat.xy, axis=0))
    assert np.allclose(flat.bbox[2], [10, 10, 14, 13]) and np.isnan(flat.bbox[1]).all()


def test_z_lines_points_and_two_part_parse():
    lines = [shapely.LineString([(0, 0, 5), (3, 4, 6)]), shapely.MultiLineString([[(0, 0), (1, 1)], [(5, 5), (6, 6)]])]
    flat = parse_wkb(*wkb_buffer(lines, output_dimension=3))
    assert flat.kind == "line" and flat.xy.tolist() == [[0, 0], [3, 4], [0, 0], [1, 1], [5, 5], [6, 6]]
    pts = [shapely.Point(1, 2), shapely.MultiPoint([(3, 4), (5, 6)])]
    a, b = wkb_buffer(pts[:1]), wkb_buffer(pts[1:])
    both = parse_wkb_parts([a, b])
    assert both.kind == "point" and both.feature_count == 2 and both.xy.tolist() == [[1, 2], [3, 4], [5, 6]]
    assert list(both.feat_off) == [0, 1, 3]


def test_from_shapely_round_trips_coordinates():
    rng = np.random.default_rng(3)
    geoms = shapely.buffer(shapely.points(rng.random((200, 2)) * 100), 2.0, quad_segs=3)
    flat = FlatGeometry.from_shapely(geoms)
    assert flat.vertex_count == int(shapely.get_num_coordinates(geoms).sum())
    assert np.allclose(flat.bbox, shapely.bounds(geoms))


def test_level_drops_subpixel_vertices_and_draws_tiny_features_as_rectangles():
    big = shapely.segmentize(shapely.box(0, 0, 100, 100), 0.1)  # 4000 vertices, 100 cells wide
    tiny = shapely.box(200, 200, 200.3, 200.3)
    flat = FlatGeometry.from_shapely(np.array([big, tiny], dtype=object))
    lvl = build_level(flat, 1.0, 0.0, 300.0, min_px=1.0)
    n_big = lvl.feat_vstart[1] - lvl.feat_vstart[0]
    assert n_big < flat.feature_vertex_counts()[0] / 5  # one vertex per cell crossed at most
    rect_u = lvl.u[lvl.feat_vstart[1]:lvl.feat_vstart[2]]
    assert len(rect_u) == 5 and np.isclose(rect_u.max() - rect_u.min(), 1.0)  # widened to one pixel
