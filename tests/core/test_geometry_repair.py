"""A repaired copy only on request: invalid features made valid, polygons kept polygonal."""

from __future__ import annotations

import struct

import geopandas as gpd
import numpy as np
import shapely
from shapely import wkt

from ecomap.core.geometry_check import RING_NOT_CLOSED, UNPARSABLE, GeometryProblems
from ecomap.core.geometry_repair import polygonal_parts, repair_geometries, repaired_copy
from ecomap.core.layers import DataSource, VectorLayer

BOWTIE = "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"
SPIKE = "POLYGON ((0 0, 10 0, 10 10, 5 10, 5 15, 5 10, 0 10, 0 0))"


def _polygon_wkb(*rings) -> bytes:
    body = struct.pack("<I", len(rings))
    for ring in rings:
        ring = np.asarray(ring, dtype="<f8")
        body += struct.pack("<I", len(ring)) + ring.tobytes()
    return b"\x01" + struct.pack("<I", 3) + body


def _layer(geoms, **kw) -> VectorLayer:
    frame = gpd.GeoDataFrame({"name": [f"f{i}" for i in range(len(geoms))]}, geometry=list(geoms), crs=4547)
    return VectorLayer("地块", frame, DataSource("parcels.gpkg", "parcels"), **kw)


def test_repaired_copy_fixes_only_the_invalid_features_and_leaves_the_layer_alone():
    good = shapely.box(500000, 3000000, 500010, 3000010)
    layer = _layer([good, wkt.loads(BOWTIE), wkt.loads(SPIKE), None])
    before = layer.geometry.copy()
    result = repaired_copy(layer)
    assert result.repaired == 2 and result.emptied == 0 and result.unreadable == 0
    new = result.layer
    assert new is not layer and new.name == "地块 (repaired)"
    assert new.invalid_count == 0
    assert layer.invalid_count == 2
    assert all(a is b for a, b in zip(layer.geometry, before))  # the original is untouched
    fixed = new.geometry
    assert fixed[0] is layer.geometry[0] and fixed[3] is None
    # the bow-tie becomes its two triangles (area 1 each); the spike's line is dropped, the square kept
    assert fixed[1].geom_type == "MultiPolygon" and fixed[1].area == 2.0
    assert fixed[2].geom_type == "Polygon" and fixed[2].equals(shapely.box(0, 0, 10, 10))
    assert new.features["name"].tolist() == layer.features["name"].tolist()
    assert new.features.crs == layer.features.crs


def test_rings_closed_while_reading_count_as_repaired_and_unreadable_ones_stay_reported():
    closed = shapely.box(0, 0, 1, 1)
    layer = _layer([closed, None, shapely.box(2, 0, 3, 1)],
                   read_problems=GeometryProblems(np.array([0, 1]),
                                                  np.array([RING_NOT_CLOSED, UNPARSABLE], dtype=object)))
    assert layer.invalid_count == 2
    result = repaired_copy(layer)
    assert result.repaired == 1 and result.unreadable == 1
    assert result.layer.invalid_count == 1
    assert result.layer.geometry_report().reasons.tolist() == [UNPARSABLE]


def test_nothing_to_repair_gives_an_equal_copy():
    layer = _layer([shapely.box(0, 0, 1, 1)])
    result = repaired_copy(layer, name="copy")
    assert result.repaired == 0 and result.layer.name == "copy"
    assert shapely.equals(result.layer.geometry, layer.geometry).all()


def test_polygons_stay_polygonal_and_collapsed_ones_lose_their_geometry():
    geoms = np.array([wkt.loads("POLYGON ((0 0, 1 0, 0 0))"),  # no area at all
                      wkt.loads("MULTIPOLYGON (((0 0, 2 2, 2 0, 0 2, 0 0)), ((10 10, 11 10, 11 11, 10 11, 10 10)))"),
                      wkt.loads("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 21 20, 21 21, 20 20))")],
                     dtype=object)
    fixed = repair_geometries(geoms)
    assert fixed[0] is None
    assert shapely.is_valid(fixed[1:]).all()
    assert set(shapely.get_type_id(fixed[1:]).tolist()) <= {3, 6}
    assert fixed[1].area == 3.0  # two triangles of 1 and the unit square
    assert fixed[2].area == 100.5  # the hole outside its shell becomes a second polygon


def test_polygonal_parts_of_collections():
    geoms = np.array([wkt.loads("GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)), LINESTRING (0 0, 5 5), "
                                "POINT (3 3))"),
                      wkt.loads("GEOMETRYCOLLECTION (LINESTRING (0 0, 5 5))"),
                      wkt.loads("GEOMETRYCOLLECTION (MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5))), "
                                "GEOMETRYCOLLECTION (POLYGON ((9 9, 10 9, 10 10, 9 9))))"),
                      shapely.box(0, 0, 1, 1)], dtype=object)
    parts = polygonal_parts(geoms)
    assert parts[0].geom_type == "Polygon" and parts[0].area == 0.5
    assert parts[1] is None
    assert parts[2].geom_type == "MultiPolygon" and len(parts[2].geoms) == 3 and parts[2].area == 1.5
    assert parts[3] is geoms[3]


def test_non_finite_vertices_are_replaced_before_make_valid():
    nan = np.nan
    geoms = np.array([
        shapely.from_wkb(_polygon_wkb([(0, 0), (1, 0), (nan, 1), (1, 1), (0, 1), (0, 0)])),
        shapely.from_wkb(_polygon_wkb([(0, 0), (10, 0), (10, 10), (0, 10), (0, 0)],
                                      [(2, 2), (nan, 2), (3, 3), (2, 3), (2, 2)])),
        shapely.set_coordinates(shapely.linestrings([(0, 0), (1, 1), (2, 0)]), [(0, 0), (nan, nan), (2, 0)]),
        shapely.set_coordinates(shapely.linestrings([(0, 0), (1, 1)]), [(nan, nan), (nan, nan)]),
    ], dtype=object)
    fixed = repair_geometries(geoms)
    assert fixed[0].equals(shapely.box(0, 0, 1, 1))
    assert fixed[1].area == 100 - 0.5  # the hole lost its NaN corner and is a triangle now
    assert fixed[2].geom_type == "LineString" and np.isfinite(shapely.get_coordinates(fixed[2])).all()
    assert fixed[3] is None
    assert shapely.is_valid(fixed[:3]).all()


def test_the_copy_is_named_in_chinese(chinese):
    layer = _layer([wkt.loads(BOWTIE)])
    assert repaired_copy(layer).layer.name == "地块（已修复）"
