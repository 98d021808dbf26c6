"""VectorLayer.bounds is computed once per frame and recomputed when the frame is replaced."""

from __future__ import annotations

import geopandas as gpd
import shapely
from shapely.geometry import Point, box

from ecomap.core.extent import layer_extent
from ecomap.core.layers import DataSource, VectorLayer


def _layer(geoms) -> VectorLayer:
    return VectorLayer("t", gpd.GeoDataFrame({"a": range(len(geoms))}, geometry=geoms, crs=3857),
                       DataSource("t.gpkg"))


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
    layer.features = frame  # how edits change a layer
    assert layer.bounds == (10.0, 10.0, 20.0, 20.0)
    assert layer_extent(layer) == (10.0, 10.0, 20.0, 20.0)
    assert len(calls) == 1
