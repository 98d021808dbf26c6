import numpy as np
import pytest
from pyproj import Geod, Transformer

from ecomap.io.registry import open_path
from tests.io.fixtures import ZONE36_ORIGIN, gbk_shapefile_without_cpg, geopackage


def _geodesic_area(polygon, epsg):
    to_ll = Transformer.from_crs(epsg, 4490, always_xy=True)
    lon, lat = to_ll.transform(*np.asarray(polygon.exterior.coords).T)
    area, _ = Geod(ellps="GRS80").polygon_area_perimeter(lon, lat)
    return abs(area)


def test_gbk_shapefile_without_cpg_decodes_chinese_and_says_it_guessed(tmp_path):
    (layer,) = open_path(gbk_shapefile_without_cpg(tmp_path))
    assert layer.features["HXMC"].tolist() == ["黄河沿岸水土保持红线", "白于山水源涵养红线", "北部防风固沙区"]
    assert layer.encoding.encoding == "GBK"
    assert layer.encoding.guessed and layer.encoding.method == "sample"


def test_cpg_wins_over_guessing(tmp_path):
    path = gbk_shapefile_without_cpg(tmp_path)
    path.with_suffix(".cpg").write_text("936")
    (layer,) = open_path(path)
    assert layer.encoding.encoding == "GBK" and not layer.encoding.guessed
    assert layer.features["HXMC"].iloc[0] == "黄河沿岸水土保持红线"


def test_missing_prj_gives_assumed_zone_crs_not_declared(tmp_path):
    (layer,) = open_path(gbk_shapefile_without_cpg(tmp_path))
    assert layer.crs_info.declared_epsg is None
    assert layer.crs_info.assumed_epsg == 4524
    assert layer.features.crs.to_epsg() == 4524
    assert any("4524" in note for note in layer.notes)


def test_area_is_ellipsoidal_and_matches_geodesic(tmp_path):
    (layer,) = open_path(gbk_shapefile_without_cpg(tmp_path))
    expected = sum(_geodesic_area(p, 4524) for p in layer.features.geometry)
    assert layer.total_area_m2() == pytest.approx(expected, rel=1e-6)
    # planar GK area differs (scale distortion) — the ellipsoidal answer is not just shapely.area
    assert layer.features.geometry.area.sum() != pytest.approx(expected, rel=1e-7)


def test_geopackage_every_layer(tmp_path):
    layers = open_path(geopackage(tmp_path))
    assert sorted(lyr.name for lyr in layers) == ["sites", "zones"]
    zones = next(lyr for lyr in layers if lyr.name == "zones")
    assert zones.crs_info.declared_epsg == 4524 and zones.crs_info.assumed_epsg is None
    assert zones.geometry_type == "Polygon" and zones.feature_count == 2
    assert zones.features["名称"].tolist() == ["甲", "乙"]


def test_swapped_axes_are_detected_and_fixed(tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point

    x0, y0 = ZONE36_ORIGIN
    frame = gpd.GeoDataFrame({"id": [1, 2]}, geometry=[Point(y0, x0), Point(y0 + 10, x0 + 20)])
    path = tmp_path / "swapped.geojson"
    frame.to_file(path, driver="GeoJSON", engine="pyogrio")
    (layer,) = open_path(path)
    assert layer.crs_info.swapped_axes
    assert layer.bounds[0] == pytest.approx(x0)  # x is the easting again
    assert any("swapped" in note for note in layer.notes)


def test_geojson_with_null_and_mixed_geometries(tmp_path):
    path = tmp_path / "mixed.geojson"
    path.write_text("""{"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {"n": "点"}, "geometry": {"type": "Point", "coordinates": [108.1, 37.1]}},
      {"type": "Feature", "properties": {"n": "无"}, "geometry": null},
      {"type": "Feature", "properties": {"n": "线"}, "geometry": {"type": "LineString", "coordinates": [[108, 37], [108.2, 37.1]]}}
    ]}""", encoding="utf-8")
    (layer,) = open_path(path)
    assert layer.feature_count == 3  # the null geometry is kept
    assert layer.geometry_type == "Mixed"
    assert layer.crs_info.declared_epsg == 4326


def test_invalid_geometries_are_loaded_and_counted(tmp_path):
    path = tmp_path / "bowtie.geojson"
    path.write_text("""{"type": "FeatureCollection", "features": [
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,1],[1,0],[0,1],[0,0]]]}},
      {"type": "Feature", "properties": {}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}}
    ]}""")
    (layer,) = open_path(path)
    assert layer.feature_count == 2 and layer.invalid_count == 1
