"""WGS 84 data whose longitudes run 0–360°: moved to −180…180° with a note, nothing else touched."""

from __future__ import annotations

import json

import numpy as np
import pytest
import shapely
from shapely.geometry import LineString, Point, Polygon

from ecomap.io import csv_points
from ecomap.io.crs_detect import longitude_values_in_0_360, wrap_longitudes
from ecomap.io.registry import open_path


def _feature(geometry, name):
    return {"type": "Feature", "properties": {"name": name}, "geometry": shapely.geometry.mapping(geometry)}


def _geojson(path, features):
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    return path


def test_geojson_with_west_longitudes_written_as_180_to_360(tmp_path):
    path = _geojson(tmp_path / "pacific.geojson", [
        _feature(Point(250.5, 30.25, 12.0), "buoy"),
        _feature(Polygon([(200, 10), (210, 10), (210, 20), (200, 10)]), "box"),
        _feature(Point(120.0, 30.0), "east"),
        _feature(LineString([(175, 0), (185, 0)]), "crossing"),
    ])
    (layer,) = open_path(path)
    info = layer.crs_info
    assert info.longitudes_wrapped and info.declared_epsg == 4326
    geoms = dict(zip(layer.features["name"], layer.features.geometry, strict=True))
    # 250.5°E in the 0–360 convention is 109.5°W
    assert (geoms["buoy"].x, geoms["buoy"].y, geoms["buoy"].z) == (-109.5, 30.25, 12.0)
    assert shapely.get_coordinates(geoms["box"]).tolist() == [[-160, 10], [-150, 10], [-150, 20], [-160, 10]]
    assert (geoms["east"].x, geoms["east"].y) == (120.0, 30.0)
    assert shapely.get_coordinates(geoms["crossing"]).tolist() == [[175, 0], [185, 0]]  # not cut
    assert any("0–360" in note for note in layer.notes)


def test_geojson_in_east_longitudes_is_left_alone(tmp_path):
    path = _geojson(tmp_path / "china.geojson", [_feature(Point(100.0, 30.0), "a"),
                                                 _feature(Point(140.0, 40.0), "b")])
    (layer,) = open_path(path)
    assert not layer.crs_info.longitudes_wrapped
    assert shapely.get_coordinates(layer.features.geometry.array).tolist() == [[100, 30], [140, 40]]
    assert not any("0–360" in note for note in layer.notes)


def test_csv_longitudes_0_to_360(tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text("name,lon,lat\nA,181.5,10\nB,179.0,11\nC,200.25,-5\n", encoding="utf-8")
    (layer,) = csv_points.read(path)
    assert layer.crs_info.longitudes_wrapped and layer.crs_info.assumed_epsg == 4490
    assert shapely.get_coordinates(layer.features.geometry.array).tolist() == [
        [-178.5, 10], [179.0, 11], [-159.75, -5]]
    assert any("0–360" in note for note in layer.notes)


def test_a_lone_longitude_above_180_in_a_csv_is_a_typing_error(tmp_path):
    path = tmp_path / "sites.csv"
    path.write_text("name,经度,纬度\nA,108.5,34.2\nB,250,34.3\nC,109.1,34.4\n", encoding="utf-8")
    (layer,) = csv_points.read(path)
    assert not layer.crs_info.longitudes_wrapped
    geoms = layer.features.geometry.array
    assert geoms[1] is None and geoms[0] is not None  # kept without geometry and reported
    assert any("unreadable" in note for note in layer.notes)


@pytest.mark.parametrize("values,expected", [
    ([190.0, 250.0, 359.0], True), ([175.0, 178.0, 182.0, 185.0], True), ([100.0, 120.0, 250.0], False),
    ([100.0, 120.0], False), ([-5.0, 200.0], False), ([200.0, 400.0], False), ([], False),
])
def test_when_undeclared_longitudes_are_clearly_0_to_360(values, expected):
    assert longitude_values_in_0_360(np.array(values)) is expected


def test_wrap_keeps_missing_and_empty_geometries():
    geoms = np.array([None, shapely.Point(), Point(190, 5), Point(10, 5)], dtype=object)
    out = wrap_longitudes(geoms)
    assert out[0] is None and out[1].is_empty
    assert (out[2].x, out[3].x) == (-170.0, 10.0)
    assert geoms[2].x == 190.0  # the input is not changed
