"""GPX: waypoints, routes and tracks as separate layers, in WGS 84, on real files from gpxpy's tests.

Expected values come from GDAL's GPX driver read directly with pyogrio.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pyogrio
import pytest
import shapely

from ecomap.errors import DataError
from ecomap.i18n import tr
from ecomap.io.registry import open_path

GPXPY = Path(__file__).parent.parent / "data" / "real" / "gpxpy"


def _count(path, layer) -> int:
    return pyogrio.read_info(path, layer=layer, force_feature_count=True)["features"]


def test_waypoints_routes_and_tracks_become_three_layers():
    path = GPXPY / "gpx1.1_with_all_fields.gpx"
    layers = open_path(path)
    stem = path.stem
    assert [lyr.name for lyr in layers] == [f"{stem} — {tr(t)}" for t in ("Waypoints", "Routes", "Tracks")]
    assert [lyr.source.layer for lyr in layers] == ["waypoints", "routes", "tracks"]
    for lyr in layers:
        # this file's second track has a one-point segment, which shapely will not build: compare the rest
        _meta, _fids, wkb, _fields = pyogrio.raw.read(path, layer=lyr.source.layer)
        expected = shapely.from_wkb(wkb, on_invalid="ignore")
        assert len(lyr.features) == len(expected) == _count(path, lyr.source.layer)
        decodable = ~shapely.is_missing(expected)
        assert decodable.any() and shapely.equals(lyr.geometry[decodable], expected[decodable]).all()
        assert lyr.crs_info.epsg == 4326 and not lyr.crs_info.is_assumed
    assert [lyr.geometry_type for lyr in layers] == ["Point", "LineString", "LineString"]


def test_empty_layers_are_skipped_and_point_layers_not_offered():
    path = GPXPY / "route.gpx"
    assert _count(path, "waypoints") == 0 and _count(path, "tracks") == 0 and _count(path, "route_points") > 0
    (layer,) = open_path(path)
    assert layer.source.layer == "routes"
    assert shapely.get_num_coordinates(layer.geometry).sum() == _count(path, "route_points")


def test_track_vertices_match_gdal_track_points():
    path = GPXPY / "korita-zbevnica.gpx"
    layers = {lyr.source.layer: lyr for lyr in open_path(path)}
    assert set(layers) == {"waypoints", "tracks"}
    assert shapely.get_num_coordinates(layers["tracks"].geometry).sum() == _count(path, "track_points")
    assert layers["waypoints"].features["name"].tolist() == pyogrio.read_dataframe(path, layer="waypoints")[
        "name"].tolist()


def test_columns_no_feature_fills_are_left_out():
    path = GPXPY / "korita-zbevnica.gpx"
    expected = pyogrio.read_dataframe(path, layer="waypoints")
    (layer,) = [lyr for lyr in open_path(path) if lyr.source.layer == "waypoints"]
    kept = [c for c in layer.features.columns if c != "geometry"]
    dropped = set(expected.columns) - set(layer.features.columns)
    assert dropped and all(expected[c].isna().all() for c in dropped)
    assert all(expected[c].notna().any() for c in kept)


def test_a_point_layer_can_still_be_asked_for_by_name():
    path = GPXPY / "track-with-empty-segment.gpx"
    (layer,) = open_path(path, layer="track_points")
    assert len(layer.features) == _count(path, "track_points")


def test_gpx_without_features_is_a_clear_error(tmp_path):
    path = tmp_path / "empty.gpx"
    path.write_text('<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">'
                    "</gpx>", encoding="utf-8")
    with pytest.raises(DataError, match="empty.gpx"):
        open_path(path)


def test_gpx_inside_a_zip(tmp_path):
    src = tmp_path / "轨迹.gpx"
    shutil.copy(GPXPY / "korita-zbevnica.gpx", src)
    path = tmp_path / "外业.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.write(src, "2024/轨迹.gpx")
    layers = open_path(path)
    assert [lyr.source.layer for lyr in layers] == ["2024/轨迹.gpx|waypoints", "2024/轨迹.gpx|tracks"]
    assert layers[1].name.startswith("轨迹 — ")
    (again,) = open_path(path, layer="2024/轨迹.gpx|tracks")
    assert shapely.equals(again.geometry, layers[1].geometry).all()


def test_gpx_declared_gb2312_is_decoded_and_the_folder_left_alone(tmp_path):
    names = ["水源井", "监测点二"]
    body = "".join(f'<wpt lat="34.{i}" lon="108.{i}"><name>{n}</name></wpt>' for i, n in enumerate(names, 1))
    path = tmp_path / "外业.gpx"
    path.write_bytes(('<?xml version="1.0" encoding="GB2312"?>\n<gpx version="1.1" creator="奥维" '
                      f'xmlns="http://www.topografix.com/GPX/1/1">{body}</gpx>\n').encode("gb2312"))
    with pytest.raises(pyogrio.errors.DataSourceError, match="encoding"):  # GDAL's XML parser refuses it
        pyogrio.list_layers(path)
    (layer,) = open_path(path)
    assert layer.features["name"].tolist() == names
    assert layer.source.path == path and layer.source.layer == "waypoints"
    assert shapely.get_coordinates(layer.geometry).tolist() == [[108.1, 34.1], [108.2, 34.2]]
    assert [p.name for p in tmp_path.iterdir()] == ["外业.gpx"]
