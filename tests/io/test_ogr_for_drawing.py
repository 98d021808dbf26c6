"""Layers opened for drawing only: the renderer's flat form, read with the app's checks, encodings and CRS."""

from __future__ import annotations

import json
import os

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from ecomap.core.layers import VectorLayer
from ecomap.core.render.geometry import FlatGeometry
from ecomap.core.render.sources import FlatVectorSource, layer_column, layer_crs
from ecomap.errors import DataError
from ecomap.io import ogr
from ecomap.io.registry import open_path
from tests.io.fixtures import ZONE36_ORIGIN, gbk_shapefile_without_cpg, geopackage, square


def _assert_same_drawing(drawn: FlatVectorSource, layer: VectorLayer) -> None:
    """The flat layer holds exactly the app layer's coordinates, parts and CRS."""
    want = FlatGeometry.from_shapely(layer.geometry)
    got = drawn.flat
    assert got.kind == want.kind
    assert np.array_equal(got.ring_off, want.ring_off) and np.array_equal(got.feat_off, want.feat_off)
    assert np.array_equal(got.xy, want.xy)
    assert layer_crs(drawn) == layer.crs_info.crs()
    assert drawn.notes == layer.notes


def _both(path, **kw):
    drawn = open_path(path, for_drawing=True, **kw)
    full = open_path(path, **kw)
    assert [type(d) for d in drawn] == [FlatVectorSource] * len(drawn)
    assert [d.name for d in drawn] == [f.name for f in full]
    return drawn, full


def test_geopackage_layers_are_flat_and_the_same_as_the_apps(tmp_path):
    drawn, full = _both(geopackage(tmp_path))
    for d, f in zip(drawn, full, strict=True):
        _assert_same_drawing(d, f)
    zones = next(d for d in drawn if d.name == "zones")
    assert layer_column(zones, "名称").tolist() == ["甲", "乙"]
    assert zones.bounds == full[0].bounds or zones.bounds == full[1].bounds


def test_one_layer_of_a_container(tmp_path):
    path = geopackage(tmp_path)
    (drawn,) = open_path(path, layer="sites", for_drawing=True)
    assert drawn.name == "sites" and drawn.flat.kind == "point"
    with pytest.raises(DataError, match="no layer named"):
        open_path(path, layer="nothing", for_drawing=True)


def test_gbk_shapefile_attributes_are_decoded_as_in_the_app(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    ((drawn,), (full,)) = _both(path)
    assert layer_column(drawn, "HXMC").tolist() == full.features["HXMC"].tolist()
    assert layer_column(drawn, "HXMC")[0] == "黄河沿岸水土保持红线"
    _assert_same_drawing(drawn, full)  # the CRS assumed from the zone-prefixed eastings, with its note
    assert any("assumed" in note for note in drawn.notes)


def test_the_users_encoding_is_taken_and_text_it_breaks_is_repaired_as_in_the_app(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    (drawn,) = open_path(path, encoding="latin-1", for_drawing=True)
    (full,) = open_path(path, encoding="latin-1")
    assert layer_column(drawn, "HXMC").tolist() == full.features["HXMC"].tolist()
    assert layer_column(drawn, "HXMC")[0] != "黄河沿岸水土保持红线"  # read as the user said
    assert drawn.notes == full.notes


@pytest.mark.filterwarnings("ignore:.crs. was not provided")
def test_swapped_axes_are_exchanged(tmp_path):
    x0, y0 = ZONE36_ORIGIN
    frame = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[square(y0, x0, 10), square(y0 + 100, x0 + 200, 10)])
    path = tmp_path / "swapped.geojson"
    frame.to_file(path, driver="GeoJSON", engine="pyogrio")
    ((drawn,), (full,)) = _both(path)
    assert full.crs_info.swapped_axes
    assert drawn.bounds[0] == pytest.approx(x0)  # x is the easting again
    _assert_same_drawing(drawn, full)


def test_longitudes_written_0_to_360_are_moved_as_in_the_app(tmp_path):
    path = tmp_path / "pacific.geojson"
    features = [{"type": "Feature", "properties": {"name": name}, "geometry": shapely.geometry.mapping(g)}
                for name, g in (("box", Polygon([(200, 10), (210, 10), (210, 20), (200, 10)])),
                                ("east", Polygon([(120, 30), (121, 30), (121, 31), (120, 30)])),
                                ("crossing", Polygon([(175, 0), (185, 0), (185, 1), (175, 0)])))]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    ((drawn,), (full,)) = _both(path)
    assert full.crs_info.longitudes_wrapped
    _assert_same_drawing(drawn, full)
    assert drawn.flat.xy[:, 0].min() == -160  # the box, 200°E, is 160°W


def test_a_big_layer_read_in_two_halves_is_the_same(tmp_path, monkeypatch):
    x0, y0 = ZONE36_ORIGIN
    rng = np.random.default_rng(3)
    geoms = [shapely.Polygon(np.c_[x0 + i * 20 + rng.uniform(0, 9, 7), y0 + rng.uniform(0, 9, 7)]).convex_hull
             for i in range(301)]
    path = tmp_path / "many.gpkg"
    gpd.GeoDataFrame({"n": np.arange(301)}, geometry=geoms, crs="EPSG:4524").to_file(path, engine="pyogrio")
    (whole,) = open_path(path, for_drawing=True)
    monkeypatch.setattr(ogr, "SPLIT_READ_FEATURES", 100)
    reads = []
    part = ogr._read_flat_part
    monkeypatch.setattr(ogr, "_read_flat_part", lambda *a: reads.append(a[3:]) or part(*a))
    (halves,) = open_path(path, for_drawing=True)
    assert sorted(reads) == [(0, 150), (150, 151)]
    assert np.array_equal(halves.flat.xy, whole.flat.xy)
    assert np.array_equal(halves.flat.feat_off, whole.flat.feat_off)
    assert layer_column(halves, "n").tolist() == list(range(301))


def test_what_the_flat_parser_cannot_take_is_read_as_in_the_app(tmp_path):
    path = tmp_path / "mixed.geojson"
    gpd.GeoDataFrame({"k": ["pt", "area"]}, geometry=[Point(1, 1), square(0, 0, 5)], crs="EPSG:4326").to_file(
        path, driver="GeoJSON", engine="pyogrio")
    (layer,) = open_path(path, for_drawing=True)
    assert isinstance(layer, VectorLayer) and layer.feature_count == 2


def test_a_table_without_geometry_is_left_out(tmp_path):
    path = geopackage(tmp_path)
    import sqlite3

    with sqlite3.connect(path) as con:
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        con.execute("INSERT INTO notes (text) VALUES ('x')")
        con.execute("INSERT INTO gpkg_contents (table_name, data_type, identifier) "
                    "VALUES ('notes', 'attributes', 'notes')")
    assert "notes" in [lyr.name for lyr in open_path(path)]
    assert sorted(lyr.name for lyr in open_path(path, for_drawing=True)) == ["sites", "zones"]


def test_a_damaged_file_is_the_apps_error(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    os.remove(path.with_suffix(".dbf"))
    with pytest.raises(DataError, match=r"companion file .*\.dbf is missing"):
        open_path(path, for_drawing=True)
    broken = tmp_path / "broken.gpkg"
    broken.write_bytes(b"not a database at all" * 10)
    with pytest.raises(DataError, match="not a GeoPackage"):
        open_path(broken, for_drawing=True)


def test_other_formats_open_as_usual(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("name,x,y\na,116.4,39.9\nb,116.5,39.8\n", encoding="utf-8")
    (layer,) = open_path(path, for_drawing=True)
    assert isinstance(layer, VectorLayer) and layer.feature_count == 2


def test_a_folder_opened_for_drawing(tmp_path):
    geopackage(tmp_path)
    gbk_shapefile_without_cpg(tmp_path)
    layers = open_path(tmp_path, for_drawing=True)
    assert sorted(lyr.name for lyr in layers) == ["sites", "zones", "红线"]
    assert all(isinstance(lyr, FlatVectorSource) for lyr in layers)


def test_line_layer(tmp_path):
    path = tmp_path / "rivers.gpkg"
    x0, y0 = ZONE36_ORIGIN
    gpd.GeoDataFrame({"name": ["河"]}, geometry=[LineString([(x0, y0), (x0 + 500, y0 + 900)])],
                     crs="EPSG:4524").to_file(path, engine="pyogrio")
    ((drawn,), (full,)) = _both(path)
    assert drawn.flat.kind == "line"
    _assert_same_drawing(drawn, full)


def test_an_empty_layer(tmp_path):
    path = tmp_path / "empty.gpkg"
    gpd.GeoDataFrame({"name": []}, geometry=gpd.GeoSeries([], crs="EPSG:4524")).to_file(path, engine="pyogrio")
    ((drawn,), (full,)) = _both(path)
    assert drawn.flat.feature_count == 0 and drawn.bounds is None
    assert layer_crs(drawn) == full.crs_info.crs()
