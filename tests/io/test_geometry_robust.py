"""Geometry that never stops a read: curves are linearized, broken features keep their rows.

Expected facts come from outside EcoMap: GDAL's own linearization (pyogrio's
non-Arrow reader), sqlite3 for what the GeoPackage stores, π r² for circles and
pyproj.Geod for areas and lengths on the ellipsoid.
"""

from __future__ import annotations

import io
import json
import re
import sqlite3
import struct
import warnings
from pathlib import Path

import geopandas as gpd
import numpy as np
import pyogrio
import pytest
import shapely
from pyproj import Geod

from ecomap.cli.cmd_info import describe
from ecomap.io.registry import open_path

REAL = Path(__file__).resolve().parents[1] / "data" / "real" / "pyogrio"
X0, Y0 = 500_000.0, 3_000_000.0  # CGCS2000 3° GK CM 114E (EPSG:4547), no zone prefix


# ---------------------------------------------------------------- helpers building files


def _wkb(type_code: int, body: bytes) -> bytes:
    return b"\x01" + struct.pack("<I", type_code) + body


def _points(coords) -> bytes:
    coords = np.asarray(coords, dtype="<f8")
    return struct.pack("<I", len(coords)) + coords.tobytes()


def _circle_polygon(cx: float, cy: float, r: float) -> bytes:
    """CurvePolygon whose ring is one CircularString: a full circle."""
    ring = _wkb(8, _points([(cx + r, cy), (cx - r, cy), (cx + r, cy)]))
    return _wkb(10, struct.pack("<I", 1) + ring)


def _half_disc(cx: float, cy: float, r: float) -> bytes:
    """CurvePolygon of a CompoundCurve: the upper half circle closed by its diameter."""
    arc = _wkb(8, _points([(cx + r, cy), (cx, cy + r), (cx - r, cy)]))
    chord = _wkb(2, _points([(cx - r, cy), (cx + r, cy)]))
    return _wkb(10, struct.pack("<I", 1) + _wkb(9, struct.pack("<I", 2) + arc + chord))


def _drop_triggers(con: sqlite3.Connection) -> None:
    """The GeoPackage rtree triggers call SpatiaLite functions plain sqlite3 does not have."""
    for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        con.execute(f'DROP TRIGGER "{name}"')


def _gpkg_with_blobs(path: Path, blobs: dict[int, bytes], n: int = 3, srid: int = 4547,
                     type_name: str | None = None) -> gpd.GeoDataFrame:
    """A GeoPackage of ``n`` squares written by pyogrio, then the blobs of some fids replaced by sqlite3.

    ``blobs`` maps fid → raw bytes stored as the geometry (a GeoPackage header is added
    unless the bytes already start with one).
    """
    x = X0 + np.arange(n) * 100.0
    frame = gpd.GeoDataFrame({"code": [f"图斑{i}" for i in range(n)], "value": np.arange(n) * 1.5},
                             geometry=shapely.box(x, Y0, x + 50, Y0 + 50), crs=srid)
    pyogrio.write_dataframe(frame, path, layer="parcels")
    with sqlite3.connect(path) as con:
        _drop_triggers(con)
        for fid, blob in blobs.items():
            if not blob.startswith(b"GP"):
                blob = b"GP\x00\x01" + struct.pack("<i", srid) + blob
            con.execute("UPDATE parcels SET geom = ? WHERE fid = ?", (blob, fid))
        if type_name:
            con.execute("UPDATE gpkg_geometry_columns SET geometry_type_name = ?", (type_name,))
    return frame


def _gdal_linearized(path: Path) -> np.ndarray:
    """GDAL's own linear approximation of the curves (pyogrio's feature-by-feature reader)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return pyogrio.read_dataframe(path, use_arrow=False).geometry.values


def _open(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # GDAL's own remarks on declared vs stored types
        return open_path(path)


# ---------------------------------------------------------------- curves


@pytest.mark.parametrize("name, family", [("curve", "LineString"), ("curvepolygon", "Polygon"),
                                          ("multisurface", "Polygon")])
def test_pyogrio_curve_fixtures_are_read_as_their_linear_family(name, family):
    path = REAL / f"{name}.gpkg"
    (layer,) = _open(path)
    expected = _gdal_linearized(path)
    assert layer.feature_count == pyogrio.read_info(path)["features"] == len(expected)
    assert layer.geometry_type == family
    assert shapely.equals_exact(layer.geometry, expected, tolerance=1e-9).all()
    assert layer.invalid_count == 0


def test_ecomap_info_describes_the_curve_geopackage():
    info = describe(REAL / "curve.gpkg")
    (layer,) = info["layers"]
    assert layer["feature_count"] == 1 and layer["geometry_type"] == "LineString"
    expected = _gdal_linearized(REAL / "curve.gpkg")
    assert layer["bounds"] == pytest.approx(list(shapely.total_bounds(expected)))


def test_circle_in_a_geopackage_is_linearized_to_pi_r_squared(tmp_path):
    path = tmp_path / "circle.gpkg"
    r = 100.0
    _gpkg_with_blobs(path, {1: _circle_polygon(X0, Y0, r), 2: _half_disc(X0 + 1000, Y0, r)},
                     type_name="CURVEPOLYGON")
    (layer,) = _open(path)
    assert layer.feature_count == 3
    assert layer.geometry_type == "Polygon"
    circle, half, square = layer.geometry
    # chords of at most 4° lose (1 - sin(4°)/(4° in radians)) ≈ 0.08 % of the disc
    assert circle.area == pytest.approx(np.pi * r * r, rel=1e-3)
    assert half.area == pytest.approx(np.pi * r * r / 2, rel=1e-3)
    assert square.area == pytest.approx(2500.0)
    # every vertex lies on the circle, and the chords span at most 4°
    ring = shapely.get_coordinates(circle.exterior)
    assert np.hypot(ring[:, 0] - X0, ring[:, 1] - Y0) == pytest.approx(r, rel=1e-9)
    assert len(ring) - 1 >= 360 / 4
    # the same shape as GDAL's own approximation, to a fraction of the chord error
    gdal = _gdal_linearized(path)
    assert circle.area == pytest.approx(gdal[0].area, rel=1e-4)
    assert half.area == pytest.approx(gdal[1].area, rel=1e-4)
    assert shapely.hausdorff_distance(circle, gdal[0]) < r * (1 - np.cos(np.radians(2)))
    assert layer.features["code"].tolist() == ["图斑0", "图斑1", "图斑2"]
    assert layer.invalid_count == 0
    assert any("curved" in note and "4°" in note for note in layer.notes)


def test_filegdb_true_curves_in_a_multipolygon_layer(tmp_path):
    """ArcGIS stores arcs of parcels as true curves; GDAL declares the layer MultiPolygon anyway."""
    import pyarrow as pa

    path = tmp_path / "parcels.gdb"
    r = 80.0
    disc = _wkb(12, struct.pack("<I", 1) + _circle_polygon(X0, Y0, r))
    square = _wkb(6, struct.pack("<I", 1) + _wkb(3, struct.pack("<I", 1) + _points(
        [(X0 + 500, Y0), (X0 + 600, Y0), (X0 + 600, Y0 + 100), (X0 + 500, Y0 + 100), (X0 + 500, Y0)])))
    table = pa.table({"MC": ["圆形地块", "方形地块"], "geometry": pa.array([disc, square], type=pa.binary())})
    pyogrio.write_arrow(table, path, layer="parcels", driver="OpenFileGDB", geometry_name="geometry",
                        geometry_type="MultiPolygon", crs="EPSG:4547")
    assert pyogrio.read_info(path)["geometry_type"] == "MultiPolygon"
    (layer,) = _open(path)
    assert layer.feature_count == 2 and layer.geometry_type == "Polygon"
    assert layer.features["MC"].tolist() == ["圆形地块", "方形地块"]
    circle, rect = layer.geometry
    assert circle.area == pytest.approx(np.pi * r * r, rel=1e-3)
    assert circle.area == pytest.approx(_gdal_linearized(path)[0].area, rel=1e-4)
    assert rect.area == pytest.approx(10_000.0)
    assert any("1 features have curved geometry" in note for note in layer.notes)


def test_a_3d_arc_keeps_its_heights(tmp_path):
    path = tmp_path / "arc3d.gpkg"
    r = 50.0
    arc = _wkb(1008, _points([(X0 + r, Y0, 10.0), (X0, Y0 + r, 20.0), (X0 - r, Y0, 30.0)]))
    x = X0 + np.arange(2) * 10
    pyogrio.write_dataframe(gpd.GeoDataFrame({"n": [1, 2]}, geometry=shapely.linestrings(
        [[(x[0], Y0, 1.0), (x[0] + 1, Y0, 1.0)], [(x[1], Y0, 1.0), (x[1] + 1, Y0, 1.0)]]), crs=4547), path,
        layer="parcels")
    with sqlite3.connect(path) as con:
        _drop_triggers(con)
        con.execute("UPDATE parcels SET geom = ? WHERE fid = 1", (b"GP\x00\x01" + struct.pack("<i", 4547) + arc,))
    (layer,) = _open(path)
    line = layer.geometry[0]
    assert line.has_z
    assert line.length == pytest.approx(np.pi * r, rel=1e-3)
    z = shapely.get_coordinates(line, include_z=True)[:, 2]
    assert z[0] == 10.0 and z[-1] == 30.0 and np.all(np.diff(z) > 0)


def test_arcs_bend_the_way_their_middle_point_says_and_collinear_ones_stay_straight():
    from ecomap.io.curves import linearize_arcs

    r = 10.0
    ccw, cw, flat, odd = linearize_arcs([np.array([(r, 0), (0, r), (-r, 0)]),  # through the top, anticlockwise
                                         np.array([(-r, 0), (0, r), (r, 0)]),  # through the top, clockwise
                                         np.array([(0, 0), (1, 1), (2, 2)]),
                                         np.array([(0, 0), (1, 1)])])  # malformed: kept as given
    for line in (ccw, cw):
        assert np.all(line[:, 1] >= -1e-12)
        assert np.hypot(line[:, 0], line[:, 1]) == pytest.approx(r)
        assert [0.0, r] in line.tolist()  # the middle control point is a vertex
    assert ccw[0].tolist() == [r, 0] and ccw[-1].tolist() == [-r, 0]
    assert cw[0].tolist() == [-r, 0] and cw[-1].tolist() == [r, 0]
    assert flat.tolist() == [[0, 0], [1, 1], [2, 2]]
    assert odd.tolist() == [[0, 0], [1, 1]]


def test_multicurve_and_collections_with_arcs_and_a_broken_curve_keep_their_rows(tmp_path):
    path = tmp_path / "lines.gpkg"
    r = 100.0
    arc = _wkb(8, _points([(X0 + r, Y0), (X0, Y0 + r), (X0 - r, Y0)]))
    straight = _wkb(2, _points([(X0, Y0), (X0, Y0 + 300)]))
    multicurve = _wkb(11, struct.pack("<I", 2) + arc + straight)
    collection = _wkb(7, struct.pack("<I", 2) + arc + _wkb(1, _points([(X0, Y0)])[4:]))
    broken = _wkb(8, struct.pack("<I", 3) + np.zeros(4, "<f8").tobytes())  # says 3 points, holds 2
    _gpkg_with_blobs(path, {1: multicurve, 2: collection, 3: broken}, n=4, type_name="GEOMETRY")
    (layer,) = _open(path)
    assert layer.feature_count == 4
    multi, coll, missing, square = layer.geometry
    assert multi.geom_type == "MultiLineString"
    assert multi.length == pytest.approx(np.pi * r + 300, rel=1e-3)
    assert coll.geom_type == "GeometryCollection" and coll.length == pytest.approx(np.pi * r, rel=1e-3)
    assert missing is None and square.area == 2500.0
    assert layer.features["code"].tolist() == ["图斑0", "图斑1", "图斑2", "图斑3"]
    assert layer.invalid_count == 1
    assert any("cannot be read" in note and "fid 3" in note for note in layer.geometry_notes)
    assert any("2 features have curved geometry" in note for note in layer.notes)


GML_ARCS = """<?xml version="1.0" encoding="UTF-8"?>
<ogr:FeatureCollection xmlns:ogr="http://ogr.maptools.org/" xmlns:gml="http://www.opengis.net/gml/3.2">
  <ogr:featureMember>
    <ogr:zone gml:id="zone.1">
      <ogr:geometryProperty>
        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::4547" gml:id="p1">
          <gml:exterior><gml:Ring><gml:curveMember><gml:Curve gml:id="c1"><gml:segments>
            <gml:Arc><gml:posList>{n0} {e1} {n0} {e2} {n0} {e1}</gml:posList></gml:Arc>
          </gml:segments></gml:Curve></gml:curveMember></gml:Ring></gml:exterior>
        </gml:Polygon>
      </ogr:geometryProperty>
      <ogr:name>水源地圆形保护区</ogr:name>
    </ogr:zone>
  </ogr:featureMember>
  <ogr:featureMember>
    <ogr:zone gml:id="zone.2">
      <ogr:geometryProperty>
        <gml:Polygon srsName="urn:ogc:def:crs:EPSG::4547" gml:id="p2">
          <gml:exterior><gml:LinearRing>
            <gml:posList>{n1} {e0} {n1} {e3} {n2} {e3} {n1} {e0}</gml:posList>
          </gml:LinearRing></gml:exterior>
        </gml:Polygon>
      </ogr:geometryProperty>
      <ogr:name>三角地块</ogr:name>
    </ogr:zone>
  </ogr:featureMember>
</ogr:FeatureCollection>
"""


def test_gml_arc_ring_is_read_as_a_polygon_close_to_the_circle(tmp_path):
    r = 150.0
    path = tmp_path / "zones.gml"
    # EPSG:4547 lists northing first, and so does GML with a urn CRS
    path.write_text(GML_ARCS.format(n0=Y0, e1=X0 + r, e2=X0 - r, n1=Y0 + 1000, n2=Y0 + 1100,
                                    e0=X0, e3=X0 + 100), encoding="utf-8")
    (layer,) = _open(path)
    assert layer.feature_count == 2
    assert layer.geometry_type == "Polygon"
    assert layer.features["name"].tolist() == ["水源地圆形保护区", "三角地块"]
    circle, triangle = layer.geometry
    assert circle.centroid.x == pytest.approx(X0) and circle.centroid.y == pytest.approx(Y0)
    assert circle.area == pytest.approx(np.pi * r * r, rel=1e-3)
    assert triangle.area == pytest.approx(100 * 100 / 2)
    assert layer.invalid_count == 0
    assert sum("curved" in note for note in layer.notes) == 1
    assert "1 features" in next(note for note in layer.notes if "curved" in note)


# ---------------------------------------------------------------- broken features


def test_one_broken_blob_in_ten_thousand_loses_nothing_else(tmp_path):
    path = tmp_path / "parcels.gpkg"
    n = 10_000
    frame = _gpkg_with_blobs(path, {}, n=n)
    with sqlite3.connect(path) as con:
        good = con.execute("SELECT geom FROM parcels WHERE fid = 5000").fetchone()[0]
        con.execute("UPDATE parcels SET geom = ? WHERE fid = 5000", (good[: len(good) // 2],))
        stored = con.execute("SELECT fid, code, value FROM parcels ORDER BY fid").fetchall()
    (layer,) = _open(path)
    assert layer.feature_count == n
    assert layer.features["code"].tolist() == [row[1] for row in stored]
    assert layer.features["value"].tolist() == [row[2] for row in stored]
    broken = 4999  # fid 5000
    assert layer.geometry[broken] is None
    others = np.delete(np.arange(n), broken)
    assert shapely.equals(layer.geometry[others], frame.geometry.values[others]).all()
    assert layer.invalid_count == 1
    assert describe(path)["layers"][0]["invalid_geometries"] == 1
    notes = layer.geometry_notes
    assert any("cannot be read" in note and "fid 5000" in note for note in notes)


def test_a_blob_without_the_geopackage_header_counts_as_unreadable(tmp_path):
    path = tmp_path / "parcels.gpkg"
    _gpkg_with_blobs(path, {2: b"GARBAGE-not-a-geometry-blob"})
    with sqlite3.connect(path) as con:
        assert con.execute("SELECT geom IS NOT NULL FROM parcels WHERE fid = 2").fetchone()[0] == 1
    (layer,) = _open(path)
    assert layer.feature_count == 3
    assert layer.geometry[1] is None and layer.geometry[0] is not None
    assert layer.invalid_count == 1
    assert any("fid 2" in note for note in layer.geometry_notes)


def test_null_geometries_are_not_problems(tmp_path):
    path = tmp_path / "parcels.gpkg"
    _gpkg_with_blobs(path, {})
    with sqlite3.connect(path) as con:
        _drop_triggers(con)
        con.execute("UPDATE parcels SET geom = NULL WHERE fid = 2")
    (layer,) = _open(path)
    assert layer.geometry[1] is None
    assert layer.invalid_count == 0 and layer.geometry_notes == []


def test_nan_coordinates_are_kept_and_reported(tmp_path):
    path = tmp_path / "parcels.gpkg"
    ring = [(X0, Y0), (X0 + 10, Y0), (np.nan, Y0 + 10), (X0, Y0 + 10), (X0, Y0)]
    _gpkg_with_blobs(path, {3: _wkb(3, struct.pack("<I", 1) + _points(ring))})
    (layer,) = _open(path)
    assert layer.feature_count == 3
    assert np.isnan(shapely.get_coordinates(layer.geometry[2])).any()
    assert layer.invalid_count == 1
    assert any("non-finite" in note and "fid 3" in note for note in layer.geometry_notes)
    assert layer.bounds is not None and np.isfinite(layer.bounds).all()


BAD_GEOJSON = """{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"n": "完好"},
  "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}},
 {"type": "Feature", "properties": {"n": "未闭合"},
  "geometry": {"type": "Polygon", "coordinates": [[[2, 0], [3, 0], [3, 1], [2, 1]]]}},
 {"type": "Feature", "properties": {"n": "三点"},
  "geometry": {"type": "Polygon", "coordinates": [[[4, 0], [5, 0], [4, 0]]]}},
 {"type": "Feature", "properties": {"n": "自相交"},
  "geometry": {"type": "Polygon", "coordinates": [[[6, 0], [8, 2], [8, 0], [6, 2], [6, 0]]]}},
 {"type": "Feature", "properties": {"n": "重复点"},
  "geometry": {"type": "Polygon", "coordinates": [[[9, 0], [10, 0], [10, 0], [10, 1], [9, 1], [9, 0]]]}}
]}"""


def test_geojson_unclosed_and_three_point_rings_load_with_every_row(tmp_path):
    path = tmp_path / "bad.geojson"
    path.write_text(BAD_GEOJSON, encoding="utf-8")
    (layer,) = _open(path)
    assert layer.features["n"].tolist() == ["完好", "未闭合", "三点", "自相交", "重复点"]
    good, unclosed, three, bowtie, duplicate = layer.geometry
    # the unclosed ring is shown closed, with exactly the file's vertices
    coords = shapely.get_coordinates(unclosed)
    assert coords.tolist() == [[2, 0], [3, 0], [3, 1], [2, 1], [2, 0]]
    assert shapely.is_valid(good) and shapely.is_valid(duplicate)
    assert shapely.get_coordinates(three).tolist() == [[4, 0], [5, 0], [4, 0]]  # kept as read, not repaired
    assert not shapely.is_valid(bowtie) and shapely.get_num_coordinates(bowtie) == 5
    assert layer.invalid_count == 3
    notes = "\n".join(layer.geometry_notes)
    assert re.search(r"ring not closed.*feature 2\)", notes)
    assert re.search(r"too few points.*feature 3\)", notes)
    assert re.search(r"self-intersection.*feature 4\)", notes)
    assert "not repaired" in notes
    info = describe(path)["layers"][0]
    assert info["invalid_geometries"] == 3
    assert info["feature_count"] == 5


def test_geojson_geometry_objects_gdal_cannot_read_are_counted_not_lost(tmp_path):
    path = tmp_path / "broken.geojson"
    path.write_text("""{"type": "FeatureCollection", "features": [
     {"type": "Feature", "properties": {"n": 1}, "geometry": {"type": "Polygon", "coordinates": "abc"}},
     {"type": "Feature", "properties": {"n": 2}, "geometry": null},
     {"type": "Feature", "properties": {"n": 3}, "geometry": {"type": "Banana", "coordinates": [0, 0]}},
     {"type": "Feature", "properties": {"n": 4}, "geometry": {"type": "Point", "coordinates": [114, 30]}}
    ]}""", encoding="utf-8")
    (layer,) = _open(path)
    assert layer.features["n"].tolist() == [1, 2, 3, 4]
    assert shapely.is_missing(layer.geometry).tolist() == [True, True, True, False]
    assert layer.invalid_count == 2  # the null geometry is a table row, not damage
    assert any("cannot be read" in note and "(feature 1, 3)" in note for note in layer.geometry_notes)


def test_notes_name_ten_features_then_say_how_many_more(tmp_path):
    bowties = [{"type": "Feature", "properties": {"i": i}, "geometry": {"type": "Polygon", "coordinates": [
        [[i * 10, 0], [i * 10 + 2, 2], [i * 10 + 2, 0], [i * 10, 2], [i * 10, 0]]]}} for i in range(15)]
    path = tmp_path / "bowties.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": bowties}), encoding="utf-8")
    (layer,) = _open(path)
    assert layer.invalid_count == 15
    (note,) = [n for n in layer.geometry_notes if "self-intersection" in n]
    assert "feature 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 and 5 more" in note


def test_shapefile_features_are_named_by_record_number(tmp_path):
    path = tmp_path / "zones.shp"
    polygons = [shapely.box(X0, Y0, X0 + 1, Y0 + 1), shapely.box(X0 + 2, Y0, X0 + 3, Y0 + 1),
                shapely.Polygon([(X0, Y0), (X0 + 2, Y0 + 2), (X0 + 2, Y0), (X0, Y0 + 2)])]
    gpd.GeoDataFrame({"n": [1, 2, 3]}, geometry=polygons, crs=4547).to_file(path, engine="pyogrio")
    (layer,) = _open(path)
    assert layer.invalid_count == 1
    assert any("record 3" in note for note in layer.geometry_notes)


# ---------------------------------------------------------------- mixed layers


MIXED = """{"type": "FeatureCollection", "features": [
 {"type": "Feature", "properties": {"n": "保护区"},
  "geometry": {"type": "Polygon", "coordinates": [[[114.00, 30.00], [114.01, 30.00], [114.01, 30.01],
                                                   [114.00, 30.01], [114.00, 30.00]]]}},
 {"type": "Feature", "properties": {"n": "河道"},
  "geometry": {"type": "LineString", "coordinates": [[114.02, 30.00], [114.03, 30.01], [114.05, 30.01]]}},
 {"type": "Feature", "properties": {"n": "二号区"},
  "geometry": {"type": "MultiPolygon", "coordinates": [[[[114.1, 30.1], [114.12, 30.1], [114.11, 30.12],
                                                       [114.1, 30.1]]]]}},
 {"type": "Feature", "properties": {"n": "井"}, "geometry": {"type": "Point", "coordinates": [114.2, 30.2]}},
 {"type": "Feature", "properties": {"n": "沟渠"},
  "geometry": {"type": "MultiLineString", "coordinates": [[[114.3, 30.3], [114.31, 30.3]],
                                                          [[114.32, 30.3], [114.32, 30.31]]]}}
]}"""


def _geodesic_area(polygon) -> float:
    """Area on WGS 84 of a polygon whose edges are straight in longitude/latitude (as drawn in the file)."""
    return abs(Geod(ellps="WGS84").geometry_area_perimeter(shapely.segmentize(polygon, 1e-4))[0])


def _geod_expectations():
    geod = Geod(ellps="WGS84")
    frame = gpd.read_file(io.StringIO(MIXED))
    polygons = frame.geometry[frame.geom_type.isin(["Polygon", "MultiPolygon"])]
    lines = frame.geometry[frame.geom_type.isin(["LineString", "MultiLineString"])]
    area = sum(_geodesic_area(g) for g in polygons)
    length = sum(geod.geometry_length(g) for g in lines)
    return area, length, len(lines)


def test_mixed_geojson_area_comes_from_its_polygons_and_the_lines_are_measured(tmp_path):
    path = tmp_path / "mixed.geojson"
    path.write_text(MIXED, encoding="utf-8")
    area, length, line_count = _geod_expectations()
    info = describe(path)["layers"][0]
    assert info["geometry_type"] == "Mixed"
    # within how straight-in-degrees edges are followed on the ellipsoid (a few parts per million)
    assert info["area_m2"] == pytest.approx(area, rel=2e-5)
    (note,) = [n for n in info["notes"] if "lines" in n]
    assert f"{line_count} lines" in note
    measured = float(re.search(r"([\d,]+\.\d) m", note).group(1).replace(",", ""))
    assert measured == pytest.approx(length, abs=0.1)


MIXED_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder><name>调查</name>
 <Placemark><name>地块</name><Polygon><outerBoundaryIs><LinearRing><coordinates>
  114.00,30.00 114.01,30.00 114.01,30.01 114.00,30.01 114.00,30.00
 </coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
 <Placemark><name>河道</name><LineString><coordinates>114.02,30.00 114.03,30.01 114.05,30.01</coordinates>
 </LineString></Placemark>
</Folder></Document></kml>"""


def test_mixed_kml_layer_has_the_area_of_its_polygon(tmp_path):
    path = tmp_path / "survey.kml"
    path.write_text(MIXED_KML, encoding="utf-8")
    geod = Geod(ellps="WGS84")
    square = shapely.box(114.00, 30.00, 114.01, 30.01)
    line = shapely.LineString([(114.02, 30.00), (114.03, 30.01), (114.05, 30.01)])
    (layer,) = [lyr for lyr in _open(path) if lyr.feature_count == 2]
    assert layer.geometry_type == "Mixed"
    assert layer.total_area_m2() == pytest.approx(_geodesic_area(square), rel=2e-5)
    (note,) = [n for n in layer.geometry_notes if "lines" in n]
    measured = float(re.search(r"([\d,]+\.\d) m", note).group(1).replace(",", ""))
    assert measured == pytest.approx(geod.geometry_length(line), abs=0.1)


def test_a_layer_of_lines_and_points_has_no_area(tmp_path):
    path = tmp_path / "mixed.geojson"
    path.write_text("""{"type": "FeatureCollection", "features": [
     {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [114, 30]}},
     {"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[114, 30], [114.1, 30]]}}
    ]}""", encoding="utf-8")
    (layer,) = _open(path)
    assert layer.geometry_type == "Mixed" and layer.total_area_m2() is None


def test_damaged_curve_blobs_never_stop_decoding():
    """Truncated, bit-flipped and padded curve WKB: every row comes back, the intact one unchanged."""
    from ecomap.io.geometry_decode import decode_wkb

    intact = _wkb(12, struct.pack("<I", 2) + _half_disc(0, 0, 1) + _circle_polygon(5, 0, 1))
    rng = np.random.default_rng(7)
    blobs = []
    for k in range(600):
        blob = bytearray(intact)
        if k % 3 == 0:
            blob = blob[: rng.integers(0, len(blob))]
        elif k % 3 == 1:
            for _ in range(3):
                blob[rng.integers(0, len(blob))] = rng.integers(0, 256)
        else:
            blob += bytes(rng.integers(0, 256, 5).astype(np.uint8))
        blobs.append(bytes(blob))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        decoded = decode_wkb(np.array([*blobs, intact, None], dtype=object))
    assert len(decoded.geometry) == 602
    assert decoded.geometry[-1] is None and decoded.geometry[-2].area == pytest.approx(1.5 * np.pi, rel=1e-3)
    unreadable = shapely.is_missing(decoded.geometry[:-1])
    assert set(np.flatnonzero(unreadable)) <= set(decoded.problems.rows.tolist())
