"""The geometry report: which features are invalid, why, and how the notes name them."""

from __future__ import annotations

import struct

import geopandas as gpd
import numpy as np
import shapely
from shapely import wkt

from ecomap.core.geometry_check import (
    NON_FINITE,
    RING_NOT_CLOSED,
    SELF_INTERSECTION,
    TOO_FEW_POINTS,
    UNPARSABLE,
    GeometryProblems,
    SourceIds,
    check_geometries,
    report_notes,
)
from ecomap.core.layers import DataSource, VectorLayer


def _nan_polygon():
    ring = np.array([(0, 0), (1, 0), (np.nan, 1), (0, 1), (0, 0)], dtype="<f8")
    return shapely.from_wkb(b"\x01" + struct.pack("<III", 3, 1, len(ring)) + ring.tobytes())


def test_reasons_follow_geos_and_missing_geometry_is_no_problem():
    geoms = np.array([wkt.loads("POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0))"),
                      wkt.loads("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))"),
                      None,
                      wkt.loads("POLYGON ((0 0, 1 0, 0 0))"),
                      _nan_polygon(),
                      wkt.loads("LINESTRING (0 0, 1 1, 1 0, 0 1)")], dtype=object)  # a crossing line is valid
    report = check_geometries(geoms)
    assert report.rows.tolist() == [1, 3, 4]
    assert report.reasons.tolist() == [SELF_INTERSECTION, TOO_FEW_POINTS, NON_FINITE]
    assert report.count == int((~shapely.is_valid(geoms[[0, 1, 3, 4, 5]])).sum())


def test_problems_seen_while_reading_count_even_when_the_shown_geometry_is_valid():
    geoms = np.array([shapely.box(0, 0, 1, 1), None, shapely.box(2, 0, 3, 1),
                      wkt.loads("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")], dtype=object)
    read = GeometryProblems(np.array([2, 1]), np.array([RING_NOT_CLOSED, UNPARSABLE], dtype=object))
    report = check_geometries(geoms, read)
    assert report.rows.tolist() == [1, 2, 3]
    assert report.reasons.tolist() == [UNPARSABLE, RING_NOT_CLOSED, SELF_INTERSECTION]


def test_notes_use_the_sources_ids_and_stop_after_ten():
    geoms = np.array([wkt.loads(f"POLYGON (({i} 0, {i + 2} 2, {i + 2} 0, {i} 2, {i} 0))") for i in range(12)]
                     + [shapely.box(0, 0, 1, 1)], dtype=object)
    report = check_geometries(geoms)
    fids = np.arange(101, 114)
    notes = report_notes(report, SourceIds("fid", fids), len(geoms))
    assert notes[0].startswith("12 features have invalid geometry")
    assert notes[1] == ("self-intersection: 12 features (fid 101, 102, 103, 104, 105, 106, 107, 108, 109, 110 "
                        "and 2 more)")
    records = report_notes(report, SourceIds("record"), len(geoms), shown=3)
    assert records[1] == "self-intersection: 12 features (record 1, 2, 3 and 9 more)"
    assert report_notes(check_geometries(geoms[-1:]), None, 1) == []


def test_layer_report_follows_a_new_frame():
    frame = gpd.GeoDataFrame({"n": [1, 2]}, geometry=[shapely.box(0, 0, 1, 1),
                                                      wkt.loads("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")])
    layer = VectorLayer("t", frame, DataSource("t.gpkg"))
    assert layer.invalid_count == 1
    layer.set_features(frame.iloc[:1].copy())
    assert layer.invalid_count == 0
