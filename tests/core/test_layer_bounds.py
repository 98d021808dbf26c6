"""A VectorLayer's derived facts (bounds, spatial index, geometry type, validity) are built once
per frame, from any thread, and follow every replacement of the features."""

from __future__ import annotations

import threading

import geopandas as gpd
import numpy as np
import shapely
from shapely.geometry import Point, box

from ecomap.core.extent import layer_extent
from ecomap.core.geometry_check import UNPARSABLE, GeometryProblems
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.map_settings import MapSettings, RenderLayer
from ecomap.core.render.job import LayerImageCache
from ecomap.core.style import default_vector_style

BOWTIE = shapely.Polygon([(0, 0), (10, 10), (10, 0), (0, 10)])  # self-intersecting: invalid


def _layer(geoms) -> VectorLayer:
    return VectorLayer("t", gpd.GeoDataFrame({"a": range(len(geoms))}, geometry=geoms, crs=3857),
                       DataSource("t.gpkg"))


def _frame(geoms) -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame({"a": range(len(geoms))}, geometry=geoms, crs=3857)


def test_bounds_ignore_missing_and_empty():
    layer = _layer([box(0, 0, 1, 1), None, shapely.Point(), Point(5, -2)])
    assert layer.bounds == (0.0, -2.0, 5.0, 1.0)
    assert _layer([None]).bounds is None


def test_bounds_are_cached_until_features_are_replaced(monkeypatch):
    layer = _layer([box(0, 0, 1, 1)])
    assert layer.bounds == (0.0, 0.0, 1.0, 1.0)
    calls = []
    real = shapely.total_bounds
    monkeypatch.setattr(shapely, "total_bounds", lambda g: calls.append(1) or real(g))
    assert layer.bounds == (0.0, 0.0, 1.0, 1.0)
    assert layer_extent(layer) == (0.0, 0.0, 1.0, 1.0)
    assert calls == []  # served from the cache
    frame = layer.features.copy()
    frame.loc[0, "geometry"] = box(10, 10, 20, 20)
    layer.set_features(frame)  # how edits change a layer
    assert layer.bounds == (10.0, 10.0, 20.0, 20.0)
    assert layer_extent(layer) == (10.0, 10.0, 20.0, 20.0)
    assert len(calls) == 1


def test_replacing_the_features_updates_every_derived_fact_and_tells_listeners_once():
    layer = _layer([Point(0, 0), Point(1, 1)])
    assert (layer.bounds, layer.geometry_type, layer.invalid_count) == ((0.0, 0.0, 1.0, 1.0), "Point", 0)
    assert layer.sindex.query(box(-1, -1, 2, 2)).tolist() == [0, 1]
    heard = []
    layer.listeners.append(heard.append)
    version = layer.version

    layer.set_features(_frame([box(100, 100, 110, 120), BOWTIE, box(50, 50, 51, 51)]))

    assert heard == [layer] and layer.version == version + 1
    assert layer.bounds == (0.0, 0.0, 110.0, 120.0)
    assert layer.geometry_type == "Polygon"
    assert layer.invalid_count == 1 and layer.geometry_report().rows.tolist() == [1]
    assert sorted(layer.sindex.query(box(99, 99, 111, 121)).tolist()) == [0]
    assert sorted(layer.sindex.query(box(-1, -1, 2, 2)).tolist()) == [1]  # the old points are gone


def test_assigning_the_features_is_the_same_change():
    layer = _layer([Point(0, 0)])
    assert layer.geometry_type == "Point"
    heard = []
    layer.listeners.append(heard.append)
    layer.features = _frame([shapely.LineString([(0, 0), (3, 4)])])
    assert heard == [layer] and layer.geometry_type == "LineString" and layer.bounds == (0.0, 0.0, 3.0, 4.0)


def test_new_read_problems_renew_the_geometry_report():
    layer = _layer([box(0, 0, 1, 1), box(2, 2, 3, 3)])
    assert layer.invalid_count == 0
    layer.read_problems = GeometryProblems(np.array([1]), np.array([UNPARSABLE], dtype=object))
    assert layer.invalid_count == 1 and layer.geometry_report().reasons.tolist() == [UNPARSABLE]


def test_a_listener_that_fails_does_not_keep_the_others_stale():
    layer = _layer([Point(0, 0)])
    heard = []

    def broken(_layer):
        raise RuntimeError("view gone")

    layer.listeners.extend([broken, heard.append])
    layer.set_features(_frame([Point(5, 5)]))
    assert heard == [layer] and layer.bounds == (5.0, 5.0, 5.0, 5.0)


def test_two_threads_asking_at_once_build_the_index_once(monkeypatch):
    layer = _layer([box(i, i, i + 1, i + 1) for i in range(100)])
    real = shapely.STRtree
    builds = []
    first_building, second_build = threading.Event(), threading.Event()

    def tree(geoms):
        builds.append(threading.current_thread().name)
        if len(builds) == 1:
            first_building.set()
            second_build.wait(1.0)  # without the lock the other thread would be building now too
        else:
            second_build.set()
        return real(geoms)

    monkeypatch.setattr(shapely, "STRtree", tree)
    got = {}

    def ask(name):
        got[name] = layer.sindex

    first = threading.Thread(target=ask, args=("first",), name="first")
    first.start()
    assert first_building.wait(10)
    second = threading.Thread(target=ask, args=("second",), name="second")
    second.start()
    first.join(10)
    second.join(10)
    assert builds == ["first"]
    assert got["first"] is got["second"] is layer.sindex


def test_a_fact_built_from_a_replaced_frame_is_not_kept(monkeypatch):
    layer = _layer([box(0, 0, 1, 1)])
    real = shapely.total_bounds
    replaced = []

    def bounds_while_an_edit_lands(geoms):
        if not replaced:
            replaced.append(1)
            layer.set_features(_frame([box(7, 7, 8, 8)]))  # e.g. the GUI thread, mid-build
        return real(geoms)

    monkeypatch.setattr(shapely, "total_bounds", bounds_while_an_edit_lands)
    assert layer.bounds == (0.0, 0.0, 1.0, 1.0)  # what the asker's frame had
    assert layer.bounds == (7.0, 7.0, 8.0, 8.0)  # not kept: built again from the new frame


def test_a_replaced_layer_misses_the_render_image_cache():
    layer = _layer([box(0, 0, 1, 1)])
    entry = RenderLayer(layer, default_vector_style())
    settings = MapSettings(extent=(0, 0, 1, 1), size=(10, 10))
    before = LayerImageCache.key(entry, settings)
    assert LayerImageCache.key(entry, settings) == before
    layer.set_features(layer.features.copy())
    assert LayerImageCache.key(entry, settings) != before
