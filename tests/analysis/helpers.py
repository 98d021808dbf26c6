"""Small layers for analysis tests, built in memory (EPSG:4524 unless asked otherwise)."""

from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Geod

from ecomap.core.crs import CrsInfo, epsg_of
from ecomap.core.layers import DataSource, VectorLayer

X0, Y0 = 36_436_000.0, 3_897_000.0  # inside zone 36 (EPSG:4524)
GEOD = Geod(ellps="GRS80")  # CGCS2000's ellipsoid


def layer(name: str, geoms, crs="EPSG:4524", **columns) -> VectorLayer:
    crs = CRS.from_user_input(crs)
    frame = gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(list(geoms), crs=crs))
    return VectorLayer(name, frame, DataSource(Path(f"/memory/{name}.gpkg"), name),
                       CrsInfo(declared_epsg=epsg_of(crs), declared_wkt=crs.to_wkt()))


def box(x0, y0, x1, y1):
    return shapely.box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def wkt_box(x0, y0, x1, y1) -> str:
    return box(x0, y0, x1, y1).wkt


def geod_areas(geoms, crs="EPSG:4524") -> np.ndarray:
    """Independent ellipsoidal areas: geographic coordinates and pyproj.Geod (geodesic polygon area).

    Edges are densified first so that the geodesic polygon follows the projected straight edges.
    """
    series = gpd.GeoSeries(list(geoms), crs=crs)
    step = 20.0 if series.crs.is_projected else 0.0002
    # counter-clockwise exteriors: Geod's signed areas of the parts of a MultiPolygon then add up
    dense = shapely.orient_polygons(shapely.segmentize(np.asarray(series.array, dtype=object), step))
    geo = gpd.GeoSeries(dense, crs=crs).to_crs(4490)
    return np.array([abs(GEOD.geometry_area_perimeter(g)[0]) if g is not None and not g.is_empty else 0.0
                     for g in geo])


def random_polygons(rng, n, extent, size, vertices=8):
    """n irregular star-shaped polygons inside extent (x0, y0, x1, y1), CRS units."""
    x0, y0, x1, y1 = extent
    cx, cy = rng.uniform(x0, x1, n), rng.uniform(y0, y1, n)
    out = []
    for x, y in zip(cx, cy):
        t = np.sort(rng.uniform(0, 2 * np.pi, vertices))
        r = size * rng.uniform(0.4, 1.0, vertices)
        out.append(shapely.make_valid(shapely.Polygon(np.c_[x + r * np.cos(t), y + r * np.sin(t)])))
    return out
