import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS

from ecomap.core.crs import CrsInfo
from ecomap.core.layers import DataSource, VectorLayer
from ecomap.core.query import (
    extent_of_rows,
    features_at,
    features_in,
    geometries_in_map,
    transform_point,
)


def make_layer():
    x0, y0 = 39_500_000, 4_400_000
    geoms = [shapely.box(x0, y0, x0 + 100, y0 + 100), shapely.box(x0 + 50, y0 + 50, x0 + 150, y0 + 150),
             shapely.Point(x0 + 500, y0 + 500), shapely.LineString([(x0 + 1000, y0), (x0 + 1000, y0 + 1000)]), None]
    frame = gpd.GeoDataFrame({"id": range(5)}, geometry=geoms, crs=4527)
    return VectorLayer("t", frame, DataSource("/tmp/t.gpkg"), CrsInfo(declared_epsg=4527))


def test_features_at_polygon_overlap_topmost_first():
    lyr = make_layer()
    rows = features_at(lyr, 39_500_075, 4_400_075, 1.0)
    assert rows.tolist() == [1, 0]
    assert features_at(lyr, 39_500_499, 4_400_501, 2.0).tolist() == [2]
    assert features_at(lyr, 39_501_001, 4_400_500, 2.0).tolist() == [3]
    assert features_at(lyr, 39_509_000, 4_409_000, 2.0).tolist() == []


def test_query_in_another_map_crs():
    lyr = make_layer()
    geo = CRS.from_epsg(4490)
    lon, lat = transform_point(39_500_075, 4_400_075, CRS.from_epsg(4527), geo)
    assert features_at(lyr, lon, lat, 1e-6, geo).tolist() == [1, 0]
    rows = features_in(lyr, shapely.box(lon - 0.02, lat - 0.02, lon + 0.02, lat + 0.02), geo)
    assert rows.tolist() == [0, 1, 2, 3]


def test_extent_and_geometries_in_map():
    lyr = make_layer()
    ext = extent_of_rows(lyr, [0, 1], CRS.from_epsg(4527))
    assert np.allclose(ext, (39_500_000, 4_400_000, 39_500_150, 4_400_150))
    assert extent_of_rows(lyr, [4], None) is None
    g = geometries_in_map(lyr, [2], CRS.from_epsg(4490))
    assert 116 < shapely.get_x(g[0]) < 118
